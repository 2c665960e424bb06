"""The small parts of the operators' side: working hours, the roster, settings, background jobs."""

from __future__ import annotations

import asyncio
import contextvars
from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from bot.desk.roster import Operator, Roster, parse_operator
from bot.desk.shifts import WorkingHours
from bot.jobs import Job, SerialJobs
from bot.settings import Settings


def at_almaty(hour: int, minute: int = 0) -> datetime:
    return datetime(2025, 3, 3, (hour - 5) % 24, minute, tzinfo=UTC)  # Asia/Almaty is UTC+5


class TestWorkingHours:
    @pytest.mark.parametrize("hour,minute,open_", [(8, 59, False), (9, 0, True), (20, 59, True), (21, 0, False),
                                                   (3, 0, False)])
    def test_a_day_shift(self, hour: int, minute: int, open_: bool) -> None:
        hours = WorkingHours.parse("09:00-21:00", "Asia/Almaty")
        assert hours.is_open(at_almaty(hour, minute)) is open_
        assert hours.back_at(at_almaty(hour, minute)) == (None if open_ else "09:00")

    def test_over_midnight_and_around_the_clock(self) -> None:
        night = WorkingHours.parse("20:00-08:00", "Asia/Almaty")
        assert night.is_open(at_almaty(23)) and night.is_open(at_almaty(7)) and not night.is_open(at_almaty(12))
        always = WorkingHours.parse("00:00-24:00", "Asia/Almaty")
        assert all(always.is_open(at_almaty(h)) for h in range(24)) and always.label == "00:00-24:00"

    @pytest.mark.parametrize("spec,zone,problem", [("9-21", "Asia/Almaty", "HH:MM-HH:MM"),
                                                   ("09:00-25:00", "Asia/Almaty", "not a time"),
                                                   ("09:00-21:00", "Mars/Olympus", "unknown time zone")])
    def test_a_wrong_setting_says_why(self, spec: str, zone: str, problem: str) -> None:
        with pytest.raises(ValueError, match=problem):
            WorkingHours.parse(spec, zone)


class TestRoster:
    def test_speakers_first_and_everyone_when_nobody_speaks_it(self) -> None:
        roster = Roster([Operator("1", frozenset({"ru"})), Operator("2", frozenset({"kk"})), Operator("3")])
        assert [o.id for o in roster.first_offer("kk")] == ["2"]
        assert [o.id for o in roster.first_offer("en")] == ["1", "2", "3"]
        assert [o.id for o in roster.offer_order("kk")] == ["2", "1", "3"]
        assert [o.id for o in roster.offer_order("kk", without="2")] == ["1", "3"]
        assert roster.get("3") is not None and roster.get("4") is None

    @pytest.mark.parametrize("item,problem", [({"id": "abc"}, "Telegram user id"), ({"id": True}, "Telegram"),
                                              ({"id": 1, "languages": "kk"}, "list"),
                                              ({"id": 1, "languages": ["de"]}, "unknown languages"),
                                              ({"id": 1, "name": " "}, "name")])
    def test_bad_entries_are_refused(self, item: dict[str, object], problem: str) -> None:
        with pytest.raises(ValueError, match=problem):
            parse_operator(item)


class TestSettings:
    def test_both_forms_and_the_environment(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("OPERATORS", '[{"id": 5, "languages": ["kk"], "name": "Айгерім"}]')
        monkeypatch.setenv("OPERATOR_IDS", "7, 8")
        monkeypatch.setenv("OPERATOR_CHAT_ID", "-1001234567890")
        monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123:ABC")
        settings = Settings(_env_file=None)
        assert [o.id for o in settings.roster] == ["5", "7", "8"]
        assert settings.operator_chat_id == -1001234567890
        assert settings.hours.back_at(at_almaty(23)) == "09:00"
        monkeypatch.setenv("OPERATOR_IDS", "[9]")
        assert Settings(_env_file=None).operator_ids == [9]

    def test_a_group_with_nobody_allowed_to_act_or_no_bot_is_refused(self) -> None:
        with pytest.raises(ValidationError, match="nobody may act"):
            Settings(_env_file=None, operator_chat_id=-100123, telegram_bot_token="1:x")
        with pytest.raises(ValidationError, match="TELEGRAM_BOT_TOKEN"):
            Settings(_env_file=None, operator_chat_id=-100123, operator_ids=[1])

    def test_wrong_hours_and_languages_are_refused(self) -> None:
        with pytest.raises(ValidationError, match="working hours"):
            Settings(_env_file=None, working_hours="nine to five")
        with pytest.raises(ValidationError, match="OPERATOR_LANGUAGE"):
            Settings(_env_file=None, operator_language="de")


class TestSerialJobs:
    async def test_in_order_per_key_failures_isolated_in_a_fresh_context(self) -> None:
        jobs = SerialJobs("test")
        seen: list[str] = []
        marker: contextvars.ContextVar[str] = contextvars.ContextVar("marker", default="fresh")
        marker.set("the submitter's")

        def job(name: str, fail: bool = False) -> Job:
            async def run() -> None:
                await asyncio.sleep(0)
                if fail:
                    raise RuntimeError("boom")
                seen.append(f"{name}:{marker.get()}")
            return run

        for name, fail in (("a1", False), ("a2", True), ("a3", False)):
            jobs.submit("a", job(name, fail))
        jobs.submit("b", job("b1"))
        await jobs.wait_idle()
        assert [s for s in seen if s.startswith("a")] == ["a1:fresh", "a3:fresh"]
        assert "b1:fresh" in seen
        await jobs.close()
