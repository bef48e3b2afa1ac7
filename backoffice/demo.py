"""Demo data: offices, one user of each role, duty payers and a few cases (the cases are
plain data, :mod:`workflows.demo`, taken here in order).

Loaded by ``flask seed-demo`` (and by ``make run`` when the database is empty). The demo
password is printed with the users; it is meant for a local demonstration only.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select

from backoffice.cases.operations import assign_case
from backoffice.deadlines.store import load_calendar
from backoffice.extensions import db
from backoffice.models import Notice, Office, Party, User
from backoffice.notices.service import record_service
from backoffice.workflow import fire, open_procedure_case
from workflows import clock
from workflows.demo import DEMO_CASES, Assignment, CaseOf, DaysAgo, Service
from workflows.identifiers import IdentifierKind, parse
from workflows.roles import Role

DEMO_PASSWORD = "gwanse-demo"  # noqa: S105 (printed demo login, local demo only)

OFFICES = (
    ("SEOUL", "서울본부세관", "Seoul Main Customs",
     "서울특별시 강남구 언주로 721 / 721 Eonju-ro, Gangnam-gu, Seoul"),
    ("INCHEON-AP", "인천공항본부세관", "Incheon Airport Main Customs",
     "인천광역시 중구 공항로 272 / 272 Gonghang-ro, Jung-gu, Incheon"),
    ("BUSAN", "부산본부세관", "Busan Main Customs",
     "부산광역시 중구 충장대로 20 / 20 Chungjang-daero, Jung-gu, Busan"),
)

PARTIES = (
    ("payer", "individual", "JOHN SMITH", IdentifierKind.PCC, "P193456789123",
     "(04520) Seoul Jung-gu", "john.smith@example.org"),
    ("company", "company", "Hanbit Trading Co., Ltd. (한빛무역)",
     IdentifierKind.BUSINESS_REGISTRATION, "1208147521", "(06164) Seoul Gangnam-gu",
     "customs@hanbit.example"),
    ("alien", "individual", "NGUYEN VAN AN", IdentifierKind.REGISTRATION_NUMBER,
     "9001015123456", "(48058) Busan Haeundae-gu", None),
    ("forwarder", "company", "Haneul Forwarding Co. (하늘포워딩)",
     IdentifierKind.BUSINESS_REGISTRATION, "2148612341", "(22382) Incheon Jung-gu", None),
    ("logistics", "company", "Badaro Logistics Inc. (바다로지스틱스)",
     IdentifierKind.BUSINESS_REGISTRATION, "3057724684", "(48939) Busan Jung-gu", None),
    ("broker", "company", "Seum Customs Brokers (세움관세법인)",
     IdentifierKind.BUSINESS_REGISTRATION, "6178190236", "(06236) Seoul Gangnam-gu", None),
)


@dataclass(frozen=True)
class DemoUser:
    username: str
    display_name: str
    role: Role
    office: str | None = None
    party: str | None = None


USERS = (
    DemoUser("admin", "System Administrator", Role.ADMIN),
    DemoUser("officer", "Kim Minjun (김민준)", Role.OFFICER, office="SEOUL"),
    DemoUser("officer2", "Lee Seoyeon (이서연)", Role.OFFICER, office="SEOUL"),
    DemoUser("busan.officer", "Park Jihoon (박지훈)", Role.OFFICER, office="BUSAN"),
    DemoUser("supervisor", "Choi Yuna (최유나)", Role.SUPERVISOR, office="SEOUL"),
    DemoUser("busan.supervisor", "Jung Haneul (정하늘)", Role.SUPERVISOR, office="BUSAN"),
    DemoUser("payer", "John Smith", Role.DUTY_PAYER, party="payer"),
    DemoUser("company", "Hanbit Trading customs desk", Role.DUTY_PAYER, party="company"),
)


def database_is_empty() -> bool:
    return (db.session.scalar(select(func.count(User.id))) or 0) == 0


def seed_demo() -> list[DemoUser]:
    """Create the demo data in the current transaction and return the demo users."""
    offices = {code: Office(code=code, name_ko=ko, name_en=en, address=address)
               for code, ko, en, address in OFFICES}
    parties = {}
    for key, kind, name, id_kind, raw, address, email in PARTIES:
        identifier = parse(id_kind, raw)
        parties[key] = Party(kind=kind, name=name, identifier_kind=identifier.kind,
                             identifier=identifier.value, address=address, email=email)
    db.session.add_all([*offices.values(), *parties.values()])
    users = {}
    for spec in USERS:
        user = User(username=spec.username, display_name=spec.display_name, role=spec.role,
                    office=offices.get(spec.office), party=parties.get(spec.party),
                    locale="ko")
        user.set_password(DEMO_PASSWORD)
        users[spec.username] = user
    db.session.add_all(users.values())
    db.session.flush()
    _seed_cases(offices, parties, users)
    return list(USERS)


def _dated(values: Mapping[str, Any] | None, today: date,
           opened: Mapping[tuple[str, str], str] | None = None) -> dict[str, Any] | None:
    """The values with each :class:`DaysAgo` made the ISO date it stands for, and each
    :class:`CaseOf` the reference of the case ``opened`` holds for it."""
    if values is None:
        return None

    def resolved(value: Any) -> Any:
        if isinstance(value, DaysAgo):
            return _moment(value, today)
        if isinstance(value, CaseOf):
            return (opened or {})[(value.procedure, value.party)]
        return value

    return {name: resolved(value) for name, value in values.items()}


def _moment(ago: DaysAgo, today: date) -> str:
    """The ISO date ``ago`` stands for, or that day at its hour."""
    day = _day(ago, today)
    return day.isoformat() if ago.hour is None else f"{day.isoformat()}T{ago.hour:02d}:00"


def _day(ago: DaysAgo, today: date) -> date:
    return today - timedelta(days=ago.days)


def _seed_cases(offices, parties, users) -> None:
    """Open the demo's cases (:data:`workflows.demo.DEMO_CASES`) and take what follows on
    each, in order."""
    calendar = load_calendar()
    today = clock.today()
    opened: dict[tuple[str, str], str] = {}
    for scenario in DEMO_CASES:
        with _on(scenario.opened, today):
            case = open_procedure_case(
                scenario.procedure, party=parties[scenario.party],
                office=offices[scenario.office], actor=users[scenario.actor], calendar=calendar,
                assigned_officer=users[scenario.assigned] if scenario.assigned else None,
                values=_dated(scenario.values, today, opened),
            )
        opened.setdefault((scenario.procedure, scenario.party), case.reference)
        for step in scenario.then:
            if isinstance(step, Assignment):
                assign_case(case, users[step.officer], actor=users[step.by])
            elif isinstance(step, Service):
                notice = db.session.scalars(select(Notice).where(Notice.case_id == case.id)).one()
                with _on(step.served if step.served.days else None, today):
                    record_service(notice, actor=users[step.actor], method=step.method,
                                   served_on=_day(step.served, today), reference=step.reference)
            else:
                with _on(step.at, today):
                    fire(case, step.trigger, actor=users[step.actor], calendar=calendar,
                         values=_dated(step.values, today))


@contextmanager
def _on(ago: DaysAgo | None, today: date) -> Iterator[None]:
    """Take the step at 10:00 KST of the day ``ago`` stands for (a certification years old),
    or now."""
    if ago is None:
        yield
        return
    with clock.frozen(datetime.combine(_day(ago, today), time(10), tzinfo=clock.SEOUL)):
        yield
