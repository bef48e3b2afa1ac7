"""notices: content, verification code, service (Art. 11), immutable rendered documents

Revision ID: 0005_notices
Revises: 0004_audit_truncate
Create Date: 2026-12-01

A rendered PDF is stored once under its SHA-256 in notice_documents, which refuses UPDATE,
DELETE (and TRUNCATE on PostgreSQL). What a notice is (number, kind, case, content, code, issue,
the notice it corrects) never changes; its document, once set, and its service, once recorded,
cannot change either: a correction is a new notice. A later batch_alter_table on `notices`
rebuilds the table on SQLite and drops these triggers: such a migration must create them again.
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0005_notices'
down_revision = '0004_audit_truncate'
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')
FROZEN = ("case_id", "kind", "number", "content", "verification_code", "issued_at",
          "issued_by_id", "event_seq", "replaces_id", "correction_reason", "language")
RENDERED = ("file_sha256", "page_count", "rendered_at")
SERVED = ("served_on", "served_at", "service_method", "published_on", "publication_channels",
          "public_notice_ground", "service_reference", "served_recorded_by_id")


def upgrade():
    op.create_table('notice_documents',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_notice_documents'))
    )
    with op.batch_alter_table('offices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('address', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('phone', sa.String(length=40), nullable=True))
    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('verification_code', sa.String(length=14), nullable=True))
        batch_op.add_column(sa.Column('content', JSON, nullable=True))
        batch_op.add_column(sa.Column('page_count', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('issued_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('rendered_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('correction_reason', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('served_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('published_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('publication_channels', JSON, nullable=True))
        batch_op.add_column(sa.Column('public_notice_ground', sa.String(length=30),
                                      nullable=True))
        batch_op.add_column(sa.Column('service_reference', sa.String(length=120),
                                      nullable=True))
        batch_op.add_column(sa.Column('served_recorded_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_notices_issued_by_id_users'), 'users',
                                    ['issued_by_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_notices_served_recorded_by_id_users'),
                                    'users', ['served_recorded_by_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_notices_file_sha256_notice_documents'),
                                    'notice_documents', ['file_sha256'], ['sha256'])
        batch_op.create_index('ix_notices_unrendered', ['id'], unique=False,
                              postgresql_where=sa.text('file_sha256 IS NULL'),
                              sqlite_where=sa.text('file_sha256 IS NULL'))
        batch_op.create_index('ix_notices_unserved', ['case_id'], unique=False,
                              postgresql_where=sa.text('served_on IS NULL'),
                              sqlite_where=sa.text('served_on IS NULL'))
    _create_immutability_triggers()


def _create_immutability_triggers():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("""
            CREATE FUNCTION notice_documents_immutable() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION 'notice_documents is write-once (issued notices)';
            END;
            $$ LANGUAGE plpgsql
        """)
        op.execute("""
            CREATE TRIGGER notice_documents_immutable BEFORE UPDATE OR DELETE ON notice_documents
            FOR EACH ROW EXECUTE FUNCTION notice_documents_immutable()
        """)
        op.execute("""
            CREATE TRIGGER notice_documents_no_truncate BEFORE TRUNCATE ON notice_documents
            FOR EACH STATEMENT EXECUTE FUNCTION notice_documents_immutable()
        """)
        def changed(columns):
            return " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in columns)

        op.execute(f"""
            CREATE FUNCTION notices_frozen() RETURNS trigger AS $$
            BEGIN
                IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
                    RAISE EXCEPTION 'an issued notice is never deleted; issue a correction';
                END IF;
                IF {changed(FROZEN)}
                   OR (OLD.file_sha256 IS NOT NULL AND ({changed(RENDERED)}))
                   OR (OLD.served_on IS NOT NULL AND ({changed(SERVED)})) THEN
                    RAISE EXCEPTION 'an issued notice never changes; issue a correction';
                END IF;
                RETURN NEW;
            END;
            $$ LANGUAGE plpgsql
        """)
        op.execute("""
            CREATE TRIGGER notices_frozen BEFORE UPDATE OR DELETE ON notices
            FOR EACH ROW EXECUTE FUNCTION notices_frozen()
        """)
        op.execute("""
            CREATE TRIGGER notices_no_truncate BEFORE TRUNCATE ON notices
            FOR EACH STATEMENT EXECUTE FUNCTION notices_frozen()
        """)
    else:
        for action in ("UPDATE", "DELETE"):
            op.execute(f"""
                CREATE TRIGGER notice_documents_no_{action.lower()}
                BEFORE {action} ON notice_documents
                BEGIN
                    SELECT RAISE(ABORT, 'notice_documents is write-once (issued notices)');
                END
            """)
        op.execute(f"""
            CREATE TRIGGER notices_frozen BEFORE UPDATE OF {", ".join(FROZEN)} ON notices
            BEGIN
                SELECT RAISE(ABORT, 'an issued notice never changes; issue a correction');
            END
        """)
        op.execute(f"""
            CREATE TRIGGER notices_document_frozen BEFORE UPDATE OF {", ".join(RENDERED)}
            ON notices WHEN OLD.file_sha256 IS NOT NULL
            BEGIN
                SELECT RAISE(ABORT, 'an issued notice never changes; issue a correction');
            END
        """)
        op.execute(f"""
            CREATE TRIGGER notices_service_frozen BEFORE UPDATE OF {", ".join(SERVED)}
            ON notices WHEN OLD.served_on IS NOT NULL
            BEGIN
                SELECT RAISE(ABORT, 'an issued notice never changes; issue a correction');
            END
        """)
        op.execute("""
            CREATE TRIGGER notices_no_delete BEFORE DELETE ON notices
            BEGIN
                SELECT RAISE(ABORT, 'an issued notice is never deleted; issue a correction');
            END
        """)


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS notices_frozen ON notices")
        op.execute("DROP TRIGGER IF EXISTS notices_no_truncate ON notices")
        op.execute("DROP FUNCTION IF EXISTS notices_frozen()")
        op.execute("DROP TRIGGER IF EXISTS notice_documents_immutable ON notice_documents")
        op.execute("DROP TRIGGER IF EXISTS notice_documents_no_truncate ON notice_documents")
        op.execute("DROP FUNCTION IF EXISTS notice_documents_immutable()")
    else:
        for name in ("notices_frozen", "notices_document_frozen", "notices_service_frozen",
                     "notices_no_delete",
                     "notice_documents_no_update", "notice_documents_no_delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.drop_index('ix_notices_unserved')
        batch_op.drop_index('ix_notices_unrendered')
        batch_op.drop_constraint(batch_op.f('fk_notices_file_sha256_notice_documents'),
                                 type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_notices_served_recorded_by_id_users'),
                                 type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_notices_issued_by_id_users'), type_='foreignkey')
        for column in ('served_recorded_by_id', 'service_reference', 'public_notice_ground',
                       'publication_channels', 'published_on', 'served_on',
                       'correction_reason', 'rendered_at', 'issued_by_id', 'page_count',
                       'content', 'verification_code'):
            batch_op.drop_column(column)
    with op.batch_alter_table('offices', schema=None) as batch_op:
        batch_op.drop_column('phone')
        batch_op.drop_column('address')
    op.drop_table('notice_documents')
