"""AEO certification details: the operator's business type, grade and term as indexed columns

Revision ID: 0015_aeo_details
Revises: 0014_procedure_details
Create Date: 2026-12-02

The detail table of the AEO certification (Arts. 255-2 to 255-7, issue 16): what the registers
and the supervisors' "expiring within seven months" are queried by. No case of the procedure
exists before this revision, so there is nothing to fill.
"""
from alembic import op
import sqlalchemy as sa

revision = '0015_aeo_details'
down_revision = '0014_procedure_details'
branch_labels = None
depends_on = None

TABLE = 'aeo_certification_details'


def upgrade():
    op.create_table(
        TABLE,
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('business_type', sa.String(length=60), nullable=True),
        sa.Column('grade', sa.String(length=60), nullable=True),
        sa.Column('valid_from', sa.Date(), nullable=True),
        sa.Column('valid_to', sa.Date(), nullable=True),
        sa.Column('term', sa.Integer(), nullable=True),
        sa.Column('renewal_requested_on', sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(['case_id'], ['cases.id'],
                                name=op.f(f'fk_{TABLE}_case_id_cases')),
        sa.PrimaryKeyConstraint('case_id', name=op.f(f'pk_{TABLE}')),
    )
    op.create_index(f'ix_{TABLE}_business_type', TABLE, ['business_type'])
    op.create_index(f'ix_{TABLE}_grade', TABLE, ['grade'])
    op.create_index(f'ix_{TABLE}_valid_to', TABLE, ['valid_to'])


def downgrade():
    op.drop_index(f'ix_{TABLE}_valid_to', table_name=TABLE)
    op.drop_index(f'ix_{TABLE}_grade', table_name=TABLE)
    op.drop_index(f'ix_{TABLE}_business_type', table_name=TABLE)
    op.drop_table(TABLE)
