"""Who may act in the operator group, and which languages each speaks.

`OPERATORS` (JSON) lists `{"id": <Telegram user id>, "languages": ["kk", "ru"], "name": "Aigerim"}`;
`name` is what a signed message shows (`!sign`), never shown otherwise. `OPERATOR_IDS` is the short
form: ids only, languages unknown. Membership of the Telegram group alone gives no right to act.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from flows.definitions import LANGUAGES


@dataclass(frozen=True)
class Operator:
    id: str  # the Telegram user id, as text
    languages: frozenset[str] = frozenset()
    name: str | None = None  # the name they sign with; None: their Telegram first name


class Roster:
    """The listed operators, in the order they were listed."""

    def __init__(self, operators: Iterable[Operator] = ()) -> None:
        self._by_id: dict[str, Operator] = {}
        for operator in operators:
            self._by_id.setdefault(operator.id, operator)

    @classmethod
    def from_settings(cls, operators: Sequence[Mapping[str, Any]], operator_ids: Sequence[int | str]) -> Roster:
        return cls([*(parse_operator(item) for item in operators), *(Operator(str(i)) for i in operator_ids)])

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Operator]:
        return iter(self._by_id.values())

    @property
    def everyone(self) -> tuple[Operator, ...]:
        return tuple(self._by_id.values())

    def get(self, operator_id: str) -> Operator | None:
        return self._by_id.get(operator_id)

    def speakers(self, language: str) -> tuple[Operator, ...]:
        return tuple(o for o in self._by_id.values() if language in o.languages)

    def first_offer(self, language: str) -> tuple[Operator, ...]:
        """Who a new case is offered to first: those who speak its language, or everyone if nobody does."""
        return self.speakers(language) or self.everyone

    def offer_order(self, language: str, *, without: str | None = None) -> tuple[Operator, ...]:
        """Everyone, those who speak the language first (a re-alert or a re-offer)."""
        first = self.speakers(language)
        rest = tuple(o for o in self._by_id.values() if o not in first)
        return tuple(o for o in (*first, *rest) if o.id != without)


def parse_operator(item: Mapping[str, Any]) -> Operator:
    """One entry of OPERATORS; a ValueError says what is wrong with it."""
    raw_id = item.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, int | str) or not str(raw_id).lstrip("-").isdigit():
        raise ValueError(f"operator {dict(item)!r}: 'id' must be a Telegram user id (a number)")
    languages = item.get("languages", [])
    if not isinstance(languages, list) or not all(isinstance(lang, str) for lang in languages):
        raise ValueError(f"operator {raw_id}: 'languages' must be a list such as [\"kk\", \"ru\"]")
    unknown = sorted(set(languages) - set(LANGUAGES))
    if unknown:
        raise ValueError(f"operator {raw_id}: unknown languages {unknown}; known: {list(LANGUAGES)}")
    name = item.get("name")
    if name is not None and (not isinstance(name, str) or not name.strip()):
        raise ValueError(f"operator {raw_id}: 'name' must be a non-empty text")
    return Operator(str(raw_id), frozenset(languages), name.strip() if name else None)
