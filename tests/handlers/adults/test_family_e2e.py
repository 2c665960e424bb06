"""Trusted adults end to end over real HTTP: a child links a parent on the other platform, alerts
them from the SOS screen, hears back, and stays in control (docs/families.md)."""

from __future__ import annotations

import pytest

from bot.records import window_record
from storage.base import StateKey
from tests.handlers.adults.family import Family, code_in
from tests.handlers.operators.conftest import HotlineFactory

TG_CHILD = 5001
TG_PARENT = 5002
WA_PARENT = "77010000001"
WA_CHILD = "77017770001"
LAT, LON = 43.238949, 76.889709


async def link_telegram_child_to_whatsapp_parent(family: Family) -> None:
    await family.tg_says(TG_CHILD, "привет", "ru")
    await family.tg_presses(TG_CHILD, "child", "ru")
    await family.tg_presses(TG_CHILD, "adults", "ru")
    assert "Можно подключить до 3 взрослых" in family.tg_texts(TG_CHILD)[-1]
    await family.tg_presses(TG_CHILD, "add", "ru")
    await family.tg_says(TG_CHILD, "Ару", "ru")
    code = code_in(family.tg_texts(TG_CHILD))
    # The parent types it loosely, on WhatsApp, as their very first message.
    await family.wa_says(WA_PARENT, code.lower().replace("-", " "))
    intro = family.wa_texts(WA_PARENT)
    assert any("*Ару* предлагает вам стать близким взрослым" in t for t in intro), intro
    assert any("обращения, переписку и что-либо ещё вы не увидите" in t for t in intro)
    await family.wa_taps(WA_PARENT, "agree")
    assert any("Сигналы SOS этого ребёнка будут приходить вам сюда" in t and "112" in t
               for t in family.wa_texts(WA_PARENT))
    assert "Код подтверждён" in "\n".join(family.tg_texts(TG_CHILD)[-2:])
    await family.tg_says(TG_CHILD, "Мама", "ru")
    assert "Сохранено: Мама" in "\n".join(family.tg_texts(TG_CHILD)[-2:])


@pytest.mark.parametrize("backend", ["embedded", "servers"])
async def test_a_telegram_child_links_a_whatsapp_parent_and_alerts_them(make_hotline: HotlineFactory,
                                                                       backend: str) -> None:
    async with make_hotline(backend) as hotline:
        family = Family(hotline)
        await link_telegram_child_to_whatsapp_parent(family)

        # Two taps from any screen: SOS, then "Alert Mum".
        await family.tg_says(TG_CHILD, "/sos", "ru")
        assert family.tg_labels(TG_CHILD)["alert"] == "🔔 Сообщить: Мама"
        before = len(family.wa_sent(WA_PARENT))
        await family.tg_presses(TG_CHILD, "alert", "ru")
        alert = family.wa_sent(WA_PARENT)[before:]
        assert len(alert) == 1 and alert[0]["type"] == "interactive"
        body = alert[0]["interactive"]["body"]["text"]
        assert body.startswith("🆘 *Сигнал SOS от: Ару, ") and "112" in body
        assert [b["reply"]["title"] for b in alert[0]["interactive"]["action"]["buttons"]] == [
            "🏃 Уже иду", "📞 Сейчас позвоню"]
        told = "\n".join(family.tg_texts(TG_CHILD))
        assert "Сигнал отправлен." in told and "✅ Мама: доставлено в " in told

        # The hotline sees that an adult was alerted, never who.
        topics = list(hotline.tg.topics)
        assert topics, "the alert reached the operators' queue"
        posts = " ".join(hotline.topic_texts(topics[-1]))
        assert "отправлен сигнал SOS близкому взрослому ребёнка" in posts
        assert "Мама" not in posts and WA_PARENT not in str(hotline.tg.calls)

        # The parent answers; the child sees it.
        await family.wa_taps(WA_PARENT, "coming")
        assert family.tg_texts(TG_CHILD)[-1] == "💬 Мама: «Уже иду!»"
        assert "Ребёнок увидит ваш ответ" in family.wa_texts(WA_PARENT)[-1]

        # The child shares where they are: forwarded to the parent, kept nowhere.
        await family.tg_presses(TG_CHILD, "location", "ru")
        await family.tg_location(TG_CHILD, LAT, LON, "ru")
        shared = family.wa_sent(WA_PARENT)[-2:]
        assert shared[0]["text"]["body"] == "📍 Где сейчас Ару:"
        assert (shared[1]["type"], shared[1]["location"]) == ("location", {"latitude": LAT, "longitude": LON})
        assert "Отправлено:\n✅ Мама" in family.tg_texts(TG_CHILD)[-1]
        child = hotline.application.service.key_for("telegram", str(TG_CHILD))
        assert str(LAT) not in str(await hotline.application.states.load(child))

        # And a few words.
        await family.tg_presses(TG_CHILD, "note", "ru")
        await family.tg_says(TG_CHILD, "я у школы <3", "ru")
        assert family.wa_texts(WA_PARENT)[-1] == "✏️ Ару пишет: я у школы <3"


async def test_a_whatsapp_child_links_a_telegram_parent_who_reads_english(make_hotline: HotlineFactory) -> None:
    async with make_hotline() as hotline:
        family = Family(hotline)
        await family.wa_says(WA_CHILD, "сәлем")
        # "сәлем" is Kazakh: the first words choose the language (no picker).
        await family.wa_taps(WA_CHILD, "child")
        await family.wa_taps(WA_CHILD, "sos")
        await family.wa_taps(WA_CHILD, "add_adult")  # from the SOS screen, with no adult yet
        await family.wa_says(WA_CHILD, "Ару")
        code = code_in(family.wa_texts(WA_CHILD))
        assert "Код бір рет қана және 15 минут жұмыс істейді" in "\n".join(family.wa_texts(WA_CHILD)[-2:])
        # Telegram's deep link: opening it sends /start <code>.
        link = f"https://t.me/helpline_test_bot?start={code.replace('-', '')}"
        assert f"Telegram-да ересекке мына сілтемені ашу жеткілікті: {link}" in "\n".join(family.wa_texts(WA_CHILD))
        await family.tg_says(TG_PARENT, f"/start {link.rsplit('=', 1)[1]}", "en")
        assert "<b>Ару</b> asks you to be their trusted adult" in "\n".join(family.tg_texts(TG_PARENT))
        await family.tg_presses(TG_PARENT, "agree", "en")
        assert "Ересек кодты растады" in "\n".join(family.wa_texts(WA_CHILD)[-2:])
        await family.wa_says(WA_CHILD, "Әкем")
        await family.wa_taps(WA_CHILD, "sos")
        await family.wa_taps(WA_CHILD, "alert")
        alert = family.tg_texts(TG_PARENT)[-1]
        assert alert.startswith("🆘 <b>Ару pressed SOS at ") and "needs your help now" in alert
        assert "✅ Әкем: жеткізілді, сағат" in "\n".join(family.wa_texts(WA_CHILD))

        # A location straight to the Telegram parent, by sendLocation.
        await family.wa_taps(WA_CHILD, "location")
        await family.wa_location(WA_CHILD, LAT, LON)
        assert hotline.tg.of("sendLocation", TG_PARENT)[-1]["latitude"] in (LAT, str(LAT))
        assert family.tg_texts(TG_PARENT)[-1] == "📍 Where Ару is now:"

        # Calling back: the child sees it in Kazakh.
        await family.tg_presses(TG_PARENT, "calling", "en")
        assert family.wa_texts(WA_CHILD)[-1] == "💬 Әкем: «Қазір қоңырау шаламын!»"


async def test_an_alert_that_cannot_be_delivered_is_reported_at_once_with_the_numbers(
        make_hotline: HotlineFactory) -> None:
    async with make_hotline() as hotline:
        family = Family(hotline)
        await link_telegram_child_to_whatsapp_parent(family)
        # The parent last wrote more than 24 hours ago: WhatsApp takes no free-form message.
        parent = hotline.application.service.key_for("whatsapp", WA_PARENT).user
        await hotline.application.states.save(window_record(StateKey("whatsapp", parent)), {"last": 0})
        before = len(family.wa_sent(WA_PARENT))
        await family.tg_says(TG_CHILD, "/sos", "ru")
        await family.tg_presses(TG_CHILD, "alert", "ru")
        assert len(family.wa_sent(WA_PARENT)) == before
        assert not hotline.whatsapp.outbox.held  # nothing of the alert waits anywhere
        told = "\n".join(family.tg_texts(TG_CHILD)[-3:])
        assert "Сигнал не удалось доставить:" in told and "⚠️ Мама: не удалось доставить" in told and "112" in told


async def test_a_parent_who_blocked_the_bot_is_reported_as_not_reached(make_hotline: HotlineFactory) -> None:
    async with make_hotline() as hotline:
        family = Family(hotline)
        await family.wa_says(WA_CHILD, "hello")
        # "hello" is English: the first words choose the language (no picker).
        await family.wa_taps(WA_CHILD, "child")
        await family.wa_taps(WA_CHILD, "adults")
        await family.wa_taps(WA_CHILD, "add")
        await family.wa_says(WA_CHILD, "Aru")
        await family.tg_says(TG_PARENT, code_in(family.wa_texts(WA_CHILD)), "en")
        await family.tg_presses(TG_PARENT, "agree", "en")
        await family.wa_says(WA_CHILD, "Dad")
        hotline.tg.block(TG_PARENT)
        await family.wa_taps(WA_CHILD, "sos")
        await family.wa_taps(WA_CHILD, "alert")
        told = "\n".join(family.wa_texts(WA_CHILD)[-3:])
        assert "*Your alert could not reach:*" in told and "⚠️ Dad: could not be reached" in told
        assert "112" in told


async def test_removal_is_silent_and_delete_my_data_removes_links(make_hotline: HotlineFactory) -> None:
    async with make_hotline() as hotline:
        family = Family(hotline)
        await link_telegram_child_to_whatsapp_parent(family)
        look = hotline.application.service.first_look  # what a new conversation of the child reads
        assert look is not None
        child = hotline.application.service.key_for("telegram", str(TG_CHILD))
        assert [name for _, name in (await look.first_look(child)).adults] == ["Мама"]

        before = len(family.wa_sent(WA_PARENT))
        await family.tg_presses(TG_CHILD, "remove", "ru")
        assert family.tg_labels(TG_CHILD)["1"] == "➖ Мама"
        await family.tg_presses(TG_CHILD, "1", "ru")
        assert "Этому человеку ничего не сообщат" in "\n".join(family.tg_texts(TG_CHILD)[-2:])
        assert len(family.wa_sent(WA_PARENT)) == before  # the parent is told nothing
        assert (await look.first_look(child)).adults == ()
        await family.tg_says(TG_CHILD, "/sos", "ru")
        assert "alert" not in family.tg_labels(TG_CHILD) and "add_adult" in family.tg_labels(TG_CHILD)

        # Linked again, then "delete my data": the link goes too.
        await family.tg_presses(TG_CHILD, "add_adult", "ru")
        await family.wa_says(WA_PARENT, code_in(family.tg_texts(TG_CHILD)))
        await family.wa_taps(WA_PARENT, "agree")
        await family.tg_says(TG_CHILD, "Мама", "ru")
        assert len((await look.first_look(child)).adults) == 1
        await family.tg_says(TG_CHILD, "/menu", "ru")
        await family.tg_presses(TG_CHILD, "privacy", "ru")
        assert "Близкие взрослые</b>\n• Подключённый взрослый получает только твои сигналы SOS" in \
            family.tg_texts(TG_CHILD)[-1]
        await family.tg_presses(TG_CHILD, "delete", "ru")
        await family.tg_presses(TG_CHILD, "yes", "ru")
        assert (await look.first_look(child)).adults == ()
        await family.tg_says(TG_CHILD, "/sos", "ru")
        assert "alert" not in family.tg_labels(TG_CHILD)


async def test_a_code_works_once(make_hotline: HotlineFactory) -> None:
    async with make_hotline() as hotline:
        family = Family(hotline)
        await link_telegram_child_to_whatsapp_parent(family)
        code = code_in(family.tg_texts(TG_CHILD))
        await family.tg_says(TG_PARENT, code, "en")
        assert "This code does not work" in family.tg_texts(TG_PARENT)[-2]


async def test_operators_of_an_active_case_are_told_an_adult_was_alerted_never_who(
        make_hotline: HotlineFactory) -> None:
    async with make_hotline() as hotline:
        family = Family(hotline)
        await link_telegram_child_to_whatsapp_parent(family)
        await family.tg_says(TG_CHILD, "/sos", "ru")
        await family.tg_presses(TG_CHILD, "person", "ru")  # a person first: the case has its topic
        topic = list(hotline.tg.topics)[-1]
        await family.tg_says(TG_CHILD, "/sos", "ru")
        await family.tg_presses(TG_CHILD, "alert", "ru")
        posts = hotline.topic_texts(topic)
        assert "🔔 Ребёнок отправил сигнал SOS близкому взрослому (кому — не показывается)." in posts
        assert "Мама" not in " ".join(posts) and WA_PARENT not in str(hotline.tg.calls)
