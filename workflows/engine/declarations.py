"""How a procedure is declared: states, transitions, fields, deadlines, notices.

A procedure is a table to be read against the Act, not code: every state, transition and
deadline names its article. One ``transitions.Machine`` is built per procedure, once, and shared
by all cases (a case is bound per call; no model is ever attached to the machine).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any, NamedTuple

from transitions import Machine

from workflows.clock import SEOUL, as_date
from workflows.roles import Role

SYSTEM = "system"
"""The pseudo-role of the scheduler: transitions the law makes happen by the passing of time."""

STAYS = None
"""The destination of an action that keeps the case in its state (an internal transition)."""


class Label(NamedTuple):
    """What a state, action, field or deadline is called, in English and in Korean, declared
    as one value: ``Label("Objection filed", "이의신청 접수")``. The Korean may be left empty."""

    en: str
    ko: str = ""

    def __str__(self) -> str:
        """The English, for a reader that formats a label as text (``"{extent}"``)."""
        return self.en


def article_ko(reference: str) -> str:
    """An article as Korean text cites it: ``146(1)2`` → 제146조제1항제2호, ``38-3(6)`` →
    제38조의3제6항."""
    found = re.fullmatch(r"(\d+)(?:-(\d+))?((?:\(\d+\))*)(\d*)", reference.strip())
    if found is None:
        return reference
    article, branch, paragraphs, item = found.groups()
    text = f"제{article}조" + (f"의{branch}" if branch else "")
    text += "".join(f"제{p}항" for p in re.findall(r"\d+", paragraphs))
    return text + (f"제{item}호" if item else "")


class _Labelled:
    """Read access to a declaration's label by language (templates, notices, the README)."""

    label: Label

    @property
    def label_en(self) -> str:
        return self.label.en

    @property
    def label_ko(self) -> str:
        return self.label.ko


@dataclass(frozen=True, kw_only=True)
class State(_Labelled):
    name: str
    label: Label
    article: str
    terminal: bool = False
    suspends: tuple[str, ...] = ()
    """Kinds of deadline whose clock stops while the case is in this state (e.g. Art. 128(4))."""


class FieldKind(StrEnum):
    TEXT = "text"
    LONGTEXT = "longtext"
    DATE = "date"
    DATETIME = "datetime"
    INTEGER = "integer"
    CHOICE = "choice"
    BOOLEAN = "boolean"


class AfterKind(StrEnum):
    ENTERED = "entered"
    """The day the case entered its current state (the decision a service follows)."""
    HAPPENED = "happened"
    """The last day one of the named actions happened on the case."""
    DATA = "data"
    """A date kept in the case's data (the filing date)."""
    VALUE = "value"
    """Another date of the same form (the receipt of the disposition notice a filing
    follows)."""


@dataclass(frozen=True)
class After:
    """An event a legal date cannot precede, and how it reads in the refusal ("the decision
    was made")."""

    kind: AfterKind
    event: str
    keys: tuple[str, ...] = ()

    @classmethod
    def entered(cls, event: str) -> After:
        return cls(AfterKind.ENTERED, event)

    @classmethod
    def happened(cls, *triggers: str, event: str) -> After:
        return cls(AfterKind.HAPPENED, event, triggers)

    @classmethod
    def data(cls, key: str, event: str) -> After:
        return cls(AfterKind.DATA, event, (key,))

    @classmethod
    def value(cls, name: str, event: str) -> After:
        return cls(AfterKind.VALUE, event, (name,))

    def day(self, context: Context) -> date | None:
        """The day of the event on this case, or None when the case does not know it."""
        if self.kind is AfterKind.ENTERED:
            return context.entered_on
        if self.kind is AfterKind.HAPPENED:
            return max((d for t in self.keys if (d := context.happened.get(t))), default=None)
        raw = (context.data if self.kind is AfterKind.DATA else context.values).get(self.keys[0])
        if isinstance(raw, datetime):
            return raw.astimezone(SEOUL).date()
        return as_date(raw) if isinstance(raw, date | str) else None


class CaseFact(NamedTuple):
    """A fact the case page shows in its header, for a procedure that declares them
    (``Procedure.facts``): what it is called, and its value (a :class:`Label`, a date, a
    number or a text)."""

    label: Label
    value: Any


@dataclass(frozen=True, kw_only=True)
class Watch:
    """A list the supervisors' dashboard keeps of a procedure's deadlines of ``kind``: those
    running with their last day within ``within_months`` (all running ones without it), or,
    with ``passed``, those whose day has passed while their duty is still owed. E.g. the
    certifications ending within seven months, the self-assessments not reported. With
    ``decided_by``, the cases on which an action was recently taken (the exemptions decided)."""

    label: Label
    kind: str = ""
    within_months: int | None = None
    passed: bool = False
    decided_by: str | None = None
    """Instead of a deadline: the cases on which this action was taken within the last
    ``within_days`` (the exemptions decided, Art. 311(8)), newest first."""
    within_days: int = 90


@dataclass(frozen=True, kw_only=True)
class Link:
    """A value of a case that names another case it belongs to: a permission applied for under
    a licence (Arts. 185, 187, 195), goods stored in a licensed bonded area (Art. 177). The back
    office reads the case named by ``field`` when it is a case of ``procedure`` of the same
    party, for the guards (``Context.linked``), and shows each case on the other's page."""

    field: str
    procedure: str
    label: Label
    """What the named case is to this one ("Licence")."""
    members: Label
    """What this procedure's cases are to the named one ("Permissions applied for under it")."""


NO_HELP = Label("")
"""A field that needs no explanation."""


@dataclass(frozen=True, kw_only=True)
class Field(_Labelled):
    """A value the actor must (or may) supply when firing a transition."""

    name: str
    label: Label
    kind: FieldKind = FieldKind.TEXT
    required: bool = True
    choices: tuple[tuple[str, Label], ...] = ()
    """The values it may take, each with what it is called in both languages."""
    minimum: int | None = None
    maximum: int | None = None
    help: Label = NO_HELP
    """What the actor should know to fill it in, in both languages."""
    store: bool = False
    """Keep the value in the case's data (e.g. the receipt date the periods run from)."""
    follows: tuple[After, ...] = ()
    """A legal date: the events it cannot precede; the latest the case knows bounds it
    (:mod:`workflows.legal_dates`)."""
    future: bool = False
    """A legal date by nature ahead (a planned completion): bounded by a horizon after today,
    not by today."""
    follows_nothing: str = ""
    """A legal date that follows no event the case knows, and why (the first date of a case)."""
    personal: bool = False
    """Personal data of the party (an offender's age, sex and occupation, Art. 314(2)1): the
    office's pages show it masked until a member of staff asks to see it, with a reason that
    the case's history records."""

    def __post_init__(self) -> None:
        # A plain string is read as English alone (a test's ad hoc declaration).
        if isinstance(self.help, str):
            object.__setattr__(self, "help", Label(self.help))
        if any(isinstance(text, str) for _, text in self.choices):
            object.__setattr__(self, "choices", tuple(
                (value, Label(text) if isinstance(text, str) else text)
                for value, text in self.choices))

    def choice_label(self, value: Any) -> Label | None:
        """What the choice ``value`` is called, or None when it is not one of the choices."""
        return dict(self.choices).get(value)


@dataclass(frozen=True)
class DeadlineView:
    kind: str
    due_date: date
    due_at: datetime
    status: str
    closed_at: datetime | None = None

    @property
    def met_late(self) -> bool:
        """Met after its moment had passed (before the scheduler saw it pass, or after)."""
        return self.status in ("met", "missed") and self.closed_at is not None \
            and self.due_at is not None and self.closed_at > self.due_at


@dataclass(frozen=True, kw_only=True)
class Context:
    """What guards and period functions may look at. Plain values: no database, no Flask."""

    state: str
    role: str
    now: datetime
    data: Mapping[str, Any] = field(default_factory=dict)
    """The case's data."""
    reference: str = ""
    """The case's reference (none before it opens): a fact another case recorded may name it
    (the licensed area where a ground of Art. 175 6 arose)."""
    values: Mapping[str, Any] = field(default_factory=dict)
    """The values of the action being fired (none outside an action)."""
    open_deadlines: Mapping[str, DeadlineView] = field(default_factory=dict)
    """The running deadline of each kind."""
    deadlines: Mapping[str, DeadlineView] = field(default_factory=dict)
    """The newest deadline of each kind, whatever its status: the real last day of a period
    that has passed (with the office's closure days, outages and extensions in it)."""
    entered_on: date | None = None
    """The legal day the case entered its current state (None before it opens)."""
    happened: Mapping[str, date] = field(default_factory=dict)
    """The legal day each action last happened on the case."""
    party: Mapping[str, Any] = field(default_factory=dict)
    """What the back office knows of the party from its other cases, for a procedure that
    reads it (``Procedure.reads_party``): the bonded-area bars its compliance with an offence
    notice or the revocation of a licence opened (``bonded_area_bars``, Art. 175 6-7)."""
    linked: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """The cases the case's values name (``Procedure.links``), by the field that names them:
    each one's ``reference``, ``state`` and ``data``; a field that names no case of the party
    is absent."""
    calendar: Any = None
    """The statutory calendar, for the facts an action records that are counted under Art. 8
    (the last day of a report's 30 days, Art. 255-4(3); the end of a five-year term,
    255-2(5)); set when the plan records them (``Transition.records``), None in guards."""

    @classmethod
    def reading(cls, state: str, data: Mapping[str, Any] | None, now: datetime) -> Context:
        """The case as the system reads it outside any action: for an article that depends on
        the case, or the deadlines an event opens later."""
        return cls(state=state, role=SYSTEM, now=now, data=dict(data or {}))


class Said(Label):
    """Why an action is refused or blocked, in English and in Korean: a :class:`Label` that reads
    as text, so ``"Art. 123(1)" in said`` looks in both languages (a tuple would look for an
    element). The Korean is written as Korean administrative text writes it (제123조제1항)."""

    __slots__ = ()

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and (text in self.en or text in self.ko)


Guard = Callable[[Context], Said | None]
"""Returns why the transition may not be fired now, in both languages, or None when it may."""


Article = str | Callable[[Context], str]
"""An article, or a function of the case (one procedure can serve several articles)."""


def article_for(article: Article, context: Context) -> str:
    return article(context) if callable(article) else article


NO_OUTCOME = Label("")
"""No outcome declared: the action means nothing of its own for the party, and the portal says
nothing of it."""


@dataclass(frozen=True, kw_only=True)
class Grant:
    """An authorisation a transition grants: its kind, and the days it is valid, from the case
    as the action leaves it (``valid_from`` by default the legal day of the action)."""

    kind: str | Callable[[Context], str]
    valid_from: Callable[[Context], date | None] | None = None
    valid_to: Callable[[Context], date | None] | None = None
    number: Callable[[Context, str], str] | None = None
    """Its number from the case and its reference, when not the reference itself: each term of
    a renewed certificate has its own (``AEO-2026-000012-2``)."""

    def kind_for(self, context: Context) -> str:
        return self.kind(context) if callable(self.kind) else self.kind


@dataclass(frozen=True, kw_only=True)
class Transition(_Labelled):
    trigger: str
    source: tuple[str, ...]
    dest: str | None
    roles: frozenset[str]
    article: Article
    label: Label
    guards: tuple[Guard, ...] = ()
    fields: tuple[Field, ...] = ()
    notices: tuple[str, ...] = ()
    reason_field: str | None = None
    """The field whose value is recorded as the event's reason."""
    counts: str | None = None
    """A counter in the case's data raised by one each time (e.g. extensions, at most two)."""
    spawns: str | None = None
    """A procedure whose case this action opens (a reinvestigation ordered by a decision)."""
    spawn_values: Callable[[Context], Mapping[str, Any] | None] | None = None
    """The opening values of the case it opens, from this action's values and the case's data
    after the move (the goods a seizure takes); without it, the scope a decision orders. The
    reference of this case is added as ``parent_reference``. ``None``: this time the action
    opens no case (a compliance opens a licence review only for a party holding a licence)."""
    recomputes: tuple[str, ...] = ()
    """Running deadlines whose period depends on what this action changes (e.g. Art. 132(6)
    evidence turns the 30 days for an objection decision into 60)."""
    side: bool = False
    """An action beside the procedure's course (an attorney, a perusal, a suspension of
    execution), possible at every step: the portal does not offer it as a step's option."""
    informs: str | None = None
    """The action this one completes on the case that opened this case (its parent): a
    reinvestigation ordered by a pre-assessment review ends in the amended notice the review
    waits for (Art. 118(4)2). Fired by the system with this action's values, in the same
    transaction, when the parent is in a state that takes it."""
    records: Callable[[Context], Mapping[str, Any]] | None = None
    """Facts the action establishes and the case keeps, computed from the case as it is before
    the move (e.g. whether a request was filed in time, the days a decision was late)."""
    outcome: Label = NO_OUTCOME
    """What the action means for the party, in plain words, as the portal says it (e.g. "Your
    {what} was rejected", "{what_ko} 기각되었습니다"). ``{what}`` is the procedure's name
    ("objection"), ``{what_ko}`` its Korean name with the subject particle ("이의신청이"), and
    ``{field}`` the label of the choice made in that field of the action (e.g. ``{extent}``).
    Also what the lapse of a deadline expiring into this action means for the party."""
    grants: Grant | None = None
    """What the action grants the case's party for a time (a permission, a licence, a
    certificate), kept as an authorisation with its own indexed columns."""
    ends_grant: str | None = None
    """The status the authorisations in force of the case take by this action ("revoked")."""

    @property
    def outcome_en(self) -> str:
        return self.outcome.en

    @property
    def outcome_ko(self) -> str:
        return self.outcome.ko

    @property
    def opening(self) -> bool:
        return not self.source


class ExpiryKind(StrEnum):
    TRANSITION = "transition"
    """The law attaches an effect to the lapse of time (a deemed permission, a lapse)."""
    ESCALATE = "escalate"
    """The office's own time limit passed: the supervisors of the office are alerted."""
    FLAG = "flag"
    """The deadline is marked missed and shown; the assigned officer is alerted."""


@dataclass(frozen=True)
class Expiry:
    kind: ExpiryKind
    trigger: str | None = None

    @classmethod
    def transition(cls, trigger: str) -> Expiry:
        return cls(ExpiryKind.TRANSITION, trigger)

    @classmethod
    def escalate(cls) -> Expiry:
        return cls(ExpiryKind.ESCALATE)

    @classmethod
    def flag(cls) -> Expiry:
        return cls(ExpiryKind.FLAG)

    def __str__(self) -> str:
        return f"transition:{self.trigger}" if self.trigger else str(self.kind)


class Duty(StrEnum):
    """Who must act before a deadline passes."""

    OFFICE = "office"
    """The customs office's own time limit (an opinion, a decision): late is overdue."""
    PARTY = "party"
    """The party's time limit (a revision, the next remedy): when it passes, the chance is gone."""
    TRIBUNAL = "tribunal"
    """Another body's time limit (the Tax Tribunal's, the Board of Audit and Inspection's
    decision): the office records it, but its passing is not the office's delay."""


class StartKind(StrEnum):
    ENTERED = "entered"
    """The moment the case entered the state (the transition's legal moment)."""
    DATA = "data"
    """A date kept in the case's data, e.g. the legal receipt date of an application."""
    PREVIOUS = "previous"
    """The end of the case's previous deadline of a kind, 24:00 of its last day (an extended
    period runs on from there)."""
    EVENT = "event"
    """Opened later, when the named event happens (e.g. a notice is served)."""
    BACKWARD = "backward"
    """Counted back from a planned date kept in the case's data (e.g. Art. 114(1))."""


@dataclass(frozen=True)
class Start:
    kind: StartKind
    label: str
    key: str | None = None
    optional: bool = False
    """A period from case data that waits, unopened, until the data is there."""

    @classmethod
    def entered(cls, label: str) -> Start:
        return cls(StartKind.ENTERED, label)

    @classmethod
    def data(cls, key: str, label: str, *, optional: bool = False) -> Start:
        return cls(StartKind.DATA, label, key, optional)

    @classmethod
    def previous(cls, kind: str, label: str) -> Start:
        return cls(StartKind.PREVIOUS, label, kind)

    @classmethod
    def event(cls, name: str, label: str) -> Start:
        return cls(StartKind.EVENT, label, name)

    @classmethod
    def backward(cls, key: str, label: str) -> Start:
        return cls(StartKind.BACKWARD, label, key)


@dataclass(frozen=True, kw_only=True)
class Deadline(_Labelled):
    """A time limit that opens when the case enters a state, and what happens when it passes."""

    kind: str
    label: Label
    """What the deadline is for, in English and Korean (the pages show the reader's language
    first)."""
    article: Article
    period: str | Callable[[Context], str]
    start: Start
    on_expiry: Expiry
    rollover: bool = True
    reminders: tuple[str, ...] | Callable[[Context], tuple[str, ...]] = ("3d", "1d")
    """How long before the last day the people concerned are reminded; or, from the case, the
    reminders a deployment configures (a licence's renewal reminders)."""
    early_warning: str | None = None
    """A second count (e.g. ``10pd`` under the civil-petition rules): warn when it ends first."""
    starts_at_midnight: bool = False
    period_text: str = ""
    """How a period given as a function reads in the documentation."""
    met_by: tuple[str, ...] = ()
    """Triggers that meet this deadline. Empty: it is met when the case leaves the state it was
    opened in. Given: it runs on through other states (e.g. a decision period through the
    opinion, the revision and the deliberation) until one of these triggers fires."""
    owed_by: Duty = Duty.OFFICE
    """Who must act before it passes: the office (late means overdue) or the party."""
    extension: str = ""
    """The provision under which an officer may extend this time limit for a natural disaster
    or a similar ground (Art. 10: a party's filing, application or submission), or empty: a
    period the law itself fixes cannot be extended by an officer (a deemed grant arises unless
    the civil-petition extension is notified in time, Art. 134(4); the lawsuit periods are
    peremptory, Arts. 119(7), 120(6); a decision period, whose lapse opens the next remedy)."""
    waiver: str = ""
    """Why a supervisor may release the office from this time limit (an internal time limit of
    the office whose lapse has no legal effect), or empty: a duty the Act imposes on its own
    terms (the Art. 129(2) notice is owed) or a party's period cannot be waived."""
    when_it_passes: Label = NO_OUTCOME
    """For a party's time limit: what its passing means for the party, in plain words, as the
    portal says it (a certification lapses; the benefits may be suspended, Art. 255-3(3))."""
    repeats: bool = False
    """A duty that recurs, or a term that is renewed (a self-assessment each year of the
    certification, Art. 255-4(2); the five years of a renewed certification, 255-2(5)): opened
    again whenever the case's data gives it a new start (``start`` from data), by an action that
    keeps the case in its state too, and never twice from the same start (re-entering the state
    after a suspension does not open again the year already owed). Its ``met_by`` actions meet
    it in whatever state the case is."""
    met_on: str | None = None
    """The key of the case's data holding the day the deadline was legally met, when that is not
    the day the meeting action is recorded: a decision period is met by serving the written
    decision (Art. 128(3)), which may be recorded later."""

    def period_for(self, context: Context) -> str:
        return self.period(context) if callable(self.period) else self.period

    def reminders_for(self, context: Context) -> tuple[str, ...]:
        return tuple(self.reminders(context)) if callable(self.reminders) else self.reminders


@dataclass(frozen=True, kw_only=True)
class Setting:
    """A value a deployment configures for a procedure (``instance/config.py``, or the
    environment as ``GWANSE_<name>``): a number the Act leaves to Presidential Decree, or a
    period it lets the office set. The application starts with ``default`` and refuses to start
    with a value ``check`` refuses."""

    name: str
    default: Any
    about: str
    """What it configures, and the article that leaves it to the deployment."""
    check: Callable[[str, Any], None] | None = None
    """Raises ValueError, naming the setting, for a value the Act does not allow."""


@dataclass(frozen=True, kw_only=True)
class ExclusiveRoutes:
    """Procedures of which a party pursues only one against the same matter (Art. 119(10):
    examination, adjudication and BAI examination against one disposition). When a case of one
    of them opens, its guards read in the case fact ``fact`` the others the party already
    pursues with the same value of the opening's field ``key``."""

    procedures: frozenset[str]
    key: str
    fact: str
    withdrawn: frozenset[str] = frozenset()
    """States of a case that no longer pursues its route (withdrawn): it does not count."""


def _posting_never_counts(values: Mapping[str, Any]) -> bool:
    return False


@dataclass(frozen=True, kw_only=True)
class FilingPeriod:
    """The period within which a party's filing must arrive, computed when the case opens: the
    case keeps its last day and whether the filing was in time (a late appeal is received and
    recorded, then dismissed, Art. 128(1)1(b))."""

    runs: Callable[[Mapping[str, Any]], tuple[str, str | None] | None]
    """From the opening's values: the field the period runs from and the period (None on a
    route with no end, Art. 121(2) proviso), or None when no period applies or its first day is
    not given."""
    posting_counts: Callable[[Mapping[str, Any]], bool] = _posting_never_counts
    """Whether a filing posted within the period and arriving after it counts as filed on its
    last day (Art. 121(3))."""


@dataclass(frozen=True, kw_only=True)
class FollowOn:
    """The next remedy a claimant files from the case's own page: a case of procedure
    ``opens``, with values taken from this case, while ``trigger`` records it here (and closes
    the case); e.g. a request for examination after an objection (Arts. 121(2), 129)."""

    opens: str
    trigger: str
    """The action of this procedure that records the filing: open in its source states."""
    trigger_values: Mapping[str, Any] = field(default_factory=dict)
    route: Callable[[Context], tuple[str, str] | str]
    """The route of the new filing and the day its period runs from, from this case as it is
    (its data, and ``Context.deadlines``: the real last day of a period that passed); or why
    none is open now."""
    values: Callable[[Context, tuple[str, str], str], Mapping[str, Any]]
    """The new case's opening values, from this case, the route and its first day, and the
    reasons the claimant gives."""
    reference_key: str
    """The key of the new case's data that keeps this case's reference."""
    unavailable: str
    """Why it cannot be filed from this case in its present state."""


@dataclass
class Procedure:
    """A legal procedure as a state machine with its deadlines, built once and shared."""

    code: str
    article: str
    states: tuple[State, ...]
    transitions: tuple[Transition, ...]
    deadlines: Mapping[str, tuple[Deadline, ...]] = field(default_factory=dict)
    configured: Callable[[Mapping[str, Any], Mapping[str, Any]], Mapping[str, Any]] | None = None
    """The case data a deployment configures when a case opens, from its settings and the
    opening's values: the numbers the Act leaves to Presidential Decree (e.g. the amount below
    which a relative may act as attorney, Art. 126(2)), kept on the case so that it is decided
    by the rule that held when it was filed."""
    settings: tuple[Setting, ...] = ()
    """What a deployment configures for it (read by ``configured`` and its rules), with the
    defaults the application starts with and the values it refuses to start with."""
    online_filing: bool = False
    """A duty payer may file it online, through the portal (Art. 129-2(1)): the opening a duty
    payer may fire is offered there."""
    decided_states: frozenset[str] = frozenset()
    """States in which the office (or the body) has decided the case: a decision, a grant or a
    refusal, a result notified. Entering one counts as a decision on the supervisors' chart."""
    decision_periods: frozenset[str] = frozenset()
    """Kinds of the office's deadline for its decision (e.g. Art. 128(2), 128(5)): a case that
    missed one counts as decided late on the supervisors' chart."""
    exclusive: ExclusiveRoutes | None = None
    """The procedures it excludes against the same matter (Art. 119(10))."""
    filing_period: FilingPeriod | None = None
    """The period the party's filing must arrive within (Art. 121), checked when it opens."""
    follow_on: FollowOn | None = None
    """The next remedy filed from the case's own page (Arts. 121(2), 129)."""
    against_notice: Callable[[Mapping[str, Any]], Mapping[str, Any]] | None = None
    """How an appeal of this procedure is filed against a notice of another case, when the
    notice's remedy names it (``Remedy.files``): the opening's values, from the notice's
    ``number``, ``title_ko``, ``title_en``, ``reference`` and ``served_on`` (a date or None),
    with which the portal fills the filing form."""
    subject: Callable[[Mapping[str, Any]], Mapping[str, Any]] | None = None
    """What a case is about, as its notices name it, from its data: ``ko``, ``en`` and
    ``article`` (a permission applied for, a certification); by default the disposition the
    case contests."""
    facts: Callable[[Mapping[str, Any], date], tuple[CaseFact, ...]] | None = None
    """What the case page's header shows of a case, from its data and the legal day today (a
    certification's grade, term, days to its end, suspensions in the term)."""
    public_register: bool = False
    """What it grants is published in the public register, as customs administrations publish
    their AEO lists: the holder's name, the grade, the last day and the status, nothing else."""
    watches: tuple[Watch, ...] = ()
    """What the supervisors' dashboard lists of its cases' deadlines (:class:`Watch`)."""
    reads_party: bool = False
    """Its guards read what the back office knows of the party from its other cases
    (``Context.party``), read when one of its people's actions is checked (the sweep's
    actions do not need it)."""
    links: tuple[Link, ...] = ()
    """The values of its cases that name a case they belong to (:class:`Link`)."""
    opened_from: str | None = None
    """Its cases are opened only by an action of a case of this procedure (goods entering a
    licensed area, from the licence's page): no page offers its opening on its own."""
    details: Any = None
    """Its detail table (:class:`workflows.engine.details.Details`): the facts of its cases
    kept as real, indexed columns, one row per case."""
    machine: Machine = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._states = {s.name: s for s in self.states}
        self._transitions = {t.trigger: t for t in self.transitions}
        self._validate()
        self.machine = Machine(
            model=None,
            states=[s.name for s in self.states],
            transitions=[
                {"trigger": t.trigger, "source": list(t.source), "dest": t.dest}
                for t in self.transitions if not t.opening
            ],
            initial=None,
            model_attribute="state",
            auto_transitions=False,
            send_event=True,
        )

    def _validate(self) -> None:
        if len(self._transitions) != len(self.transitions):
            raise ValueError(f"{self.code}: a trigger is declared twice")
        for t in self.transitions:
            if t.opening and t.dest is STAYS:
                raise ValueError(f"{self.code}.{t.trigger}: an opening needs a destination")
            for name in (*t.source, *([t.dest] if t.dest is not STAYS else [])):
                if name not in self._states:
                    raise ValueError(f"{self.code}.{t.trigger}: unknown state {name!r}")
            unknown = t.roles - {*Role, SYSTEM}
            if unknown:
                raise ValueError(f"{self.code}.{t.trigger}: unknown roles {sorted(unknown)}")
            if t.reason_field and t.reason_field not in {f.name for f in t.fields}:
                raise ValueError(f"{self.code}.{t.trigger}: reason field is not a field")
            for kind in t.recomputes:
                if self.deadline_spec(kind) is None:
                    raise ValueError(f"{self.code}.{t.trigger} recomputes unknown {kind!r}")
            self._validate_follows(t)
        for state in self.states:
            for kind in state.suspends:
                if self.deadline_spec(kind) is None:
                    raise ValueError(f"{self.code}.{state.name} suspends unknown {kind!r}")
        for state_name, specs in self.deadlines.items():
            if state_name not in self._states:
                raise ValueError(f"{self.code}: deadlines for unknown state {state_name!r}")
            for spec in specs:
                for trigger in spec.met_by:
                    if trigger not in self._transitions:
                        raise ValueError(f"{self.code}: {spec.kind} met by unknown {trigger!r}")
                trigger = spec.on_expiry.trigger
                if trigger and trigger not in self._transitions:
                    raise ValueError(f"{self.code}: {spec.kind} expires into unknown {trigger!r}")
        if not self.openings:
            raise ValueError(f"{self.code}: no opening transition")
        self._validate_behaviour()

    def _validate_behaviour(self) -> None:
        """The procedure-specific declarations name states, deadlines and actions it has."""
        kinds = {spec.kind for specs in self.deadlines.values() for spec in specs}
        unknown = (self.decided_states - set(self._states)) | (self.decision_periods - kinds)
        if unknown:
            raise ValueError(f"{self.code}: decided states or decision periods unknown: "
                             f"{sorted(unknown)}")
        if self.exclusive and (self.code not in self.exclusive.procedures
                               or not self.exclusive.withdrawn <= set(self._states)):
            raise ValueError(f"{self.code}: exclusive routes without it, or unknown states")
        if unknown_watched := {w.kind for w in self.watches if not w.decided_by} - kinds:
            raise ValueError(f"{self.code}: watches unknown deadlines {sorted(unknown_watched)}")
        if unknown_actions := {w.decided_by for w in self.watches if w.decided_by} \
                - set(self._transitions):
            raise ValueError(f"{self.code}: watches unknown actions {sorted(unknown_actions)}")
        if self.follow_on and self.follow_on.trigger not in self._transitions:
            raise ValueError(f"{self.code}: follow-on recorded by unknown "
                             f"{self.follow_on.trigger!r}")
        if self.online_filing and not any(Role.DUTY_PAYER in t.roles for t in self.openings):
            raise ValueError(f"{self.code}: filed online, but no opening a duty payer fires")

    def _validate_follows(self, transition: Transition) -> None:
        names = {f.name for f in transition.fields}
        for spec in transition.fields:
            for after in spec.follows:
                if after.kind is AfterKind.VALUE and after.keys[0] not in names:
                    raise ValueError(f"{self.code}.{transition.trigger}.{spec.name} follows "
                                     f"unknown field {after.keys[0]!r}")
                if after.kind is AfterKind.HAPPENED and not set(after.keys) <= set(
                        self._transitions):
                    raise ValueError(f"{self.code}.{transition.trigger}.{spec.name} follows "
                                     f"unknown actions {after.keys!r}")

    @property
    def openings(self) -> list[Transition]:
        return [t for t in self.transitions if t.opening]

    def state(self, name: str) -> State:
        return self._states[name]

    def transition(self, trigger: str) -> Transition:
        return self._transitions[trigger]

    def has_trigger(self, trigger: str) -> bool:
        return trigger in self._transitions

    def outgoing(self, state: str) -> list[Transition]:
        return [t for t in self.transitions if state in t.source]

    def deadlines_of(self, state: str) -> tuple[Deadline, ...]:
        return tuple(self.deadlines.get(state, ()))

    def deadline_spec(self, kind: str) -> Deadline | None:
        for specs in self.deadlines.values():
            for spec in specs:
                if spec.kind == kind:
                    return spec
        return None
