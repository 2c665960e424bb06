"""User text as staff read it: nothing invisible can disguise it (DESIGN.md, "Safety rules").

A right-to-left override (U+202E) turns "https://site.kz/‮gpj.exe" into what reads as a picture's
name; zero-width characters hide inside a phone number or a link so that what an operator copies
is not what they saw. Every front where staff read what users wrote (the Telegram group's cards
and relayed messages, the web desk) passes the text through `neutralise` before escaping it:
each such character becomes a visible marker naming it ("[U+202E]"), so the trick shows instead of
working. Emoji keep their joiners (👨‍👩‍👧 stays one family). Pure: no I/O.
"""

from __future__ import annotations

import unicodedata

ZWJ = "\u200d"
LINE_BREAKS = {"\u2028": "\n", "\u2029": "\n\n"}  # line and paragraph separators: shown as breaks


def neutralise(text: str) -> str:
    """`text` with every invisible formatting character (Unicode category Cf: direction overrides,
    embeddings and isolates, marks, zero-width spaces and joiners, word joiner, BOM, soft hyphen,
    invisible operators, tags) shown as "[U+XXXX]"; a joiner between two emoji is kept."""
    if text.isascii():
        return text  # the common case, and nothing in ASCII is invisible formatting
    out: list[str] = []
    for index, char in enumerate(text):
        if char in LINE_BREAKS:
            out.append(LINE_BREAKS[char])
        elif unicodedata.category(char) != "Cf":
            out.append(char)
        elif char == ZWJ and _emoji_at(text, index - 1) and _emoji_at(text, index + 1):
            out.append(char)
        else:
            out.append(f"[U+{ord(char):04X}]")
    return "".join(out)


def _emoji_at(text: str, index: int) -> bool:
    if not 0 <= index < len(text):
        return False
    code = ord(text[index])
    # Pictographs, symbols and dingbats; the emoji presentation selector and skin tones join them too.
    return code >= 0x1F000 or 0x2600 <= code <= 0x27BF or code == 0xFE0F or 0x1F3FB <= code <= 0x1F3FF
