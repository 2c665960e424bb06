"""The web application: platform webhooks, health, readiness, metrics, and the web chat simulator.

Thin on purpose: verify, parse, store (bot/delivery/intake.py), answer; workers process behind it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from bot.app import build_application
from bot.delivery import metrics
from bot.desk_wiring import build_web_desk, tell_first_account
from bot.settings import Settings
from handlers import desk_web, simulator, telegram, whatsapp


def create_app(settings: Settings | None = None) -> FastAPI:
    """The FastAPI application; storage and catalogs are opened at start-up."""
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
        try:
            yield
        finally:
            await application.close()

    app = FastAPI(title="Helpline bot", lifespan=lifespan, docs_url=None, redoc_url=None)

    app.add_middleware(metrics.WebhookTimer, metrics=lambda: _metrics_of(app))
    app.include_router(metrics.router)  # /healthz, /readyz, /metrics
    app.include_router(telegram.router)
    app.include_router(whatsapp.router)
    app.include_router(simulator.router)
    desk_web.mount(app)  # the web case desk at /desk
    return app


def _metrics_of(app: FastAPI) -> metrics.Metrics | None:
    pipeline = getattr(getattr(app.state, "application", None), "pipeline", None)
    return pipeline.metrics if pipeline is not None else None
