"""worklist and dashboard: each case's earliest open deadline kept by the database; indexes

Revision ID: 0006_worklist
Revises: 0005_notices
Create Date: 2026-12-01

The worklist is sorted by the nearest deadline by default, over up to 100k cases of an office.
`cases.next_due_at` holds the earliest `due_at` of the case's open, running deadlines (a clock
stopped by a revision does not count); triggers on `deadlines` (insert, update of status, due
date, case or clock stop, delete) keep it, whichever code path
writes the deadline (a request, the bulk sweep, a calendar recomputation).
"""
from alembic import op
import sqlalchemy as sa

revision = '0006_worklist'
down_revision = '0005_notices'
branch_labels = None
depends_on = None

EARLIEST = ("(SELECT MIN(due_at) FROM deadlines WHERE case_id = {row}.case_id "
            "AND status = 'open' AND suspended_since IS NULL)")


def upgrade():
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('next_due_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index('ix_cases_office_open_next_due',
                              ['office_id', 'closed_at', 'next_due_at'], unique=False)
        batch_op.create_index('ix_cases_office_open_state', ['office_id', 'closed_at',
                              'procedure', 'state', 'assigned_officer_id'], unique=False)
        batch_op.create_index('ix_cases_office_opened', ['office_id', 'opened_at'], unique=False)
    op.create_index('ix_case_events_to_state_occurred', 'case_events',
                    ['to_state', 'occurred_at'], unique=False)
    op.execute("UPDATE cases SET next_due_at = (SELECT MIN(due_at) FROM deadlines "
               "WHERE deadlines.case_id = cases.id AND status = 'open' "
               "AND suspended_since IS NULL)")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""
            CREATE FUNCTION cases_next_due() RETURNS trigger AS $$
            BEGIN
                IF TG_OP IN ('UPDATE', 'DELETE') THEN
                    UPDATE cases SET next_due_at = {EARLIEST.format(row="OLD")}
                    WHERE id = OLD.case_id;
                END IF;
                IF TG_OP IN ('INSERT', 'UPDATE') THEN
                    UPDATE cases SET next_due_at = {EARLIEST.format(row="NEW")}
                    WHERE id = NEW.case_id;
                END IF;
                RETURN NULL;
            END;
            $$ LANGUAGE plpgsql
        """)
        op.execute("""
            CREATE TRIGGER deadlines_next_due AFTER INSERT OR DELETE OR UPDATE OF status, due_at,
            case_id, suspended_since ON deadlines FOR EACH ROW EXECUTE FUNCTION cases_next_due()
        """)
    else:
        for name, when, rows in (("insert", "INSERT", ("NEW",)),
                                 ("update", "UPDATE OF status, due_at, case_id, suspended_since",
                                  ("OLD", "NEW")),
                                 ("delete", "DELETE", ("OLD",))):
            body = "".join(f"UPDATE cases SET next_due_at = {EARLIEST.format(row=row)} "
                           f"WHERE id = {row}.case_id; " for row in rows)
            op.execute(f"CREATE TRIGGER deadlines_next_due_{name} AFTER {when} ON deadlines "
                       f"BEGIN {body}END")


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS deadlines_next_due ON deadlines")
        op.execute("DROP FUNCTION IF EXISTS cases_next_due()")
    else:
        for name in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS deadlines_next_due_{name}")
    op.drop_index('ix_case_events_to_state_occurred', table_name='case_events')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index('ix_cases_office_opened')
        batch_op.drop_index('ix_cases_office_open_state')
        batch_op.drop_index('ix_cases_office_open_next_due')
        batch_op.drop_column('next_due_at')
