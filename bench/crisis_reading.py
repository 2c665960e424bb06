"""How fast the crisis reading is: `python bench/crisis_reading.py` prints microseconds per message."""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from flows.crisis import detect

TESTS = Path(__file__).resolve().parent.parent / "tests" / "flows"
LABELLED = TESTS / "crisis_labelled.json"
SETS = TESTS / "crisis_sets"  # the held-out test and tuning sets per language
SHORT = ("/start", "Hello", "Report a problem", "Сообщить о проблеме", "Шағым беру", "menu", "Привет", "15",
         "Almaty", "Алматы", "yes", "Иә")


def timed(texts: list[str], rounds: int = 5) -> list[float]:
    per_message: list[float] = []
    for _ in range(rounds):
        for text in texts:
            start = time.perf_counter()
            detect(text)
            per_message.append((time.perf_counter() - start) * 1e6)
    return per_message


def main() -> None:
    data = json.loads(LABELLED.read_text(encoding="utf-8"))
    rows = data["examples"] if isinstance(data, dict) else data
    for path in sorted(SETS.glob("*.json")):
        rows += json.loads(path.read_text(encoding="utf-8"))
    texts = [row["text"] for row in rows]
    typical = timed(texts)
    calm_long = ("В школе был обычный день, мы писали контрольную по математике. " * 160)[:10_000]
    long = timed([calm_long, "😂" * 10_000, "x" * 100_000], rounds=3)
    q = statistics.quantiles(typical, n=100)
    print(f"labelled messages: {len(texts)}")
    print(f"typical message: p50 {q[49]:.0f} us, p99 {q[98]:.0f} us")
    print(f"10k-100k character texts: max {max(long) / 1000:.1f} ms")
    # Most updates a worker reads are commands and button labels, not stories (bench.load's mix).
    short = timed(list(SHORT), rounds=200)
    s = statistics.quantiles(short, n=100)
    print(f"short messages ({len(SHORT)}: commands, button labels, a greeting): p50 {s[49]:.0f} us, p99 {s[98]:.0f} us")


if __name__ == "__main__":
    main()
