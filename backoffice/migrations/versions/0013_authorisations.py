"""authorisations: what a case grants its holder for a time, in real, indexed columns

Revision ID: 0013_authorisations
Revises: 0012_calendar_confirmation
Create Date: 2026-12-01

A permission granted or deemed granted, and the licences and certificates the coming
procedures grant, are kept with their holder, kind, number and validity so that "what expires
this quarter" is an indexed query (issue 14, item 6). The permissions already granted or deemed
granted are recorded from their cases' events; a revoked deemed permission as revoked.
"""
import json
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from alembic import op
import sqlalchemy as sa

revision = '0013_authorisations'
down_revision = '0012_calendar_confirmation'
branch_labels = None
depends_on = None

SEOUL = ZoneInfo("Asia/Seoul")


def upgrade():
    op.create_table(
        'authorisations',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('holder_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=60), nullable=False),
        sa.Column('number', sa.String(length=40), nullable=False),
        sa.Column('article', sa.String(length=120), nullable=False),
        sa.Column('valid_from', sa.Date(), nullable=False),
        sa.Column('valid_to', sa.Date(), nullable=True),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('granted_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('event_seq', sa.Integer(), nullable=False),
        sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('ended_reason', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['case_id'], ['cases.id'],
                                name=op.f('fk_authorisations_case_id_cases')),
        sa.ForeignKeyConstraint(['holder_id'], ['parties.id'],
                                name=op.f('fk_authorisations_holder_id_parties')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_authorisations')),
        sa.UniqueConstraint('kind', 'number', name='uq_authorisations_kind_number'),
    )
    op.create_index('ix_authorisations_case_id', 'authorisations', ['case_id'])
    op.create_index('ix_authorisations_status_valid_to', 'authorisations',
                    ['status', 'valid_to'])
    op.create_index('ix_authorisations_holder_kind', 'authorisations', ['holder_id', 'kind'])
    _record_granted_permissions()


def _moment(value):
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _record_granted_permissions():
    """The permissions granted before this revision, from the event that granted them."""
    bind = op.get_bind()
    rows = bind.execute(sa.text(
        "SELECT c.id, c.reference, c.party_id, c.state, c.data, e.seq, e.article, "
        "e.effective_at, e.trigger, e.reason FROM cases c JOIN case_events e ON e.case_id = c.id "
        "WHERE c.procedure = 'deemed_permission' AND e.trigger IN ('grant', 'deem_grant', "
        "'revoke') ORDER BY c.id, e.seq")).all()
    granted, ended = {}, {}
    for case_id, reference, party_id, state, data, seq, article, at, trigger, reason in rows:
        if trigger == 'revoke':
            ended[case_id] = (_moment(at), reason or trigger)
            continue
        data = json.loads(data) if isinstance(data, str) else (data or {})
        moment = _moment(at)
        granted[case_id] = {
            'case_id': case_id, 'holder_id': party_id,
            'kind': f"permission:{data.get('permission_kind')}", 'number': reference,
            'article': article or '', 'valid_from': moment.astimezone(SEOUL).date(),
            'valid_to': None, 'status': 'in_force', 'granted_at': moment, 'event_seq': seq,
            'ended_at': None, 'ended_reason': None}
    for case_id, (moment, reason) in ended.items():
        if case_id in granted:
            granted[case_id].update(status='revoked', ended_at=moment, ended_reason=reason)
    if granted:
        table = sa.table('authorisations', *(sa.column(name) for name in next(
            iter(granted.values()))))
        op.bulk_insert(table, list(granted.values()))


def downgrade():
    op.drop_index('ix_authorisations_holder_kind', table_name='authorisations')
    op.drop_index('ix_authorisations_status_valid_to', table_name='authorisations')
    op.drop_index('ix_authorisations_case_id', table_name='authorisations')
    op.drop_table('authorisations')
