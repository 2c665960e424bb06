"""Heard while waiting, end to end: a child on WhatsApp writes before anyone took the case; the
operators see it in the case's topic as it arrives and again, together, when one of them takes it."""

from __future__ import annotations

from handlers.operators.group_parse import decode_choice
from tests.handlers.operators.conftest import HotlineFactory
from tests.handlers.operators.harness import AIGERIM

CHILD = "77011112233"


async def test_what_a_waiting_child_writes_reaches_the_topic_and_the_recap(make_hotline: HotlineFactory) -> None:
    async with make_hotline() as hotline:
        await hotline.child_says(CHILD, "өзімді өлтіргім келеді")  # Kazakh: a crisis, escalated at once
        (topic,) = hotline.tg.topics
        await hotline.child_says(CHILD, "мен қорқамын, маған біреу жазыңызшы <b>тез</b> & қазір")

        # The child is told, in Kazakh, that it was passed on.
        assert "Хабарламаң жеткізілді" in hotline.child_got(CHILD)[-1]
        # The topic shows it as it arrives, marked as written while waiting, escaped.
        assert hotline.topic_texts(topic)[-1] == (
            "👤 <b>Пользователь, в ожидании:</b> "
            "мен қорқамын, маған біреу жазыңызшы &lt;b&gt;тез&lt;/b&gt; &amp; қазір")

        # The operator who takes it gets everything written while waiting, together.
        take = hotline.buttons(topic)["✋ Взять"]
        await hotline.operator_presses(AIGERIM, take, topic)
        recap = next(t for t in hotline.topic_texts(topic) if t.startswith("📝"))
        assert recap.startswith("📝 Написано в ожидании ответа (1):")
        assert "мен қорқамын, маған біреу жазыңызшы &lt;b&gt;тез&lt;/b&gt;" in recap

        # Kept with the case in the conversation log (what the web desk reads too).
        choice = decode_choice(take)
        assert choice is not None
        log = await hotline.desk.store.messages(choice.escalation_id)
        assert [(m.sender, m.text) for m in log] == [
            ("user", "мен қорқамын, маған біреу жазыңызшы <b>тез</b> & қазір")]
