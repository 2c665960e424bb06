"""Crisis reading of free text: does a message read as danger?

The phrases are data (`flows.crisis_phrases`); each group has a level and a reason (its name).
Text and phrases are folded the same way (`flows.textnorm.fold`), so Kazakh, Russian and English
in Cyrillic or Latin letters, with common misspellings, meet on one skeleton. How to read and
extend it: docs/crisis-reading.md.

Reading one message:
1. the text is cut to MAX_CHARS, split into sentences and folded; ")))" and laughing emoji read as "lol";
2. idioms ("умираю со смеху", "kill time") are masked, so no phrase can fire inside them;
3. a group fires when one of its phrases occurs at a word start (a phrase ending in "*" is a stem,
   otherwise it must end at a word end; "~" in a phrase lets up to GAP_WORDS words stand between),
   or when both halves of one of its pairs occur within PAIR_WINDOW characters of each other;
4. a match is dropped when its sentence holds one of the group's calm words ("fortnite", "lol"),
   unless the message also says the child is afraid;
5. a combo fires its group when a phrase of each of its two or three parts stands within PAIR_WINDOW
   of its first part's phrase, outside a sentence holding one of the combo's own calm words;
6. a group is dropped when a group named in its `unless` was found too;
7. the most serious level wins; every group found is a reason, the most serious first;
8. when no rule fired, the learned scorer (`flows.crisis_scorer`, character n-grams with committed
   weights) may still read danger: level "high", the reason its text most resembles.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cache
from itertools import chain
from typing import NamedTuple

from flows import crisis_scorer as scorer
from flows.crisis_phrases import FEAR, GROUPS, IDIOMS, Group, Phrases
from flows.crisis_weights import THRESHOLD as LEARNED_THRESHOLD
from flows.textnorm import fold
from flows.triage import LEVELS, rank

MAX_CHARS = 20_000  # longer than any platform message (4096); keeps the reading fast whatever comes
GAP_WORDS = 3  # words a "~" in a phrase may stand for
LEARNED_LEVEL = "high"  # what the learned scorer reports when no rule fired: a person looks, never "critical"
# Below this learned score a rule's "high" reading of the groups below is dropped (never a "critical"
# one, never a message too short for the scorer or too long for it to read whole): a word a rule fires
# on alone ("kys", "закладчик", "sextortion") in a message the scorer reads as plainly calm (a question
# about the word, a lesson, a song, something long over). Chosen on two batches held out from the
# scorer's training (stop 20); docs/crisis-reading.md. -1.5 since stop 21: retrained, the scorer read
# "давай перейдём в другое приложение, там никто не увидит" at -1.05 and the veto dropped its grooming
# (test_crisis_patterns); held out (unseen20, train8 ru and en), -1.5 lost no danger message either,
# and kept 3 more false alarms.
LEARNED_VETO = -1.5
# The groups a single topic word can fire, the only ones the veto reads. Not self-harm: a child asks
# about their own pain in the words of a question ("what does it mean when you want to die all the
# time" scores as calm and is not). Not threats or abuse: told among calm words ("we played fortnite.
# he said he will kill me tomorrow at school") they score low and are real.
VETOED_REASONS = frozenset({"incitement", "sextortion", "blackmail", "grooming", "recruitment_drugs",
                            "recruitment_extremism", "death_group"})
PAIR_WINDOW = 300  # folded characters (some 50 words) within which the two halves of a pair must stand
_SENTENCE_END = re.compile(r"[.!?…;]+(?=\s|$)|\n+")
_LAUGH = re.compile(r"\){2,}|[😂🤣💀]")
# Emoji that carry the danger, which the fold would drop, read as words: self-harm ("тағы да ✂️🩸 ешкімге
# айтпаңызшы") and, since stop 26, a secret ("он меня заберет 🤫").
_EMOJI_WORDS = str.maketrans({"🩸": " bloodemoji ", "✂": " scissorsemoji ", "🤫": " shushemoji "})
_SEP = " | "  # between folded sentences; "|" never occurs in folded text, so no phrase spans it
_GAP = rf"(?: [^ |#]+){{0,{GAP_WORDS}}}"  # a gap never crosses a sentence end or a masked idiom

_VOICED = {"k": "g", "p": "b"}
_KAZAKH_LETTERS = frozenset("әғқңөұүһі")
# A needle is what is searched in " folded text ": a string, or a pattern for phrases with a gap.
Needle = str | re.Pattern[str]


@dataclass(frozen=True)
class CrisisSignal:
    level: str
    reasons: tuple[str, ...]


def _fold_words(words: str, stem: bool) -> tuple[str, ...]:
    """The folded forms a phrase part is searched as (a stem may have two, see `needles`)."""
    folded = fold(words)
    if not folded:
        raise ValueError(f"crisis phrase part {words!r} folds to nothing")
    if not stem:
        return (f" {folded} ",)
    # A stem is folded with a vowel after it, as the words it starts are: "нож*" folds to "noj" as in
    # "ножом", while a bare "нож" folds to "noi" (like "мой"), so the bare word is searched as well.
    vowel = "u" if folded.endswith("o") else "o"
    before_vowel = fold(words + vowel)[:-1]
    forms = (f" {folded}",) if before_vowel == folded else (f" {before_vowel}", f" {folded} ")
    # Kazakh voices a final қ/к and п before a vowel ending: "сабақ*" reads "сабағында", "тақырып*" "тақырыбы".
    kazakh = any(letter in _KAZAKH_LETTERS for letter in words.lower())
    voiced = _VOICED.get(folded[-1]) if kazakh and " " not in folded and len(folded) > 3 else None
    return forms if voiced is None else (*forms, f" {folded[:-1]}{voiced}")


@cache
def needles(phrase: str) -> tuple[Needle, ...]:
    """What one phrase is searched as: ' words ' for whole words, ' stem' for 'stem*', a pattern for '~'."""
    stem = phrase.endswith("*")
    words = phrase[:-1] if stem else phrase
    if "*" in words:
        raise ValueError(f"crisis phrase {phrase!r}: '*' may only end a phrase")
    if "~" not in words:
        return _fold_words(words, stem)
    head, _, tail = words.partition("~")
    if "~" in tail:
        raise ValueError(f"crisis phrase {phrase!r}: one '~' per phrase")
    (first,) = _fold_words(head, stem=False)
    return tuple(re.compile(re.escape(first.rstrip()) + _GAP + re.escape(last))
                 for last in _fold_words(tail, stem))


def _first_word(needle_: Needle, phrase: str) -> str | None:
    """The needle's first word when it must be whole (a stem's only word need not be): a quick pre-check."""
    if isinstance(needle_, re.Pattern):
        return fold(phrase.partition("~")[0]).split(" ")[0]
    words = needle_.strip().split(" ")
    return words[0] if len(words) > 1 or needle_.endswith(" ") else None


class _Words(NamedTuple):
    """The words of a haystack, and every start of them up to the longest stem: what lets a matcher look
    only at the needles that can be there instead of scanning all of its needles (14,000 in all)."""

    whole: frozenset[str]
    starts: frozenset[str]

    @classmethod
    def of(cls, hay: str) -> _Words:
        whole = frozenset(hay.split(" "))
        return cls(whole, frozenset(w[:i] for w in whole for i in range(1, min(len(w), _LONGEST_STEM) + 1)))


_LONGEST_STEM = 1  # the longest one-word stem of any matcher so far (`_Matcher.of` raises it)


@dataclass(frozen=True)
class _Index:
    """Positions in a list (needles, pairs, combos, idioms) by the whole words and the word starts (stems)
    that can begin what stands there: a message's words pick the few worth a search. Its keys are sets, as a
    set's intersection with a set walks the smaller one, with a dict every key of the dict."""

    by_word: dict[str, tuple[int, ...]]
    by_stem: dict[str, tuple[int, ...]]
    words: frozenset[str]
    stems: frozenset[str]

    @classmethod
    def of(cls, by_word: Mapping[str, Iterable[int]], by_stem: Mapping[str, Iterable[int]]) -> _Index:
        return cls({k: tuple(v) for k, v in by_word.items()}, {k: tuple(v) for k, v in by_stem.items()},
                   frozenset(by_word), frozenset(by_stem))

    @classmethod
    def over(cls, matchers: Sequence[_Matcher]) -> _Index:
        """The positions of matchers by every key of each (a pair's or combo's first part: can it start?)."""
        by_word: dict[str, list[int]] = {}
        by_stem: dict[str, list[int]] = {}
        for at, matcher in enumerate(matchers):
            for word in matcher.index.words:
                by_word.setdefault(word, []).append(at)
            for stem in matcher.index.stems:
                by_stem.setdefault(stem, []).append(at)
        return cls.of(by_word, by_stem)

    def present(self, whole: AbstractSet[str], starts: AbstractSet[str] = frozenset()) -> list[int]:
        """The positions that can occur among these words and word starts, in the list's order."""
        found: set[int] = set()
        for word in whole & self.words:
            found.update(self.by_word[word])
        for stem in starts & self.stems:
            found.update(self.by_stem[stem])
        return sorted(found)


@dataclass(frozen=True)
class _Matcher:
    """Phrases ready to search: (needle, the phrase it came from, its first whole word or None).

    `index` holds the needles (by position in `needles`) by their first whole word, or by the stem itself
    for a one-word stem, so a haystack's words pick the candidates."""

    needles: tuple[tuple[Needle, str, str | None], ...]
    index: _Index = field(compare=False, hash=False)

    @classmethod
    @cache
    def of(cls, phrases: Phrases) -> _Matcher:
        """The matcher of a phrase list (lists shared by several groups are compiled once)."""
        seen: dict[Needle, str] = {}
        for phrase in phrases:
            for needle_ in needles(phrase):
                seen.setdefault(needle_, phrase)
        found = tuple((n, p, _first_word(n, p)) for n, p in seen.items())
        by_word: dict[str, list[int]] = {}
        by_stem: dict[str, list[int]] = {}
        for i, (needle_, _, head) in enumerate(found):
            if head is not None:
                by_word.setdefault(head, []).append(i)
            else:  # a one-word stem (a pattern always has a head)
                by_stem.setdefault(str(needle_).strip(), []).append(i)
        global _LONGEST_STEM
        _LONGEST_STEM = max(_LONGEST_STEM, *map(len, by_stem), 0)
        return cls(found, _Index.of(by_word, by_stem))

    def hits(self, hay: str, calm: _CalmSentences | None = None,
             words: _Words | None = None) -> Iterator[tuple[str, int]]:
        """(phrase, position) of every needle found outside a calm sentence, needle by needle.

        `words`, the haystack's words, lets the needles that cannot occur be skipped without a search.
        """
        words = words if words is not None else _Words.of(hay)
        for i in self.index.present(words.whole, words.starts):
            needle_, phrase, _ = self.needles[i]
            if isinstance(needle_, str):
                pos = hay.find(needle_)
                while pos >= 0:
                    if calm is None or not calm.at(pos):
                        yield phrase, pos
                    pos = hay.find(needle_, pos + 1)
            else:
                for match in needle_.finditer(hay):
                    if calm is None or not calm.at(match.start()):
                        yield phrase, match.start()

    def first(self, hay: str, calm: _CalmSentences | None = None,
              words: _Words | None = None) -> str | None:
        """The phrase of the first needle found outside a calm sentence, or None."""
        return next((phrase for phrase, _ in self.hits(hay, calm, words)), None)


def _pair(hay: str, a: _Matcher, b: _Matcher, calm: _CalmSentences | None, words: _Words) -> str | None:
    """'A + B' when a phrase of A (outside a calm sentence) has a phrase of B within PAIR_WINDOW of it."""
    firsts = a.hits(hay, calm, words)
    head = next(firsts, None)
    if head is None:
        return None
    seconds = sorted(b.hits(hay, words=words), key=lambda hit: hit[1])
    places = [pos for _, pos in seconds]
    for phrase, pos in chain((head,), firsts):
        i = bisect_left(places, pos - PAIR_WINDOW)
        if i < len(places) and places[i] <= pos + PAIR_WINDOW:
            return f"{phrase} + {seconds[i][0]}"
    return None


def _combo(hay: str, parts: tuple[_Matcher, ...], calm: _CalmSentences | None,
           words: _Words) -> str | None:
    """'A + B + C' when a phrase of the first part (outside a calm sentence) has one of every other near it."""
    firsts = parts[0].hits(hay, calm, words)
    head = next(firsts, None)
    if head is None:
        return None
    others: list[tuple[list[int], list[str]]] = []
    for part in parts[1:]:
        found = sorted(part.hits(hay, words=words), key=lambda hit: hit[1])
        if not found:
            return None
        others.append(([pos for _, pos in found], [phrase for phrase, _ in found]))
    for phrase, pos in chain((head,), firsts):
        named = [phrase]
        for places, phrases in others:
            i = bisect_left(places, pos - PAIR_WINDOW)
            if i >= len(places) or places[i] > pos + PAIR_WINDOW:
                break
            named.append(phrases[i])
        else:
            return " + ".join(named)
    return None


@dataclass
class _CalmSentences:
    """Whether the sentence around a position holds a calm word; each sentence is looked at once."""

    hay: str
    calm: _Matcher
    seen: dict[int, bool] = field(default_factory=dict)

    def at(self, pos: int) -> bool:
        start = self.hay.rfind("|", 0, pos) + 1
        if start not in self.seen:
            end = self.hay.find("|", pos)
            sentence = self.hay[start:] if end < 0 else self.hay[start:end]
            self.seen[start] = self.calm.first(sentence) is not None
        return self.seen[start]


@dataclass(frozen=True)
class _Group:
    reason: str
    level: str
    phrases: _Matcher
    pairs: tuple[tuple[_Matcher, _Matcher], ...]
    calm: _Matcher | None
    unless: frozenset[str]
    combos: tuple[tuple[tuple[_Matcher, ...], _Matcher | None], ...]
    # The first words and the stems of every needle that can start a reading of this group (its phrases,
    # the first half of its pairs, the first part of its combos): a message with none of them is skipped.
    first_words: frozenset[str]
    first_stems: frozenset[str]
    # Which pairs and combos can start in a message (tried in order, only those).
    pair_starters: _Index
    combo_starters: _Index

    def may_fire(self, words: _Words) -> bool:
        return not (words.whole.isdisjoint(self.first_words) and words.starts.isdisjoint(self.first_stems))


def _compile(reason: str, group: Group) -> _Group:
    if group.level not in LEVELS:
        raise ValueError(f"crisis group {reason!r}: unknown level {group.level!r}")
    if not group.phrases and not group.pairs and not group.combos:
        raise ValueError(f"crisis group {reason!r} has no phrases and no pairs")
    if unknown := set(group.unless) - set(GROUPS):
        raise ValueError(f"crisis group {reason!r}: 'unless' names unknown groups {sorted(unknown)}")
    pairs = tuple((_Matcher.of(a), _Matcher.of(b)) for a, b in group.pairs)
    calm = _Matcher.of(group.calm) if group.calm else None
    for combo in group.combos:
        if not 1 <= len(combo.parts) <= 3 or not all(combo.parts):
            raise ValueError(f"crisis group {reason!r}: a combo needs one to three non-empty parts")
    combos = tuple((tuple(_Matcher.of(part) for part in combo.parts), _Matcher.of(combo.calm) if combo.calm else None)
                   for combo in group.combos)
    phrases = _Matcher.of(group.phrases)
    starters = (phrases, *(a for a, _ in pairs), *(parts[0] for parts, _ in combos))
    return _Group(reason, group.level, phrases, pairs, calm, frozenset(group.unless), combos,
                  frozenset(chain.from_iterable(m.index.words for m in starters)),
                  frozenset(chain.from_iterable(m.index.stems for m in starters)),
                  _Index.over([a for a, _ in pairs]), _Index.over([parts[0] for parts, _ in combos]))


# Compiled when the module loads, so a phrase that cannot work fails at start-up, not mid-chat.
_GROUPS = tuple(_compile(reason, group) for reason, group in GROUPS.items())
_IDIOMS = tuple(
    (n, n) if isinstance(n, re.Pattern)
    else (n, re.compile(re.escape(n.rstrip()) + ("(?= )" if n.endswith(" ") else "")))
    for p in IDIOMS for n in needles(p)
)


def _idioms_by_word() -> _Index:
    """The idioms searched as strings, by their first word, so a message is not searched for all 800."""
    found: dict[str, list[int]] = {}
    for at, (quick, _) in enumerate(_IDIOMS):
        if isinstance(quick, str):
            found.setdefault(quick.split()[0], []).append(at)
    return _Index.of(found, {})


_IDIOM_INDEX = _idioms_by_word()
# The fifteen `~` patterns (a gap of words inside) are few: always tried.
_IDIOM_PATTERNS = frozenset(at for at, (quick, _) in enumerate(_IDIOMS) if isinstance(quick, re.Pattern))
_FEAR = _Matcher.of(FEAR)


def _haystack(text: str) -> str:
    text = _LAUGH.sub(" lol ", text[:MAX_CHARS])
    text = text.translate(_EMOJI_WORDS)
    folded = (fold(s) for s in _SENTENCE_END.split(text))
    hay = f" {_SEP.join(s for s in folded if s)} "
    # In the idioms' order, as masking one may hide the next; masking never makes a new occurrence ('#').
    for at in sorted(_IDIOM_PATTERNS.union(_IDIOM_INDEX.present(frozenset(hay.split(" "))))):
        quick, idiom = _IDIOMS[at]
        if isinstance(quick, re.Pattern) or quick in hay:
            hay = idiom.sub(_masked, hay)
    return hay


def _masked(match: re.Match[str]) -> str:
    """An idiom's words turned to '#', its spaces kept, so positions and word starts stay as they were."""
    return re.sub(r"[^ ]", "#", match.group())


def explain(text: str) -> tuple[tuple[str, str, str], ...]:
    """(reason, level, the phrase that fired) for every group found, the most serious first."""
    hay = _haystack(text)
    if not hay.strip():
        return ()
    words = _Words.of(hay)
    afraid = _FEAR.first(hay, words=words) is not None
    found: list[tuple[_Group, str]] = []
    for group in _GROUPS:
        if not group.may_fire(words):
            continue
        calm = _CalmSentences(hay, group.calm) if group.calm and not afraid else None
        hit = group.phrases.first(hay, calm, words)
        for at in group.pair_starters.present(words.whole, words.starts) if hit is None else ():
            a, b = group.pairs[at]
            if (hit := _pair(hay, a, b, calm, words)) is not None:
                break
        for at in group.combo_starters.present(words.whole, words.starts) if hit is None else ():
            parts, combo_calm = group.combos[at]
            sentences = _CalmSentences(hay, combo_calm) if combo_calm else None
            if (hit := _combo(hay, parts, sentences, words)) is not None:
                break
        if hit is not None:
            found.append((group, hit))
    reasons = {group.reason for group, _ in found}
    kept = [(g.reason, g.level, hit) for g, hit in found if not g.unless & reasons]
    kept.sort(key=lambda item: -rank(item[1]))
    if not kept:
        if (scored := scorer.above(hay, LEARNED_THRESHOLD)) is not None:
            learned, reason = scored
            return ((reason, LEARNED_LEVEL, f"learned score {learned:.2f}"),)
    elif ({reason for reason, _, _ in kept} <= VETOED_REASONS and len(hay) <= scorer.MAX_SCORED_CHARS
          and -math.inf < scorer.danger(hay) < LEARNED_VETO):  # only what the scorer read whole
        return ()
    return tuple(kept)


def detect(text: str) -> CrisisSignal | None:
    """The most serious signal in a text, with every reason found; None when calm."""
    found = explain(text)
    if not found:
        return None
    return CrisisSignal(level=found[0][1], reasons=tuple(reason for reason, _, _ in found))
