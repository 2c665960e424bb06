"""A first guess of the conversation language from the sender's phone number.

WhatsApp sends no language hint. The guess only seeds the engine's `hint`; the user's own
choice (stored in the conversation) always wins, and "language" works on every screen.

- Kazakhstan (+7 6xx, +7 7xx): no guess. Kazakh and Russian are both everyday languages
  there, so the engine asks, in its three-language prompt, rather than pick one for a child.
- Russia (every other +7 number): Russian.
- Any other country: no guess; the engine asks.
"""

from __future__ import annotations

KAZAKHSTAN_PREFIXES = ("76", "77")


def guess_language(wa_id: str) -> str | None:
    """'79161234567' -> 'ru'; '77011234567' -> None (ask); anything else -> None."""
    digits = wa_id.lstrip("+")
    if not digits.isdigit() or len(digits) < 8:
        return None
    if digits.startswith(KAZAKHSTAN_PREFIXES):
        return None
    if digits.startswith("7"):
        return "ru"
    return None
