"""Crisis reading: the labelled set's figures per language, and the rules the reading keeps.

The labelled set (crisis_labelled.json beside this file) holds messages in kk, ru and en, about half
danger (with the expected level and the acceptable reasons) and half calm but tricky. Run this file
directly to print the figures:  .venv/bin/python tests/flows/test_crisis.py
How to read them: docs/crisis-reading.md.
"""

from __future__ import annotations

import json
import sys
from dataclasses import FrozenInstanceError
from pathlib import Path
from typing import Any

import pytest

from flows import crisis
from flows.crisis import MAX_CHARS, CrisisSignal, detect, explain, needles
from flows.crisis_phrases import GROUPS
from flows.textnorm import fold

LABELLED = Path(__file__).with_name("crisis_labelled.json")
LANGS = ("kk", "ru", "en")

# Thresholds on the labelled set (the phrase lists were tuned on it, see the docs for unseen text).
MIN_RECALL = 0.95  # danger examples that raise any signal
MAX_FALSE_ALARMS = 0.05  # calm examples that raise a signal
MIN_LEVEL_AGREEMENT = 0.95  # danger examples read at the expected level
MIN_EXAMPLES, MIN_SHARE = 60, 0.4  # per language; each of danger and calm at least this share


def load() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(LABELLED.read_text(encoding="utf-8"))
    return rows


def figures(rows: list[dict[str, Any]], lang: str) -> dict[str, Any]:
    danger = [r for r in rows if r["lang"] == lang and r["level"]]
    calm = [r for r in rows if r["lang"] == lang and not r["level"]]
    signals = {r["text"]: detect(r["text"]) for r in danger + calm}
    missed = [r["text"] for r in danger if signals[r["text"]] is None]
    off_level = [(r["text"], r["level"], s.level)
                 for r in danger if (s := signals[r["text"]]) and s.level != r["level"]]
    alarms = [(r["text"], explain(r["text"])) for r in calm if signals[r["text"]] is not None]
    hit = len(danger) - len(missed)
    return {
        "danger": len(danger), "calm": len(calm), "missed": missed, "off_level": off_level, "alarms": alarms,
        "recall": hit / len(danger), "false_alarms": len(alarms) / len(calm),
        "level_agreement": (len(danger) - len(missed) - len(off_level)) / len(danger),
    }


def report(rows: list[dict[str, Any]]) -> str:
    lines = ["lang  danger  calm  recall  false-alarms  level-agreement"]
    for lang in LANGS:
        f = figures(rows, lang)
        lines.append(f"{lang:4}  {f['danger']:6}  {f['calm']:4}  {f['recall']:6.2f}  {f['false_alarms']:12.2f}"
                     f"  {f['level_agreement']:15.2f}")
    return "\n".join(lines)


# --- the labelled set --------------------------------------------------------------------------------
def test_labelled_set_is_well_formed() -> None:
    rows = load()
    texts = [r["text"] for r in rows]
    assert len(texts) == len(set(texts)), "an example appears twice"
    for r in rows:
        assert set(r) == {"lang", "set", "level", "reasons", "text"}, r
        assert r["lang"] in LANGS and r["text"].strip(), r
        if r["level"]:
            assert r["level"] in ("critical", "high"), r
            assert r["reasons"] and set(r["reasons"]) <= set(GROUPS), r
        else:
            assert r["reasons"] == [], r
    for lang in LANGS:
        mine = [r for r in rows if r["lang"] == lang]
        danger = sum(1 for r in mine if r["level"])
        assert len(mine) >= MIN_EXAMPLES, (lang, len(mine))
        assert min(danger, len(mine) - danger) >= MIN_SHARE * len(mine), (lang, danger, len(mine))


@pytest.mark.parametrize("lang", LANGS)
def test_figures_per_language(lang: str) -> None:
    rows = load()
    f = figures(rows, lang)
    print(f"\n{lang}: recall {f['recall']:.2f} of {f['danger']}, false alarms {f['false_alarms']:.2f} of "
          f"{f['calm']}, level agreement {f['level_agreement']:.2f}")
    assert f["recall"] >= MIN_RECALL, f"{lang} missed: {f['missed']}"
    assert f["false_alarms"] <= MAX_FALSE_ALARMS, f"{lang} false alarms: {f['alarms']}"
    assert f["level_agreement"] >= MIN_LEVEL_AGREEMENT, f"{lang} other level: {f['off_level']}"


def test_danger_examples_name_an_expected_reason_first() -> None:
    wrong = []
    for r in load():
        signal = detect(r["text"])
        if r["level"] and signal and signal.reasons[0] not in r["reasons"]:
            wrong.append((r["text"], r["reasons"], signal.reasons))
    assert len(wrong) <= 0.03 * sum(1 for r in load() if r["level"]), wrong


# --- one phrase, every way of typing it ---------------------------------------------------------------
@pytest.mark.parametrize(("reason", "variants"), [
    ("self_harm", ["өлгім келеді", "olgim keledi", "ölgım keledı", "олгим келеди", "o'lgim keledi",
                   "ӨЛГІМ КЕЛЕДІ!!!", "өлгім келедіііі"]),
    ("self_harm", ["өзімді өлтіргім келеді", "ozimdi oltirgim keledi", "özımdı öltırgım keledı",
                   "озимди олтиргим келеди", "men ozimdi oltirgim kelip jur"]),
    ("self_harm", ["хочу умереть", "xochu umeret", "hochu umeret'", "xo4u umeret", "ХОЧУ УМЕРЕТЬ",
                   "хочууу умеретьь", "khochu umeret"]),
    ("self_harm", ["убить себя", "ubit sebya", "ubit' sebja", "ubit sebia", "убить сeбя"]),  # Latin "e" in сeбя
    ("self_harm", ["kill myself", "KILL MYSELF", "kil myself", "kiiill myself", "kill my self"]),
    ("self_harm", ["не хочу жить", "ne hochu zhit", "ne xochu jit", "не хочу больше жить"]),
    ("threat_violence", ["сені өлтіремін", "seni oltiremin", "senı öltıremın", "сени олтиремин"]),
    ("sextortion", ["жалаңаш суреттерімді таратамын дейді", "jalañaş suretterımdı taratamyn deidı",
                    "zhalanash suretterimdi taratamyn deidi", "жаланаш суреттеримди таратамын дейди"]),
    ("grooming", ["don't tell your parents", "dont tell your parents", "don’t tell your parents",
                  "DON'T TELL YOUR PARENTS!!"]),
    ("recruitment_extremism", ["зовут на джихад, предлагают вступить", "zovut na jihad, predlagayut vstupit",
                               "zovut na dzhihad predlagaiut vstupit"]),
])
def test_variants_of_one_phrase_all_fire(reason: str, variants: list[str]) -> None:
    for text in variants:
        signal = detect(text)
        assert signal is not None and reason in signal.reasons, (text, fold(text), explain(text))


def test_kazakh_2021_latin_letters_fold_like_cyrillic() -> None:
    assert fold("özımdı öltıremın") == fold("өзімді өлтіремін") == fold("ozimdi oltiremin")
    assert fold("jalañaş") == fold("жалаңаш") == fold("zhalanash")
    assert fold("qorqamyn") == fold("қорқамын") == fold("korkamyn")
    assert fold("şeşem") == fold("шешем") == fold("sheshem")


# --- matching rules ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "skill myself up", "that skill tree is good", "overkill", "I want to diet", "игілік жасау керек",
    "unsuicidable", "killer app",
])
def test_phrases_match_whole_words_from_a_word_start(text: str) -> None:
    assert detect(text) is None, explain(text)


def test_a_stem_reads_the_words_it_starts() -> None:
    assert detect("у меня суицидальные мысли") == CrisisSignal("high", ("self_harm",))
    assert detect("suicidal thoughts every night") == CrisisSignal("high", ("self_harm",))


def test_a_stem_ending_in_zh_reads_the_bare_word_and_its_forms() -> None:
    # "нож" folds to "noi" (like "мой") but "ножом" to "nojom": a stem must read both.
    assert needles("нож*") == (" noj", " noi ")
    assert needles("kill*") == (" kil",)


def test_a_gap_lets_up_to_three_words_stand_between() -> None:
    assert detect("әкем мені күнде ұрады") is not None
    assert detect("әкем мені бір екі үш ұрады") is not None
    # no phrase reads four words between (the learned scorer may still read "father ... hits me")
    assert all(hit.startswith("learned") for _, _, hit in explain("әкем мені бір екі үш төрт ұрады"))
    assert detect("мені. бір ұрады") is None  # never across a sentence end


def test_the_most_serious_level_wins_and_comes_first() -> None:
    signal = detect("My stepdad hits me. Tonight I'm on the roof and I will jump.")
    assert signal is not None and signal.level == "critical"
    assert signal.reasons[0] == "suicide_now" and "abuse" in signal.reasons
    levels = [level for _, level, _ in explain("he threatens to post my nudes. dad is beating me right now")]
    assert levels == sorted(levels, key=["high", "critical"].index, reverse=True)


def test_danger_now_makes_the_same_thoughts_redundant() -> None:
    assert detect("I want to kill myself tonight") == CrisisSignal("critical", ("suicide_now",))
    assert detect("I want to kill myself") == CrisisSignal("high", ("self_harm",))


def test_idioms_are_masked_only_where_they_stand() -> None:
    assert detect("умираю со смеху") is None
    assert detect("умираю со смеху, а вообще хочу умереть") == CrisisSignal("high", ("self_harm",))
    assert detect("I want to die my hair blue") is None
    assert detect("не хочу умирать") is None


def test_a_negated_plan_is_not_danger_now() -> None:
    # "I'm not going to kill myself" once read as suicide_now through "going to kill myself".
    assert detect("I'm not going to kill myself") is None
    assert detect("я не собираюсь убивать себя") is None
    assert detect("I'm going to kill myself") == CrisisSignal("critical", ("suicide_now",))


def test_game_talk_calms_a_threat_in_its_own_sentence_only() -> None:
    assert detect("I'll kill you in Fortnite lol") is None
    assert detect("ойында сені өлтіремін") is None
    assert detect("We played fortnite. He said he will kill me tomorrow at school.") is not None


def test_a_child_who_says_they_are_afraid_is_not_joking() -> None:
    assert detect("he said he will kill me lol") is None
    assert detect("he said he will kill me lol, i'm scared") is not None
    assert detect("сказал что убьет меня ахах, мне страшно") is not None


def test_a_question_about_a_word_is_not_the_danger_the_word_names() -> None:
    assert detect("what does kys mean? saw it under a video") is None
    assert detect("что означает 'закладчик'? в новостях постоянно говорят") is None
    assert detect("kys деген не сөз? коммент астында көрдім") is None
    # The word alone, or the question with fear, still reaches a person.
    assert detect("kys") is not None
    assert detect("what does kys mean? they write it to me every day and i'm scared") is not None


@pytest.mark.parametrize("text", [
    "what does it mean when you want to die all the time",
    "что это значит если я режу руки каждый вечер",
    "что значит когда хочется умереть каждый день",
    "what is a painless way to die",
    "что такое со мной, я хочу умереть",
    "what does it mean when an adult keeps asking me to send nudes",
    "что значит если мне пишут иди убейся каждый день",
    "бұл не деген сөз, ағай маған жалаңаш сурет жібер дейді",
])
def test_danger_told_as_a_question_is_danger(text: str) -> None:
    # A question about a word is calm only through the scorer's veto, which never reads self-harm.
    assert detect(text) is not None


def test_the_scorer_may_drop_a_topic_reading_never_danger_now_a_threat_or_a_short_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    high = "my classmates keep telling me to kys in the group chat every single day"
    critical = "i took all of moms pills an hour ago and i feel strange"
    assert detect(high) is not None and detect(critical) is not None
    monkeypatch.setattr(crisis, "LEARNED_VETO", float("inf"))  # the scorer vetoes whatever it can
    assert detect(high) is None
    signal = detect(critical)
    assert signal is not None and signal.level == "critical"
    assert detect("kys") is not None  # under five words: the scorer does not read it
    # Threats and abuse are told among calm words; the scorer never drops them.
    assert detect("We played fortnite. He said he will kill me tomorrow at school.") is not None
    assert all(GROUPS[reason].level == "high" for reason in crisis.VETOED_REASONS)


def test_pairs_need_both_halves() -> None:
    assert detect("a man from the internet") is None
    assert detect("my friend wants to meet me tomorrow") is None
    assert detect("a man from the internet wants to meet me tomorrow") == CrisisSignal(
        "critical", ("grooming_meeting",))
    assert detect("I bought a rope for camping today") is None


# --- robustness --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["", " ", "\n\t", "😀😀😀", "🙂", "...", "?!", "))))", "💀💀", "\u200d\u200b", "112"])
def test_empty_and_emoji_only_text_is_calm(text: str) -> None:
    assert detect(text) is None


def test_very_long_text_is_read_to_its_end() -> None:
    """Speed is measured in bench/crisis_reading.py; here only what long texts yield."""
    calm = ("В школе был обычный день, мы писали контрольную по математике. " * 160)[:10_000]
    danger = calm[:9_950] + " я хочу умереть"
    for text in ("😂" * 10_000, "a. " * 3_400, "x" * 100_000):
        assert detect(text) is None
    assert detect(calm) is None
    assert detect(danger) == CrisisSignal("high", ("self_harm",))


def test_text_beyond_max_chars_is_not_read() -> None:
    assert detect("a " * MAX_CHARS + "хочу умереть") is None


def test_the_signal_is_a_frozen_value() -> None:
    signal = detect("хочу умереть")
    assert signal is not None
    with pytest.raises(FrozenInstanceError):
        signal.level = "low"  # type: ignore[misc]


# --- the phrase data ---------------------------------------------------------------------------------
def test_every_group_is_critical_or_high_and_readable() -> None:
    for reason, group in GROUPS.items():
        assert group.level in ("critical", "high"), reason
        assert set(group.unless) <= set(GROUPS) - {reason}, reason
        for phrase in (*group.phrases, *(p for a, b in group.pairs for p in (*a, *b)), *group.calm):
            assert needles(phrase), (reason, phrase)


def test_a_broken_phrase_fails_when_the_lists_load() -> None:
    with pytest.raises(ValueError, match="folds to nothing"):
        needles("!!!")
    with pytest.raises(ValueError, match="only end"):
        needles("kill*me")
    with pytest.raises(ValueError, match="unknown level"):
        crisis._compile("x", GROUPS["self_harm"]._replace(level="urgent"))


# --- folding (regressions named after what went wrong) ---------------------------------------------
def test_fold_keeps_repeated_digits() -> None:
    # "112" once folded to "12", so "12" (an age, an answer) read as the SOS command.
    assert fold("112") == "112"
    assert fold("Помогиииите!!!") == fold("помогите") == "pomogite"


def test_fold_drops_apostrophes_inside_words() -> None:
    # "o'lgim" once folded to "o lgim" and "don't" to "don t".
    assert fold("o'lgim") == fold("өлгім")
    assert fold("don't") == fold("dont")


def test_fold_reads_dotless_i_and_mixed_script_words() -> None:
    assert fold("keledı") == "keledi"  # Kazakh Latin ı was once dropped as punctuation
    assert fold("сeбя") == fold("себя")  # a Latin "e" inside a Cyrillic word


def test_fold_is_deterministic() -> None:
    for text in ["Өзімді ӨЛТІРЕМІН!!", "xo4u umeret'", "ñandú İstanbul", "😂 lol", ""]:
        assert fold(text) == fold(text)
    assert fold("ñandú İstanbul") == "nandu istanbul"


if __name__ == "__main__":
    print(report(load()))
    sys.exit(0)
