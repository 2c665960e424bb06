"""The bot's web server for the benchmark: `python -m bot serve` without the access log.

`python -m bench.serve PORT` with the settings in the environment (started by bench/load.py)."""

from __future__ import annotations

import logging
import sys

import uvicorn

from bot import logs
from bot.settings import Settings
from webhook import create_app


def main() -> None:
    logs.configure(logging.WARNING)
    uvicorn.run(create_app(Settings(), settle_heap=True), host="127.0.0.1", port=int(sys.argv[1]), log_config=None,
                access_log=False, log_level="warning", backlog=2048)


if __name__ == "__main__":
    main()
