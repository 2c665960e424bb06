"""Counters and latency histograms for Prometheus (prometheus_client), and health and readiness.

`/metrics`: updates in, duplicates, processed, retries, failures, set aside, answers 503, queue
depth, webhook answer / accepted-to-processed / processing latency histograms, messages sent,
every channel counter, and the process's own figures (CPU, memory, open files, GC). Each process
has its own registry and exposes its own figures; every counter a platform can have is there from
the start at 0, so an alert on its increase sees the first one.

Label values never come from a payload as they are: anything outside `[A-Za-z0-9_.:-]{1,64}` is
exposed as "other" (a signed WhatsApp message type holding a newline or a lone surrogate once
added lines to the exposition or broke it until a restart).

`/healthz`: each part and whether it works (200 only when all do). `/readyz`: whether this process
can take webhooks now: 503 only when updates cannot be stored (the intake, i.e. Redis, is down),
so a load balancer stops sending and the platforms retry later. The case database being down is
reported but does not make the process unready: updates are stored and processed once it is back.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import math
import re
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    GCCollector,
    Histogram,
    PlatformCollector,
    ProcessCollector,
    disable_created_metrics,
    generate_latest,
)
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)

# `*_created` samples double the exposition and no alert of ours reads them.
disable_created_metrics()  # type: ignore[no-untyped-call]

Labels = tuple[tuple[str, str], ...]
BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, math.inf)
CHECK_TIMEOUT_SECONDS = 2.0
PLATFORMS = ("telegram", "whatsapp")
_SAFE_LABEL = re.compile(r"[A-Za-z0-9_.:\-]{1,64}")

# name: (kind, help, label names). Names are those of docs/deployment.md and the dashboards.
FAMILIES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "helpline_updates_received_total": ("counter", "updates stored by a webhook", ("platform",)),
    "helpline_updates_duplicate_total": ("counter", "updates delivered again (stage: webhook or worker)",
                                         ("platform", "stage")),
    "helpline_updates_processed_total": ("counter", "updates processed to the end", ("platform",)),
    "helpline_updates_redelivered_total": ("counter", "saved replies sent after a worker stopped mid-way",
                                           ("platform",)),
    "helpline_update_retries_total": ("counter", "updates left for a later attempt", ()),
    "helpline_update_failures_total": ("counter", "failed attempts at an update (kind: transient or error)",
                                       ("platform", "kind")),
    "helpline_updates_set_aside_total": ("counter", "updates that kept failing, moved aside for a person",
                                         ("platform",)),
    "helpline_webhook_unavailable_total": ("counter", "webhook calls answered 503: the update was not stored",
                                           ("platform",)),
    "helpline_lane_busy_total": ("counter", "tickets for a lane another worker held (it drains the lane)", ()),
    "helpline_lane_reclaimed_total": ("counter", "tickets taken over after CLAIM_IDLE_SECONDS (a worker died)",
                                      ()),
    "helpline_webhook_seconds": ("histogram", "webhook call to answer", ("platform", "status")),
    "helpline_update_seconds": ("histogram", "update stored to processed (its reply sent)", ("platform",)),
    "helpline_processing_seconds": ("histogram", "processing of one update by a worker", ("platform",)),
}
# Read at scrape time from the pipeline (Pipeline.exposition): name -> (kind, help, label name).
SCRAPED = {
    "helpline_queue": ("gauge", "intake queue: stored (not yet processed), tickets, set_aside", "part"),
    "helpline_worker_active": ("gauge", "lanes being processed by this process", ""),
    "helpline_outbox_total": ("counter", "outgoing messages: sent, already sent (skipped), retries, failures",
                              "event"),
    "helpline_channel_total": ("counter", "the channels' own counters", "counter"),
}


def label(value: str) -> str:
    """A label value safe to expose: ours as they are, anything else "other"."""
    return value if _SAFE_LABEL.fullmatch(value) else "other"


class Metrics:
    """This process's figures, in a registry of its own (several apps may live in one test process)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self._families: dict[str, Counter | Histogram] = {}
        self._scraped: dict[tuple[str, str], float] = {}
        for name, (kind, text, names) in FAMILIES.items():
            self._family(name, kind, text, names)
        ProcessCollector(registry=self.registry)
        PlatformCollector(registry=self.registry)
        GCCollector(registry=self.registry)
        self.registry.register(_Scraped(self._scraped))

    def _family(self, name: str, kind: str, text: str, names: Iterable[str]) -> Counter | Histogram:
        family: Counter | Histogram
        if kind == "histogram":
            family = Histogram(name, text, tuple(names), buckets=BUCKETS, registry=self.registry)
        else:
            family = Counter(name, text, tuple(names), registry=self.registry)
        self._families[name] = family
        return family

    def _child(self, name: str, kind: str, labels: Mapping[str, str]) -> Any:
        family = self._families.get(name)
        if family is None:  # a counter no table lists yet: its labels are those of its first use
            family = self._family(name, kind, name.replace("_", " "), sorted(labels))
        if not labels:
            return family
        return family.labels(**{key: label(str(value)) for key, value in labels.items()})

    def prime(self, platforms: Iterable[str]) -> None:
        """Every per-platform counter at 0 from the start (an alert on an increase sees the first one)."""
        for platform in platforms:
            for name, (kind, _, names) in FAMILIES.items():
                if kind == "counter" and names == ("platform",):
                    self._child(name, kind, {"platform": platform})
            for kind_of_failure in ("transient", "error"):
                self._child("helpline_update_failures_total", "counter",
                            {"platform": platform, "kind": kind_of_failure})

    def inc(self, name: str, value: float = 1.0, **labels: str) -> None:
        try:
            self._child(name, "counter", labels).inc(value)
        except ValueError:  # labels other than the family's: a bug to see in the logs, never a failed update
            log.exception("metric not counted", extra={"metric": name})

    def observe(self, name: str, seconds: float, **labels: str) -> None:
        try:
            self._child(name, "histogram", labels).observe(seconds)
        except ValueError:
            log.exception("metric not observed", extra={"metric": name})

    def value(self, name: str, **labels: str) -> float:
        found = self.registry.get_sample_value(name, {k: label(v) for k, v in labels.items()})
        return float(found or 0.0)

    def render(self, scraped: Mapping[tuple[str, str], float]) -> str:
        """The exposition, with the figures read at scrape time: (family, label value) -> value."""
        self._scraped.clear()
        for (name, part), value in scraped.items():  # names that became "other" add up
            key = (name, label(part) if part else "")
            self._scraped[key] = self._scraped.get(key, 0.0) + value
        return generate_latest(self.registry).decode("utf-8")


class _Scraped(Collector):
    """Figures the pipeline reads when scraped (queue depth, outbox and channel counters)."""

    def __init__(self, values: Mapping[tuple[str, str], float]) -> None:
        self.values = values

    def collect(self) -> Iterator[Metric]:
        for name, (kind, text, label_name) in SCRAPED.items():
            rows = [(part, value) for (family, part), value in sorted(self.values.items()) if family == name]
            names = [label_name] if label_name else []
            metric: CounterMetricFamily | GaugeMetricFamily
            if kind == "counter":
                metric = CounterMetricFamily(name, text, labels=names)
            else:
                metric = GaugeMetricFamily(name, text, labels=names)
            for part, value in rows:
                metric.add_metric([part] if label_name else [], value)
            yield metric


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
        first = path.strip("/").split("/")[0]
        platform = first if first in PLATFORMS else "other"  # the path is anyone's to choose

        async def answered(message: Message) -> None:
            if message["type"] == "http.response.start":
                metrics = self.metrics()
                if metrics is not None:
                    metrics.observe("helpline_webhook_seconds", time.perf_counter() - started,
                                    platform=platform, status=str(message["status"]))
            await send(message)

        await self.app(scope, receive, answered)


# -- health and readiness ---------------------------------------------------------------------------
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


async def health(application: Any) -> tuple[int, dict[str, Any]]:
    found = await checks(application)
    healthy = all(found.values())
    return (200 if healthy else 503), {"ok": healthy, "checks": found,
                                       "failing": [k for k, v in found.items() if not v]}


async def readiness(application: Any) -> tuple[int, dict[str, Any]]:
    found = await checks(application)
    ready = found.get("intake", True) and found.get("worker", True)
    return (200 if ready else 503), {"ready": ready, "checks": found,
                                     "failing": [k for k, v in found.items() if not v]}


async def exposition(application: Any) -> str:
    pipeline = getattr(application, "pipeline", None)
    return await pipeline.exposition() if pipeline is not None else ""


health_router = APIRouter()
metrics_router = APIRouter()


@health_router.get("/healthz")
async def healthz(request: Request) -> JSONResponse:
    status, body = await health(request.app.state.application)
    return JSONResponse(body, status_code=status)


@health_router.get("/readyz")
async def readyz(request: Request) -> JSONResponse:
    status, body = await readiness(request.app.state.application)
    return JSONResponse(body, status_code=status)


@metrics_router.get("/metrics")
async def metrics(request: Request) -> Response:
    return Response(await exposition(request.app.state.application), media_type=CONTENT_TYPE_LATEST)


# -- METRICS_PORT: a listener of its own, off the public network -------------------------------------
async def start_server(application: Any, host: str, port: int) -> asyncio.Server:
    """GET /metrics, /healthz and /readyz on `port` (a minimal HTTP/1.0 server: scrapes and probes only)."""
    return await asyncio.start_server(lambda r, w: _answer(application, r, w), host, port)


async def _answer(application: Any, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        request = await asyncio.wait_for(reader.readline(), 5)
        path = request.decode("latin-1").split(" ")[1] if request.count(b" ") >= 2 else ""
        status, kind, body = 404, "text/plain", "not found\n"
        if path == "/metrics":
            status, kind, body = 200, CONTENT_TYPE_LATEST, await exposition(application)
        elif path in ("/healthz", "/readyz"):
            status, found = await (health(application) if path == "/healthz" else readiness(application))
            kind, body = "application/json", json.dumps(found)
        data = body.encode()
        writer.write(f"HTTP/1.0 {status} X\r\nContent-Type: {kind}\r\nContent-Length: {len(data)}\r\n\r\n".encode()
                     + data)
        await writer.drain()
    except (TimeoutError, OSError, IndexError):
        pass
    finally:
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()
