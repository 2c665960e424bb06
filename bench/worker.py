"""`python -m bot worker` for the benchmark, with logs at warning (started by bench/load.py).

With `BENCH_PROFILE=<file>` the worker runs under cProfile (CPU time, not wall time: a sampling
profiler on a loaded two-core machine mostly shows where the process was preempted) from the end of
its start-up on, and writes its statistics there when it stops; read them with `python -m pstats <file>`.
With `BENCH_TRACE=<file>` it writes a timeline instead, one line per step of each lane (bench/trace.py).
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
    if os.environ.get("BENCH_TRACE"):
        from bench import trace

        trace.install(os.environ["BENCH_TRACE"])
    target = os.environ.get("BENCH_PROFILE")
    if not target:
        raise SystemExit(main(Settings()))
    import bot.app

    profile = cProfile.Profile(time.process_time)
    build = bot.app.build_application

    async def built(settings: Settings) -> bot.app.Application:
        # Profiled from here on: the statistics are the work per update, not the start-up's
        # (importing aiogram's models alone is most of a profiled start).
        application = await build(settings)
        profile.enable()
        return application

    # Takes because bot/worker_command.py imports build_application when it runs, not when it is imported.
    bot.app.build_application = built  # type: ignore[assignment]
    code = main(Settings())
    profile.disable()
    profile.dump_stats(target)
    raise SystemExit(code)
