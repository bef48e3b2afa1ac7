"""Personal Customs Codes: their holders (the registration number sealed and indexed, never
stored as typed), the codes (one in use per holder), the online requests, the officers' views
of unmasked data, and the local SMS outbox (issue 19)

Revision ID: 0016_pcc
Revises: 0015_aeo_details
Create Date: 2026-12-04
"""
from alembic import op
import sqlalchemy as sa


revision = '0016_pcc'
down_revision = '0015_aeo_details'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('pcc_holders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number_index', sa.String(length=64), nullable=False),
    sa.Column('number_sealed', sa.Text(), nullable=False),
    sa.Column('number_masked', sa.String(length=14), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('telephone', sa.String(length=20), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('mobile_owner', sa.String(length=10), nullable=False),
    sa.Column('mobile', sa.String(length=11), nullable=True),
    sa.Column('consents_to_viewing', sa.Boolean(), nullable=False),
    sa.Column('sms_alerts', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pcc_holders')),
    sa.UniqueConstraint('number_index', name=op.f('uq_pcc_holders_number_index'))
    )
    op.create_table('pcc_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('purpose', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('number_index', sa.String(length=64), nullable=False),
    sa.Column('number_sealed', sa.Text(), nullable=False),
    sa.Column('number_masked', sa.String(length=14), nullable=False),
    sa.Column('mobile', sa.String(length=11), nullable=True),
    sa.Column('code_digest', sa.String(length=64), nullable=True),
    sa.Column('code_expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('code_extensions', sa.Integer(), nullable=False),
    sa.Column('code_attempts', sa.Integer(), nullable=False),
    sa.Column('code_used', sa.Boolean(), nullable=False),
    sa.Column('verified_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pcc_requests')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_pcc_requests_token_hash'))
    )
    with op.batch_alter_table('pcc_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pcc_requests_number_index'), ['number_index'], unique=False)

    op.create_table('sms_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('to', sa.String(length=11), nullable=False),
    sa.Column('text', sa.String(length=300), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sms_messages')),
    sa.UniqueConstraint('key', name=op.f('uq_sms_messages_key'))
    )
    with op.batch_alter_table('sms_messages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sms_messages_to'), ['to'], unique=False)

    op.create_table('pcc_codes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=13), nullable=False),
    sa.Column('holder_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('issued_by_id', sa.Integer(), nullable=True),
    sa.Column('retired_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('retired_why', sa.String(length=20), nullable=True),
    sa.Column('retired_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['holder_id'], ['pcc_holders.id'], name=op.f('fk_pcc_codes_holder_id_pcc_holders')),
    sa.ForeignKeyConstraint(['issued_by_id'], ['users.id'], name=op.f('fk_pcc_codes_issued_by_id_users')),
    sa.ForeignKeyConstraint(['retired_by_id'], ['users.id'], name=op.f('fk_pcc_codes_retired_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pcc_codes')),
    sa.UniqueConstraint('code', name=op.f('uq_pcc_codes_code'))
    )
    with op.batch_alter_table('pcc_codes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pcc_codes_holder_id'), ['holder_id'], unique=False)
        batch_op.create_index('uq_pcc_codes_one_in_use', ['holder_id'], unique=True, sqlite_where=sa.text("status = 'in_use'"), postgresql_where=sa.text("status = 'in_use'"))

    op.create_table('pcc_views',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('holder_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('viewed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['holder_id'], ['pcc_holders.id'], name=op.f('fk_pcc_views_holder_id_pcc_holders')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_pcc_views_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pcc_views'))
    )
    with op.batch_alter_table('pcc_views', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pcc_views_holder_id'), ['holder_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pcc_views_user_id'), ['user_id'], unique=False)



def downgrade():
    with op.batch_alter_table('pcc_views', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pcc_views_user_id'))
        batch_op.drop_index(batch_op.f('ix_pcc_views_holder_id'))

    op.drop_table('pcc_views')
    with op.batch_alter_table('pcc_codes', schema=None) as batch_op:
        batch_op.drop_index('uq_pcc_codes_one_in_use', sqlite_where=sa.text("status = 'in_use'"), postgresql_where=sa.text("status = 'in_use'"))
        batch_op.drop_index(batch_op.f('ix_pcc_codes_holder_id'))

    op.drop_table('pcc_codes')
    with op.batch_alter_table('sms_messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sms_messages_to'))

    op.drop_table('sms_messages')
    with op.batch_alter_table('pcc_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pcc_requests_number_index'))

    op.drop_table('pcc_requests')
    op.drop_table('pcc_holders')
