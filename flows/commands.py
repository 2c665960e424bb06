"""Typed words and commands that work on every screen, in all three languages."""

from __future__ import annotations

from enum import StrEnum

from flows.textnorm import fold


class Command(StrEnum):
    SOS = "sos"
    START = "start"
    MENU = "menu"
    LANGUAGE = "language"
    HELP = "help"
    CANCEL = "cancel"


_SLASH = {
    "/sos": Command.SOS,
    "/start": Command.START,
    "/menu": Command.MENU,
    "/language": Command.LANGUAGE,
    "/lang": Command.LANGUAGE,
    "/help": Command.HELP,
    "/cancel": Command.CANCEL,
}

# Whole messages (after folding) that mean a command. "help" alone asks for help now,
# so it opens SOS; the same word inside a sentence does not.
_WORDS: dict[Command, tuple[str, ...]] = {
    Command.SOS: ("sos", "soc", "сос", "help", "help me", "помогите", "помогите мне", "помощь", "спасите",
                  "көмек", "көмектесіңдер", "көмектесіңіз", "көмектес", "komek", "мне нужна помощь",
                  "i need help", "маған көмек керек", "112"),
    Command.MENU: ("menu", "меню", "мәзір", "main menu", "главное меню", "басты мәзір"),
    Command.LANGUAGE: ("language", "язык", "тіл", "тілді ауыстыру", "сменить язык", "change language"),
    Command.START: ("start", "старт", "бастау"),
    Command.CANCEL: ("cancel", "отмена", "отменить", "болдырмау", "тоқтату"),
}
_FOLDED = {fold(word): command for command, words in _WORDS.items() for word in words}


def read_command(text: str) -> Command | None:
    """The command a whole message means, if any ('/sos@helpline_bot', 'Помогите!')."""
    stripped = text.strip()
    if stripped.startswith("/"):
        head = stripped.split()[0].split("@")[0].lower()
        return _SLASH.get(head)
    return _FOLDED.get(fold(stripped))
