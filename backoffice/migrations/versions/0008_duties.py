"""duties: who owes each deadline, and when a passed duty was finally met, waived or made moot

Revision ID: 0008_duties
Revises: 0007_attachments
Create Date: 2026-12-01

A deadline the sweep has processed is ``missed``; until now that ended it. But the duty behind
it is still owed: a written opinion 18 days late is still to be sent, an objection past its
decision period is still to be decided (Art. 129(2)). ``settled_at``/``settlement`` record when
and how a passed duty stopped being owed (met late, waived, made moot by the case ending, or
the law's own consequence taking effect), and ``owed_by`` says whether the office or the party
must act. ``cases.next_due_at`` now also counts the office's passed, unsettled duties, so the
worklist's default order puts the cases with the oldest overdue duty first.
"""
from alembic import op
import sqlalchemy as sa

revision = '0008_duties'
down_revision = '0007_attachments'
branch_labels = None
depends_on = None

PENDING = ("(status = 'open' AND suspended_since IS NULL) OR "
           "(status = 'missed' AND settled_at IS NULL AND owed_by = 'office')")
EARLIEST = ("(SELECT MIN(due_at) FROM deadlines WHERE case_id = {row}.case_id AND (" + PENDING
            + "))")
OLD_EARLIEST = ("(SELECT MIN(due_at) FROM deadlines WHERE case_id = {row}.case_id "
                "AND status = 'open' AND suspended_since IS NULL)")
COLUMNS = "status, due_at, case_id, suspended_since, settled_at, owed_by"
OLD_COLUMNS = "status, due_at, case_id, suspended_since"


def upgrade():
    # Plain ADD COLUMNs: SQLite keeps the table (and its triggers) as it is.
    op.add_column('deadlines', sa.Column('owed_by', sa.String(length=10), nullable=False,
                                         server_default='office'))
    op.add_column('deadlines', sa.Column('settled_at', sa.DateTime(timezone=True),
                                         nullable=True))
    op.add_column('deadlines', sa.Column('settlement', sa.String(length=20), nullable=True))
    op.create_index('ix_deadlines_outstanding', 'deadlines', ['due_at'], unique=False,
                    sqlite_where=sa.text("status = 'missed' AND settled_at IS NULL"),
                    postgresql_where=sa.text("status = 'missed' AND settled_at IS NULL"))
    _backfill()
    _replace_triggers(EARLIEST, COLUMNS)


def _backfill():
    """Who owes each existing deadline, from the declarations; a passed duty of a case that
    has since ended, or left the state whose duty it was, is settled as of that moment."""
    from workflows.engine import settle_passed
    from workflows.procedures import REGISTRY

    bind = op.get_bind()
    for code, procedure in REGISTRY.items():
        for specs in procedure.deadlines.values():
            for spec in specs:
                if str(spec.owed_by) != 'office':
                    bind.execute(sa.text("UPDATE deadlines SET owed_by = :owed WHERE kind = :kind "
                                         "AND case_id IN (SELECT id FROM cases "
                                         "WHERE procedure = :code)"),
                                 {"owed": str(spec.owed_by), "kind": spec.kind, "code": code})
    passed = bind.execute(sa.text(
        "SELECT d.id, d.case_id, d.kind, d.due_at, d.on_expiry, c.procedure FROM deadlines d "
        "JOIN cases c ON c.id = d.case_id WHERE d.status = 'missed'")).all()
    for deadline_id, case_id, kind, due_at, on_expiry, code in passed:
        procedure = REGISTRY.get(code)
        events = bind.execute(sa.text(
            "SELECT from_state, trigger, to_state, effective_at FROM case_events "
            "WHERE case_id = :case AND effective_at >= :due ORDER BY seq"),
            {"case": case_id, "due": due_at}).all()
        for left, trigger, entered, moment in events:
            # Only a move settles a duty, as in the engine (an action that keeps the state,
            # e.g. appointing an attorney, does not).
            if procedure is None or left is None or entered is None or left == entered \
                    or not procedure.has_trigger(trigger):
                continue
            how = settle_passed(procedure, left, trigger, entered, kind, on_expiry)
            if how:
                bind.execute(sa.text("UPDATE deadlines SET settled_at = :at, settlement = :how "
                                     "WHERE id = :id"),
                             {"at": moment, "how": str(how), "id": deadline_id})
                break
    bind.execute(sa.text(f"UPDATE cases SET next_due_at = {EARLIEST.format(row='cases')}"
                         .replace("case_id = cases.case_id", "case_id = cases.id")))


def _replace_triggers(earliest: str, columns: str):
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""
            CREATE OR REPLACE FUNCTION cases_next_due() RETURNS trigger AS $$
            BEGIN
                IF TG_OP IN ('UPDATE', 'DELETE') THEN
                    UPDATE cases SET next_due_at = {earliest.format(row="OLD")}
                    WHERE id = OLD.case_id;
                END IF;
                IF TG_OP IN ('INSERT', 'UPDATE') THEN
                    UPDATE cases SET next_due_at = {earliest.format(row="NEW")}
                    WHERE id = NEW.case_id;
                END IF;
                RETURN NULL;
            END;
            $$ LANGUAGE plpgsql
        """)
        op.execute("DROP TRIGGER IF EXISTS deadlines_next_due ON deadlines")
        op.execute(f"""
            CREATE TRIGGER deadlines_next_due AFTER INSERT OR DELETE OR UPDATE OF {columns}
            ON deadlines FOR EACH ROW EXECUTE FUNCTION cases_next_due()
        """)
        return
    for name, when, rows in (("insert", "INSERT", ("NEW",)),
                             ("update", f"UPDATE OF {columns}", ("OLD", "NEW")),
                             ("delete", "DELETE", ("OLD",))):
        op.execute(f"DROP TRIGGER IF EXISTS deadlines_next_due_{name}")
        body = "".join(f"UPDATE cases SET next_due_at = {earliest.format(row=row)} "
                       f"WHERE id = {row}.case_id; " for row in rows)
        op.execute(f"CREATE TRIGGER deadlines_next_due_{name} AFTER {when} ON deadlines "
                   f"BEGIN {body}END")


def downgrade():
    _replace_triggers(OLD_EARLIEST, OLD_COLUMNS)  # the new ones name the columns dropped here
    op.drop_index('ix_deadlines_outstanding', table_name='deadlines')
    # Plain DROP COLUMNs (SQLite 3.35+ too): rebuilding the table would break the alerts'
    # foreign keys to it on a database that has data.
    for column in ('settlement', 'settled_at', 'owed_by'):
        op.execute(f"ALTER TABLE deadlines DROP COLUMN {column}")
    op.execute("UPDATE cases SET next_due_at = (SELECT MIN(due_at) FROM deadlines "
               "WHERE deadlines.case_id = cases.id AND status = 'open' "
               "AND suspended_since IS NULL)")
