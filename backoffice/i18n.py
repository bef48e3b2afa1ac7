"""The interface's words in the reader's language: gettext catalogues through Flask-Babel.

The pages' own words are catalogue entries (``backoffice/translations/<locale>/LC_MESSAGES/
messages.po``; English message ids, Korean translations; ``make catalogue`` extracts and
updates them). The procedures carry their own Korean as data (states, actions, fields:
``Label(en=, ko=)`` in ``workflows/``: they are law, not interface), and the web layer picks
the reader's language from either with :func:`bilingual`. Korean is the default language;
English is beside it. :func:`josa` gives the particle a Korean word takes (을/를, 이/가, 으로/로).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from babel.support import Translations
from flask import session
from flask_babel import LazyString, gettext
from flask_login import current_user
from markupsafe import Markup

from backoffice.dates import in_language
from backoffice.paths import TRANSLATIONS_DIR

LOCALES = ("ko", "en")


@dataclass(frozen=True)
class Words:
    """One text in both languages (a page shows the reader's first, with ``bi``)."""

    en: str
    ko: str = ""


class InBoth(str):
    """A text in both languages: as text, the Korean then the English (a PDF, a plain
    comparison); in a page, :func:`bilingual` (the reader's language first, the other marked
    with its ``lang``)."""

    en: str
    ko: str

    def __new__(cls, en: str, ko: str = "") -> InBoth:
        both = super().__new__(cls, f"{ko} {en}" if ko and ko != en else en)
        both.en, both.ko = en, ko
        return both

    def __html__(self) -> Markup:
        return bilingual(self.en, self.ko or self.en)


def current_locale() -> str:
    """Korean or English: the user's choice, the session's for a visitor, Korean by default."""
    if current_user and current_user.is_authenticated:
        return current_user.locale
    return session.get("locale", "ko")


@cache
def _korean() -> Translations:
    return Translations.load(str(TRANSLATIONS_DIR), ["ko"])


def korean_of(english: str) -> str:
    """The Korean catalogue's translation of ``english`` (itself when it has none)."""
    return _korean().gettext(english)


def bilingual(english: str, korean: str | None = None, **values) -> Markup:
    """The text in the reader's language first, the other one after it, smaller and marked
    with its ``lang``. ``korean`` is the catalogue's translation of ``english`` unless given
    (the procedures' labels carry their own); ``values`` fill ``%(name)s`` in both."""
    if korean is None:
        korean = korean_of(english)
    if values:
        english, korean = _filled(english, korean, values)
    if not korean or korean == english:
        return Markup("{}").format(english)
    if current_locale() == "ko":
        return Markup('<span lang="ko">{}</span> <span class="en" lang="en">{}</span>').format(
            korean, english)
    return Markup('<span lang="en">{}</span> <span class="ko" lang="ko">{}</span>').format(
        english, korean)


def _filled(english: str, korean: str, values: Mapping[str, object]) -> tuple[str, str]:
    """Both texts filled, each with the values as written in its language (a date shown by
    ``backoffice.dates`` is ``2026-12-02`` in English, ``2026년 12월 2일(수)`` in Korean)."""
    return (english % {k: in_language(v, "en") for k, v in values.items()},
            korean % {k: in_language(v, "ko") for k, v in values.items()})


def words(english: str) -> str:
    """``english`` in the reader's language (the catalogue's ``gettext``)."""
    return gettext(english)


def N_(english: str) -> str:
    """Mark ``english`` for the catalogue (``pybabel extract`` reads ``N_``); it is translated
    where the page shows it."""
    return english


def in_both(english: str, en: Mapping[str, object], ko: Mapping[str, object]) -> Markup:
    """``english`` filled with ``en`` and its Korean (the catalogue's) with ``ko``, shown as
    :func:`bilingual` shows a text: for values that have words of their own in each language
    (a transition's label)."""
    return bilingual(english % en, korean_of(english) % ko)


def plain_bilingual(english: str, **values) -> str:
    """``english`` and its Korean (the catalogue's) as one plain text, the reader's language
    first: "새 비밀번호 · New password". For the texts that cannot carry markup (a button's
    value) or that a page shows as plain text; ``values`` fill ``%(name)s`` in both."""
    korean = korean_of(english)
    if values:
        english, korean = _filled(english, korean, values)
    if korean == english:
        return english
    return f"{korean} · {english}" if current_locale() == "ko" else f"{english} · {korean}"


def lazy_bilingual(english: str) -> LazyString:
    """:func:`bilingual`, made when shown: labels and hints declared with a form class."""
    return LazyString(bilingual, english)


def lazy_plain_bilingual(english: str) -> LazyString:
    """:func:`plain_bilingual`, made when shown (a form's submit button)."""
    return LazyString(plain_bilingual, english)


_DIGIT_FINALS = {"0": "ㅇ", "1": "ㄹ", "3": "ㅁ", "6": "ㄱ", "7": "ㄹ", "8": "ㄹ"}
_RIEUL = 8


def josa(word: str, after_consonant: str, after_vowel: str) -> str:
    """The particle that follows ``word``: 을/를, 이/가, 으로/로 (로 also after ㄹ).

    A word ending in a letter whose sound is not known here gets both: 을(를).
    """
    last = word.rstrip(" '\"”’)]")[-1:] if word else ""
    if "가" <= last <= "힣":
        final = (ord(last) - ord("가")) % 28
        consonant, rieul = final != 0, final == _RIEUL
    elif last.isdigit():
        consonant, rieul = last in _DIGIT_FINALS, _DIGIT_FINALS.get(last) == "ㄹ"
    else:
        if after_consonant == after_vowel:
            return after_consonant
        return (f"({after_consonant[0]}){after_vowel}" if after_consonant == "으로"
                else f"{after_consonant}({after_vowel})")
    if after_consonant == "으로" and rieul:
        return after_vowel
    return after_consonant if consonant else after_vowel
