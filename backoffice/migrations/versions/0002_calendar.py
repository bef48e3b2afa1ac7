"""calendar: closure days and network outages

Revision ID: c6c572f0c49c
Revises: b0e8369f97ad
Create Date: 2026-11-22

The office's own non-working days (Art. 8(3)2 and 4) and the outage register (Art. 8(4)).

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c6c572f0c49c'
down_revision = 'b0e8369f97ad'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('calendar_days',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('ground', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('decree_day', 'public_holiday')", name=op.f('ck_calendar_days_kind_known')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_calendar_days_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_days')),
    sa.UniqueConstraint('day', name=op.f('uq_calendar_days_day'))
    )
    op.create_table('network_outages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('repaired_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ground', sa.Text(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('repaired_at > started_at', name=op.f('ck_network_outages_repaired_after_start')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_network_outages_recorded_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_network_outages'))
    )


def downgrade():
    op.drop_table('network_outages')
    op.drop_table('calendar_days')
