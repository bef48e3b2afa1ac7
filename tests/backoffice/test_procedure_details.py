"""A procedure's detail table keeps the facts of its cases it searches by as real, indexed
columns, written by the same plan as the case (issue 14, item 6). The deemed permission's
first: the kind applied for and the day of receipt (Art. 134(3) etc.: the 10 days run from it).
"""

from __future__ import annotations

from datetime import date, datetime

from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, select, text

from backoffice.extensions import db
from backoffice.models.details import DETAIL_TABLES
from backoffice.workflow import fire, open_procedure_case
from jobs.enforce import enforce_due_deadlines
from workflows import clock
from workflows.clock import SEOUL
from workflows.procedures import REGISTRY

DETAILS = DETAIL_TABLES["deemed_permission"]


def kst(*args) -> datetime:
    return datetime(*args, tzinfo=SEOUL)


def applied(people, received_on: date, kind: str):
    with clock.frozen(kst(received_on.year, received_on.month, received_on.day, 10)):
        case = open_procedure_case(
            "deemed_permission", party=people["payer"].party, office=people["office"],
            actor=people["officer"], assigned_officer=people["officer"],
            values={"permission_kind": kind, "received_on": received_on.isoformat(),
                    "application": "withdrawal of a declaration"})
        db.session.commit()
    return case


def detail_of(case_id: int) -> dict:
    row = db.session.execute(select(DETAILS).where(DETAILS.c.case_id == case_id)).one()
    return dict(row._mapping)


def test_every_declared_detail_table_is_in_the_migrated_schema(app, people):
    schema = inspect(db.engine)
    for code, procedure in REGISTRY.items():
        if procedure.details is None:
            continue
        table = procedure.details.table
        columns = {c["name"] for c in schema.get_columns(table)}
        assert columns == {"case_id", *(c.name for c in procedure.details.columns)}, code
        indexed = {tuple(i["column_names"]) for i in schema.get_indexes(table)}
        assert {(c.name,) for c in procedure.details.columns if c.indexed} <= indexed, code


def test_the_row_follows_the_case_from_receipt_through_its_extensions(app, people):
    case = applied(people, date(2026, 3, 2), "250")
    assert detail_of(case.id) == {"case_id": case.id, "permission_kind": "250",
                                  "received_on": date(2026, 3, 2), "extensions": None}
    with clock.frozen(kst(2026, 3, 5, 10)):
        fire(case, "extend", actor=people["officer"],
             values={"extension_days": 5, "reasons": "inspection of the goods"})
        db.session.commit()
    assert detail_of(case.id)["extensions"] == 1
    # The extended period (10 days to Thu 12 Mar, then 5 processing days: 13, 16, 17, 18,
    # 19 Mar) passes silently: deemed granted on Fri 20 Mar, by the sweep's batch.
    with clock.frozen(kst(2026, 3, 20, 0, 1)):
        assert enforce_due_deadlines().fired == 1
    db.session.expire_all()
    assert detail_of(case.id)["extensions"] == 1


def test_applications_of_a_kind_received_in_a_month_are_an_indexed_query(app, people):
    kept = [applied(people, date(2026, 3, day), kind).id
            for day, kind in ((2, "250"), (3, "161"), (31, "250"))]
    applied(people, date(2026, 4, 1), "250")
    march = (select(DETAILS.c.case_id)
             .where(DETAILS.c.permission_kind == "250",
                    DETAILS.c.received_on.between(date(2026, 3, 1), date(2026, 3, 31)))
             .order_by(DETAILS.c.case_id))
    assert db.session.scalars(march).all() == [kept[0], kept[2]]
    if db.engine.dialect.name == "sqlite":
        plan = " ".join(str(row[-1]) for row in db.session.execute(text(
            "EXPLAIN QUERY PLAN " + str(march.compile(
                db.engine, compile_kwargs={"literal_binds": True})))))
        assert "ix_deemed_permission_details_" in plan


def test_the_migration_fills_the_rows_of_the_cases_already_open(app, people):
    case_id = applied(people, date(2026, 3, 2), "161").id
    db.session.remove()
    downgrade(revision="0013_authorisations")
    upgrade()
    db.session.remove()
    assert detail_of(case_id)["permission_kind"] == "161"
    assert detail_of(case_id)["received_on"] == date(2026, 3, 2)
