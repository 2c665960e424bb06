"""The web desk in a real browser: Debian's headless Chromium driven by Selenium through Debian's
chromedriver (.ci/run installs both), against uvicorn on a free loopback port.

One walk through a hotline member's day, in order: sign in with TOTP, find a report filed through
the bot, work it to a status the reporter sees, take a conversation and talk with the user both
ways, close it with an outcome; then what must be refused. Screenshots are taken on every run; they replace
the ones in docs/desk/ only with UPDATE_SCREENSHOTS=1 (a test run leaves the tree clean).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pyotp
import pytest
import uvicorn
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import Select, WebDriverWait

from bot.desk.staff import StaffDesk
from bot.settings import Settings
from storage.cases import SqlCaseStore
from storage.memory import MemoryStateStore
from storage.migrate import migrate
from storage.operators import SqlOperatorStore
from storage.staff import SqlStaffStore
from tests.handlers.desk_web.conftest import PASSWORD
from webhook import create_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SHOTS = (Path(__file__).resolve().parents[3] / "docs" / "desk" if os.environ.get("UPDATE_SCREENSHOTS") == "1"
         else Path(tempfile.gettempdir()) / "desk-screenshots")
WAIT = 20  # seconds a page may take to show what is expected (a wait, not an assertion on speed)
SECRET = pyotp.random_base32()
STARTUP_SECONDS = 60  # catalogs, migrations: slow on a busy machine


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def make_staff(database_url: str) -> None:
    await migrate(database_url)
    cases = SqlCaseStore(database_url)
    try:
        staff = StaffDesk(SqlStaffStore(cases), SqlOperatorStore(cases), MemoryStateStore(60),
                          idle=timedelta(minutes=30), require_totp=False)
        record = await staff.add("aigerim", "Aigerim", "supervisor", PASSWORD, ui_language="en",
                                 languages=("kk", "ru", "en"))
        await staff.staff.update(record.id, totp_secret=SECRET, totp_enabled=True)
        await staff.add("bolat", "Bolat", "operator", PASSWORD, ui_language="ru")
        await staff.add("erlan", "Erlan", "operator", PASSWORD, ui_language="en")
    finally:
        await cases.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    database_url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('desk')}/desk.db"
    asyncio.run(make_staff(database_url))
    port = free_port()
    app = create_app(Settings(database_url=database_url, redis_url=None))
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", log_config=None,
                            timeout_graceful_shutdown=1)
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    for _ in range(STARTUP_SECONDS * 20):
        if running.started or not thread.is_alive():
            break
        time.sleep(0.05)
    assert running.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        running.should_exit = True
        thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                     "--lang=en-GB"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def shot(browser: WebDriver, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SHOTS / f"{name}.png"))


def user_says(base: str, user: str, **step: str) -> list[dict[str, object]]:
    replies: list[dict[str, object]] = httpx.post(f"{base}/simulator/message",
                                                  json={"user": user, "lang": "en", **step}, timeout=30).json()
    return replies


def user_reads(base: str, user: str) -> str:
    """What operators sent the user since the last look, waiting for something to come."""
    for _ in range(WAIT * 10):
        got = httpx.get(f"{base}/simulator/inbox", params={"user": user}, timeout=10).json()
        if got:
            return " ".join(str(r["text"]) for r in got)
        time.sleep(0.1)
    return ""


def file_report(base: str, user: str) -> str:
    steps = [{"text": "hi"}, {"choice": "role|child"}, {"choice": "menu|report"}, {"choice": "r_category|bullying"},
             {"choice": "r_victim|me"}, {"text": "A class group posts mean pictures of me <b>every day</b>"},
             {"choice": "r_where|telegram"}, {"text": "https://t.me/some_group/123"}, {"choice": "r_evidence|skip"},
             {"choice": "r_danger|no"}, {"choice": "r_age|14_17"}, {"choice": "r_region|almaty_city"},
             {"choice": "r_contact|reply_here"}, {"choice": "r_review|send"}]
    said = ""
    for step in steps:
        said = " ".join(str(r["text"]) for r in user_says(base, user, **step))
    reference = next(word.strip(".,") for word in said.split() if word.startswith("KZ-"))
    return reference


def press(browser: WebDriver, by: str, value: str) -> None:
    """Click something that loads a page, and wait until the new page has replaced the old one.

    The old page is marked with a script variable rather than held as an element: a page that
    updates itself (the case page's live timeline) can detach an element before the click, and
    chromedriver then fails the staleness check with "Node ... does not belong to the document"."""
    browser.execute_script("window.__beforePress = true;")
    browser.find_element(by, value).click()
    WebDriverWait(browser, WAIT, ignored_exceptions=(WebDriverException,)).until(
        lambda b: b.execute_script("return document.readyState === 'complete' && !window.__beforePress;"))


def wait_for(browser: WebDriver, css: str, text: str) -> None:
    WebDriverWait(browser, WAIT).until(ec.text_to_be_present_in_element((By.CSS_SELECTOR, css), text))


def test_a_hotline_day_in_the_browser(server: str, browser: WebDriver) -> None:
    # Sign in: password, then the authenticator's code.
    browser.get(f"{server}/desk/inbox")
    assert browser.current_url.endswith("/desk/signin")
    browser.find_element(By.ID, "username").send_keys("aigerim")
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    shot(browser, "signin")
    press(browser, By.ID, "signin")
    assert browser.current_url.endswith("/desk/code")
    browser.find_element(By.ID, "code").send_keys(pyotp.TOTP(SECRET).now())
    press(browser, By.ID, "verify")
    assert browser.current_url.endswith("/desk/inbox")

    # A report filed through the bot is in the inbox; filter, open it.
    reference = file_report(server, "kid-browser")
    user_says(server, "kid-other", text="hi")
    browser.get(f"{server}/desk/inbox")
    assert reference in browser.find_element(By.ID, "cases").text
    Select(browser.find_element(By.ID, "f-category")).select_by_value("bullying")
    Select(browser.find_element(By.ID, "f-region")).select_by_value("almaty_city")
    press(browser, By.ID, "apply")
    shot(browser, "inbox")
    press(browser, By.LINK_TEXT, reference)
    assert browser.find_element(By.ID, "reference").text == reference
    assert "<b>every day</b>" in browser.page_source.replace("&lt;", "<").replace("&gt;", ">")
    assert browser.find_elements(By.TAG_NAME, "img") == []

    # Work it: assign to me, a note, a status the reporter sees when they check their reference.
    press(browser, By.ID, "assign")
    assert browser.find_element(By.ID, "assigned").text == "Aigerim"
    browser.find_element(By.ID, "note").send_keys("Asked Telegram to remove the group's posts.")
    press(browser, By.ID, "add-note")
    Select(browser.find_element(By.ID, "new-status")).select_by_value("content_reported")
    press(browser, By.ID, "set-status")
    assert "Content reported" in browser.find_element(By.ID, "status").text
    assert "Asked Telegram" in browser.find_element(By.ID, "timeline").text
    browser.find_element(By.ID, "write").send_keys("We asked Telegram to remove the posts. You did the right thing.")
    press(browser, By.ID, "send-write")
    assert browser.find_element(By.ID, "sent").text == "Sent to the reporter."
    assert "You did the right thing" in user_reads(server, "kid-browser")
    shot(browser, "case")
    user_says(server, "kid-browser", choice="r_done|to_menu")
    user_says(server, "kid-browser", choice="menu|check")
    checked = " ".join(str(r["text"]) for r in user_says(server, "kid-browser", text=reference))
    assert "the content was reported to the platform" in checked

    # A conversation that asked for a person: take it, talk both ways, close with an outcome.
    user_says(server, "kid-chat", text="hi")
    user_says(server, "kid-chat", choice="role|child")
    user_says(server, "kid-chat", choice="menu|human")
    user_says(server, "kid-chat", choice="human|confirm")
    browser.get(f"{server}/desk/chats")
    press(browser, By.CSS_SELECTOR, "#waiting a")
    press(browser, By.ID, "take")
    assert browser.find_element(By.ID, "chat-state").text == "taken"
    assert user_reads(server, "kid-chat")  # "a person has joined"
    browser.find_element(By.ID, "say-text").send_keys("Hello, this is Aigerim from the hotline. I am here.")
    press(browser, By.ID, "say")
    assert "Aigerim from the hotline" in user_reads(server, "kid-chat")
    user_says(server, "kid-chat", text="thank you, they keep writing to me")
    wait_for(browser, "#messages", "they keep writing to me")  # arrived without a reload (server-sent events)
    shot(browser, "chat")
    Select(browser.find_element(By.ID, "close-outcome")).select_by_value("advised")
    press(browser, By.ID, "close")
    assert browser.find_element(By.ID, "chat-state").text == "closed"
    assert user_reads(server, "kid-chat")  # the user hears the conversation ended, and "did this help?"

    browser.get(f"{server}/desk/figures")
    assert "By category" in browser.page_source
    shot(browser, "figures")

    # Refused: a post without the CSRF token (from this signed-in browser), a request without a session.
    case_path = browser.current_url.replace("/figures", "/inbox")
    status = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0], {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
        " body: 'lang=kk'}).then(r => done(r.status));", f"{server}/desk/language")
    assert status == 403
    browser.get(case_path)
    assert "Inbox" in browser.page_source  # still English: the forged change did nothing
    assert httpx.get(f"{server}/desk/inbox").headers["location"] == "/desk/signin"
    assert httpx.post(f"{server}/desk/language", data={"lang": "kk"}).status_code == 401


def test_each_member_reads_the_desk_in_their_language(server: str, browser: WebDriver) -> None:
    browser.delete_all_cookies()
    browser.get(f"{server}/desk/signin")
    browser.find_element(By.ID, "username").send_keys("bolat")
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    press(browser, By.ID, "signin")
    assert "Обращения" in browser.find_element(By.TAG_NAME, "h1").text
    Select(browser.find_element(By.NAME, "lang")).select_by_value("kk")
    WebDriverWait(browser, WAIT).until(lambda b: "Өтініштер" in b.find_element(By.TAG_NAME, "h1").text)
    browser.get(f"{server}/desk/figures")
    assert browser.find_element(By.CSS_SELECTOR, ".error").text  # an operator: not for them


def test_an_operator_judges_the_bots_danger_reading(server: str, browser: WebDriver) -> None:
    """Issue 11: operators' verdicts make the labelled set of real messages (docs/crisis-reading.md)."""
    reference = file_report(server, "kid-judged")
    browser.delete_all_cookies()
    browser.get(f"{server}/desk/signin")
    browser.find_element(By.ID, "username").send_keys("erlan")
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    press(browser, By.ID, "signin")
    browser.get(f"{server}/desk/inbox?reference={reference}")
    assert browser.find_element(By.ID, "reference").text == reference
    assert "Was the bot's danger reading right?" in browser.find_element(By.ID, "judge").text
    assert browser.find_elements(By.ID, "judged") == []
    # The bot read this report as calm, so "False alarm" is not offered; "Right" says it was calm.
    assert browser.find_elements(By.ID, "judge-false_alarm") == []
    press(browser, By.ID, "judge-right")
    assert browser.find_element(By.ID, "judged").text == "Judged: right, by Erlan"
    assert "judged the bot's danger reading" in browser.find_element(By.ID, "timeline").text
    shot(browser, "case-judged")
