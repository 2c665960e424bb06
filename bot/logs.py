"""Structured logs: a message and named fields (ids, hashes, lengths, outcomes), never user text.

The code logs with `extra={...}` fields and fixed messages; this module prints them as
`key=value` after the message (`LOG_FORMAT=text`) or as one JSON object a line (`json`).
Two guards for what libraries log: the access log loses its query strings (Meta's verification
call carries `hub.verify_token` there), and HTTP clients' request lines (URLs) are not logged.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

_STANDARD = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime", "taskName",
                                                                          "color_message"}


def fields(record: logging.LogRecord) -> dict[str, Any]:
    return {k: v for k, v in vars(record).items() if k not in _STANDARD and not k.startswith("_")}


class TextFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        extra = " ".join(f"{k}={v}" for k, v in fields(record).items())
        line = super().format(record)
        return f"{line} {extra}" if extra else line


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {"at": round(record.created, 3), "level": record.levelname, "logger": record.name,
                                "msg": record.getMessage(), **fields(record)}
        if record.exc_info and record.exc_info[0] is not None:
            data["error"] = record.exc_info[0].__name__  # the type only: a message can quote input
        return json.dumps(data, ensure_ascii=False, default=str)


class NoQueryString(logging.Filter):
    """uvicorn's access lines without the query string."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and len(record.args) >= 3:
            args = list(record.args)
            path = args[2]
            if isinstance(path, str):
                args[2] = path.split("?", 1)[0]
                record.args = tuple(args)
        return True


def configure(level: int = logging.INFO, style: str = "text") -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if style == "json" else TextFormatter())
    if style != "json":
        logging.Formatter.converter = time.localtime
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    quiet_libraries()


def quiet_libraries() -> None:
    """Libraries that would log URLs (query strings, ids) at INFO or DEBUG."""
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, NoQueryString) for f in access.filters):
        access.addFilter(NoQueryString())
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)
