"""``python -m workflows.calendar START PERIOD``."""

import subprocess
import sys

import pytest

from workflows.calendar.__main__ import main


def test_prints_the_due_date_alone_on_the_first_line_then_the_explanation(capsys):
    assert main(["2026-01-19", "30d", "--label", "receipt"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "2026-02-19"
    assert lines[1].strip() == "receipt 2026-01-19"
    assert any("Art. 8(3)2" in line for line in lines[1:])


def test_hour_based_period_takes_a_start_with_time(capsys):
    assert main(["2026-03-06T16:00", "1pd"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "2026-03-09"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["2026-01-19", "30x"], "unknown unit 'x'"),
        (["2026-02-30", "30d"], "cannot read start '2026-02-30'"),
        (["2026-01-19", "-3d"], "cannot be negative"),
        (["2026-01-19", "0d"], "at least 1"),
        (["2026-01-19", "thirty"], "cannot read period"),
        (["2026-01-19", "3pd"], "time of receipt"),
        (["2026-01-19"], "required"),
    ],
)
def test_bad_input_gives_a_one_line_error_and_exit_code_2(capsys, args, message):
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert message in captured.err


def test_runs_as_a_module():
    result = subprocess.run([sys.executable, "-m", "workflows.calendar", "2025-09-05", "30d"],
                            capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[0] == "2025-10-10"
