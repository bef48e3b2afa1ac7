"""What a notice says, frozen when it is issued.

The content is built once from the facts of the case and the event that issued the notice, and
kept with the notice as JSON: rendering is a pure function of it, so a notice printed again
reads exactly as the one served, and a preview shows what will be issued.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from workflows import clock
from workflows.calendar import StatutoryCalendar
from workflows.engine import Label
from workflows.notices.kinds import NoticeKind
from workflows.notices.remedies import COMMISSIONER, Remedy
from workflows.procedures import procedure_for


@dataclass(frozen=True)
class NoticeFacts:
    """Everything a notice may state, gathered by the caller (database or bulk sweep)."""

    procedure: str
    reference: str
    trigger: str
    article: str | None
    issued_at: datetime
    office: Mapping[str, Any]
    """``code``, ``name_ko``, ``name_en``, ``address``."""
    addressee: Mapping[str, Any]
    """``name``, ``address``, ``identifier`` (masked), ``identifier_label``."""
    data: Mapping[str, Any] = field(default_factory=dict)
    fields: Mapping[str, Any] = field(default_factory=dict)
    reason: str | None = None
    deadlines: Mapping[str, date] = field(default_factory=dict)
    """Due dates of the case's deadlines by kind, as they stand after the event."""

    def deadline_due(self, kind: str) -> date | None:
        value = self.deadlines.get(kind)
        return date.fromisoformat(value) if isinstance(value, str) else value

    @property
    def issued_on(self) -> date:
        return self.issued_at.astimezone(clock.SEOUL).date()


def remedy_of(kind: NoticeKind, facts: NoticeFacts) -> Remedy | None:
    return kind.remedy(facts) if callable(kind.remedy) else kind.remedy


def build_content(kind: NoticeKind, facts: NoticeFacts,
                  calendar: StatutoryCalendar) -> dict[str, Any]:
    """Return the JSON content of a notice of ``kind``.

    A remedy that runs from receipt gets its last day computed by the calendar (Art. 8) for a
    notice received on its date of issue; the case's own deadline runs from the recorded
    service date.
    """
    procedure = procedure_for(facts.procedure)
    has = procedure.has_trigger(facts.trigger)
    transition = procedure.transition(facts.trigger) if has else None
    state = procedure.state(transition.dest) if transition and transition.dest else None
    return _json({
        "kind": kind.code,
        "title_ko": kind.title_ko,
        "title_en": kind.title_en,
        "notice_article": _printable(kind.article),
        "legal_basis": _printable(facts.article or kind.article),
        "issued_on": facts.issued_on,
        "office": dict(facts.office),
        "signatory": _signatory(facts.data),
        "addressee": dict(facts.addressee),
        "case": {
            "reference": facts.reference,
            "procedure": facts.procedure,
            "procedure_article": procedure.article,
        },
        "action": {
            "trigger": facts.trigger,
            "label_en": transition.label_en if transition else facts.trigger,
            "label_ko": transition.label_ko if transition else facts.trigger,
            "state_en": state.label_en if state else None,
            "state_ko": state.label_ko if state else None,
        },
        "subject": _subject(procedure, facts),
        "fields": _labelled_fields(transition, facts.fields),
        "reason": facts.reason,
        "data": dict(facts.data),
        "deadlines": dict(facts.deadlines),
        "remedy": _remedy(remedy_of(kind, facts), facts.issued_on, calendar),
    })


def _signatory(data: Mapping[str, Any]) -> dict[str, str] | None:
    """Who signs when the Act gives the disposition to the Commissioner of the Korea Customs
    Service (``disposing_authority``, e.g. Arts. 255-2(1), 255-5); otherwise the head of the
    issuing office signs (None)."""
    if data.get("disposing_authority") != COMMISSIONER:
        return None
    return {"ko": "관세청장", "en": "Commissioner of the Korea Customs Service"}


def _printable(article: str) -> str:
    """An article as printed on an official notice: our research labels ([Assumption], [GK])
    stay in the declarations and README, not on the paper."""
    return re.sub(r"\s*\[(?:Assumption|GK)[^\]]*\]", "", article or "").strip()


def _subject(procedure, facts: NoticeFacts) -> dict[str, str | None]:
    """What the case is about, in both languages: as its procedure names it
    (``Procedure.subject``: a permission applied for, a certification), or the disposition it
    contests."""
    data = facts.data
    if procedure.subject is not None and (named := procedure.subject(data)):
        return dict(named)
    return {"ko": data.get("disposition"), "en": data.get("disposition"),
            "article": data.get("disposition_ref")}


def _labelled_fields(transition, values: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The values the officer entered, with their labels and, for a choice, its wording in
    both languages (the Korean first, the English after it)."""
    if transition is None:
        return []
    rows = []
    for declared in transition.fields:
        value = values.get(declared.name)
        if value is None or value == "" or declared.name == transition.reason_field:
            continue
        chosen = declared.choice_label(value)
        rows.append({"name": declared.name, "label_en": declared.label_en,
                     "label_ko": declared.label_ko or declared.label_en,
                     "value": _both(chosen) if chosen else value})
    return rows


def _both(label: Label) -> str:
    """A choice as a notice prints it: the Korean, and the English on the line below (the
    value's cell keeps line breaks, like the subject's two lines)."""
    return f"{label.ko}\n{label.en}" if label.ko and label.ko != label.en else label.en


def _remedy(remedy: Remedy | None, issued_on: date,
            calendar: StatutoryCalendar) -> dict[str, Any] | None:
    if remedy is None:
        return None
    content = {"article": remedy.article, "text_en": remedy.text_en, "text_ko": remedy.text_ko,
               "period": remedy.period, "files": list(remedy.files)}
    if remedy.period:
        due = calendar.due(issued_on, remedy.period, start_label="receipt of this notice")
        content.update(due_if_received_on_issue=due.due_date, explanation=due.explanation)
    return content


_PLAIN = frozenset({str, int, bool, float, type(None)})


def _json(value: Any) -> Any:
    if type(value) in _PLAIN:  # most of a notice's content: checked first
        return value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json(v) for v in value]
    return value
