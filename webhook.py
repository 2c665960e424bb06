"""The web application: platform webhooks, health, readiness, metrics, and the web chat simulator.

Thin on purpose: verify, parse, store (bot/delivery/intake.py), answer; workers process behind it.
With ENVIRONMENT=production only the webhooks, /healthz and /readyz are served here: no simulator
(anyone could file cases and alert the operators with it), no OpenAPI schema, and /metrics only on
METRICS_PORT, a port of its own kept off the public network (docs/deployment.md).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from bot import heap
from bot.app import build_application
from bot.delivery import metrics
from bot.desk_wiring import build_web_desk, tell_first_account
from bot.settings import Settings
from handlers import desk_web, simulator, telegram, whatsapp


def create_app(settings: Settings | None = None, *, settle_heap: bool = False) -> FastAPI:
    """The FastAPI application; storage and catalogs are opened at start-up.

    settle_heap: freeze what start-up allocated out of the garbage collector's reach (`bot.heap`), for
    the long-running server; tests that build many applications leave it off."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        application = await build_application(settings)
        app.state.application = application
        if application.desk is not None:
            application.web_desk = build_web_desk(settings, application.desk, application.states,
                                                  application.translator)
            await tell_first_account(application.web_desk, settings)
        if application.pipeline is not None and (settings.serve_worker or not settings.redis_url):
            application.pipeline.start_worker()  # the embedded default always processes in-process
        if settle_heap:
            heap.settle()
        server = None
        if settings.metrics_port is not None:
            server = await metrics.start_server(application, settings.host, settings.metrics_port)
        try:
            yield
        finally:
            if server is not None:
                server.close()
            await application.close()

    production = settings.production
    app = FastAPI(title="Helpline bot", lifespan=lifespan, docs_url=None, redoc_url=None,
                  openapi_url=None if production else "/openapi.json")

    app.add_middleware(metrics.WebhookTimer, metrics=lambda: _metrics_of(app))
    app.include_router(metrics.health_router)  # /healthz, /readyz: the load balancer asks
    if not production:
        app.include_router(metrics.metrics_router)  # in production: METRICS_PORT only
    app.include_router(telegram.router)
    app.include_router(whatsapp.router)
    if not production:
        app.include_router(simulator.router)
    desk_web.mount(app)  # the web case desk at /desk
    return app


def _metrics_of(app: FastAPI) -> metrics.Metrics | None:
    pipeline = getattr(getattr(app.state, "application", None), "pipeline", None)
    return pipeline.metrics if pipeline is not None else None
