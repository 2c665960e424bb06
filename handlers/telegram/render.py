"""Channel-neutral messages -> Telegram requests: HTML texts within 4096 characters, inline
keyboards for choices, the persistent SOS reply keyboard, deletions of refused files.

Templates hold only <b>; every user-supplied string is escaped by the translator with
`escape` below before it reaches a template, so a name like "<3 & <b>" arrives as typed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, KeyboardButton, ReplyKeyboardMarkup

from handlers.render import Button, Discard, OutMessage, strip_markup

TEXT_LIMIT = 4096  # Bot API: 1-4096 characters after entity parsing; we count the HTML source
ROW_CHARS = 26  # labels packed on one row while their lengths add up to at most this
ROW_BUTTONS = 3
PARSE_MODE = "HTML"
_OPEN, _CLOSE = "<b>", "</b>"
_TAG_OR_ENTITY = re.compile(r"</?b>|&[#a-zA-Z0-9]+;")


def escape(text: str) -> str:
    """User text for Telegram HTML: only &, < and > are special there."""
    return html.escape(text, quote=False)


def plain(text: str) -> str:
    """The HTML text without markup, for a resend when Telegram could not parse it."""
    return html.unescape(strip_markup(text))


@dataclass(frozen=True)
class SendText:
    text: str  # Telegram HTML
    buttons: tuple[Button, ...] = ()
    sos_label: str | None = None  # attach the persistent SOS reply keyboard with this label


@dataclass(frozen=True)
class DeleteMessage:
    message_id: int


@dataclass(frozen=True)
class SendLocation:
    """A child's location, forwarded to their trusted adult (bot/adults.py); never kept."""

    latitude: float
    longitude: float

    def __repr__(self) -> str:  # never in a log
        return "SendLocation(<not shown>)"


Outgoing = SendText | DeleteMessage | SendLocation


def to_outgoing(messages: Iterable[OutMessage | Discard], limit: int = TEXT_LIMIT) -> list[Outgoing]:
    """Split long texts (the buttons stay with the last part); refused files become deletions."""
    out: list[Outgoing] = []
    for message in messages:
        if isinstance(message, Discard):
            if message.message_ref is not None and message.message_ref.lstrip("-").isdigit():
                out.append(DeleteMessage(int(message.message_ref)))
            continue
        parts = split_html(message.text, limit)
        out.extend(SendText(part) for part in parts[:-1])
        out.append(SendText(parts[-1], message.buttons))
    return out


def with_sos_keyboard(items: Sequence[Outgoing], label: str, intro: str) -> list[Outgoing]:
    """Carry the persistent SOS button on the first text without inline buttons (a message has
    one keyboard); if every text has inline buttons, add `intro` carrying it at the end."""
    out = list(items)
    for index, item in enumerate(out):
        if isinstance(item, SendText) and not item.buttons:
            out[index] = SendText(item.text, (), label)
            return out
    out.append(SendText(intro, (), label))
    return out


def keyboard_rows(buttons: Sequence[Button]) -> list[list[Button]]:
    """Short labels share a row (three at most); long ones get a row of their own."""
    rows: list[list[Button]] = []
    width = 0
    for button in buttons:
        size = len(button.label)
        if rows and len(rows[-1]) < ROW_BUTTONS and width + size <= ROW_CHARS:
            rows[-1].append(button)
            width += size
        else:
            rows.append([button])
            width = size
    return rows


def inline_keyboard(buttons: Sequence[Button]) -> InlineKeyboardMarkup:
    """The buttons in rows (`keyboard_rows`)."""
    return InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text=b.label, callback_data=b.data) for b in row]
                                                 for row in keyboard_rows(buttons)])


def sos_keyboard(label: str) -> ReplyKeyboardMarkup:
    """The SOS button under the message box, kept there (`is_persistent`) on every screen."""
    return ReplyKeyboardMarkup(keyboard=[[KeyboardButton(text=label)]], resize_keyboard=True, is_persistent=True)


def utf16_len(text: str) -> int:
    """Telegram counts UTF-16 code units (an emoji outside the BMP counts two)."""
    return len(text.encode("utf-16-le")) // 2


def split_html(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """Parts of at most `limit` UTF-16 units, cut at a line break (else a space), never inside
    a tag or an entity; a <b> open at a cut is closed there and opened again in the next part."""
    budget = limit - len(_OPEN) - len(_CLOSE)
    parts: list[str] = []
    rest = text
    carry_bold = False
    while True:
        if carry_bold:
            rest = _OPEN + rest
        if utf16_len(rest) <= limit and not _bold_open(rest):
            parts.append(rest)
            break
        if utf16_len(rest) <= budget:
            parts.append(rest + _CLOSE)
            break
        cut = _cut_at(rest, budget)
        part, rest = rest[:cut].rstrip(), rest[cut:].lstrip("\n ")
        carry_bold = _bold_open(part)
        parts.append(part + _CLOSE if carry_bold else part)
        if not rest:
            break
    return [p for p in parts if strip_markup(p).strip()] or [text[:limit]]


def _cut_at(text: str, budget: int) -> int:
    end = _prefix_fitting(text, budget)
    cut = text.rfind("\n", 0, end + 1)
    if cut <= 0:
        cut = text.rfind(" ", 0, end + 1)
    if cut <= 0:
        cut = end
    for match in _TAG_OR_ENTITY.finditer(text, max(0, cut - 12), cut + 12):
        if match.start() < cut < match.end():
            cut = match.start()
    return max(cut, 1)


def _prefix_fitting(text: str, budget: int) -> int:
    """The longest prefix length whose UTF-16 length is at most `budget`."""
    units = 0
    for index, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > budget:
            return index
    return len(text)


def _bold_open(text: str) -> bool:
    return text.count(_OPEN) > text.count(_CLOSE)
