"""Conversations as recorded transcripts (one JSON file per scenario in cases/).

Each file gives the inputs; the expected replies (rendered text and choices, in the
conversation's language) and the final state sit beside them. After a deliberate change,
regenerate with `UPDATE_TRANSCRIPTS=1 pytest tests/transcripts` and review the diff.
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path
from typing import Any

import pytest

from flows.events import AdultAnswered, AdultLinked, Event, Location, Media, MediaKind, Pick, Text
from handlers.render import Discard, render, strip_markup
from locales import Translator
from tests.support.driver import Driver

CASES = Path(__file__).with_name("cases")
UPDATE = os.environ.get("UPDATE_TRANSCRIPTS") == "1"


def event_for(step: dict[str, Any], driver: Driver) -> Event:
    if "text" in step:
        return Text(step["text"])
    if "repeat" in step:  # a long message: one character repeated
        return Text(step["repeat"] * step["times"])
    if "pick" in step:
        return Pick(step.get("step", driver.state.step), step["pick"])
    # The trusted adults' side, as the runtime delivers it (bot/adults.py).
    if "linked" in step:
        return AdultLinked(step["linked"])
    if "adult_answer" in step:
        return AdultAnswered(*step["adult_answer"])
    if "location" in step:
        return Location(*step["location"])
    return Media(MediaKind(step["media"]), step.get("ref"), step.get("message_ref"))


def run(case: dict[str, Any], translator: Translator) -> dict[str, Any]:
    desk = case.get("desk", {})  # the operator desk as the runtime would report it
    driver = Driver(hint=case.get("hint"), person=desk.get("person", True), back_at=desk.get("back_at"),
                    unreachable=frozenset(case.get("unreachable", ())))
    turns = []
    for step in case["inputs"]:
        says = driver.send(event_for(step, driver))
        lang = driver.state.lang or "ru"
        replies = []
        for out in render(tuple(says), lang, translator, html.escape, 4096):
            if isinstance(out, Discard):
                continue
            replies.append({"text": strip_markup(out.text).split("\n"),
                            "choices": [b.label for b in out.buttons]})
        turns.append({"input": step, "replies": replies})
    final = driver.state
    adults = {"adults": [name for _, name in final.adults],
              "adult_actions": [type(a).__name__ for a in driver.adult_actions]} if driver.adult_actions else {}
    return {
        "hint": case.get("hint"),
        **({"desk": desk} if desk else {}),
        **({"unreachable": case["unreachable"]} if "unreachable" in case else {}),
        "inputs": case["inputs"],
        "turns": turns,
        "final": {"step": final.step, "lang": final.lang, "risk": final.risk,
                  "filed": [{"category": f.report.get("category"), "risk": f.risk} for f in driver.filed],
                  "escalations": [e.level for e in driver.escalations],
                  **({"heard": [h.text or h.media_kind for h in driver.heard]} if driver.heard else {}),
                  "discarded": len(driver.discarded), **adults},
    }


@pytest.mark.parametrize("path", sorted(CASES.glob("*.json")), ids=lambda p: p.stem)
def test_transcript(path: Path) -> None:
    translator = Translator.load()
    case = json.loads(path.read_text(encoding="utf-8"))
    actual = run(case, translator)
    if UPDATE or "turns" not in case:
        path.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{path.name} had no expected part; it was written now - review it and run again")
        return
    assert actual == case
