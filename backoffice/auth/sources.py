"""Where a request comes from, as the lock-out and the rate limits count it (issue 13, item 6).

An IPv4 address is one source. An IPv6 client is given a whole /64 by its provider and can
change address within it at will, so the /64 is one source: otherwise one household could try
2^64 addresses' worth of guesses. Behind reverse proxies the address is the one they forward
(``PROXY_FIX_X_FOR``), never a header a client can set itself.
"""

from __future__ import annotations

from ipaddress import IPv6Address, IPv6Network, ip_address

from flask import request

IPV6_PREFIX = 64


def source_of(address: str | None) -> str:
    """The source an address counts as: itself, or for IPv6 its /64 network."""
    try:
        parsed = ip_address(address or "")
    except ValueError:
        return address or "unknown"
    if isinstance(parsed, IPv6Address):
        if parsed.ipv4_mapped is not None:  # ::ffff:203.0.113.66 is that IPv4 address
            return str(parsed.ipv4_mapped)
        return str(IPv6Network((parsed, IPV6_PREFIX), strict=False))
    return str(parsed)


def request_source() -> str:
    """The source of the current request."""
    return source_of(request.remote_addr)
