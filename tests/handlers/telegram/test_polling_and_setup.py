"""Polling goes through the same path as the webhook; setWebhook and setMyCommands; the CLI."""

from __future__ import annotations

import asyncio
import copy
import re
from collections.abc import Callable
from typing import Any

import pytest

from bot.cli import main
from bot.delivery.intake import MemoryIntake
from bot.delivery.pipeline import Pipeline
from handlers.telegram.polling import run_polling
from handlers.telegram.setup import ALLOWED_UPDATES, SetupError, check_webhook, register_webhook, set_commands
from tests.handlers.telegram.harness import SECRET, TOKEN, Harness
from tests.support.fake_telegram import FakeTelegram, fixture

KAZAKH = re.compile("[әғқңөұүһі]")


def pipeline(tg: Harness) -> Pipeline:
    assert tg.application.pipeline is not None
    return tg.application.pipeline


class Refusing:
    """The pipeline, refusing (503, as when the intake is down) one update the first `times` times."""

    def __init__(self, inner: Pipeline, update_id: int, times: int) -> None:
        self.inner, self.update_id, self.times = inner, update_id, times
        self.offered: list[tuple[int, bool, int]] = []  # (update_id, polled, status)

    async def submit(self, platform: str, parsed: Any, body: bytes, *, polled: bool = False) -> int:
        status = 503
        if parsed["update_id"] != self.update_id or self.times <= 0:
            status = await self.inner.submit(platform, parsed, body, polled=polled)
        else:
            self.times -= 1
        self.offered.append((parsed["update_id"], polled, status))
        return status


def offsets(tg: Harness) -> list[int | None]:
    """The offsets of the getUpdates calls, repeats folded."""
    found: list[int | None] = []
    for call in tg.fake.of("getUpdates"):
        offset = call.get("offset")
        if not found or found[-1] != offset:
            found.append(offset)
    return found


async def until(condition: Callable[[], object], seconds: float = 5.0) -> None:
    """Poll a condition on the fake's record (the polling loop runs as its own task)."""
    async with asyncio.timeout(seconds):
        while not condition():  # noqa: ASYNC110 - the fake records calls; there is no event to wait on
            await asyncio.sleep(0.01)


async def test_polling_serves_updates_through_the_same_path(tg: Harness) -> None:
    stop = asyncio.Event()
    first = tg.message(4001, "/start")
    unreadable = copy.deepcopy(fixture("docs_example_missing_is_bot"))
    unreadable["update_id"] = tg.next_update_id()
    after = tg.message(4002, "SOS")
    for update in (first, unreadable, after):
        tg.fake.push_update(update)
    task = asyncio.create_task(run_polling(tg.channel, pipeline(tg), poll_timeout=1, stop=stop))
    await until(lambda: tg.fake.of("sendMessage", 4001) and tg.fake.of("sendMessage", 4002))
    stop.set()
    await asyncio.wait_for(task, 5)

    methods = tg.fake.methods()
    assert methods[0] == "deleteWebhook"
    assert methods.count("setMyCommands") == 4
    polls = tg.fake.of("getUpdates")
    assert polls[0]["allowed_updates"] == list(ALLOWED_UPDATES)
    assert any(p.get("offset") == after["update_id"] + 1 for p in polls)  # past the unreadable one
    assert any("112" in text for text in tg.texts(4002))


async def test_polling_stops_promptly_while_waiting(tg: Harness) -> None:
    stop = asyncio.Event()
    task = asyncio.create_task(run_polling(tg.channel, pipeline(tg), poll_timeout=30, stop=stop,
                                           register_commands=False))
    await until(lambda: tg.fake.of("getUpdates"))
    stop.set()
    await asyncio.wait_for(task, 1)


async def test_polled_updates_are_stored_as_polled_and_processed_by_the_worker(tg: Harness) -> None:
    store = Refusing(pipeline(tg), update_id=-1, times=0)  # refuses nothing: records what it is offered
    first, second = tg.message(4101, "/start"), tg.message(4102, "/start")
    await tg.poll(first, second)
    assert store.offered == []  # tg.poll stores through the pipeline itself
    stop = asyncio.Event()
    third = tg.message(4103, "/start")
    tg.fake.push_update(third)
    task = asyncio.create_task(run_polling(tg.channel, store, poll_timeout=1, stop=stop, register_commands=False))
    await until(lambda: tg.fake.of("sendMessage", 4103))
    stop.set()
    await asyncio.wait_for(task, 5)
    await tg.wait_idle()
    assert store.offered == [(third["update_id"], True, 200)]
    for user in (4101, 4102, 4103):
        assert tg.texts(user) == tg.texts(4101) != []  # processed by the worker, once each
    assert pipeline(tg).metrics.value("helpline_updates_received_total", platform="telegram") == 3


async def test_the_offset_moves_only_past_stored_updates_and_a_refusal_keeps_it(tg: Harness) -> None:
    first, second, third = (tg.message(4201, text) for text in ("/start", "/help", "SOS"))
    for update in (first, second, third):
        tg.fake.push_update(update)
    store = Refusing(pipeline(tg), update_id=second["update_id"], times=2)
    stop = asyncio.Event()
    task = asyncio.create_task(run_polling(tg.channel, store, poll_timeout=1, stop=stop, register_commands=False,
                                           retry_seconds=0.05))
    await until(lambda: any(c.get("offset") == third["update_id"] + 1 for c in tg.fake.of("getUpdates")))
    stop.set()
    await asyncio.wait_for(task, 5)
    await tg.wait_idle()
    # Confirmed to Telegram (the next getUpdates' offset) only once stored; the refused one is fetched again.
    assert offsets(tg) == [None, first["update_id"] + 1, third["update_id"] + 1]
    assert store.offered == [(first["update_id"], True, 200), (second["update_id"], True, 503),
                             (second["update_id"], True, 503), (second["update_id"], True, 200),
                             (third["update_id"], True, 200)]  # in order: none stored past a refused one
    assert pipeline(tg).metrics.value("helpline_updates_processed_total", platform="telegram") == 3
    assert any("112" in text for text in tg.texts(4201))


async def test_an_intake_that_is_full_keeps_the_offset_until_it_takes_the_update(tg: Harness) -> None:
    intake = pipeline(tg).intake
    assert isinstance(intake, MemoryIntake)
    intake.max_pending = 0  # every update answered 503, as the webhook would
    update = tg.message(4301, "/start")
    tg.fake.push_update(update)
    stop = asyncio.Event()
    task = asyncio.create_task(run_polling(tg.channel, pipeline(tg), poll_timeout=1, stop=stop,
                                           register_commands=False, retry_seconds=0.05))
    await until(lambda: len(tg.fake.of("getUpdates")) >= 3)
    assert offsets(tg) == [None] and tg.fake.of("sendMessage", 4301) == []  # refetched, never confirmed
    intake.max_pending = 10_000
    await until(lambda: any(c.get("offset") == update["update_id"] + 1 for c in tg.fake.of("getUpdates")))
    stop.set()
    await asyncio.wait_for(task, 5)
    await tg.wait_idle()
    assert tg.texts(4301)
    metrics = pipeline(tg).metrics
    assert metrics.value("helpline_updates_received_total", platform="telegram") == 1
    assert metrics.value("helpline_updates_processed_total", platform="telegram") == 1


async def test_the_webhook_is_registered_with_the_secret_and_the_update_types(tg: Harness) -> None:
    await register_webhook(tg.channel.bot, "https://bot.example.org/telegram/webhook", SECRET,
                           drop_pending_updates=True)
    (call,) = tg.fake.of("setWebhook")
    assert call["url"] == "https://bot.example.org/telegram/webhook"
    assert call["secret_token"] == SECRET
    assert call["allowed_updates"] == ["message", "edited_message", "callback_query", "my_chat_member"]
    assert call["drop_pending_updates"] is True


async def test_drop_pending_updates_is_off_by_default(tg: Harness) -> None:
    await register_webhook(tg.channel.bot, "https://bot.example.org/telegram/webhook", SECRET)
    assert tg.fake.of("setWebhook")[0].get("drop_pending_updates") in (None, False)


@pytest.mark.parametrize("url, secret", [
    ("http://bot.example.org/telegram/webhook", SECRET),
    ("https://bot.example.org/telegram/webhook", None),
    ("https://bot.example.org/telegram/webhook", "has space"),
    ("https://bot.example.org/telegram/webhook", "x" * 257),
])
def test_a_webhook_telegram_would_refuse_is_refused_here_first(url: str, secret: str | None) -> None:
    with pytest.raises(SetupError):
        check_webhook(url, secret)


async def test_commands_are_set_in_every_language_from_the_catalogs(tg: Harness) -> None:
    await set_commands(tg.channel.bot, tg.application.translator)
    calls = tg.fake.of("setMyCommands")
    by_lang = {c.get("language_code"): c for c in calls}
    assert set(by_lang) == {"kk", "ru", "en", None}
    for lang, call in by_lang.items():
        assert call["scope"] == {"type": "all_private_chats"}
        assert [c["command"] for c in call["commands"]] == ["start", "sos", "language", "help"]
        assert all(0 < len(c["description"]) <= 256 for c in call["commands"])
        assert all(not c["description"].startswith("tg.") for c in call["commands"]), lang
    assert all(KAZAKH.search(c["description"]) for c in by_lang["kk"]["commands"])


async def test_the_cli_sets_the_webhook(fake: FakeTelegram, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("TELEGRAM_WEBHOOK_SECRET", SECRET)
    monkeypatch.setenv("TELEGRAM_API_BASE", fake.url)
    code = await asyncio.to_thread(main, ["set-webhook", "https://bot.example.org/telegram/webhook"])
    assert code == 0
    assert fake.of("setWebhook")[0]["secret_token"] == SECRET
    assert len(fake.of("setMyCommands")) == 4


async def test_the_cli_refuses_a_webhook_without_a_secret(fake: FakeTelegram, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("TELEGRAM_WEBHOOK_SECRET", "")
    monkeypatch.setenv("TELEGRAM_API_BASE", fake.url)
    code = await asyncio.to_thread(main, ["set-webhook", "https://bot.example.org/telegram/webhook"])
    assert code == 2
    assert fake.calls == []
