"""The catalogue of every procedure the back office handles.

Each procedure has a code (stored on the case), a reference prefix (``OBJ-2026-000123``), its
Korean and English titles and the articles of the Customs Act it implements. The states,
transitions and deadlines of each procedure are declared in its own module.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProcedureInfo:
    code: str
    prefix: str
    title_ko: str
    title_en: str
    article: str


CATALOGUE: dict[str, ProcedureInfo] = {
    info.code: info
    for info in (
        ProcedureInfo("objection", "OBJ", "이의신청", "Objection", "Art. 132"),
        ProcedureInfo("examination", "EXM", "심사청구", "Request for examination",
                      "Arts. 121 to 128"),
        ProcedureInfo("adjudication", "ADJ", "심판청구", "Adjudication by the Tax Tribunal",
                      "Art. 131"),
        ProcedureInfo("bai_examination", "BAI", "감사원 심사청구",
                      "Examination by the Board of Audit and Inspection", "Art. 119(5)-(6)"),
        ProcedureInfo("reinvestigation", "REI", "재조사", "Reinvestigation",
                      "Art. 128(1)3 and (5)"),
        ProcedureInfo("pre_assessment_review", "PAR", "과세전적부심사", "Pre-assessment review",
                      "Art. 118"),
        ProcedureInfo("deemed_permission", "DPA", "허가·승인 신청(간주)",
                      "Application deemed granted on silence", "Arts. 134 to 250"),
        ProcedureInfo("aeo_certification", "AEO", "수출입 안전관리 우수업체 공인",
                      "AEO certification", "Arts. 255-2 to 255-7"),
        ProcedureInfo("bonded_area_licence", "BAL", "특허보세구역 특허", "Licensed bonded area",
                      "Arts. 174 to 196-2"),
        ProcedureInfo("bonded_goods", "BGS", "보세구역 장치물품", "Goods stored in a bonded area",
                      "Arts. 177, 183, 184, 208"),
        ProcedureInfo("licence_disqualification", "LDQ", "특허보세구역 결격사유",
                      "Disqualification for a licensed bonded area", "Art. 175"),
        ProcedureInfo("offense_notification", "OFN", "통고처분",
                      "Offense notification disposition", "Arts. 311 to 319"),
        ProcedureInfo("seized_goods", "SZG", "압수물품", "Seized goods",
                      "Arts. 299, 303, 304, 313"),
        ProcedureInfo("pcc_issuance", "PCC", "개인통관고유부호 발급",
                      "Personal Customs Code issuance", "KCS PCC FAQ"),
    )
}


def procedure_info(code: str) -> ProcedureInfo:
    """Return the catalogue entry of a procedure code.

    :raise KeyError: for a code the system does not know.
    """
    return CATALOGUE[code]
