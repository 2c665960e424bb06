"""`python -m bot worker` for the benchmark, with logs at warning (started by bench/load.py).

With `BENCH_PROFILE=<file>` the worker runs under cProfile (CPU time, not wall time: a sampling
profiler on a loaded two-core machine mostly shows where the process was preempted) and writes
its statistics there when it stops; read them with `python -m pstats <file>`.
"""

from __future__ import annotations

import cProfile
import logging
import os
import time

from bot import logs
from bot.settings import Settings
from bot.worker_command import main

if __name__ == "__main__":
    logs.configure(logging.WARNING)
    target = os.environ.get("BENCH_PROFILE")
    if not target:
        raise SystemExit(main(Settings()))
    profile = cProfile.Profile(time.process_time)
    code = profile.runcall(main, Settings())
    profile.dump_stats(target)
    raise SystemExit(code)
