"""No text a person types holds a control character; numbers typed full-width are read as
ASCII (issue 13, item 8)."""

import pytest

from workflows.text import ascii_form, compact_digits, text_problem, whole_number


@pytest.mark.parametrize("value", ["a\x00b", "\x00", "bell\x07", "esc\x1b[31m", "del\x7f",
                                   "c1\x85", "\x9b"])
def test_a_control_character_is_refused_in_any_field(value):
    assert "control character" in text_problem(value, multiline=True)
    assert "control character" in text_problem(value, multiline=False)


def test_the_message_says_which_character_and_where():
    problem = text_problem("ab\x00", multiline=True)
    assert "U+0000" in problem and "character 3" in problem
    assert problem.startswith("제어 문자")


@pytest.mark.parametrize("value", ["line one\nline two", "crlf\r\nend", "tab\there"])
def test_a_field_of_several_lines_keeps_tabs_and_line_breaks(value):
    assert text_problem(value, multiline=True) is None
    assert "tab or line break" in text_problem(value, multiline=False)


@pytest.mark.parametrize(("value", "what"), [("lone \ud800 surrogate", "lone surrogate"),
                                             ("\ufffe", "noncharacter"),
                                             ("\ufdd0", "noncharacter"),
                                             ("\U0010ffff", "noncharacter")])
def test_lone_surrogates_and_noncharacters_are_refused(value, what):
    assert what in text_problem(value, multiline=True)


@pytest.mark.parametrize("value", ["", "홍길동", "JOHN SMITH", "Art. 8(3)4 — 대통령령",
                                   "emoji 🙂", "ＦＵＬＬ　ＷＩＤＴＨ", "\ufffd"])
def test_ordinary_text_of_any_script_passes(value):
    assert text_problem(value, multiline=False) is None


def test_full_width_digits_and_hyphens_become_ascii():
    assert ascii_form("Ｐ１２３") == "P123"
    assert compact_digits("１２３－４５－６７８９０") == "1234567890"
    assert compact_digits("900101\u20105123456") == "9001015123456"


@pytest.mark.parametrize(("typed", "amount"), [("30000000", 30_000_000),
                                               ("30,000,000", 30_000_000),
                                               ("３０，０００，０００", 30_000_000),
                                               ("３００００", 30_000),
                                               (" 184,000 ", 184_000),
                                               ("-5", -5), ("０", 0)])
def test_an_amount_is_read_as_ascii_digits_with_separators(typed, amount):
    assert whole_number(typed) == amount
    assert str(whole_number(typed)).isascii()


@pytest.mark.parametrize("typed", ["٣٠٠٠", "३०००", "30.5", "3e6", "", "30,000원", "1" * 19,
                                   "--5"])
def test_digits_of_other_scripts_and_other_shapes_are_refused(typed):
    assert int("٣٠٠٠") == 3000  # what int() alone would have stored
    with pytest.raises(ValueError, match="is not a whole number"):
        whole_number(typed)
