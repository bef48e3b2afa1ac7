"""engine: deadline computation columns, alerts, job runs

Revision ID: a2b38048cfb1
Revises: c6c572f0c49c
Create Date: 2026-11-22

What the workflow engine and the scheduler need: how each deadline was computed (so a clock
stop or an Art. 10 extension can recompute it), its reminders, a 'waived' status for a
supervisor's waiver, the alerts (reminders and escalations) and the scheduler's job runs.

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = 'a2b38048cfb1'
down_revision = 'c6c572f0c49c'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('job_runs',
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('last_started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_processed', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('next_run_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('runs', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_job_runs'))
    )
    op.create_table('alerts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('deadline_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('read_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_alerts_case_id_cases')),
    sa.ForeignKeyConstraint(['deadline_id'], ['deadlines.id'], name=op.f('fk_alerts_deadline_id_deadlines')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_alerts_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_alerts')),
    sa.UniqueConstraint('deadline_id', 'user_id', 'kind', 'key', name='uq_alerts_once')
    )
    with op.batch_alter_table('alerts', schema=None) as batch_op:
        batch_op.create_index('ix_alerts_user_unread', ['user_id', 'read_at'], unique=False)

    with op.batch_alter_table('deadlines', schema=None) as batch_op:
        batch_op.add_column(sa.Column('period', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('start_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('rollover', sa.Boolean(), nullable=False, server_default=sa.true()))
        batch_op.add_column(sa.Column('backward', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('suspensions', sa.JSON().with_variant(postgresql.JSONB(), 'postgresql'), nullable=False, server_default='[]'))
        batch_op.add_column(sa.Column('suspended_since', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('extension', sa.JSON().with_variant(postgresql.JSONB(), 'postgresql'), nullable=True))
        batch_op.add_column(sa.Column('early_warning_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('reminders', sa.JSON().with_variant(postgresql.JSONB(), 'postgresql'), nullable=False, server_default='[]'))
        batch_op.add_column(sa.Column('next_reminder_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('processed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('closed_reason', sa.Text(), nullable=True))
        batch_op.create_index(batch_op.f('ix_deadlines_next_reminder_on'), ['next_reminder_on'], unique=False)
        batch_op.drop_constraint(op.f('ck_deadlines_status_known'), type_='check')
        batch_op.create_check_constraint(
            'status_known', "status IN ('open', 'met', 'missed', 'cancelled', 'waived')")
    with op.batch_alter_table('deadlines', schema=None) as batch_op:
        for column in ('rollover', 'backward', 'suspensions', 'reminders'):
            batch_op.alter_column(column, server_default=None)



def downgrade():
    with op.batch_alter_table('deadlines', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_deadlines_status_known'), type_='check')
        batch_op.create_check_constraint(
            'status_known', "status IN ('open', 'met', 'missed', 'cancelled')")
        batch_op.drop_index(batch_op.f('ix_deadlines_next_reminder_on'))
        batch_op.drop_column('closed_reason')
        batch_op.drop_column('processed_at')
        batch_op.drop_column('next_reminder_on')
        batch_op.drop_column('reminders')
        batch_op.drop_column('early_warning_on')
        batch_op.drop_column('extension')
        batch_op.drop_column('suspended_since')
        batch_op.drop_column('suspensions')
        batch_op.drop_column('backward')
        batch_op.drop_column('rollover')
        batch_op.drop_column('start_at')
        batch_op.drop_column('period')

    with op.batch_alter_table('alerts', schema=None) as batch_op:
        batch_op.drop_index('ix_alerts_user_unread')

    op.drop_table('alerts')
    op.drop_table('job_runs')
