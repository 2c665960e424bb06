"""Polling goes through the same path as the webhook; setWebhook and setMyCommands; the CLI."""

from __future__ import annotations

import asyncio
import copy
import re
from collections.abc import Callable

import pytest

from bot.cli import main
from handlers.telegram.polling import run_polling
from handlers.telegram.setup import ALLOWED_UPDATES, SetupError, check_webhook, register_webhook, set_commands
from tests.handlers.telegram.harness import SECRET, TOKEN, Harness
from tests.support.fake_telegram import FakeTelegram, fixture

KAZAKH = re.compile("[әғқңөұүһі]")


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
    task = asyncio.create_task(run_polling(tg.channel, poll_timeout=1, stop=stop))
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
    task = asyncio.create_task(run_polling(tg.channel, poll_timeout=30, stop=stop, register_commands=False))
    await until(lambda: tg.fake.of("getUpdates"))
    stop.set()
    await asyncio.wait_for(task, 1)


async def test_the_webhook_is_registered_with_the_secret_and_the_update_types(tg: Harness) -> None:
    await register_webhook(tg.channel.bot, "https://bot.example.org/telegram/webhook", SECRET,
                           drop_pending_updates=True)
    (call,) = tg.fake.of("setWebhook")
    assert call["url"] == "https://bot.example.org/telegram/webhook"
    assert call["secret_token"] == SECRET
    assert call["allowed_updates"] == ["message", "edited_message", "callback_query", "my_chat_member"]
    assert call["drop_pending_updates"] == "true"


async def test_drop_pending_updates_is_off_by_default(tg: Harness) -> None:
    await register_webhook(tg.channel.bot, "https://bot.example.org/telegram/webhook", SECRET)
    assert tg.fake.of("setWebhook")[0].get("drop_pending_updates") in (None, "false")


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
