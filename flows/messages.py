"""Message references: what the engine says, before any translation.

The engine never holds translated text. It returns `Msg` objects (a catalog key and
parameters); an adapter renders them in the conversation's language and escapes user
text for its platform.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Union

# A parameter is plain text (often the user's own words, so adapters must escape it),
# another message, or a list of messages rendered one per line.
Param = Union[str, "Msg", tuple["Msg", ...]]


def N_(key: str) -> str:
    """Mark a catalog key for `pybabel extract -k N_`; returns it unchanged."""
    return key


@dataclass(frozen=True)
class Msg:
    """A catalog key with named parameters, e.g. Msg("report.filed", {"ref": "KZ-..."})."""

    key: str
    params: Mapping[str, Param] = field(default_factory=dict)

    def keys(self) -> set[str]:
        """Every catalog key this message needs, nested ones included."""
        found = {self.key}
        for value in self.params.values():
            if isinstance(value, Msg):
                found |= value.keys()
            elif isinstance(value, tuple):
                for item in value:
                    found |= item.keys()
        return found
