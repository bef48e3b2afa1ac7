"""Applications that are deemed granted when the customs office stays silent.

Eleven articles share two paragraphs (134, 136, 140, 142, 143, 158, 159, 161, 185, 187, 250):
the head of the customs office notifies within 10 days from receipt whether permission is
granted, or that the processing period is extended under the civil-petition statutes; if neither
is notified within the period, permission is deemed granted on the day following the day the
period (or the extended or re-extended period) ends. Eight more articles apply them to other
situations: 146(1) (other vessels and aircraft: 134, 136, 140, 142, 143), 151(2) (vehicle
supplies: 143), 155(2) (goods stored outside a bonded area: 158, 159, 161), 195(2), 89(5),
205, 213(5) and 221(2). One procedure serves them all; the kind of permission is data.

Counting, read against the Act:

- The 10 days are the Act's own period and are counted under Art. 8 (Civil Act: the day of
  receipt is not counted, the period ends at 24:00 of its last day, a last day on a Saturday,
  Sunday, public holiday or Workers' Day rolls to the next working day, Art. 8(3)). They are
  not a civil-petition period: a deployment may not count them in processing days
  (``DEEMED_PERMISSION_PERIODS`` refuses a ``pd`` period at startup). The civil-petition count
  of 10 processing days is computed beside it only as an early warning.
- An extension is the civil-petition statutes' (e.g. 134(4): "where the processing period is
  extended or re-extended pursuant to statutes or regulations related to the processing of
  civil petitions, referring to the relevant processing period"), so its days are processing
  days (Civil Petitions Treatment Act Art. 19: Saturdays, Sundays and public holidays are not
  counted). An extension of N days runs on from the end of the running period (24:00 of its
  last day) and is the next N processing days, whole days, ending 24:00 of the Nth: the hours
  count of Art. 19(1) for periods of 5 days or less runs from a time of receipt, and an
  extension has none (it begins at 00:00, so its N × 8 working hours are N whole processing
  days). The deemed grant takes effect at 00:00 of the day after the (extended) period ends:
  that day itself is never rolled over.
- How long and how often [GK: Enforcement Decree of the Civil Petitions Treatment Act Art. 21]:
  an extension "within the range of the processing period" (so at most 10, the Act's period:
  the field's maximum), once; a re-extension once more within the same range, with the
  applicant's consent (the Act itself names "extended or re-extended" periods). Both must be
  notified within the running period.
- A refusal after a deemed grant is a separate revocation with reasons, not an overwrite
  [Assumption: revocation of a deemed permission under general administrative law].

No officer may extend the processing period under Art. 10 or waive it: the deemed grant arises
by operation of law, and only the civil-petition extension notified in time prevents it.
"""

from __future__ import annotations

from dataclasses import dataclass

from workflows.calendar.periods import CalendarError, Period, Unit
from workflows.citations import korean_citation
from workflows.clock import SEOUL
from workflows.engine import (
    SYSTEM,
    Context,
    Deadline,
    Expiry,
    Field,
    FieldKind,
    Grant,
    Label,
    Procedure,
    Start,
    State,
    Transition,
)
from workflows.engine.declarations import After, Said, Setting, article_ko
from workflows.engine.details import Detail, Details
from workflows.legal_dates import korean_date
from workflows.procedures.bonded_area_licence import LICENCE_LINK, licence_refuses
from workflows.roles import Role

CODE = "deemed_permission"
PROCESSING = "processing"
MAX_EXTENSIONS = 2
"""An extension and one re-extension (e.g. Art. 134(4): "extended or re-extended")."""
DEFAULT_PERIOD = "10d"
"""The Act's 10 days (e.g. Art. 134(3)), an Art. 8 period."""
EARLY_WARNING = "10pd"
MAX_EXTENSION_DAYS = 10
"""[GK: Enforcement Decree of the Civil Petitions Treatment Act Art. 21(1)] an extension
"within the range of the processing period": at most the Act's 10 days, counted in processing
days."""


@dataclass(frozen=True)
class PermissionKind:
    """One deemed-permission provision: what is applied for, by whom, under which paragraphs.

    ``application``, ``period`` and ``deemed`` are paragraphs of ``article``; for a kind that
    applies the article to another situation, ``applies`` is the applying provision and the
    references read "Art. 146(1) → 136(4)".
    """

    code: str
    article: int | str
    application: str
    period: str
    deemed: str
    applied_for_en: str
    applied_for_ko: str
    applicant_en: str
    fee: str | None = None
    applies: str | None = None
    """For the articles that apply a clause to another situation: the extending provision."""
    application_applied: bool = True
    """False where the applying article grants the permission itself and applies only the
    period and deemed paragraphs (195(2) applies 187(2) to (7): the application is 195(1)),
    so ``application`` is a paragraph of the applying article."""
    note: str = ""
    """What else the Act says about this kind (an exception that does or does not touch it)."""
    licence_types: frozenset[str] = frozenset()
    """The licensed bonded areas whose operator alone applies for it (185, 187: a bonded
    factory; 195: a bonded construction site): the application names the licence, which must
    be active (``bonded_area_licence.licence_refuses``)."""

    @property
    def label(self) -> str:
        base = f"Art. {self.applies} → {self.article}" if self.applies else f"Art. {self.article}"
        return f"{base}: {self.applied_for_en}"

    @property
    def choice(self) -> Label:
        """The kind as the form offers it, in both languages."""
        base = (f"{article_ko(self.applies)} → {article_ko(str(self.article))}" if self.applies
                else article_ko(str(self.article)))
        return Label(self.label, f"{base}: {self.applied_for_ko}")

    def reference(self, paragraph: str) -> str:
        """The article of ``application``, ``period`` or ``deemed``, as the Act is cited."""
        text = getattr(self, paragraph)
        if not self.applies or (paragraph == "application" and not self.application_applied):
            return f"Art. {text}"
        return f"Art. {self.applies} → {text}"


_TRANSFER_ONLY = ("146(1)2 includes aircraft navigating domestically for transfer only; 146(1) "
                  "proviso: not craft prescribed by Presidential Decree")

FACTORY = frozenset({"factory"})

KINDS: dict[str, PermissionKind] = {
    k.code: k
    for k in (
        PermissionKind("134", 134, "134(1) proviso", "134(3)", "134(4)",
                       "entry into or departure from a place other than an open port",
                       "개항이 아닌 지역 출입 허가", "captain", fee="Art. 134(2)"),
        PermissionKind("136", 136, "136(1)", "136(4)", "136(5)",
                       "departure from an open port", "출항허가", "captain",
                       note="the seed prints two paragraphs (2); (4) and (5) as numbered"),
        PermissionKind("140", 140, "140(1) proviso", "140(2)", "140(3)",
                       "loading or unloading before the entry procedure",
                       "입항 전 하역 허가", "captain or carrier"),
        PermissionKind("142", 142, "142(1)", "142(3)", "142(4)",
                       "loading or unloading at a place outside an open port",
                       "항외 하역 허가", "captain", fee="Art. 142(2)"),
        PermissionKind("143", 143, "143(1)", "143(4)", "143(5)",
                       "loading or unloading of vessel or aircraft supplies",
                       "선박용품 등의 하역 허가", "carrier or supplier"),
        PermissionKind("158", 158, "158(2)", "158(3)", "158(4)",
                       "maintenance and supplementary work on bonded goods",
                       "보수작업 승인", "owner or operator"),
        PermissionKind("159", 159, "159(2)", "159(3)", "159(4)",
                       "dismantling or cutting of bonded goods", "해체·절단 작업 허가",
                       "owner or operator",
                       note="159(3) says 'under paragraph (1)': the application is (2)'s"),
        PermissionKind("161", 161, "161(1)", "161(2)", "161(3)",
                       "taking goods out of a bonded area as samples", "견본품 반출 허가",
                       "owner or operator"),
        PermissionKind("185", 185, "185(2)", "185(3)", "185(4)",
                       "work in a bonded factory using only domestic goods",
                       "내국물품만을 원료로 하는 작업 승인", "bonded-factory operator",
                       licence_types=FACTORY,
                       note="185(3) says 'under paragraph (1)': the application is (2)'s"),
        PermissionKind("187", 187, "187(1)", "187(2)", "187(3)",
                       "work outside a bonded factory", "보세공장 외 작업 허가",
                       "bonded-factory operator", licence_types=FACTORY),
        PermissionKind("250", 250, "250(1)", "250(4)", "250(5)",
                       "withdrawal of an export, import or return declaration",
                       "신고의 취하 승인", "declarant",
                       note="the seed prints two paragraphs (3) and the deemed clause as (4), "
                            "which refers to 'paragraph (4)': the Korean numbering (4), (5)"),
        # Art. 146(1): the regulations governing international trade vessels or aircraft apply
        # to other vessels and aircraft navigating overseas and to aircraft navigating
        # domestically for transfer only (146(1)1-2).
        PermissionKind("146-134", 134, "134(1) proviso", "134(3)", "134(4)",
                       "other vessel or aircraft: entry into or departure from a place other "
                       "than an open port", "그 밖의 선박 또는 항공기의 개항이 아닌 지역 출입 허가",
                       "captain", fee="Art. 146(1) → 134(2)", applies="146(1)",
                       note=_TRANSFER_ONLY),
        PermissionKind("146-136", 136, "136(1)", "136(4)", "136(5)",
                       "other vessel or aircraft: departure from an open port",
                       "그 밖의 선박 또는 항공기의 출항허가", "captain", applies="146(1)",
                       note=_TRANSFER_ONLY),
        PermissionKind("146-140", 140, "140(1) proviso", "140(2)", "140(3)",
                       "other vessel or aircraft: loading or unloading before the entry "
                       "procedure", "그 밖의 선박 또는 항공기의 입항 전 하역 허가",
                       "captain or carrier", applies="146(1)", note=_TRANSFER_ONLY),
        PermissionKind("146-142", 142, "142(1)", "142(3)", "142(4)",
                       "other vessel: loading or unloading at a place outside an open port",
                       "그 밖의 선박의 항외 하역 허가", "captain", fee="Art. 146(1) → 142(2)",
                       applies="146(1)",
                       note="142 governs vessels only: an aircraft has no such permission"),
        PermissionKind("146-143", 143, "143(1)", "143(4)", "143(5)",
                       "other vessel or aircraft: loading or unloading of its supplies",
                       "그 밖의 선박 또는 항공기의 선박용품 등의 하역 허가",
                       "carrier or supplier", applies="146(1)",
                       note="146(2): 143(2) (foreign supplies loaded only from a bonded area) "
                            "does not apply to aircraft navigating domestically for transfer "
                            "only; the permission and its deemed grant, 143(1), (4), (5), do"),
        PermissionKind("151-143", 143, "143(1)", "143(4)", "143(5)",
                       "loading or transshipment of vehicle supplies and goods sold in a "
                       "border-crossing vehicle", "차량용품 등의 하역 허가",
                       "carrier or supplier", applies="151(2)"),
        # Art. 155(2): 158 through 161 apply to the goods of 155(1)1-4 stored outside a bonded
        # area (160 has no deemed clause).
        PermissionKind("155-158", 158, "158(2)", "158(3)", "158(4)",
                       "maintenance work on goods stored outside a bonded area",
                       "보세구역 외 장치물품의 보수작업 승인", "owner", applies="155(2)"),
        PermissionKind("155-159", 159, "159(2)", "159(3)", "159(4)",
                       "dismantling or cutting of goods stored outside a bonded area",
                       "보세구역 외 장치물품의 해체·절단 작업 허가", "owner",
                       applies="155(2)"),
        PermissionKind("155-161", 161, "161(1)", "161(2)", "161(3)",
                       "samples of goods stored outside a bonded area",
                       "보세구역 외 장치물품의 견본품 반출 허가", "owner", applies="155(2)"),
        PermissionKind("195-187", 187, "195(1)", "187(2)", "187(3)",
                       "work outside a bonded construction site",
                       "보세건설장 외 작업 허가", "operator", applies="195(2)",
                       application_applied=False,
                       licence_types=frozenset({"construction_site"}),
                       note="195(2) applies 187(2) to (7); the permission is 195(1)'s"),
        PermissionKind("89-187", 187, "187(1)", "187(2)", "187(3)",
                       "work outside a designated factory (Art. 89 exemption)",
                       "지정공장 외 작업 허가", "manufacturer", applies="89(5)"),
        PermissionKind("205-185", 185, "185(2)", "185(3)", "185(4)",
                       "domestic-only work in a general bonded area",
                       "종합보세구역 내국물품 작업 승인", "operator", applies="205",
                       note="205 applies 185(2) to (6)"),
        PermissionKind("213-250", 250, "250(1)", "250(4)", "250(5)",
                       "withdrawal of a bonded-transportation declaration",
                       "보세운송 신고의 취하 승인", "declarant", applies="213(5)"),
        PermissionKind("221-250", 250, "250(1)", "250(4)", "250(5)",
                       "withdrawal of a domestic-transportation report",
                       "내국운송 신고의 취하 승인", "declarant", applies="221(2)"),
    )
}


def _under_its_licence(context: Context) -> Said | None:
    """Arts. 185(2), 187(1), 195(1): the operator of the licensed area applies, under an active
    licence; any other application may name the licence of the area it concerns (158, 159,
    161 in a licensed area), which must then be the applicant's and active."""
    kind = KINDS.get(context.values.get("permission_kind") or "")
    if kind is None:
        return None
    return licence_refuses(context, types=kind.licence_types,
                           needed_for=kind.reference("application"))


def kind_of(context: Context) -> PermissionKind:
    return KINDS[context.data.get("permission_kind") or context.values["permission_kind"]]


def _paragraph(attribute: str):
    def article(context: Context) -> str:
        return kind_of(context).reference(attribute)

    return article


def check_periods(name: str, periods) -> None:
    """Refuse a configured processing period the Act does not allow, at startup.

    The 10 days of the deemed-permission clauses (e.g. Art. 134(3)) are the Act's own period,
    counted under Art. 8; only an extension under the civil-petition statutes counts processing
    days (e.g. 134(4)). A "pd" period here would push the deemed grant past the day the Act
    gives it.

    :raise ValueError: an unknown kind, an unreadable period, or a period in processing days.
    """
    for kind, text in (periods or {}).items():
        where = f"{name}[{kind!r}]"
        if kind not in KINDS:
            raise ValueError(f"{where}: no such kind of deemed permission; one of "
                             f"{', '.join(KINDS)}")
        try:
            period = Period.parse(text)
        except CalendarError as error:
            raise ValueError(f"{where}: {error}") from None
        if period.unit is Unit.PETITION_DAYS:
            raise ValueError(
                f"{where} = {text!r}: the processing period is the Act's 10 days counted under "
                f"Art. 8 ({KINDS[kind].reference('period')}), not processing days; only an "
                f"extension under the civil-petition statutes counts processing days "
                f"({KINDS[kind].reference('deemed')})")


PERIODS_SETTING = Setting(
    name="DEEMED_PERMISSION_PERIODS", default={}, check=check_periods,
    about="another Art. 8 period for a kind of deemed permission (e.g. {\"250\": \"12d\"}; the "
          "kinds of KINDS); a period in processing days (pd) is refused at start-up: the Act's "
          "10 days (e.g. Art. 134(3)) are an Art. 8 period, only an extension counts processing "
          "days (e.g. 134(4))")


def configured_period(settings, values) -> dict[str, str]:
    """A deployment's Art. 8 period for the kind (``DEEMED_PERMISSION_PERIODS``, checked at
    start-up), kept on the case when it opens."""
    period = (settings.get("DEEMED_PERMISSION_PERIODS") or {}).get(values.get("permission_kind"))
    return {"processing_period": period} if period else {}


def _within_processing_period(context: Context) -> Said | None:
    """A decision or an extension counts only if notified within the running period."""
    running = context.open_deadlines.get(PROCESSING)
    if running is None:
        return Said("no processing period is running", "진행 중인 처리기간이 없습니다")
    if context.now >= running.due_at:
        effect = running.due_at.astimezone(SEOUL).date()
        deemed = _paragraph("deemed")(context)
        return Said(f"the processing period ended on {running.due_date} (24:00 KST): permission "
                    f"is deemed granted from {effect} ({deemed}); a refusal now is a revocation",
                    f"처리기간이 {korean_date(running.due_date)} 자정에 끝났습니다. "
                    f"{korean_date(effect)}부터 허가를 한 것으로 봅니다"
                    f"({korean_citation(deemed)}). 지금 거부하면 허가의 취소가 됩니다")
    return None


def _fewer_than_two_extensions(context: Context) -> Said | None:
    if context.data.get("extensions", 0) >= MAX_EXTENSIONS:
        return Said("the period was already extended and re-extended; no further extension is "
                    "allowed",
                    "처리기간을 이미 연장하고 재연장했으므로 더 연장할 수 없습니다")
    return None


def _extended_period(context: Context) -> str:
    """The extension's days are processing days of the civil-petition statutes (e.g. 134(4)),
    counted on from the end of the running period (see the module docstring)."""
    return f"{context.values['extension_days']}pd"


RECEIVE_FIELDS = (
    Field(name="permission_kind", label=Label("Kind of permission", "허가 종류"),
          kind=FieldKind.CHOICE, choices=tuple((k.code, k.choice) for k in KINDS.values()),
          store=True),
    Field(name="received_on", label=Label("Legal receipt date", "접수일"), kind=FieldKind.DATE,
          store=True,
          help=Label("The day the application reached the office (the 10 days run from it).",
                     "신청서가 세관에 도달한 날(10일의 처리기간은 이 날부터 진행합니다)."),
          follows_nothing="the application's receipt is the first date of the case"),
    Field(name="application",
          label=Label("What is applied for (goods, place, period)", "신청 내용"),
          kind=FieldKind.LONGTEXT, store=True),
    Field(name=LICENCE_LINK.field, label=Label("Licence of the bonded area", "특허보세구역 특허"),
          kind=FieldKind.TEXT, required=False, store=True,
          help=Label("The case reference of the licence the work belongs to: needed for "
                     "work in or outside a bonded factory (Arts. 185, 187) or outside a bonded "
                     "construction site (Art. 195).",
                     "작업이 속하는 특허의 사건번호: 보세공장 내·외 작업(제185조, 제187조), "
                     "보세건설장 외 작업(제195조)에 필요합니다.")),
)

OFFICE = frozenset({Role.OFFICER, Role.SUPERVISOR})

def subject(data) -> dict[str, str] | None:
    """The permission applied for, as its notices name it."""
    permission = KINDS.get(data.get("permission_kind"))
    if permission is None:
        return None
    return {"ko": permission.applied_for_ko, "en": permission.applied_for_en,
            "article": permission.label.partition(":")[0]}


PERMISSION = Grant(kind=lambda context: f"permission:{context.data['permission_kind']}")
"""A permission granted, or deemed granted on the day after the period ends (e.g. Art.
134(4)): an authorisation of its kind ("permission:134"), valid from the legal day of the grant
(the deemed grant's moment is 00:00 of that day), without an end the Act sets; a revocation
ends it."""

PROCEDURE = Procedure(
    code=CODE,
    article="Arts. 134, 136, 140, 142, 143, 158, 159, 161, 185, 187, 250 (and 146(1), 151(2), "
            "155(2), 195(2), 89(5), 205, 213(5), 221(2))",
    states=(
        State(name="received", label=Label("Received", "접수"),
              article="processing period running (e.g. Art. 134(3))"),
        State(name="extended", label=Label("Processing period extended", "처리기간 연장"),
              article="extension under the civil-petition statutes (e.g. Art. 134(4))"),
        State(name="granted", label=Label("Granted", "허가"), article="e.g. Art. 134(3)",
              terminal=True),
        State(name="refused", label=Label("Refused", "불허"),
              article="e.g. Art. 134(3); appealable (Art. 119)", terminal=True),
        State(name="deemed_granted", label=Label("Deemed granted", "허가 간주"),
              article="e.g. Art. 134(4)"),
        State(name="withdrawn", label=Label("Withdrawn", "취하"),
              article="withdrawal by the applicant", terminal=True),
        State(name="revoked", label=Label("Deemed permission revoked", "간주허가 취소"),
              article="revocation with reasons [Assumption]", terminal=True),
    ),
    transitions=(
        Transition(trigger="receive", source=(), dest="received",
                   roles=frozenset({*OFFICE, Role.DUTY_PAYER}), article=_paragraph("application"),
                   label=Label("Receive the application", "신청 접수"), fields=RECEIVE_FIELDS,
                   guards=(_under_its_licence,)),
        Transition(trigger="grant", source=("received", "extended"), dest="granted", roles=OFFICE,
                   article=_paragraph("period"), label=Label("Grant permission", "허가"),
                   outcome=Label("Permission was granted", "허가되었습니다"),
                   guards=(_within_processing_period,), grants=PERMISSION,
                   fields=(Field(name="conditions",
                                 label=Label("Conditions (period, place, goods)", "허가 조건"),
                                 kind=FieldKind.LONGTEXT, required=False),),
                   notices=("permission_decision",)),
        Transition(trigger="refuse", source=("received", "extended"), dest="refused", roles=OFFICE,
                   article=_paragraph("period"), label=Label("Refuse permission", "불허"),
                   outcome=Label("Permission was refused: you may appeal against the refusal "
                                 "(Art. 119)",
                                 "불허되었습니다. 불허 처분에 대해 불복할 수 있습니다 (제119조)"),
                   guards=(_within_processing_period,),
                   fields=(Field(name="reasons",
                                 label=Label("Reasons for the refusal", "불허 사유"),
                                 kind=FieldKind.LONGTEXT),),
                   reason_field="reasons", notices=("permission_decision",)),
        Transition(trigger="extend", source=("received", "extended"), dest="extended", roles=OFFICE,
                   article=_paragraph("deemed"),
                   label=Label("Extend the processing period", "처리기간 연장"),
                   guards=(_within_processing_period, _fewer_than_two_extensions),
                   fields=(Field(name="extension_days",
                                 label=Label("Extension (days)", "연장 일수"),
                                 kind=FieldKind.INTEGER, minimum=1, maximum=MAX_EXTENSION_DAYS,
                                 help=Label("Processing days from the day after the running "
                                            "period ends (Saturdays, Sundays and public "
                                            "holidays not counted), at most the original period "
                                            "(10 days). A re-extension needs the applicant's "
                                            "consent.",
                                            "진행 중인 처리기간이 끝난 날의 다음 날부터 세는 "
                                            "처리일수(토요일·일요일·공휴일 제외)로, 당초 "
                                            "처리기간(10일)을 넘을 수 없습니다. 다시 연장하려면 "
                                            "신청인의 동의가 필요합니다.")),
                           Field(name="reasons",
                                 label=Label("Reasons for the extension", "연장 사유"),
                                 kind=FieldKind.LONGTEXT),
                           Field(name="expected_completion",
                                 label=Label("Expected completion", "처리 예정일"),
                                 kind=FieldKind.DATE, required=False, future=True,
                                 follows=(
                                     After.data("received_on", "the application was received"),
                                 ))),
                   reason_field="reasons", counts="extensions", notices=("processing_extension",)),
        Transition(trigger="deem_grant", source=("received", "extended"), dest="deemed_granted",
                   roles=frozenset({SYSTEM}), article=_paragraph("deemed"),
                   label=Label("Permission deemed granted", "허가 간주"),
                   outcome=Label("The office did not answer within the period: permission is "
                                 "deemed granted",
                                 "처리기간 내에 통지가 없어 허가된 것으로 봅니다"),
                   notices=("deemed_grant_confirmation",), grants=PERMISSION),
        Transition(trigger="withdraw", source=("received", "extended"), dest="withdrawn",
                   roles=frozenset({*OFFICE, Role.DUTY_PAYER}),
                   article="withdrawal of the application",
                   label=Label("Withdraw the application", "신청 취하"),
                   outcome=Label("Your application was withdrawn", "신청이 취하되었습니다"),
                   guards=(_within_processing_period,),
                   fields=(Field(name="reason", label=Label("Reason", "사유"),
                                 kind=FieldKind.LONGTEXT, required=False),),
                   reason_field="reason"),
        Transition(trigger="revoke", source=("deemed_granted",), dest="revoked", roles=OFFICE,
                   article="revocation of a deemed permission [Assumption]",
                   label=Label("Revoke the deemed permission", "간주허가 취소"),
                   outcome=Label("The deemed permission was revoked", "간주허가가 취소되었습니다"),
                   fields=(Field(name="reasons",
                                 label=Label("Reasons for the revocation", "취소 사유"),
                                 kind=FieldKind.LONGTEXT),),
                   reason_field="reasons", notices=("revocation",), ends_grant="revoked"),
    ),
    configured=configured_period,
    subject=subject,
    links=(LICENCE_LINK,),
    details=Details(table="deemed_permission_details", columns=(
        Detail(name="permission_kind", kind=FieldKind.CHOICE, indexed=True),
        Detail(name="received_on", kind=FieldKind.DATE, indexed=True),
        Detail(name="extensions", kind=FieldKind.INTEGER),
    )),
    settings=(PERIODS_SETTING,),
    decided_states=frozenset({"granted", "refused"}),
    deadlines={
        "received": (
            Deadline(kind=PROCESSING, label=Label("processing period", "처리기간"),
                     article=_paragraph("period"),
                     period=lambda context: context.data.get("processing_period") or DEFAULT_PERIOD,
                     start=Start.data("received_on", "receipt of the application"),
                     on_expiry=Expiry.transition("deem_grant"), early_warning=EARLY_WARNING,
                     reminders=("3d", "1d"),
                     period_text="10 days under Art. 8; warning at 10 processing days if earlier",
                     # The deemed grant arises by operation of law: neither an Art. 10
                     # extension nor a waiver; only the civil-petition extension in time.
                     extension="", waiver=""),
        ),
        "extended": (
            Deadline(kind=PROCESSING, label=Label("extended processing period", "연장된 처리기간"),
                     article=_paragraph("deemed"), period=_extended_period,
                     start=Start.previous(PROCESSING, "end of the running processing period"),
                     on_expiry=Expiry.transition("deem_grant"), reminders=("2d", "1d"),
                     period_text="the processing days of the extension (at most 10), from the "
                                 "day after the running period ends",
                     extension="", waiver=""),
        ),
    },
)
