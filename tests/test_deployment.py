"""The deployment of docs/deployment.md, as far as this machine can go without images.

The Compose file is checked by `docker-compose config` (Debian's package; .ci/run installs it).
The same topology then runs as processes with the same environment file: `python -m bot serve`
(webhooks only), two `python -m bot worker`s, the shared Redis and a fresh PostgreSQL database,
.env.example's values with only the addresses and secrets replaced for the test; a webhook
update posted to `serve` is answered on the fake Bot API, and `purge` runs with that file too.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import secrets
import shutil
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from bot.settings import Settings
from tests.bot.delivery.support import free_port, until
from tests.bot.delivery.test_endpoints import sample, samples
from tests.handlers.telegram.harness import TOKEN
from tests.support.databases import fresh_postgres_url, redis_url
from tests.support.fake_telegram import FakeTelegram

REPO = Path(__file__).resolve().parents[1]
SERVICES = {"web", "worker-1", "worker-2", "purge", "redis", "postgres"}
OPERATORS_GROUP = -1001234567890


def env_file(path: Path) -> dict[str, str]:
    """KEY=VALUE lines, as Compose's env_file and pydantic-settings read them (comments and blanks skipped)."""
    found: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            found[key.strip()] = value.strip()
    return found


def _compose(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    binary = shutil.which("docker-compose")
    assert binary, "docker-compose is missing: apt-get install docker-compose (.ci/run does)"
    return subprocess.run([binary, "--project-directory", str(folder), "-f", str(folder / "docker-compose.yml"),
                           *args], cwd=folder, capture_output=True, text=True, timeout=120)


def _project(tmp_path: Path, password: str) -> Path:
    folder = tmp_path / "project"
    folder.mkdir()
    for name in ("docker-compose.yml", "Dockerfile"):
        shutil.copy(REPO / name, folder / name)
    text = (REPO / ".env.example").read_text(encoding="utf-8")
    (folder / ".env").write_text(text.replace("POSTGRES_PASSWORD=\n", f"POSTGRES_PASSWORD={password}\n"),
                                 encoding="utf-8")
    return folder


def test_the_compose_file_parses_with_the_production_topology(tmp_path: Path) -> None:
    folder = _project(tmp_path, "pw-for-the-test")
    services = _compose(folder, "config", "--services")
    assert services.returncode == 0, services.stderr
    assert set(services.stdout.split()) == SERVICES
    config = _compose(folder, "config")
    assert config.returncode == 0, config.stderr
    assert "--appendonly" in config.stdout and "postgresql+asyncpg://helpline:pw-for-the-test@postgres" in config.stdout
    assert "127.0.0.1:8080" in config.stdout or "host_ip: 127.0.0.1" in config.stdout  # only the proxy reaches it


def test_the_compose_file_refuses_an_unset_database_password(tmp_path: Path) -> None:
    folder = _project(tmp_path, "")
    refused = _compose(folder, "config", "-q")
    assert refused.returncode != 0 and "POSTGRES_PASSWORD" in refused.stderr


def test_the_example_environment_is_refused_until_filled_in() -> None:
    values = {k.lower(): v for k, v in env_file(REPO / ".env.example").items() if v}
    with pytest.raises(ValueError, match="PSEUDONYM_SECRET") as caught:
        Settings(_env_file=None, **values)  # type: ignore[call-arg]
    for needed in ("REDIS_URL", "DATABASE_URL", "operator front"):
        assert needed in str(caught.value)


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram(token=TOKEN) as server:
        yield server


@contextmanager
def _processes(env: dict[str, str], folder: Path, *commands: list[str]
               ) -> Iterator[list[tuple[subprocess.Popen[bytes], int]]]:
    """The processes, each with its own METRICS_PORT (as each container has in Compose)."""
    started: list[tuple[subprocess.Popen[bytes], int]] = []
    try:
        for i, command in enumerate(commands):
            log = (folder / f"process-{i}.log").open("wb")
            port = free_port()
            started.append((subprocess.Popen([sys.executable, "-m", "bot", *command], cwd=folder,
                                             env={**env, "METRICS_PORT": str(port)},
                                             stdout=log, stderr=subprocess.STDOUT), port))
        yield started
    finally:
        for process, _ in started:
            process.terminate()
        for process, _ in started:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


async def test_the_topology_as_processes_answers_a_webhook_update(tmp_path: Path, fake: FakeTelegram) -> None:
    webhook_secret = secrets.token_urlsafe(32)
    port = free_port()
    async with fresh_postgres_url() as database_url, redis_url() as (url, prefix):
        overrides = {
            "DATABASE_URL": database_url, "REDIS_URL": url, "REDIS_PREFIX": prefix, "HOST": "127.0.0.1",
            "PORT": str(port), "SERVE_WORKER": "false", "PSEUDONYM_SECRET": secrets.token_urlsafe(32),
            "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_WEBHOOK_SECRET": webhook_secret,
            "TELEGRAM_API_BASE": fake.url, "OPERATOR_CHAT_ID": str(OPERATORS_GROUP), "OPERATOR_IDS": "1",
            "ENCRYPTION_KEYS": json.dumps({"k1": base64.b64encode(secrets.token_bytes(32)).decode()}),
            "ENCRYPTION_KEY_ID": "k1",
        }
        settings_names = {name.upper() for name in Settings.model_fields}
        env = {k: v for k, v in os.environ.items() if k not in settings_names}
        env |= env_file(REPO / ".env.example") | overrides | {"PYTHONPATH": str(REPO)}
        with _processes(env, tmp_path, ["serve"], ["worker"], ["worker"]) as processes:
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
                async def ready() -> bool:
                    assert all(p.poll() is None for p, _ in processes), _logs(tmp_path)
                    try:
                        return (await client.get("/readyz")).status_code == 200
                    except httpx.TransportError:
                        return False

                await until(ready, 60, "serve to be ready")
                update = {"update_id": 31337, "message": {
                    "message_id": 1, "date": 1_760_000_000, "text": "/start", "chat": {"id": 5150, "type": "private"},
                    "from": {"id": 5150, "is_bot": False, "first_name": "Aruzhan", "language_code": "kk"}}}
                posted = await client.post("/telegram/webhook", json=update,
                                           headers={"X-Telegram-Bot-Api-Secret-Token": webhook_secret})
                assert posted.status_code == 200
                await until(lambda: bool(fake.of("sendMessage", 5150)), 60, "a reply on the fake Bot API")
                assert (await client.post("/simulator/message", json={"user": "a", "text": "hi"})).status_code == 404
                assert (await client.get("/metrics")).status_code == 404  # only on each process's METRICS_PORT
                scraped: list[dict[tuple[str, frozenset[tuple[str, str]]], float]] = []

                async def processed_once() -> bool:  # "processed" is counted just after the reply is sent
                    assert all(p.poll() is None for p, _ in processes), _logs(tmp_path)
                    try:  # the worker that did not take the update may still be starting (no metrics yet)
                        scraped[:] = [samples((await client.get(f"http://127.0.0.1:{port}/metrics")).text)
                                      for _, port in processes]
                    except httpx.TransportError:
                        return False
                    return sum(sample(w, "helpline_updates_processed_total", platform="telegram") or 0
                               for w in scraped[1:]) == 1

                await until(processed_once, 30, "a worker to count the update processed")
        purge = await asyncio.to_thread(subprocess.run, [sys.executable, "-m", "bot", "purge"], cwd=tmp_path,
                                        env=env, capture_output=True, text=True, timeout=120)
    assert purge.returncode == 0, purge.stderr
    assert "Deleted 0 closed case(s)" in purge.stdout
    assert fake.of("sendMessage", 5150)[0]["text"]
    web, *workers = scraped
    assert sample(web, "helpline_updates_received_total", platform="telegram") == 1
    assert sum(sample(w, "helpline_updates_processed_total", platform="telegram") or 0 for w in workers) == 1


def _logs(folder: Path) -> str:
    return "\n".join(path.read_text(errors="replace")[-2000:] for path in sorted(folder.glob("process-*.log")))
