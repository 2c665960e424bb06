"""The Telegram group front-end against the fake Bot API: topics, cards, files by id, buttons, parsing."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.app import load_translator
from bot.desk.cards import build_card
from bot.desk.front import Actor, Choice
from bot.desk.roster import Operator, Roster
from bot.desk.shifts import WorkingHours
from flows.actions import RelayToOperator
from handlers.operators.group_parse import (
    GroupIgnored,
    GroupMessage,
    GroupPress,
    chat_of,
    decode_choice,
    encode_choice,
    parse_group_update,
)
from handlers.operators.telegram_group import TelegramGroupFront
from handlers.telegram.api import create_bot
from storage.base import CaseRecord
from storage.operators import EscalationInfo
from tests.handlers.operators.conftest import no_pacing
from tests.handlers.operators.harness import GROUP, TOKEN
from tests.support.fake_forum import FakeForum, links_allowed
from tests.support.fake_telegram import api_response, fixture

AT = datetime(2025, 3, 3, 5, 0, tzinfo=UTC)
ESCALATION = EscalationInfo(
    id="9f1c2e7a5b3d4c6e8f0a1b2c3d4e5f60", platform="telegram", user="pseudonym", language="kk", level="critical",
    reason="danger_now", case_id="c" * 32, status="open", created_at=AT, taken_at=None, closed_at=None,
    operator_id=None, topic_id=None, address="424242", outcome=None, helpful=None, last_user_message_at=None,
    last_operator_message_at=None, alerted_at=None, realert_count=0)
CASE = CaseRecord(
    id="c" * 32, reference="KZ-7K4M-Q2XD", created_at=AT, platform="telegram", language="kk", reporter_role="child",
    category="blackmail", subcategory="violence", risk="critical",
    risk_reasons=("danger_now", "category:blackmail/violence"), status="received", anonymous=False,
    fields={"description": "He wrote <b>I will find you</b> & laughed", "links": ["https://vk.com/id1?a=1&b=<2>"],
            "evidence": [{"kind": "photo", "ref": "AgACAgIAAxkBAAIB"}, {"kind": "voice", "ref": "AwACAgIAAxkBAAIC"}],
            "victim": "me", "age_group": "14_17", "place": "vk", "region": "almaty_city", "reporter": "pseudonym"})
ROSTER = Roster([Operator("1001", frozenset({"kk", "ru"}), "Айгерім"), Operator("1002", frozenset({"ru"}))])
HOURS = WorkingHours.parse("09:00-21:00", "Asia/Almaty")


@pytest.fixture
async def forum() -> AsyncIterator[FakeForum]:
    server = FakeForum(token=TOKEN)
    with links_allowed():
        async with server:
            yield server


@pytest.fixture
async def front(forum: FakeForum) -> AsyncIterator[TelegramGroupFront]:
    bot = create_bot(TOKEN, forum.url)
    made = TelegramGroupFront(bot, GROUP, load_translator(), "ru", sender=no_pacing())
    try:
        yield made
    finally:
        await bot.session.close()


def texts(forum: FakeForum, thread: int | None) -> list[str]:
    return [str(p.get("text") or p.get("caption") or "") for p in forum.in_topic(GROUP, thread)]


class TestCards:
    async def test_a_topic_per_case_named_with_reference_priority_and_language(self, forum: FakeForum,
                                                                             front: TelegramGroupFront) -> None:
        topic = await front.open_case(build_card(ESCALATION, CASE, ROSTER, HOURS))
        assert topic is not None
        (created,) = forum.of("createForumTopic")
        assert created["name"] == "🔴 KZ-7K4M-Q2XD · критический · kk"
        assert created["icon_color"] == 0xFB6F5F
        card = forum.in_topic(GROUP, int(topic))[0]
        text = card["text"]
        assert "<b>Категория:</b>" in text and "<b>Возраст:</b>" in text and "<b>Анонимность:</b>" in text
        assert "He wrote &lt;b&gt;I will find you&lt;/b&gt; &amp; laughed" in text  # escaped, as typed
        assert "https://vk.com/id1?a=1&amp;b=&lt;2&gt;" in text
        assert "424242" not in str(forum.calls) and "pseudonym" not in str(forum.calls)
        assert 'href="tg://user?id=1001"' in text and "tg://user?id=1002" not in text  # kk speakers first
        assert card["link_preview_options"]["is_disabled"] is True  # reported links never unfold

    async def test_buttons_carry_the_random_id_within_64_bytes(self, forum: FakeForum,
                                                               front: TelegramGroupFront) -> None:
        await front.open_case(build_card(ESCALATION, CASE, ROSTER, HOURS))
        rows = forum.of("sendMessage")[0]["reply_markup"]["inline_keyboard"]
        data = [b["callback_data"] for row in rows for b in row]
        assert [b["text"] for row in rows for b in row] == ["✋ Взять", "✅ Закрыть", "↩️ Вернуть боту", "📌 Статус"]
        assert all(ESCALATION.id in d and len(d.encode()) <= 64 for d in data)
        longest = encode_choice(Choice("outcome", ESCALATION.id, "referred_platform"))
        assert len(longest.encode()) <= 64 and decode_choice(longest) == Choice("outcome", ESCALATION.id,
                                                                               "referred_platform")

    async def test_telegram_evidence_is_re_sent_by_file_id(self, forum: FakeForum, front: TelegramGroupFront) -> None:
        topic = await front.open_case(build_card(ESCALATION, CASE, ROSTER, HOURS))
        assert forum.of("sendPhoto")[0]["photo"] == "AgACAgIAAxkBAAIB"
        assert forum.of("sendVoice")[0]["voice"] == "AwACAgIAAxkBAAIC"
        assert all(int(p["message_thread_id"]) == int(topic or 0) for p in forum.of("sendPhoto"))

    @pytest.mark.parametrize("category,subcategory,reasons", [
        ("csam", None, ()), ("blackmail", "intimate", ()), ("grooming", None, ()),
        ("bullying", None, ("sextortion",)),  # what the child said, whatever the report's category
        ("other", None, ("grooming_meeting",)),
    ])
    async def test_nothing_from_a_links_only_report_is_ever_sent(self, forum: FakeForum, front: TelegramGroupFront,
                                                                 category: str, subcategory: str | None,
                                                                 reasons: tuple[str, ...]) -> None:
        case = dataclasses.replace(CASE, category=category, subcategory=subcategory,
                                   risk_reasons=(*reasons, f"category:{category}"))
        await front.open_case(build_card(ESCALATION, case, ROSTER, HOURS))
        assert forum.of("sendPhoto") == forum.of("sendVoice") == []
        assert "только ссылки" in forum.of("sendMessage")[0]["text"]

    async def test_whatsapp_evidence_is_named_not_sent(self, forum: FakeForum, front: TelegramGroupFront) -> None:
        case = dataclasses.replace(CASE, platform="whatsapp")
        await front.open_case(build_card(dataclasses.replace(ESCALATION, platform="whatsapp"), case, ROSTER, HOURS))
        assert forum.of("sendPhoto") == []
        assert "файлов: 2, отправлены в WhatsApp" in forum.of("sendMessage")[0]["text"]

    async def test_a_crisis_without_a_report(self, forum: FakeForum, front: TelegramGroupFront) -> None:
        escalation = dataclasses.replace(ESCALATION, case_id=None, reason="suicide_now", language="ru")
        await front.open_case(build_card(escalation, None, ROSTER, HOURS))
        assert forum.of("createForumTopic")[0]["name"] == f"🔴 #{ESCALATION.id[:6]} · критический · ru"
        text = forum.of("sendMessage")[0]["text"]
        assert "Жалоба ещё не подана" in text and "риск самоубийства прямо сейчас" in text
        rows = forum.of("sendMessage")[0]["reply_markup"]["inline_keyboard"]
        assert "📌 Статус" not in [b["text"] for row in rows for b in row]

    async def test_without_rights_to_make_topics_the_card_goes_to_general(self, forum: FakeForum,
                                                                         front: TelegramGroupFront) -> None:
        forum.fail("createForumTopic", {"ok": False, "error_code": 400,
                                        "description": "Bad Request: not enough rights to create a topic"})
        assert await front.open_case(build_card(ESCALATION, CASE, ROSTER, HOURS)) is None
        assert "Категория" in texts(forum, None)[0]

    async def test_a_slow_down_from_telegram_is_waited_out(self, forum: FakeForum, front: TelegramGroupFront) -> None:
        forum.fail("sendMessage", api_response("429_too_many_requests"))
        await front.post("77", build_card(ESCALATION, CASE, ROSTER, HOURS).body)
        assert len(forum.of("sendMessage")) == 1  # sent on the second try

    async def test_retitle_only_when_the_name_changes(self, forum: FakeForum, front: TelegramGroupFront) -> None:
        card = build_card(ESCALATION, CASE, ROSTER, HOURS)
        topic = await front.open_case(card)
        assert topic is not None
        await front.retitle(topic, card.title)
        assert forum.of("editForumTopic") == []
        raised = build_card(dataclasses.replace(ESCALATION, level="high"), CASE, ROSTER, HOURS)
        await front.retitle(topic, raised.title)
        assert forum.topics[int(topic)] == "🟠 KZ-7K4M-Q2XD · высокий · kk"


class TestRelay:
    async def test_a_telegram_photo_by_id_with_its_caption(self, forum: FakeForum, front: TelegramGroupFront) -> None:
        await front.relay("77", ESCALATION, RelayToOperator("look <here>", "photo", "AgAC-file"))
        (photo,) = forum.of("sendPhoto")
        assert (photo["photo"], photo["caption"]) == ("AgAC-file", "👤 <b>Пользователь:</b> look &lt;here&gt;")

    async def test_a_whatsapp_file_is_named_not_sent(self, forum: FakeForum, front: TelegramGroupFront) -> None:
        await front.relay("77", dataclasses.replace(ESCALATION, platform="whatsapp"),
                          RelayToOperator(None, "voice", "wa-media-id"))
        assert forum.of("sendVoice") == []
        assert "пришёл файл (voice) в WhatsApp" in forum.of("sendMessage")[0]["text"]

    async def test_direction_overrides_and_invisible_characters_are_shown_to_operators(
            self, forum: FakeForum, front: TelegramGroupFront) -> None:
        await front.relay("77", ESCALATION, RelayToOperator("скачай https://files.kz/photo\u202egpj.exe "
                                                            "и звони 8701\u200b1234567"))
        relayed = forum.of("sendMessage")[-1]["text"]
        assert "photo[U+202E]gpj.exe" in relayed and "8701[U+200B]1234567" in relayed
        assert "\u202e" not in relayed and "\u200b" not in relayed

    async def test_the_case_card_shows_them_too(self, forum: FakeForum, front: TelegramGroupFront) -> None:
        case = dataclasses.replace(CASE, fields={**CASE.fields, "description": "он \u2067зиккәш\u2069 & <b>",
                                                 "links": ["https://vk.com/id1\u202e3pm.exe"]})
        await front.open_case(build_card(ESCALATION, case, ROSTER, HOURS))
        card = forum.of("sendMessage")[0]["text"]
        assert "он [U+2067]зиккәш[U+2069] &amp; &lt;b&gt;" in card and "id1[U+202E]3pm.exe" in card
        assert not any(ch in card for ch in "\u2067\u2069\u202e")


def group_update(name: str, **message: Any) -> dict[str, Any]:
    update = copy.deepcopy(fixture(name))
    update["message"]["chat"]["id"] = GROUP
    update["message"].update(message)
    return update


class TestParsing:
    def test_messages_in_topics_and_in_general(self) -> None:
        in_topic = parse_group_update(group_update("forum_topic_message_reply"))
        assert isinstance(in_topic, GroupMessage) and (in_topic.topic_id, in_topic.text) == ("33", "lòklò")
        assert in_topic.actor == Actor("123456", "Mario")
        general = parse_group_update(group_update("forum_general_topic_message"))
        assert isinstance(general, GroupMessage) and general.topic_id is None

    def test_service_messages_are_ignored_and_files_have_no_text(self) -> None:
        assert isinstance(parse_group_update(fixture("forum_topic_created")), GroupIgnored)
        photo = group_update("forum_topic_message_reply", photo=[{"file_id": "x", "file_unique_id": "y",
                                                                  "width": 1, "height": 1}])
        del photo["message"]["text"]
        parsed = parse_group_update(photo)
        assert isinstance(parsed, GroupMessage) and parsed.text is None

    def test_presses_and_forged_data(self) -> None:
        update = copy.deepcopy(fixture("callback_query"))
        update["callback_query"]["message"]["chat"] = {"id": GROUP, "type": "supergroup", "title": "Ops"}
        update["callback_query"]["data"] = encode_choice(Choice("take", ESCALATION.id))
        pressed = parse_group_update(update)
        assert isinstance(pressed, GroupPress) and pressed.choice == Choice("take", ESCALATION.id)
        assert chat_of(update) == GROUP
        for forged in ("r_category|csam", "op:x:abc", "op:t:../../etc", "op:t:" + "a" * 80, ""):
            assert decode_choice(forged) is None

    def test_the_channel_routes_by_chat(self, front: TelegramGroupFront) -> None:
        assert front.claims(group_update("forum_general_topic_message"))
        assert not front.claims(fixture("text_message_private"))
        elsewhere = group_update("forum_general_topic_message")
        elsewhere["message"]["chat"]["id"] = -1009999999999
        assert not front.claims(elsewhere)  # another group: the channel's usual "private chats only"
