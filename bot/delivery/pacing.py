"""Send pacing shared by every process through Redis, so the platforms' limits hold for the bot as a whole.

`bot.delivery.sending.Pacer` paces one process. With `REDIS_URL` many workers send for one bot (Telegram:
about 30 messages a second overall, 20 a minute into one group) and one number (WhatsApp's throughput),
so `SharedPacer` keeps, per scope (the platform account), under `{prefix}:pace:{scope}:`:

- `next`: the next free slot of the overall rate (GCRA, with a burst of `rate * LEASE_SECONDS`).
  One script call leases up to `BATCH` consecutive slots (as many as this process has messages
  waiting, and for chats with a backlog as many as they used lately); each message waits for its slot,
  with no call of its own. A slot not used within
  `LEASE_SECONDS` is dropped. In any t seconds all processes together send at most
  `rate * (t + LEASE_SECONDS) + burst`.
- `backlog`: the next slot of the chats with a backlog (their lane has more updates queued), which get
  at most `BACKLOG_SHARE` of the overall rate between them (bot/delivery/turns.py). Their slots are leased
  apart from the others' and never so far ahead that `next` passes now: while a flood uses all it may,
  the rate still has a slot free at once for a child's reply (headroom).
- `holds`: "not before" times, per chat (a hash of its id; `*`: every chat), written when a platform
  says wait (Telegram's 429 `retry_after`, WhatsApp's 130429 and 131056). Each lease brings them
  back, so the other processes hold back from their next lease (an idle process leases before it
  sends anyway); slots are leased after a hold of every chat.
- `chat:<hash>`: the slots of a group chat (an id starting with "-": Telegram groups, such as the
  operator group, which many lanes and processes write to), one script call per message (20 a
  minute at most). A private chat is written to by the lane holding its conversation, one at a
  time, so its spacing stays in the process (docs/decisions.md).
- `peers`: the processes seen lately; while Redis is down each paces alone at rate / peers.

Fair turns (bot/delivery/turns.py `FairTurns`): when more messages wait for the overall rate than it
lets go, each slot is given out when it is due (not booked ahead) to the conversation with the least
backlog (its updates queued, plus its turns lately), not to whoever asked first (chats with a backlog
and chats without take turns apart, each kind from its own slots); a worker's slots
(WORKER_CONCURRENCY, bot/delivery/worker.py) go the same way to lanes, and a lane that only waits for
pacing holds none. A flood then waits behind everyone else, and a child's reply does not. The same holds
without Redis (`Pacer`, within the process).

Redis down, or no answer within `CALL_TIMEOUT`: the process paces alone for `RETRY_SECONDS`, then
tries Redis again; a warning is logged once per outage (the scope and the error type, never a chat).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import math
import secrets
import time
from collections import Counter, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from redis.asyncio import Redis

from bot.delivery.sending import Pacer, Pacing, current_turn, parked, recount_lane
from bot.delivery.turns import BACKLOG_SHARE, FairTurns, has_backlog
from bot.settings import Settings

log = logging.getLogger(__name__)

LEASE_SECONDS = 0.25  # a leased slot unused this long after its time is dropped; also the burst (x rate)
BATCH = 8  # slots one call asks for, at most
HORIZON_SECONDS = 0.5  # a backlog's lease asks for the slots its chats used in about this long lately
SYNC_SECONDS = 0.5  # without an overall rate, the holds are read before sending after this long
PEER_SECONDS = 10.0  # a process that leased within this long counts as a peer
CALL_TIMEOUT = 0.5  # one Redis call waits this long at most, then this process paces alone
RETRY_SECONDS = 1.0  # and tries Redis again after this
GROUP_PER_MINUTE = 20  # Telegram: messages a minute into one group
GROUP_BURST = 3  # sent at once; the rate under it is lowered so that no minute holds more than 20
MAX_HOLDS_READ = 100
# Slots of the overall rate that chats with a backlog leave free now, for chats without one arriving together
# (normal users' replies come at random moments: two or three within one slot's interval are common). With one,
# beside a flood, the second of two replies close together waited for the next slot (bench/README.md, stop 33).
HEADROOM_SLOTS = 2

# KEYS: next slot, holds, peers, next slot of the chats with a backlog. ARGV: slot interval (ms), burst
# tolerance (ms), slots wanted, peer id, peer ttl (ms), holds to read at most, for chats with a backlog (else
# 0) their slot interval (ms), and the headroom they leave (ms: HEADROOM_SLOTS intervals). Returns {slots,
# first slot (ms from now, may be past: the burst), slot interval (ms, a string: Redis would cut a number to
# an integer), peers, member, remaining ms, ...}: the holds still running.
#
# `next` is the overall rate's GCRA (theoretical arrival time minus the tolerance): a slot at `c` moves
# it to max(next, c - tolerance) + interval. Slots for chats with a backlog also keep their own spacing
# (`backlog`, at BACKLOG_SHARE of the rate) and are leased only while `next` stays HEADROOM_SLOTS intervals
# or more before now: so the overall rate keeps slots free at once for chats without one, a few together.
# When none can be leased, the reply is {0, when to ask again (ms from now), ...} (the holds are not read
# then: the next lease reads them).
_LEASE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval, tolerance, want = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local peer_ttl, spacing, reserve = tonumber(ARGV[5]), tonumber(ARGV[7]), tonumber(ARGV[8])
redis.call('ZADD', KEYS[3], now, ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - peer_ttl)
redis.call('PEXPIRE', KEYS[3], peer_ttl)
local peers = redis.call('ZCARD', KEYS[3])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local held = redis.call('ZRANGE', KEYS[2], 0, tonumber(ARGV[6]) - 1, 'WITHSCORES')
local first, got, step = now, want, interval
if want > 0 then
  local nxt = math.max(tonumber(redis.call('GET', KEYS[1])) or 0, now - tolerance)
  local everyone = redis.call('ZSCORE', KEYS[2], '*')
  if everyone then nxt = math.max(nxt, tonumber(everyone)) end
  if spacing > 0 then
    local own = tonumber(redis.call('GET', KEYS[4])) or 0
    first = math.max(nxt, own, now)
    got, step = 0, spacing
    local slot = first
    while got < want and math.max(nxt, slot - tolerance) + interval <= now - reserve do
      nxt = math.max(nxt, slot - tolerance) + interval
      got = got + 1
      slot = first + got * spacing
    end
    if got == 0 then  -- none free without taking the slot of now: when to ask again
      first = math.max(nxt + interval + reserve, own - tolerance + interval, now + 1)
      return {0, math.ceil(first - now), string.format('%.3f', step), peers}
    end
    local last = first + (got - 1) * spacing
    redis.call('SET', KEYS[4], string.format('%.3f', last + spacing), 'PX', math.ceil(last + spacing - now) + 1000)
  else
    first = nxt
    nxt = first + want * interval
  end
  redis.call('SET', KEYS[1], string.format('%.3f', nxt), 'PX', math.ceil(nxt - now + tolerance) + 1000)
end
local out = {got, math.floor(first - now), string.format('%.3f', step), peers}
for i = 1, #held, 2 do
  out[#out + 1] = held[i]
  out[#out + 1] = tonumber(held[i + 1]) - now
end
return out
"""

# KEYS: the group's slots, holds. ARGV: chat hash, emission interval (ms), tolerance (ms), spacing (ms).
# GCRA: reserves the group's next slot and returns how long until it (ms).
_GROUP = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local emission, tolerance, spacing = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local state = redis.call('HMGET', KEYS[1], 'tat', 'last')
local tat = tonumber(state[1]) or now
local slot = math.max(now, tat - tolerance)
if state[2] then slot = math.max(slot, tonumber(state[2]) + spacing) end
local hold = redis.call('ZSCORE', KEYS[2], ARGV[1])
if hold then slot = math.max(slot, tonumber(hold)) end
tat = math.max(tat, slot) + emission
redis.call('HSET', KEYS[1], 'tat', tat, 'last', slot)
redis.call('PEXPIRE', KEYS[1], tat - now + spacing + 1000)
return slot - now
"""

# KEYS: holds. ARGV: member (chat hash or '*'), milliseconds. Keeps the later of two holds.
_HOLD = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ms = tonumber(ARGV[2])
local current = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not current or tonumber(current) < now + ms then redis.call('ZADD', KEYS[1], now + ms, ARGV[1]) end
if redis.call('PTTL', KEYS[1]) < ms + 1000 then redis.call('PEXPIRE', KEYS[1], ms + 1000) end
return 1
"""


@dataclass
class _Leases:
    """Slots leased for one kind of chat (with a backlog, or without) and who takes them: one slot taker
    at a time, who keeps the turn until its slot is due, so a slot is given out when it can be used, to
    the conversation with the least backlog, and a flood cannot book the rate ahead."""

    turns: FairTurns
    slots: deque[float] = field(default_factory=deque)  # leased slots, on this clock
    taken: deque[float] = field(default_factory=deque)  # chats with a backlog: slots taken, over the last second
    waiting: int = 0  # messages waiting for a slot: how many to lease


def chat_hash(chat: str) -> str:
    return hashlib.sha256(chat.encode()).hexdigest()[:16]  # no raw chat ids in Redis


def is_group(chat: str) -> bool:
    """Telegram groups, supergroups and channels have negative ids; users and WhatsApp numbers do not."""
    return chat.startswith("-")


class SharedPacer:
    """`Pacing` for all the processes of a deployment: the overall rate, holds and group chats in Redis."""

    def __init__(self, redis: Redis, prefix: str, scope: str, *, per_chat: float, global_rate: float,
                 batch: int = BATCH, lease_seconds: float = LEASE_SECONDS,
                 group_per_minute: int = GROUP_PER_MINUTE, group_burst: int = GROUP_BURST,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.scope = scope
        self.per_chat = max(per_chat, 0.0)
        self.global_rate = max(global_rate, 0.0)
        self.enabled = self.per_chat > 0 or self.global_rate > 0  # 0 and 0: no pacing, no Redis at all
        self.interval = 1.0 / self.global_rate if self.global_rate > 0 else 0.0
        self.backlog_interval = self.interval / BACKLOG_SHARE
        # Slots at once after a quiet spell; at least HEADROOM_SLOTS + 1, so that the tolerance (burst x interval)
        # holds the slot a chat with a backlog may lease beside the headroom left free (`_LEASE`) at low rates too.
        self.burst = max(HEADROOM_SLOTS + 1, math.floor(self.global_rate * lease_seconds))
        self.batch = max(1, batch)
        self.lease_seconds = lease_seconds
        # GCRA with a burst: no 60 s window holds more than group_per_minute (docs/decisions.md).
        self.group_emission = 60.0 / max(group_per_minute - group_burst + 1, 1)
        self.group_tolerance = (group_burst - 1) * self.group_emission
        self.clock = clock
        self.sleep = sleep
        self.sync_seconds = SYNC_SECONDS
        self.call_timeout = CALL_TIMEOUT
        self.retry_seconds = RETRY_SECONDS
        self.counts: Counter[str] = Counter()  # Redis calls and fallbacks, for tests and a look in a shell
        self.peers = 1  # processes seen at the last lease: this one's share of the rate while Redis is down
        base = f"{prefix}:pace:{scope}"
        self._next, self._holds, self._peers_key = f"{base}:next", f"{base}:holds", f"{base}:peers"
        self._backlog_next = f"{base}:backlog"
        self._group_prefix = f"{base}:chat:"
        self._peer = secrets.token_hex(8)
        self._lease_script = redis.register_script(_LEASE)
        self._group_script = redis.register_script(_GROUP)
        self._hold_script = redis.register_script(_HOLD)
        self._lock = asyncio.Lock()  # without an overall rate: one reading of the holds at a time
        # Slots for chats without a backlog, and (held to BACKLOG_SHARE of the rate) for chats with one.
        self._free = _Leases(FairTurns(1, clock=clock))
        self._backlogged = _Leases(FairTurns(1, clock=clock))
        self._synced = -math.inf
        self._held: dict[str, float] = {}  # chat hash or "*" -> not before, on this clock
        self._next_chat: dict[str, float] = {}
        self._next_alone = 0.0  # the next slot of this process's share while Redis is down
        self._next_alone_backlog = 0.0  # and of the chats with a backlog
        self._down_until = 0.0
        self._warned = False

    @property
    def shared(self) -> bool:
        """False while Redis is taken as down (this process paces alone)."""
        return self.clock() >= self._down_until

    async def wait(self, chat: str) -> None:
        if not self.enabled:
            return
        await self._chat_turn(chat)
        while True:
            slot = await self._slot(chat)
            held = self._not_before(chat)  # the lease may have brought a hold another process was told
            if held <= max(slot, self.clock()):
                break
            await self.sleep(held - self.clock())  # the slot goes unused; a new one after the hold
        delay = slot - self.clock()
        if delay > 0:
            await self.sleep(delay)
        if self.per_chat > 0 and chat in self._next_chat:  # spaced from when it went, not when it asked
            self._next_chat[chat] = max(self._next_chat[chat], max(slot, self.clock()) + self.per_chat)

    async def hold(self, chat: str | None, seconds: float) -> None:
        if not self.enabled or seconds <= 0:
            return
        member = "*" if chat is None else chat_hash(chat)
        self._held[member] = max(self._held.get(member, 0.0), self.clock() + seconds)
        if not self.shared:
            return
        try:
            async with asyncio.timeout(self.call_timeout):
                await self._hold_script(keys=[self._holds], args=[member, math.ceil(seconds * 1000)])
        except Exception as error:  # pacing never stops a message: the hold stays in this process
            self._fall_back(error)
            return
        self._recovered()
        self.counts["holds"] += 1

    def _not_before(self, chat: str) -> float:
        if not self._held:
            return 0.0
        return max(self._held.get("*", 0.0), self._held.get(chat_hash(chat), 0.0))

    # -- the chat ---------------------------------------------------------------------------------
    async def _chat_turn(self, chat: str) -> None:
        group = self.per_chat > 0 and is_group(chat)
        if group and self.shared:
            delay = await self._group_slot(chat)
            if delay is not None:
                if delay > 0:
                    async with parked():
                        await self.sleep(delay)
                return
        # A private chat (its lane sends one message at a time), or a group while Redis is down.
        now = self.clock()
        start = max(now, self._next_chat.get(chat, 0.0), self._not_before(chat))
        interval = max(self.per_chat, self.group_emission) if group else self.per_chat
        if interval > 0:
            self._next_chat[chat] = start + interval
            if len(self._next_chat) > 10_000:  # forget chats that are long past their slot
                self._next_chat = {c: t for c, t in self._next_chat.items() if t > now}
        if start > now:
            async with parked():
                await self.sleep(start - now)

    async def _group_slot(self, chat: str) -> float | None:
        member = chat_hash(chat)
        try:
            async with asyncio.timeout(self.call_timeout):
                wait_ms = await self._group_script(
                    keys=[self._group_prefix + member, self._holds],
                    args=[member, math.ceil(self.group_emission * 1000), math.ceil(self.group_tolerance * 1000),
                          math.ceil(self.per_chat * 1000)])
        except Exception as error:  # paced in this process instead
            self._fall_back(error)
            return None
        self._recovered()
        self.counts["group_slots"] += 1
        return max(int(wait_ms), 0) / 1000

    # -- the overall rate -------------------------------------------------------------------------
    async def _slot(self, chat: str) -> float:
        """When this message may go at the overall rate: a slot of this process's lease, given out
        when due to the conversation with the least backlog (`FairTurns`); a chat with a backlog takes
        its slots apart from the others', at BACKLOG_SHARE of the rate (headroom, in `_LEASE`)."""
        if self.global_rate <= 0:  # no overall rate: only read the holds now and then
            if self.shared and self.clock() - self._synced > self.sync_seconds:
                async with self._lock:
                    if self.shared and self.clock() - self._synced > self.sync_seconds:
                        await self._lease(0)
            return max(self.clock(), self._held.get("*", 0.0))
        if self.shared:  # while Redis is taken as down, the count read with the head stands: no wait for it
            await recount_lane()
        lane = current_turn.get()
        queued = lane.queued if lane is not None else 0
        backlog = has_backlog(queued)
        leases = self._backlogged if backlog else self._free
        leases.waiting += 1
        try:
            async with parked(), leases.turns.turn(chat, queued):
                now = self.clock()
                while leases.slots and leases.slots[0] < now - self.lease_seconds:
                    leases.slots.popleft()  # too late to use (its sender left): dropped
                while not leases.slots and self.shared:
                    again = await self._lease(self._wanted(leases, now, backlog), backlog)
                    if leases.slots or again is None:
                        break
                    await self.sleep(max(again - self.clock(), 0.001))  # the rate's slot of now stays free
                    now = self.clock()
                everyone = self._held.get("*", 0.0)
                if leases.slots:
                    if backlog:  # counted for `_wanted`
                        leases.taken.append(now)
                    slot = max(leases.slots.popleft(), everyone)
                else:  # Redis is down: this process's share of the rate, in slots like `Pacer`.
                    slot = max(now, self._next_alone, everyone, self._next_alone_backlog if backlog else 0.0)
                    self._next_alone = slot + self.peers * self.interval
                    if backlog:
                        self._next_alone_backlog = slot + self.peers * self.backlog_interval
                if slot > self.clock():
                    await self.sleep(slot - self.clock())
                return slot
        finally:
            leases.waiting -= 1

    def _wanted(self, leases: _Leases, now: float, backlog: bool) -> int:
        """How many slots one lease asks for. Chats with a backlog: what this process has been using lately
        too, not only who waits right now (each of their senders comes back one at a time, after its own slot,
        and their slots never pass the headroom, so a batch takes nothing from a reply). Chats without one: only
        the messages waiting. Slots leased ahead for messages a process did not have moved the shared schedule
        past now, and a reply in another process waited behind them, 30-70 ms beside a flood with two workers,
        while the slots went unused (bench/README.md, stop 34)."""
        if not backlog:
            return min(leases.waiting, self.batch)
        while leases.taken and leases.taken[0] < now - 1.0:
            leases.taken.popleft()
        lately = math.ceil(len(leases.taken) * HORIZON_SECONDS)
        return min(max(leases.waiting, lately), self.batch)

    async def _lease(self, want: int, backlog: bool = False) -> float | None:
        """One script call: up to `want` slots (for chats with a backlog, or without), the holds, the
        peers. The time of the first slot (none leased: when to ask again); None when Redis failed."""
        try:
            async with asyncio.timeout(self.call_timeout):
                reply = await self._lease_script(
                    keys=[self._next, self._holds, self._peers_key, self._backlog_next],
                    args=[self.interval * 1000, self.burst * self.interval * 1000, want, self._peer,
                          math.ceil(PEER_SECONDS * 1000), MAX_HOLDS_READ,
                          self.backlog_interval * 1000 if backlog else 0, HEADROOM_SLOTS * self.interval * 1000])
        except Exception as error:  # paced in this process instead
            self._fall_back(error)
            return None
        self._recovered()
        self.counts["leases"] += 1
        answered = self.clock()  # Redis's times are relative: read on this clock, a little late at worst
        first, step = answered + int(reply[1]) / 1000, float(reply[2]) / 1000
        leases = self._backlogged if backlog else self._free
        leases.slots.extend(first + n * step for n in range(int(reply[0])))
        self.peers = max(int(reply[3]), 1)
        self._synced = answered
        held = {member: until for member, until in self._held.items() if until > answered}
        for member, remaining in zip(reply[4::2], reply[5::2], strict=True):
            key = member if isinstance(member, str) else member.decode()
            held[key] = max(held.get(key, 0.0), answered + int(remaining) / 1000)
        self._held = held
        return first

    # -- Redis down and back ----------------------------------------------------------------------
    def _fall_back(self, error: BaseException) -> None:
        self._down_until = self.clock() + self.retry_seconds
        self._free.slots.clear()
        self._backlogged.slots.clear()
        self.counts["fallbacks"] += 1
        if not self._warned:
            self._warned = True
            log.warning("send pacing falls back to this process: Redis did not answer",
                        extra={"scope": self.scope, "error": type(error).__name__, "peers": self.peers})

    def _recovered(self) -> None:
        if self._warned:
            self._warned = False
            log.info("send pacing shared through Redis again", extra={"scope": self.scope})


class Follow:
    """The pacer of another sender, looked up at each message: the operator group's sender paces with
    the Telegram channel's (one bot, one set of limits), whatever `Pipeline.durable` made of it."""

    def __init__(self, source: Callable[[], Pacing]) -> None:
        self.source = source

    async def wait(self, chat: str) -> None:
        await self.source().wait(chat)

    async def hold(self, chat: str | None, seconds: float) -> None:
        await self.source().hold(chat, seconds)


def pacer_for(base: Pacing, settings: Settings, redis: Redis | None) -> Pacing:
    """The pacer of a channel's durable sender: the platform's defaults (`base`) unless
    SEND_CHAT_INTERVAL_SECONDS / SEND_RATE_PER_SECOND say otherwise; shared by every process through
    Redis with REDIS_URL, this process's own without (the embedded default)."""
    if not isinstance(base, Pacer):
        return base  # chosen by whoever built the sender
    chat, rate = settings.send_chat_interval_seconds, settings.send_rate_per_second
    per_chat = base.per_chat if chat is None else chat
    global_rate = base.global_rate if rate is None else rate
    if redis is None:
        if chat is None and rate is None:
            return base
        return Pacer(per_chat=per_chat, global_rate=global_rate, scope=base.scope)
    return SharedPacer(redis, settings.redis_prefix, base.scope or "default", per_chat=per_chat,
                       global_rate=global_rate)
