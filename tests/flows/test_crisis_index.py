"""The crisis reading's shortcuts change no reading.

`flows.crisis` skips the idioms, pairs and combos a message's words cannot start, and weighs the learned
scorer's reasons only when its danger passes the threshold. Here the same messages are read with every
idiom, pair and combo tried and every reason weighed, as before the shortcuts, and must read the same.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from flows import crisis, crisis_scorer
from flows.textnorm import fold

HERE = Path(__file__).parent


def _messages() -> list[str]:
    data = json.loads((HERE / "crisis_labelled.json").read_text(encoding="utf-8"))
    rows = data["examples"] if isinstance(data, dict) else data
    for path in sorted((HERE / "crisis_sets").glob("*.json")):
        rows += json.loads(path.read_text(encoding="utf-8"))
    texts = [row["text"] for row in rows]
    # Every fifteenth, and pairs of messages run together, so pairs and combos meet across sentences.
    sample = texts[::15]
    # Idioms, the patterns among them (a dream "chasing me" is not a threat), beside danger words.
    idioms = ["I dreamed a big dog was chasing me, then I woke up", "Мне приснилось, что кто-то бежит за мной",
              "түсімде бір ит қуып жүр екен", "I'm dying to see the new film, we kill time after school",
              "Мы убиваем время в телефоне. Он сказал, что убьёт меня, если я расскажу"]
    return sample + idioms + [a + " " + b for a, b in zip(sample[::5], sample[3::5], strict=False)]


def _every_idiom(text: str) -> str:
    """`crisis._haystack` trying every idiom in order (before the index by first word)."""
    text = crisis._LAUGH.sub(" lol ", text[:crisis.MAX_CHARS]).translate(crisis._EMOJI_WORDS)
    folded = (fold(s) for s in crisis._SENTENCE_END.split(text))
    hay = f" {crisis._SEP.join(s for s in folded if s)} "
    for quick, idiom in crisis._IDIOMS:
        if isinstance(quick, re.Pattern) or quick in hay:
            hay = idiom.sub(crisis._masked, hay)
    return hay


def _every_one(index: crisis._Index, *_: object) -> list[int]:
    return sorted({at for places in (*index.by_word.values(), *index.by_stem.values()) for at in places})


def _weighed(folded: str, threshold: float) -> tuple[float, str] | None:
    learned, reason = crisis_scorer.score(folded)
    return (learned, reason) if learned > threshold else None


def test_a_message_reads_the_same_with_every_idiom_pair_and_combo_tried(monkeypatch: pytest.MonkeyPatch) -> None:
    messages = _messages()
    quick = [crisis.explain(text) for text in messages]
    hays = [crisis._haystack(text) for text in messages]
    with monkeypatch.context() as patched:
        patched.setattr(crisis, "_haystack", _every_idiom)
        patched.setattr(crisis._Index, "present", _every_one)
        patched.setattr(crisis_scorer, "above", _weighed)
        slow = [crisis.explain(text) for text in messages]
        assert [crisis._haystack(text) for text in messages] == hays
    assert quick == slow
    assert sum(1 for found in quick if found) > len(messages) // 4  # danger read in many, not a calm sample


def test_every_pair_and_combo_can_be_started_by_a_word_of_its_first_part() -> None:
    for group in crisis._GROUPS:
        indexed = set(_every_one(group.pair_starters))
        assert indexed == set(range(len(group.pairs))), group.reason
        indexed = set(_every_one(group.combo_starters))
        assert indexed == set(range(len(group.combos))), group.reason


def test_the_danger_alone_is_the_scores_danger() -> None:
    for text in _messages()[:300]:
        hay = crisis._haystack(text)
        assert crisis_scorer.danger(hay) == crisis_scorer.score(hay)[0]
