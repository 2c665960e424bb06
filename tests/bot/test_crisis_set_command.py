"""`python -m bot crisis-set export|measure`: judged cases out as a scrubbed labelled set, and the reader's
figures on a set (issue 11: real, operator-judged messages)."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.cli import main
from flows.crisis_phrases import GROUPS
from flows.crisis_sets import scrub
from storage.base import NewCase
from storage.cases import SqlCaseStore
from storage.migrate import migrate

EARLY, LATE = datetime(2025, 3, 1, 9, tzinfo=UTC), datetime(2025, 3, 10, 9, tzinfo=UTC)
# (language, description, when judged, verdict, level, reasons)
JUDGED = [
    ("ru", "Он пишет мне каждый день, его номер +7 (701) 234-56-78, почта zhenya.k@mail.ru", EARLY,
     "right", None, ()),  # the bot read it calm, rightly
    ("en", "he sends me https://t.me/some_group/12 and says @bad_guy1 will find me; call 87012345678", LATE,
     "missed", "critical", ("threat_now",)),
    ("kk", "Сабақтан кейін ойнадық, бәрі жақсы. instagram.com/aigerim.k", LATE, "false_alarm", None, ()),
    ("en", "   ", LATE, "missed", "high", ("grooming",)),  # nothing to learn from: skipped
]


async def judge_cases(url: str) -> None:
    await migrate(url)
    for language, description, at, verdict, level, reasons in JUDGED:
        store = SqlCaseStore(url, clock=lambda at=at: at)
        try:
            filed = await store.file_case(NewCase("telegram", f"user-{at:%d}-{language}", language, "high",
                                                  ("self_harm",), {"category": "other", "description": description,
                                                                   "reporter": "child"}))
            await store.judge(filed.id, verdict, level, reasons, "w:1")
        finally:
            await store.close()


@pytest.fixture
def database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path}/helpline.db"
    monkeypatch.setenv("DATABASE_URL", url)
    asyncio.run(judge_cases(url))
    return url


def test_scrubbing_replaces_what_could_name_or_reach_someone() -> None:
    assert scrub("call +7 (701) 234-56-78 or 87012345678, write aruzhan.k@mail.kz, see https://t.me/x/12 and "
                 "instagram.com/bad.guy, it is @bad_guy1. On 12.03.2025 at 14:30, age 14.") == (
        "call <phone> or <phone>, write <email>, see <link> and <link>, it is <handle>. On 12.03.2025 at 14:30, "
        "age 14.")


def test_export_writes_judged_cases_as_a_scrubbed_crisis_set(database: str, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "real" / "operators.json"
    assert main(["crisis-set", "export", "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert f"Wrote 3 judged case(s) to {out}" in said and "1 skipped" in said
    rows = json.loads(out.read_text(encoding="utf-8"))
    name = f"operators-{datetime.now(ZoneInfo('Asia/Almaty')):%Y%m%d}"
    assert sorted(rows, key=lambda r: r["lang"]) == [  # oldest verdict first; these two were given together
        {"lang": "en", "set": name, "level": "critical", "reasons": ["threat_now"],
         "text": "he sends me <link> and says <handle> will find me; call <phone>"},
        {"lang": "kk", "set": name, "level": None, "reasons": [],
         "text": "Сабақтан кейін ойнадық, бәрі жақсы. <link>"},
        {"lang": "ru", "set": name, "level": None, "reasons": [],
         "text": "Он пишет мне каждый день, его номер <phone>, почта <email>"},
    ]
    assert rows[0]["lang"] == "ru"
    for r in rows:  # the format of tests/flows/crisis_unseen/*.json
        assert set(r) == {"lang", "set", "level", "reasons", "text"}
        assert (r["level"] is None) == (r["reasons"] == []) and set(r["reasons"]) <= set(GROUPS)


def test_export_since_a_day_and_never_over_a_file(database: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "since.json"
    assert main(["crisis-set", "export", "--out", str(out), "--since", "2025-03-05"]) == 0
    assert sorted(r["lang"] for r in json.loads(out.read_text(encoding="utf-8"))) == ["en", "kk"]
    out.write_text("keep me", encoding="utf-8")
    capsys.readouterr()
    assert main(["crisis-set", "export", "--out", str(out)]) == 1
    assert "exists" in capsys.readouterr().err and out.read_text(encoding="utf-8") == "keep me"
    assert main(["crisis-set", "export", "--out", str(out), "--force"]) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 3
    capsys.readouterr()
    assert main(["crisis-set", "export", "--out", str(out / "under-a-file.json")]) == 1  # not a folder
    assert "Cannot write" in capsys.readouterr().err


def test_measure_prints_the_figures_per_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def r(lang: str, level: str | None, reasons: list[str], text: str) -> dict[str, object]:
        return {"lang": lang, "set": "tiny", "level": level, "reasons": reasons, "text": text}

    rows = [
        r("en", "critical", ["suicide_now"], "I want to kill myself tonight"),  # read, at its level
        r("en", "critical", ["abuse_now"], "my dad beats me every day"),  # read, but as high
        r("en", "high", ["grooming"], "we had a nice day at school"),  # missed
        r("en", None, [], "which apps are safe for a 7 year old?"),
        r("en", None, [], "I will kill you in fortnite lol"),
        r("en", None, [], "he keeps sending me things"),  # a false alarm
        r("ru", "critical", ["suicide_now"], "я хочу умереть сегодня ночью"),
    ]
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    assert main(["crisis-set", "measure", str(path)]) == 0
    table = [line.split() for line in capsys.readouterr().out.splitlines()]
    assert table == [["lang", "danger", "calm", "recall", "false", "alarms", "level", "agreement"],
                     ["en", "3", "3", "0.67", "0.33", "0.50"],
                     ["ru", "1", "0", "1.00", "—", "1.00"]]


@pytest.mark.parametrize(("content", "error"), [
    (None, "No such file"),
    ("not json", "Cannot read"),
    ('{"lang": "en"}', "not a crisis set"),
    ('[{"lang": "en", "set": "x", "level": "high", "reasons": [], "text": "t"}]', "row 1: level is high"),
    ('[{"lang": "en", "set": "x", "level": "high", "reasons": ["danger_now"], "text": "t"}]', "row 1: reasons"),
    ('[{"lang": "en", "set": "x", "level": "high", "reasons": [["self_harm"]], "text": "t"}]', "row 1: reasons"),
])
def test_measure_says_what_is_wrong_with_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                content: str | None, error: str) -> None:
    path = tmp_path / "set.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["crisis-set", "measure", str(path)]) == 2
    captured = capsys.readouterr()
    assert error in captured.err and "Traceback" not in captured.err + captured.out


def test_the_unseen_sets_measure_as_the_tests_read_them(capsys: pytest.CaptureFixture[str]) -> None:
    unseen = Path(__file__).resolve().parents[1] / "flows" / "crisis_unseen" / "unseen_ru.json"
    assert main(["crisis-set", "measure", str(unseen)]) == 0
    [_, ru] = capsys.readouterr().out.splitlines()
    rows = json.loads(unseen.read_text(encoding="utf-8"))  # counted from the file: each round brings new sets
    danger = sum(1 for row in rows if row["level"])
    assert ru.split()[:3] == ["ru", str(danger), str(len(rows) - danger)]
