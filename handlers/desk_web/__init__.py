"""The web case desk: a front-end of the channel-neutral desk (bot/desk/), served at /desk.

Nothing here is reachable without a live session (the sign-in pages aside), every form carries
the session's CSRF token, and every rule is asked of bot/desk/ (docs/operators.md).
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles

from handlers.desk_web import auth, cases, chats, figures, staff
from handlers.desk_web.web import HERE, PREFIX, BadCsrf, DeskServices, NotSignedIn, redirect, render

__all__ = ["DeskServices", "mount"]


def mount(app: FastAPI) -> None:
    """Serve the desk at /desk on the application."""
    router = APIRouter(prefix=PREFIX)
    for module in (auth, cases, chats, figures, staff):
        router.include_router(module.router)
    app.include_router(router)
    app.mount(PREFIX + "/static", StaticFiles(directory=HERE / "static"), name="desk-static")

    @app.exception_handler(NotSignedIn)
    async def not_signed_in(request: Request, _error: NotSignedIn) -> Response:
        if request.method == "GET" and not request.url.path.endswith("/events"):
            return redirect("/signin")
        return Response("Not signed in.", status_code=401)

    @app.exception_handler(BadCsrf)
    async def bad_csrf(request: Request, _error: BadCsrf) -> Response:
        return render(request, "error.html", None, 403, reason="csrf")
