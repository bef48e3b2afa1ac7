"""The receipt of a filing, on the page and as a PDF to print or keep."""

from __future__ import annotations

from flask import Response, abort, render_template

from backoffice.access import current_case
from backoffice.cases import filing_receipt
from backoffice.cases.blueprint import bp
from backoffice.cases.filing_receipt import receipt_facts


@bp.get("/receipt")
def receipt(reference: str):
    """The receipt of a filing: what was filed, when it was transmitted, what is due when."""
    case = _filed_case_or_404()
    return render_template("cases/receipt.html", **receipt_facts(case))


@bp.get("/receipt.pdf")
def receipt_pdf(reference: str):
    """The receipt as a PDF to print or keep (the filing party and the office's staff)."""
    case = _filed_case_or_404()
    return Response(filing_receipt.receipt_pdf(case), mimetype="application/pdf", headers={
        "Content-Disposition": f'inline; filename="receipt-{case.reference}.pdf"',
        "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"})


def _filed_case_or_404():
    """A case the user may see that was opened by a party's filing (it has a filing date); a
    case the office opened of its own motion (a pre-assessment notice) has no receipt."""
    case = current_case()
    if not (case.data or {}).get("filed_on"):
        abort(404)
    return case
