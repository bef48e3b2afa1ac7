"""Render the notices issued without a PDF (by the sweep), a batch at a time.

Each notice is rendered and committed on its own: a failure leaves the others rendered and the
failed one waiting for the next run; the conditional claim in ``render_notice`` means two
renderers (the job and ``flask notices render``) never render one notice twice.
"""

from __future__ import annotations

import logging

from flask import current_app

from backoffice.extensions import db
from backoffice.notices.issue import render_notice, unrendered

log = logging.getLogger(__name__)


def render_backlog(limit: int | None = None) -> int:
    limit = limit or current_app.config["NOTICE_RENDER_BATCH"]
    rendered = 0
    for notice in unrendered(limit=limit):
        try:
            rendered += render_notice(notice)
            db.session.commit()
        except Exception:
            db.session.rollback()
            log.exception("notice %s could not be rendered", notice.number)
            raise
    return rendered
