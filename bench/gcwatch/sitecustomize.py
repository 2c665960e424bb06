"""Garbage-collector pauses of a benchmarked process (`python -m bench.load --gc`), written to GCWATCH_DIR.

Python imports `sitecustomize` at start-up when it is on the path; bench/procs.py puts this folder there
only for `--gc`. Every collection's wall time is kept with the time it ended, and the list is written to
GCWATCH_DIR/<pid>.json at most once a second (uvicorn ends by re-raising SIGTERM, so no exit hook runs).
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time

_DIR = os.environ.get("GCWATCH_DIR")
_started: dict[int, float] = {}
_pauses: list[tuple[float, int, float]] = []  # (ended, unix seconds; generation; seconds)
_written = 0.0


def _write() -> None:
    assert _DIR is not None
    path = os.path.join(_DIR, f"{os.getpid()}.json")
    with open(path + ".tmp", "w", encoding="utf-8") as out:
        json.dump({"argv": sys.argv, "pauses": _pauses}, out)
    os.replace(path + ".tmp", path)


def _watch(phase: str, info: dict[str, int]) -> None:
    global _written
    generation = info["generation"]
    if phase == "start":
        _started[generation] = time.perf_counter()
        return
    _pauses.append((time.time(), generation, time.perf_counter() - _started.pop(generation, time.perf_counter())))
    if _pauses[-1][0] - _written > 1.0:
        _written = _pauses[-1][0]
        _write()


if _DIR:
    gc.callbacks.append(_watch)
