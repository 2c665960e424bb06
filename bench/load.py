"""End-to-end load benchmark: `.venv/bin/python -m bench.load` (about two minutes; stops by itself).

Simulated users walk through the whole report flow by webhook (Telegram with its secret header,
WhatsApp signed), each waiting for the bot's reply before the next step, against the bot running
as it does in production: `serve` (uvicorn) storing updates in Redis and a `worker` process
processing them, with PostgreSQL for the cases, and light fake Bot API / Cloud API servers
answering, all on loopback. Its own redis-server (append-only file, fsync always) and a fresh
PostgreSQL database are created and removed.

Measured, in the same run and on the same Telegram payloads, for two references as well: a bare
floor (aiohttp parsing the body and making one Redis round trip) and a typical aiogram bot
(Dispatcher, RedisStorage FSM, one reply with buttons sent inside the webhook).
Topology: this bot runs as docker-compose.yml deploys it, one webhook server and two workers
(`--workers 2`, the default; `--workers 1` for the figures before stop 17); the typical aiogram bot
is the usual single process, answering the webhook after sending the reply. The goal of issue 12
("Late when the platform is slow") is printed at the end: this bot's reply p50 and p99 no worse than
the typical bot's, at --rate with the platform 100 ms away, in the same run.
Options: --seconds (per phase), --rate (updates/s of the latency phases), --users (saturation),
--saturated-only (a quick comparison), --workers, --burst, --nice, --low-rate, --profile, --gc, --steps.
A folder for the logs other than /tmp/helpline-bench: BENCH_LOGS (runs side by side on one machine).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import itertools
import json
import os
import random
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

from bench.fakes import TOKEN, FakePlatforms, percentile, summary
from bench.procs import Database, RedisServer, cpu_seconds, free_port, free_ports, rss_bytes, spawn, stop, wait_port

SECRET = "bench-webhook-secret"
APP_SECRET = "bench-app-secret"
NUMBER_ID = "123"
DESCRIPTION = "Classmates post mean comments under my photos every day."
TG_SCRIPT = [("text", "/start"), ("press", "child"), ("press", "report"), ("press", "bullying"), ("press", "me"),
             ("text", DESCRIPTION), ("press", "instagram"), ("press", "skip"), ("press", "skip"), ("press", "no"),
             ("press", "14_17"), ("press", "skip"), ("press", "anonymous"), ("press", "send")]
WA_SCRIPT = [("text", "Hello"), *(("tap", v) for k, v in TG_SCRIPT[1:5]), ("text", DESCRIPTION),
             *(("tap", v) for k, v in TG_SCRIPT[6:])]
LOGS = Path(os.environ.get("BENCH_LOGS", "/tmp/helpline-bench"))  # its own folder when runs share a machine
_ids = itertools.count(int(time.time()) % 100_000 * 10_000)


@dataclass
class Script:
    platform: str
    steps: list[tuple[str, str]]  # ("text", text) | ("press", callback data) | ("tap", reply id)
    cumulative: list[int]  # messages the user has received after each step


@dataclass
class Stats:
    answers: list[float] = field(default_factory=list)
    replies: list[float] = field(default_factory=list)
    posted: list[float] = field(default_factory=list)  # when each of `replies` was posted (perf_counter)
    answered: list[float] = field(default_factory=list)  # the webhook's answer time of each of `replies`
    chats: list[str] = field(default_factory=list)  # whose each of `replies` is
    updates: int = 0
    duplicates_sent: int = 0
    errors: int = 0
    missing: int = 0
    users: list[tuple[str, int, Script]] = field(default_factory=list)  # chat, steps sent, script
    by_step: dict[str, list[float]] = field(default_factory=dict)  # "telegram 6 text": reply seconds


# -- payloads ----------------------------------------------------------------------------------------
def telegram_update(user: int, kind: str, value: str) -> bytes:
    who = {"id": user, "is_bot": False, "first_name": "U", "language_code": "en"}
    chat = {"id": user, "type": "private", "first_name": "U"}
    update_id = next(_ids)
    if kind == "text":
        body: dict[str, Any] = {"update_id": update_id, "message": {
            "message_id": update_id % 10**6, "date": int(time.time()), "chat": chat, "from": who, "text": value}}
    else:
        body = {"update_id": update_id, "callback_query": {
            "id": str(update_id), "from": who, "chat_instance": "1", "data": value,
            "message": {"message_id": 7, "date": int(time.time()), "chat": chat, "text": "menu"}}}
    return json.dumps(body).encode()


def whatsapp_payload(user: str, kind: str, value: str) -> bytes:
    message: dict[str, Any] = {"from": user, "id": f"wamid.B{next(_ids)}", "timestamp": str(int(time.time()))}
    if kind == "text":
        message.update(type="text", text={"body": value})
    else:
        reply = "button_reply"  # the bot reads the id; list and button replies carry it alike
        message.update(type="interactive", interactive={"type": reply, reply: {"id": value, "title": "x"}})
    body = {"object": "whatsapp_business_account", "entry": [{"id": "W", "changes": [{"field": "messages", "value": {
        "messaging_product": "whatsapp", "metadata": {"display_phone_number": "1", "phone_number_id": NUMBER_ID},
        "contacts": [{"profile": {"name": "U"}, "wa_id": user}], "messages": [message]}}]}]}
    return json.dumps(body).encode()


class Target:
    def __init__(self, name: str, port: int, pids: list[int], replies: bool) -> None:
        self.name, self.port, self.pids, self.replies = name, port, pids, replies

    def url(self, platform: str) -> str:
        return f"http://127.0.0.1:{self.port}/{platform}/webhook"


def request(platform: str, user: str, kind: str, value: str) -> tuple[bytes, dict[str, str]]:
    """A webhook call as the platform makes it: the body, and the secret header or the signature."""
    if platform == "telegram":
        body = telegram_update(int(user), kind, value)
        return body, {"X-Telegram-Bot-Api-Secret-Token": SECRET, "content-type": "application/json"}
    body = whatsapp_payload(user, kind, value)
    signature = "sha256=" + hmac.new(APP_SECRET.encode(), body, hashlib.sha256).hexdigest()
    return body, {"x-hub-signature-256": signature, "content-type": "application/json"}


async def post(session: aiohttp.ClientSession, target: Target, platform: str, user: str, kind: str,
               value: str, call: tuple[bytes, dict[str, str]] | None = None) -> tuple[int, float]:
    body, headers = call or request(platform, user, kind, value)
    started = time.perf_counter()
    for _ in range(100):
        async with session.post(target.url(platform), data=body, headers=headers) as response:
            await response.read()
            if response.status != 503:
                return response.status, started
        await asyncio.sleep(0.05)  # as the platforms do: retry later
    return 503, started


# -- users --------------------------------------------------------------------------------------------
class Pacer:
    def __init__(self, rate: float | None) -> None:
        self.interval = 1.0 / rate if rate else 0.0
        self.next = time.perf_counter()

    async def slot(self) -> None:
        if not self.interval:
            return
        now = time.perf_counter()
        self.next = max(self.next, now)
        wait, self.next = self.next - now, self.next + self.interval
        if wait > 0:
            await asyncio.sleep(wait)


async def user_loop(session: aiohttp.ClientSession, target: Target, fake: FakePlatforms, scripts: list[Script],
                    pacer: Pacer, stats: Stats, deadline: float, duplicates: float) -> None:
    while time.perf_counter() < deadline:
        script = random.choice(scripts)
        user = str(next(_ids)) if script.platform == "telegram" else f"7707{next(_ids) % 10**7:07d}"
        sent = 0
        for i, (kind, value) in enumerate(script.steps):
            if time.perf_counter() >= deadline:
                break
            await pacer.slot()
            call = request(script.platform, user, kind, value)
            status, started = await post(session, target, script.platform, user, kind, value, call)
            stats.answers.append(time.perf_counter() - started)
            if status != 200:
                stats.errors += 1
                break
            sent += 1
            stats.updates += 1
            if random.random() < duplicates:  # the platform delivers it again: no second reply may come
                stats.duplicates_sent += 1
                await post(session, target, script.platform, user, kind, value, call)
            if target.replies:
                before = script.cumulative[i - 1] if i else 0
                if not await fake.arrivals.wait(user, script.cumulative[i], 30):
                    stats.missing += 1
                    break
                stats.replies.append(fake.arrivals.times[user][before] - started)
                stats.posted.append(started)
                stats.answered.append(stats.answers[-1])
                stats.chats.append(user)
                stats.by_step.setdefault(f"{script.platform} {i + 1:2d} {kind} {value[:12]}", []).append(
                    stats.replies[-1])
        stats.users.append((user, sent, script))


async def phase(target: Target, fake: FakePlatforms, scripts: list[Script], *, seconds: float, users: int,
                rate: float | None, duplicates: float = 0.0) -> tuple[Stats, float]:
    stats = Stats()
    pacer = Pacer(rate)
    connector = aiohttp.TCPConnector(limit=0, force_close=False)
    async with aiohttp.ClientSession(connector=connector) as session:
        started = time.perf_counter()
        deadline = started + seconds
        await asyncio.gather(*(user_loop(session, target, fake, scripts, pacer, stats, deadline, duplicates)
                               for _ in range(users)))
        elapsed = time.perf_counter() - started
    return stats, elapsed


async def burst(target: Target, fake: FakePlatforms, script: Script, users: int) -> tuple[float, float, int, int]:
    """Every user posts the whole report at once (in order, without waiting for replies), as a school
    campaign would: (updates/s answered, updates/s processed until the last reply, good, bad users)."""
    chats = [str(next(_ids)) for _ in range(users)]
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as session:
        started = time.perf_counter()

        async def one(chat: str) -> None:
            for kind, value in script.steps:
                status, _ = await post(session, target, "telegram", chat, kind, value)
                assert status == 200, status

        await asyncio.gather(*(one(chat) for chat in chats))
        answered = time.perf_counter() - started
        expected = script.cumulative[-1]
        done = await asyncio.gather(*(fake.arrivals.wait(chat, expected, 120) for chat in chats))
        processed = max(fake.arrivals.times[c][-1] for c in chats if fake.arrivals.times[c]) - started
    await asyncio.sleep(1.0)
    good = sum(1 for c, ok in zip(chats, done, strict=True) if ok and len(fake.arrivals.times[c]) == expected)
    updates = users * len(script.steps)
    return updates / answered, updates / processed, good, users - good


# -- the run --------------------------------------------------------------------------------------------
async def learn(target: Target, fake: FakePlatforms, *, settle: float = 0.3,
                platforms: tuple[str, ...] = ("telegram", "whatsapp")) -> list[Script]:
    """Walk each script once, pressing by value on the menus the bot sent; keep what was pressed.
    `settle`: how long the rest of a reply of several messages takes to come (the pacing)."""
    learned: list[Script] = []
    async with aiohttp.ClientSession() as session:
        for platform, script in (("telegram", TG_SCRIPT), ("whatsapp", WA_SCRIPT)):
            if platform not in platforms:
                continue
            user = str(next(_ids)) if platform == "telegram" else f"7707{next(_ids) % 10**7:07d}"
            steps: list[tuple[str, str]] = []
            counts: list[int] = []
            for kind, value in script:
                for _ in range(10):
                    if kind == "text":
                        step = (kind, value)
                    else:
                        menu = fake.keyboards.get(user, [])
                        found = [c for c in menu if c.partition("|")[2] == value]
                        more = [c for c in menu if c.startswith("~more:")]
                        step = (kind, (found or more)[0])
                    before = len(fake.arrivals.times[user])
                    status, _ = await post(session, target, platform, user, *step)
                    assert status == 200, f"{target.name} answered {status} (see {LOGS})"
                    assert await fake.arrivals.wait(user, before + 1, 30), f"no reply from {target.name}"
                    await asyncio.sleep(settle)  # a reply of several messages
                    steps.append(step)
                    counts.append(len(fake.arrivals.times[user]))
                    if kind == "text" or step[1].partition("|")[2] == value:
                        break
            learned.append(Script(platform, steps, counts))
    return learned


TYPICAL = "typical aiogram bot"


def goal_line(label: str, ours: list[float], typical: list[float], the_goal: bool) -> str:
    """This bot's reply p50 and p99 against the typical bot's; met when neither is worse."""
    p50, p99 = percentile(ours, 50) * 1000, percentile(ours, 99) * 1000
    t50, t99 = percentile(typical, 50) * 1000, percentile(typical, 99) * 1000
    verdict = "met" if p50 <= t50 and p99 <= t99 else "NOT met"
    return (f"  {label:<34} this bot p50 {p50:7.1f}  p99 {p99:7.1f} ms; typical p50 {t50:7.1f}  p99 {t99:7.1f} ms"
            f"  -> {verdict}{'' if the_goal else ' (without latency: for information)'}")


def exactly_once(fake: FakePlatforms, stats: Stats) -> tuple[int, int]:
    """(users whose replies are exactly one per update, users with a missing or extra message)."""
    good = bad = 0
    for user, sent, script in stats.users:
        expected = script.cumulative[sent - 1] if sent else 0
        if len(fake.arrivals.times[user]) == expected:
            good += 1
        else:
            bad += 1
    return good, bad


def report_line(name: str, stats: Stats, elapsed: float) -> str:
    rate = stats.updates / elapsed if elapsed else 0.0
    line = f"  {name:<34} {rate:7.1f} updates/s   answer {summary(stats.answers)}"
    if stats.replies:
        line += f"\n  {'':<34} {'':>17}   reply  {summary(stats.replies)}"
    if stats.errors or stats.missing:
        line += f"   (errors {stats.errors}, replies missing {stats.missing})"
    return line


def gc_lines(names: dict[int, str], windows: dict[int, tuple[float, float]]) -> list[str]:
    """Each watched process's collector pauses while it was measured (`--gc`, bench/gcwatch)."""
    lines = ["== garbage collector pauses while measured (--gc)"]
    for pid, name in names.items():
        path = LOGS / "gc" / f"{pid}.json"
        if not path.exists():
            lines.append(f"  {name:<34} (no record)")
            continue
        start, end = windows[pid]
        pauses = [(g, s) for t, g, s in json.loads(path.read_text())["pauses"] if start <= t <= end]
        full = [s * 1000 for g, s in pauses if g == 2]
        young = [s * 1000 for g, s in pauses if g < 2]
        lines.append(f"  {name:<34} full {len(full):4d}, max {max(full, default=0):6.1f} ms, total {sum(full):7.1f} ms;"
                     f" young {len(young):5d}, max {max(young, default=0):5.1f} ms, total {sum(young):7.1f} ms")
    return lines


def step_lines(results: dict[str, tuple[Stats, float]], rate: float) -> list[str]:
    """This bot's reply times by step of the walk, slowest p99 first (`--steps`)."""
    lines = []
    for label, (stats, _) in results.items():
        if not stats.by_step:
            continue
        lines.append(f"== this bot's replies by step, {label.format(rate=rate)} (slowest p99 first)")
        ranked = sorted(stats.by_step.items(), key=lambda item: -percentile(item[1], 99))
        lines += [f"  {step:<34} {len(times):5d}  {summary(times)}" for step, times in ranked[:8]]
    return lines


async def run(args: argparse.Namespace) -> None:
    LOGS.mkdir(exist_ok=True)  # noqa: ASYNC240 - once, before anything runs
    gc_names: dict[int, str] = {}
    gc_windows: dict[int, tuple[float, float]] = {}
    if args.gc:
        shutil.rmtree(LOGS / "gc", ignore_errors=True)
        (LOGS / "gc").mkdir()
        os.environ["GCWATCH_DIR"] = str(LOGS / "gc")
    redis, database, fake = RedisServer(), await Database().create(), FakePlatforms()
    api = await fake.start()
    processes: list[Any] = []
    out: list[str] = []
    try:
        env = {"REDIS_URL": redis.url, "REDIS_PREFIX": "bench", "DATABASE_URL": database.url,
               "PSEUDONYM_SECRET": "bench-pseudonym-secret-0123456789",
               "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_WEBHOOK_SECRET": SECRET, "TELEGRAM_API_BASE": api,
               "WHATSAPP_TOKEN": "bench", "WHATSAPP_PHONE_NUMBER_ID": NUMBER_ID, "WHATSAPP_APP_SECRET": APP_SECRET,
               "WHATSAPP_API_BASE": f"{api}/v21.0", "SEND_CHAT_INTERVAL_SECONDS": "0", "SEND_RATE_PER_SECOND": "0",
               "WORKER_CONCURRENCY": "64", "SERVE_WORKER": "false"}
        port = free_port()
        serve = spawn("bench.serve", str(port), env=env, log=LOGS / "serve.log")
        # A port each, each found free: `metrics_port + 1` was once a client's port of the moment, and the second
        # worker, unable to bind it, exited at start: the run measured one worker without saying so.
        metrics_ports = free_ports(args.workers)
        # On one machine the webhook answers first: workers run at a lower priority (docs/deployment.md).
        workers = [spawn("bench.worker", env={**env, "METRICS_PORT": str(metrics_ports[n]),
                                              **({"BENCH_PROFILE": str(LOGS / f"worker-{n + 1}.prof")}
                                                 if args.profile else {})},
                         log=LOGS / "worker.log", nice=args.nice) for n in range(args.workers)]
        processes += [serve, *workers]
        wait_port(port, 60)
        for metrics_port in metrics_ports:
            wait_port(metrics_port, 60)
        topology = f"serve + {args.workers} worker{'s' if args.workers != 1 else ''}"
        if args.workers == 2:
            topology += ", as in production"
        ours = Target(f"this bot ({topology})", port, [serve.pid, *(w.pid for w in workers)],
                      replies=True)
        scripts = await learn(ours, fake)
        tg_only = [s for s in scripts if s.platform == "telegram"]
        await asyncio.sleep(0.5)
        memory0, rss0 = redis.memory(), sum(rss_bytes(p) for p in ours.pids)
        cpus0 = [cpu_seconds(p) for p in ours.pids]
        own0 = time.process_time()
        cpu0, rcpu0, cmd0, eval0 = sum(cpus0), redis.cpu(), redis.commands(), redis.evals()
        conversations = updates = 0
        results: dict[str, tuple[Stats, float]] = {}
        phase_cpu: dict[str, float] = {}  # the bot processes' CPU per update of each phase, ms
        measured_from = time.time()
        for label, latency, rate, users, dup, mix in (
                (f"at {args.low_rate:.0f}/s, both platforms", 0.0, args.low_rate, 100, 0.05, scripts),
                ("at {rate:.0f}/s, both platforms", 0.0, args.rate, 200, 0.05, scripts),
                ("at {rate:.0f}/s, platform +100 ms", 0.1, args.rate, 300, 0.05, scripts),
                ("saturated (Telegram)", 0.0, None, args.users, 0.0, tg_only)):
            if args.saturated_only and rate is not None:
                continue
            fake.latency = latency
            before = sum(cpu_seconds(p) for p in ours.pids)
            stats, elapsed = await phase(ours, fake, mix, seconds=args.seconds, users=users, rate=rate,
                                         duplicates=dup)
            results[label] = (stats, elapsed)
            phase_cpu[label] = (sum(cpu_seconds(p) for p in ours.pids) - before) / max(1, stats.updates) * 1000
            conversations += len(stats.users)
            updates += stats.updates
            await asyncio.sleep(1.0)  # late or doubled replies would arrive now
        fake.latency = 0.0
        bursts: dict[str, Any] = {}
        if not args.saturated_only:
            rates = await burst(ours, fake, tg_only[0], args.burst)
            updates += args.burst * len(tg_only[0].steps)
            conversations += args.burst
            bursts[ours.name] = rates
        gc_names.update({serve.pid: "serve", **{w.pid: f"worker {n + 1}" for n, w in enumerate(workers)}})
        gc_windows.update(dict.fromkeys(gc_names, (measured_from, time.time())))
        ended = [process for process in processes if process.poll() is not None]
        if ended:
            raise RuntimeError(f"{len(ended)} of the bot's processes ended during the run (logs: {LOGS})")
        async with aiohttp.ClientSession() as session, \
                session.get(f"http://127.0.0.1:{metrics_ports[0]}/metrics") as got:
            (LOGS / "worker-metrics.txt").write_text(await got.text())
        cpus1 = [cpu_seconds(p) for p in ours.pids]
        own1 = time.process_time()
        cpu1, rcpu1 = sum(cpus1), redis.cpu()
        cmd1, eval1 = redis.commands(), redis.evals()
        # Which commands the 36-odd per update are (scripts' inner commands counted too), for the next cut.
        (LOGS / "redis-commandstats.txt").write_text("\n".join(
            f"{k.removeprefix('cmdstat_'):<24} {v['calls']:>9} {v['calls'] / updates:7.2f} per update"
            for k, v in sorted(redis.client.info("commandstats").items(), key=lambda kv: -int(kv[1]["calls"]))) + "\n")
        memory1, rss1 = redis.memory(), sum(rss_bytes(p) for p in ours.pids)
        good = bad = 0
        for stats, _ in results.values():
            g, b = exactly_once(fake, stats)
            good, bad = good + g, bad + b
        sent_twice = sum(s.duplicates_sent for s, _ in results.values())

        out.append(f"== {ours.name}: Redis (AOF, fsync always), PostgreSQL, webhook -> stored -> worker -> reply")
        for label, (stats, elapsed) in results.items():
            out.append(report_line(label.format(rate=args.rate), stats, elapsed))
        out.append(f"  Redis commands per update          {(cmd1 - cmd0) / updates:7.1f}   "
                   f"(scripts {(eval1 - eval0) / updates:.1f}; commands inside scripts included)")
        web_cpu, *worker_cpus = ((b - a) / updates * 1000 for a, b in zip(cpus0, cpus1, strict=True))
        worker_cpu = sum(worker_cpus)
        out.append(f"  CPU per update                     {(cpu1 - cpu0) / updates * 1000:7.2f} ms bot processes "
                   f"(serve {web_cpu:.2f}, worker {worker_cpu:.2f}), {(rcpu1 - rcpu0) / updates * 1000:.2f} ms "
                   f"redis-server; the load generator and fake platforms {(own1 - own0) / updates * 1000:.2f} ms")
        # By phase: whether a slow platform (more updates in flight at once) costs more per update.
        out.append("  CPU per update by phase            " + ", ".join(
            f"{label.format(rate=args.rate).removeprefix('at ')} {ms:.2f}" for label, ms in phase_cpu.items())
            + " ms (bot processes)")
        per_redis = (memory1 - memory0) / conversations * 1000 / 2**20
        out.append(f"  memory per 1,000 conversations     {per_redis:7.2f} MiB "
                   f"Redis, {(rss1 - rss0) / conversations * 1000 / 2**20:.2f} MiB process RSS "
                   f"({conversations} conversations)")
        out.append(f"  exactly once                       {good} users with one reply per update, {bad} with a "
                   f"missing or extra message; {sent_twice} updates delivered twice")
        if ours.name in bursts:
            out.append(_burst_line(args.burst, len(tg_only[0].steps), *bursts[ours.name]))
        for process in processes:
            stop(process)
        processes.clear()

        saturated = results["saturated (Telegram)"]
        ours_rate = saturated[0].updates / saturated[1]
        references: dict[str, float] = {}
        typical_replies: dict[float, list[float]] = {}
        for name, module, extra, replies in (
                ("bare floor (aiohttp + 1 Redis op)", "bench.floor", [redis.url], False),
                (TYPICAL, "bench.typical", [redis.url, api, TOKEN], True)):
            port = free_port()
            process = spawn(module, str(port), *extra, log=LOGS / f"{module}.log")
            processes.append(process)
            wait_port(port, 60)
            target = Target(name, port, [process.pid], replies)
            measured_from = time.time()
            typical_scripts = [Script("telegram", tg_only[0].steps, list(range(1, len(tg_only[0].steps) + 1)))]
            out.append(f"== {name}")
            for label, latency, rate, users in ((f"at {args.rate:.0f}/s", 0.0, args.rate, 200),
                                                (f"at {args.rate:.0f}/s, platform +100 ms", 0.1, args.rate, 300),
                                                ("saturated (Telegram)", 0.0, None, args.users)):
                if (not replies and latency) or (args.saturated_only and rate is not None):
                    continue
                fake.latency = latency
                stats, elapsed = await phase(target, fake, typical_scripts, seconds=args.seconds, users=users,
                                             rate=rate)
                out.append(report_line(label, stats, elapsed))
                if replies and rate is not None:
                    typical_replies[latency] = stats.replies
                if rate is None:
                    references[name] = stats.updates / elapsed
            fake.latency = 0.0
            if replies and not args.saturated_only:
                bursts[name] = await burst(target, fake, typical_scripts[0], args.burst)
                out.append(_burst_line(args.burst, len(tg_only[0].steps), *bursts[name]))
            gc_names[process.pid], gc_windows[process.pid] = name, (measured_from, time.time())
            stop(process)
            processes.remove(process)
        if args.gc:
            out += gc_lines(gc_names, gc_windows)
        if args.steps:
            out += step_lines(results, args.rate)
        if typical_replies:
            out.append(f"== goal (issue 12): reply p50 and p99 no worse than the {TYPICAL}'s, in this run")
            for latency, label in ((0.1, "at {rate:.0f}/s, platform +100 ms"),
                                   (0.0, "at {rate:.0f}/s, both platforms")):
                if latency in typical_replies and label in results:
                    out.append(goal_line(label.format(rate=args.rate), results[label][0].replies,
                                         typical_replies[latency], latency == 0.1))
            out.append(f"  ({ours.name}; the {TYPICAL}: one process, the reply sent inside the webhook's request)")
        out.append("== ratios (Telegram payloads)")
        for name, rate in references.items():
            out.append(f"  this bot / {name:<34} {ours_rate / rate:5.2f}  (saturated, replies waited for)")
        for name, (answered, processed, _, _) in bursts.items():
            if name != ours.name and ours.name in bursts:
                ours_answered, ours_processed = bursts[ours.name][:2]
                out.append(f"  this bot / {name:<34} {ours_answered / answered:5.2f}  (burst, updates taken)")
                out.append(f"  this bot / {name:<34} {ours_processed / processed:5.2f}  (burst, updates processed)")
    finally:
        for process in processes:
            stop(process)
        await fake.stop()
        redis.close()
        await database.close()
    print("\n".join(out))


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0, help="length of each phase")
    parser.add_argument("--rate", type=float, default=240.0, help="updates a second in the latency phases")
    parser.add_argument("--users", type=int, default=200, help="simulated users in the saturation phase")
    parser.add_argument("--workers", type=int, default=2,
                        help="`python -m bot worker` processes (2: the production topology, docker-compose.yml)")
    parser.add_argument("--burst", type=int, default=150, help="users posting their whole report at once")
    parser.add_argument("--nice", type=int, default=10, help="priority of the worker processes (0: as serve's)")
    parser.add_argument("--low-rate", type=float, default=60.0, help="a rate this machine sustains, for latency")
    parser.add_argument("--profile", action="store_true",
                        help=f"run the worker under cProfile; statistics in {LOGS}/worker.prof")
    parser.add_argument("--gc", action="store_true",
                        help="print each process's garbage-collector pauses while measured (bench/gcwatch)")
    parser.add_argument("--steps", action="store_true", help="print this bot's reply times by step of the walk")
    parser.add_argument("--saturated-only", action="store_true",
                        help="only the saturated phases (this bot and the references): a quick comparison")
    asyncio.run(run(parser.parse_args()))




def _burst_line(users: int, steps: int, answered: float, processed: float, good: int, bad: int) -> str:
    return (f"  burst: {users} users x {steps} updates   taken {answered:7.1f} updates/s, processed {processed:6.1f}"
            f" updates/s; {good} users with one reply per update, {bad} not")


if __name__ == "__main__":
    main()
