"""Opening a case from the web: an officer at the office, or a duty payer filing online.

The form is the opening transition's own (fields from the declaration). An officer names the
party by its identifier (looked up, never listed) and opens the case at once. A duty payer
files for the party they are, in three steps:

1. the form (``/cases/new/<procedure>``): the office that took the disposition (chosen, never
   preselected), the transition's fields and the evidence files. A refused form comes back with
   everything typed and the office chosen, each error on its field and listed at the top; the
   files that passed their checks are kept server-side and listed as kept (a browser cannot
   fill a file input again), a refused file must be chosen again.
2. "Check your answers" (``/cases/new/<procedure>/check/<token>``): every answer, the office
   and each file with its size and SHA-256, with "Change" (the form, everything kept) and
   "File now". Nothing is filed yet: the answers and files wait in ``staged_filings``
   (:mod:`backoffice.opening.staging`).
3. "File now" (``POST /cases/new/<procedure>/file``): the staged filing is claimed once and the
   case is opened in one transaction with its evidence, and the office's supervisors are
   alerted. It counts as submitted when it is transmitted (Art. 129-2(2)): the filing date is
   the day of this request in Asia/Seoul, and the channel is recorded as ``online``.

The receipt (``/cases/<reference>/receipt``, and ``receipt.pdf`` to print) shows what was filed
(:mod:`backoffice.cases.receipt_views`).
"""

from __future__ import annotations

from flask import (
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from wtforms.fields import SelectChoice

from backoffice import dates
from backoffice.alerts import send_alert, supervisors_of
from backoffice.cases.actions import (
    SUBMISSION_DATES,
    action_form,
    field_problem,
    for_claimant_online,
    refusal_in_both,
    show_refusal,
    stamp_online_submission,
    values_of,
)
from backoffice.cases.attachments import UploadRefused, store_attachment
from backoffice.cases.contesting import formdata_against, notice_to_appeal
from backoffice.cases.filing_receipt import (
    FILED_WITH_REQUEST,
    answers_of,
)
from backoffice.extensions import db
from backoffice.i18n import N_, current_locale, in_both
from backoffice.i18n import bilingual as bi
from backoffice.input_bounds import record_id
from backoffice.models import Case, Office, Party
from backoffice.opening import staging as filing_staging
from backoffice.opening.blueprint import bp
from backoffice.opening.forms import (
    CHOOSE_OFFICE,
    EvidenceForm,
    FileNowForm,
    OfficeForm,
    PartyForm,
)
from backoffice.workflow import check_opening, open_procedure_case
from workflows import clock
from workflows.engine import Refusal, Transition, TransitionRefused
from workflows.identifiers import InvalidIdentifier, parse
from workflows.procedures import CATALOGUE, REGISTRY
from workflows.roles import Role

ONLINE_FILINGS = tuple(code for code, procedure in REGISTRY.items() if procedure.online_filing)
"""What a duty payer may file online (Art. 129-2(1)), as the procedures declare it
(``Procedure.online_filing``): an objection, a request for examination."""



FILED_WHEN_SENT = N_("the day you press File now, in Korea (Art. 129-2(2))")
EXPIRED = N_("This filing was kept for an hour and has expired; nothing was filed. "
             "Fill in the form again.")
EXPIRED_FILES = N_("The files you chose earlier were kept for an hour and have expired: "
                   "choose them again.")
NOT_OPENED = N_("Not opened: %(reason)s")
NOT_FILED = N_("Not filed: %(reason)s")


@bp.app_template_global()
def online_filings() -> list[tuple[str, Transition]]:
    """What a duty payer may file online, each with the opening they fire (the portal's
    buttons)."""
    return [(code, next(t for t in REGISTRY[code].openings if Role.DUTY_PAYER in t.roles))
            for code in ONLINE_FILINGS]


def _opening(procedure_code: str):
    procedure = REGISTRY.get(procedure_code)
    if procedure is None or procedure.opened_from:
        abort(404)
    wanted = request.values.get("trigger")
    for transition in procedure.openings:
        if current_user.role in transition.roles and (not wanted or transition.trigger == wanted):
            return procedure, transition
    abort(403)


def _online_opening(procedure: str):
    if current_user.role != Role.DUTY_PAYER or procedure not in ONLINE_FILINGS:
        abort(404)
    return _opening(procedure)


@bp.route("/cases/new/<procedure>", methods=["GET", "POST"])
def new(procedure: str):
    """Open a case: officers for a party of record, duty payers for themselves (online)."""
    if current_user.role == Role.DUTY_PAYER and procedure not in ONLINE_FILINGS:
        abort(404)
    if current_user.role not in (Role.OFFICER, Role.SUPERVISOR, Role.DUTY_PAYER):
        abort(403)
    declared, opening = _opening(procedure)
    if current_user.role == Role.DUTY_PAYER:
        return _online_form(procedure, declared, opening)
    return _at_office(procedure, declared, opening)


def _at_office(procedure: str, declared, opening):
    """An officer opens the case at once, assigned to themselves."""
    posted = request.method == "POST"
    form = action_form(procedure, opening, formdata=request.form if posted else None)
    party_form = PartyForm(formdata=request.form if posted else None, prefix="party")
    problems: list[str] = []
    if posted:
        forms_ok = form.validate() & party_form.validate()
        party = _party(party_form)
        if forms_ok and party is not None:
            try:
                case = open_procedure_case(
                    procedure, party=party, office=current_user.office, actor=current_user,
                    values=values_of(form, opening), assigned_officer=current_user)
                db.session.commit()
            except TransitionRefused as refused:
                db.session.rollback()
                if refused.reason is Refusal.NOT_PERMITTED:
                    abort(403)
                problems = _refusal_on(form, refused, NOT_OPENED)
            else:
                flash(bi("%(reference)s opened and assigned to you.",
                         reference=case.reference), "info")
                return redirect(url_for("cases.detail", reference=case.reference))
    return render_template("opening/new.html", procedure=declared, info=CATALOGUE[procedure],
                           opening=opening, form=form, party_form=party_form, online=False,
                           problems=problems), 422 if posted else 200


def _online_forms(procedure: str, opening, formdata):
    """The three forms of an online filing, filled from ``formdata`` (a post, or answers
    kept on the server)."""
    form = for_claimant_online(action_form(procedure, opening, formdata=formdata))
    office_form = OfficeForm(formdata=formdata)
    office_form.office_id.choices = [
        SelectChoice("", _("— choose the office —")),
        *(SelectChoice(str(o.id), _office_name(o)) for o in _all_offices())]
    evidence_form = EvidenceForm(formdata=formdata)
    return form, office_form, evidence_form


def _office_name(office: Office) -> str:
    """An office as an option names it: the reader's language first, the other after it."""
    if current_locale() == "ko" and office.name_ko:
        return f"{office.name_ko} ({office.name_en})"
    return f"{office.name_en} ({office.name_ko})" if office.name_ko else office.name_en


def _answer_names(form, office_form) -> list[str]:
    return [f.name for f in form if f.name != "csrf_token"] + [office_form.office_id.name]


def _online_form(procedure: str, declared, opening):
    """The form of an online filing; a valid one is kept and shown back to be checked."""
    posted = request.method == "POST"
    token = request.values.get("staged")
    staged = filing_staging.find(token, current_user, procedure)
    problems: list[str] = []
    if not posted:
        if token and staged is None:
            problems.append(bi(EXPIRED))
        answers = staged.answers if staged is not None else None
        against = notice_to_appeal(request.args.get("against"), current_user, procedure)
        formdata = (filing_staging.formdata_of(answers) if answers
                    else formdata_against(against, procedure, opening.trigger) if against
                    else None)
        forms = _online_forms(procedure, opening, formdata)
        return _render_online(procedure, declared, opening, *forms, staged=staged,
                              problems=problems, status=200)

    form, office_form, evidence_form = _online_forms(procedure, opening, request.form)
    valid = form.validate() & office_form.validate() & evidence_form.validate()
    evidence_errors = []
    if token and staged is None:  # the files kept before are gone: filed, or expired
        filed = _filed_from(token)
        evidence_errors.append(
            bi("The files chosen before were filed with %(reference)s; choose them again for "
               "a new filing.", reference=filed.reference) if filed else bi(EXPIRED_FILES))
    uploads = [u for u in request.files.getlist("evidence") if u and u.filename]
    removed = request.form.getlist("remove_file", type=record_id)
    if uploads or removed or staged is not None:
        staged = staged or filing_staging.start(current_user, procedure)
        evidence_errors += filing_staging.update_files(staged, uploads, removed)
    evidence_form.evidence.errors = [*evidence_form.evidence.errors, *evidence_errors]
    if valid and not evidence_errors:
        problems = _engine_refusal(procedure, opening, form)
        valid = not problems and not any(f.errors for f in form)
    else:
        valid = False
    if valid and staged is None:
        staged = filing_staging.start(current_user, procedure)
    if staged is not None:
        filing_staging.changed(staged, filing_staging.answers_from(
            request.form, _answer_names(form, office_form)) if valid else None)
    db.session.commit()
    if valid:
        return redirect(url_for("opening.check_answers", procedure=procedure,
                                token=staged.token), 303)
    return _render_online(procedure, declared, opening, form, office_form, evidence_form,
                          staged=staged, problems=problems, status=422)


def _render_online(procedure, declared, opening, form, office_form, evidence_form, *, staged,
                   problems, status):
    return render_template(
        "opening/new.html", procedure=declared, info=CATALOGUE[procedure], opening=opening,
        form=form, party_form=None, online=True, office_form=office_form,
        evidence_form=evidence_form, staged=staged, problems=problems,
        max_files=filing_staging.MAX_FILES), status


def _engine_refusal(procedure: str, opening, form) -> list[str]:
    """What the engine would refuse if this were filed now (fields and guards), put on the
    form; messages that belong to no field of the form are returned for the summary."""
    now = clock.now()
    values = stamp_online_submission(values_of(form, opening), opening, now)
    try:
        check_opening(procedure, opening, party=current_user.party, actor=current_user,
                      values=values, now=now)
    except TransitionRefused as refused:
        if refused.reason is Refusal.NOT_PERMITTED:
            abort(403)
        return _refusal_on(form, refused)
    return []


def _refusal_on(form, refused: TransitionRefused, what: str = NOT_FILED) -> list[str]:
    """Put a refusal's field messages on the form; return those that belong to no field."""
    show_refusal(form, refused)
    if not refused.errors:
        return [refusal_in_both(what, refused.said)]
    return [field_problem(refused, name) for name in refused.errors if name not in form]


@bp.get("/cases/new/<procedure>/check/<token>")
def check_answers(procedure: str, token: str):
    """Check your answers: everything the filing will say, before it is filed."""
    declared, opening = _online_opening(procedure)
    staged = filing_staging.find(token, current_user, procedure)
    if staged is None:
        return _expired(procedure, declared, opening)
    if staged.answers is None:
        return redirect(url_for("opening.new", procedure=procedure, staged=token))
    form, office_form, _ = _online_forms(procedure, opening,
                                         filing_staging.formdata_of(staged.answers))
    values = stamp_online_submission(values_of(form, opening), opening, clock.now())
    answers = answers_of(opening, values,
                         replaced=dict.fromkeys(SUBMISSION_DATES, bi(FILED_WHEN_SENT)))
    confirm = FileNowForm(formdata=None, token=staged.token, revision=str(staged.revision))
    return render_template(
        "opening/check_answers.html", procedure=declared, info=CATALOGUE[procedure],
        opening=opening, answers=answers, office=_chosen_office(office_form), staged=staged,
        confirm=confirm,
        expires=dates.shown_instant(staged.expires_at, current_locale(), seconds=True))


@bp.post("/cases/new/<procedure>/file")
def file_now(procedure: str):
    """File the checked answers: once, however often the button is pressed."""
    declared, opening = _online_opening(procedure)
    confirm = FileNowForm()
    if not confirm.validate():
        abort(400)
    try:
        token, revision = confirm.token.data, record_id(confirm.revision.data)
    except ValueError:
        abort(400)
    claimed = filing_staging.claim(token, current_user, procedure, revision)
    if claimed is None:
        db.session.rollback()
        filed = _filed_from(token)
        if filed is not None:  # a second click: the first one filed it
            return redirect(url_for("cases.receipt", reference=filed.reference), 303)
        if filing_staging.find(token, current_user, procedure) is not None:
            flash(bi("Your answers changed after this page was shown: check them again before "
                     "filing."), "error")
            return redirect(url_for("opening.check_answers", procedure=procedure,
                                    token=token), 303)
        return _expired(procedure, declared, opening)

    transmitted = clock.now()
    form, office_form, evidence_form = _online_forms(
        procedure, opening, filing_staging.formdata_of(claimed.answers))
    office = _chosen_office(office_form)
    values = stamp_online_submission(values_of(form, opening), opening, transmitted)
    problems: list[str] = []
    try:
        if office is None:
            raise TransitionRefused(Refusal.INVALID_FIELD, CHOOSE_OFFICE,
                                    {"office_id": CHOOSE_OFFICE})
        case = open_procedure_case(
            procedure, party=current_user.party, office=office, actor=current_user,
            values=values, effective_at=transmitted,
            data={"submission_id": claimed.submission_id,
                  "evidence_filed": [{"filename": f.filename, "size": f.size,
                                      "sha256": f.sha256} for f in claimed.files]})
        for checked in claimed.files:
            store_attachment(case, checked, actor=current_user,
                             description=FILED_WITH_REQUEST)
        send_alert(supervisors_of(case), case=case, deadline=None, kind="new_filing",
                   key=case.reference, message=_new_filing_message(case, transmitted,
                                                                   len(claimed.files)))
        db.session.commit()
    except TransitionRefused as refused:
        db.session.rollback()
        if refused.reason is Refusal.NOT_PERMITTED:
            abort(403)
        office_error = field_problem(refused, "office_id") if "office_id" in refused.errors \
            else None
        refused.errors.pop("office_id", None)
        if office_error:
            office_form.office_id.errors = [office_error]
        if refused.errors or not office_error:
            problems = _refusal_on(form, refused)
    except UploadRefused as refused:
        db.session.rollback()
        evidence_form.evidence.errors = [in_both(NOT_FILED, {"reason": str(refused)},
                                                 {"reason": refused.korean})]
    else:
        return redirect(url_for("cases.receipt", reference=case.reference), 303)
    staged = filing_staging.find(token, current_user, procedure)  # back after the rollback
    return _render_online(procedure, declared, opening, form, office_form, evidence_form,
                          staged=staged, problems=problems, status=422)


def _expired(procedure: str, declared, opening):
    forms = _online_forms(procedure, opening, None)
    return _render_online(procedure, declared, opening, *forms, staged=None,
                          problems=[bi(EXPIRED)], status=410)


def _filed_from(token: str) -> Case | None:
    """The case the user's staged filing ``token`` was filed as, if it was."""
    return db.session.scalar(select(Case).where(
        Case.party_id == current_user.party_id,
        Case.data["submission_id"].as_string() == filing_staging.submission_id(token)))


def _new_filing_message(case: Case, transmitted, files: int) -> str:
    return (f"{case.reference}: 새 온라인 {case.procedure_title_ko} · new online "
            f"{case.procedure_title_en.lower()} from {case.party.name}, transmitted "
            f"{clock.kst_text(transmitted, seconds=True)}, "
            f"{files} evidence file{'s' if files != 1 else ''}; "
            "nobody is assigned yet.")


def _chosen_office(office_form: OfficeForm) -> Office | None:
    try:
        return db.session.get(Office, record_id(office_form.office_id.data))
    except ValueError:
        return None


def _party(form: PartyForm) -> Party | None:
    try:
        identifier = parse(form.identifier_kind.data, form.identifier.data or "")
    except (InvalidIdentifier, ValueError) as invalid:
        form.identifier.errors = [*form.identifier.errors, str(invalid)]
        return None
    party = db.session.scalar(select(Party).where(Party.identifier_kind == identifier.kind,
                                                  Party.identifier == identifier.value))
    if party is None:
        form.identifier.errors = [*form.identifier.errors, bi(
            "No party is registered with this identifier; register the party first.")]
    return party


def _all_offices() -> list[Office]:
    return list(db.session.scalars(select(Office).order_by(Office.name_en)))
