"""The procedures of the back office: the catalogue of all, and the declared state machines.

``CATALOGUE`` names every procedure (code, reference prefix, titles, articles); ``REGISTRY``
holds the procedures already declared on the engine, one module each.
"""

from __future__ import annotations

from workflows.engine import Procedure
from workflows.procedures.catalogue import CATALOGUE, ProcedureInfo, procedure_info


def _declared() -> dict[str, Procedure]:
    from workflows.procedures import (
        aeo,
        bonded_area_licence,
        bonded_goods,
        deemed_permission,
        examination,
        external,
        licence_disqualification,
        objection,
        offense_notification,
        pre_assessment_review,
        reinvestigation,
        seized_goods,
    )

    return {p.code: p for p in (objection.PROCEDURE, examination.PROCEDURE,
                                external.ADJUDICATION, external.BAI_EXAMINATION,
                                reinvestigation.PROCEDURE, pre_assessment_review.PROCEDURE,
                                deemed_permission.PROCEDURE, aeo.PROCEDURE,
                                offense_notification.PROCEDURE,
                                seized_goods.PROCEDURE, bonded_area_licence.PROCEDURE,
                                bonded_goods.PROCEDURE, licence_disqualification.PROCEDURE)}


REGISTRY: dict[str, Procedure] = _declared()


def procedure_for(code: str) -> Procedure:
    """Return the declared procedure ``code``.

    :raise KeyError: the procedure is in the catalogue but not declared yet, or unknown.
    """
    return REGISTRY[code]


__all__ = ["CATALOGUE", "REGISTRY", "ProcedureInfo", "procedure_for", "procedure_info"]
