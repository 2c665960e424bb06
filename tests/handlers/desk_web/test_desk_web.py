"""The web desk over HTTP: nothing without a session, CSRF on every form, pages by role, a report filed
through the bot worked to a status the reporter sees, and a live chat with a simulated user."""

from __future__ import annotations

import re

from tests.handlers.desk_web.conftest import Desk, hidden


async def check_my_report(desk: Desk, user: str, reference: str) -> str:
    await desk.say(user, choice="r_done|to_menu")
    await desk.say(user, choice="menu|check")
    return " ".join(str(r["text"]) for r in await desk.say(user, text=reference))


async def case_link(desk: Desk, reference: str) -> str:
    response = await desk.http.get("/desk/inbox", params={"reference": reference})
    assert response.status_code == 303, response.text
    return str(response.headers["location"])


async def test_nothing_without_a_session(desk: Desk) -> None:
    for path in ("/desk/inbox", "/desk/case/x", "/desk/chats", "/desk/figures", "/desk/audit", "/desk/account"):
        response = await desk.http.get(path)
        assert response.status_code == 303 and response.headers["location"] == "/desk/signin", path
    for path in ("/desk/case/x/status", "/desk/chat/x/take", "/desk/signout"):
        assert (await desk.http.post(path, data={"csrf": "guess"})).status_code == 401, path
    assert (await desk.http.get("/desk/chat/x/events")).status_code == 401


async def test_the_session_cookie_is_httponly_and_samesite_and_forms_need_their_token(desk: Desk) -> None:
    await desk.add("aigerim")
    page = await desk.http.get("/desk/signin")
    refused = await desk.http.post("/desk/signin", data={"username": "aigerim", "password": "correct horse battery"})
    assert refused.status_code == 403 and "desk_session" not in refused.headers.get("set-cookie", "")
    response = await desk.http.post("/desk/signin", data={"csrf": hidden(page.text, "csrf"), "username": "aigerim",
                                                          "password": "correct horse battery"})
    cookie = response.headers["set-cookie"]
    assert response.status_code == 303 and "HttpOnly" in cookie and "SameSite=strict" in cookie
    reference = await desk.report("kid-1")
    target = await case_link(desk, reference)
    before = (await desk.http.get(target)).text
    no_token = await desk.http.post(target + "/status", data={"expected": "received", "status": "in_review"})
    wrong = await desk.http.post(target + "/status", data={"csrf": "forged", "expected": "received",
                                                           "status": "in_review"})
    assert no_token.status_code == 403 and wrong.status_code == 403
    assert (await desk.http.get(target)).text.count("📥") == before.count("📥")  # unchanged


async def test_an_operator_cannot_reach_supervisor_pages(desk: Desk) -> None:
    await desk.add("aigerim", "operator")
    await desk.sign_in("aigerim")
    for path in ("/desk/figures", "/desk/audit"):
        assert (await desk.http.get(path)).status_code == 403, path
    inbox = (await desk.http.get("/desk/inbox")).text
    assert "/desk/figures" not in inbox and "/desk/audit" not in inbox


async def test_a_report_is_found_worked_and_its_status_reaches_the_reporter(desk: Desk) -> None:
    await desk.add("dana", "supervisor")
    reference = await desk.report("kid-2", "they wrote <script>alert(1)</script> \u202eevil")
    await desk.sign_in("dana")
    inbox = (await desk.http.get("/desk/inbox", params={"category": "bullying", "region": "astana"})).text
    assert reference in inbox
    target = await case_link(desk, reference)
    page = (await desk.http.get(target)).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert" not in page
    assert "\u202e" not in page and "\ufffdevil" in page
    csrf = hidden(page, "csrf")
    closing = await desk.http.post(target + "/status", data={"csrf": csrf, "expected": "received", "status": "closed"})
    assert closing.headers["location"].endswith("error=needs_outcome")
    await desk.http.post(target + "/status", data={"csrf": csrf, "expected": "received", "status": "referred_platform"})
    assert "referred to the platform" in await check_my_report(desk, "kid-2", reference)
    await desk.http.post(target + "/note", data={"csrf": csrf, "text": "asked Instagram to remove it"})
    page = (await desk.http.get(target)).text
    assert "asked Instagram to remove it" in page and "Dana" in page
    csv = await desk.http.get("/desk/figures", params={"format": "csv"})
    assert csv.status_code == 200 and "category,bullying,1,100.0" in csv.text


async def test_a_live_chat_from_the_web(desk: Desk) -> None:
    await desk.add("aigerim", "operator")
    await desk.say("kid-3", text="hi")
    await desk.say("kid-3", choice="role|child")
    await desk.say("kid-3", choice="menu|human")
    await desk.say("kid-3", choice="human|confirm")
    await desk.sign_in("aigerim")
    chats = (await desk.http.get("/desk/chats")).text
    chat = re.search(r'href="(/desk/chat/[0-9a-f]+)"', chats)
    assert chat, chats
    page = (await desk.http.get(chat.group(1))).text
    csrf = hidden(page, "csrf")
    assert (await desk.http.post(chat.group(1) + "/take", data={"csrf": csrf})).status_code == 303
    joined = (await desk.http.get("/simulator/inbox", params={"user": "kid-3"})).json()
    assert joined, "the user is told a person joined"
    await desk.http.post(chat.group(1) + "/say", data={"csrf": csrf, "text": "Hello, I am Aigerim from the hotline"})
    got = (await desk.http.get("/simulator/inbox", params={"user": "kid-3"})).json()
    assert any("Hello, I am Aigerim" in r["text"] for r in got)
    await desk.say("kid-3", text="they keep writing to me")
    page = (await desk.http.get(chat.group(1))).text
    assert "they keep writing to me" in page and "Hello, I am Aigerim" in page
    await desk.http.post(chat.group(1) + "/close", data={"csrf": csrf, "outcome": "advised"})
    assert "closed" in (await desk.http.get(chat.group(1))).text
    assert (await desk.http.post(chat.group(1) + "/say", data={"csrf": csrf, "text": "late"})).status_code == 409


async def test_administrators_manage_accounts_and_nobody_else(desk: Desk) -> None:
    await desk.add("root", "administrator")
    await desk.add("dana", "supervisor")
    await desk.sign_in("dana")
    assert (await desk.http.get("/desk/staff")).status_code == 403
    await desk.http.post("/desk/signout", data={"csrf": await desk.csrf()})
    await desk.sign_in("root")
    csrf = await desk.csrf("/desk/staff")
    await desk.http.post("/desk/staff/add", data={"csrf": csrf, "username": "bolat", "name": "Болат",
                                                  "role": "operator", "ui": "kk", "password": "a long password!"})
    assert "Болат" in (await desk.http.get("/desk/staff")).text
    await desk.http.post("/desk/staff/disable", data={"csrf": csrf, "username": "bolat"})
    await desk.http.post("/desk/signout", data={"csrf": csrf})
    refused = await desk.sign_in("bolat", "a long password!")
    assert refused.status_code == 401


async def test_writing_back_to_a_reporter_who_allowed_it_until_the_case_closes(desk: Desk) -> None:
    await desk.add("aigerim")
    reference = await desk.report("kid-5")  # "you may write to me here"
    await desk.sign_in("aigerim")
    target = await case_link(desk, reference)
    csrf = hidden((await desk.http.get(target)).text, "csrf")
    sent = await desk.http.post(target + "/write", data={"csrf": csrf, "text": "We reported the group to Instagram."})
    assert sent.headers["location"].endswith("sent=sent")
    got = (await desk.http.get("/simulator/inbox", params={"user": "kid-5"})).json()
    assert any("We reported the group to Instagram." in r["text"] for r in got)
    assert "We reported the group to Instagram." in (await desk.http.get(target)).text  # in the timeline
    await desk.http.post(target + "/status", data={"csrf": csrf, "expected": "received", "status": "closed",
                                                   "outcome": "content_reported"})
    page = (await desk.http.get(target)).text
    assert 'id="write"' not in page
    late = await desk.http.post(target + "/write", data={"csrf": csrf, "text": "one more thing"})
    assert late.headers["location"].endswith("error=cannot_write")
    assert (await desk.http.get("/simulator/inbox", params={"user": "kid-5"})).json() == []
