"""Processes and servers the benchmark starts: its own redis-server, a fresh PostgreSQL database,
subprocesses, and what they cost (CPU seconds, resident memory)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from redis import Redis
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

REPO = Path(__file__).resolve().parents[1]
SERVER_URL = os.environ.get("BENCH_DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")


def free_port() -> int:
    return free_ports(1)[0]


def free_ports(count: int) -> list[int]:
    """`count` ports free now, all different (each probe held open until all are found)."""
    probes = []
    try:
        for _ in range(count):
            probe = socket.socket()
            probes.append(probe)
            probe.bind(("127.0.0.1", 0))
        return [int(probe.getsockname()[1]) for probe in probes]
    finally:
        for probe in probes:
            probe.close()


def wait_port(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), 0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on {port}")


class RedisServer:
    def __init__(self) -> None:
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="helpline-bench-redis-"))
        binary = shutil.which("redis-server")
        if not binary:
            raise SystemExit("redis-server is not installed")
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder), "--save", "",
             "--appendonly", "yes", "--appendfsync", "always", "--logfile", "redis.log"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_port(self.port)
        self.client = Redis(port=self.port, decode_responses=True)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def commands(self) -> int:
        return sum(int(v["calls"]) for k, v in self.client.info("commandstats").items())

    def evals(self) -> int:
        stats = self.client.info("commandstats")
        return sum(int(v["calls"]) for k, v in stats.items() if "eval" in k)

    def memory(self) -> int:
        return int(self.client.info("memory")["used_memory"])

    def cpu(self) -> float:
        info = self.client.info("cpu")
        return float(info["used_cpu_user"]) + float(info["used_cpu_sys"])

    def close(self) -> None:
        self.client.close()
        self.process.kill()
        self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


class Database:
    """A fresh PostgreSQL database for the run, dropped afterwards."""

    def __init__(self) -> None:
        self.name = f"helpline_bench_{int(time.time())}_{os.getpid()}"

    @property
    def url(self) -> str:
        return make_url(SERVER_URL).set(database=self.name).render_as_string(hide_password=False)

    async def create(self) -> Database:
        await self._admin(f'CREATE DATABASE "{self.name}"')
        return self

    async def _admin(self, sql: str) -> None:
        engine = create_async_engine(make_url(SERVER_URL), isolation_level="AUTOCOMMIT")
        try:
            async with engine.connect() as connection:
                await connection.execute(text(sql))
        finally:
            await engine.dispose()

    async def close(self) -> None:
        await self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def spawn(module: str, *args: str, env: dict[str, str] | None = None, log: Path | None = None,
          nice: int = 0) -> subprocess.Popen[bytes]:
    """Start `python -m module args` from the repository; with GCWATCH_DIR in the environment its garbage
    collector's pauses are written there (bench/gcwatch)."""
    out = log.open("ab") if log else subprocess.DEVNULL
    command = ["nice", "-n", str(nice)] if nice else []
    env = {**os.environ, **(env or {})}
    path = f"{REPO}:{REPO / 'bench' / 'gcwatch'}" if env.get("GCWATCH_DIR") else str(REPO)
    return subprocess.Popen([*command, sys.executable, "-m", module, *args], cwd=REPO, stdout=out,
                            stderr=subprocess.STDOUT, env={**env, "PYTHONPATH": path})


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_bytes(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

