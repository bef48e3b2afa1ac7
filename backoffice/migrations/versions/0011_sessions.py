"""sign-in sessions kept on the server, failed sign-ins per account and source, usernames
unique whatever their case (issue 13, items 4, 6 and 8)

Revision ID: 0011_sessions
Revises: 0010_revision_lapse
Create Date: 2026-12-01

Users signed in before the upgrade hold no server-side session: they simply sign in again.
Usernames are trimmed and lower-cased, and from now on stored only so: with the unique
constraint of 0001 they are unique whatever their case. (A unique index on ``lower(username)``
says the same, but SQLite cannot reflect an expression index, so the schema could no longer be
compared with the models.) PostgreSQL checks the stored form with a CHECK constraint; SQLite,
which cannot add one without rebuilding the table, with two triggers. Two usernames that
differ only in case or surrounding spaces stop the upgrade with their names, to be renamed by
hand first.
"""
from alembic import op
import sqlalchemy as sa

revision = '0011_sessions'
down_revision = '0010_revision_lapse'
branch_labels = None
depends_on = None

NORMALISED = "username = lower(trim(username))"


def upgrade():
    bind = op.get_bind()
    clashes = bind.execute(sa.text(
        "SELECT lower(trim(username)) AS name, count(*) FROM users "
        "GROUP BY lower(trim(username)) HAVING count(*) > 1 ORDER BY 1")).all()
    if clashes:
        names = ", ".join(f"{name!r} ({count} users)" for name, count in clashes)
        raise RuntimeError(
            "Usernames must be unique whatever their case or surrounding spaces, and these are "
            f"not: {names}. Rename all but one of each (UPDATE users SET username = ...), "
            "then run the upgrade again.")
    bind.execute(sa.text("UPDATE users SET username = lower(trim(username)) "
                         "WHERE username <> lower(trim(username))"))
    if bind.dialect.name == "postgresql":
        op.create_check_constraint(op.f('ck_users_username_normalised'), 'users', NORMALISED)
    else:
        for action in ("INSERT", "UPDATE OF username"):
            op.execute(f"""
                CREATE TRIGGER users_username_normalised_{action.split()[0].lower()}
                BEFORE {action} ON users
                WHEN NEW.username <> lower(trim(NEW.username))
                BEGIN
                    SELECT RAISE(ABORT, 'usernames are stored trimmed and in lower case');
                END
            """)

    op.create_table('sign_in_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('source', sa.String(length=45), nullable=True),
    sa.Column('user_agent', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'],
                            name=op.f('fk_sign_in_sessions_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sign_in_sessions')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_sign_in_sessions_token_hash'))
    )
    with op.batch_alter_table('sign_in_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sign_in_sessions_user_id'), ['user_id'],
                              unique=False)

    op.create_table('sign_in_failures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=45), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('locks', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_attempt_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'],
                            name=op.f('fk_sign_in_failures_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sign_in_failures')),
    sa.UniqueConstraint('user_id', 'source', name='uq_sign_in_failures_source')
    )


def downgrade():
    op.drop_table('sign_in_failures')
    with op.batch_alter_table('sign_in_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sign_in_sessions_user_id'))
    op.drop_table('sign_in_sessions')
    if op.get_bind().dialect.name == "postgresql":
        op.drop_constraint(op.f('ck_users_username_normalised'), 'users', type_='check')
    else:
        op.execute("DROP TRIGGER IF EXISTS users_username_normalised_insert")
        op.execute("DROP TRIGGER IF EXISTS users_username_normalised_update")
