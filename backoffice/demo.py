"""Demo data: offices, one user of each role, duty payers and a few cases.

Loaded by ``flask seed-demo`` (and by ``make run`` when the database is empty). The demo
password is printed with the users; it is meant for a local demonstration only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select

from backoffice.cases.operations import assign_case
from backoffice.deadlines.store import load_calendar
from backoffice.extensions import db
from backoffice.models import Notice, Office, Party, User
from backoffice.notices.service import record_service
from backoffice.workflow import fire, open_procedure_case
from workflows import clock
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


DEMO_APPLICATIONS = (
    # kind, days since receipt, office, officer, what happens next
    ("161", 8, "BUSAN", "busan.officer", None, "10 sample bottles of imported wine"),
    ("158", 9, "BUSAN", "busan.officer", None, "relabelling of 400 cartons in bonded warehouse 3"),
    ("250", 14, "SEOUL", "officer2", None, "withdrawal of import declaration 12345-26-000001"),
    ("187", 3, "SEOUL", "officer", "extend", "assembly work outside bonded factory 7"),
    ("134", 2, "BUSAN", "busan.officer", "grant", "entry of MV Hanbit Star at Gamcheon"),
)


def _seed_deemed_permissions(parties, users, offices, calendar, today) -> None:
    """Applications of several kinds: some about to be deemed granted, one already due."""
    for kind, age, office, officer, then, what in DEMO_APPLICATIONS:
        case = open_procedure_case(
            "deemed_permission", party=parties["company"], office=offices[office],
            actor=users[officer], assigned_officer=users[officer], calendar=calendar,
            values={"permission_kind": kind,
                    "received_on": (today - timedelta(days=age)).isoformat(),
                    "application": what},
        )
        if then == "extend":
            fire(case, "extend", actor=users[officer], calendar=calendar,
                 values={"extension_days": 10, "reasons": "site inspection needed (demo)"})
        elif then == "grant":
            fire(case, "grant", actor=users[officer], calendar=calendar,
                 values={"conditions": "berth 4 only, 6-8 December"})


def _seed_cases(offices, parties, users) -> None:
    seoul, busan = offices["SEOUL"], offices["BUSAN"]
    calendar = load_calendar()
    today = clock.today()
    filed_on = today - timedelta(days=25)
    objection = open_procedure_case(
        "objection", party=parties["payer"], office=seoul, actor=users["payer"],
        calendar=calendar,
        values={"disposition": "Payment notice on an online purchase (KRW 184,000)",
                "disposition_ref": "SEL-2026-104411",
                "disposition_kind": "assessment",
                "notice_received_on": (filed_on - timedelta(days=12)).isoformat(),
                "filed_on": filed_on.isoformat(), "filing_rule": "online",
                "reasons": "The goods were a gift for personal use (demo)."},
    )
    assign_case(objection, users["officer"], actor=users["supervisor"])
    revision = open_procedure_case(
        "objection", party=parties["company"], office=seoul, actor=users["company"],
        calendar=calendar, assigned_officer=users["officer2"],
        values={"disposition": "Tariff classification of heading 8471 (demo)",
                "disposition_ref": "SEL-2026-099812",
                "disposition_kind": "classification",
                "notice_received_on": (today - timedelta(days=40)).isoformat(),
                "filed_on": (today - timedelta(days=6)).isoformat(), "filing_rule": "at_office",
                "reasons": "The goods are parts, not complete machines (demo)."},
    )
    fire(revision, "order_revision", actor=users["officer2"], calendar=calendar,
         values={"revision_days": 14, "matters": "Attach the technical drawings (demo)."})
    overdue = open_procedure_case(
        "objection", party=parties["alien"], office=seoul, actor=users["officer"],
        calendar=calendar, assigned_officer=users["officer"],
        values={"disposition": "Duty on a used car shipped as household goods (demo)",
                "disposition_ref": "SEL-2026-071230", "disposition_kind": "assessment",
                "notice_received_on": (today - timedelta(days=60)).isoformat(),
                "filed_on": (today - timedelta(days=45)).isoformat(), "filing_rule": "postmaster",
                "reasons": "The car was used abroad for over a year (demo)."},
    )
    fire(overdue, "issue_opinion", actor=users["officer"], calendar=calendar,
         values={"opinion": "Ownership abroad under one year (demo)."})
    fire(overdue, "refer_to_committee", actor=users["officer"], calendar=calendar)
    examination = open_procedure_case(
        "examination", party=parties["company"], office=seoul, actor=users["company"],
        calendar=calendar, assigned_officer=users["officer2"],
        values={"disposition": "Customs valuation of imported machinery (demo)",
                "disposition_ref": "SEL-2026-087001",
                "disposition_kind": "classification", "route": "direct",
                "period_starts_on": (today - timedelta(days=50)).isoformat(),
                "filed_on": (today - timedelta(days=4)).isoformat(), "filing_rule": "at_office",
                "reasons": "Royalties are not part of the customs value (demo)."},
    )
    fire(examination, "forward", actor=users["officer2"], calendar=calendar,
         values={"opinion": "The royalties are a condition of sale (demo)."})
    _seed_deemed_permissions(parties, users, offices, calendar, today)
    review = open_procedure_case(
        "pre_assessment_review", party=parties["alien"], office=busan,
        actor=users["busan.officer"], assigned_officer=users["busan.officer"],
        calendar=calendar, values={"shortage": 1_240_000,
                                   "grounds": "Undervalued invoice for cosmetics (demo)."},
    )
    notice = db.session.scalars(select(Notice).where(Notice.case_id == review.id)).one()
    record_service(notice, actor=users["busan.officer"], method="mail", served_on=today,
                   reference="RR 1234 5678 9KR (demo)")
