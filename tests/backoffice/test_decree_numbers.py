"""Numbers the Act leaves to Presidential Decree are configuration with a documented default,
kept on each case when it opens (``Procedure.configured``): the case is decided by the rule that
held when it was filed, whatever the deployment sets later."""

from __future__ import annotations

import pytest

from backoffice.workflow import fire, open_procedure_case
from tests.procedure_helpers import kst
from workflows import clock
from workflows.engine import TransitionRefused

FILING = {"disposition_ref": "SEL-7", "disposition": "Payment notice",
          "disposition_kind": "assessment", "notice_received_on": "2026-03-02",
          "filed_on": "2026-03-02", "filing_rule": "at_office", "reasons": "r"}
FAMILY = {"attorney_name": "Kim Jiwoo", "attorney_kind": "family",
          "authority_document": "POA-1", "special_authority": False}


def _objection(people):
    with clock.frozen(kst(2026, 3, 2, 10)):
        return open_procedure_case("objection", party=people["payer"].party,
                                   office=people["office"], actor=people["officer"],
                                   assigned_officer=people["officer"], values=FILING)


def test_a_relative_acts_only_where_less_than_the_decree_amount_is_in_dispute(app, people):
    """Art. 126(2): "less than" KRW 30 million by default: 29,999,999 may, 30,000,000 may not."""
    case = _objection(people)
    assert case.data["family_attorney_limit"] == 30_000_000
    with clock.frozen(kst(2026, 3, 3, 10)):
        with pytest.raises(TransitionRefused, match="less than KRW 30,000,000 is in dispute"):
            fire(case, "appoint_attorney", actor=people["officer"],
                 values={**FAMILY, "amount_in_dispute": 30_000_000})
        fire(case, "appoint_attorney", actor=people["officer"],
             values={**FAMILY, "amount_in_dispute": 29_999_999})
    assert case.data["attorney_kind"] == "family"


def test_the_decree_amount_is_configured_and_kept_on_the_case_when_it_opens(app, people):
    app.config["FAMILY_ATTORNEY_LIMIT"] = 50_000_000
    case = _objection(people)
    app.config["FAMILY_ATTORNEY_LIMIT"] = 10_000_000  # a later change does not reach it
    assert case.data["family_attorney_limit"] == 50_000_000
    with clock.frozen(kst(2026, 3, 3, 10)):
        fire(case, "appoint_attorney", actor=people["officer"],
             values={**FAMILY, "amount_in_dispute": 40_000_000})


def _reinvestigation(people):
    with clock.frozen(kst(2026, 6, 1, 10)):
        return open_procedure_case(
            "reinvestigation", party=people["payer"].party, office=people["office"],
            actor=people["officer"], assigned_officer=people["officer"],
            values={"scope": "the freight invoices", "decided_on": "2026-06-01",
                    "ordered_by": "examination", "parent_reference": "EXM-2026-000001"})


@pytest.mark.parametrize(("configured", "allowed", "refused"), [(None, 60, 61), (30, 30, 31)])
def test_a_reinvestigation_is_extended_at_most_by_the_configured_days(app, people, configured,
                                                                      allowed, refused):
    """Art. 128(5) latter part leaves the extension to the Decree: 60 days in total by default."""
    if configured is not None:
        app.config["REINVESTIGATION_EXTENSION_DAYS"] = configured
    case = _reinvestigation(people)
    with clock.frozen(kst(2026, 6, 10, 10)):
        with pytest.raises(TransitionRefused, match=f"at most {allowed} days"):
            fire(case, "extend", actor=people["officer"],
                 values={"extended_days": refused, "reason": "records abroad"})
        fire(case, "extend", actor=people["officer"],
             values={"extended_days": allowed, "reason": "records abroad"})
    assert case.data["extended_days"] == allowed
