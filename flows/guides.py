"""Takedown guides: for each place a report can name, short step-by-step cards on reporting and
blocking there and on getting one's own images removed, then the official routes in Kazakhstan.
Card text lives in the `tips` catalogs; sources and the date they were checked: docs/takedown-guides.md.

A guide is shown on the tip-card screen as the pseudo-topic `guide_<place>`, so it pages, goes back
and returns to the topics like any deck.
"""

from __future__ import annotations

from flows.messages import N_, Msg

# The places of the report's `place` step (flows/definitions.py PLACES); a test keeps them equal.
GUIDE_PLACES = ("instagram", "tiktok", "telegram", "whatsapp", "vk", "youtube", "game", "other")
# Per place: report and block there, then get one's own images removed. Then, for every place, the
# official routes (the ministry's cyberbullying complaint, 111, the police, this hotline).
PLACE_CARDS = ("report", "images")
OFFICIAL_CARD = "guide.kz.official"
TOPIC_PREFIX = "guide_"


def guide_topic(place: str) -> str:
    """The pseudo-topic under which a place's guide is shown on the tip-card screen."""
    return f"{TOPIC_PREFIX}{place}"


def place_of(topic: str) -> str | None:
    """The place of a guide's pseudo-topic; None for an ordinary tips topic or an unknown place."""
    place = topic.removeprefix(TOPIC_PREFIX)
    return place if topic.startswith(TOPIC_PREFIX) and place in GUIDE_PLACES else None


def guide_deck(place: str) -> tuple[str, ...]:
    """The catalog keys of a place's guide, in order; empty for an unknown place."""
    if place not in GUIDE_PLACES:
        return ()
    return (*(f"guide.{place}.{card}" for card in PLACE_CARDS), OFFICIAL_CARD)


def guide_heading(place: str) -> Msg:
    """The heading of a guide's cards, e.g. "Instagram: step by step"."""
    return Msg(N_("guide.title"), {"place": Msg(f"place.{place}")})


def all_guide_keys() -> set[str]:
    return {key for place in GUIDE_PLACES for key in guide_deck(place)}
