"""Rendering `Msg` objects into text of one language."""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from babel.messages.pofile import read_po

from flows.messages import Msg, Param

LOCALES_DIR = Path(__file__).parent
LANGUAGES = ("kk", "ru", "en")
FALLBACK = "en"

# The only markup a template may hold; adapters translate it for their platform.
ALLOWED_TAGS = re.compile(r"</?b>")


def identity(text: str) -> str:
    return text


class CatalogError(RuntimeError):
    """A catalog that is missing, incomplete or inconsistent."""


def placeholders(template: str) -> set[str]:
    """The named fields of a template: 'Hi {name}' -> {'name'}."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class Translator:
    """Key -> template per language, loaded from every .po file of each language."""

    def __init__(self, catalogs: Mapping[str, Mapping[str, str]]) -> None:
        self.catalogs = {lang: dict(entries) for lang, entries in catalogs.items()}

    @classmethod
    def load(cls, directory: Path = LOCALES_DIR, languages: Iterable[str] = LANGUAGES) -> Translator:
        catalogs: dict[str, dict[str, str]] = {}
        for lang in languages:
            entries: dict[str, str] = {}
            files = sorted((directory / lang / "LC_MESSAGES").glob("*.po"))
            if not files:
                raise CatalogError(f"no catalog for {lang!r} in {directory / lang / 'LC_MESSAGES'}")
            for path in files:
                with path.open("rb") as handle:
                    catalog = read_po(handle, locale=lang)
                for message in catalog:
                    if message.id and message.string and not message.fuzzy:
                        entries[str(message.id)] = str(message.string)
            catalogs[lang] = entries
        return cls(catalogs)

    def check(self, keys: Iterable[str]) -> list[str]:
        """Problems with these keys: missing translations, placeholders that differ, stray markup."""
        problems: list[str] = []
        for key in sorted(set(keys)):
            reference: set[str] | None = None
            for lang in self.catalogs:
                template = self.catalogs[lang].get(key)
                if template is None:
                    problems.append(f"{lang}: {key!r} is not translated")
                    continue
                names = placeholders(template)
                if reference is None:
                    reference = names
                elif names != reference:
                    problems.append(f"{lang}: {key!r} has placeholders {sorted(names)}, expected {sorted(reference)}")
                if re.search(r"[<>&]", ALLOWED_TAGS.sub("", template)):
                    problems.append(f"{lang}: {key!r} holds markup other than <b>")
        return problems

    def template(self, key: str, lang: str) -> str:
        catalog = self.catalogs.get(lang) or self.catalogs.get(FALLBACK, {})
        found = catalog.get(key)
        if found is None:
            found = self.catalogs.get(FALLBACK, {}).get(key, key)
        return found

    def text(self, msg: Msg, lang: str, escape: Callable[[str], str] = identity) -> str:
        """The message in `lang`; user-supplied strings pass through `escape`, templates do not."""
        values = {name: self._param(value, lang, escape) for name, value in msg.params.items()}
        template = self.template(msg.key, lang)
        try:
            return template.format_map(values)
        except (KeyError, IndexError, ValueError):
            # A template asking for a parameter the engine did not give: show it unfilled
            # rather than failing a child's conversation.
            return template

    def _param(self, value: Param, lang: str, escape: Callable[[str], str]) -> str:
        if isinstance(value, Msg):
            return self.text(value, lang, escape)
        if isinstance(value, tuple):
            return "\n".join(self.text(item, lang, escape) for item in value)
        return escape(value)
