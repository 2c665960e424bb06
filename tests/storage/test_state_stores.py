"""The StateStore contract, run over the in-memory store and real Redis alike."""

from __future__ import annotations

import asyncio

import pytest

from flows.state import ConversationState
from storage.base import StateKey, StateStore
from storage.factory import build_state_store
from storage.memory import MemoryStateStore
from storage.redis_state import RedisStateStore
from tests.storage.conftest import StateBackend

KEY = StateKey("telegram", "3f2a9c0d1e4b5a6978c1d2e3f4a5b6c7")
KAZAKH = "Сәлем! Мені сыныптастарым қорлайды, не істеуім керек? Өтінемін, көмектесіңіз 🙏"


class TestStateStore:
    async def test_missing_conversation_loads_none(self, state_store: StateStore) -> None:
        assert await state_store.load(KEY) is None

    async def test_round_trip_keeps_unicode_and_nesting(self, state_store: StateStore) -> None:
        data = {"lang": "kk", "draft": {"description": KAZAKH, "links": ["https://t.me/x"]},
                "trail": ["menu", "r_what"], "n": 3, "ok": True, "none": None}
        await state_store.save(KEY, data)
        assert await state_store.load(KEY) == data

    async def test_conversation_state_survives_the_trip(self, state_store: StateStore) -> None:
        state = ConversationState(lang="kk", role="child", step="r_what", trail=("menu", "r_category"),
                                  draft={"category": "bullying", "description": KAZAKH},
                                  risk="high", risk_reasons=("self_harm",))
        await state_store.save(KEY, state.to_dict())
        loaded = await state_store.load(KEY)
        assert loaded is not None
        assert ConversationState.from_dict(loaded) == state

    async def test_values_come_back_as_json_would_give_them(self, state_store: StateStore) -> None:
        await state_store.save(KEY, {"trail": ("a", "b")})
        assert await state_store.load(KEY) == {"trail": ["a", "b"]}

    async def test_values_json_cannot_hold_are_refused(self, state_store: StateStore) -> None:
        with pytest.raises(TypeError):
            await state_store.save(KEY, {"bad": {1, 2}})

    async def test_save_overwrites_and_delete_removes(self, state_store: StateStore) -> None:
        await state_store.save(KEY, {"step": "menu"})
        await state_store.save(KEY, {"step": "sos"})
        assert await state_store.load(KEY) == {"step": "sos"}
        await state_store.delete(KEY)
        assert await state_store.load(KEY) is None
        await state_store.delete(KEY)  # deleting nothing is fine

    async def test_conversations_are_kept_apart(self, state_store: StateStore) -> None:
        others = [StateKey("whatsapp", KEY.user), StateKey("telegram", "another")]
        await state_store.save(KEY, {"who": "me"})
        for i, key in enumerate(others):
            await state_store.save(key, {"who": i})
        assert await state_store.load(KEY) == {"who": "me"}
        assert [await state_store.load(k) for k in others] == [{"who": 0}, {"who": 1}]

    async def test_state_expires_after_its_ttl(self, state_backend: StateBackend) -> None:
        store = state_backend.make(0.5)
        await store.save(KEY, {"step": "menu"})
        assert await store.load(KEY) == {"step": "menu"}
        await state_backend.elapse(0.25)
        await store.save(KEY, {"step": "sos"})  # saving again starts a new time to live
        await state_backend.elapse(0.35)  # past the first save's expiry, before the second's
        assert await store.load(KEY) == {"step": "sos"}
        await state_backend.elapse(0.3)
        assert await store.load(KEY) is None

    async def test_hits_count_per_counter(self, state_store: StateStore) -> None:
        assert [await state_store.hit("lookup:a", 60) for _ in range(3)] == [1, 2, 3]
        assert await state_store.hit("lookup:b", 60) == 1

    async def test_concurrent_hits_are_each_counted_once(self, state_store: StateStore) -> None:
        counts = await asyncio.gather(*(state_store.hit("burst", 60) for _ in range(50)))
        assert sorted(counts) == list(range(1, 51))

    async def test_claim_is_true_only_the_first_time(self, state_store: StateStore) -> None:
        assert await state_store.claim("update:telegram:1", 60) is True
        assert await state_store.claim("update:telegram:1", 60) is False
        assert await state_store.claim("update:telegram:2", 60) is True

    async def test_concurrent_claims_have_one_winner(self, state_store: StateStore) -> None:
        wins = await asyncio.gather(*(state_store.claim("update:whatsapp:wamid.X", 60) for _ in range(20)))
        assert wins.count(True) == 1

    async def test_windows_and_claims_end(self, state_backend: StateBackend) -> None:
        store = state_backend.make(3600)
        assert [await store.hit("lookup", 1) for _ in range(2)] == [1, 2]
        assert await store.claim("update:1", 1) is True
        await state_backend.elapse(1.1)
        assert await store.hit("lookup", 1) == 1  # a new window
        assert await store.claim("update:1", 1) is True

    async def test_ping(self, state_store: StateStore) -> None:
        assert await state_store.ping() is True


async def test_redis_keys_are_prefixed_and_all_expire() -> None:
    from redis.asyncio import Redis

    from tests.support.databases import redis_url

    async with redis_url() as (url, prefix):
        store = RedisStateStore(url, prefix, ttl_seconds=60)
        await store.save(KEY, {"a": 1})
        await store.hit("lookup", 60)
        await store.claim("update:1", 60)
        client: Redis = Redis.from_url(url)
        try:
            keys = sorted([k.decode() async for k in client.scan_iter(match=f"{prefix}:*")])
            assert keys == sorted([KEY.redis_key(prefix), f"{prefix}:hit:lookup", f"{prefix}:claim:update:1"])
            for key in keys:
                assert 0 < await client.pttl(key) <= 60_000, key
        finally:
            await client.aclose()
            await store.close()


async def test_redis_ping_is_false_when_the_server_is_gone() -> None:
    store = RedisStateStore("redis://127.0.0.1:1/0")
    try:
        assert await store.ping() is False
    finally:
        await store.close()


async def test_factory_picks_redis_only_with_a_url() -> None:
    memory = build_state_store(None, 60)
    redis = build_state_store("redis://127.0.0.1:6379/0", 60)
    try:
        assert isinstance(memory, MemoryStateStore)
        assert isinstance(redis, RedisStateStore)
    finally:
        await redis.close()
