"""revision lapse and the counters the corrected procedures read (issue 12)

Revision ID: 0010_revision_lapse
Revises: 0009_staged_filings
Create Date: 2026-12-01

A revision period now ends the clock stop when it passes unanswered (Arts. 123(1), 128(4)):
its deadline expires into ``revision_lapsed`` instead of being flagged. Open revision periods
take the new expiry; one already flagged while its case still waits in ``in_revision`` is
reopened, so the next sweep records the lapse at its legal moment and restarts the decision
clock from the day after it (which the flag never did).

A waiver the corrected declarations no longer allow (a processing period, a decision period)
is undone where the lapse would still take effect, so the permission is deemed granted and the
Art. 129(2) notice sent at their legal moment.

The corrected declarations count what guards now read (``referrals`` before a decision on the
merits, 127(1); ``opinions_sent``, 132(5); ``revision_orders`` and ``revisions``, 118(4)3;
``attorney_appointments``, 126(5)): each counter missing from a case's data is counted from
the case's events.
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0010_revision_lapse'
down_revision = '0009_staged_filings'
branch_labels = None
depends_on = None

LAPSE = 'transition:revision_lapsed'


def upgrade():
    from workflows.engine import ExpiryKind
    from workflows.procedures import REGISTRY

    bind = op.get_bind()
    for code, procedure in REGISTRY.items():
        spec = procedure.deadline_spec('revision')
        if spec is None or spec.on_expiry.kind is not ExpiryKind.TRANSITION:
            continue
        expiry = str(spec.on_expiry)
        cases = "SELECT id FROM cases WHERE procedure = :code"
        bind.execute(sa.text(f"UPDATE deadlines SET on_expiry = :expiry WHERE kind = 'revision' "
                             f"AND status = 'open' AND case_id IN ({cases})"),
                     {"expiry": expiry, "code": code})
        bind.execute(sa.text(
            f"UPDATE deadlines SET on_expiry = :expiry, status = 'open', closed_at = NULL, "
            f"processed_at = NULL WHERE kind = 'revision' AND status = 'missed' "
            f"AND settled_at IS NULL AND case_id IN ({cases} AND state = 'in_revision')"),
            {"expiry": expiry, "code": code})
    _count_missing_counters(bind, REGISTRY)
    _undo_waivers_the_law_does_not_allow(bind, REGISTRY)


def _undo_waivers_the_law_does_not_allow(bind, registry):
    """A deadline waived under the old code whose declaration now allows no waiver (a
    processing period that grants the permission by law, a decision period whose lapse is
    owed the Art. 129(2) notice) runs again where its lapse would still take effect: the case
    waits in a state its expiry can move it from. A waived processing period otherwise left
    the application neither granted nor deemed granted."""
    for code, procedure in registry.items():
        seen = set()
        for specs in procedure.deadlines.values():
            for spec in specs:
                if spec.waiver or spec.kind in seen or not spec.on_expiry.trigger:
                    continue
                seen.add(spec.kind)
                takes_effect_in = procedure.transition(spec.on_expiry.trigger).source
                rows = bind.execute(sa.text(
                    "SELECT d.id, c.state FROM deadlines d JOIN cases c ON c.id = d.case_id "
                    "WHERE c.procedure = :code AND d.kind = :kind AND d.status = 'waived' "
                    "AND c.closed_at IS NULL"), {"code": code, "kind": spec.kind}).all()
                for deadline_id, state in rows:
                    if state in takes_effect_in:
                        bind.execute(sa.text(
                            "UPDATE deadlines SET status = 'open', closed_at = NULL, "
                            "closed_reason = NULL WHERE id = :id"), {"id": deadline_id})


def _count_missing_counters(bind, registry):
    cases = sa.table('cases', sa.column('id'), sa.column('procedure'),
                     sa.column('data', sa.JSON().with_variant(postgresql.JSONB(), 'postgresql')))
    for code, procedure in registry.items():
        counters = {}
        for transition in procedure.transitions:
            if transition.counts:
                counters.setdefault(transition.counts, []).append(transition.trigger)
        if not counters:
            continue
        for case_id, data in bind.execute(
                sa.select(cases.c.id, cases.c.data).where(cases.c.procedure == code)).all():
            data = dict(data or {})
            missing = {name: triggers for name, triggers in counters.items() if name not in data}
            if not missing:
                continue
            for name, triggers in missing.items():
                count = bind.execute(sa.text(
                    "SELECT count(*) FROM case_events WHERE case_id = :case AND trigger IN "
                    "(" + ", ".join(f":t{i}" for i in range(len(triggers))) + ")"),
                    {"case": case_id, **{f"t{i}": t for i, t in enumerate(triggers)}}).scalar()
                if count:
                    data[name] = count
            bind.execute(sa.update(cases).where(cases.c.id == case_id).values(data=data))


def downgrade():
    # The lapses recorded since cannot be undone; a revision period still open is flagged again.
    op.get_bind().execute(sa.text(
        "UPDATE deadlines SET on_expiry = 'flag' WHERE kind = 'revision' AND status = 'open' "
        "AND on_expiry = :lapse"), {"lapse": LAPSE})
