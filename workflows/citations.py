"""Citations of the Act the Korean way: ``Art. 128(1)2 via 132(4)`` → 제128조제1항제2호(제132조
제4항에 따라 준용), ``255-2`` → 제255조의2, ``Arts. 121 to 128`` → 제121조부터 제128조까지.

The declarations cite articles in English (``Transition.article``, ``Deadline.article``), and
some of those citations carry a few words (``(peremptory, 119(7))``, ``withdrawal by the
objector``, ``[Assumption]``); each is written here once in Korean, so that a Korean page or
notice shows no English in a citation. ``[GK]`` marks law outside the Act (the digest's
"general knowledge": the Civil Act, the Enforcement Decree, other statutes) and
``[Assumption]`` a default the Act leaves open; both marks are kept, in Korean.
"""

from __future__ import annotations

import re

_ARTICLE = re.compile(r"(?P<sep>[,-])\s*\((?P<alone>\d+)\)|(?:Arts?\.\s*)?(?P<a>\d+(?:-\d+)?)"
                      r"(?:\((?P<p>\d+)\))?(?P<i>\d+)?"
                      # an item of an article without paragraphs: "175 7" (not "132 90 days")
                      r"(?: (?P<j>\d{1,2})(?!\d| days| months| years))?"
                      r"(?:\((?P<s>[a-e])\))?")
_ITEMS = dict(zip("abcde", "가나다라마", strict=True))

PHRASES = (
    # Whole phrases first, longest first where one holds another; none holds a digit, so the
    # articles around them are read as before.
    ("Civil Petitions Treatment Act", "「민원 처리에 관한 법률」"),
    (": no corresponding day, last day of the month", ": 해당하는 날이 없어 그 달의 말일"),
    (" by analogy", " 유추 적용"),
    ("Board of Audit and Inspection Act", "「감사원법」"),
    ("Framework Act on National Taxes", "「국세기본법」"),
    ("Administrative Appeals Act", "「행정심판법」"),
    ("Civil Act", "「민법」"),
    ("the Enforcement Decree", "시행령"),
    ("the Decree", "대통령령"),
    (" does not apply it", "에 따라 적용하지 않음"),
    ("not AAA", "「행정심판법」"),
    ("as applied to adjudication", "(심판청구에 준용)"),
    ("next step filed or its period passed", "다음 단계 청구 또는 그 기간 경과"),
    ("lawsuit filed or its period passed", "소송 제기 또는 그 기간 경과"),
    ("lawsuit filed or period passed", "소송 제기 또는 기간 경과"),
    ("revocation of a deemed permission", "간주허가의 취소"),
    ("revocation with reasons", "이유를 붙인 취소"),
    ("withdrawal of the application", "신청의 취하"),
    ("withdrawal of the request", "신청의 취하"),
    ("withdrawal by the applicant", "신청인의 취하"),
    ("withdrawal by the claimant", "청구인의 취하"),
    ("withdrawal by the objector", "이의신청인의 취하"),
    ("withdrawal", "취하"),
    ("extension under the civil-petition statutes", "민원 처리 법령에 따른 연장"),
    ("processing period running", "처리기간 진행 중"),
    ("appealable", "불복 가능"),
    ("peremptory", "불변기간"),
    ("second sentence", "후문"),
    ("first sentence", "전문"),
    ("latter part", "후단"),
    ("former part", "전단"),
    ("proviso", "단서"),
    ("[Assumption]", "[가정]"),
    ("[GK]", "[관세법 외]"),
    ("[GK:", "[관세법 외:"),
    ("e.g.", "예:"),
    ("(with ", "(준용: "),
    ("(and ", "(및 "),
    (" and ", "·"),
)

_AFTER = (
    (re.compile(r"제(\d+)조 days"), r"\1일"),
    (re.compile(r"제(\d+)조 months"), r"\1개월"),
    (re.compile(r"(제\d+조(?:의\d+)?) to (제\d+조(?:의\d+)?)"), r"\1부터 \2까지"),
    (re.compile(r"「행정심판법」 (제\d+조): (\S+)에 따라 적용하지 않음"),
     r"\2에 따라 「행정심판법」 \1 적용 제외"),
    (re.compile(r"\s*→\s*"), " → "),
    (re.compile(r"제(\d+)항부터 제(\d+)항까지"),  # two in a row: 제2항·제3항
     lambda m: m[0] if int(m[2]) != int(m[1]) + 1 else f"제{m[1]}항·제{m[2]}항"),
)


def korean_citation(value: str | None) -> str:
    """``value`` (a citation as the declarations write it) as a Korean text cites it."""
    if not value:
        return ""
    if re.search(r"[가-힣]", value) and not re.search(r"[A-Za-z]", value):
        return value  # already cited the Korean way
    text = value
    for english, korean in PHRASES:
        text = text.replace(english, korean)
    parts = []
    for piece in text.split(";"):
        cited, _, via = piece.strip().partition(" via ")
        cited = _ARTICLE.sub(_one, cited)
        if via:
            cited += f"({_ARTICLE.sub(_one, via)}에 따라 준용)"
        parts.append(cited)
    text = "; ".join(parts)
    for pattern, replacement in _AFTER:
        text = pattern.sub(replacement, text)
    return text


def _one(match: re.Match) -> str:
    if match.group("alone"):  # "(2), (4)": 제2항·제4항; "(4)-(6)": 제4항부터 제6항까지
        if match.group("sep") == "-":
            return f"부터 제{match.group('alone')}항까지"
        return f"·제{match.group('alone')}항"
    article, paragraph, item, sub = match.group("a", "p", "i", "s")
    after = ""
    if match.group("j"):
        if paragraph or item:  # "128(1)2 3": another article, not an item of this one
            after = f" 제{match.group('j')}조"
        else:
            item = match.group("j")
    number = article.replace("-", "조의") if "-" in article else f"{article}조"
    return (f"제{number}" + (f"제{paragraph}항" if paragraph else "")
            + (f"제{item}호" if item else "") + (f"{_ITEMS[sub]}목" if sub else "") + after)
