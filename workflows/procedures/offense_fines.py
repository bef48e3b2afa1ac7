"""The amount equivalent to a fine (벌금 상당액, Art. 311(1)1 and (4)): the maximum fine each
offence carries under Arts. 269 to 276, and the criteria the Presidential Decree sets for the
amount a notice demands, which are configuration.

The maximum fines, as the Act words them:

- 269(1): KRW 70 million; 269(2): ten times the duty or the prime cost of the goods, whichever
  is higher; 269(3): the prime cost;
- 270(1): five times the evaded duty or the prime cost, whichever is higher; 270(2): KRW 30
  million; 270(3): KRW 20 million; 270(4) and (5): five times the duty reduced, exempted or
  refunded;
- 270-2: the cost of the goods or KRW 50 million, whichever is higher; 274: the prime cost;
- 275-2: KRW 30 million; 275-3: KRW 10 million;
- 276(2): the prime cost or KRW 20 million, whichever is higher; 276(3): KRW 20 million;
  276(4): KRW 10 million; 276(5): KRW 5 million.

Art. 271 punishes an abettor, an aider or an attempt as the principal offence, which the case
does not name: no maximum is computed for it, and the amount is the officer's.

The criteria (311(4)) default to 30/100 of the maximum fine, moved by at most half of that for
aggravating or mitigating circumstances [GK, unverified: the Enforcement Decree's Art. 270-2 as
commonly cited]; both numbers are settings (``OFFENCE_FINE_RATE_PERCENT``,
``OFFENCE_FINE_ADJUSTMENT_PERCENT``). The reduced maxima of 276(3)-(4) for negligence are not
distinguished: the officer's amount may then lie below the band only by a reduction the
criteria allow, which they record in the reasons.
"""

from __future__ import annotations

from collections.abc import Callable

MILLION = 1_000_000


def _fixed(amount: int) -> Callable[[int, int], int]:
    return lambda duty, prime_cost: amount


MAXIMUM_FINES: dict[str, Callable[[int, int], int]] = {
    "269(1)": _fixed(70 * MILLION),
    "269(2)": lambda duty, prime_cost: max(10 * duty, prime_cost),
    "269(3)": lambda duty, prime_cost: prime_cost,
    "270(1)": lambda duty, prime_cost: max(5 * duty, prime_cost),
    "270(2)": _fixed(30 * MILLION),
    "270(3)": _fixed(20 * MILLION),
    "270(4)": lambda duty, prime_cost: 5 * duty,
    "270(5)": lambda duty, prime_cost: 5 * duty,
    "270-2": lambda duty, prime_cost: max(prime_cost, 50 * MILLION),
    "274": lambda duty, prime_cost: prime_cost,
    "275-2": _fixed(30 * MILLION),
    "275-3": _fixed(10 * MILLION),
    "276(2)": lambda duty, prime_cost: max(prime_cost, 20 * MILLION),
    "276(3)3-2/6": _fixed(20 * MILLION),
    "276(3)": _fixed(20 * MILLION),
    "276(4)": _fixed(10 * MILLION),
    "276(5)": _fixed(5 * MILLION),
}
"""The maximum fine of each offence a notification disposition settles, from the duty involved
and the prime cost of the goods (KRW)."""

DEFAULT_RATE_PERCENT = 30
DEFAULT_ADJUSTMENT_PERCENT = 50


def maximum_fine(offence: str | None, duty: int, prime_cost: int) -> int | None:
    """The maximum fine the offence carries, or None where the case cannot tell (Art. 271)."""
    rule = MAXIMUM_FINES.get(offence or "")
    return rule(duty, prime_cost) if rule is not None else None


def fine_band(maximum: int, rate_percent: int, adjustment_percent: int) -> tuple[int, int]:
    """The lowest and highest amount equivalent to the fine the criteria allow: ``rate_percent``
    of the maximum, moved down or up by at most ``adjustment_percent`` of that amount (whole
    won, rounded down)."""
    low = maximum * rate_percent * (100 - adjustment_percent) // 10_000
    high = maximum * rate_percent * (100 + adjustment_percent) // 10_000
    return low, min(high, maximum)
