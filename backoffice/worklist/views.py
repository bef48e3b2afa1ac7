"""The worklist: the office's cases, nearest deadline first, with filters and pages; the
assignment of a case is on the case (:mod:`backoffice.cases.assignment_views`)."""

from __future__ import annotations

from flask import render_template, request
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import select
from wtforms.fields import SelectChoice

from backoffice.alerts import alert_lines
from backoffice.extensions import db
from backoffice.i18n import N_, bilingual, current_locale, korean_of
from backoffice.input_bounds import record_id
from backoffice.models import User
from backoffice.worklist.blueprint import bp
from backoffice.worklist.forms import FilterForm
from backoffice.worklist.query import Filters, Page, worklist
from workflows.procedures import CATALOGUE, REGISTRY
from workflows.roles import Role

FILTER_NAMES = ("procedure", "state", "assignee", "party", "reference", "due", "include_closed",
                "sort")


INTRO = N_("Cases of %(office)s, most urgent first: overdue, due today, due within 7 days, "
           "the rest.")


def _intro() -> Markup:
    """The page's first line, the office named in each language."""
    office = current_user.office
    return bilingual(INTRO % {"office": office.name_en},
                     korean_of(INTRO) % {"office": office.name_ko or office.name_en})


def _officers() -> list[User]:
    return list(db.session.scalars(select(User).where(
        User.office_id == current_user.office_id,
        User.role.in_([Role.OFFICER, Role.SUPERVISOR])).order_by(User.display_name)))


def _filter_form(officers: list[User]) -> FilterForm:
    """The filters, each choice in the reader's language; the states grouped by procedure
    (a state's code is shared: "filed" is an objection's and a request's alike)."""
    form = FilterForm(request.args)
    korean = current_locale() == "ko"
    form.procedure.choices = [SelectChoice("", _("all procedures"))] + [
        SelectChoice(code, (CATALOGUE[code].title_ko if korean else "") or CATALOGUE[code].title_en)
        for code in REGISTRY]
    form.state.choices = {"": [SelectChoice("", _("any state"))]} | {
        (CATALOGUE[code].title_ko if korean else "") or CATALOGUE[code].title_en: [
            SelectChoice(s.name, (s.label_ko if korean else "") or s.label_en)
            for s in procedure.states]
        for code, procedure in REGISTRY.items()}
    form.assignee.choices = [SelectChoice("", _("anyone")), SelectChoice("me", _("me")),
                             SelectChoice("none", _("nobody (unassigned)"))] + [
        SelectChoice(str(u.id), u.display_name) for u in officers]
    return form


@bp.get("/worklist")
def index():
    """The office's cases, nearest deadline first, with filters and pages."""
    officers = _officers()
    form = _filter_form(officers)
    valid = form.validate()
    try:
        page = min(record_id(request.args.get("page", 1)), 100_000) or 1
    except ValueError:
        page = 1
    data = form.data if valid else {}
    filters = Filters(procedure=data.get("procedure") or None, state=data.get("state") or None,
                      assignee=data.get("assignee") or None, party=data.get("party") or None,
                      reference=data.get("reference") or None,
                      include_closed=bool(data.get("include_closed")),
                      due=data.get("due") or None, sort=data.get("sort") or "deadline",
                      page=page)
    openable = [code for code, procedure in REGISTRY.items() if not procedure.opened_from
                and any(current_user.role in t.roles for t in procedure.openings)]
    result = worklist(current_user, filters) if valid else Page([], 0, 1, 1)
    return render_template(
        "worklist/index.html", form=form, result=result,
        filters=filters, officers=officers, alerts=alert_lines(current_user),
        acknowledged=alert_lines(current_user, acknowledged=True),
        openable=openable, intro=_intro(),
        args={name: value for name, value in request.args.items() if name in FILTER_NAMES},
    ), 200 if valid else 400
