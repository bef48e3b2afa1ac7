"""audit: refuse TRUNCATE of case_events on PostgreSQL

Revision ID: 0004_audit_truncate
Revises: a2b38048cfb1
Create Date: 2026-11-22

The row triggers of 0001 refuse UPDATE and DELETE; a TRUNCATE is a statement and needs its own
trigger. SQLite has no TRUNCATE.
"""
from alembic import op

revision = '0004_audit_truncate'
down_revision = 'a2b38048cfb1'
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("""
            CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON case_events
            FOR EACH STATEMENT EXECUTE FUNCTION case_events_append_only()
        """)


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS case_events_no_truncate ON case_events")
