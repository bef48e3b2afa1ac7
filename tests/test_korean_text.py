"""The finder of English a Korean reader meets (``tests/korean_text.py``), on pages written for
it: it must see text, attributes, options and titles, and set aside the English beside the
Korean, the page's data and the codes written in Latin letters in Korean too."""

from tests.korean_text import untranslated


def _texts(html: str, data=()) -> list[str]:
    return [problem.text for problem in untranslated(html, data)]


def test_english_text_attributes_options_and_title_are_found():
    html = ('<title>Worklist</title><h1>업무 목록</h1><p>No cases match.</p>'
            '<input placeholder="Reference"><select><option>any state</option></select>'
            '<a title="sign out">로그아웃</a>')
    assert _texts(html) == ["Worklist", "No cases match.", "Reference", "any state", "sign out"]


def test_the_english_beside_the_korean_is_not_a_fault():
    html = '<h1><span lang="ko">사건</span> <span class="en" lang="en">Case <b>page</b></span></h1>'
    assert _texts(html) == []


def test_data_and_known_codes_are_set_aside():
    html = "<p>JOHN SMITH · OBJ-2026-000001 (PDF, 10 MB)</p><p>당사자: JOHN SMITH</p>"
    assert _texts(html, data={"JOHN SMITH"}) == []
    assert _texts(html) == ["JOHN SMITH · OBJ-2026-000001 (PDF, 10 MB)", "당사자: JOHN SMITH"]


def test_scripts_styles_and_hidden_inputs_are_not_read():
    html = ('<script>var x = "Hello";</script><style>.a{color:red}</style>'
            '<input type="hidden" value="Sign in"><p hidden>Loading</p><p>확인</p>')
    assert _texts(html) == []
