"""procedure details: the deemed permission's facts as real, indexed columns

Revision ID: 0014_procedure_details
Revises: 0013_authorisations
Create Date: 2026-12-01

The first detail table a procedure declares (``Procedure.details``, issue 14 item 6): the kind
of permission applied for and the day the application was received, indexed, beside the
extensions notified. Rows for the cases already
open are filled from their data.
"""
import json
from datetime import date

from alembic import op
import sqlalchemy as sa

revision = '0014_procedure_details'
down_revision = '0013_authorisations'
branch_labels = None
depends_on = None

TABLE = 'deemed_permission_details'


def upgrade():
    op.create_table(
        TABLE,
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('permission_kind', sa.String(length=60), nullable=True),
        sa.Column('received_on', sa.Date(), nullable=True),
        sa.Column('extensions', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['case_id'], ['cases.id'],
                                name=op.f(f'fk_{TABLE}_case_id_cases')),
        sa.PrimaryKeyConstraint('case_id', name=op.f(f'pk_{TABLE}')),
    )
    op.create_index(f'ix_{TABLE}_permission_kind', TABLE, ['permission_kind'])
    op.create_index(f'ix_{TABLE}_received_on', TABLE, ['received_on'])
    rows = []
    for case_id, data in op.get_bind().execute(sa.text(
            "SELECT id, data FROM cases WHERE procedure = 'deemed_permission'")):
        data = json.loads(data) if isinstance(data, str) else (data or {})
        received = data.get('received_on')
        rows.append({'case_id': case_id, 'permission_kind': data.get('permission_kind'),
                     'received_on': date.fromisoformat(received) if received else None,
                     'extensions': data.get('extensions')})
    if rows:
        op.bulk_insert(sa.table(TABLE, *(sa.column(name) for name in rows[0])), rows)


def downgrade():
    op.drop_index(f'ix_{TABLE}_received_on', table_name=TABLE)
    op.drop_index(f'ix_{TABLE}_permission_kind', table_name=TABLE)
    op.drop_table(TABLE)
