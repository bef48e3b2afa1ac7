"""staged filings: an online filing's answers and evidence between checking and filing

Revision ID: 0009_staged_filings
Revises: 0008_duties
Create Date: 2026-12-02

A duty payer's online filing is shown back ("Check your answers") before it is filed. Until
"File now" the answers and the evidence files wait in the database, so any web process on any
machine can file them; each staged filing belongs to one user, expires an hour after its last
change and is deleted, with its files, when it is filed.
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0009_staged_filings'
down_revision = '0008_duties'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('staged_filings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('procedure', sa.String(length=40), nullable=False),
    sa.Column('answers', sa.JSON().with_variant(postgresql.JSONB(), 'postgresql'),
              nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'],
                            name=op.f('fk_staged_filings_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staged_filings')),
    sa.UniqueConstraint('token', name=op.f('uq_staged_filings_token'))
    )
    with op.batch_alter_table('staged_filings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staged_filings_user_id'), ['user_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_staged_filings_expires_at'), ['expires_at'],
                              unique=False)
    op.create_table('staged_filing_files',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('staged_filing_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=200), nullable=False),
    sa.Column('content_type', sa.String(length=60), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['staged_filing_id'], ['staged_filings.id'],
                            name=op.f('fk_staged_filing_files_staged_filing_id_staged_filings'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staged_filing_files'))
    )
    with op.batch_alter_table('staged_filing_files', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staged_filing_files_staged_filing_id'),
                              ['staged_filing_id'], unique=False)


def downgrade():
    with op.batch_alter_table('staged_filing_files', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staged_filing_files_staged_filing_id'))
    op.drop_table('staged_filing_files')
    with op.batch_alter_table('staged_filings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staged_filings_expires_at'))
        batch_op.drop_index(batch_op.f('ix_staged_filings_user_id'))
    op.drop_table('staged_filings')
