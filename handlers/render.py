"""From the engine's actions to channel-neutral outgoing messages, shared by every adapter.

Adapters render with `html.escape`: the result is Telegram's HTML (only <b> and entities);
plain-text channels then call `strip_markup` or `markdown_bold`, which drop or convert the
template's <b> and restore the users' own characters. Then they fit the platform's limits.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from flows.actions import DiscardMedia, Say
from flows.events import Pick
from flows.steps import MAX_CALLBACK_BYTES
from locales import Translator

SEPARATOR = "|"
# What the developer tools (terminal, simulator) show where a platform would delete a refused file.
DISCARD_NOTE = "[the file was removed from this chat and not kept]"
BOLD = re.compile(r"<b>(.*?)</b>", re.DOTALL)


@dataclass(frozen=True)
class Button:
    label: str
    data: str  # "<step>|<value>", at most 64 bytes


@dataclass(frozen=True)
class OutMessage:
    text: str
    buttons: tuple[Button, ...] = ()


@dataclass(frozen=True)
class Discard:
    """Delete a refused file from the chat, where the platform can."""

    message_ref: str | None


def encode_choice(step: str, value: str) -> str:
    data = f"{step}{SEPARATOR}{value}"
    if len(data.encode()) > MAX_CALLBACK_BYTES:
        raise ValueError(f"choice data too long: {data!r}")
    return data


def decode_choice(data: str) -> Pick | None:
    """A button's data back into a `Pick`; None for data this bot did not make."""
    step, sep, value = data.partition(SEPARATOR)
    if not sep or not step or not value or len(data.encode()) > MAX_CALLBACK_BYTES:
        return None
    return Pick(step, value)


def render(actions: tuple[Say | DiscardMedia, ...], lang: str, translator: Translator,
           escape: Callable[[str], str], limit: int) -> list[OutMessage | Discard]:
    """Translate the actions. Texts without choices are joined with the next message when
    the result fits `limit`, so a reply costs as few platform messages as possible."""
    out: list[OutMessage | Discard] = []
    carried: list[str] = []
    for action in actions:
        if isinstance(action, DiscardMedia):
            out.append(Discard(action.message_ref))
            continue
        text = translator.text(action.text, lang, escape)
        buttons = tuple(
            Button(translator.text(option.label, lang), encode_choice(action.step, option.value))
            for option in action.options
        ) if action.step else ()
        joined = "\n\n".join([*carried, text])
        if carried and len(joined) > limit:
            out.append(OutMessage("\n\n".join(carried)))
            carried = []
            joined = text
        if buttons:
            out.append(OutMessage(joined, buttons))
            carried = []
        else:
            carried = [joined]
    if carried:
        out.append(OutMessage("\n\n".join(carried)))
    return out


def split_text(text: str, limit: int) -> list[str]:
    """Split a long text into parts of at most `limit` characters, at line breaks where possible."""
    parts: list[str] = []
    rest = text
    while len(rest) > limit:
        cut = rest.rfind("\n", 0, limit + 1)
        if cut <= 0:
            cut = rest.rfind(" ", 0, limit + 1)
        if cut <= 0:
            cut = limit
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip("\n ")
    parts.append(rest)
    return [p for p in parts if p] or [""]


def strip_markup(text: str) -> str:
    """Text rendered with `html.escape` -> plain text: the templates' <b> dropped, the users'
    own characters restored. Escaping first is what keeps a user's "<b>" from pairing with a
    template's "</b>"."""
    return html.unescape(BOLD.sub(r"\1", text))


def markdown_bold(text: str) -> str:
    """Text rendered with `html.escape` -> WhatsApp text: <b>x</b> -> *x*, users' characters restored."""
    return html.unescape(BOLD.sub(r"*\1*", text))
