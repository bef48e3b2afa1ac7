"""(d) Rendering notices: one warm notice through our code against bare WeasyPrint rendering the
same HTML in the same run, and a batch of 200 notices through the rendering backlog.

Our path is everything an issued notice goes through: the template, the PDF, its SHA-256, the
write-once document row and the conditional claim of the notice row, one commit each. The bare
baseline is ``weasyprint.HTML(string=html).write_pdf()`` of the same HTML, used as well as
WeasyPrint allows: the stylesheet parsed once and one font configuration kept for the run.
The notices are deemed-grant confirmations issued by a real sweep.
"""

from __future__ import annotations

import statistics
import time

from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Notice
from backoffice.notices.issue import notice_html, render_backlog, render_notice
from backoffice.notices.rendering import NOTICE_DIR, STYLESHEET, renderer
from bench.common import bulk_applications, legal_now, seed_people, timed
from jobs.enforce import enforce_due_deadlines
from workflows import clock

SINGLE = 15
BATCH = 200


def measure(app) -> dict[str, float]:
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    stylesheet = weasyprint.CSS(filename=str(STYLESHEET), font_config=fonts)

    def bare_render(html: str) -> bytes:
        return weasyprint.HTML(string=html, base_url=NOTICE_DIR.as_uri() + "/").write_pdf(
            stylesheets=[stylesheet], font_config=fonts)

    now = legal_now()
    with app.app_context():
        office, party, officer = seed_people()
        bulk_applications(SINGLE + BATCH + 2, SINGLE + BATCH + 2, now, office, party, officer)
        with clock.frozen(now):
            enforce_due_deadlines()
        ids = list(db.session.scalars(select(Notice.id).order_by(Notice.id)))
        # Warm both paths once: imports, fonts, the stylesheet.
        render_notice(db.session.get(Notice, ids[0]))
        db.session.commit()
        bare_render(notice_html(db.session.get(Notice, ids[1])))

        ours, bare = [], []
        for notice_id in ids[2:2 + SINGLE]:
            html = notice_html(db.session.get(Notice, notice_id))
            started = time.perf_counter()
            bare_render(html)
            bare.append(time.perf_counter() - started)
            started = time.perf_counter()
            render_notice(db.session.get(Notice, notice_id))
            db.session.commit()
            ours.append(time.perf_counter() - started)
        pages = {db.session.get(Notice, i).page_count for i in ids[2:2 + SINGLE]}
        assert pages == {1}, f"a benchmark notice should be one page, got {pages}"
        assert renderer().font_family.startswith("Nanum"), renderer().font_family

        batch = timed(lambda: render_backlog(BATCH))
    return {
        "notice_vs_weasyprint_ratio": statistics.median(ours) / statistics.median(bare),
        "notice_warm_ms": statistics.median(ours) * 1000,
        "weasyprint_bare_ms": statistics.median(bare) * 1000,
        "notices_per_s": BATCH / batch,
    }
