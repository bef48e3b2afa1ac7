"""Goods stored in a licensed bonded area (장치물품, Arts. 177, 183, 184, 208): a small case of
its own for each entry, opened from the licence's page and linked to it.

- **The storage period** (177(1)): in a bonded warehouse, foreign goods for the period the KCS
  Commissioner fixes within one year (177(1)1(a)), extendable by up to one more year; domestic
  goods for the period the Commissioner fixes, at most one year (177(1)1(b)); in the other
  licensed areas, the licence's term (177(1)2): no period of their own runs, they stay while
  the licence, renewed or extended, runs and leave with its wind-down (182). Goods stockpiled
  under 177(1)1(c) are stored for the period the stockpile needs, which the office recognises:
  [Assumption] likewise the licence's term, the office ending it earlier by an order under
  177(2). The Commissioner's periods are configuration (``BONDED_STORAGE_MONTHS``).
- **After the period**: foreign goods may be sold after publication (208(1)): the case is
  flagged for the sale procedure; domestic goods in a warehouse are shipped out by the
  operator within ten days from the day the period expires (184(1); an administrative fine,
  277(6)4).
- **An order to ship out early** (177(2)): the head of the office may order goods out of a
  bonded warehouse within the 177(1)1 period when it is needed to manage them; the order fixes
  its own last day, after today and within the period; not complying is an administrative fine
  (277(6)6).

The storage period is a period after which the law attaches an effect, counted under the Civil
Act from the day after the entry (Art. 8(2); Civil Act Art. 157) and not moved off a weekend or
holiday; the ten days of 184 and the day the order fixes are deadlines to act by, moved under
Art. 8(3).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from workflows.calendar.civil_act import days_through, period_end
from workflows.calendar.periods import Period, Unit
from workflows.clock import as_date, seoul_date
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
from workflows.engine.declarations import After, CaseFact, Link, Said, Setting, Watch
from workflows.legal_dates import korean_date
from workflows.roles import OFFICE_ROLES as OFFICE

CODE = "bonded_goods"
LICENCE = "bonded_area_licence"
"""The licence whose page opens these cases (``bonded_area_licence.record_goods_entry``); its
module imports this one."""

GOODS_KINDS = (
    ("foreign", Label("Foreign goods (Art. 177(1)1(a))", "외국물품(제177조제1항제1호가목)")),
    ("domestic", Label("Domestic goods (Art. 177(1)1(b), 183(2))",
                       "내국물품(제177조제1항제1호나목, 제183조제2항)")),
    ("stockpile", Label("Stockpile or export raw materials (Art. 177(1)1(c))",
                        "비축물품·수출용원재료 등(제177조제1항제1호다목)")),
)
MAX_STORAGE_MONTHS = 12
"""Art. 177(1)1(a)-(b): the Commissioner fixes the period within one year."""
MAX_EXTENSION_MONTHS = 12
"""Art. 177(1)1(a) proviso: foreign goods' period extended by up to one year."""
SHIP_OUT_PERIOD = "10d"
"""Art. 184(1): domestic goods out within 10 days from the day their storage period expires."""


def check_storage_months(name: str, value: Any) -> None:
    if not isinstance(value, Mapping) or set(value) - {"foreign", "domestic"} or any(
            not isinstance(months, int) or not 1 <= months <= MAX_STORAGE_MONTHS
            for months in value.values()):
        raise ValueError(f"{name}: months for 'foreign' and 'domestic' goods, each 1 to "
                         f"{MAX_STORAGE_MONTHS} (Art. 177(1)1(a)-(b))")


STORAGE_SETTING = Setting(
    name="BONDED_STORAGE_MONTHS", default={"foreign": 12, "domestic": 12},
    check=check_storage_months,
    about="the storage periods in a bonded warehouse the KCS Commissioner fixes, in months "
          "(Art. 177(1)1(a)-(b): within one year), for 'foreign' and 'domestic' goods")


def configured_months(settings, values) -> dict[str, Any]:
    """The Commissioner's periods as they stood when the goods entered, kept on the case."""
    months = {**STORAGE_SETTING.default, **(settings.get(STORAGE_SETTING.name) or {})}
    return {"storage_months": months}


def _licence(context: Context) -> Mapping[str, Any]:
    return context.linked.get(GOODS_LINK.field) or {}


def in_an_active_licence(context: Context) -> Said | None:
    """Goods are recorded only in an area whose licence is active (the licence's page opens
    this case; a licence suspended for the entry of goods takes none, 178(1))."""
    if not context.values:
        return None
    licence = _licence(context)
    if licence.get("state") != "active":
        return Said("goods are recorded only in a licensed bonded area whose licence is active "
                    "(Arts. 174, 178(1))",
                    "물품은 특허가 유효한 특허보세구역에만 반입 기록할 수 있습니다"
                    "(제174조, 제178조제1항)")
    return None


def storage_last_day(area_type: str | None, kind: str, entered_on: date,
                     months: Mapping[str, int]) -> date | None:
    """Art. 177(1)1(a)-(b): in a warehouse, the Commissioner's months from the day after the
    entry. None where the period is the licence's term (177(1)2, and a stockpile
    [Assumption]): the goods then stay as long as the licence, renewed or extended, runs, and
    leave with its wind-down (182)."""
    if area_type == "warehouse" and kind in months:
        return period_end(entered_on + timedelta(days=1), Period(months[kind], Unit.MONTHS))[0]
    return None


def _entered(context: Context) -> dict[str, Any]:
    licence = _licence(context).get("data") or {}
    entered_on = as_date(context.values["entered_on"])
    last = storage_last_day(licence.get("area_type"), context.values["goods_kind"], entered_on,
                            context.data.get("storage_months") or STORAGE_SETTING.default)
    facts = {"area_type": licence.get("area_type")}
    if last is not None:
        facts.update(storage_from=(entered_on + timedelta(days=1)).isoformat(),
                     storage_until=last.isoformat())
    return facts


def _storage_days(context: Context) -> str:
    return days_through(as_date(context.data["storage_from"]),
                        as_date(context.data["storage_until"]))


def extendable(context: Context) -> Said | None:
    """Art. 177(1)1(a) proviso: only foreign goods in a bonded warehouse, to a later day, by up
    to one year beyond the period first fixed."""
    if context.data.get("area_type") != "warehouse" or \
            context.data.get("goods_kind") != "foreign":
        return Said("only the period of foreign goods in a bonded warehouse may be extended "
                    "(Art. 177(1)1(a) proviso)",
                    "보세창고에 장치한 외국물품의 장치기간만 연장할 수 있습니다"
                    "(제177조제1항제1호가목 단서)")
    until = context.values.get("extended_until")
    if until is None:
        return None
    first_end = as_date(context.data.get("first_storage_until") or context.data["storage_until"])
    limit = period_end(first_end + timedelta(days=1), Period(MAX_EXTENSION_MONTHS,
                                                              Unit.MONTHS))[0]
    if as_date(until) <= as_date(context.data["storage_until"]):
        return Said(f"the period already runs to {context.data['storage_until']}: give a later "
                    "day", f"장치기간이 이미 {korean_date(as_date(context.data['storage_until']))}"
                    "까지입니다. 그보다 뒤의 날을 적으십시오")
    if as_date(until) > limit:
        return Said(f"the period may be extended by at most one year, to {limit} "
                    "(Art. 177(1)1(a) proviso)",
                    f"장치기간은 1년 이내에서만 연장할 수 있습니다({korean_date(limit)}까지, "
                    "제177조제1항제1호가목 단서)")
    return None


def _extended(context: Context) -> dict[str, Any]:
    return {"first_storage_until": context.data.get("first_storage_until")
            or context.data["storage_until"],
            "storage_until": as_date(context.values["extended_until"]).isoformat()}


def in_a_warehouse(context: Context) -> Said | None:
    """Art. 177(2): the order reaches goods in a bonded warehouse within their period of
    177(1)1, and fixes a later day than today, within that period."""
    if context.data.get("area_type") != "warehouse":
        return Said("an order to ship out early is given for goods in a bonded warehouse "
                    "(Art. 177(2))",
                    "조기 반출 명령은 보세창고의 물품에 대하여 합니다(제177조제2항)")
    by = as_date(context.values.get("ship_out_by"))
    if by is None:
        return None
    if by <= seoul_date(context.now):
        return Said("give a day after today to ship the goods out by",
                    "반출 기한은 오늘 이후의 날로 적으십시오")
    until = as_date(context.data.get("storage_until"))
    if until is not None and by > until:
        return Said(f"the order is given within the storage period, which ends on {until} "
                    "(Art. 177(2))",
                    f"반출 명령은 장치기간({korean_date(until)}까지) 안에서 합니다(제177조제2항)")
    return None


def foreign_goods(context: Context) -> Said | None:
    """Art. 208(1): only foreign goods whose period expired are sold; domestic goods are
    shipped out by the operator (184(1))."""
    if context.data.get("goods_kind") == "domestic":
        return Said("domestic goods are not sold: the operator ships them out within ten days "
                    "(Art. 184(1))",
                    "내국물품은 매각하지 않습니다. 운영인이 10일 이내에 반출하여야 합니다"
                    "(제184조제1항)")
    return None


def _ordered(context: Context) -> dict[str, Any]:
    return {"ordered_on": seoul_date(context.now).isoformat(),
            "ship_out_by": as_date(context.values["ship_out_by"]).isoformat()}


def _order_days(context: Context) -> str:
    """The days from the order to the day it fixes (a later day, ``in_a_warehouse``)."""
    first, last = as_date(context.data["ordered_on"]), as_date(context.data["ship_out_by"])
    return f"{(last - first).days}d"


def _period_ended(context: Context) -> dict[str, Any]:
    """Art. 184: domestic goods in a warehouse have ten days from the day the period ended."""
    if context.data.get("goods_kind") == "domestic" and \
            context.data.get("area_type") == "warehouse":
        return {"ship_out_counted_from": context.data["storage_until"]}
    return {}


def facts(data: Mapping[str, Any], today: date) -> tuple[CaseFact, ...]:
    """The goods' header: what, which declaration, when they entered, until when they may stay."""
    from workflows.procedures.bonded_area_licence import AREA_TYPE_LABELS

    kind = dict(GOODS_KINDS).get(data.get("goods_kind"))
    area = AREA_TYPE_LABELS.get(data.get("area_type"))
    shown = [CaseFact(Label("Goods", "물품"), data.get("goods") or "—"),
             CaseFact(Label("Declaration", "신고번호"), data.get("declaration_number") or "—"),
             CaseFact(Label("Entered on", "반입일"), as_date(data.get("entered_on")))]
    if kind is not None:
        shown.append(CaseFact(Label("Kind", "구분"), kind))
    if area is not None:
        shown.append(CaseFact(Label("Area", "보세구역"), area))
    shown.append(CaseFact(Label("May stay until (Art. 177(1))", "장치기간 만료일(제177조제1항)"),
                          as_date(data["storage_until"]) if data.get("storage_until") else
                          Label("while the licence runs (Art. 177(1)2)",
                                "특허기간 동안(제177조제1항제2호)")))
    return tuple(shown)


GOODS_LINK = Link(field="parent_reference", procedure=LICENCE,
                  label=Label("Licence", "특허"),
                  members=Label("Goods recorded in the area", "반입 기록된 물품"))
"""The goods' case names the licence that opened it."""

ENTRY_FIELDS = (
    Field(name="declaration_number", label=Label("Declaration number", "반입신고번호"),
          kind=FieldKind.TEXT, store=True),
    Field(name="goods", label=Label("Goods", "물품"), kind=FieldKind.LONGTEXT, store=True),
    Field(name="goods_kind", label=Label("Kind of goods", "물품 구분"), kind=FieldKind.CHOICE,
          choices=GOODS_KINDS, store=True),
    Field(name="entered_on", label=Label("Entered on", "반입일"), kind=FieldKind.DATE,
          store=True, follows_nothing="the goods' entry is the first date of their case"),
)
REASONS = Field(name="reasons", label=Label("Reasons", "이유"), kind=FieldKind.LONGTEXT)
SHIPPED = Field(name="shipped_on", label=Label("Shipped out on", "반출일"), kind=FieldKind.DATE,
                store=True, follows=(After.data("entered_on", "the goods entered"),))
STORAGE = Deadline(
    kind="storage", label=Label("storage period", "장치기간"), article="Art. 177(1)",
    period=_storage_days,
    start=Start.data("storage_from", "the day after the entry", optional=True),
    on_expiry=Expiry.transition("storage_period_ends"), rollover=False,
    starts_at_midnight=True, reminders=("30d", "7d"),
    period_text="the Commissioner's months from the day after the entry in a warehouse "
                "(177(1)1); none of their own elsewhere (the licence's term, 177(1)2); never "
                "rolled over")
SHIP_OUT = Deadline(
    kind="ship_out", label=Label("shipment of domestic goods after the storage period",
                                 "장치기간 경과 내국물품의 반출"),
    article="Art. 184(1)", period=SHIP_OUT_PERIOD,
    start=Start.data("ship_out_counted_from", "the day the storage period expired",
                     optional=True),
    on_expiry=Expiry.flag(), reminders=("3d", "1d"), met_by=("record_ship_out",),
    owed_by=Duty.PARTY,
    when_it_passes=Label("the operator breached Art. 184(1): an administrative fine of up to "
                         "KRW 1 million (Art. 277(6)4)",
                         "운영인이 제184조제1항을 위반하여 100만원 이하의 과태료 대상이 됩니다"
                         "(제277조제6항제4호)"))
ORDERED_SHIP_OUT = Deadline(
    kind="ordered_ship_out", label=Label("shipment out ordered", "반출 명령 이행"),
    article="Art. 177(2)", period=_order_days,
    start=Start.data("ordered_on", "the order to ship out"),
    on_expiry=Expiry.flag(), reminders=("3d", "1d"), met_by=("record_ship_out",),
    owed_by=Duty.PARTY,
    when_it_passes=Label("the order was not complied with: an administrative fine of up to KRW 1 "
                         "million (Art. 277(6)6) and a ground to suspend the entry of goods into "
                         "the area (Art. 178(1)2)",
                         "반출 명령을 이행하지 않아 100만원 이하의 과태료 대상이 되며"
                         "(제277조제6항제6호) 물품반입 정지 사유가 됩니다(제178조제1항제2호)"))

PROCEDURE = Procedure(
    code=CODE,
    article="Arts. 177, 183, 184, 208",
    states=(
        State(name="stored", label=Label("Stored", "장치 중"), article="Art. 177(1)"),
        State(name="ship_out_ordered", label=Label("Ordered out early", "반출 명령"),
              article="Art. 177(2)"),
        State(name="period_ended", label=Label("Storage period ended", "장치기간 경과"),
              article="Arts. 184(1), 208(1)"),
        State(name="shipped_out", label=Label("Shipped out", "반출"), article="Art. 177",
              terminal=True),
        State(name="referred_for_sale", label=Label("Referred to the sale procedure",
                                                    "매각 절차 회부"),
              article="Art. 208(1)", terminal=True),
    ),
    transitions=(
        Transition(trigger="record_entry", source=(), dest="stored", roles=OFFICE,
                   article="Arts. 177(1), 183(2)",
                   label=Label("Record goods entered", "반입 물품 기록"),
                   fields=(*ENTRY_FIELDS,
                           Field(name="parent_reference", label=Label("Licence", "특허"),
                                 kind=FieldKind.TEXT, store=True)),
                   guards=(in_an_active_licence,), records=_entered),
        Transition(trigger="extend_storage", source=("stored",), dest="stored", roles=OFFICE,
                   article="Art. 177(1)1(a) proviso",
                   label=Label("Extend the storage period", "장치기간 연장"),
                   fields=(Field(name="extended_until", label=Label("New last day", "연장 만료일"),
                                 kind=FieldKind.DATE, future=True), REASONS),
                   reason_field="reasons", guards=(extendable,), records=_extended,
                   recomputes=("storage",)),
        Transition(trigger="order_ship_out", source=("stored",), dest="ship_out_ordered",
                   roles=OFFICE, article="Art. 177(2)",
                   label=Label("Order the goods shipped out early", "조기 반출 명령"),
                   fields=(Field(name="ship_out_by", label=Label("Ship out by", "반출 기한"),
                                 kind=FieldKind.DATE, future=True), REASONS),
                   reason_field="reasons", guards=(in_a_warehouse,), records=_ordered,
                   notices=("bonded_goods_ship_out_order",)),
        Transition(trigger="storage_period_ends", source=("stored",), dest="period_ended",
                   roles=frozenset({SYSTEM}), article="Arts. 177(1), 184(1), 208(1)",
                   label=Label("The storage period ends", "장치기간 만료"),
                   records=_period_ended),
        Transition(trigger="record_ship_out",
                   source=("stored", "ship_out_ordered", "period_ended"), dest="shipped_out",
                   roles=OFFICE, article="Arts. 177, 184",
                   label=Label("Record the shipment out", "반출 기록"),
                   outcome=Label("The goods were shipped out of the bonded area",
                                 "물품이 보세구역에서 반출되었습니다"),
                   fields=(SHIPPED, Field(name="destination",
                                          label=Label("Where to (declaration)", "반출처(신고)"),
                                          kind=FieldKind.TEXT, store=True))),
        Transition(trigger="refer_to_sale", source=("period_ended",), dest="referred_for_sale",
                   roles=OFFICE, article="Art. 208(1)",
                   label=Label("Refer to the sale procedure", "매각 절차 회부"),
                   guards=(foreign_goods,),
                   outcome=Label("The storage period passed: the goods go to the sale procedure "
                                 "(Art. 208(1))",
                                 "장치기간이 지나 물품을 매각 절차에 넘겼습니다(제208조제1항)"),
                   fields=(REASONS,), reason_field="reasons"),
    ),
    deadlines={"stored": (STORAGE,), "ship_out_ordered": (ORDERED_SHIP_OUT,),
               "period_ended": (SHIP_OUT,)},
    configured=configured_months,
    settings=(STORAGE_SETTING,),
    facts=facts,
    links=(GOODS_LINK,),
    opened_from=LICENCE,
    watches=(Watch(label=Label("Goods whose storage period ends within a month",
                               "1개월 내 장치기간 만료 물품"), kind="storage", within_months=1),
             Watch(label=Label("Domestic goods not shipped out in time (Art. 184)",
                               "기한 내 미반출 내국물품(제184조)"), kind="ship_out", passed=True)),
)
