"""Shared pieces of the delivery fault tests: reference transcripts, replay, servers we control.

A *script* is a report walked through once on the embedded defaults (in memory, in-process),
recording every update posted and every message the fake platform received. The fault tests
replay the same updates for many users, against Redis, PostgreSQL and workers, under faults,
and compare what each user received with the reference, message for message: nothing lost,
nothing twice, in order. Reference numbers (random) are compared as `KZ-REF`.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import itertools
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI
from redis.asyncio import Redis

from bot.delivery.intake_redis import RedisIntake
from bot.delivery.sending import Pacer, Sender
from bot.settings import Settings
from storage.redis_state import RedisStateStore
from tests.handlers.telegram.harness import SECRET, TOKEN
from tests.handlers.telegram.harness import Harness as TgHarness
from tests.handlers.whatsapp import harness as wa_support
from tests.handlers.whatsapp.harness import APP_SECRET, PHONE_NUMBER_ID, sign
from tests.support.databases import redis_url
from tests.support.fake_graph import FakeGraph
from tests.support.fake_telegram import FakeTelegram
from webhook import create_app

REPO = Path(__file__).resolve().parents[3]
REFERENCE = re.compile(r"KZ-[0-9A-Z]{4}-[0-9A-Z]{4}")
DESCRIPTION = "Classmates post mean comments under my photos every day."
TG_SCRIPT: list[tuple[str, str]] = [
    ("text", "/start"), ("press", "child"), ("press", "report"), ("press", "bullying"), ("press", "me"),
    ("text", DESCRIPTION), ("press", "instagram"), ("press", "skip"), ("press", "skip"), ("press", "no"),
    ("press", "14_17"), ("press", "skip"), ("press", "anonymous"), ("press", "send"),
]
WA_SCRIPT: list[tuple[str, str]] = [
    ("text", "Hello"), ("tap", "child"), ("tap", "report"), ("tap", "bullying"), ("tap", "me"),
    ("text", DESCRIPTION), ("tap", "instagram"), ("tap", "skip"), ("tap", "skip"), ("tap", "no"),
    ("tap", "14_17"), ("tap", "skip"), ("tap", "anonymous"), ("tap", "send"),
]
_update_ids = itertools.count(int(time.time() * 1000) % 10**9 * 100)
_wamids = itertools.count(1)


def norm(text: str) -> str:
    return REFERENCE.sub("KZ-REF", text)


def fast_sender() -> Sender:
    return Sender(pacer=Pacer(per_chat=0.0, global_rate=0.0), base_delay=0.01, max_delay=0.05)


# -- settings --------------------------------------------------------------------------------------
def settings(tmp: Path, *, tg: FakeTelegram | None = None, graph: FakeGraph | None = None,
             database_url: str | None = None, redis: tuple[str, str] | None = None, **more: Any) -> Settings:
    values: dict[str, Any] = {
        "environment": "development", "database_url": database_url or f"sqlite+aiosqlite:///{tmp}/d.db",
        "redis_url": redis[0] if redis else None, "redis_prefix": redis[1] if redis else "helpline",
        "telegram_bot_token": TOKEN if tg else None, "telegram_webhook_secret": SECRET if tg else None,
        "telegram_api_base": tg.url if tg else "https://api.telegram.org",
        "whatsapp_token": "t" if graph else None, "whatsapp_phone_number_id": PHONE_NUMBER_ID if graph else None,
        "whatsapp_app_secret": APP_SECRET if graph else None, "whatsapp_verify_token": "verify" if graph else None,
        "whatsapp_api_base": graph.base if graph else "https://graph.facebook.com/v21.0",
        "send_chat_interval_seconds": 0.0, "send_rate_per_second": 0.0,
        "lock_timeout_seconds": 2.0, "claim_idle_seconds": 1.0,
    }
    values.update(more)
    return Settings(**values)


def environment(s: Settings) -> dict[str, str]:
    """The settings as environment variables, for a worker subprocess."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WHATSAPP_", "REDIS_", "DATABASE_"))}
    for name, value in s.model_dump().items():
        if value is None:
            continue
        env[name.upper()] = json.dumps(value) if isinstance(value, list | dict) else str(value)
    env["PYTHONPATH"] = str(REPO)
    return env


@asynccontextmanager
async def running_app(s: Settings) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    app = create_app(s)
    async with app.router.lifespan_context(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bot.test",
                                     timeout=30) as client:
            yield app, client


async def idle(app: FastAPI) -> None:
    await app.state.application.pipeline.wait_idle()


# -- posting like the platforms do (retrying a 503) --------------------------------------------------
async def post_telegram(client: httpx.AsyncClient, update: dict[str, Any], *, retry: bool = True) -> int:
    body = json.dumps(update, ensure_ascii=False).encode()
    return await _post(client, "/telegram/webhook", body, {"X-Telegram-Bot-Api-Secret-Token": SECRET}, retry)


async def post_whatsapp(client: httpx.AsyncClient, payload: dict[str, Any], *, retry: bool = True) -> int:
    body = json.dumps(payload, ensure_ascii=False).encode()
    return await _post(client, "/whatsapp/webhook", body, {"x-hub-signature-256": sign(body)}, retry)


async def _post(client: httpx.AsyncClient, path: str, body: bytes, headers: dict[str, str], retry: bool) -> int:
    headers = {"content-type": "application/json", **headers}
    for _ in range(600):
        status = (await client.post(path, content=body, headers=headers)).status_code
        if status != 503 or not retry:
            return status
        await asyncio.sleep(0.05)  # the platform retries later
    return status


# -- reference transcripts ---------------------------------------------------------------------------
@dataclass
class Transcript:
    updates: list[dict[str, Any]]  # Telegram updates, or WhatsApp message items, as posted
    replies: list[str]  # what the user received, normalised, in order


async def telegram_reference(tmp: Path, user: int = 424242) -> Transcript:
    async with FakeTelegram(token=TOKEN) as fake:
        async with running_app(settings(tmp, tg=fake)) as (app, client):
            tg = TgHarness(app, client, fake)
            tg.channel.sender = fast_sender()
            posted: list[dict[str, Any]] = []
            for kind, value in TG_SCRIPT:
                if kind == "text":
                    update = tg.message(user, value)
                else:
                    message_id, data = tg.button(user, value)
                    update = tg.callback(user, data, message_id)
                posted.append(update)
                assert (await tg.post(update)).status_code == 200
            replies = telegram_replies(fake, user)
    assert any("KZ-REF" in r for r in replies), "the reference report was not filed"
    return Transcript(posted, replies)


def telegram_replies(fake: FakeTelegram, user: int) -> list[str]:
    return [norm(json.dumps([p.get("text"), p.get("reply_markup")], ensure_ascii=False, sort_keys=True))
            for p in fake.of("sendMessage", user)]


def telegram_for(update: dict[str, Any], user: int) -> dict[str, Any]:
    """The reference update as another user's, with a new update_id."""
    update = copy.deepcopy(update)
    update["update_id"] = next(_update_ids)
    for part in ("message", "callback_query"):
        if part in update:
            update[part]["from"]["id"] = user
            chat = update[part]["chat"] if part == "message" else update[part]["message"]["chat"]
            chat["id"] = user
    if "callback_query" in update:
        update["callback_query"]["id"] = f"cq-{update['update_id']}"
    return update


async def whatsapp_reference(tmp: Path, wa_id: str = "77010000000") -> Transcript:
    graph = FakeGraph()
    await graph.start()
    try:
        async with running_app(settings(tmp, graph=graph)) as (app, client):
            wa = wa_support.Harness(app, client, graph)
            wa.channel.outbox.sender = fast_sender()
            posted: list[dict[str, Any]] = []
            for kind, value in WA_SCRIPT:
                for _ in range(10):  # a list of more than 10 rows is paged with "More…"
                    item, found = _wa_item(wa, wa_id, kind, value)
                    posted.append(item)
                    await wa.deliver(item)
                    if found:
                        break
            replies = whatsapp_replies(graph, wa_id)
    finally:
        await graph.stop()
    assert any("KZ-REF" in r for r in replies), "the reference report was not filed"
    return Transcript(posted, replies)


def _wa_item(wa: wa_support.Harness, wa_id: str, kind: str, value: str) -> tuple[dict[str, Any], bool]:
    if kind == "text":
        return wa_support.text(wa_id, value), True
    menu = wa.last_interactive(wa_id)
    is_list = menu["interactive"]["type"] == "list"
    found = [(i, t) for i, t in wa_support.choices(menu) if i.partition("|")[2] == value]
    if found:
        return wa_support.reply(wa_id, found[0][0], found[0][1], list_reply=is_list), True
    more = [(i, t) for i, t in wa_support.choices(menu) if i.startswith("~more:")]
    assert more, f"no choice {value!r} in {wa_support.choices(menu)}"
    return wa_support.reply(wa_id, more[0][0], more[0][1], list_reply=True), False


def whatsapp_replies(graph: FakeGraph, wa_id: str) -> list[str]:
    return [norm(json.dumps({k: v for k, v in m.items() if k != "to"}, ensure_ascii=False, sort_keys=True))
            for m in graph.sent_to(wa_id)]


def whatsapp_for(item: dict[str, Any], wa_id: str) -> dict[str, Any]:
    item = copy.deepcopy(item)
    item["from"] = wa_id
    item["id"] = f"wamid.R{next(_wamids):08d}{os.getpid()}"
    return item


def whatsapp_payload(*items: dict[str, Any]) -> dict[str, Any]:
    return wa_support.envelope(wa_support.value(list(items)))


# -- waiting ----------------------------------------------------------------------------------------
async def until(check: Callable[[], bool | Awaitable[bool]], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while True:
        result = check()
        if not isinstance(result, bool):
            result = await result
        if result:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {seconds:.0f}s waiting for {what}")
        await asyncio.sleep(0.05)


# -- processes we control -----------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class RedisServer:
    """Our own redis-server (AOF on, fsync always), to stop and start without touching the shared one."""

    port: int = field(default_factory=free_port)
    folder: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="helpline-redis-")))
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        assert binary, "redis-server is not installed"
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder),
             "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--logfile", "redis.log"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), 0.2):
                return
            time.sleep(0.02)
        raise AssertionError("our redis-server did not start")

    def kill(self) -> None:
        """As abrupt as a crash: SIGKILL (every write was fsynced: appendfsync always)."""
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)
            self.process = None

    def close(self) -> None:
        self.kill()
        shutil.rmtree(self.folder, ignore_errors=True)


class TcpGate:
    """A TCP proxy to a real server that can be shut ("the database is down") and opened again."""

    def __init__(self, target_port: int, target_host: str = "127.0.0.1") -> None:
        self.target = (target_host, target_port)
        self.port = free_port()
        self.open = True
        self._server: asyncio.Server | None = None
        self._links: set[asyncio.StreamWriter] = set()

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._link, "127.0.0.1", self.port)

    async def shut(self) -> None:
        self.open = False
        for writer in list(self._links):
            writer.close()
        self._links.clear()

    def reopen(self) -> None:
        self.open = True

    async def close(self) -> None:
        await self.shut()
        if self._server is not None:
            self._server.close()

    async def _link(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if not self.open:
            writer.close()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.close()
            return
        self._links |= {writer, up_writer}

        async def pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
            with contextlib.suppress(OSError, ConnectionError):
                while data := await source.read(65536):
                    sink.write(data)
                    await sink.drain()
            sink.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))
        self._links -= {writer, up_writer}


class WorkerProcess:
    """`python -m bot worker` in a subprocess, with the given settings (or forked from a ForkServer)."""

    def __init__(self, s: Settings, log: Path, *, forked_from: ForkServer | None = None) -> None:
        self.log = log
        self._log = log.open("ab")
        self.process: subprocess.Popen[bytes] | ForkedProcess
        if forked_from is not None:
            self.process = ForkedProcess(forked_from)
        else:
            self.process = subprocess.Popen([sys.executable, "-m", "bot", "worker"], cwd=REPO, env=environment(s),
                                            stdout=self._log, stderr=subprocess.STDOUT)

    @property
    def pid(self) -> int:
        return self.process.pid

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> int | None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()
        self._log.close()
        return self.process.returncode


# A process that imports the bot once (aiogram alone builds its models for seconds) and then forks
# a worker whenever asked, as a pre-fork server does: each child runs `python -m bot worker`'s
# main (bot/__main__.py) in a process of its own, with the settings read from the environment
# after the fork. Asked "poll <pid>", it reaps a child: its exit code (-9 for SIGKILL), or "running".
_FORK_SERVER = """
import os, sys
import bot.app, bot.cli, bot.worker_command, handlers.telegram.channel, handlers.telegram.route
for line in sys.stdin:
    command, _, argument = line.strip().partition(" ")
    if command == "fork":
        pid = os.fork()
        if pid == 0:
            os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
            os.dup2(2, 1)  # the worker's output to the log, as a worker process's
            from bot.cli import main
            sys.exit(main(["worker"]))
        print(pid, flush=True)
    elif command == "poll":
        done, status = os.waitpid(int(argument), os.WNOHANG)
        print(os.waitstatus_to_exitcode(status) if done else "running", flush=True)
"""


class ForkServer:
    """The test's own subprocess that forks workers (see _FORK_SERVER)."""

    def __init__(self, s: Settings, log: Path) -> None:
        self._log = log.open("ab")
        self.process = subprocess.Popen([sys.executable, "-c", _FORK_SERVER], cwd=REPO, env=environment(s),
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log)

    def ask(self, line: str) -> str:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(f"{line}\n".encode())
        self.process.stdin.flush()
        answer = self.process.stdout.readline().decode().strip()
        assert answer, "the fork server ended (see the workers' log)"
        return answer

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._log.close()


class ForkedProcess:
    """A forked worker, with what WorkerProcess uses of subprocess.Popen (its parent reaps it)."""

    def __init__(self, server: ForkServer) -> None:
        self.server = server
        self.pid = int(server.ask("fork"))
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            answer = self.server.ask(f"poll {self.pid}")
            self.returncode = None if answer == "running" else int(answer)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while (code := self.poll()) is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired("python -m bot worker (forked)", timeout or 0)
            time.sleep(0.02)
        return code

    def send_signal(self, sig: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, sig)


class Workers:
    """Worker processes one after another, each killed (SIGKILL) in turn and replaced by the next,
    forked from a ForkServer (started now, importing while the test sets up): a replacement runs at
    once instead of after the seconds a new interpreter takes to import the bot."""

    def __init__(self, s: Settings, log: Path) -> None:
        self.settings, self.log = s, log
        self.server = ForkServer(s, log)
        self.started: list[WorkerProcess] = []

    def start_next(self) -> None:
        self.started.append(WorkerProcess(self.settings, self.log, forked_from=self.server))

    def replace(self) -> None:
        """Kill the running worker (SIGKILL); the next one starts."""
        self.started[-1].kill()
        self.start_next()

    def stop(self) -> list[int | None]:
        """SIGTERM to each worker (their return codes), then the fork server ends."""
        try:
            return [w.stop() for w in self.started]
        finally:
            self.server.close()


@dataclass
class RedisIntakeParts:
    """A Redis intake on a fresh prefix of the test Redis, with its client and a state store beside it."""

    client: Redis
    intake: RedisIntake
    states: RedisStateStore
    url: str
    prefix: str


@asynccontextmanager
async def redis_intake(claim_idle_seconds: float = 0.2) -> AsyncIterator[RedisIntakeParts]:
    async with redis_url() as (url, prefix):
        client = Redis.from_url(url, decode_responses=True)
        states = RedisStateStore(url, prefix=prefix)
        try:
            yield RedisIntakeParts(client, RedisIntake(client, prefix, claim_idle_seconds=claim_idle_seconds), states,
                                   url, prefix)
        finally:
            await states.close()
            await client.aclose()


@dataclass
class LaneSlot:
    """A worker slot (bot/delivery/turns.py `Turn`) as a pacer sees it: the lane's updates queued."""

    queued: int

    async def recount(self) -> None:
        return None

    def give_back(self) -> bool:
        return False

    async def take(self) -> None:
        return None
