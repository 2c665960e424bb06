"""Trusted adults: the linking codes, how typed ones are read back, and the limits.

A code is what lets an adult link themselves to a child, so it must be hard to guess: 10 random
symbols of Crockford's base32 (50 bits), made by the runtime, kept 15 minutes, used once. Typed
codes forgive case, spaces, dashes and look-alikes, like reference numbers (flows/references.py),
and are longer than references (8 symbols) so the two are never confused.
"""

from __future__ import annotations

import re

from flows.messages import N_
from flows.references import ALPHABET

CODE_SYMBOLS = 10
CODE_MINUTES = 15
MAX_ADULTS = 3
MAX_NAME_CHARS = 16  # "Alert <name>" must fit a WhatsApp button (20 characters)
MAX_NOTE_CHARS = 300
ANSWERS = ("coming", "calling")
# Texts made by the runtime (bot/adults.py) for the adult, in the adult's language, and the answers.
ADULT_MESSAGES = (N_("alert.to_adult"), N_("alert.note_to_adult"), N_("alert.location_to_adult"),
                  N_("alert.answer_button.coming"), N_("alert.answer_button.calling"),
                  N_("alert.answer.coming"), N_("alert.answer.calling"))
ALERT_STEP = "adult_alert"  # the step of the adult's answer buttons; the adult's state never moves there

_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1", "К": "K", "З": "3", "Х": "X", "Р": "P",
                             "С": "C", "Е": "E", "Т": "T", "В": "B", "М": "M", "Н": "H", "А": "A"})
_CANDIDATE = re.compile(r"^[0-9A-Z]{5}[\s\-–_]?[0-9A-Z]{5}$")
_LABEL = re.compile(r"^(?:/start(?:@\w+)?\s+|[^\W\d_]{1,8}\s*[:\s]\s*)", re.IGNORECASE)
MIN_DIGITS = 3  # made codes have at least this many digits 2-9: a plain word is never read as one


def format_code(symbols: str) -> str:
    """'7K4MQ2XDAB' -> '7K4MQ-2XDAB'."""
    return f"{symbols[:5]}-{symbols[5:]}"


def is_code_shaped(symbols: str) -> bool:
    """A made code: 10 symbols of the alphabet with enough digits to tell it from a word."""
    return (len(symbols) == CODE_SYMBOLS and all(ch in ALPHABET for ch in symbols)
            and sum(ch in "23456789" for ch in symbols) >= MIN_DIGITS)


def parse_code(text: str) -> str | None:
    """The canonical code in a typed message ('7k4mq 2xdab', '/start 7K4MQ2XDAB', 'код: ...'),
    or None if the message is not one."""
    stripped = text.strip()
    for candidate in (stripped, _LABEL.sub("", stripped, count=1)):
        upper = candidate.strip().upper().translate(_LOOKALIKES)
        if _CANDIDATE.match(upper):
            symbols = re.sub(r"[\s\-–_]", "", upper)
            if is_code_shaped(symbols):
                return format_code(symbols)
    return None


def clean_name(text: str) -> str:
    """A name as the child typed it, on one line and short enough for a button."""
    return " ".join(text.split())[:MAX_NAME_CHARS]
