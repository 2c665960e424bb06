"""Drive the pure engine in tests, standing in for the runtime's answers."""

from __future__ import annotations

import copy
import dataclasses
import itertools
from dataclasses import dataclass, field

from flows.actions import (
    Action,
    AlertAdults,
    AnswerAlert,
    ConfirmAdultLink,
    CreateLinkCode,
    DeleteUserData,
    DiscardMedia,
    Escalate,
    FileCase,
    LookupReport,
    NameAdult,
    RedeemLinkCode,
    RelayWhileWaiting,
    RemoveAdult,
    Say,
)
from flows.engine import EngineConfig, handle
from flows.events import (
    AdultLinkMade,
    AdultsAlerted,
    AlertOutcome,
    CaseFiled,
    DataDeleted,
    Escalated,
    Event,
    Heard,
    LinkCodeChecked,
    LinkCodeCreated,
    Media,
    MediaKind,
    Pick,
    ReportStatus,
    Text,
)
from flows.state import ConversationState
from locales.labels import typed_labels

# The driver's records of what the engine did and said: lists of frozen actions, only ever appended to.
_RECORDS = frozenset({"heard", "filed", "escalations", "discarded", "last", "adult_actions"})


@dataclass
class Driver:
    """A conversation with a fake runtime: cases get references KZ-TEST-0001, ...; `person` and
    `back_at` stand for the operator desk (none connected, or out of hours until `back_at`)."""

    hint: str | None = "en"
    config: EngineConfig = field(default_factory=lambda: EngineConfig(labels=typed_labels()))
    person: bool = True
    back_at: str | None = None
    heard: list[RelayWhileWaiting] = field(default_factory=list)
    state: ConversationState = field(default_factory=ConversationState)
    filed: list[FileCase] = field(default_factory=list)
    escalations: list[Escalate] = field(default_factory=list)
    discarded: list[DiscardMedia] = field(default_factory=list)
    statuses: dict[str, str] = field(default_factory=dict)
    last: list[Say] = field(default_factory=list)
    # The trusted adults' side: the code handed out, who cannot be reached, what was asked.
    code: str = "7K4MQ-2XDAB"
    unreachable: frozenset[str] = frozenset()
    adult_actions: list[Action] = field(default_factory=list)
    _numbers: itertools.count = field(default_factory=lambda: itertools.count(1))  # type: ignore[type-arg]

    def __deepcopy__(self, memo: dict[int, object]) -> Driver:
        """A copy for the walk over every screen, which copies drivers tens of thousands of times.

        The engine config is frozen: shared. The state is frozen and the engine replaces what it
        changes (a new state, a new draft); it gets its own draft (deeply) and offer anyway, so an
        engine changing them in place would still not leak from one copy into another, while its
        strings and tuples are shared. What the driver recorded (frozen actions and messages, which
        nothing changes once recorded) is copied list by list. The rest deeply, as before."""
        memo[id(self.config)] = self.config
        clone = object.__new__(type(self))
        memo[id(self)] = clone
        for name, value in self.__dict__.items():
            if name == "state":
                value = dataclasses.replace(value, draft=copy.deepcopy(value.draft, memo), offer=dict(value.offer))
            elif name in _RECORDS:
                value = list(value)
            else:
                value = copy.deepcopy(value, memo)
            setattr(clone, name, value)
        return clone

    def send(self, event: Event) -> list[Say]:
        says: list[Say] = []
        self._run(event, says)
        self.last = says
        return says

    def _run(self, event: Event, says: list[Say]) -> None:
        """Like the runtime: an action's answer is handled at once, in place."""
        result = handle(self.state, event, hint=self.hint, config=self.config)
        self.state = result.state
        for action in result.actions:
            answer = self._carry_out(action, says)
            if answer is not None:
                self._run(answer, says)

    def _carry_out(self, action: Action, says: list[Say]) -> Event | None:
        if isinstance(action, Say):
            says.append(action)
        elif isinstance(action, DiscardMedia):
            self.discarded.append(action)
        elif isinstance(action, FileCase):
            self.filed.append(action)
            return CaseFiled(f"KZ-TEST-{next(self._numbers):04d}")
        elif isinstance(action, Escalate):
            self.escalations.append(action)
            return Escalated(action.level, action.reason, back_at=self.back_at, person=self.person)
        elif isinstance(action, RelayWhileWaiting):
            self.heard.append(action)
            return Heard(kept=True, person=self.person, back_at=self.back_at)
        elif isinstance(action, LookupReport):
            return ReportStatus(action.reference, self.statuses.get(action.reference))
        elif isinstance(action, DeleteUserData):
            return DataDeleted(len(self.filed))
        elif isinstance(action, CreateLinkCode | RedeemLinkCode | ConfirmAdultLink | AlertAdults | NameAdult
                        | RemoveAdult | AnswerAlert):
            self.adult_actions.append(action)
            return self._adults(action)
        return None

    def _adults(self, action: Action) -> Event | None:
        if isinstance(action, CreateLinkCode):
            return LinkCodeCreated(self.code)
        if isinstance(action, RedeemLinkCode):
            return LinkCodeChecked("Aru" if action.code == self.code else None)
        if isinstance(action, ConfirmAdultLink):
            return AdultLinkMade(True)
        if isinstance(action, AlertAdults):
            return AdultsAlerted(tuple(AlertOutcome(name, name not in self.unreachable, "17:32", link_id)
                                       for link_id, name in self.state.adults),
                                 follow_up=action.note is not None or action.location is not None)
        return None

    def text(self, text: str) -> list[Say]:
        return self.send(Text(text))

    def pick(self, value: str, step: str | None = None) -> list[Say]:
        return self.send(Pick(step or self.state.step, value))

    def photo(self, ref: str = "file-1", message_ref: str = "m-1") -> list[Say]:
        return self.send(Media(MediaKind.PHOTO, ref, message_ref))

    @property
    def screen(self) -> Say:
        """The last message that offered choices."""
        return [s for s in self.last if s.options][-1]

    def keys(self) -> list[str]:
        return [s.text.key for s in self.last]

    def options(self) -> list[str]:
        return [o.value for o in self.screen.options]
