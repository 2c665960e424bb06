"""No image of a conversation about sexual images of a child reaches the operators' group, on either
platform, end to end over real HTTP: the operator is told one was refused, the child's copy is deleted
where the platform allows (Telegram), and the conversation log keeps "refused_photo", never the file."""

from __future__ import annotations

import pytest

from tests.handlers.operators.conftest import HotlineFactory
from tests.handlers.operators.harness import AIGERIM, GROUP, Hotline

WA_CHILD = "77011112233"
TG_CHILD = 5550001
SEXTORTION = "парень угрожает выложить мои интимные фото если я не скину деньги"
GROOMING = "взрослый мужчина в инсте просит мои фотки и говорит никому не говорить"
THREAT = "он угрожает меня убить"
FILE_METHODS = ("sendPhoto", "sendVideo", "sendDocument", "sendSticker")


async def take_newest_case(hotline: Hotline) -> int:
    topic = list(hotline.tg.topics)[-1]
    await hotline.operator_presses(AIGERIM, hotline.buttons(topic)["✋ Взять"], topic)
    assert "Aigerim" in hotline.topic_texts(topic)[-1]
    return topic


def group_files(hotline: Hotline) -> list[dict[str, object]]:
    return [call for method in FILE_METHODS for call in hotline.tg.of(method, GROUP)]


async def logged_kinds(hotline: Hotline, platform: str, user_id: str) -> list[str]:
    escalation = await hotline.desk.store.active_for(hotline.application.service.key_for(platform, user_id))
    assert escalation is not None
    return [m.kind for m in await hotline.desk.store.messages(escalation.id)]


@pytest.mark.parametrize("backend", ["embedded", "servers"])
async def test_whatsapp_a_photo_after_a_sextortion_message_is_refused_not_relayed(
        make_hotline: HotlineFactory, backend: str) -> None:
    async with make_hotline(backend) as hotline:
        await hotline.child_says(WA_CHILD, SEXTORTION)  # the bot's own reading: no report filed
        topic = await take_newest_case(hotline)
        await hotline.child_sends_image(WA_CHILD, "MEDIA-NUDE-1", caption="вот что он прислал")

        assert group_files(hotline) == []
        note = hotline.topic_texts(topic)[-1]
        assert note.startswith("🚫") and "удалить его из чата" in note  # WhatsApp cannot delete it: said so
        assert "вот что он прислал" in note  # the words still reach the operator
        assert "MEDIA-NUDE-1" not in str(hotline.tg.calls)
        assert hotline.child_got(WA_CHILD)[-1].startswith("Это фото или видео не сохранено")
        assert await logged_kinds(hotline, "whatsapp", WA_CHILD) == ["refused_photo"]


@pytest.mark.parametrize("backend", ["embedded", "servers"])
async def test_telegram_a_photo_after_a_grooming_message_is_deleted_and_refused(
        make_hotline: HotlineFactory, backend: str) -> None:
    async with make_hotline(backend) as hotline:
        await hotline.tg_child_says(TG_CHILD, GROOMING)
        topic = await take_newest_case(hotline)
        photo = await hotline.tg_child_sends_photo(TG_CHILD)

        assert group_files(hotline) == []
        assert hotline.tg.of("deleteMessage", TG_CHILD) == [
            {"chat_id": TG_CHILD, "message_id": photo["message"]["message_id"]}]
        note = hotline.topic_texts(topic)[-1]
        assert note.startswith("🚫") and "удалён из чата" in note
        assert hotline.tg_child_got(TG_CHILD)[-1].startswith("Это фото или видео не сохранено")
        file_ids = [size["file_id"] for size in photo["message"]["photo"]]
        assert not any(file_id in str(hotline.tg.calls) for file_id in file_ids if file_id)
        assert await logged_kinds(hotline, "telegram", str(TG_CHILD)) == ["refused_photo"]


async def test_telegram_after_sos_and_a_person_a_sextortion_conversation_still_refuses(
        make_hotline: HotlineFactory) -> None:
    async with make_hotline() as hotline:
        await hotline.tg_child_says(TG_CHILD, SEXTORTION)
        await hotline.tg_child_says(TG_CHILD, "/sos")
        topic = await take_newest_case(hotline)
        await hotline.tg_child_sends_photo(TG_CHILD)
        assert group_files(hotline) == []
        assert hotline.topic_texts(topic)[-1].startswith("🚫")


async def test_telegram_a_photo_in_any_other_conversation_still_reaches_the_operator(
        make_hotline: HotlineFactory) -> None:
    async with make_hotline() as hotline:
        await hotline.tg_child_says(TG_CHILD, THREAT)
        topic = await take_newest_case(hotline)
        photo = await hotline.tg_child_sends_photo(TG_CHILD)
        sent = hotline.tg.of("sendPhoto", GROUP)
        assert len(sent) == 1 and int(str(sent[0]["message_thread_id"])) == topic
        assert hotline.tg.of("deleteMessage", TG_CHILD) == []
        assert photo["message"]["message_id"]
        assert await logged_kinds(hotline, "telegram", str(TG_CHILD)) == ["photo"]


async def test_telegram_files_sent_before_a_sextortion_message_are_flagged_and_later_ones_refused(
        make_hotline: HotlineFactory) -> None:
    async with make_hotline() as hotline:
        await hotline.tg_child_says(TG_CHILD, THREAT)
        topic = await take_newest_case(hotline)
        await hotline.tg_child_sends_photo(TG_CHILD)
        assert len(hotline.tg.of("sendPhoto", GROUP)) == 1  # nothing said it was unsafe yet
        await hotline.tg_child_says(TG_CHILD, "он требует еще фото иначе отправит всем мои нюдсы")
        warning = hotline.topic_texts(topic)[-1]
        assert warning.startswith("🚫") and "удалите их сейчас" in warning
        await hotline.tg_child_sends_photo(TG_CHILD)
        assert len(hotline.tg.of("sendPhoto", GROUP)) == 1
        assert hotline.topic_texts(topic)[-1].startswith("🚫") and len(hotline.tg.of("deleteMessage", TG_CHILD)) == 1
        assert await logged_kinds(hotline, "telegram", str(TG_CHILD)) == ["photo", "text", "refused_photo"]
