"""Counters and latency histograms in the Prometheus text format, and health and readiness.

`GET /metrics`: updates in, duplicates, processed, retries, failures, set aside, answers 503,
queue depth, webhook answer / accepted-to-processed / processing latency histograms, messages
sent, and every channel counter. Hand-written (about 100 lines) rather than a dependency: one
process, no labels from user input, values read at scrape time.

`GET /healthz`: each part and whether it works (200 only when all do). `GET /readyz`: whether
this process can take webhooks now: 503 only when updates cannot be stored (the intake, i.e.
Redis, is down), so a load balancer stops sending and the platforms retry later. The case
database being down is reported but does not make the process unready: updates are stored
and processed once it is back.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

Labels = tuple[tuple[str, str], ...]
BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, math.inf)
CHECK_TIMEOUT_SECONDS = 2.0

HELP = {
    "helpline_updates_received_total": ("counter", "updates stored by a webhook"),
    "helpline_updates_duplicate_total": ("counter", "updates delivered again (stage: webhook or worker)"),
    "helpline_updates_processed_total": ("counter", "updates processed to the end"),
    "helpline_updates_redelivered_total": ("counter", "saved replies sent after a worker stopped mid-way"),
    "helpline_update_retries_total": ("counter", "updates left for a later attempt"),
    "helpline_update_failures_total": ("counter", "failed attempts at an update (kind: transient or error)"),
    "helpline_updates_set_aside_total": ("counter", "updates that kept failing, moved aside for a person"),
    "helpline_webhook_unavailable_total": ("counter", "webhook calls answered 503: the update was not stored"),
    "helpline_webhook_seconds": ("histogram", "webhook call to answer"),
    "helpline_update_seconds": ("histogram", "update stored to processed (its reply sent)"),
    "helpline_processing_seconds": ("histogram", "processing of one update by a worker"),
    "helpline_queue": ("gauge", "intake queue: stored (not yet processed), tickets, set_aside"),
    "helpline_worker_active": ("gauge", "lanes being processed by this process"),
    "helpline_lane_busy_total": ("counter", "tickets for a lane another worker held (it drains the lane)"),
    "helpline_lane_reclaimed_total": ("counter", "tickets taken over after CLAIM_IDLE_SECONDS (a worker died)"),
    "helpline_outbox_total": ("counter", "outgoing messages: sent, already sent (skipped), retries, failures"),
    "helpline_channel_total": ("counter", "the channels' own counters"),
}


class Metrics:
    def __init__(self) -> None:
        self.counters: dict[tuple[str, Labels], float] = {}
        self.histograms: dict[tuple[str, Labels], list[float]] = {}  # bucket counts..., sum, count

    def inc(self, name: str, value: float = 1.0, **labels: str) -> None:
        key = (name, tuple(sorted(labels.items())))
        self.counters[key] = self.counters.get(key, 0.0) + value

    def observe(self, name: str, seconds: float, **labels: str) -> None:
        key = (name, tuple(sorted(labels.items())))
        row = self.histograms.get(key)
        if row is None:
            row = self.histograms[key] = [0.0] * (len(BUCKETS) + 2)
        for i, bound in enumerate(BUCKETS):
            if seconds <= bound:
                row[i] += 1
        row[-2] += seconds
        row[-1] += 1

    def value(self, name: str, **labels: str) -> float:
        return self.counters.get((name, tuple(sorted(labels.items()))), 0.0)

    def render(self, gauges: Mapping[tuple[str, Labels], float]) -> str:
        lines: list[str] = []
        families: dict[str, list[str]] = {}
        for (name, labels), count in sorted(self.counters.items()):
            families.setdefault(name, []).append(f"{name}{_labels(labels)} {_num(count)}")
        for (name, labels), value in sorted(gauges.items()):
            families.setdefault(name, []).append(f"{name}{_labels(labels)} {_num(value)}")
        for (name, labels), row in sorted(self.histograms.items()):
            rows = families.setdefault(name, [])
            for i, bound in enumerate(BUCKETS):
                le = "+Inf" if math.isinf(bound) else repr(bound)
                rows.append(f"{name}_bucket{_labels((*labels, ('le', le)))} {_num(row[i])}")
            rows.append(f"{name}_sum{_labels(labels)} {row[-2]!r}")
            rows.append(f"{name}_count{_labels(labels)} {_num(row[-1])}")
        for name, rows in families.items():
            kind, text = HELP.get(name, ("untyped", name))
            lines += [f"# HELP {name} {text}", f"# TYPE {name} {kind}", *rows]
        return "\n".join(lines) + "\n"


def _labels(labels: Labels) -> str:
    if not labels:
        return ""
    inner = ",".join(f'{k}="{v.replace(chr(92), chr(92) * 2).replace(chr(34), chr(92) + chr(34))}"'
                     for k, v in labels)
    return "{" + inner + "}"


def _num(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


class WebhookTimer:
    """Pure ASGI middleware: the time from a webhook call to its answer, by platform and status."""

    def __init__(self, app: ASGIApp, metrics: Callable[[], Metrics | None]) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if not path.endswith("/webhook") or scope.get("method") != "POST":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = "500"

        async def answered(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = str(message["status"])
                metrics = self.metrics()
                if metrics is not None:
                    metrics.observe("helpline_webhook_seconds", time.perf_counter() - started,
                                    platform=path.strip("/").split("/")[0], status=status)
            await send(message)

        await self.app(scope, receive, answered)


# -- the endpoints --------------------------------------------------------------------------------
router = APIRouter()


async def _check(probe: Callable[[], Awaitable[bool]]) -> bool:
    try:
        return bool(await asyncio.wait_for(probe(), CHECK_TIMEOUT_SECONDS))
    except Exception:  # a probe that fails in any way means: not working
        return False


async def checks(application: Any) -> dict[str, bool]:
    probes: dict[str, Callable[[], Awaitable[bool]]] = {
        "state_store": application.states.ping, "case_store": application.cases.ping}
    pipeline = getattr(application, "pipeline", None)
    if pipeline is not None:
        probes["intake"] = pipeline.intake.ping
    results = await asyncio.gather(*(_check(probe) for probe in probes.values()))
    found = dict(zip(probes, results, strict=True))
    if pipeline is not None and pipeline.worker_expected:
        found["worker"] = pipeline.worker_alive()
    return found


@router.get("/healthz")
async def healthz(request: Request) -> JSONResponse:
    found = await checks(request.app.state.application)
    healthy = all(found.values())
    return JSONResponse({"ok": healthy, "checks": found, "failing": [k for k, v in found.items() if not v]},
                        status_code=200 if healthy else 503)


@router.get("/readyz")
async def readyz(request: Request) -> JSONResponse:
    found = await checks(request.app.state.application)
    ready = found.get("intake", True) and found.get("worker", True)
    return JSONResponse({"ready": ready, "checks": found, "failing": [k for k, v in found.items() if not v]},
                        status_code=200 if ready else 503)


@router.get("/metrics")
async def metrics(request: Request) -> PlainTextResponse:
    application = request.app.state.application
    pipeline = application.pipeline
    text = await pipeline.exposition() if pipeline is not None else ""
    return PlainTextResponse(text, media_type="text/plain; version=0.0.4; charset=utf-8")
