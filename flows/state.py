"""The state of one conversation: everything the engine needs between two messages."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

STATE_VERSION = 1


@dataclass(frozen=True)
class ConversationState:
    """Immutable; the engine returns a new one with `dataclasses.replace`.

    `draft` holds the report being written (field name -> answer) and is saved by the
    runtime on every change, so a half-finished report outlives a restart.
    """

    lang: str | None = None
    role: str | None = None
    step: str = "start"
    trail: tuple[str, ...] = ()
    draft: Mapping[str, Any] = field(default_factory=dict)
    reviewing: bool = False
    risk: str = "low"
    risk_reasons: tuple[str, ...] = ()
    escalated: str | None = None
    notice_shown: bool = False
    tips_audience: str | None = None
    tips_topic: str | None = None
    tips_card: int = 0
    # What a child typed where buttons were offered, while the bot offers to start a report with it
    # ({"text", "category"}); dropped as soon as another screen is shown.
    offer: Mapping[str, str] = field(default_factory=dict)
    last_case: str | None = None
    guide_place: str | None = None  # the place of the last filed report, whose takedown guide is offered
    with_operator: bool = False  # an operator holds the conversation: the bot stays silent but for SOS
    media_refused_case: bool = False  # a case of this conversation involved sexual images (flows.images)
    case_anonymous: bool = False  # the last case's reporter chose not to be written to
    # Trusted adults (flows/adults.py): (link id, the child's name for them), mirrored from the case
    # store and read back from it when the state is new; how the child wants adults to know them;
    # the link being named.
    adults: tuple[tuple[str, str], ...] = ()
    alias: str | None = None
    naming: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (tuples become lists)."""
        # Field by field: dataclasses.asdict deep-copies every value, ten times the cost on each update.
        data = {name: getattr(self, name) for name in _FIELD_NAMES}
        data["draft"] = dict(self.draft)
        data["offer"] = dict(self.offer)
        data["trail"] = list(self.trail)
        data["risk_reasons"] = list(self.risk_reasons)
        data["adults"] = [list(adult) for adult in self.adults]
        data["v"] = STATE_VERSION
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ConversationState:
        """Rebuild a state; unknown keys from newer or older versions are ignored."""
        values = {k: v for k, v in data.items() if k in _FIELD_SET}
        values["trail"] = tuple(values.get("trail", ()))
        values["risk_reasons"] = tuple(values.get("risk_reasons", ()))
        values["draft"] = dict(values.get("draft", {}))
        values["offer"] = dict(values.get("offer", {}))
        values["adults"] = tuple((str(a[0]), str(a[1])) for a in values.get("adults", ()))
        return cls(**values)


_FIELD_NAMES = tuple(f.name for f in dataclasses.fields(ConversationState))  # in declaration order
_FIELD_SET = frozenset(_FIELD_NAMES)
