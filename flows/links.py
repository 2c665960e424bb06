"""Finding the links in a typed answer."""

from __future__ import annotations

import re

MAX_LINKS = 10
MAX_LINK_LENGTH = 500

_URL = re.compile(
    r"(?:https?://[^\s<>\"']+)"  # full URLs
    r"|(?:\b(?:www\.)?[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.[a-z]{2,24}(?:/[^\s<>\"']*)?)"  # bare domains
    r"|(?:(?<![\w@])@[a-z][a-z0-9_.]{3,31}\b)",  # @username on Telegram, Instagram, TikTok
    re.IGNORECASE,
)
_TRAILING = ".,;:!?)»\"'"


def find_links(text: str) -> list[str]:
    """The distinct links and @usernames in a text, in order, at most MAX_LINKS."""
    found: list[str] = []
    for match in _URL.finditer(text):
        link = match.group(0).rstrip(_TRAILING)
        if len(link) > MAX_LINK_LENGTH or link in found:
            continue
        found.append(link)
        if len(found) == MAX_LINKS:
            break
    return found
