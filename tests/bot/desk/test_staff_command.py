"""`python -m bot staff ...`: the first administrator from the command line, and the other actions."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.cli import main


def run(monkeypatch: pytest.MonkeyPatch, *argv: str, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["staff", *argv])


def test_add_list_disable_reset(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path}/staff.db")
    assert run(monkeypatch, "add", "admin", "--role", "administrator", stdin="a long enough password\n") == 0
    assert run(monkeypatch, "add", "admin", stdin="a long enough password\n") == 1  # taken
    assert run(monkeypatch, "add", "short", stdin="too short\n") == 2
    assert run(monkeypatch, "add", "dana", "--languages", "kk,ru", "--ui", "kk",
               stdin="another long password\n") == 0
    assert run(monkeypatch, "disable", "dana") == 0
    assert run(monkeypatch, "reset-2fa", "admin") == 0
    assert run(monkeypatch, "reset-password", "nobody", stdin="a long enough password\n") == 1
    capsys.readouterr()
    assert run(monkeypatch, "list") == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line.split()[:3] for line in listed] == [["admin", "administrator", "active"],
                                                     ["dana", "operator", "disabled"]]
    assert "password" not in " ".join(listed)
