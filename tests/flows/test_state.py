"""A conversation's state as it is stored: every field, JSON-ready, and back again."""

from __future__ import annotations

import dataclasses
import json

from flows.state import STATE_VERSION, ConversationState


def a_full_state() -> ConversationState:
    return ConversationState(
        lang="kk", role="parent", step="report.links", trail=("menu", "report.category"),
        draft={"category": "sextortion", "links": ["https://t.me/x"], "text": "ол маған жазды"},
        reviewing=True, risk="high", risk_reasons=("sextortion", "grooming"), escalated="high",
        notice_shown=True, tips_audience="parent", tips_topic="privacy", tips_card=2,
        offer={"text": "my classmates bully me", "category": "cyberbullying"}, last_case="HL-1",
        guide_place="instagram", with_operator=True, media_refused_case=True, case_anonymous=True,
        adults=(("link-1", "Мама"),), alias="Айгерім", naming="link-1")


def test_every_field_is_stored_as_json_would_give_it_back() -> None:
    state = a_full_state()
    data = state.to_dict()
    names = [f.name for f in dataclasses.fields(ConversationState)]
    assert list(data) == [*names, "v"] and data["v"] == STATE_VERSION
    assert json.loads(json.dumps(data)) == data  # tuples already lists: what Redis gives back is equal
    assert data["adults"] == [["link-1", "Мама"]] and data["trail"] == ["menu", "report.category"]
    assert ConversationState.from_dict(json.loads(json.dumps(data))) == state


def test_the_stored_dict_does_not_change_with_the_state_after() -> None:
    draft = {"text": "first words"}
    data = ConversationState(draft=draft).to_dict()
    draft["text"] = "changed"
    assert data["draft"] == {"text": "first words"}


def test_unknown_keys_from_another_version_are_ignored() -> None:
    data = {**ConversationState(lang="ru").to_dict(), "from_the_future": 1}
    assert ConversationState.from_dict(data) == ConversationState(lang="ru")
