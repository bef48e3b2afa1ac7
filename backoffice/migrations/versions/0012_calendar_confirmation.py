"""calendar confirmation: a closure day or outage recorded retroactively waits for a second admin

Revision ID: 0012_calendar_confirmation
Revises: 0011_sessions
Create Date: 2026-12-01

A closure day or outage recorded further back than CALENDAR_RETROACTIVE_DAYS counts in no
deadline until a second administrator confirms it (issue 13, item 8). Every row recorded
before this revision counts already: it is confirmed by whoever recorded it, when it was
recorded.
"""
from alembic import op
import sqlalchemy as sa

revision = '0012_calendar_confirmation'
down_revision = '0011_sessions'
branch_labels = None
depends_on = None

TABLES = (('calendar_days', 'created_by_id', 'created_at'),
          ('network_outages', 'recorded_by_id', 'recorded_at'))


def upgrade():
    for table, recorder, recorded_at in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('confirmed_by_id', sa.Integer(), nullable=True))
            batch_op.add_column(sa.Column('confirmed_at', sa.DateTime(timezone=True),
                                          nullable=True))
            batch_op.create_foreign_key(batch_op.f(f'fk_{table}_confirmed_by_id_users'),
                                        'users', ['confirmed_by_id'], ['id'])
        op.execute(f"UPDATE {table} SET confirmed_by_id = {recorder}, "
                   f"confirmed_at = {recorded_at}")


def downgrade():
    for table, _, _ in TABLES:
        # A record still waiting for its confirmation would count at once without the column.
        op.execute(f"DELETE FROM {table} WHERE confirmed_at IS NULL")
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(batch_op.f(f'fk_{table}_confirmed_by_id_users'),
                                     type_='foreignkey')
            batch_op.drop_column('confirmed_at')
            batch_op.drop_column('confirmed_by_id')
