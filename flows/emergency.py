"""The emergency numbers: the one place they are defined.

Settings (`EMERGENCY_LINES`) may replace them without a code change; these are the
defaults confirmed by the hotline. Each line's label is translated under `emergency.<service>`.
"""

from __future__ import annotations

from dataclasses import dataclass

from flows.messages import N_, Msg

SERVICES = {
    "emergency": N_("emergency.emergency"),
    "police": N_("emergency.police"),
    "ambulance": N_("emergency.ambulance"),
    "children": N_("emergency.children"),
}


@dataclass(frozen=True)
class EmergencyLine:
    number: str
    service: str

    def __post_init__(self) -> None:
        if self.service not in SERVICES:
            raise ValueError(f"unknown emergency service {self.service!r}; known: {sorted(SERVICES)}")
        if not self.number.strip():
            raise ValueError("an emergency line needs a number")


DEFAULT_EMERGENCY_LINES: tuple[EmergencyLine, ...] = (
    EmergencyLine("112", "emergency"),
    EmergencyLine("102", "police"),
    EmergencyLine("103", "ambulance"),
    EmergencyLine("111", "children"),
)


def numbers_block(lines: tuple[EmergencyLine, ...]) -> Msg:
    """The numbers as one message, a line each: '112 - any emergency'."""
    rows = tuple(Msg(N_("emergency.line"), {"number": line.number, "service": Msg(SERVICES[line.service])})
                 for line in lines)
    return Msg(N_("emergency.block"), {"lines": rows})
