"""The engine's part for trusted adults (flows/adults.py): linking, naming, removing, alerting.

A mixin of the engine's turn (flows/engine.py `_Turn`), kept apart so the engine stays small.
An adult is alerted only by the child's own tap ("alert" on the SOS screen): nothing here runs
on a crisis signal or a report, and nothing about the child but the alert reaches an adult.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from flows.actions import (
    Action,
    AlertAdults,
    AnswerAlert,
    ConfirmAdultLink,
    CreateLinkCode,
    DeclineAdultLink,
    NameAdult,
    RedeemLinkCode,
    RemoveAdult,
)
from flows.adults import ALERT_STEP, ANSWERS, MAX_ADULTS, MAX_NOTE_CHARS, clean_name, parse_code
from flows.commands import read_command
from flows.definitions import LANGUAGES, STEPS
from flows.emergency import EmergencyLine, numbers_block
from flows.events import (
    AdultAnswered,
    AdultLinked,
    AdultLinkMade,
    AdultsAlerted,
    Event,
    LinkCodeChecked,
    LinkCodeCreated,
    Location,
    Pick,
    Text,
)
from flows.messages import N_, Msg
from flows.state import ConversationState
from flows.steps import Input

if TYPE_CHECKING:
    from flows.crisis import CrisisSignal
    from flows.reading import Reading


class _Config(Protocol):
    """What this part reads of the engine's configuration (flows/engine.py EngineConfig)."""

    @property
    def emergency(self) -> tuple[EmergencyLine, ...]: ...

# Steps whose typed text is the child's words for this part (never a report field).
TYPED_STEPS = frozenset({"adult_self", "adult_name", "alert_note"})
# The alert's own choices, which work while a person holds the chat too (like SOS itself).
ALERT_PICKS = frozenset({("sos", "alert"), ("alert_more", "location"), ("alert_more", "note"),
                         ("alert_location", "not_now")})
ANSWERS_FROM_RUNTIME = (LinkCodeCreated, LinkCodeChecked, AdultLinkMade, AdultLinked, AdultsAlerted, AdultAnswered)
PROBLEMS = {"expired": N_("adults.link_expired"), "full": N_("adults.link_full"), "self": N_("adults.link_self")}


def adult_name(name: str) -> Msg | str:
    """The child's name for an adult, or a kind stand-in while they have not named them."""
    return name or Msg(N_("adults.unnamed"))


class AdultSteps:
    state: ConversationState
    config: _Config
    actions: list[Action]
    reading: Reading

    if TYPE_CHECKING:
        def update(self, **changes: Any) -> None: ...
        def say(self, key: str, **params: Any) -> None: ...
        def show(self, step_id: str | None = None) -> None: ...
        def go(self, step_id: str) -> None: ...
        def escalate(self, level: str, reason: str, case_reference: str | None = None) -> None: ...
        def crisis(self, signal: CrisisSignal, *, inline: bool) -> None: ...
        def on_pick(self, pick: Pick) -> None: ...

    def adults_first(self, event: Event, hint: str | None) -> bool:
        """Handle the event here if it belongs to this part; False lets the engine go on."""
        if isinstance(event, Pick) and event.step == ALERT_STEP:
            self.answer_alert(event.value)
        elif isinstance(event, Location):
            self.on_location(event)
        elif isinstance(event, ANSWERS_FROM_RUNTIME):
            self.on_adult_answer(event)
        elif isinstance(event, Pick) and self.state.with_operator and event.step == self.state.step \
                and (event.step, event.value) in ALERT_PICKS:
            self.on_pick(event)  # with a person in the chat, the alert still works: it is SOS
        elif not isinstance(event, Text):
            return False
        elif (code := parse_code(event.text)) is not None and not self.typing() and not self.state.with_operator:
            self.redeem(code, hint)
        elif self.state.step in TYPED_STEPS and read_command(event.text) is None:
            self.on_adult_text(event.text)
        else:
            return False
        return True

    def typing(self) -> bool:
        """The user is writing a report's text: a code-shaped answer stays their answer."""
        step = STEPS.get(self.state.step)
        return step is not None and step.input in (Input.TEXT, Input.LINKS) and step.id not in TYPED_STEPS

    # -- the adult's side ---------------------------------------------------------------------
    def redeem(self, code: str, hint: str | None) -> None:
        if self.state.lang is None or self.state.step not in STEPS:
            hinted = (hint or "").replace("_", "-").split("-")[0].lower()
            # No language yet: the child's, when the code is good (LinkCodeChecked).
            self.update(lang=self.state.lang or (hinted if hinted in LANGUAGES else None), step="menu")
        self.actions.append(RedeemLinkCode(code))

    def answer_alert(self, value: str) -> None:
        answer, _, alert_id = value.partition(":")
        if answer in ANSWERS and alert_id:
            self.actions.append(AnswerAlert(alert_id, answer))
            self.say(N_("alert.answer_sent"))
        else:
            self.say(N_("input.stale"))

    def fx_confirm_link(self, _: str) -> bool:
        self.actions.append(ConfirmAdultLink())
        return True

    def fx_decline_link(self, _: str) -> bool:
        self.actions.append(DeclineAdultLink())
        self.say(N_("adults.declined"))
        return False

    # -- the child's side ---------------------------------------------------------------------
    def fx_add_adult(self, _: str) -> bool:
        if len(self.state.adults) >= MAX_ADULTS:
            self.say(N_("adults.full"), limit=str(MAX_ADULTS))
            self.go("adults")
        elif self.state.alias:
            self.actions.append(CreateLinkCode(self.state.alias))
        else:
            self.go("adult_self")
        return True

    def fx_remove_adult(self, value: str) -> bool:
        index = int(value) - 1 if value.isdigit() else -1
        if 0 <= index < len(self.state.adults):
            link_id, name = self.state.adults[index]
            self.update(adults=tuple(a for a in self.state.adults if a[0] != link_id),
                        naming=None if self.state.naming == link_id else self.state.naming)
            self.actions.append(RemoveAdult(link_id))
            self.say(N_("adults.removed"), name=adult_name(name))
        self.go("adults")
        return True

    def fx_alert_adults(self, _: str) -> bool:
        if not self.state.adults:
            self.go("adults")
            return True
        self.actions.append(AlertAdults())
        self.update(escalated=None)  # like SOS: the hotline sees it too, at the top of the queue
        self.escalate("critical", "adult_alert")
        return True

    def on_adult_text(self, raw: str) -> None:
        step = self.state.step
        if step == "alert_note":
            note = raw.strip()[:MAX_NOTE_CHARS]
            signal = self.reading.signal  # the whole message: more than the note an adult is sent
            if signal:
                self.crisis(signal, inline=True)
            if note and self.state.adults:
                self.actions.append(AlertAdults(note=note))
            else:
                self.show()
            return
        name = clean_name(raw)
        if not name:
            self.show()
        elif step == "adult_self":
            self.update(alias=name)
            self.actions.append(CreateLinkCode(name))
        else:
            link_id = self.state.naming
            if link_id is not None:
                self.update(adults=tuple((i, name if i == link_id else n) for i, n in self.state.adults), naming=None)
                self.actions.append(NameAdult(link_id, name))
                self.say(N_("adults.named"), name=name)
            self.go("adults")

    def on_location(self, location: Location) -> None:
        if self.state.step == "alert_location" and self.state.adults:
            self.actions.append(AlertAdults(location=(location.latitude, location.longitude)))
            return
        self.say(N_("location.not_kept"))
        if self.state.step in STEPS and not self.state.with_operator:
            self.show()

    # -- answers from the runtime -------------------------------------------------------------
    def on_adult_answer(self, event: Event) -> None:
        if isinstance(event, LinkCodeCreated):
            if event.code is None:
                self.say(N_("adults.full"), limit=str(MAX_ADULTS))
                self.go("adults")
            else:
                self.say(N_("adults.code"), code=event.code, minutes=str(event.minutes))
                if event.link:
                    self.say(N_("adults.code_link"), link=event.link)
                self.go("adult_code")
        elif isinstance(event, LinkCodeChecked):
            if self.state.lang is None:
                self.update(lang=event.lang if event.lang in LANGUAGES else "ru")
            if event.throttled:
                self.say(N_("adults.code_throttled"))
                self.go("menu")
            elif event.alias is None:
                self.say(N_("adults.code_bad"))
                self.go("menu")
            else:
                self.say(N_("adults.confirm_intro"), name=event.alias)
                self.go("adult_confirm")
        elif isinstance(event, AdultLinkMade):
            if event.ok:
                if self.state.role is None:
                    self.update(role="parent")  # the menu addresses them as an adult from now on
                self.say(N_("adults.linked_adult"), numbers=numbers_block(self.config.emergency))
            else:
                self.say(PROBLEMS.get(event.problem or "", N_("adults.link_expired")))
            self.go("menu")
        elif isinstance(event, AdultLinked):
            if all(a[0] != event.link_id for a in self.state.adults):
                self.update(adults=(*self.state.adults, (event.link_id, ""))[-MAX_ADULTS:])
            self.update(naming=event.link_id)
            self.say(N_("adults.linked_child"))
            self.go("adult_name")
        elif isinstance(event, AdultsAlerted):
            self.alerted(event)
        elif isinstance(event, AdultAnswered):
            self.say(f"alert.answer.{event.answer}" if event.answer in ANSWERS else N_("alert.answer.coming"),
                     name=adult_name(event.name))

    def alerted(self, event: AdultsAlerted) -> None:
        # The links as stored: an adult who erased their data is gone from the copy too.
        self.update(adults=tuple((o.link_id, o.name) for o in event.outcomes if o.link_id is not None))
        if not event.outcomes:
            self.say(N_("alert.nobody"), numbers=numbers_block(self.config.emergency))
            self.go("adults")
            return
        sent = tuple(Msg(N_("alert.row_sent"), {"name": adult_name(o.name), "time": o.at or ""})
                     for o in event.outcomes if o.delivered)
        lost = tuple(Msg(N_("alert.row_lost"), {"name": adult_name(o.name)}) for o in event.outcomes if not o.delivered)
        if sent:
            self.say(N_("alert.extra_sent") if event.follow_up else N_("alert.sent"), rows=sent)
        if lost:
            self.say(N_("alert.not_delivered"), rows=lost, numbers=numbers_block(self.config.emergency))
        self.go("alert_more")
