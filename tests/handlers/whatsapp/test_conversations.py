"""Whole conversations over real HTTP: signed webhooks in, messages recorded by the fake Graph API."""

from __future__ import annotations

import logging
import time
from typing import Any

import pytest

from bot.service import Reply
from flows.actions import Say
from flows.definitions import REGIONS
from flows.messages import Msg
from handlers.whatsapp.outbox import Outcome
from handlers.whatsapp.parse import Incoming, parse_payload
from tests.handlers.whatsapp.harness import (
    PHONE_NUMBER_ID,
    REFERENCE,
    Harness,
    body_text,
    choices,
    envelope,
    message,
    reply,
    text,
    value,
)

# Kazakhstan numbers (+7 7xx): the engine asks the language. A UK number: asked as well.
USERS = {"kk": "77011234567", "ru": "77021234567", "en": "447700900123"}
DESCRIPTIONS = {
    "kk": "Сыныптастарым Instagram-да мен туралы жаман мемдер жариялайды.",
    "ru": "Одноклассники выкладывают про меня обидные мемы в Instagram.",
    "en": "People in my class post mean memes about me on Instagram. <3 & <b>",
}


def assert_within_limits(sent: list[dict[str, Any]]) -> None:
    for item in sent:
        assert item["messaging_product"] == "whatsapp" and item["recipient_type"] == "individual"
        if item["type"] == "text":
            assert 0 < len(item["text"]["body"]) <= 4096
            assert item["text"]["preview_url"] is False
            continue
        interactive = item["interactive"]
        assert 0 < len(interactive["body"]["text"]) <= 1024
        if interactive["type"] == "button":
            assert 1 <= len(interactive["action"]["buttons"]) <= 3
            assert all(len(t) <= 20 and "…" not in t for _, t in choices(item))
        else:
            assert len(choices(item)) <= 10
            assert len(interactive["action"]["button"]) <= 20
            assert all(len(t) <= 24 for _, t in choices(item))
        assert all(len(i) <= 200 for i, _ in choices(item))
        assert "</b>" not in interactive["body"]["text"]  # the users text may hold "<b>", templates none


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
async def test_a_full_report_in_each_language(wa: Harness, lang: str) -> None:
    user = USERS[lang]
    # With no hint from the number, the words of the first message choose the language (issue 11).
    first = await wa.say(user, {"kk": "Сәлем", "ru": "Привет", "en": "Hello"}[lang])
    assert [i.partition("|")[2] for i, _ in choices(first[-1])][:3] == ["child", "parent", "teacher"]
    await wa.tap(user, "child")
    await wa.tap(user, "report")
    await wa.tap(user, "bullying")
    await wa.tap(user, "me")
    await wa.say(user, DESCRIPTIONS[lang])
    await wa.tap(user, "instagram")
    await wa.say(user, "https://instagram.com/p/xyz")
    evidence = await wa.deliver(message(user, "image", {"mime_type": "image/jpeg", "sha256": "x", "id": "MEDIA-1"}))
    assert evidence, "the evidence screen is shown again with the count"
    await wa.tap(user, "done")
    await wa.tap(user, "no")
    await wa.tap(user, "10_13")
    await wa.tap(user, "ulytau")  # on the third page of the regions
    await wa.tap(user, "anonymous")
    review = wa.last_interactive(user)
    assert DESCRIPTIONS[lang] in "\n".join(body_text(m) for m in wa.graph.sent_to(user)[-2:])
    assert review["interactive"]["type"] == "list"
    done = await wa.tap(user, "send")

    assert_within_limits(wa.graph.sent_to(user))
    found = REFERENCE.findall("\n".join(body_text(m) for m in done))
    assert found, [body_text(m) for m in done]
    case = await wa.app.state.application.cases.get_case(found[-1])
    assert case is not None
    assert (case.platform, case.language, case.category) == ("whatsapp", lang, "bullying")
    assert done[-1]["interactive"]["type"] == "list"  # the place's guide, tips, menu, SOS: 4 choices, a list
    assert set(wa.graph.read_receipts) == set(wa.inbound)
    assert wa.channel.stats["errors"] == 0
    # The raw phone number is never a storage key.
    assert wa.channel.outbox.user(user) != user


async def test_sos_from_a_typed_word(wa: Harness) -> None:
    for user, word in (("77051234567", "көмек"), ("79161234567", "помогите"), ("447700900999", "help me")):
        sent = await wa.say(user, word)
        shown = "\n".join(body_text(m) for m in sent)
        for number in ("112", "102", "103", "111"):
            assert number in shown, (word, shown)


async def test_a_first_message_without_words_gets_the_picker_in_three_languages(wa: Harness) -> None:
    """Issue 11: the picker's list button and its way out were Russian only."""
    first = await wa.say("77019999999", "👋")
    picker = first[-1]["interactive"]
    assert picker["action"]["button"] == "Тіл/Язык/Language"
    assert [t for _, t in choices(first[-1])] == ["Қазақша", "Русский", "English", "Мәзір / Меню / Menu",
                                                  "🆘 Көмек / Помощь / Help"]


async def test_a_retried_duplicate_is_answered_once(wa: Harness) -> None:
    item = text("77011111111", "Hello")
    first = await wa.deliver(item)
    again = await wa.deliver(item)
    assert first and again == []
    metrics = wa.app.state.application.pipeline.metrics
    assert metrics.value("helpline_updates_duplicate_total", platform="whatsapp", stage="webhook") == 1


async def test_a_throughput_error_is_retried_and_delivered(wa: Harness) -> None:
    wa.graph.fail_next(130429, times=2)
    sent = await wa.say("77012222222", "Hello")
    assert sent
    refused = [c for c in wa.graph.calls if c.answered == 400]
    assert len(refused) == 2
    assert wa.channel.outbox.counts["retries"] == 2
    assert wa.channel.outbox.counts["send_error:130429"] == 2


async def test_the_pair_rate_limit_is_retried(wa: Harness) -> None:
    wa.graph.fail_next(131056)
    assert await wa.say("77013333333", "Hello")
    assert wa.channel.outbox.counts["send_error:131056"] == 1


async def test_a_failed_status_callback_is_recorded_and_visible(wa: Harness,
                                                                caplog: pytest.LogCaptureFixture) -> None:
    status = {"id": "wamid.OUT1", "status": "failed", "timestamp": str(int(time.time())),
              "recipient_id": "77014444444",
              "errors": [{"code": 131026, "title": "Message Undeliverable", "message": "Message Undeliverable",
                          "error_data": {"details": "Message Undeliverable."}}]}
    delivered = {"id": "wamid.OUT2", "status": "delivered", "timestamp": "1", "recipient_id": "77014444444"}
    with caplog.at_level(logging.WARNING):
        response = await wa.post(envelope(value(statuses=[delivered, status])))
        await wa.drain()
    assert response.status_code == 200
    failure = wa.channel.deliveries.failures[-1]
    assert (failure.message_id, failure.code) == ("wamid.OUT1", 131026)
    assert failure.user == wa.channel.outbox.user("77014444444")  # pseudonymous
    assert wa.channel.deliveries.statuses == {"delivered": 1, "failed": 1}
    assert wa.channel.deliveries.error_codes["131026"] == 1
    assert any(r.levelno == logging.WARNING and getattr(r, "code", None) == 131026 for r in caplog.records)
    metrics = wa.channel.metrics()
    assert metrics["whatsapp_status_failed"] == 1 and metrics["whatsapp_error_code_131026"] == 1


async def test_a_late_operator_message_is_held_for_a_template(wa: Harness) -> None:
    user = "77015555555"
    await wa.say(user, "Hello")
    before = len(wa.graph.messages)
    assert (await wa.channel.send_text(user, "An operator's answer")).outcome is Outcome.SENT
    wa.channel.window.clock = lambda: time.time() + 25 * 3600
    outcome = await wa.channel.send_text(user, "An answer a day later")
    assert outcome.needs_template and outcome.held == 1
    assert len(wa.graph.messages) == before + 1
    held = wa.channel.outbox.held[-1]
    assert (held.wa_id, held.reason) == (user, "window_closed")
    assert held.contents[0]["text"]["body"] == "An answer a day later"


async def test_a_message_redelivered_after_a_day_is_answered_with_a_hold(wa: Harness) -> None:
    sent = await wa.deliver(text("77016666666", "Hello", at=time.time() - 25 * 3600))
    assert sent == []
    assert wa.channel.stats["outcome:needs_template"] == 1
    assert wa.channel.outbox.held[-1].reason == "window_closed"


async def test_reengagement_error_from_the_api_holds_the_rest(wa: Harness) -> None:
    wa.graph.fail_next(131047)
    assert await wa.say("77017777777", "Hello") == []
    held = wa.channel.outbox.held[-1]
    assert held.reason == "reengagement_131047" and held.contents
    assert wa.channel.stats["outcome:needs_template"] == 1


async def test_an_undeliverable_user_is_recorded_not_retried(wa: Harness) -> None:
    user = "77018888888"
    wa.graph.fail_next(131026)
    assert await wa.say(user, "Hello") == []
    assert len([c for c in wa.graph.calls if c.answered == 400]) == 1  # not retried
    assert await wa.channel.service.is_unreachable("whatsapp", user)
    assert await wa.say(user, "Hello again")  # writing again makes them reachable
    assert not await wa.channel.service.is_unreachable("whatsapp", user)


async def test_a_stale_or_unknown_button_is_answered_politely(wa: Harness) -> None:
    user = "447700900555"
    await wa.say(user, "Hello")
    old_id = next(i for i, _ in choices(wa.last_interactive(user)) if i.endswith("|child"))
    await wa.tap(user, "child")
    stale = await wa.deliver(reply(user, old_id, "Child", list_reply=True))
    assert "out of date" in body_text(stale[0])
    unknown = await wa.deliver(reply(user, "callback_data", "title", list_reply=False))
    assert "out of date" in body_text(unknown[0])
    assert wa.channel.stats["errors"] == 0


async def test_more_pages_the_regions_without_the_engine(wa: Harness) -> None:
    user = "447700900666"
    for step in ("Hello", "child", "report", "bullying", "me"):
        await (wa.say(user, step) if step == "Hello" else wa.tap(user, step))
    await wa.say(user, "Someone insults me in a group chat")
    for value_ in ("instagram",):
        await wa.tap(user, value_)
    await wa.tap(user, "skip")
    await wa.tap(user, "skip")
    await wa.tap(user, "no")
    await wa.tap(user, "14_17")
    pages = [wa.last_interactive(user)]
    while any(i.startswith("~more:") for i, _ in choices(pages[-1])):
        more = next((i, t) for i, t in choices(pages[-1]) if i.startswith("~more:"))
        sent = await wa.deliver(reply(user, more[0], more[1], list_reply=True))
        assert len(sent) == 1
        pages.append(sent[0])
    assert len(pages) == 3
    shown = [i.partition("|")[2] for page in pages for i, _ in choices(page) if not i.startswith("~more:")]
    assert [v for v in shown if v in REGIONS] == list(REGIONS)
    assert all(any(i.endswith("|sos") for i, _ in choices(page)) for page in pages)  # SOS on every page
    assert all(len(choices(page)) <= 10 for page in pages)
    assert wa.channel.stats["more_pages"] == 2
    # "More" of a list that is gone (a restart with the memory store): the engine answers it.
    await wa.tap(user, "west_kz")
    await wa.channel.service.states.delete(wa.channel.pages_key(user))
    gone = await wa.deliver(reply(user, "~more:r_region:1", "More…", list_reply=True))
    assert "out of date" in body_text(gone[0])


async def test_an_image_in_the_csam_report_is_not_kept(wa: Harness) -> None:
    user = "447700900777"
    for step in ("Hello", "child", "report", "csam"):
        await (wa.say(user, step) if step == "Hello" else wa.tap(user, step))
    await wa.tap(user, "someone")
    await wa.say(user, "Someone sends such pictures in a chat")
    await wa.tap(user, "telegram")
    sent = await wa.deliver(message(user, "image", {"mime_type": "image/jpeg", "sha256": "x", "id": "MEDIA-X"}))
    assert "not kept" in body_text(sent[0])
    assert wa.channel.stats["media_not_kept"] == 1
    state = await wa.channel.service.states.load(wa.channel.service.key_for("whatsapp", user))
    assert state is not None and "MEDIA-X" not in str(state)


async def test_several_messages_and_users_in_one_payload(wa: Harness) -> None:
    one, two = "447700900801", "447700900802"
    payload = {"object": "whatsapp_business_account", "entry": [
        {"id": "A", "changes": [{"field": "messages", "value": value([text(one, "Hello"), text(two, "Hi")])}]},
        {"id": "B", "changes": [{"field": "messages", "value": value([text(one, "menu")])},
                                {"field": "messages", "value": value([text(two, "sos")])}]},
    ]}
    assert (await wa.post(payload)).status_code == 200
    await wa.drain()
    assert wa.channel.stats["received"] == 4
    assert wa.graph.sent_to(one) and wa.graph.sent_to(two)
    assert "112" in "\n".join(body_text(m) for m in wa.graph.sent_to(two))


async def test_another_phone_number_of_the_account_is_left_alone(wa: Harness) -> None:
    response = await wa.post(envelope(value([text("447700900900", "Hello")], phone_number_id="999")))
    assert response.status_code == 200
    await wa.drain()
    assert wa.graph.calls == [] and wa.channel.stats["foreign"] == 1


async def test_shutdown_waits_for_work_in_flight(make_harness: Any) -> None:
    async with make_harness() as harness:
        response = await harness.post(envelope(value([text("447700900901", "Hello")])))
        assert response.status_code == 200
        graph = harness.graph
    assert graph.sent_to("447700900901"), "close() let the accepted message finish"


async def test_user_text_is_not_html_escaped_and_bold_is_whatsapp_bold(wa: Harness) -> None:
    user = "447700900902"
    for step in ("Hello", "child", "report", "bullying", "me"):
        await (wa.say(user, step) if step == "Hello" else wa.tap(user, step))
    await wa.say(user, DESCRIPTIONS["en"])
    for step in ("instagram", "skip", "skip", "no", "10_13", "skip", "anonymous"):
        await wa.tap(user, step)
    review = "\n".join(body_text(m) for m in wa.graph.sent_to(user)[-2:])
    assert "<3 & <b>" in review and "&lt;" not in review
    assert PHONE_NUMBER_ID


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "Your message is 5000 characters long, and I can take up to 1500"),
    ("ru", "В сообщении 5000 символов, а можно не больше 1500"),
    ("kk", "Хабарламаң 5000 таңба, ал мен 1500 таңбаға"),
])
async def test_a_long_message_is_explained_with_the_real_numbers(wa: Harness, lang: str, expected: str) -> None:
    """WhatsApp delivers a long message whole: the engine counts all of it, as in every other channel."""
    user = USERS[lang]
    await wa.say(user, {"kk": "Сәлем", "ru": "Привет", "en": "Hello"}[lang])
    for choice in ("child", "report", "bullying", "me"):  # the greeting's words chose the language
        await wa.tap(user, choice)
    sent = await wa.say(user, "ж" * 5000)
    assert expected in "\n".join(body_text(m) for m in sent)
    assert_within_limits(wa.graph.sent_to(user))


async def test_a_draft_survives_menu_report_back(wa: Harness) -> None:
    """Regression (trial): typing "menu", then Report, then Back deleted the draft and its resume button."""
    user = "77031234567"
    await wa.say(user, "Привет")
    for choice in ("child", "report", "blackmail", "intimate", "me"):  # "Привет" chose Russian
        await wa.tap(user, choice)
    await wa.say(user, "Он требует ещё фото, иначе выложит старые")
    await wa.say(user, "меню")
    await wa.tap(user, "report")
    asked = body_text(wa.last_interactive(user))
    assert "незаконченное обращение" in asked
    await wa.tap(user, "menu")
    await wa.tap(user, "resume")
    assert "Где это случилось" in body_text(wa.last_interactive(user))


async def test_a_saved_reply_sent_again_opens_the_window_it_answers(wa: Harness) -> None:
    # The window's record is written beside the conversation (issue 12, "Late when the platform is
    # slow"): a worker may stop after saving the reply and before writing it. Sending the saved reply
    # again writes it first, so the answer is sent, not held for a template as if the user never wrote.
    user = "77019999999"
    (incoming,) = parse_payload(envelope(value([text(user, "Hello")])))
    assert isinstance(incoming, Incoming)
    outcome = await wa.channel.redeliver(incoming, Reply("en", (Say(Msg("greeting")),)))
    assert outcome.outcome is Outcome.SENT
    assert [body_text(m) for m in wa.graph.sent_to(user)]
    assert await wa.channel.window.is_open(wa.channel.outbox.user(user))
