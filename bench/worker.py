"""`python -m bot worker` for the benchmark, with logs at warning (started by bench/load.py)."""

from __future__ import annotations

import logging

from bot import logs
from bot.settings import Settings
from bot.worker_command import main

if __name__ == "__main__":
    logs.configure(logging.WARNING)
    raise SystemExit(main(Settings()))
