"""Free text at rest is encrypted (storage/crypto.py), on SQLite and the real PostgreSQL and in the
real Redis: what a dump of the raw columns shows holds none of the words; rotation re-encrypts
under the new key; a missing or wrong key stops with a message that says which and what to do."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Iterator
from pathlib import Path

import pytest
from redis.asyncio import Redis
from sqlalchemy import text

from bot.cli import main
from bot.context import decode_reply, encode_reply
from bot.privacy.keys import rotate_redis
from flows.actions import Say
from flows.messages import Msg
from storage import crypto
from storage.base import StateKey
from storage.cases import SqlCaseStore
from storage.crypto import DecryptionFailed, KeyMissing, KeyRing
from storage.migrate import migrate
from storage.operators import SqlOperatorStore
from storage.redis_state import RedisStateStore
from storage.rotation import COLUMNS, rotate
from tests.storage.samples import KAZAKH, ME, new_case
from tests.support.databases import redis_url

LINK = "https://instagram.com/p/abc"
NUMBER = "87011234567"
KEY_A = base64.b64encode(b"A" * 32).decode()
KEY_B = base64.b64encode(b"B" * 32).decode()


@pytest.fixture(autouse=True)
def keys_restored() -> Iterator[None]:
    before = crypto.ring()
    yield
    crypto.use(before)


async def fill(store: SqlCaseStore) -> tuple[str, str]:
    """One of each encrypted value: a case, a draft, an escalation with its address, a logged message.
    Returns the escalation's id and the case's reference."""
    filed = await store.file_case(new_case())
    await store.save_draft("telegram", ME, {"category": "bullying", "description": f"call me on {NUMBER}"})
    ticket = await store.open_escalation("telegram", ME, "kk", "high", "sos", None, address="424242424")
    await SqlOperatorStore(store).log_message(ticket.id, "user", f"my number is {NUMBER}")
    return ticket.id, filed.reference


async def raw_values(store: SqlCaseStore) -> list[str]:
    found: list[str] = []
    async with store.engine.connect() as connection:
        for column in COLUMNS:
            rows = await connection.execute(text(
                f"SELECT CAST({column.column} AS TEXT) FROM {column.table} WHERE {column.column} IS NOT NULL"))
            found += [str(row[0]) for row in rows]
    return found


async def test_the_raw_columns_hold_no_plaintext_and_the_store_reads_it_back(case_store: SqlCaseStore) -> None:
    escalation, reference = await fill(case_store)
    raw = await raw_values(case_store)
    assert len(raw) == 5
    assert all(value.startswith("enc1:dev:") for value in raw), raw
    dump = " ".join(raw)
    for plain in (KAZAKH, "Біреу", LINK, "instagram", NUMBER, "424242424", "bullying"):
        assert plain not in dump
    case = await case_store.get_case(reference)
    assert case is not None and case.fields["description"] == KAZAKH and case.fields["links"] == [LINK]
    draft = await case_store.load_draft("telegram", ME)
    assert draft == {"category": "bullying", "description": f"call me on {NUMBER}"}
    messages = await SqlOperatorStore(case_store).messages(escalation)
    assert [m.text for m in messages] == [f"my number is {NUMBER}"]
    info = await SqlOperatorStore(case_store).get(escalation)
    assert info is not None and info.address == "424242424"


async def test_statistics_still_count_the_plain_categorical_columns(case_store: SqlCaseStore) -> None:
    await fill(case_store)
    async with case_store.engine.connect() as connection:
        rows = (await connection.execute(text("SELECT category, risk, language FROM cases"))).all()
    assert [tuple(row) for row in rows] == [("blackmail", "normal", "kk")]


async def test_rotation_re_encrypts_everything_with_the_new_key_and_is_idempotent(case_store: SqlCaseStore) -> None:
    crypto.use(KeyRing({"a": KEY_A}, "a"))
    escalation, _ = await fill(case_store)
    async with case_store.engine.begin() as connection:  # a value written before encryption existed
        await connection.execute(text("UPDATE conversation_messages SET text = 'plain words'"))
    crypto.use(KeyRing({"a": KEY_A, "b": KEY_B}, "b"))
    counts = await rotate(case_store.engine, crypto.ring(), batch=2)
    assert sum(counts.values()) == 5
    assert all(value.startswith("enc1:b:") for value in await raw_values(case_store))
    assert sum((await rotate(case_store.engine, crypto.ring())).values()) == 0  # nothing left: nothing done
    crypto.use(KeyRing({"b": KEY_B}, "b"))  # the old key removed: everything still reads
    messages = await SqlOperatorStore(case_store).messages(escalation)
    assert [m.text for m in messages] == ["plain words"]
    assert (await case_store.load_draft("telegram", ME) or {})["description"] == f"call me on {NUMBER}"


async def test_a_missing_or_wrong_key_fails_with_a_clear_error(case_store: SqlCaseStore) -> None:
    crypto.use(KeyRing({"a": KEY_A}, "a"))
    await fill(case_store)
    crypto.use(KeyRing({"b": KEY_B}, "b"))
    with pytest.raises(KeyMissing, match=r"key 'a', which ENCRYPTION_KEYS does not hold"):
        await case_store.load_draft("telegram", ME)
    crypto.use(KeyRing({"a": KEY_B}, "a"))  # the right id, the wrong key
    with pytest.raises(DecryptionFailed, match=r"does not open with key 'a'"):
        await case_store.load_draft("telegram", ME)


def test_unusable_keys_are_refused_with_the_reason() -> None:
    with pytest.raises(crypto.EncryptionError, match="16 bytes; it must be 32"):
        KeyRing({"k": base64.b64encode(b"x" * 16).decode()}, "k")
    with pytest.raises(crypto.EncryptionError, match="'k2' is not in ENCRYPTION_KEYS"):
        KeyRing({"k": KEY_A}, "k2")
    assert KeyRing({"any-id": crypto.DEV_KEY}, "any-id").development  # the public key under another name
    assert not KeyRing({"k": KEY_A}, "k").development


async def test_a_value_moved_to_another_column_does_not_decrypt_there() -> None:
    ring = KeyRing({"a": KEY_A}, "a")
    sealed = ring.encrypt(NUMBER, "escalations.address")
    assert ring.decrypt(sealed, "escalations.address") == NUMBER
    with pytest.raises(DecryptionFailed):
        ring.decrypt(sealed, "cases.description")


async def test_the_draft_in_the_redis_state_is_encrypted() -> None:
    async with redis_url() as target:
        store = RedisStateStore(target.url, target.prefix, 3600)
        key_state = {"lang": "ru", "step": "r_place", "draft": {"description": f"он пишет мне {NUMBER}"}}
        key = StateKey("telegram", ME)
        await store.save(key, key_state)
        raw = await store._redis.get(key.redis_key(target.prefix))
        assert raw is not None and NUMBER not in raw and "он пишет" not in raw and '"step": "r_place"' in raw
        assert await store.load(key) == key_state
        await store.close()


async def test_rotation_reaches_the_drafts_and_replies_in_redis_and_keeps_their_expiry() -> None:
    crypto.use(KeyRing({"a": KEY_A}, "a"))
    async with redis_url() as target:
        store = RedisStateStore(target.url, target.prefix, 3600)
        key = StateKey("telegram", ME)
        state = {"lang": "ru", "step": "r_place", "draft": {"description": f"он пишет мне {NUMBER}"}}
        reply = encode_reply("ru", (Say(Msg("operator.says", {"text": f"позвони {NUMBER}"})),))
        await store.save_marked(key, state, "tok-1", reply, 600)
        await store.save(StateKey("telegram", "no-draft"), {"lang": "kk", "step": "menu", "draft": {}})
        crypto.use(KeyRing({"a": KEY_A, "b": KEY_B}, "b"))
        redis = Redis.from_url(target.url, decode_responses=True)
        assert await rotate_redis(redis, target.prefix, crypto.ring()) == {
            "redis state drafts": 1, "redis kept replies": 1}
        assert await rotate_redis(redis, target.prefix, crypto.ring()) == {
            "redis state drafts": 0, "redis kept replies": 0}
        raw_state = await redis.get(key.redis_key(target.prefix))
        raw_mark = await redis.get(f"{target.prefix}:mark:tok-1")
        assert '"draft": "enc1:b:' in raw_state and raw_mark.startswith("reply:enc1:b:")
        assert 0 < await redis.pttl(key.redis_key(target.prefix)) <= 3600_000  # its expiry kept
        assert 0 < await redis.ttl(f"{target.prefix}:mark:tok-1") <= 600
        crypto.use(KeyRing({"b": KEY_B}, "b"))
        assert await store.load(key) == state
        saved = decode_reply(raw_mark)
        assert saved is not None and saved[1][0].text.params["text"] == f"позвони {NUMBER}"  # type: ignore[union-attr]
        await redis.aclose()
        await store.close()


async def test_rotate_key_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/k.db"
    crypto.use(KeyRing({"a": KEY_A}, "a"))
    await migrate(url)
    store = SqlCaseStore(url)
    await fill(store)
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("ENCRYPTION_KEYS", f'{{"a": "{KEY_A}", "b": "{KEY_B}"}}')
    monkeypatch.setenv("ENCRYPTION_KEY_ID", "b")
    assert await asyncio.to_thread(main, ["rotate-key", "--batch", "1"]) == 0
    assert "Done: 5 value(s) now under key 'b'" in capsys.readouterr().out
    assert all(value.startswith("enc1:b:") for value in await raw_values(store))
    monkeypatch.setenv("ENCRYPTION_KEYS", f'{{"b": "{KEY_A}"}}')  # the wrong key under b
    assert await asyncio.to_thread(main, ["rotate-key"]) == 0  # all under b already: nothing to open
    await store.close()
    assert await asyncio.to_thread(main, ["rotate-key", "--new-key"]) == 0
    assert len(base64.b64decode(capsys.readouterr().out.strip().splitlines()[-1])) == 32
