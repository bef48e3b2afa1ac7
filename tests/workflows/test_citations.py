"""Citations the Korean way (``workflows.citations``): each form of citation the declarations
use, written out by hand, and every citation declared by any procedure left with no English."""

import re

import pytest

from workflows.citations import korean_citation
from workflows.procedures import REGISTRY


@pytest.mark.parametrize(("english", "korean"), [
    ("Art. 132(1)", "제132조제1항"),
    ("Art. 128(1)1(c) via 132(4)", "제128조제1항제1호다목(제132조제4항에 따라 준용)"),
    ("Art. 255-2(1)", "제255조의2제1항"),
    ("Art. 175 7", "제175조제7호"),  # an article without paragraphs, its item
    ("Art. 175 6(a)", "제175조제6호가목"),
    ("Art. 132 90 days", "제132조 90일"),
    ("Art. 129-2(2)", "제129조의2제2항"),
    ("Art. 11(2)-(3)", "제11조제2항·제3항"),
    ("Art. 128(4)-(6)", "제128조제4항부터 제6항까지"),
    ("Art. 118(2), (4), (5); 39(3)", "제118조제2항·제4항·제5항; 제39조제3항"),
    ("Arts. 121 to 128", "제121조부터 제128조까지"),
    ("Art. 127(1) proviso", "제127조제1항 단서"),
    ("Art. 128(1)3 latter part; 118(4)2", "제128조제1항제3호 후단; 제118조제4항제2호"),
    ("Art. 119(5) (peremptory, 119(7))", "제119조제5항 (불변기간, 제119조제7항)"),
    ("Art. 120(1) (Administrative Appeals Act Art. 42); 126(4)",
     "제120조제1항 (「행정심판법」 제42조); 제126조제4항"),
    ("Art. 118(6) → 126(4) (not AAA Art. 42: 118(7) does not apply it)",
     "제118조제6항 → 제126조제4항 (제118조제7항에 따라 「행정심판법」 제42조 적용 제외)"),
    ("Arts. 119(1), 131 → Framework Act on National Taxes [GK: Art. 68(1), 90 days]",
     "제119조제1항, 제131조 → 「국세기본법」 [관세법 외: 제68조제1항, 90일]"),
    ("withdrawal by the objector", "이의신청인의 취하"),
    ("revocation with reasons [Assumption]", "이유를 붙인 취소 [가정]"),
])
def test_a_citation_reads_as_korean_law_cites_it(english, korean):
    assert korean_citation(english) == korean


def _declared_citations() -> set[str]:
    found = set()
    for procedure in REGISTRY.values():
        declared = [*procedure.states, *procedure.transitions,
                    *(f for t in procedure.transitions for f in t.fields),
                    *getattr(procedure, "deadlines", ())]
        for item in declared:
            for name in dir(item):
                if "article" in name and not name.startswith("_"):
                    value = getattr(item, name, None)
                    if isinstance(value, str):
                        found.add(value)
    return found


def test_every_declared_citation_has_no_english_left():
    citations = _declared_citations()
    assert len(citations) > 50
    left = {c: korean_citation(c) for c in citations
            if re.search(r"[A-Za-z]{2,}", korean_citation(c))}
    assert left == {}
