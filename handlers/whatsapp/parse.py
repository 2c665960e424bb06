"""Webhook JSON -> records: user messages as channel-neutral events, delivery statuses, errors.

Pure: no I/O, no clock. The envelope (object, entry, changes, value) must have the shape Meta
documents, or `PayloadError` is raised and the webhook answers 400. Inside it, anything
unexpected becomes an `Ignored` record with a reason, so one odd message never loses the
others of the same payload.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flows.events import Event, Location, Media, MediaKind, Pick, Text
from handlers.render import decode_choice

OBJECT = "whatsapp_business_account"
MORE_PREFIX = "~more:"  # list row ids the adapter answers itself: "~more:<step>:<page>"
STALE = "~"  # the step of a reply whose id this bot did not make: the engine answers "stale"

_MEDIA_KINDS = {
    "image": MediaKind.PHOTO,
    "video": MediaKind.VIDEO,
    "document": MediaKind.DOCUMENT,
    "sticker": MediaKind.STICKER,
}
# Every message type Meta documents (counted by these in /metrics; any other as "other").
KNOWN_KINDS = frozenset({"text", "interactive", "button", "image", "video", "document", "sticker", "audio",
                         "location", "contacts", "order", "unsupported", "reaction", "revoke", "edit", "system",
                         "ephemeral", "request_welcome", "unknown"})
# Kinds that carry nothing for the engine: a reaction, the user deleting or editing a message,
# a system notice (number or identity changed).
_IGNORED_KINDS = frozenset({"reaction", "revoke", "edit", "system", "ephemeral"})


class PayloadError(ValueError):
    """The body is not a WhatsApp webhook. The message names the place, never the content."""


@dataclass(frozen=True)
class ApiError:
    code: int | None
    title: str = ""
    details: str = ""


@dataclass(frozen=True)
class MorePage:
    """The "More…" row of a paged list: show `page` of `step`'s choices."""

    step: str
    page: int


@dataclass(frozen=True)
class Incoming:
    """One message from a user."""

    phone_number_id: str
    message_id: str  # the wamid
    sender: str  # the user's WhatsApp id (phone number)
    kind: str  # WhatsApp's message type
    event: Event | MorePage
    timestamp: int | None = None
    errors: tuple[ApiError, ...] = ()

    @property
    def idempotency_key(self) -> str:
        return f"{self.phone_number_id}:{self.message_id}"


@dataclass(frozen=True)
class StatusUpdate:
    """What happened to a message we sent: sent, delivered, read, played or failed."""

    phone_number_id: str
    message_id: str
    recipient: str
    status: str
    timestamp: int | None = None
    errors: tuple[ApiError, ...] = ()
    group: bool = False


@dataclass(frozen=True)
class ErrorNotice:
    """Errors Meta reports for the phone number itself (value-level `errors`)."""

    phone_number_id: str
    errors: tuple[ApiError, ...]


@dataclass(frozen=True)
class Ignored:
    reason: str


Record = Incoming | StatusUpdate | ErrorNotice | Ignored


def parse_payload(payload: object) -> list[Record]:
    """Every record of a webhook body, in order: all entries, all changes, all messages."""
    if not isinstance(payload, dict):
        raise PayloadError("the body must be a JSON object")
    kind = payload.get("object")
    if not isinstance(kind, str):
        raise PayloadError("'object' must be a string")
    entries = _list(payload, "entry", "the body")
    if kind != OBJECT:
        return [Ignored(f"object:{kind[:40]}")]
    records: list[Record] = []
    for entry in entries:
        if not isinstance(entry, dict):
            raise PayloadError("each entry must be an object")
        for change in _list(entry, "changes", "an entry"):
            records.extend(_change(change))
    return records


def _change(change: object) -> list[Record]:
    if not isinstance(change, dict):
        raise PayloadError("each change must be an object")
    field = change.get("field")
    value = change.get("value")
    if not isinstance(field, str) or not isinstance(value, dict):
        raise PayloadError("a change needs a string 'field' and an object 'value'")
    if field != "messages":
        return [Ignored(f"field:{field[:40]}")]
    messages = _list(value, "messages", "a value", required=False)
    statuses = _list(value, "statuses", "a value", required=False)
    errors = _list(value, "errors", "a value", required=False)
    metadata = value.get("metadata")
    number = metadata.get("phone_number_id") if isinstance(metadata, dict) else None
    if not isinstance(number, str):
        if messages or statuses or errors:
            raise PayloadError("a value needs metadata.phone_number_id")
        return [Ignored("empty value")]
    records: list[Record] = [_message(number, m) for m in messages]
    records += [_status(number, s) for s in statuses]
    if errors:
        records.append(ErrorNotice(number, _errors(errors)))
    return records


def _message(number: str, message: object) -> Record:
    if not isinstance(message, dict):
        return Ignored("message is not an object")
    wamid = message.get("id")
    sender = message.get("from") or message.get("from_user_id")
    kind = message.get("type")
    if not isinstance(wamid, str) or not wamid or not isinstance(sender, str) or not sender:
        return Ignored("message without id or sender")
    if not isinstance(kind, str):
        kind = "unknown"
    if kind in _IGNORED_KINDS:
        return Ignored(f"type:{kind}")
    errors = _errors(message.get("errors"))
    return Incoming(number, wamid, sender, kind, event_of(kind, message), _timestamp(message.get("timestamp")),
                    errors)


def event_of(kind: str, message: Mapping[str, Any]) -> Event | MorePage:
    """The engine's event for one message; kinds the bot cannot read become `Media(OTHER)`,
    so the engine answers them kindly and shows the current screen again."""
    wamid = str(message.get("id", "")) or None
    body = message.get(kind)
    part: Mapping[str, Any] = body if isinstance(body, dict) else {}
    if kind == "text" and isinstance(part.get("body"), str):
        return Text(part["body"])
    if kind == "interactive":
        return _reply(part)
    if kind == "button":  # a template's quick-reply button
        payload = part.get("payload")
        pick = decode_choice(payload) if isinstance(payload, str) else None
        if pick is not None:
            return pick
        text = part.get("text")
        return Text(text) if isinstance(text, str) and text else Pick(STALE, STALE)
    if kind in _MEDIA_KINDS or kind == "audio":
        media_kind = _MEDIA_KINDS.get(kind) or (MediaKind.VOICE if part.get("voice") else MediaKind.AUDIO)
        ref = part.get("id")
        caption = part.get("caption")
        return Media(media_kind, ref if isinstance(ref, str) else None, wamid,
                     caption if isinstance(caption, str) and caption else None)
    if kind == "location":  # forwarded only to the child's trusted adults (bot/adults.py), never kept
        latitude, longitude = part.get("latitude"), part.get("longitude")
        if isinstance(latitude, int | float) and isinstance(longitude, int | float) and not isinstance(latitude, bool):
            return Location(float(latitude), float(longitude))
        return Media(MediaKind.LOCATION, None, wamid)
    if kind == "contacts":  # other people's numbers are never kept
        return Media(MediaKind.CONTACT, None, wamid)
    return Media(MediaKind.OTHER, None, wamid)


def _reply(interactive: Mapping[str, Any]) -> Event | MorePage:
    kind = interactive.get("type")
    reply = interactive.get(kind) if isinstance(kind, str) else None
    reply_id = reply.get("id") if isinstance(reply, dict) else None
    if not isinstance(reply_id, str):
        return Pick(STALE, STALE)
    more = parse_more(reply_id)
    if more is not None:
        return more
    return decode_choice(reply_id) or Pick(STALE, STALE)


def more_id(step: str, page: int) -> str:
    return f"{MORE_PREFIX}{step}:{page}"


def parse_more(row_id: str) -> MorePage | None:
    if not row_id.startswith(MORE_PREFIX):
        return None
    step, _, page = row_id.removeprefix(MORE_PREFIX).rpartition(":")
    if not step or not page.isdigit() or len(page) > 3:
        return None
    return MorePage(step, int(page))


def _status(number: str, status: object) -> Record:
    if not isinstance(status, dict):
        return Ignored("status is not an object")
    wamid, recipient, state = status.get("id"), status.get("recipient_id"), status.get("status")
    if not isinstance(wamid, str) or not isinstance(recipient, str) or not isinstance(state, str):
        return Ignored("status without id, recipient or status")
    return StatusUpdate(number, wamid, recipient, state, _timestamp(status.get("timestamp")),
                        _errors(status.get("errors")), status.get("recipient_type") == "group")


def _errors(raw: object) -> tuple[ApiError, ...]:
    if not isinstance(raw, list):
        return ()
    found: list[ApiError] = []
    for item in raw:
        if not isinstance(item, dict):
            continue
        code = item.get("code")
        title = item.get("title") or item.get("message") or ""
        data = item.get("error_data")
        details = data.get("details") if isinstance(data, dict) else item.get("details")
        found.append(ApiError(code if isinstance(code, int) and not isinstance(code, bool) else None,
                              str(title)[:200], str(details or "")[:300]))
    return tuple(found)


def _timestamp(raw: object) -> int | None:
    if isinstance(raw, str) and raw.isdigit() and len(raw) <= 12:
        return int(raw)
    if isinstance(raw, int) and not isinstance(raw, bool) and raw >= 0:
        return raw
    return None


def _list(holder: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> list[Any]:
    value = holder.get(key)
    if value is None and not required:
        return []
    if not isinstance(value, list):
        raise PayloadError(f"{where} needs a list '{key}'")
    return value
