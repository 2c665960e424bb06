"""Judging the bot's crisis reading from a case's page (issue 11: real, operator-judged messages): who may,
with the form's token only, what is stored and audited, and what the page says afterwards."""

from __future__ import annotations

import re

import pytest

from bot.desk import staff
from storage.cases import SqlCaseStore
from tests.handlers.desk_web.conftest import Desk, hidden
from tests.handlers.desk_web.test_desk_web import case_link


def store(desk: Desk) -> SqlCaseStore:
    cases: SqlCaseStore = desk.app.state.application.web_desk.cases.inbox.cases
    return cases


async def test_judging_needs_a_session_the_forms_token_and_the_right_to_work_cases(
        desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    await desk.add("dana")
    reference = await desk.report("kid-j1")
    await desk.sign_in("dana")
    target = await case_link(desk, reference)
    case_id = target.rsplit("/", 1)[1]
    page = (await desk.http.get(target)).text
    assert "Was the bot&#39;s danger reading right?" in page
    csrf = hidden(page, "csrf")
    no_token = await desk.http.post(target + "/judge", data={"verdict": "false_alarm"})
    forged = await desk.http.post(target + "/judge", data={"csrf": "forged", "verdict": "false_alarm"})
    assert no_token.status_code == 403 and forged.status_code == 403
    monkeypatch.setitem(staff.PERMISSIONS, "operator", frozenset({"cases.view"}))  # may read, not work cases
    refused = await desk.http.post(target + "/judge", data={"csrf": csrf, "verdict": "false_alarm"})
    assert refused.status_code == 403
    monkeypatch.undo()
    await desk.http.post("/desk/signout", data={"csrf": csrf})
    assert (await desk.http.post(target + "/judge", data={"csrf": csrf, "verdict": "false_alarm"})).status_code == 401
    assert await store(desk).judgement(case_id) is None


async def test_a_miss_needs_the_right_level_and_reasons_and_is_stored_and_audited(desk: Desk) -> None:
    await desk.add("dana")
    reference = await desk.report("kid-j2", "a man from the game wants to meet me tomorrow, mum does not know")
    await desk.sign_in("dana")
    target = await case_link(desk, reference)
    case_id = target.rsplit("/", 1)[1]
    csrf = hidden((await desk.http.get(target)).text, "csrf")
    no_reason = await desk.http.post(target + "/judge", data={"csrf": csrf, "verdict": "missed", "level": "critical"})
    assert no_reason.headers["location"].endswith("error=needs_reason")
    not_a_crisis = await desk.http.post(target + "/judge", data={"csrf": csrf, "verdict": "missed", "level": "high",
                                                                 "reasons": "category:bullying"})
    assert not_a_crisis.headers["location"].endswith("error=needs_reason")
    no_level = await desk.http.post(target + "/judge", data={"csrf": csrf, "verdict": "missed",
                                                             "reasons": "grooming_meeting"})
    assert no_level.headers["location"].endswith("error=needs_level")
    assert await store(desk).judgement(case_id) is None
    saved = await desk.http.post(target + "/judge", data={"csrf": csrf, "verdict": "missed", "level": "critical",
                                                          "reasons": ["grooming_meeting", "grooming"]})
    assert saved.status_code == 303 and saved.headers["location"] == target
    judgement = await store(desk).judgement(case_id)
    assert judgement is not None
    assert (judgement.verdict, judgement.level, judgement.reasons) == ("missed", "critical",
                                                                       ("grooming_meeting", "grooming"))
    page = (await desk.http.get(target)).text
    assert "Judged: missed or wrong, by Dana" in page
    assert ("<b>Dana</b> · judged the bot&#39;s danger reading · verdict=missed · level=critical · "
            "reasons=grooming_meeting,grooming") in page
    # "Right" replaces it with the bot's own reading, shown beside the form.
    assert re.search(r'id="bot-reading">critical · a planned meeting with an adult', page)
    await desk.http.post(target + "/judge", data={"csrf": csrf, "verdict": "right"})
    judgement = await store(desk).judgement(case_id)
    assert judgement is not None
    assert (judgement.verdict, judgement.level, judgement.reasons) == ("right", "critical", ("grooming_meeting",))
    assert "Judged: right, by Dana" in (await desk.http.get(target)).text


async def test_a_false_alarm_is_offered_only_where_the_bot_read_danger(desk: Desk) -> None:
    await desk.add("dana")
    calm = await desk.report("kid-j3")  # "they post my photos": no danger read
    danger = await desk.report("kid-j4", "a man from the game wants to meet me tomorrow, mum does not know")
    await desk.sign_in("dana")
    calm_page, danger_page = (await case_link(desk, calm)), (await case_link(desk, danger))
    calm_html = (await desk.http.get(calm_page)).text
    assert 'id="judge-false_alarm"' not in calm_html and 'id="judge-right"' in calm_html
    assert 'id="judge-false_alarm"' in (await desk.http.get(danger_page)).text
    refused = await desk.http.post(calm_page + "/judge", data={"csrf": hidden(calm_html, "csrf"),
                                                               "verdict": "false_alarm"})
    assert refused.headers["location"].endswith("error=was_calm")
    assert await store(desk).judgement(calm_page.rsplit("/", 1)[1]) is None
    shown = (await desk.http.get(refused.headers["location"])).text
    assert "The bot read this case as calm: choose Right, or Missed or wrong." in shown
