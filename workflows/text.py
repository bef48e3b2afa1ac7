"""Text a person types: no control characters, and digits as ASCII where a number is meant.

Every text field refuses NUL and the other control characters (Unicode category Cc), lone
surrogates and noncharacters: none of them is anything a person writes, and each breaks
something downstream (PostgreSQL refuses NUL in text, a PDF notice or a log line shows garbage).
A field of several lines keeps its tab and line breaks.

Identifiers and amounts are read after NFKC normalisation, so the full-width digits and hyphen
a Korean input method types (``１２３－４５``) are the ASCII ones; what is stored is ASCII.
"""

from __future__ import annotations

import re
import unicodedata

LINE_CONTROLS = frozenset("\t\n\r")
"""The control characters a field of several lines may hold."""

_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212]")
"""Between the parts of an identifier: spaces, hyphens, dashes and the minus sign."""
_THOUSANDS = re.compile(r"[\s,]")
"""Between the digits of an amount: thousands separators (a full-width comma is one after NFKC)."""


_FORBIDDEN = {
    multiline: re.compile(f"[{controls}\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
    for multiline, controls in ((True, "\x00-\x08\x0b\x0c\x0e-\x1f"), (False, "\x00-\x1f"))
}
"""Cc (less tab and line breaks in a field of several lines), surrogates and the noncharacters
of the Basic Multilingual Plane (Unicode ch. 23.7): a scan in C, not a loop in Python."""
_ABOVE_PLANE_1 = re.compile("[\U0001fffe-\U0010ffff]")
_ASTRAL_NONCHARACTERS = re.compile(
    "[" + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}"
                  for plane in range(1, 17)) + "]")
"""The last two code points of planes 1-16; sought only in a text that has such characters
(a slower scan: ordinary Korean and English text never needs it)."""


def text_problem(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` cannot be kept as typed text (Korean first, then English), or None."""
    found = [_FORBIDDEN[multiline].search(value)]
    if _ABOVE_PLANE_1.search(value):
        found.append(_ASTRAL_NONCHARACTERS.search(value))
    first = min((f for f in found if f is not None), key=lambda f: f.start(), default=None)
    if first is None:
        return None
    char, position = first.group(), first.start() + 1
    korean, particle, english = _what(char)
    return (f"{korean}(U+{ord(char):04X}, {position}번째 글자){particle} 입력할 수 없습니다 · "
            f"{english} (U+{ord(char):04X}, character {position}) cannot be entered: remove it")


def _what(char: str) -> tuple[str, str, str]:
    """What the character is: in Korean with its particle, and in English."""
    category = unicodedata.category(char)
    if char in LINE_CONTROLS:
        return "탭이나 줄바꿈", "은", "a tab or line break"
    if category == "Cc":
        return "제어 문자", "는", "a control character"
    if category == "Cs":
        return "짝이 없는 서로게이트", "는", "a lone surrogate"
    return "비문자", "는", "a noncharacter"


def ascii_form(raw: str) -> str:
    """``raw`` in NFKC: full-width letters, digits and hyphen become ASCII (``Ｐ１`` → ``P1``)."""
    return unicodedata.normalize("NFKC", raw)


def compact_digits(raw: str) -> str:
    """An identifier as typed, normalised, without the spaces and hyphens between its parts:
    ``１２３－４５－６７８９０`` → ``1234567890``."""
    return _SEPARATORS.sub("", ascii_form(raw))


def whole_number(raw: str) -> int:
    """A whole number (an amount in KRW, a count) as typed: ASCII or full-width digits,
    optionally with thousands separators and a leading minus.

    ``int()`` alone accepts digits of any script (Arabic-Indic, Devanagari); only ASCII digits
    after normalisation are read here, so what is stored is what the officer sees.

    :raise ValueError: with a message a person can act on.
    """
    text = ascii_form(str(raw)).strip()
    sign, body = ("-", text[1:]) if text[:1] in ("-", "\u2212") else ("", text)
    digits = _THOUSANDS.sub("", body)
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 18:
        raise ValueError(f"{str(raw)[:30]!r}은(는) 정수가 아닙니다 · is not a whole number "
                         "(digits, optionally with thousands separators: 30,000,000)")
    return int(sign + digits)
