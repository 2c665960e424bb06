"""Which answer a crisis signal gets: the family of its first reason chooses the message.

A child who writes "I want to kill myself" needs to hear that they matter and are not alone, not
advice about a person hurting them; a child being blackmailed with photos needs "don't pay, don't
send more, keep the chat". Each family has a screen text (it replaces the SOS screen's prompt and
keeps its "talk to a person" button) and a short note said inside a report, which then goes on.
Every text holds the emergency numbers ({numbers}).
"""

from __future__ import annotations

from typing import NamedTuple

from flows.messages import N_


class Answer(NamedTuple):
    screen: str  # said instead of the SOS prompt when a crisis is read outside a report
    inline: str  # said inside a report, which then goes on


ANSWERS: dict[str, Answer] = {
    "selfharm": Answer(N_("crisis.selfharm"), N_("crisis.selfharm_inline")),
    "sextortion": Answer(N_("crisis.sextortion"), N_("crisis.inline")),
    "grooming": Answer(N_("crisis.grooming"), N_("crisis.inline")),
    "violence": Answer(N_("crisis.violence"), N_("crisis.inline")),
    # recruitment into drug or extremist groups: the general SOS screen fits
    "other": Answer(N_("sos.prompt"), N_("crisis.inline")),
}
# The reasons are the groups of flows.crisis_phrases; one not listed gets the general answer.
FAMILY: dict[str, str] = {
    "suicide_now": "selfharm", "self_harm": "selfharm", "death_group": "selfharm",
    "sextortion": "sextortion", "blackmail": "sextortion",
    "grooming": "grooming", "grooming_meeting": "grooming",
    "threat_now": "violence", "threat_violence": "violence", "abuse_now": "violence", "abuse": "violence",
    "incitement": "violence",
}


def family(reasons: tuple[str, ...]) -> str:
    """The family whose answer fits: self-harm wins wherever it stands, else the first reason's."""
    if any(FAMILY.get(reason) == "selfharm" for reason in reasons):
        return "selfharm"
    return FAMILY.get(reasons[0], "other") if reasons else "other"


def answer(reasons: tuple[str, ...]) -> Answer:
    """The answer for a signal's reasons (most serious first)."""
    return ANSWERS[family(reasons)]
