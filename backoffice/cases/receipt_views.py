"""The receipt of a filing, on the page and as a PDF to print or keep: of the filing that
opened the case, or (``?event=<seq>``) of a later filing of the party's own (a change report,
a self-assessment, a renewal request)."""

from __future__ import annotations

from flask import Response, abort, render_template, request

from backoffice.access import current_case
from backoffice.cases import filing_receipt
from backoffice.cases.blueprint import bp
from backoffice.cases.filing_receipt import filing_event, receipt_facts
from backoffice.cases.history import is_party_filing

MAX_SEQ = 1_000_000
"""No case has more events than this: a larger ``event`` is refused before any query."""


@bp.get("/receipt")
def receipt(reference: str):
    """The receipt of a filing: what was filed, when it was transmitted, what is due when."""
    case, filed = _filing_or_404()
    return render_template("cases/receipt.html", **receipt_facts(case, filed))


@bp.get("/receipt.pdf")
def receipt_pdf(reference: str):
    """The receipt as a PDF to print or keep (the filing party and the office's staff)."""
    case, filed = _filing_or_404()
    name = f"receipt-{case.reference}" + (f"-{filed.seq}" if filed else "")
    return Response(filing_receipt.receipt_pdf(case, filed), mimetype="application/pdf",
                    headers={"Content-Disposition": f'inline; filename="{name}.pdf"',
                             "Cache-Control": "private, no-store",
                             "X-Content-Type-Options": "nosniff"})


def _filing_or_404():
    """A case the user may see, and the filing asked for: without ``event``, the filing that
    opened it (a case the office opened of its own motion, such as a pre-assessment notice,
    has none); with it, a later filing the party made itself (anything else: 404)."""
    case = current_case()
    asked = request.args.get("event", "")
    if not asked:
        if not (case.data or {}).get("filed_on"):
            abort(404)
        return case, None
    if not asked.isdigit() or not 1 < int(asked) <= MAX_SEQ:
        abort(404)
    filed = filing_event(case, int(asked))
    if filed is None or not is_party_filing(filed):
        abort(404)
    return case, filed
