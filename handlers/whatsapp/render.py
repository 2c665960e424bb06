"""Outgoing messages -> Graph API message objects, within WhatsApp's limits.

- text: at most 4096 characters a message, split beyond;
- at most 3 choices whose labels fit 20 characters: reply buttons;
- more choices: a list message of at most 10 rows of 24 characters. A step with more than 10
  choices is paged: each page holds the next choices, the SOS row (emergency help stays one
  tap away on every page) and a "More…" row whose id `~more:<step>:<page>` the adapter answers
  by sending the next page itself, without the engine;
- interactive bodies hold at most 1024 characters: a longer text goes first as plain text.

The templates' only markup, <b>..</b>, becomes WhatsApp's *bold*; the result carries no HTML escapes.
User text passes through `protect` (html.escape) first, so a user who types "<b>" cannot pair with a
template's "</b>" and bold half a summary; `whatsapp_text` restores it after the conversion.
Link previews are off: a summary can hold links a child reported, which must not be fetched.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from handlers.render import Button, OutMessage, markdown_bold, split_text
from handlers.whatsapp.parse import more_id

TEXT_LIMIT = 4096
BODY_LIMIT = 1024
MAX_BUTTONS = 3
BUTTON_TITLE_LIMIT = 20
MAX_ROWS = 10
ROW_TITLE_LIMIT = 24
PINNED_VALUES = ("sos",)  # shown on every page of a paged list
LANGUAGE_STEP = "lang"  # its list button is in all three languages: whoever opens it may read none of this one

Content = dict[str, Any]  # a message object without its envelope ("to", "messaging_product")


@dataclass(frozen=True)
class ListTexts:
    """The list's button text and the "More…" row label, in the conversation's language, and the
    language picker's button in all three languages."""

    button: str
    more: str
    languages_button: str | None = None


@dataclass(frozen=True)
class PagedMenu:
    """A step's choices that need more than one list page; kept so "More…" can show the next."""

    step: str
    body: str
    buttons: tuple[Button, ...]
    lang: str

    def to_dict(self) -> dict[str, Any]:
        return {"step": self.step, "body": self.body, "lang": self.lang,
                "buttons": [[b.label, b.data] for b in self.buttons]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PagedMenu | None:
        try:
            buttons = tuple(Button(str(label), str(value)) for label, value in data["buttons"])
            return cls(str(data["step"]), str(data["body"]), buttons, str(data["lang"]))
        except (KeyError, TypeError, ValueError):
            return None


@dataclass(frozen=True)
class Rendered:
    contents: list[Content]
    menu: PagedMenu | None = None  # set when the message was paged


def protect(user_text: str) -> str:
    """The `escape` for `handlers.render.render`: user text can hold no tag."""
    return html.escape(user_text)


def whatsapp_text(text: str) -> str:
    """Template markup -> WhatsApp formatting, the user's own characters restored."""
    return markdown_bold(text)


def text_contents(text: str) -> list[Content]:
    return [{"type": "text", "text": {"preview_url": False, "body": part}}
            for part in split_text(whatsapp_text(text), TEXT_LIMIT)]


def render_message(message: OutMessage, texts: ListTexts, lang: str) -> Rendered:
    """One outgoing message as one or more Graph API messages."""
    if not message.buttons:
        return Rendered(text_contents(message.text))
    lead, body = split_body(whatsapp_text(message.text))
    contents = [{"type": "text", "text": {"preview_url": False, "body": part}}
                for part in split_text(lead, TEXT_LIMIT)] if lead else []
    buttons = message.buttons
    if len(buttons) <= MAX_BUTTONS and all(len(b.label) <= BUTTON_TITLE_LIMIT for b in buttons):
        contents.append(button_content(body, buttons))
        return Rendered(contents)
    menu = None
    if len(buttons) > MAX_ROWS:
        menu = PagedMenu(step_of(buttons), body, buttons, lang)
    contents.append(list_content(body, buttons, texts, page=0))
    return Rendered(contents, menu)


def button_content(body: str, buttons: Sequence[Button]) -> Content:
    return {"type": "interactive", "interactive": {
        "type": "button",
        "body": {"text": body},
        "action": {"buttons": [
            {"type": "reply", "reply": {"id": b.data, "title": fit(b.label, BUTTON_TITLE_LIMIT)}} for b in buttons
        ]},
    }}


def list_content(body: str, buttons: Sequence[Button], texts: ListTexts, page: int) -> Content:
    """The list message of one page (page 0 when the choices fit one list)."""
    pages = paginate(buttons)
    page = min(max(page, 0), len(pages) - 1)
    rows = [{"id": b.data, "title": fit(b.label, ROW_TITLE_LIMIT)} for b in pages[page]]
    if page + 1 < len(pages):
        rows.append({"id": more_id(step_of(buttons), page + 1), "title": fit(texts.more, ROW_TITLE_LIMIT)})
    return {"type": "interactive", "interactive": {
        "type": "list",
        "body": {"text": body},
        "action": {"button": fit(list_button(buttons, texts), BUTTON_TITLE_LIMIT), "sections": [{"rows": rows}]},
    }}


def list_button(buttons: Sequence[Button], texts: ListTexts) -> str:
    """The text of the button that opens the list: trilingual on the language picker."""
    if step_of(buttons) == LANGUAGE_STEP and texts.languages_button:
        return texts.languages_button
    return texts.button


def paginate(buttons: Sequence[Button]) -> list[list[Button]]:
    """Pages of at most 10 rows. When paging is needed, every page ends with the pinned
    choices (SOS), and every page but the last keeps one row for "More…"."""
    if len(buttons) <= MAX_ROWS:
        return [list(buttons)]
    pinned = [b for b in buttons if value_of(b) in PINNED_VALUES]
    rest = [b for b in buttons if value_of(b) not in PINNED_VALUES]
    room = MAX_ROWS - len(pinned)  # rows for the step's own choices on the last page
    pages: list[list[Button]] = []
    while rest:
        take = room if len(rest) <= room else room - 1  # keep a row for "More…"
        pages.append(rest[:take] + pinned)
        rest = rest[take:]
    return pages or [pinned]


def split_body(text: str) -> tuple[str, str]:
    """(text to send first, interactive body of at most 1024 characters), cut between
    paragraphs where possible so the choices stay with the question they answer."""
    if len(text) <= BODY_LIMIT:
        return "", text or "…"
    paragraphs = text.split("\n\n")
    tail: list[str] = []
    while paragraphs and len("\n\n".join([paragraphs[-1], *tail])) <= BODY_LIMIT:
        tail.insert(0, paragraphs.pop())
    if tail and paragraphs:
        return "\n\n".join(paragraphs), "\n\n".join(tail)
    parts = split_text(text, BODY_LIMIT)
    return "\n".join(parts[:-1]), parts[-1]


def fit(label: str, limit: int) -> str:
    """A title within the platform's limit (the catalogs are tested to fit; this is a last guard)."""
    label = label.strip() or "…"
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def step_of(buttons: Sequence[Button]) -> str:
    return buttons[0].data.partition("|")[0] if buttons else ""


def value_of(button: Button) -> str:
    return button.data.partition("|")[2]
