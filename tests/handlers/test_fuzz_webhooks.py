"""Mutated webhook bodies with valid secrets: never a 5xx, and nothing stored that a worker cannot read.

Seeded and deterministic: the real fixtures (shared/fixtures/real) and the tests' own payloads,
mutated byte by byte (flips, cuts, BOMs, UTF-16/32, raw surrogate bytes) and node by node (lone
surrogates, newlines, huge numbers, wrong types, deep nesting). Every stored update is then
processed by the in-process worker: no failure, nothing set aside.
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from bot.delivery.intake import Submission
from tests.bot.delivery.support import fast_sender, idle, running_app, settings
from tests.handlers.telegram.harness import SECRET, TOKEN
from tests.handlers.whatsapp.harness import PHONE_NUMBER_ID, envelope, message, reply, sign, text, value
from tests.support.fake_graph import FakeGraph
from tests.support.fake_telegram import FakeTelegram

ROUNDS = 2500  # per platform
SEED = 20261204
_REPO = Path(__file__).resolve().parents[2]
_CANDIDATES = (_REPO.parent / "shared" / "fixtures" / "real", Path("/work/shared/fixtures/real"))
FIXTURES = next((p for p in _CANDIDATES if p.is_dir()), _CANDIDATES[0])
ODD_VALUES: tuple[Any, ...] = (
    "\ud800", "a\udcffb", "line\nhelpline_fake_total 1", "\u202egnp.exe", "\x00", "\ufeff", "", " " * 3,
    "x" * 5000, 10**30, -1, 0, 1.5, True, None, [], {}, [[[[[[[[[[[[]]]]]]]]]]]], {"a": {"b": {"c": {}}}},
)


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram(token=TOKEN) as server:
        yield server


@pytest.fixture
async def graph() -> AsyncIterator[FakeGraph]:
    server = FakeGraph()
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


def _seeds(platform: str) -> list[Any]:
    found = [json.loads(path.read_text(encoding="utf-8"))
             for path in sorted((FIXTURES / platform).glob("*.json"))]
    assert len(found) > 20, f"the real fixtures are missing from {FIXTURES}"
    if platform == "whatsapp":
        for body in found:  # our number, so the mutated bodies are processed, not set by as foreign
            for entry in body.get("entry") or []:
                for change in entry.get("changes") or []:
                    metadata = change.get("value", {}).get("metadata")
                    if isinstance(metadata, dict):
                        metadata["phone_number_id"] = PHONE_NUMBER_ID
        found += [envelope(value([text("77010000001", "Привет, мне нужна помощь")])),
                  envelope(value([reply("77010000001", "start|child", "Child", list_reply=True)])),
                  envelope(value([message("77010000001", "image", {"id": "m1", "mime_type": "image/jpeg"})]))]
    else:
        found += [{"update_id": 1, "message": {"message_id": 1, "date": 1, "text": "/start",
                                               "chat": {"id": 42, "type": "private"},
                                               "from": {"id": 42, "is_bot": False, "first_name": "Әлия",
                                                        "language_code": "kk"}}},
                  {"update_id": 2, "callback_query": {"id": "9", "chat_instance": "1", "data": "start|child",
                                                      "from": {"id": 42, "is_bot": False, "first_name": "A"},
                                                      "message": {"message_id": 5, "date": 1,
                                                                  "chat": {"id": 42, "type": "private"}}}}]
    return found


def _nodes(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(data, dict):
        for key, item in data.items():
            found += _nodes(item, (*path, key))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            found += _nodes(item, (*path, i))
    return found


def _replace(data: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    holder = data
    for step in path[:-1]:
        holder = holder[step]
    holder[path[-1]] = new
    return data


def _structural(rng: random.Random, seed: Any) -> bytes:
    data = copy.deepcopy(seed)
    for _ in range(rng.randint(1, 3)):
        path = rng.choice(_nodes(data))
        if path and rng.random() < 0.2 and isinstance(data, dict | list):
            holder = data
            for step in path[:-1]:
                holder = holder[step]
            del holder[path[-1]]
            continue
        data = _replace(data, path, copy.deepcopy(rng.choice(ODD_VALUES)))
    return json.dumps(data, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")


def _bytewise(rng: random.Random, body: bytes) -> bytes:
    choice = rng.randrange(9)
    at = rng.randrange(len(body) + 1)
    if choice == 0:
        return body[:at] + bytes([rng.randrange(256)]) + body[at + 1:]
    if choice == 1:
        return body[:at] + rng.randbytes(rng.randint(1, 4)) + body[at:]
    if choice == 2:
        return body[:at] + body[at + rng.randint(1, 50):]
    if choice == 3:
        return body[:at]
    if choice == 4:
        return b"\xef\xbb\xbf" + body
    if choice == 5:
        return body.decode("utf-8", "surrogatepass").encode(rng.choice(["utf-16", "utf-16-le", "utf-32"]),
                                                            "surrogatepass")
    if choice == 6:
        quote = body.find(b'"', at)
        return body if quote < 0 else body[:quote + 1] + rng.choice([b"\\ud800", b"\\udfff", b"\\u0000"]) + \
            body[quote + 1:]
    if choice == 7:
        return body[:at] + rng.choice([b"\xed\xa0\x80", b"\xff", b"\xc0\xaf", b"\x80"]) + body[at:]
    return body[:at] + body[at:at + 40] * 2 + body[at + 40:]


def _bodies(platform: str, fresh_id: Callable[[Any], None]) -> list[bytes]:
    rng = random.Random(f"{SEED}:{platform}")
    seeds = _seeds(platform)
    bodies: list[bytes] = []
    for _ in range(ROUNDS):
        seed = copy.deepcopy(rng.choice(seeds))
        if rng.random() < 0.3:
            fresh_id(seed)  # a new update: stored and processed, not a duplicate of the seed's
        body = _structural(rng, seed) if rng.random() < 0.5 else json.dumps(seed, ensure_ascii=False).encode()
        if rng.random() < 0.6:
            body = _bytewise(rng, body)
        bodies.append(body)
    return bodies


def _readable(stored: list[Submission]) -> None:
    for item in stored:
        item.payload.encode("utf-8")  # what Redis would be given
        json.loads(item.payload)


async def test_mutated_telegram_bodies_get_4xx_or_200_and_stored_ones_are_processed(
        tmp_path: Path, fake: FakeTelegram) -> None:
    ids = iter(range(10**9, 2 * 10**9))

    def fresh(seed: Any) -> None:
        seed["update_id"] = next(ids)

    statuses: dict[int, int] = {}
    async with running_app(settings(tmp_path, tg=fake)) as (app, client):
        app.state.application.channels["telegram"].sender = fast_sender()
        stored = _spy(app)
        for body in _bodies("telegram", fresh):
            response = await client.post("/telegram/webhook", content=body,
                                         headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        await idle(app)
        metrics = app.state.application.pipeline.metrics
        failures = metrics.value("helpline_update_failures_total", platform="telegram", kind="error")
        aside = metrics.value("helpline_updates_set_aside_total", platform="telegram")
    assert not [s for s in statuses if s >= 500], statuses
    assert statuses.get(400, 0) > ROUNDS // 4 and statuses.get(200, 0) > ROUNDS // 10, statuses
    _readable(stored)
    assert (failures, aside) == (0, 0)


async def test_mutated_whatsapp_bodies_get_4xx_or_200_and_stored_ones_are_processed(
        tmp_path: Path, graph: FakeGraph) -> None:
    ids = iter(range(10**6))

    def fresh(seed: Any) -> None:
        for entry in seed.get("entry") or []:
            for change in entry.get("changes") or []:
                for item in change.get("value", {}).get("messages") or []:
                    item["id"] = f"wamid.FUZZ{next(ids)}"

    statuses: dict[int, int] = {}
    async with running_app(settings(tmp_path, graph=graph)) as (app, client):
        channel = app.state.application.channels["whatsapp"]
        channel.outbox.sender = fast_sender()
        stored = _spy(app)
        for body in _bodies("whatsapp", fresh):
            response = await client.post("/whatsapp/webhook", content=body, headers={
                "X-Hub-Signature-256": sign(body), "Content-Type": "application/json"})
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        await idle(app)
        metrics = app.state.application.pipeline.metrics
        failures = metrics.value("helpline_update_failures_total", platform="whatsapp", kind="error")
        aside = metrics.value("helpline_updates_set_aside_total", platform="whatsapp")
    assert not [s for s in statuses if s >= 500], statuses
    assert statuses.get(400, 0) > ROUNDS // 4 and statuses.get(200, 0) > ROUNDS // 10, statuses
    _readable(stored)
    assert (failures, aside) == (0, 0)


def _spy(app: Any) -> list[Submission]:
    """Every submission the intake was given (what would be written to Redis)."""
    intake = app.state.application.pipeline.intake
    stored: list[Submission] = []
    submit = intake.submit

    async def spying(items: Any) -> list[bool]:
        stored.extend(items)
        return list(await submit(items))

    intake.submit = spying
    return stored


@pytest.mark.parametrize("encode", [
    lambda text: text.encode("utf-16"), lambda text: text.encode("utf-32"),
    lambda text: b"\xef\xbb\xbf" + text.encode(),
    lambda text: text.replace('"Ada"', '"\\ud800"').encode(),
])
async def test_a_telegram_body_in_utf16_utf32_with_a_bom_or_a_lone_surrogate_is_refused_400(
        tmp_path: Path, fake: FakeTelegram, encode: Callable[[str], bytes]) -> None:
    update = {"update_id": 5, "message": {"message_id": 1, "date": 1, "text": "hi",
                                          "chat": {"id": 7, "type": "private"},
                                          "from": {"id": 7, "is_bot": False, "first_name": "Ada"}}}
    async with running_app(settings(tmp_path, tg=fake)) as (app, client):
        stored = _spy(app)
        response = await client.post("/telegram/webhook", content=encode(json.dumps(update)),
                                     headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
    assert response.status_code == 400 and stored == []


@pytest.mark.parametrize("body", [
    json.dumps(envelope(value([text("77010000001", "hi")]))).replace('"77010000001"', '"7701\\udc00"').encode(),
    b"\xef\xbb\xbf" + json.dumps(envelope(value([text("77010000001", "hi")]))).encode(),
    json.dumps(envelope(value([text("77010000001", "hi")]))).encode("utf-16"),
])
async def test_a_whatsapp_body_with_a_lone_surrogate_sender_or_a_bom_is_refused_400(
        tmp_path: Path, graph: FakeGraph, body: bytes) -> None:
    async with running_app(settings(tmp_path, graph=graph)) as (app, client):
        stored = _spy(app)
        response = await client.post("/whatsapp/webhook", content=body, headers={
            "X-Hub-Signature-256": sign(body), "Content-Type": "application/json"})
    assert response.status_code == 400 and stored == []
