"""What a Korean reader sees in English on a page: the text nodes and the attributes a reader
meets (``placeholder``, ``aria-label``, ``title``, ``alt``, ``<option>`` texts, ``<title>``)
that still hold English words once what is not interface is set aside: the English given
beside the Korean (``lang="en"``), the data the page shows (names, references, addresses,
what someone typed: :func:`data_strings`), and the codes a Korean page writes in Latin letters
too (``KNOWN_LATIN``)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser

READ_ATTRIBUTES = ("placeholder", "aria-label", "title", "alt")
SKIPPED_ELEMENTS = {"script", "style", "svg", "code", "kbd", "samp"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
ENGLISH_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
REFERENCE = re.compile(r"\b[A-Z][A-Z-]*-\d{4}-\d{4,6}\b")
"""A case reference or a notice number (OBJ-2026-000001, SEOUL-2026-000006)."""
KNOWN_LATIN = {
    # Written in Latin letters on Korean pages too: formats, units, standards, protocol names.
    "PDF", "JPEG", "PNG", "SHA", "KST", "UTC", "URL", "ID", "MB", "KB", "HTTP", "HTTPS",
    "KCS", "UNI-PASS", "UNI", "PASS", "AEO", "PCC", "CSRF", "SMS", "Gwanse", "Back", "Office",
    "XXXX-XXXX-XXXX",  # the shape of a verification code, as a placeholder shows it
    "pd",  # the unit of processing days in a period as typed ("10pd"), like "d" and "m"
}


@dataclass(frozen=True)
class Untranslated:
    where: str  # "text", "option", "title" or the attribute's name
    text: str


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.found: list[tuple[str, str]] = []

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        skipped = (self.skipping or tag in SKIPPED_ELEMENTS
                   or (attributes.get("lang") or "").startswith("en")
                   or attributes.get("translate") == "no" or "hidden" in attributes
                   or (tag == "input" and attributes.get("type") == "hidden"))
        if not skipped:
            for name in READ_ATTRIBUTES:
                if attributes.get(name):
                    self.found.append((name, attributes[name]))
        if tag not in VOID:
            self.stack.append((tag, skipped))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if self.skipping or not data.strip():
            return
        inside = self.stack[-1][0] if self.stack else ""
        where = {"option": "option", "title": "title"}.get(inside, "text")
        self.found.append((where, data))


def untranslated(html: str, data: Iterable[str] = ()) -> list[Untranslated]:
    """The pieces of ``html`` a Korean reader would meet in English. ``data`` are the strings
    of the database the page may show as they are (longest first, each masked out)."""
    reader = _Reader()
    reader.feed(html)
    masks = sorted({d for d in data if d and ENGLISH_WORD.search(d)}, key=len, reverse=True)
    problems = []
    for where, text in reader.found:
        rest = REFERENCE.sub(" ", " ".join(text.split()))
        for mask in masks:
            if mask in rest:
                rest = rest.replace(mask, " ")
        words = [w for w in (w.strip("-'’") for w in ENGLISH_WORD.findall(rest))
                 if w not in KNOWN_LATIN]
        if words:
            problems.append(Untranslated(where, " ".join(text.split())))
    return problems


INTERFACE_COLUMNS = {
    # Columns that keep the interface's own words, not data: a page writes them in the
    # reader's language (the citations, the steps of a date's explanation, what a period
    # runs from), so they are not set aside.
    ("deadlines", "article"), ("deadlines", "explanation"), ("deadlines", "start_event"),
    ("case_events", "article"), ("notices", "article"),
}


def data_strings(connection) -> set[str]:
    """Every text the database holds that a page may show as data: names, references,
    numbers, addresses, file names, what officers and parties typed (event reasons and
    payloads, case data, deadline and notice values)."""
    import json

    from sqlalchemy import inspect, text

    strings: set[str] = set()
    inspector = inspect(connection)
    for table in inspector.get_table_names():
        columns = [c["name"] for c in inspector.get_columns(table)
                   if str(c["type"]).upper().startswith(("VARCHAR", "TEXT", "JSON", "STRING"))
                   and (table, c["name"]) not in INTERFACE_COLUMNS]
        if not columns or table in {"alembic_version", "sign_in_sessions"}:
            continue
        quoted = ", ".join(f'"{c}"' for c in columns)
        for row in connection.execute(text(f'SELECT {quoted} FROM "{table}"')):  # noqa: S608
            for value in row:
                strings |= _texts_of(value, json)
    return strings


def _texts_of(value, json) -> set[str]:
    if value is None:
        return set()
    if isinstance(value, (dict, list)):
        found: set[str] = set()
        for item in (value.values() if isinstance(value, dict) else value):
            found |= _texts_of(item, json)
        return found
    value = str(value)
    if value[:1] in "[{":
        try:
            return _texts_of(json.loads(value), json)
        except ValueError:
            pass
    return {value}


WEEKDAYS_KO = "월화수목금토일"


def korean_day(day) -> str:
    """A date as a Korean page writes it, spelt out here by hand: ``2026년 12월 2일(수)``."""
    return f"{day.year}년 {day.month}월 {day.day}일({WEEKDAYS_KO[day.weekday()]})"
