"""Goods seized in an offence investigation (압수물품, Arts. 299, 303, 304, 313): a case of its
own, opened by the seizure recorded on the offence case and linked to it.

- **Seizure and custody** (303(1)-(2)): goods found in the investigation that prove the offence
  and are to be forfeited may be seized; they are kept by the office, or for convenience by
  their owner or the office of a Si/Gun/Eup/Myeon.
- **Sale** (303(3)-(4)): goods that may decay or pass their expiry date, are very inconvenient
  to keep, may fall sharply in value, or whose sale the suspect or an interested person asks
  for, may be sold after a notice to the suspect or the interested person, or with the notice
  just after the sale when there is no time for it; the proceeds are kept or deposited.
- **Disposal** (304): goods that may harm life or property, have decayed, have passed their
  expiry date or have lost their value may be disposed of after a notice, or with the notice
  just after when there is no time. Both notices may be published where the person cannot be
  found (303(4), 304(2), applying 160(5)).
- **Return** (313): goods (or their proceeds) not forfeited are returned, after collecting the
  duty unpaid on them (313(4)); when they cannot be returned because the person cannot be
  found, a summary is published (313(2)), and six months later without a request for their
  return they may revert to the National Treasury (313(3)).
- **Owner unknown** (299): goods seized for an offence of Arts. 269, 270(1)-(3) or 272 to 274
  whose owner and offender cannot be identified within six months of the seizure are deemed
  lost, and the head of the office publishes them as lost property (299(1)); one year after
  the publication, still unidentified, they revert to the National Treasury (299(2)).

The six months and the year are periods after which the law attaches an effect, not a day by
which anyone must file or pay: they are counted under the Civil Act (Art. 8(2)) and their last
day is not moved off a weekend or holiday (Art. 8(3) moves a *deadline*).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from workflows.clock import as_date
from workflows.engine import (
    SYSTEM,
    Context,
    Deadline,
    Duty,
    Expiry,
    Field,
    FieldKind,
    Label,
    Procedure,
    Start,
    State,
    Transition,
)
from workflows.engine.declarations import After, CaseFact, Said
from workflows.legal_dates import korean_date
from workflows.procedures.offense_notification import CUSTODY, OFFICE, offence_choices

CODE = "seized_goods"

UNIDENTIFIED_PERIOD = "6m"
"""Art. 299(1): six months from the day of seizure."""
LOST_PROPERTY_PERIOD = "1y"
"""Art. 299(2): one year from the publication as lost property."""
RETURN_REQUEST_PERIOD = "6m"
"""Art. 313(3): six months from the publication of goods that cannot be returned."""

LOST_GOODS_OFFENCES = frozenset({"269(1)", "269(2)", "269(3)", "270(1)", "270(2)", "270(3)",
                                 "274"})
"""The offences of Art. 299(1) (Arts. 269, 270(1) to (3) and 272 to 274) among those a
notification disposition settles (``OFFENCES``)."""

SALE_GROUNDS = (
    ("decay", Label("May decay or be damaged, or pass its expiry date (Art. 303(3)1)",
                    "부패·손상되거나 사용기간이 지날 우려(제303조제3항제1호)")),
    ("inconvenient", Label("Very inconvenient to keep (Art. 303(3)2)",
                           "보관하기가 매우 불편(제303조제3항제2호)")),
    ("falling_value", Label("May fall sharply in value if the disposition waits "
                            "(Art. 303(3)3)",
                            "처분이 늦어지면 상품가치가 크게 떨어질 우려(제303조제3항제3호)")),
    ("requested", Label("The suspect or an interested person asks for the sale "
                        "(Art. 303(3)4)",
                        "피의자나 관계인의 매각 요청(제303조제3항제4호)")),
)
DISPOSAL_GROUNDS = (
    ("dangerous", Label("May harm life or property (Art. 304(1)1)",
                        "사람의 생명이나 재산을 해칠 우려(제304조제1항제1호)")),
    ("decayed", Label("Has decayed or deteriorated (Art. 304(1)2)",
                      "부패하거나 변질됨(제304조제1항제2호)")),
    ("expired", Label("Its expiry date has passed (Art. 304(1)3)",
                      "유효기간이 지남(제304조제1항제3호)")),
    ("valueless", Label("It has lost its commercial value (Art. 304(1)4)",
                        "상품가치가 없어짐(제304조제1항제4호)")),
)
FORFEITED_BY = (
    ("notification", Label("Delivered under a notification disposition complied with "
                           "(Arts. 311(1)2, 317)", "통고처분 이행에 따른 납부(제311조제1항제2호)")),
    ("judgment", Label("Forfeited by a judgment (Arts. 282, 319)", "판결에 따른 몰수(제282조)")),
)


def owner_count_from_seizure(context: Context) -> dict[str, Any]:
    """Art. 299(1): the six months run only for goods seized for the offences it names whose
    owner and offender are both unknown; the day of seizure is then kept as their start."""
    if context.values.get("owner_unidentified") and \
            context.values.get("offence") in LOST_GOODS_OFFENCES:
        return {"unidentified_since": context.values["seized_on"].isoformat()}
    return {}


def owner_identified(context: Context) -> dict[str, Any]:
    """The owner or the offender is identified: Art. 299 no longer applies."""
    return {"unidentified_since": None, "owner_unidentified": False}


def request_period_passed(context: Context) -> Said | None:
    """Art. 313(3): the goods may revert only when six months passed from the publication
    without a request for their return."""
    period = context.deadlines.get("return_request")
    if period is None or context.now <= period.due_at:
        last = f" (until {period.due_date})" if period is not None else ""
        last_ko = f"({korean_date(period.due_date)}까지)" if period is not None else ""
        return Said(f"the six months for a request for the return run{last}: the goods may "
                    "revert to the National Treasury only after them (Art. 313(3))",
                    f"반환 청구 기간 6개월이 진행 중입니다{last_ko}. 그 기간이 지난 후에만 "
                    "국고에 귀속시킬 수 있습니다(제313조제3항)")
    return None


def facts(data: Mapping[str, Any], today: date) -> tuple[CaseFact, ...]:
    """The goods case's header: the goods, when they were seized and who keeps them, the
    proceeds of a sale, and whether Art. 299 counts for them."""
    custody = dict(CUSTODY).get(data.get("custody"))
    shown = [CaseFact(Label("Goods seized", "압수물품"),
                      f"{data.get('goods') or '—'} ({data.get('quantity') or '—'})"),
             CaseFact(Label("Seized on", "압수일"), as_date(data.get("seized_on"))),
             CaseFact(Label("Value", "가액"), Label(f"KRW {data.get('value') or 0:,}",
                                                   f"{data.get('value') or 0:,}원"))]
    if custody is not None:
        shown.append(CaseFact(Label("Custody (Art. 303(2))", "보관"), custody))
    if data.get("proceeds") is not None:
        shown.append(CaseFact(Label("Proceeds of the sale, kept (Art. 303(3))", "매각대금"),
                              Label(f"KRW {data['proceeds']:,}", f"{data['proceeds']:,}원")))
    if data.get("unidentified_since"):
        shown.append(CaseFact(Label("Owner and offender unknown (Art. 299)",
                                    "소유자 및 범인 불명(제299조)"),
                              Label("deemed lost six months after the seizure unless "
                                    "identified", "압수일부터 6개월 내 확인되지 않으면 유실물")))
    return tuple(shown)


REASONS = Field(name="reasons", label=Label("Reasons", "이유"), kind=FieldKind.LONGTEXT)
NO_TIME = Field(name="why_no_time", label=Label("Why there was no time for a notice before",
                                                "사전 통고할 시간이 없었던 이유"),
                kind=FieldKind.LONGTEXT, store=True)
SOLD_FIELDS = (
    Field(name="sold_on", label=Label("Sold on", "매각일"), kind=FieldKind.DATE, store=True,
          follows=(After.data("seized_on", "the goods were seized"),)),
    Field(name="proceeds", label=Label("Proceeds kept or deposited (KRW)",
                                       "매각대금(보관 또는 공탁, 원)"),
          kind=FieldKind.INTEGER, minimum=0, maximum=10**12, store=True),
)
SALE_GROUND = Field(name="sale_ground", label=Label("Ground of the sale", "매각 사유"),
                    kind=FieldKind.CHOICE, choices=SALE_GROUNDS, store=True)
DISPOSAL_GROUND = Field(name="disposal_ground", label=Label("Ground of the disposal",
                                                            "폐기 사유"),
                        kind=FieldKind.CHOICE, choices=DISPOSAL_GROUNDS, store=True)
DISPOSED_ON = Field(name="disposed_on", label=Label("Disposed of on", "폐기일"),
                    kind=FieldKind.DATE, store=True,
                    follows=(After.data("seized_on", "the goods were seized"),))
IDENTIFICATION = Deadline(
    kind="identification",
    label=Label("identifying the owner or the offender of the goods",
                "압수물품의 소유자·범인 확인"),
    article="Art. 299(1)", period=UNIDENTIFIED_PERIOD,
    start=Start.data("unidentified_since", "seizure", optional=True),
    on_expiry=Expiry.transition("owner_unidentified"), rollover=False, reminders=("30d",))
"""Art. 299(1): the six months from the seizure, counted while the goods (or their proceeds)
are held, for goods whose owner and offender are unknown."""
HELD = ("in_custody", "sold")
"""Goods still held by the office: in kind, or as the proceeds of their sale."""

PROCEDURE = Procedure(
    code=CODE,
    article="Arts. 299, 303, 304, 313",
    states=(
        State(name="in_custody", label=Label("Seized, in custody", "압수·보관 중"),
              article="Art. 303(1)-(2)"),
        State(name="sale_announced", label=Label("Sale notified", "매각 통고"),
              article="Art. 303(3)"),
        State(name="sold", label=Label("Sold: the proceeds kept", "매각(대금 보관)"),
              article="Art. 303(3)"),
        State(name="disposal_announced", label=Label("Disposal notified", "폐기 통고"),
              article="Art. 304(1)"),
        State(name="disposed", label=Label("Disposed of", "폐기"), article="Art. 304(1)",
              terminal=True),
        State(name="deemed_lost", label=Label("Deemed lost: owner and offender unidentified",
                                              "유실물 간주"),
              article="Art. 299(1)"),
        State(name="published_as_lost", label=Label("Published as lost property",
                                                    "유실물 공고"),
              article="Art. 299(1)"),
        State(name="forfeited", label=Label("Forfeited", "몰수"), article="Art. 282; 311(1)2",
              terminal=True),
        State(name="return_due", label=Label("To be returned", "환부 대상"),
              article="Art. 313(1)"),
        State(name="published_unreturnable", label=Label("Unreturnable: published",
                                                         "환부 불능 공고"),
              article="Art. 313(2)"),
        State(name="returned", label=Label("Returned", "환부"), article="Art. 313(1), (4)",
              terminal=True),
        State(name="reverted", label=Label("Reverted to the National Treasury", "국고 귀속"),
              article="Art. 299(2); 313(3)", terminal=True),
        State(name="handed_over", label=Label("Handed over with the accused case",
                                              "고발 사건과 함께 인계"),
              article="Art. 319", terminal=True),
    ),
    transitions=(
        Transition(trigger="seize", source=(), dest="in_custody", roles=OFFICE,
                   article="Art. 303(1)-(2)",
                   label=Label("Record seized goods", "압수물품 기록"),
                   fields=(Field(name="goods", label=Label("Goods seized", "압수물품"),
                                 kind=FieldKind.LONGTEXT, store=True),
                           Field(name="quantity", label=Label("Quantity", "수량"),
                                 kind=FieldKind.TEXT, store=True),
                           Field(name="value", label=Label("Value (KRW)", "가액(원)"),
                                 kind=FieldKind.INTEGER, minimum=0, maximum=10**12,
                                 store=True),
                           Field(name="custody", label=Label("Custody", "보관"),
                                 kind=FieldKind.CHOICE, choices=CUSTODY, store=True),
                           Field(name="seized_on", label=Label("Seized on", "압수일"),
                                 kind=FieldKind.DATE, store=True,
                                 follows_nothing="recorded in the offence case, whose "
                                                 "seizure opens this case"),
                           Field(name="place", label=Label("Place of seizure", "압수 장소"),
                                 kind=FieldKind.TEXT, required=False, store=True),
                           Field(name="warrant",
                                 label=Label("Warrant (Art. 296)", "압수·수색영장(제296조)"),
                                 kind=FieldKind.TEXT, store=True),
                           Field(name="offence", label=Label("Offence", "범칙 행위"),
                                 kind=FieldKind.CHOICE, choices=offence_choices(),
                                 store=True),
                           Field(name="owner_unidentified",
                                 label=Label("Owner and offender not identified (Art. 299)",
                                             "소유자 및 범인 불명(제299조)"),
                                 kind=FieldKind.BOOLEAN, store=True),
                           Field(name="parent_reference",
                                 label=Label("Offence case", "범칙 사건"),
                                 kind=FieldKind.TEXT, store=True)),
                   records=owner_count_from_seizure),
        Transition(trigger="change_custody", source=("in_custody",), dest="in_custody",
                   roles=OFFICE, article="Art. 303(2)",
                   label=Label("Change the custody", "보관 변경"),
                   fields=(Field(name="custody", label=Label("Custody", "보관"),
                                 kind=FieldKind.CHOICE, choices=CUSTODY, store=True),
                           REASONS),
                   reason_field="reasons"),
        Transition(trigger="identify_owner",
                   source=("in_custody", "deemed_lost", "published_as_lost"),
                   dest="in_custody", roles=OFFICE, article="Art. 299",
                   label=Label("Record that the owner or the offender is identified",
                               "소유자 또는 범인 확인"),
                   fields=(Field(name="identified", label=Label("Who was identified, and how",
                                                                "확인된 사람과 경위"),
                                 kind=FieldKind.LONGTEXT),),
                   reason_field="identified", records=owner_identified),
        Transition(trigger="owner_unidentified", source=HELD, dest="deemed_lost",
                   roles=frozenset({SYSTEM}), article="Art. 299(1)",
                   label=Label("Six months without identifying the owner or the offender",
                               "6개월 내 소유자·범인 불명")),
        Transition(trigger="publish_as_lost", source=("deemed_lost",),
                   dest="published_as_lost", roles=OFFICE, article="Art. 299(1)",
                   label=Label("Publish as lost property", "유실물 공고"),
                   fields=(Field(name="published_on", label=Label("Published on", "공고일"),
                                 kind=FieldKind.DATE, store=True,
                                 follows=(After.entered("the goods were deemed lost"),)),)),
        Transition(trigger="revert_lost", source=("published_as_lost",), dest="reverted",
                   roles=frozenset({SYSTEM}), article="Art. 299(2)",
                   label=Label("One year after the publication: revert to the National "
                               "Treasury", "공고 후 1년 경과: 국고 귀속"),
                   outcome=Label("One year passed after the seized goods were published as lost "
                                 "property with their owner and the offender still unknown: they"
                                 " reverted to the National Treasury (Art. 299(2))",
                                 "유실물 공고 후 1년이 지나도록 소유자와 범인을 알 수"
                                 " 없어 압수물품이 국고에 "
                                 "귀속되었습니다(제299조제2항)")),
        Transition(trigger="announce_sale", source=("in_custody",), dest="sale_announced",
                   roles=OFFICE, article="Art. 303(3)",
                   label=Label("Notify the sale of the seized goods", "압수물품 매각 통고"),
                   fields=(SALE_GROUND, REASONS), reason_field="reasons",
                   notices=("seized_goods_sale",)),
        Transition(trigger="sell", source=("sale_announced",), dest="sold", roles=OFFICE,
                   article="Art. 303(3)", label=Label("Record the sale", "매각 기록"),
                   fields=SOLD_FIELDS),
        Transition(trigger="sell_at_once", source=("in_custody",), dest="sold", roles=OFFICE,
                   article="Art. 303(3) proviso",
                   label=Label("Sell with no time for a notice before: notify after",
                               "긴급 매각 후 통고"),
                   fields=(SALE_GROUND, *SOLD_FIELDS, NO_TIME), reason_field="why_no_time",
                   notices=("seized_goods_sale",)),
        Transition(trigger="announce_disposal", source=("in_custody",),
                   dest="disposal_announced", roles=OFFICE, article="Art. 304(1)",
                   label=Label("Notify the disposal of the seized goods", "압수물품 폐기 통고"),
                   fields=(DISPOSAL_GROUND, REASONS), reason_field="reasons",
                   notices=("seized_goods_disposal",)),
        Transition(trigger="dispose", source=("disposal_announced",), dest="disposed",
                   roles=OFFICE, article="Art. 304(1)",
                   label=Label("Record the disposal", "폐기 기록"),
                   outcome=Label("The seized goods were disposed of (Art. 304(1))",
                                 "압수물품이 폐기되었습니다(제304조제1항)"), fields=(DISPOSED_ON,)),
        Transition(trigger="dispose_at_once", source=("in_custody",), dest="disposed",
                   roles=OFFICE, article="Art. 304(1) proviso",
                   label=Label("Dispose of with no time for a notice before: notify after",
                               "긴급 폐기 후 통고"),
                   outcome=Label("The seized goods were disposed of; there was no time to notify"
                                 " you before (Art. 304(1) proviso)",
                                 "압수물품이 폐기되었습니다. 미리 통고할 시간이 "
                                 "없었습니다(제304조제1항 단서)"),
                   fields=(DISPOSAL_GROUND, DISPOSED_ON, NO_TIME), reason_field="why_no_time",
                   notices=("seized_goods_disposal",)),
        Transition(trigger="forfeit", source=HELD, dest="forfeited", roles=OFFICE,
                   article="Art. 282; 311(1)2",
                   label=Label("Record the forfeiture", "몰수 기록"),
                   outcome=Label("The seized goods (or the proceeds of their sale) were "
                                 "forfeited",
                                 "압수물품(또는 매각대금)이 몰수되었습니다"),
                   fields=(Field(name="forfeited_by", label=Label("Forfeited by", "몰수 근거"),
                                 kind=FieldKind.CHOICE, choices=FORFEITED_BY, store=True),
                           Field(name="forfeited_on", label=Label("Forfeited on", "몰수일"),
                                 kind=FieldKind.DATE, store=True,
                                 follows=(After.data("seized_on", "the goods were seized"),)))),
        Transition(trigger="order_return", source=HELD, dest="return_due", roles=OFFICE,
                   article="Art. 313(1)",
                   label=Label("Not forfeited: return the goods or the proceeds",
                               "몰수하지 않음: 환부 결정"),
                   fields=(REASONS,), reason_field="reasons"),
        Transition(trigger="return_goods", source=("return_due", "published_unreturnable"),
                   dest="returned", roles=OFFICE, article="Art. 313(1), (4)",
                   label=Label("Record the return", "환부 기록"),
                   outcome=Label("The seized goods (or the proceeds of their sale) were "
                                 "returned, after the duty unpaid on them was collected (Art. "
                                 "313(1), (4))",
                                 "압수물품(또는 매각대금)이 미납 관세를 징수한 후 "
                                 "환부되었습니다(제313조제1항·제4항)"),
                   fields=(Field(name="returned_to", label=Label("Returned to", "환부받은 사람"),
                                 kind=FieldKind.TEXT, store=True),
                           Field(name="returned_on", label=Label("Returned on", "환부일"),
                                 kind=FieldKind.DATE, store=True,
                                 follows=(After.entered("the return was decided"),)),
                           Field(name="unpaid_duty_collected",
                                 label=Label("Unpaid duty collected first (KRW, Art. 313(4))",
                                             "징수한 미납 관세(원, 제313조제4항)"),
                                 kind=FieldKind.INTEGER, minimum=0, maximum=10**12,
                                 store=True))),
        Transition(trigger="publish_unreturnable", source=("return_due",),
                   dest="published_unreturnable", roles=OFFICE, article="Art. 313(2)",
                   label=Label("Cannot be returned: publish a summary", "환부 불능 공고"),
                   fields=(Field(name="unreturnable_published_on",
                                 label=Label("Published on", "공고일"), kind=FieldKind.DATE,
                                 store=True,
                                 follows=(After.entered("the return was decided"),)),
                           REASONS),
                   reason_field="reasons"),
        Transition(trigger="revert_unclaimed", source=("published_unreturnable",),
                   dest="reverted", roles=OFFICE, article="Art. 313(3)",
                   label=Label("Six months without a request: revert to the National Treasury",
                               "청구 없이 6개월 경과: 국고 귀속"),
                   outcome=Label("No request for the return came within six months of the "
                                 "publication: the seized goods (or the proceeds) reverted to "
                                 "the National Treasury (Art. 313(3))",
                                 "공고 후 6개월 내에 환부 청구가 없어 압수물품(또는 "
                                 "매각대금)이 국고에 귀속되었습니다(제313조제3항)"),
                   guards=(request_period_passed,)),
        Transition(trigger="hand_over", source=HELD, dest="handed_over", roles=OFFICE,
                   article="Art. 319",
                   label=Label("Hand over with the accused case", "고발 사건과 함께 인계"),
                   outcome=Label("The seized goods were handed over with the case accused to the"
                                 " prosecution (Art. 319)",
                                 "압수물품이 고발 사건과 함께 검찰에 "
                                 "인계되었습니다(제319조)"),
                   fields=(Field(name="handed_to", label=Label("Handed to", "인계 기관"),
                                 kind=FieldKind.TEXT, store=True), REASONS),
                   reason_field="reasons"),
    ),
    deadlines={
        "in_custody": (
            IDENTIFICATION,
        ),
        "sold": (IDENTIFICATION,),
        "published_as_lost": (
            Deadline(kind="lost_property",
                     label=Label("reversion of lost property", "유실물의 국고 귀속"),
                     article="Art. 299(2)", period=LOST_PROPERTY_PERIOD,
                     start=Start.data("published_on", "publication as lost property"),
                     on_expiry=Expiry.transition("revert_lost"), rollover=False,
                     reminders=("30d",)),
        ),
        "published_unreturnable": (
            Deadline(kind="return_request",
                     label=Label("request for the return of the published goods",
                                 "공고된 압수물품의 환부 청구"),
                     article="Art. 313(3)", period=RETURN_REQUEST_PERIOD,
                     start=Start.data("unreturnable_published_on",
                                      "publication of the unreturnable goods"),
                     on_expiry=Expiry.flag(), rollover=False, reminders=(),
                     owed_by=Duty.PARTY,
                     when_it_passes=Label("the goods or their proceeds may revert to the "
                                          "National Treasury (Art. 313(3))",
                                          "압수물품이나 매각대금이 국고에 귀속될 수 있습니다"
                                          "(제313조제3항)")),
        ),
    },
    facts=facts,
    decided_states=frozenset({"forfeited", "returned", "reverted", "disposed", "handed_over"}),
)
