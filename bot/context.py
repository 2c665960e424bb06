"""The update being processed, as a context variable, and the reply record kept with its state.

A worker sets `UpdateContext` around the processing of one stored update. The runtime then
records the update as done in the same atomic write as the conversation state (with the reply
still to send), the case store files its case under an id derived from the update, and the
outbox numbers the outgoing messages `<update>:<chat>:<n>` so a retry never sends one twice.
Outside a worker (the shell, the simulator, polling) there is no context and nothing changes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from flows.actions import DiscardMedia, Option, Say
from flows.messages import Msg, Param
from storage import crypto
from storage.base import StateKey

DONE = "done"  # the mark of an update whose effects and reply are all recorded and sent
REPLY_PREFIX = "reply:"  # the mark of an update whose state is saved and whose reply is still due
IDEMPOTENCY_TTL_SECONDS = 8 * 86400  # WhatsApp retries a webhook for up to 7 days


def conversation_lane(key: StateKey) -> str:
    """The name under which a conversation is held and its updates queued (pseudonymous)."""
    return f"conv:{key.platform}:{key.user}"


@dataclass
class UpdateContext:
    platform: str
    key: str  # the platform's idempotency key (Telegram "<bot>:<update_id>", WhatsApp "<number>:<wamid>")
    lane: str | None = None  # the conversation the update belongs to (see conversation_lane)
    checked: bool = False  # the worker already found the update not done (saves a round trip)
    held: Callable[[], bool] | None = None  # whether the worker surely still holds the lane
    # Read with the update's head while the lane was held (bot/delivery/prefetch.py): the conversation's
    # records as stored (JSON, None when absent), and the messages already sent (None: not read).
    known: dict[StateKey, str | None] = field(default_factory=dict)
    sent_before: set[str] | None = None
    # Sent and not yet recorded: the store was down, or it is the reply's last message, whose record
    # rides on the update's "done" (bot/delivery/outbox.py): recorded by `flush` before anything else
    # the update writes or waits for.
    unrecorded: list[str] = field(default_factory=list)
    flush: Callable[[], Awaitable[None]] | None = None
    # The update's reply is being sent: its state is saved with it (or it is a saved reply sent again),
    # so nothing but "done" follows it in the worker.
    replying: bool = False
    # Rate counters counted from their prefetched value, (counter, window seconds): written with the
    # update's "done" (bot/delivery/intake_redis.py `finish`), not each in a round trip of its own.
    counted: list[tuple[str, int]] = field(default_factory=list)
    _sent: dict[str, int] = field(default_factory=dict)

    def owns(self, key: StateKey) -> bool:
        """Whether `key` is the update's own conversation (an operator's update reaches others')."""
        return self.lane == conversation_lane(key)

    @property
    def token(self) -> str:
        return update_token(self.platform, self.key)

    def next_message_id(self, chat: str) -> str:
        """`<chat hash>:<n>`: the n-th message this update sends to this chat (recorded under the update)."""
        n = self._sent.get(chat, 0)
        self._sent[chat] = n + 1
        chat_hash = hashlib.sha256(chat.encode()).hexdigest()[:12]  # no raw chat ids in Redis
        return f"{chat_hash}:{n}"

    def case_id(self) -> str:
        """The id of a case this update files (32 hex, not sequential, the same on every retry)."""
        return hashlib.sha256(f"case:{self.token}".encode()).hexdigest()[:32]


_current: ContextVar[UpdateContext | None] = ContextVar("helpline_update", default=None)


def update_token(platform: str, key: str) -> str:
    return f"update:{platform}:{key}"


def current_update() -> UpdateContext | None:
    return _current.get()


@contextmanager
def processing(context: UpdateContext) -> Iterator[UpdateContext]:
    reset = _current.set(context)
    try:
        yield context
    finally:
        _current.reset(reset)


# -- the reply record: (lang, actions) <-> JSON -------------------------------------------------
# A reply echoes what users and operators wrote (the review summary, an operator's answer): encrypted
# at rest like the drafts (storage/crypto.py), for the short time it waits in the mark.
REPLY_PURPOSE = "mark.reply"


def encode_reply(lang: str, actions: tuple[Say | DiscardMedia, ...]) -> str:
    return REPLY_PREFIX + crypto.ring().encrypt_json({"lang": lang, "actions": [_action(a) for a in actions]},
                                                     REPLY_PURPOSE)


def decode_reply(mark: str) -> tuple[str, tuple[Say | DiscardMedia, ...]] | None:
    """The reply kept in a mark, or None for a mark without one (done)."""
    if not mark.startswith(REPLY_PREFIX):
        return None
    data = crypto.ring().decrypt_json(mark[len(REPLY_PREFIX):], REPLY_PURPOSE)
    return str(data["lang"]), tuple(_from_action(a) for a in data["actions"])


def _action(action: Say | DiscardMedia) -> dict[str, Any]:
    if isinstance(action, DiscardMedia):
        return {"discard": {"ref": action.message_ref, "kind": action.kind, "details": dict(action.details)}}
    return {"say": _msg(action.text), "step": action.step,
            "options": [{"value": o.value, "label": _msg(o.label)} for o in action.options]}


def _from_action(data: Mapping[str, Any]) -> Say | DiscardMedia:
    if "discard" in data:
        d = data["discard"]
        return DiscardMedia(d["ref"], d["kind"], dict(d["details"]))
    options = tuple(Option(o["value"], _from_msg(o["label"])) for o in data["options"])
    return Say(_from_msg(data["say"]), options, data["step"])


def _msg(msg: Msg) -> dict[str, Any]:
    return {"key": msg.key, "params": {name: _param(value) for name, value in msg.params.items()}}


def _param(value: Param) -> Any:
    if isinstance(value, Msg):
        return {"msg": _msg(value)}
    if isinstance(value, tuple):
        return {"msgs": [_msg(m) for m in value]}
    return value


def _from_msg(data: Mapping[str, Any]) -> Msg:
    return Msg(data["key"], {name: _from_param(value) for name, value in data["params"].items()})


def _from_param(value: Any) -> Param:
    if isinstance(value, dict):
        if "msg" in value:
            return _from_msg(value["msg"])
        return tuple(_from_msg(m) for m in value["msgs"])
    result: Param = value  # plain text (or a number the engine passed), as it was
    return result
