"""The web app on the embedded defaults: health and the chat simulator."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from bot.settings import Settings
from webhook import create_app


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(Settings(database_url=f"sqlite+aiosqlite:///{tmp_path}/sim.db", redis_url=None))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield http


async def test_health_reports_each_part(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"ok": True, "failing": [], "checks": {
        "state_store": True, "case_store": True, "intake": True, "worker": True}}


async def test_the_page_is_served(client: httpx.AsyncClient) -> None:
    response = await client.get("/")
    assert response.status_code == 200
    assert "chat simulator" in response.text
    assert "innerHTML" not in response.text.split("<script>")[1].replace("never innerHTML", "")


async def test_two_users_side_by_side_keep_their_own_conversations(client: httpx.AsyncClient) -> None:
    first = (await client.post("/simulator/message", json={"user": "a", "lang": "en", "text": "hi"})).json()
    assert first[-1]["buttons"][0]["label"]
    second = (await client.post("/simulator/message", json={"user": "b", "lang": "ru", "text": "привет"})).json()
    child = first[-1]["buttons"][0]["choice"]
    after = (await client.post("/simulator/message", json={"user": "a", "lang": "en", "choice": child})).json()
    assert any(b["choice"] == "menu|report" for b in after[-1]["buttons"])
    assert second[-1]["text"] != first[-1]["text"]  # Russian for b, English for a


async def test_user_text_comes_back_as_text(client: httpx.AsyncClient) -> None:
    await client.post("/simulator/message", json={"user": "c", "lang": "en", "text": "hi"})
    await client.post("/simulator/message", json={"user": "c", "lang": "en", "choice": "role|child"})
    await client.post("/simulator/message", json={"user": "c", "lang": "en", "choice": "menu|report"})
    await client.post("/simulator/message", json={"user": "c", "lang": "en", "choice": "r_category|bullying"})
    await client.post("/simulator/message", json={"user": "c", "lang": "en", "choice": "r_victim|me"})
    await client.post("/simulator/message", json={"user": "c", "lang": "en", "text": "<script>x</script> & <3"})
    for value in ("r_where|other", "r_links|skip", "r_evidence|skip", "r_danger|no", "r_age|14_17",
                  "r_region|skip"):
        await client.post("/simulator/message", json={"user": "c", "lang": "en", "choice": value})
    review = (await client.post("/simulator/message", json={"user": "c", "lang": "en",
                                                            "choice": "r_contact|anonymous"})).json()
    assert "<script>x</script> & <3" in review[-1]["text"]  # shown as text by the page, never as HTML


async def test_bad_input_gets_a_clear_4xx(client: httpx.AsyncClient) -> None:
    response = await client.post("/simulator/message", json={"user": "", "text": "x"})
    assert response.status_code == 422
    response = await client.post("/simulator/message", content=b"{not json",
                                 headers={"content-type": "application/json"})
    assert response.status_code == 422


async def reach_what_happened(client: httpx.AsyncClient, user: str, lang: str) -> None:
    await client.post("/simulator/message", json={"user": user, "lang": lang, "text": "hi"})
    for value in ("role|child", "menu|report", "r_category|bullying", "r_victim|me"):
        await client.post("/simulator/message", json={"user": user, "lang": lang, "choice": value})


@pytest.mark.parametrize(("lang", "words"), [("en", "characters long"), ("ru", "символов, а можно не больше"),
                                             ("kk", "таңба")])
async def test_a_5000_character_message_is_explained_with_the_real_numbers(client: httpx.AsyncClient, lang: str,
                                                                           words: str) -> None:
    """Regression (trial): 5,000 characters got "(error 422)" from the simulator's own limit."""
    await reach_what_happened(client, f"long-{lang}", lang)
    response = await client.post("/simulator/message", json={"user": f"long-{lang}", "lang": lang, "text": "я" * 5000})
    assert response.status_code == 200
    first = response.json()[0]["text"]
    assert words in first and "5000" in first and "1500" in first


@pytest.mark.parametrize(("lang", "crisis", "nobody"), [
    ("en", "I want to kill myself", "nobody from the hotline can answer you in this chat"),
    ("ru", "я хочу покончить с собой", "никто из горячей линии не может ответить тебе в этом чате"),
    ("kk", "өзімді өлтіргім келеді", "жедел желіден ешкім саған осы чатта жауап бере алмайды"),
])
async def test_with_no_operator_front_no_person_is_promised(client: httpx.AsyncClient, lang: str, crisis: str,
                                                            nobody: str) -> None:
    replies = (await client.post("/simulator/message", json={"user": f"alone-{lang}", "lang": lang,
                                                             "text": crisis})).json()
    said = "\n".join(r["text"] for r in replies)
    assert nobody in said and "112" in said and "111" in said
    assert "will answer you here" not in said and "ответит тебе здесь" not in said
    later = (await client.post("/simulator/message", json={"user": f"alone-{lang}", "lang": lang,
                                                           "text": "hello? is anyone there?"})).json()
    assert "112" in later[0]["text"]  # kept with the case, and the numbers that answer now
