"""The conversation engine: (state, event) -> (new state, actions). No I/O, no clock, no randomness.

The runtime carries out `FileCase`, `Escalate`, `LookupReport` and `DeleteUserData`, then feeds
the answer back as an event (`CaseFiled`, `Escalated`, `ReportStatus`, `DataDeleted`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from flows.actions import (
    Action,
    DeleteUserData,
    DiscardMedia,
    Escalate,
    FileCase,
    LookupReport,
    RecordFeedback,
    RelayToOperator,
    RelayWhileWaiting,
    Say,
)
from flows.address import addressed
from flows.adult_turn import AdultSteps
from flows.commands import Command, read_command
from flows.crisis import CrisisSignal
from flows.crisis_answers import answer as crisis_answer
from flows.crisis_answers import family as crisis_family
from flows.crisis_phrases import GROUPS as CRISIS_GROUPS
from flows.definitions import ENTRY_STEPS, LANGUAGES, REPORT_FIELDS, STEPS
from flows.emergency import DEFAULT_EMERGENCY_LINES, EmergencyLine, numbers_block
from flows.events import (
    CaseFiled,
    DataDeleted,
    Escalated,
    Event,
    Heard,
    Media,
    MediaKind,
    OperatorJoined,
    OperatorLeft,
    OperatorMessage,
    Pick,
    ReportStatus,
    StillWaiting,
    Text,
)
from flows.freetext import (
    LabelIndex,
    describes_problem,
    looks_like_reference,
    read_age,
    read_region,
    suggest_category,
    typed_choice,
    worded,
)
from flows.guides import GUIDE_PLACES, guide_topic
from flows.images import sexual_image_context
from flows.language_guess import guess_language
from flows.links import find_links
from flows.messages import N_, Msg
from flows.privacy import DEFAULT_PERIODS, KeepingPeriods
from flows.reading import Reading
from flows.references import parse_reference
from flows.screens import options_for, screen
from flows.state import ConversationState
from flows.steps import Input, Step, validate
from flows.tips import CATEGORY_TOPIC, ROLE_AUDIENCE
from flows.triage import assess, highest, rank

MAX_TEXT_CHARS = 4096  # the longest message either platform delivers
MAX_DESCRIPTION_CHARS = 1500
MAX_EVIDENCE_FILES = 10
MAX_TRAIL = 30  # back-steps remembered
USER_REQUESTS = frozenset({"sos", "asked_for_person"})  # escalations the user asked for
# Escalations whose cause shows the emergency numbers itself (see on_escalated).
NUMBERS_SHOWN_BY = frozenset({"danger_now", *CRISIS_GROUPS})
REQUIRED_FIELDS = ("category", "victim", "description", "place", "danger", "age_group", "contact")


@dataclass(frozen=True)
class EngineConfig:
    emergency: tuple[EmergencyLine, ...] = DEFAULT_EMERGENCY_LINES
    max_description: int = MAX_DESCRIPTION_CHARS
    periods: KeepingPeriods = DEFAULT_PERIODS
    # Button labels in every language (catalog key -> folded labels), so a typed label is the button.
    # The runtime fills it from the catalogs (locales.labels); the engine never reads a catalog.
    labels: LabelIndex = dataclass_field(default_factory=dict)


@dataclass(frozen=True)
class Result:
    state: ConversationState
    actions: tuple[Action, ...]


def handle(state: ConversationState, event: Event, *, hint: str | None = None,
           config: EngineConfig | None = None, reading: Reading | None = None) -> Result:
    """Advance one conversation by one event. `hint` is the platform's language hint; `reading`
    the event's crisis reading when the caller has one already (it must be of this event)."""
    turn = _Turn(state, config or EngineConfig(), Reading.of(event) if reading is None else reading)
    turn.dispatch(event, hint)
    return Result(turn.state, tuple(turn.actions))


def language_from_hint(hint: str | None) -> str | None:
    """'kk', 'ru-RU', 'en_US' -> a supported language; anything else -> None (ask)."""
    if not hint:
        return None
    code = hint.replace("_", "-").split("-")[0].lower()
    return code if code in LANGUAGES else None


def language_from_script(text: str) -> str:
    """A first guess from the letters alone, used only when a first message is a cry for help."""
    if any(ch in "әғқңөұүһіӘҒҚҢӨҰҮҺІ" for ch in text):
        return "kk"
    if any("а" <= ch.lower() <= "я" for ch in text):
        return "ru"
    # A bare "SOS" or "/sos" says nothing of the language: Russian is read most widely here.
    return "en" if read_command(text) is None and any(ch.isalpha() for ch in text) else "ru"


class _Turn(AdultSteps):
    """Accumulates the new state and the actions of one event (trusted adults: flows/adult_turn.py)."""

    config: EngineConfig

    def __init__(self, state: ConversationState, config: EngineConfig, reading: Reading) -> None:
        self.state = state
        self.config = config
        self.reading = reading  # the event's words read for danger once, whichever path asks
        self.actions: list[Action] = []

    # -- small tools ------------------------------------------------------------------------
    def update(self, **changes: Any) -> None:
        self.state = dataclasses.replace(self.state, **changes)

    def set_draft(self, **fields: Any) -> None:
        draft = dict(self.state.draft)
        for key, value in fields.items():
            if value is None:
                draft.pop(key, None)
            else:
                draft[key] = value
        self.update(draft=draft)

    def say(self, key: str, **params: Any) -> None:
        self.actions.append(Say(Msg(addressed(key, self.state.role), params)))

    def show(self, step_id: str | None = None) -> None:
        """Render a step (the current one by default) without moving the trail."""
        if step_id is not None:
            self.update(step=step_id)
        if self.state.offer and self.state.step != "suggest":
            self.update(offer={})  # the child's words are kept in a draft or let go, never left lying
        self.actions.append(screen(self.state.step, self.state, self.config.emergency,
                                   self.config.max_description, self.config.periods))

    def go(self, step_id: str) -> None:
        """Move to a step, remembering where we were so "back" can return."""
        current = self.state.step
        if step_id == "menu":
            self.update(trail=(), reviewing=False)
        elif current != step_id and current in STEPS:
            self.update(trail=(*self.state.trail, current)[-MAX_TRAIL:])
        self.show(step_id)

    # -- dispatch ---------------------------------------------------------------------------
    def dispatch(self, event: Event, hint: str | None) -> None:
        if self.adults_first(event, hint):
            return
        if self.state.with_operator and isinstance(event, Text | Pick | Media):
            self.with_operator(event)
        elif self.state.step not in STEPS and isinstance(event, Text | Pick | Media):
            self.begin(event, hint)
        elif isinstance(event, OperatorJoined | OperatorMessage | OperatorLeft):
            self.on_operator(event)
        elif isinstance(event, Text):
            self.on_text(event.text)
        elif isinstance(event, Pick):
            self.on_pick(event)
        elif isinstance(event, Media):
            self.on_media(event)
        elif isinstance(event, CaseFiled):
            self.on_case_filed(event.reference)
        elif isinstance(event, ReportStatus):
            self.on_report_status(event)
        elif isinstance(event, DataDeleted):
            self.on_data_deleted()
        elif isinstance(event, Escalated):
            self.on_escalated(event)
        elif isinstance(event, Heard):
            self.on_heard(event)
        elif isinstance(event, StillWaiting):
            self.on_still_waiting()

    def begin(self, event: Text | Pick | Media, hint: str | None) -> None:
        """The first message of a conversation (or the first after its state expired)."""
        text = event.text if isinstance(event, Text) else ""
        command = read_command(text) if text else None
        # With no hint, the words decide ("olgim keledi" is Kazakh); a bare command says nothing.
        lang = self.state.lang or language_from_hint(hint) or (guess_language(text) if text and not command else None)
        signal = self.reading.signal if text else None
        if command is Command.SOS or signal:
            # Help first, greetings later: the first message may already be a cry for help.
            self.update(lang=lang or language_from_script(text), step="menu")
            if signal:
                self.crisis(signal, inline=False)
            else:
                self.go("sos")
            return
        self.update(lang=lang, step="menu")
        if lang is None:
            self.show("lang")  # the language prompt greets in all three languages
            return
        self.say(N_("greeting"))
        if command is Command.LANGUAGE:
            self.show("lang")
        elif command is None and text and describes_problem(text[:MAX_TEXT_CHARS]):
            self.offer_report(text[:MAX_TEXT_CHARS])  # the first message already tells what happened
        elif self.state.draft:
            self.show("resume")
        elif self.state.role is None:
            self.show("role")
        else:
            self.show("menu")

    # -- a person holds the conversation ---------------------------------------------------
    def with_operator(self, event: Text | Pick | Media) -> None:
        """Everything goes to the operator; the bot itself only answers SOS."""
        if isinstance(event, Text):
            if read_command(event.text) is Command.SOS:
                self.go("sos")
            else:
                text = event.text[:MAX_TEXT_CHARS]
                before = sexual_image_context(self.state)
                signal = self.reading.signal  # the whole message, not only the part relayed
                if signal:  # the operator answers; the reading still decides what images may pass
                    reasons = tuple(dict.fromkeys((*self.state.risk_reasons, *signal.reasons)))
                    self.update(risk=highest((self.state.risk, signal.level)), risk_reasons=reasons)
                entered = not before and sexual_image_context(self.state)
                self.actions.append(RelayToOperator(text=text, images_refused_from_now=entered))
        elif isinstance(event, Pick):
            if event.value == "sos":
                self.go("sos")
            else:
                self.say(N_("operator.in_chat"))
        elif event.kind.is_visual and self.images_refused:
            self.actions.append(DiscardMedia(event.message_ref, event.kind.value))
            self.actions.append(RelayToOperator(text=event.caption, media_kind=event.kind.value, refused=True))
            self.say(N_("media.refused"))
        else:
            self.actions.append(RelayToOperator(text=event.caption, media_kind=event.kind.value, media_ref=event.ref))

    def on_operator(self, event: OperatorJoined | OperatorMessage | OperatorLeft) -> None:
        if isinstance(event, OperatorJoined):
            self.update(with_operator=True)
            self.say(N_("operator.joined"))
        elif isinstance(event, OperatorMessage):
            if event.signature:
                self.say(N_("operator.says_signed"), text=event.text, name=event.signature)
            else:
                self.say(N_("operator.says"), text=event.text)
        elif event.closed:
            self.update(with_operator=False, escalated=None)
            self.say(N_("operator.closed"))
            self.update(trail=())
            self.show("feedback")
        else:
            self.update(with_operator=False, escalated=None)
            self.say(N_("operator.handed_back"))
            self.go("menu")

    # -- typed text -------------------------------------------------------------------------
    def on_text(self, raw: str) -> None:
        command = read_command(raw)
        if command is not None:
            self.command(command)
            return
        step = STEPS[self.state.step]
        # The whole text is read and measured (a limit is told with the real count); a platform
        # delivers at most MAX_TEXT_CHARS, so only a simulator or a pipe sends more.
        signal = self.reading.signal
        if signal is None and (value := typed_choice(raw, options_for(step, self.state), self.config.labels)):
            self.on_pick(Pick(step.id, value))  # a button's label typed out is that button
            return
        if step.input in (Input.TEXT, Input.LINKS):
            if signal:
                self.crisis(signal, inline=True)
            if step.input is Input.TEXT:
                self.answer_text(step, raw)
            else:
                self.answer_links(step, raw)
        elif self.waiting and step.input is Input.CHOICE and not (step.id == "menu" and parse_reference(raw)):
            self.heard_while_waiting(raw, signal)
        elif signal:
            self.crisis(signal, inline=False)
        elif step.input is Input.REFERENCE or (step.id == "menu" and looks_like_reference(raw)):
            self.lookup(raw)
        elif step.input is Input.EVIDENCE:
            self.say(N_("report.evidence_hint"))
            self.show()
        else:
            self.unplaced(step, raw)

    # -- text where buttons were offered ----------------------------------------------------
    def unplaced(self, step: Step, text: str) -> None:
        """Text that is no button: an answer the step can read, a problem told in the child's own
        words (kept, and a report offered), or else a warm word on what the bot can do."""
        if self.state.lang is None:
            lang = guess_language(text)
            if lang is None:  # not a word we know: the trilingual picker is the most helpful answer
                self.show("lang")
                return
            self.update(lang=lang)
        answer = read_age(text) if step.id == "r_age" else read_region(text) if step.id == "r_region" else None
        if answer is not None:
            self.on_pick(Pick(step.id, answer))
        elif describes_problem(text) and not step.in_report:
            self.offer_report(text)
        elif describes_problem(text) and "description" not in self.state.draft and self.fits(text):
            self.set_draft(description=text.strip())  # said mid-report: kept as "what happened"
            self.say(worded(N_("freetext.kept"), self.state.role))
            self.show()
        else:
            self.say(worded(N_("freetext.menu_help") if step.id == "menu" else N_("freetext.help"), self.state.role))
            self.show()

    def offer_report(self, text: str) -> None:
        """Offer a report holding the child's words, with the category they suggest (or add them to a
        draft left open, which is never replaced)."""
        self.update(offer={"text": text.strip(), "category": suggest_category(text) or ""})
        self.update(trail=())
        self.show("suggest")

    def fits(self, text: str) -> bool:
        """Whether text fits the description field; says the limit when it does not."""
        if len(text.strip()) <= self.config.max_description:
            return True
        self.say(N_("report.too_long"), limit=str(self.config.max_description), length=str(len(text.strip())))
        return False

    def command(self, command: Command) -> None:
        if command is Command.SOS:
            self.go("sos")
        elif command is Command.LANGUAGE:
            self.go("lang")
        elif command is Command.CANCEL:
            self.cancel()
        elif command is Command.HELP:
            self.say(N_("help.text"))
            self.go("menu")
        else:  # START, MENU
            self.go("menu")

    def answer_text(self, step: Step, text: str) -> None:
        text = text.strip()
        if not text:
            self.show()
        elif self.too_long(text):
            self.show()
        else:
            self.answer(step, text)

    def too_long(self, text: str) -> bool:
        """Over the description limit: say so with the real numbers (the same words everywhere)."""
        if len(text) <= self.config.max_description:
            return False
        self.say(N_("report.too_long"), limit=str(self.config.max_description), length=str(len(text)))
        return True

    # -- waiting for a person ----------------------------------------------------------------
    @property
    def waiting(self) -> bool:
        """Queued for a person who has not taken the conversation yet."""
        return self.state.escalated is not None and not self.state.with_operator

    @property
    def images_refused(self) -> bool:
        """A conversation about sexual images of a child: no image is relayed, kept or shown (the one
        rule: flows/images.py)."""
        return sexual_image_context(self.state)

    def heard_while_waiting(self, raw: str, signal: CrisisSignal | None) -> None:
        """Text a waiting user wrote: kept with their case like a description, read for danger."""
        in_report = STEPS[self.state.step].in_report
        if signal:  # help first; then the text goes to the (raised) case
            self.crisis(signal, inline=in_report)
        text = raw.strip()
        if text and not self.too_long(text):
            self.actions.append(RelayWhileWaiting(text=text))
        if in_report:
            self.show()  # the report goes on where it stood

    def on_heard(self, heard: Heard) -> None:
        if not heard.kept:  # the case was closed meanwhile: nobody is waiting for this text
            self.update(escalated=None)
            self.say(N_("input.use_buttons"))
            self.show()
        elif not heard.person:
            self.say(N_("waiting.kept_nobody"), numbers=numbers_block(self.config.emergency))
        elif heard.back_at is not None:
            self.say(N_("waiting.kept_after_hours"), time=heard.back_at,
                     numbers=numbers_block(self.config.emergency))
        else:
            self.say(N_("waiting.passed_on"))
        step = STEPS[self.state.step]
        if heard.kept and not step.in_report:  # a report shows its question again itself
            # The screen's buttons (SOS among them) stay one tap away under the acknowledgement.
            told = self.actions[-1]
            if isinstance(told, Say):
                self.actions[-1] = Say(told.text, options_for(step, self.state), step.id)

    def answer_links(self, step: Step, text: str) -> None:
        links = find_links(text)
        if not links:
            self.say(N_("report.no_links"))
            self.show()
        else:
            self.answer(step, links)

    def lookup(self, text: str) -> None:
        reference = parse_reference(text)
        if reference is None:
            self.say(N_("check.bad_format"))
            self.show("check")
        else:
            self.actions.append(LookupReport(reference))

    # -- crisis -----------------------------------------------------------------------------
    def crisis(self, signal: CrisisSignal, *, inline: bool) -> None:
        """Help at once, in the words of this crisis: the numbers, the risk raised, a person called."""
        reasons = tuple(dict.fromkeys((*self.state.risk_reasons, *signal.reasons)))
        self.update(risk=highest((self.state.risk, signal.level)), risk_reasons=reasons)
        fitting = crisis_answer(signal.reasons)
        numbers = numbers_block(self.config.emergency)
        if sexual_image_context(self.state):
            self.set_draft(evidence=None)  # files kept before the disclosure could be such images
        if inline:
            self.say(fitting.inline, numbers=numbers)
        else:
            if fitting.screen == STEPS["sos"].prompt:
                self.say(N_("crisis.heard"))
            self.go("sos")  # the SOS screen keeps its "talk to a person" button; its words fit the crisis
            sos = self.actions[-1]
            if isinstance(sos, Say):  # the screen go() has just shown
                words = Msg(addressed(fitting.screen, self.state.role), {"numbers": numbers})
                self.actions[-1] = dataclasses.replace(sos, text=words)
        self.notice()
        self.escalate(signal.level, signal.reasons[0])

    def escalate(self, level: str, reason: str, case_reference: str | None = None) -> None:
        """Queue for a person when serious enough and not yet queued at this level."""
        already = self.state.escalated
        if case_reference is None and already is not None and rank(already) >= rank(level):
            return
        if case_reference is None and rank(level) < rank("high") and reason != "asked_for_person":
            return
        self.update(escalated=highest((already or "low", level)))
        self.actions.append(Escalate(level, reason, case_reference))

    def notice(self) -> None:
        """Say once, at the first sensitive disclosure, what stays private and what cannot."""
        if not self.state.notice_shown:
            self.update(notice_shown=True)
            self.say(N_("notice.confidentiality"))
            if self.state.adults:  # only the child's own tap alerts them (flows/adult_turn.py)
                self.say(N_("notice.adults"))

    # -- pressed choices --------------------------------------------------------------------
    def on_pick(self, pick: Pick) -> None:
        if pick.value == "sos":
            self.go("sos")
            return
        if pick.value == "menu":
            self.go("menu")
            return
        if pick.step != self.state.step:
            self.say(N_("input.stale"))
            self.show()
            return
        step = STEPS[self.state.step]
        if pick.value == "back" and step.back:
            self.back()
        elif pick.value == "cancel" and step.in_report:
            self.cancel()
        elif pick.value == "skip" and step.optional:
            self.skip(step)
        elif (choice := step.choice(pick.value)) is not None:
            if step.field and step.input is Input.CHOICE:
                self.store(step, pick.value)
            elif step.field and step.field not in self.state.draft:
                self.store(step, [])  # "done" with nothing sent still answers the step
            handled = EFFECTS[choice.effect](self, pick.value) if choice.effect else False
            if not handled:
                target = choice.goto or self.next_after(step)
                if self.state.reviewing and step.in_report and choice.goto is None:
                    target = "r_review"
                self.go(target)
        else:
            self.say(N_("input.stale"))
            self.show()

    def back(self) -> None:
        if self.state.step == "tips_card" and self.state.tips_card > 0:
            self.update(tips_card=self.state.tips_card - 1)
            self.show()
        elif self.state.trail:
            *rest, previous = self.state.trail
            self.update(trail=tuple(rest))
            self.show(previous)
        else:
            self.go("menu")

    def cancel(self) -> None:
        """A draft is dropped only when the user confirms it; with none, back to the menu."""
        if self.state.draft:
            self.go("draft_cancel")
        else:
            self.update(reviewing=False)
            self.go("menu")

    def skip(self, step: Step) -> None:
        draft = self.state.draft
        if step.id == "r_links" and draft.get("category") == "csam" and not draft.get("place_note"):
            self.say(N_("report.links_needed"))
            self.show()
            return
        self.answer(step, [] if step.input in (Input.LINKS, Input.EVIDENCE) else "")

    def answer(self, step: Step, value: Any) -> None:
        """Store a typed answer and move on (back to the review when fixing one)."""
        self.store(step, value)
        self.go("r_review" if self.state.reviewing else self.next_after(step))

    def store(self, step: Step, value: Any) -> None:
        if step.field is None:
            return
        self.set_draft(**{step.field: value})
        if step.id == "r_category":
            self.set_draft(subcategory=None)
        if step.id in ("r_category", "r_blackmail", "r_groups"):
            if sexual_image_context(self.state):
                self.set_draft(evidence=None)  # never keep a file that could be an intimate image
            self.notice()  # choosing what happened is the first disclosure, whatever the category
        if step.id == "r_danger" and value == "yes":
            self.say(N_("report.danger_now"), numbers=numbers_block(self.config.emergency))
            self.notice()
            self.escalate("critical", "danger_now")

    def next_after(self, step: Step) -> str:
        target = step.next or "menu"
        if target == "r_what" and self.state.draft.get("description"):
            target = STEPS["r_what"].next or "menu"  # told in their own words already: not asked again
        if target == "r_evidence" and sexual_image_context(self.state):
            target = STEPS["r_evidence"].next or "menu"
        return target

    # -- files ------------------------------------------------------------------------------
    def on_media(self, media: Media) -> None:
        in_report = self.state.step.startswith("r_")
        if self.waiting and STEPS[self.state.step].input is Input.CHOICE:
            self.media_while_waiting(media)  # refused there too where it must be; a caption reaches the case
            return
        if media.kind.is_visual and sexual_image_context(self.state):
            self.actions.append(DiscardMedia(media.message_ref, media.kind.value))
            if in_report:
                self.set_draft(refused_media=int(self.state.draft.get("refused_media", 0)) + 1)
            self.say(N_("media.refused"))
            self.show()
            return
        if self.state.step == "r_evidence" and media.kind not in (MediaKind.LOCATION, MediaKind.CONTACT,
                                                                  MediaKind.STICKER, MediaKind.OTHER):
            evidence = list(self.state.draft.get("evidence", []))
            if len(evidence) >= MAX_EVIDENCE_FILES:
                self.say(N_("report.evidence_full"), limit=str(MAX_EVIDENCE_FILES))
            else:
                evidence.append({"kind": media.kind.value, "ref": media.ref})
                self.set_draft(evidence=evidence)
            self.show()
            return
        if media.caption:
            self.on_text(media.caption)
            return
        if media.kind in (MediaKind.VOICE, MediaKind.AUDIO):
            self.say(N_("media.voice"))
        else:
            self.say(N_("media.not_here"))
        self.show()

    def media_while_waiting(self, media: Media) -> None:
        """A file while waiting goes to the case by its id, except where images are refused."""
        if media.kind.is_visual and self.images_refused:
            self.actions.append(DiscardMedia(media.message_ref, media.kind.value))
            self.say(N_("media.refused"))
            if media.caption:
                self.heard_while_waiting(media.caption, self.reading.signal)
            elif STEPS[self.state.step].in_report:
                self.show()
            return
        caption = (media.caption or "").strip() or None
        if caption is not None and self.too_long(caption):
            caption = None
        signal = self.reading.signal if caption else None
        in_report = STEPS[self.state.step].in_report
        if signal:
            self.crisis(signal, inline=in_report)
        self.actions.append(RelayWhileWaiting(text=caption, media_kind=media.kind.value, media_ref=media.ref))
        if in_report:
            self.show()

    # -- answers from the runtime -----------------------------------------------------------
    def on_case_filed(self, reference: str) -> None:
        level, _ = assess(self.state.draft, self.state.risk, self.state.risk_reasons)
        topic = CATEGORY_TOPIC.get(str(self.state.draft.get("category")), "evidence")
        audience = ROLE_AUDIENCE.get(self.state.role or "", "children")
        place = self.state.draft.get("place")
        refused = sexual_image_context(self.state)  # before the draft goes: it stays refused after
        self.update(last_case=reference, draft={}, reviewing=False, trail=(), tips_topic=topic,
                    tips_audience=audience, media_refused_case=refused,
                    guide_place=place if place in GUIDE_PLACES else None,
                    case_anonymous=self.state.draft.get("contact") != "reply_here")
        self.show("r_done")
        if rank(level) >= rank("high"):
            self.escalate(level, "case_filed", case_reference=reference)

    def on_report_status(self, status: ReportStatus) -> None:
        if status.throttled:
            self.say(N_("check.throttled"))
            self.go("menu")
        elif status.status is None:
            self.say(N_("check.not_found"), ref=status.reference)
            self.show("check")
        else:
            self.say(N_("check.status"), ref=status.reference, status=Msg(f"status.{status.status}"))
            self.go("menu")

    def on_data_deleted(self) -> None:
        self.say(N_("privacy.deleted"))  # in the words of who asked, before the role is forgotten
        self.state = ConversationState(lang=self.state.lang, step="menu")
        self.show("menu")

    def on_escalated(self, escalated: Escalated) -> None:
        """Say honestly who will answer and when: never a person who will not come."""
        # After self-harm was read, the wait's advice is "stay near someone", never bullying advice.
        selfharm = crisis_family(self.state.risk_reasons) == "selfharm"
        numbers = numbers_block(self.config.emergency)
        person_now = escalated.person and escalated.back_at is None
        if escalated.reason == "case_filed" and self.state.case_anonymous:
            # The user just chose not to be written to: the team reads the report, nobody writes;
            # "talk to a person" is offered only where a person can come.
            self.say(N_("human.case_anonymous") if escalated.person else N_("human.case_anonymous_saved"))
        elif not escalated.person:
            self.say(N_("human.nobody"))
        elif escalated.back_at is not None:
            self.say(N_("human.after_hours_selfharm") if selfharm else N_("human.after_hours"),
                     time=escalated.back_at)
        elif escalated.position is not None and escalated.wait_minutes is not None:
            self.say(N_("human.queued_estimate_selfharm") if selfharm else N_("human.queued_estimate"),
                     position=str(escalated.position), minutes=str(escalated.wait_minutes))
        else:
            self.say(N_("human.queued_selfharm") if selfharm else N_("human.queued"))
        # Inside a report, a crisis or "danger now" has just shown the numbers, and texts without buttons
        # join the next message: not twice in one message. After the SOS screen, they stood a message before.
        numbers_shown = escalated.reason in NUMBERS_SHOWN_BY and self.state.step != "sos"
        if not numbers_shown:
            if escalated.level == "critical" and person_now:
                self.say(N_("human.meanwhile_critical"), numbers=numbers)
            elif escalated.level == "critical" or not person_now:
                self.say(N_("human.numbers_now"), numbers=numbers)
        if escalated.reason in USER_REQUESTS:
            self.go("human_wait" if escalated.person else "menu")

    def on_still_waiting(self) -> None:
        """A reminder while a serious case waits: only if still queued and no person holds the chat."""
        if self.state.escalated is not None and not self.state.with_operator:
            self.say(N_("human.still_waiting"), numbers=numbers_block(self.config.emergency))

    # -- effects named by choices -----------------------------------------------------------
    def fx_set_lang(self, value: str) -> bool:
        self.update(lang=value)
        if self.state.role is None:
            self.say(N_("greeting"))
            self.show("role")
        elif self.state.trail and (self.state.trail[-1].startswith("r_") or self.state.trail[-1] == "sos"):
            self.back()
        elif self.state.draft and not self.state.trail:
            self.show("resume")
        else:
            self.go("menu")
        return True

    def fx_set_role(self, value: str) -> bool:
        self.update(role=value)
        self.show("resume" if self.state.draft else "menu")
        return True

    def fx_start_report(self, _: str) -> bool:
        if self.state.draft:  # never dropped unasked: continue it, or start over (confirmed)
            self.go("draft_which")
            return True
        self.update(reviewing=False)
        return False

    def fx_restart_report(self, _: str) -> bool:
        self.update(draft={}, reviewing=False, trail=("menu",))
        self.show("r_category")
        return True

    def fx_cancel_report(self, _: str) -> bool:
        self.update(draft={}, reviewing=False)
        self.say(N_("report.cancelled"))
        self.go("menu")
        return True

    def fx_keep_report(self, value: str) -> bool:
        """Not cancelled after all: back where the user was, or to the first open question."""
        if self.state.trail:
            self.back()
            return True
        return self.fx_resume_report(value)

    def fx_resume_report(self, _: str) -> bool:
        self.update(trail=())
        self.go(self.first_unanswered() or "r_review")
        return True

    def fx_escalate_now(self, _: str) -> bool:
        self.update(escalated=None)  # an explicit request always reaches the queue
        self.escalate("critical", "sos")
        return True

    def fx_escalate_request(self, _: str) -> bool:
        self.update(escalated=None)
        self.escalate(highest(("normal", self.state.risk)), "asked_for_person")
        return True

    def fx_delete_data(self, _: str) -> bool:
        self.actions.append(DeleteUserData())
        return True

    def fx_open_tips(self, _: str) -> bool:
        audience = ROLE_AUDIENCE.get(self.state.role or "")
        if audience is None:
            self.go("tips_audience")
        else:
            self.update(tips_audience=audience)
            self.go("tips_topics")
        return True

    def fx_set_audience(self, value: str) -> bool:
        self.update(tips_audience=value)
        self.go("tips_topics")
        return True

    def fx_open_topic(self, value: str) -> bool:
        self.update(tips_topic=value, tips_card=0)
        self.go("tips_card")
        return True

    def fx_tip_next(self, _: str) -> bool:
        self.update(tips_card=self.state.tips_card + 1)
        self.show()
        return True

    def fx_tips_for_case(self, _: str) -> bool:
        self.update(tips_card=0)  # audience and topic were set when the case was filed
        self.go("tips_card")
        return True

    def fx_guide_for_case(self, _: str) -> bool:
        self.update(tips_topic=guide_topic(self.state.guide_place or "other"), tips_card=0)
        self.go("tips_card")
        return True

    def fx_open_guide(self, value: str) -> bool:
        self.update(tips_topic=guide_topic(value), tips_card=0)
        self.go("tips_card")
        return True

    def fx_feedback(self, value: str) -> bool:
        self.actions.append(RecordFeedback(helpful=value == "yes"))
        self.say(N_("feedback.thanks"))
        return False

    def fx_fix_field(self, _: str) -> bool:
        self.update(reviewing=True)
        return False

    def fx_file_report(self, _: str) -> bool:
        missing = self.first_unanswered(required_only=True)
        if missing is not None:
            self.say(N_("report.incomplete"))
            self.update(reviewing=True)
            self.go(missing)
            return True
        level, reasons = assess(self.state.draft, self.state.risk, self.state.risk_reasons)
        report = {**self.state.draft, "reporter": self.state.role or "other"}
        note = report.pop("place_note", None)
        if note:  # where it happened, in words, when there is no link: kept with what happened
            report["description"] = "\n\n".join(filter(None, (str(report.get("description") or ""), f"📍 {note}")))
        self.actions.append(FileCase(report, level, reasons, self.state.lang or "ru"))
        return True

    def fx_take_suggestion(self, value: str) -> bool:
        if self.state.draft:  # an open draft is never replaced (a stale button cannot either)
            return self.fx_add_told(value)
        offer = self.state.offer
        self.update(reviewing=False, trail=())
        self.store(STEPS["r_category"], offer.get("category") or "other")
        self.keep_told(offer)
        self.go(self.first_unanswered() or "r_review")
        return True

    def fx_keep_told(self, value: str) -> bool:
        if self.state.draft:
            return self.fx_add_told(value)
        self.update(reviewing=False, trail=())
        self.keep_told(self.state.offer)
        return False  # on to the categories

    def fx_add_told(self, _: str) -> bool:
        text = self.state.offer.get("text", "")
        before = str(self.state.draft.get("description") or "")
        joined = f"{before}\n\n{text}" if before else text
        if text and self.fits(joined):
            self.set_draft(description=joined)
            self.say(worded(N_("freetext.kept"), self.state.role))
        self.update(trail=())
        self.go(self.first_unanswered() or "r_review")
        return True

    def keep_told(self, offer: Mapping[str, str]) -> None:
        """The child's words as the draft's "what happened", when they fit."""
        text = str(offer.get("text", ""))
        if text and self.fits(text):
            self.set_draft(description=text)
            self.say(worded(N_("freetext.kept"), self.state.role))

    # -- report helpers ---------------------------------------------------------------------
    def first_unanswered(self, required_only: bool = False) -> str | None:
        draft = self.state.draft
        for field, step_id in REPORT_FIELDS:
            if field == "victim" and draft.get("category") in ("blackmail", "groups") and not draft.get("subcategory"):
                return "r_blackmail" if draft["category"] == "blackmail" else "r_groups"
            if field == "evidence" and sexual_image_context(self.state):
                continue
            if field == "links" and draft.get("category") == "csam" and not (draft.get("links")
                                                                             or draft.get("place_note")):
                return step_id
            if field not in draft and (not required_only or field in REQUIRED_FIELDS):
                return step_id
        return None


EFFECTS: dict[str, Callable[[_Turn, str], bool]] = {
    name.removeprefix("fx_"): getattr(_Turn, name) for name in dir(_Turn) if name.startswith("fx_")
}

# A flow definition that cannot work stops the import, with the reasons.
validate(STEPS, ENTRY_STEPS, EFFECTS)
