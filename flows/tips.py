"""Safety tips as decks of short cards, by audience and topic (the hotline's booklet
"If you are lost, the Network will help you"). Card text lives in the `tips` catalogs."""

from __future__ import annotations

from flows.guides import all_guide_keys, guide_deck, guide_heading, place_of
from flows.messages import N_, Msg

TOPICS = ("bullying", "blackmail", "privacy", "groups", "evidence", "digital")
CARDS_PER_DECK = 3

# Which topics each audience sees, in the order shown. "digital" (digital literacy for
# parents) is for adults only.
AUDIENCE_TOPICS: dict[str, tuple[str, ...]] = {
    "children": ("bullying", "blackmail", "privacy", "groups", "evidence"),
    "parents": ("bullying", "blackmail", "privacy", "groups", "evidence", "digital"),
    "teachers": ("bullying", "blackmail", "privacy", "groups", "evidence", "digital"),
}

ROLE_AUDIENCE = {"child": "children", "parent": "parents", "teacher": "teachers"}

# The topic offered after a report of each category.
CATEGORY_TOPIC = {
    "bullying": "bullying",
    "blackmail": "blackmail",
    "grooming": "blackmail",
    "csam": "evidence",
    "privacy": "privacy",
    "groups": "groups",
    "other": "evidence",
}


def topic_label(topic: str) -> str:
    return N_(f"topic.{topic}")


def topic_heading(topic: str) -> Msg:
    """A card's heading: the topic's label, or for a takedown guide the place's."""
    place = place_of(topic)
    return guide_heading(place) if place is not None else Msg(topic_label(topic))


def deck(audience: str, topic: str) -> tuple[str, ...]:
    """The catalog keys of a deck's cards, in order. Takedown guides are the same for everyone."""
    place = place_of(topic)
    if place is not None:
        return guide_deck(place)
    if topic not in AUDIENCE_TOPICS.get(audience, ()):
        return ()
    return tuple(f"tip.{audience}.{topic}.{n}" for n in range(1, CARDS_PER_DECK + 1))


def all_card_keys() -> set[str]:
    """Every key of the `tips` catalogs: the tip cards and the takedown guides."""
    tips = {key for audience, topics in AUDIENCE_TOPICS.items() for t in topics for key in deck(audience, t)}
    return tips | all_guide_keys()
