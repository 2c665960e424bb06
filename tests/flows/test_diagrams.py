"""docs/flows/ is generated from the definitions and must be current."""

from __future__ import annotations

from bot.diagrams import DOCS, render_all


def test_flow_diagrams_are_up_to_date() -> None:
    for name, text in render_all().items():
        assert (DOCS / name).read_text(encoding="utf-8") == text, f"run `python -m bot.diagrams` ({name})"
