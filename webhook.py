"""The web application: platform webhooks, health, and the web chat simulator.

Thin on purpose: verify, parse, hand over to the service, answer.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from bot.app import Application, build_application
from bot.settings import Settings
from handlers import simulator, telegram, whatsapp


def create_app(settings: Settings | None = None) -> FastAPI:
    """The FastAPI application; storage and catalogs are opened at start-up."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        application = await build_application(settings)
        app.state.application = application
        try:
            yield
        finally:
            await application.close()

    app = FastAPI(title="Helpline bot", lifespan=lifespan, docs_url=None, redoc_url=None)

    @app.get("/healthz")
    async def healthz(request: Request) -> JSONResponse:
        application: Application = request.app.state.application
        checks = {"state_store": await application.states.ping(), "case_store": await application.cases.ping()}
        healthy = all(checks.values())
        return JSONResponse({"ok": healthy, "checks": checks}, status_code=200 if healthy else 503)

    app.include_router(telegram.router)
    app.include_router(whatsapp.router)
    app.include_router(simulator.router)
    return app
