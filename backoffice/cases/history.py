"""A case's history as sentences a person reads: newest first, in the reader's language, in KST.

Every event of the append-only chain (:mod:`backoffice.audit`) becomes one entry. What the
entry says depends on who reads it: internal notes (a waiver's reason) and the raw record (the
hash, the payload) are for the office's staff only.

A sentence names who acted, by role and display name ("세관공무원 김민준(Kim Minjun)", "Customs
officer Kim Minjun (김민준)"), or the system; says what was done in the words the procedure
declares (the transition's label, the states' labels, never a trigger code); cites the article;
and adds what followed: the notices issued, a case opened, the service recorded. An event of a
kind this module does not know still reads as a plain sentence with its states.

Who sees a note. A duty payer is shown what the office tells them anyway: a reason that went out
in a notice, or one the duty payer could have given (their objection's reasons, a withdrawal).
Everything else stays with the staff (officers and supervisors): a supervisor's waiver reason, a
reassignment reason, the grounds of a re-deliberation request and the other reasons of actions
only the office takes without a notice, a failed effect's technical cause, and any note of an
unknown kind of event. A duty payer never sees a username (display names are shown) nor the raw
record. Korean is the default language; English is the other one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from itertools import pairwise
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import object_session

from backoffice import dates
from backoffice.audit import SYSTEM_ACTOR
from backoffice.cases.personal_data import VIEW_TRIGGER, masked_payload, personal_fields
from backoffice.i18n import N_, josa
from backoffice.models import Case, CaseEvent, User
from workflows import clock
from workflows.citations import korean_citation as ko_article
from workflows.engine import ExpiryKind, Procedure, Transition
from workflows.notices.service import METHOD_LABELS, ServiceMethod
from workflows.procedures import CATALOGUE, REGISTRY
from workflows.roles import OFFICE_ROLES, Role

KOREAN = "ko"


# --- the entry -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One event of the history as the reader sees it."""

    when: datetime
    sentence: str
    actor: str
    article: str | None = None
    note: str | None = None
    """A reason or a note shown to the reader (internal notes only to staff)."""
    details: dict[str, Any] = field(default_factory=dict)
    """The raw record (seq, trigger, hash, payload), for staff only; empty for a duty payer."""
    note_label: str | None = None
    internal: bool = False
    """The note is the office's own: a duty payer reading this event is not shown it."""
    seq: int = 0
    locale: str = "en"
    receipt: bool = False
    """A filing of the party's own after the case opened (a report, a request): it has a
    receipt (``/cases/<ref>/receipt?event=<seq>``)."""

    @property
    def time(self) -> str:
        """When it was recorded, in Seoul wall-clock time, the reader's way:
        ``2026년 12월 1일(화) 14:30``, ``2026-12-01 14:30 KST``."""
        return dates.instant(self.when, self.locale)

    @property
    def text(self) -> str:
        """The whole line: ``2026-12-01 14:30 KST · <sentence>``."""
        return f"{self.time} · {self.sentence}"


def entries(case: Case, events: Iterable[CaseEvent], reader: User, locale: str, *,
            revealed: bool = False) -> list[Entry]:
    """The history of ``case`` for ``reader`` in ``locale`` ("ko" or "en"), newest first; the
    personal fields of the raw records masked unless ``revealed`` (the view recorded,
    :mod:`backoffice.cases.personal_data`)."""
    ordered = sorted(events, key=lambda e: e.seq, reverse=True)
    staff = getattr(reader, "role", None) in OFFICE_ROLES
    names = _people_named(case, ordered)
    hidden = frozenset() if revealed else personal_fields(case.procedure)
    return [_entry(Reading(case, e, locale, staff, names, hidden)) for e in ordered]


def for_template(case: Case, events: Iterable[CaseEvent], revealed: bool = False) -> list[Entry]:
    """:func:`entries` for the signed-in user in the page's language (a template global)."""
    from flask_login import current_user

    from backoffice.templating import current_locale

    return entries(case, events, current_user, current_locale(), revealed=revealed)


@dataclass(frozen=True)
class Reading:
    """One event as one reader reads it: the language, and whether the reader is staff."""

    case: Case
    event: CaseEvent
    locale: str
    staff: bool
    names: Mapping[str, User]
    hidden: frozenset[str] = frozenset()
    """The personal fields whose values the raw record masks."""

    @property
    def ko(self) -> bool:
        return self.locale == KOREAN

    def say(self, korean: str, english: str) -> str:
        return korean if self.ko else english

    @property
    def payload(self) -> dict[str, Any]:
        return self.event.payload or {}

    @property
    def procedure(self) -> Procedure | None:
        return REGISTRY.get(self.case.procedure)


@dataclass(frozen=True)
class Said:
    """What an event says after its actor: the main clause, what followed, and a note."""

    main: str
    clauses: tuple[str, ...] = ()
    note: str | None = None
    note_label: str | None = None
    cite: bool = True


def _entry(reading: Reading) -> Entry:
    event = reading.event
    said = _describe(reading)
    actor = _actor(reading)
    article = _article(reading) if said.cite else None
    internal = bool(said.note) and _describe(replace(reading, staff=False)).note is None
    return Entry(when=event.occurred_at, sentence=_compose(reading, actor, said, article),
                 actor=actor, article=article, note=said.note, note_label=said.note_label,
                 internal=internal,
                 details=_details(event, reading.hidden) if reading.staff else {},
                 seq=event.seq, locale=reading.locale, receipt=is_party_filing(event))


def is_party_filing(event: CaseEvent) -> bool:
    """Whether ``event`` is a filing the party made itself online after the case opened."""
    return event.seq > 1 and event.actor is not None and event.actor.role == Role.DUTY_PAYER


def _compose(reading: Reading, actor: str, said: Said, article: str | None) -> str:
    """Korean: ``행위자: 본문 (조문). 덧붙임.`` English: ``Actor main (Art.); clause; clause.``"""
    cited = f"{said.main} ({article})" if article else said.main
    if reading.ko:
        return " ".join([f"{actor}: {cited}.", *(f"{c}." for c in said.clauses)])
    return f"{actor} " + "; ".join([cited, *said.clauses]) + "."


RECORD_FIELDS = {
    "seq": N_("Number in the case's record"), "trigger": N_("Action"), "actor": N_("By"),
    "occurred_at": N_("Recorded at"), "effective_at": N_("Effective at"),
    "from_state": N_("From state"), "to_state": N_("To state"), "article": N_("Article"),
    "reason": N_("Reason"), "hash": N_("Hash (SHA-256)"), "prev_hash": N_("Previous hash"),
}
"""What each column of the raw record is, for the staff who read it (its name beside)."""


def record_field(key: str) -> str:
    return RECORD_FIELDS.get(key, key)


def _details(event: CaseEvent, hidden: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The raw record for staff: every column of the event, the payload as JSON with the
    personal fields ``hidden`` masked."""
    return {
        "seq": event.seq, "trigger": event.trigger, "actor": event.actor_label,
        "occurred_at": event.occurred_at.astimezone(clock.SEOUL).isoformat(),
        "effective_at": event.effective_at.astimezone(clock.SEOUL).isoformat(),
        "from_state": event.from_state, "to_state": event.to_state, "article": event.article,
        "reason": event.reason, "hash": event.hash, "prev_hash": event.prev_hash,
        "payload": json.dumps(masked_payload(event.payload or {}, hidden), ensure_ascii=False,
                              indent=2, sort_keys=True),
    }


# --- what happened -------------------------------------------------------------------------


def _describe(reading: Reading) -> Said:
    trigger = reading.event.trigger
    special = EVENTS.get(trigger)
    if special is not None:
        return special(reading)
    procedure = reading.procedure
    if procedure is not None and procedure.has_trigger(trigger):
        return _transition(reading, procedure.transition(trigger))
    return _unknown(reading)


def _transition(reading: Reading, transition: Transition) -> Said:
    """A declared action: its label as a verb; a system action says which time limit passed."""
    if reading.event.actor is None and "deadline" in reading.payload:
        main = _took_effect(reading, transition)
    elif reading.ko:
        main = ko_predicate(transition.label_ko or transition.label_en)
    else:
        main = en_predicate(transition.label_en, _subject(reading.case))
    note, label = _transition_note(reading, transition)
    return Said(main, _follow_ups(reading), note, label)


def _took_effect(reading: Reading, transition: Transition) -> str:
    """The scheduler fired the action the law attaches to the lapse of a time limit."""
    limit, due = _time_limit(reading), _due(reading)
    moment = dates.end_moment(_instant(reading.payload.get("legal_moment"))
                             or reading.event.effective_at, reading.locale)
    if reading.ko:
        label = transition.label_ko or transition.label_en
        return (f"{limit}(기한일 {due}){josa(limit, '이', '가')} 지나 '{label}'의 효력이 "
                f"{moment}에 발생했습니다")
    return (f"recorded that {limit} (due {due}) passed: “{transition.label_en}” took effect "
            f"at {moment}")


def _transition_note(reading: Reading, transition: Transition) -> tuple[str | None, str | None]:
    reason = reading.event.reason
    if not reason:
        return None, None
    if not (reading.staff or _reason_is_public(transition)):
        return None, None
    declared = next((f for f in transition.fields if f.name == transition.reason_field), None)
    if declared is None:
        return reason, reading.say("사유", "Reason")
    return reason, reading.say(declared.label_ko or declared.label_en, declared.label_en)


def _reason_is_public(transition: Transition) -> bool:
    """A reason the duty payer may read: it went out in a notice, or they could have given it."""
    return bool(transition.notices) or Role.DUTY_PAYER in transition.roles


def _follow_ups(reading: Reading) -> tuple[str, ...]:
    """What followed the action: the move, a service, the notices issued, a case opened."""
    clauses = [_move(reading), _service(reading), _notices(reading), _opened(reading),
               _effective(reading)]
    return tuple(c for c in clauses if c)


def _move(reading: Reading) -> str | None:
    event = reading.event
    after = _state(reading, event.to_state)
    if event.from_state is None and event.to_state:
        return reading.say(f"'{after}' 상태로 사건이 열렸습니다", f"the case opened as '{after}'")
    if event.from_state == event.to_state or event.to_state is None:
        return None
    before = _state(reading, event.from_state)
    if reading.ko:
        return f"상태가 '{before}'에서 '{after}'{josa(after, '으로', '로')} 바뀌었습니다"
    return f"the case moved from '{before}' to '{after}'"


def _service(reading: Reading) -> str | None:
    """How a notice was served (Art. 11), when the event records it."""
    payload = reading.payload
    number, method = payload.get("notice"), payload.get("service_method")
    if not number or method not in set(ServiceMethod):
        return None
    korean, english = METHOD_LABELS[ServiceMethod(method)]
    served, published = payload.get("served_on"), payload.get("published_on")
    if method == ServiceMethod.PUBLIC_NOTICE:
        return reading.say(f"통지서 {number} {korean} ({published} 공고, {served} 송달 간주)",
                           f"notice {number} by {english}, published on {published} and "
                           f"deemed served on {served}")
    return reading.say(f"통지서 {number} {korean} ({served} 수령)",
                       f"notice {number} {english}, received on {served}")


def _notices(reading: Reading) -> str | None:
    numbers = reading.payload.get("notice_numbers") or []
    if not numbers:
        return None
    listed = ", ".join(numbers)
    return reading.say(f"통지서 {listed} 발급",
                       f"notice{'s' if len(numbers) > 1 else ''} {listed} issued")


def _opened(reading: Reading) -> str | None:
    reference = reading.payload.get("opened")
    return reading.say(f"사건 {reference} 개시", f"case {reference} opened") if reference else None


def _effective(reading: Reading) -> str | None:
    """The legal moment, when it is not the moment of recording (e.g. processed after downtime)."""
    event = reading.event
    if "deadline" in reading.payload or abs(event.effective_at - event.occurred_at) < timedelta(
            minutes=1):
        return None
    moment = dates.end_moment(event.effective_at, reading.locale)
    return reading.say(f"효력 발생 시점: {moment}", f"effective as of {moment}")


# --- events that are not transitions -------------------------------------------------------


def _opening(reading: Reading) -> Said:
    """A case opened outside a declared opening (``open_case`` directly)."""
    return Said(reading.say("사건을 개시했습니다", "opened the case"), _follow_ups(reading),
                *_internal_note(reading))


def _assignment(reading: Reading) -> Said:
    """Who the case is assigned to (a reassignment's reason is the office's own)."""
    payload = reading.payload
    officer = _named(reading, payload.get("to_officer"))
    before = _named(reading, payload.get("from_officer")) if payload.get("from_officer") else None
    actor = reading.event.actor
    if actor is not None and actor.username == payload.get("to_officer"):
        main = reading.say("사건을 맡았습니다", "took the case")
    else:
        main = reading.say(f"{officer}에게 사건을 배정했습니다",
                           f"assigned the case to {officer}")
    clauses = (reading.say(f"이전 담당: {before}", f"previously {before}"),) if before else ()
    return Said(main, clauses, *_internal_note(reading), cite=False)


def _attachment(reading: Reading) -> Said:
    payload = reading.payload
    name, size = payload.get("filename", "?"), _size(payload.get("size"))
    main = reading.say(f"서류를 첨부했습니다: '{name}'({size})",
                       f"added the document “{name}” ({size})")
    return Said(main, note=reading.event.reason, note_label=reading.say("설명", "Description"),
                cite=False)


def _service_recorded(reading: Reading) -> Said:
    main = reading.say("통지서 송달을 기록했습니다", "recorded the service of a notice")
    return Said(main, _follow_ups(reading))


def _correction(reading: Reading) -> Said:
    old = reading.payload.get("replaces", "?")
    new = ", ".join(reading.payload.get("notice_numbers") or ["?"])
    main = reading.say(
        f"통지서 {old}{josa(old, '을', '를')} 정정하여 통지서 {new}{josa(new, '을', '를')} "
        "발급했습니다", f"issued notice {new} to correct notice {old}")
    return Said(main, note=reading.event.reason,
                note_label=reading.say("정정 사유", "Why it was corrected"))


def _extension(reading: Reading) -> Said:
    """An extension for a natural disaster or similar ground (Art. 10); its ground is public."""
    limit, payload = _time_limit(reading), reading.payload
    before, after = payload.get("from"), payload.get("to")
    main = reading.say(f"{limit}{josa(limit, '을', '를')} {before}에서 {after}까지 연장했습니다",
                       f"extended {limit} from {before} to {after}")
    return Said(main, note=reading.event.reason, note_label=reading.say("사유", "Ground"))


def _waiver(reading: Reading) -> Said:
    """A supervisor's waiver: its reason is an internal note."""
    limit, due = _time_limit(reading), _due(reading)
    main = reading.say(f"{limit}(기한일 {due}){josa(limit, '을', '를')} 면제했습니다",
                       f"waived {limit} (due {due})")
    return Said(main, (), *_internal_note(reading))


def _recomputation(reading: Reading) -> Said:
    """The office's calendar changed (a closure day, an outage): a due date moved."""
    limit, payload = _time_limit(reading), reading.payload
    moved = f"{payload.get('from')} → {payload.get('to')}"
    main = reading.say(f"세관 달력 변경으로 {limit}의 기한일을 다시 계산했습니다: {moved}",
                       f"recomputed {limit} after a change of the office calendar: due {moved}")
    return Said(main, note=reading.event.reason, note_label=reading.say("사유", "Why"))


def _passed(reading: Reading) -> Said:
    """A time limit passed with no legal effect of its own: it is escalated or flagged."""
    limit, due = _time_limit(reading), _due(reading)
    main = reading.say(f"{limit}(기한일 {due}){josa(limit, '이', '가')} 지났습니다",
                       f"recorded that {limit} (due {due}) passed")
    spec = _spec(reading)
    kind = spec.on_expiry.kind if spec is not None else None
    if kind is ExpiryKind.ESCALATE:
        clause = reading.say("소속 세관 감독자에게 알렸습니다",
                             "the supervisors of the office were alerted")
    elif kind is ExpiryKind.FLAG:
        clause = reading.say("기한 경과로 표시하고 담당 공무원에게 알렸습니다",
                             "it is shown as missed and the assigned officer was alerted")
    else:
        clause = None
    return Said(main, (clause,) if clause else ())


def _cancelled(reading: Reading) -> Said:
    """A time limit passed but its effect could not be applied; the cause is for staff."""
    limit, due = _time_limit(reading), _due(reading)
    spec = _spec(reading)
    effect = _expiry_label(reading, spec)
    if reading.ko:
        what = f" '{effect}'의" if effect else ""
        main = (f"{limit}(기한일 {due}){josa(limit, '이', '가')} 지났으나{what} 효력을 "
                "적용하지 못해 기한을 취소했습니다")
    else:
        what = f" “{effect}”" if effect else " its effect"
        main = (f"could not apply{what} when {limit} (due {due}) passed; "
                "the time limit was cancelled")
    return Said(main, (), *_internal_note(reading))


def _unknown(reading: Reading) -> Said:
    """An event of a kind not known here: its name in words, its states, its follow-ups."""
    words = reading.event.trigger.replace("_", " ").strip() or "?"
    main = reading.say(f"'{words}' 처리를 기록했습니다", f"recorded “{words}”")
    return Said(main, _follow_ups(reading), *_internal_note(reading))


def _internal_note(reading: Reading) -> tuple[str | None, str | None]:
    """The event's reason as a note for staff; nothing for anyone else."""
    if not (reading.staff and reading.event.reason):
        return None, None
    return reading.event.reason, reading.say("내부 메모", "Internal note")


def _personal_data_viewed(reading: Reading) -> Said:
    return Said(reading.say("개인정보를 열람했습니다", "viewed the personal data"),
                note=reading.event.reason, note_label=reading.say("열람 사유", "Why"))


EVENTS: dict[str, Callable[[Reading], Said]] = {
    "open": _opening,
    VIEW_TRIGGER: _personal_data_viewed,
    "assign": _assignment,
    "attach_document": _attachment,
    "record_notice_service": _service_recorded,
    "correct_notice": _correction,
    "extend_deadline": _extension,
    "waive_deadline": _waiver,
    "recompute_deadline": _recomputation,
    "deadline_passed": _passed,
    "deadline_cancelled": _cancelled,
}
"""The events written outside the procedures' transitions, by trigger."""


# --- who, which state, which time limit ------------------------------------------------------


def _actor(reading: Reading) -> str:
    event = reading.event
    if event.actor is not None:
        return person(event.actor, reading.locale)
    if event.actor_label == SYSTEM_ACTOR:
        return reading.say("시스템", "The system")
    # An actor who is no longer on record: staff see the label, no one else does.
    return event.actor_label if reading.staff else reading.say("직원", "A member of staff")


def person(user: User, locale: str, *, capital: bool = True) -> str:
    """Role and display name: ``세관공무원 김민준(Kim Minjun)``, ``Customs officer Kim Minjun
    (김민준)``."""
    try:
        role = Role(user.role)
    except ValueError:
        return display_name(user.display_name, locale)
    if locale == KOREAN:
        return f"{role.label_ko} {display_name(user.display_name, locale)}"
    label = role.label_en if capital else role.label_en[0].lower() + role.label_en[1:]
    return f"{label} {display_name(user.display_name, locale)}"


_ROMAN_AND_HANGUL = re.compile(r"^(?P<roman>[^()]+?)\s*\((?P<hangul>[^()]*[가-힣][^()]*)\)$")


def display_name(name: str, locale: str) -> str:
    """A name kept as ``Kim Minjun (김민준)`` reads ``김민준(Kim Minjun)`` in Korean."""
    match = _ROMAN_AND_HANGUL.match(name.strip())
    if locale == KOREAN and match:
        return f"{match['hangul'].strip()}({match['roman'].strip()})"
    return name


def _named(reading: Reading, username: str | None) -> str:
    """An officer named in a payload by username, shown by role and display name."""
    user = reading.names.get(username or "")
    if user is not None:
        return person(user, reading.locale, capital=False)
    if reading.staff and username:
        return username
    return reading.say("담당 공무원", "an officer")


def _people_named(case: Case, events: list[CaseEvent]) -> dict[str, User]:
    """The users the assignment events name by username, in one query."""
    usernames = {(e.payload or {}).get(key) for e in events if e.trigger == "assign"
                 for key in ("from_officer", "to_officer")} - {None}
    session = object_session(case)
    if not usernames or session is None:
        return {}
    return {u.username: u for u in session.scalars(
        select(User).where(User.username.in_(sorted(usernames))))}


def _state(reading: Reading, name: str | None) -> str:
    procedure = reading.procedure
    try:
        state = procedure.state(name)
    except (AttributeError, KeyError):
        return name or "—"
    return reading.say(state.label_ko or state.label_en, state.label_en)


def _spec(reading: Reading):
    procedure, kind = reading.procedure, reading.payload.get("deadline")
    return procedure.deadline_spec(kind) if procedure is not None and kind else None


def _time_limit(reading: Reading) -> str:
    """The time limit an event is about, by its declared name: "'이의신청 결정' 기한", "'보정
    기간'"; "the time limit for the decision on the objection", "the revision period"."""
    spec = _spec(reading)
    kind = str(reading.payload.get("deadline") or "?").replace("_", " ")
    english = spec.label_en if spec is not None else kind
    if not reading.ko:
        return f"the {english}" if english.endswith("period") else (
            f"the time limit for the {english}")
    korean = (spec.label_ko if spec is not None else "") or english
    return f"'{korean}'" if korean.endswith(("기간", "기한")) else f"'{korean}' 기한"


def _expiry_label(reading: Reading, spec) -> str | None:
    trigger = spec.on_expiry.trigger if spec is not None else None
    procedure = reading.procedure
    if not trigger or procedure is None or not procedure.has_trigger(trigger):
        return None
    transition = procedure.transition(trigger)
    return reading.say(transition.label_ko or transition.label_en, transition.label_en)


def _due(reading: Reading) -> str:
    """The due date the event recorded, the reader's way."""
    recorded = reading.payload.get("due_date")
    try:
        return dates.legal_date(date.fromisoformat(recorded), reading.locale)
    except (TypeError, ValueError):
        return str(recorded or "—")


def _subject(case: Case) -> str:
    info = CATALOGUE.get(case.procedure)
    return f"the {info.title_en[0].lower()}{info.title_en[1:]}" if info else "the case"


def _article(reading: Reading) -> str | None:
    article = reading.event.article
    if not article:
        return None
    if not reading.ko:
        return article
    return re.sub(r"\s*→\s*", " → ", ko_article(article))


def _size(size: Any) -> str:
    try:
        return f"{int(size) / 1024:.1f} KB"
    except (TypeError, ValueError):
        return "?"


def _instant(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


# --- the labels as verbs -------------------------------------------------------------------

_PAST = {
    "accept": "accepted", "appoint": "appointed", "close": "closed", "collect": "collected",
    "decide": "decided", "dismiss": "dismissed", "extend": "extended", "file": "filed",
    "forward": "forwarded", "grant": "granted", "issue": "issued", "notify": "notified",
    "open": "opened", "order": "ordered", "postpone": "postponed", "proceed": "proceeded",
    "receive": "received", "record": "recorded", "refer": "referred", "refuse": "refused",
    "reject": "rejected", "request": "requested", "resume": "resumed", "revoke": "revoked",
    "send": "sent", "submit": "submitted", "suspend": "suspended", "withdraw": "withdrew",
}
_NAMES_THE_CASE = {"accept", "dismiss", "forward", "refer", "reject"}
"""Verbs whose object the label leaves out ("Dismiss", "Refer to the Committee")."""
_HAPPENED = ("filed", "submitted", "granted", "passed")
"""Last words of a label that tells what happened ("Administrative lawsuit filed")."""


def en_predicate(label: str, subject: str = "the case") -> str:
    """A transition's English label as what the actor did: "Send the written opinion" → "sent
    the written opinion"; "Dismiss" → "dismissed the objection"; a label that tells what
    happened ("Revision submitted") is recorded: "recorded: revision submitted"."""
    words = label.split()
    first = words[0].rstrip(":,").lower() if words else ""
    if first in _PAST and words[0].endswith(":"):
        return f"{_PAST[first]} the case: " + " ".join(words[1:])
    if first not in _PAST or (words[-1] in _HAPPENED and first != "record"):
        return f"recorded: {label[:1].lower()}{label[1:]}"
    said = [_PAST[first]]
    if first in _NAMES_THE_CASE and (len(words) == 1 or words[1] in ("to", "with")):
        said.append(subject)
    for before, word in pairwise(words):
        said.append(_PAST.get(word, word) if before in ("and", "or") else word)
    return " ".join(said)


_OBJECT, _SUBJECT, _TOWARDS, _AS = ("을", "를"), ("이", "가"), ("에", "에"), ("으로", "로")
_KO_VERBS = {
    "송부": _OBJECT, "제출": _OBJECT, "요구": _OBJECT, "요청": _OBJECT, "선임": _OBJECT,
    "기록": _OBJECT, "통지": _OBJECT, "연장": _OBJECT, "취소": _OBJECT, "생략": _OBJECT,
    "개시": _OBJECT, "제기": _OBJECT, "접수": _OBJECT, "취하": _OBJECT, "결정": _OBJECT,
    "청구": _OBJECT,
    "회부": _TOWARDS, "경과": _SUBJECT, "간주": _AS,
}
"""The verbal nouns the Korean labels end with, and the particle their noun takes."""


def ko_predicate(label: str) -> str:
    """A transition's Korean label as a sentence: "의견서 송부" → "의견서를 송부했습니다";
    "관세심사위원회 회부" → "관세심사위원회에 회부했습니다"; "각하" → "각하했습니다"."""
    head, _, verb = label.strip().rpartition(" ")
    particle = _KO_VERBS.get(verb)
    if not head or particle is None or head.endswith("첨부"):
        return f"{label.strip()}했습니다"
    return f"{head}{josa(head, *particle)} {verb}했습니다"


__all__ = ["Entry", "en_predicate", "entries", "for_template", "josa", "ko_predicate", "person"]
