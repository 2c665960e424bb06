"""`python -m bot shell` from a pipe: a report typed in, a case in the database."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

REPORT_KK = [
    "сәлем", "1",  # greeting -> role: child
    "1",  # menu: report a problem
    "1",  # category: insults and bullying
    "1",  # it happened to me
    "Сыныптастарым менің суретімнің астына жаман пікір жазады",
    "1",  # where: Instagram
    "https://instagram.com/p/abc",
    "1",  # evidence: done
    "2",  # danger: no
    "3",  # age 14-17
    "1",  # region: Astana
    "1",  # anonymous
    "1",  # review: send
]


def run_shell(lines: list[str], tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/shell.db"}
    env.pop("REDIS_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "bot", "shell", *args], input="\n".join(lines) + "\n", text=True,
        capture_output=True, cwd=ROOT, env=env, timeout=120, check=False,
    )


def test_a_report_typed_into_the_shell_is_filed_in_the_database(tmp_path: Path) -> None:
    result = run_shell(REPORT_KK, tmp_path, "--lang", "kk", "--user", "aigerim")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "1. " in out  # choices are numbered
    rows = sqlite3.connect(tmp_path / "shell.db").execute(
        "select reference, category, risk, language, reporter from cases").fetchall()
    assert len(rows) == 1
    reference, category, risk, language, reporter = rows[0]
    assert (category, risk, language) == ("bullying", "low", "kk")
    assert reporter != "aigerim" and len(reporter) == 32  # pseudonymous
    assert reference in out


@pytest.mark.parametrize("lang,word,expected", [("ru", "помогите", "112"), ("en", "SOS", "103"),
                                                ("kk", "көмек", "111")])
def test_sos_word_in_the_shell_prints_the_numbers(tmp_path: Path, lang: str, word: str, expected: str) -> None:
    result = run_shell([word], tmp_path, "--lang", lang)
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout and "102" in result.stdout


def test_empty_input_ends_quietly(tmp_path: Path) -> None:
    result = run_shell([], tmp_path)
    assert result.returncode == 0
    assert result.stderr == ""


def test_bad_settings_give_a_clear_message_not_a_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "EMERGENCY_LINES": '[{"number": "112", "service": "pizza"}]',
           "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/x.db"}
    result = subprocess.run([sys.executable, "-m", "bot", "shell"], input="", text=True, capture_output=True,
                            cwd=ROOT, env=env, timeout=60, check=False)
    assert result.returncode == 2
    assert "settings are not valid" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("lang,expected", [("en", "Your message is 5000 characters long, and I can take up to 1500"),
                                           ("ru", "В сообщении 5000 символов, а можно не больше 1500"),
                                           ("kk", "Хабарламаң 5000 таңба, ал мен 1500 таңбаға")])
def test_a_5000_character_line_is_counted_whole(tmp_path: Path, lang: str, expected: str) -> None:
    """Regression (trial): the shell reported the length of the clipped text, not of what was typed."""
    result = run_shell(["hello", "1", "1", "1", "1", "ы" * 5000, "Они пишут гадости в чате"], tmp_path,
                       "--lang", lang)
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout and "4096" not in result.stdout


def test_a_waiting_child_in_the_shell_is_told_honestly(tmp_path: Path) -> None:
    """No operator front in the shell: a person is never promised; what is written is kept."""
    result = run_shell(["I want to kill myself", "hello? is anyone there?"], tmp_path, "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "nobody from the hotline can answer you in this chat" in result.stdout
    assert "A person from the hotline will answer you here" not in result.stdout
    assert "it's kept with your request" in result.stdout
