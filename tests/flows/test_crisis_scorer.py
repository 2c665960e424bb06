"""The learned crisis scorer beside the rules (flows/crisis_scorer.py, weights in flows/crisis_weights.py)."""

from __future__ import annotations

import gc

from flows import crisis_scorer, crisis_weights
from flows.crisis import LEARNED_LEVEL, _haystack, explain
from flows.crisis_answers import FAMILY
from flows.crisis_phrases import GROUPS


def test_its_reasons_are_groups_with_an_answer_family() -> None:
    assert set(crisis_weights.REASONS) <= set(GROUPS)
    assert len(crisis_weights.REASON_BIAS) == len(crisis_weights.REASONS)
    assert {r for r in crisis_weights.REASONS if r not in FAMILY} <= {"recruitment_drugs", "recruitment_extremism"}


def test_it_speaks_only_when_no_rule_fired_and_never_critically() -> None:
    # a paraphrase no rule lists (the scorer's own weights hold no sentence of this test)
    text = "honestly everyone would be better if i just stopped being around for good and i mean it"
    found = explain(text)
    assert found and found[0][1] == LEARNED_LEVEL == "high" and found[0][2].startswith("learned score")
    assert explain("i want to kill myself tonight")[0][2] != "learned"  # the rules answer first


def test_short_messages_are_left_to_the_rules() -> None:
    for text in ("что мне делать?", "груминг деген не", "what should i do", "help"):
        assert crisis_scorer.score(_haystack(text))[0] == float("-inf"), text


def test_everyday_messages_stay_calm() -> None:
    for text in ("we went to the park with my sister and had ice cream", "мы с классом ездили на экскурсию в музей",
                 "бүгін досыммен футбол ойнадық, жеңіп кеттік", "can you tell me how to block someone on instagram"):
        assert explain(text) == (), text


def test_features_are_ngrams_and_words_of_the_folded_text() -> None:
    feats = crisis_scorer.features("ab | c#d")
    assert {" a", "ab", "b ", " ab ", "w:ab", "w:c", "w:d"} <= feats
    assert not any("|" in f or "#" in f for f in feats)


def test_its_table_is_no_work_for_the_garbage_collector() -> None:
    # 79,000 entries holding a dict each were half of what every full collection of a worker walked
    # (110-350 ms, bench/README.md stop 20); tuples of integers are untracked after one collection.
    gc.collect()
    assert crisis_scorer._TABLE
    assert not any(gc.is_tracked(entry) for entry in crisis_scorer._TABLE.values())
