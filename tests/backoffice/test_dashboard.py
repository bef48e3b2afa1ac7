"""The supervisor's dashboard: every number links to the list behind it; the last 12 months
are drawn on the server as SVG."""

import re

from backoffice.extensions import db
from backoffice.models import Office, Party, User
from backoffice.workflow import fire, open_procedure_case
from jobs.enforce import enforce_due_deadlines
from tests.factories import PASSWORD
from tests.procedure_helpers import kst
from workflows import clock
from workflows.roles import Role

FILING = {"disposition_ref": "2026-0301", "disposition": "Payment notice",
          "disposition_kind": "assessment", "notice_received_on": "2026-09-20",
          "filed_on": "2026-10-01", "filing_rule": "online", "reasons": "r"}


def test_the_dashboard_counts_link_to_their_lists_and_the_chart_shows_the_months(
    client, auth, app, make
):
    office = make.office("SEOUL")
    make.user("chief", Role.SUPERVISOR, office=office)
    officer = make.user("officer", Role.OFFICER, office=office)
    party = make.party("JOHN SMITH")
    with app.app_context():
        actor = db.session.get(User, officer.id)
        with clock.frozen(kst(2026, 10, 1, 9)):
            late = open_procedure_case("objection", party=db.session.get(Party, party.id),
                                       office=db.session.get(Office, office.id), actor=actor,
                                       values=FILING)
            fire(late, "refer_to_committee", actor=actor)
        db.session.commit()
        with clock.frozen(kst(2026, 11, 3, 0, 1)):
            # 1 Oct + 30 days = Sat 31 Oct → Mon 2 Nov; passed at 24:00 (Art. 129(2))
            assert enforce_due_deadlines().fired == 1
        with clock.frozen(kst(2026, 11, 10, 9)):
            fire(late, "decide_reject", actor=actor, values={"reasons": "late but reasoned"})
            db.session.commit()
    auth.login("chief", PASSWORD)
    with clock.frozen(kst(2026, 12, 1, 9)):
        page = client.get("/dashboard").get_data(as_text=True)
    assert 'href="/worklist?due=overdue"' in page and 'href="/worklist?due=week"' in page
    assert 'href="/worklist?due=deemed"' in page
    assert f'href="/worklist?assignee={officer.id}"' in page
    assert "Decided" in page  # states by label, linked to /worklist?procedure=…&state=…
    assert "/worklist?procedure=objection&amp;state=decided" in page
    svg = re.search(r"<svg.*?</svg>", page, re.S).group(0)
    assert "<title" in svg and "26.10: opened 1, decided 0, decided late 0" in svg
    assert "26.11: opened 0, decided 1, decided late 1" in svg
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
