"""The terminal chat: talk to the engine from a shell, or script it through a pipe.

Replies print with their choices numbered; a number picks a choice, anything else is text.
"""

from __future__ import annotations

import asyncio
import html
import sys
from typing import TextIO

from bot.service import ConversationService, Inbound
from flows.events import Event, Text
from handlers.render import DISCARD_NOTE, Button, Discard, OutMessage, decode_choice, render, strip_markup
from locales import Translator

PLATFORM = "shell"
TEXT_LIMIT = 4096


class ShellChat:
    def __init__(self, service: ConversationService, translator: Translator, *, user: str = "local",
                 hint: str | None = None, out: TextIO = sys.stdout) -> None:
        self.service = service
        self.translator = translator
        self.user = user
        self.hint = hint
        self.out = out
        self.buttons: tuple[Button, ...] = ()

    def event_for(self, line: str) -> Event:
        """A number picks one of the last choices shown; everything else is typed text."""
        number = line.strip()
        if number.isdigit() and 1 <= int(number) <= len(self.buttons):
            pick = decode_choice(self.buttons[int(number) - 1].data)
            if pick is not None:
                return pick
        return Text(line)

    async def send(self, line: str) -> list[OutMessage | Discard]:
        reply = await self.service.handle(Inbound(PLATFORM, self.user, self.event_for(line), self.hint))
        messages = render(reply.actions, reply.lang, self.translator, html.escape, TEXT_LIMIT)
        for message in messages:
            self.show(message)
        return messages

    def show(self, message: OutMessage | Discard) -> None:
        if isinstance(message, Discard):
            self.out.write(f"{DISCARD_NOTE}\n\n")
            return
        self.out.write(strip_markup(message.text) + "\n")
        for number, button in enumerate(message.buttons, start=1):
            self.out.write(f"  {number}. {button.label}\n")
        if message.buttons:
            self.buttons = message.buttons
        self.out.write("\n")
        self.out.flush()

    async def run(self, source: TextIO = sys.stdin) -> None:
        """Read lines until end of input; one line is one message."""
        interactive = source.isatty()
        if interactive:
            self.out.write("Local chat with the helpline bot. Type a message (e.g. 'hello'); Ctrl-D quits.\n\n")
        while True:
            if interactive:
                self.out.write("you> ")
                self.out.flush()
            line = await asyncio.to_thread(source.readline)
            if not line:
                break
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            await self.send(line)
