"""How much a collectivity lookup costs a command: cold start and batch.

Commands may look a collectivity up at start-up (budget: 20 ms more than an empty interpreter),
and `batch` may look up every commune of France; this prints both figures.

Usage: python bench/bench_territory.py [--runs 20]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DB = ROOT / "tnl_cli" / "data" / "territoire.sqlite"
LOOKUP = "from tnl_cli import territory; territory.by_insee('54395')"


def median_ms(code: str, runs: int, pycache: str) -> float:
    """Median wall time of a fresh interpreter running `code`, with bytecode cached as in an
    installed package (kept in `pycache`, out of the source tree)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": pycache}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-c", code], check=True, env=env)  # warm the OS cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as pycache:
        empty = median_ms("pass", args.runs, pycache)
        lookup = median_ms(LOOKUP, args.runs, pycache)
        cli = median_ms("import typer, rich.console", args.runs, pycache)
        cli_lookup = median_ms(f"import typer, rich.console; {LOOKUP}", args.runs, pycache)
    print(
        f"cold start, median of {args.runs}: python -c pass {empty:.1f} ms, "
        f"one by_insee {lookup:.1f} ms, cost {lookup - empty:.1f} ms (budget 20 ms)"
    )
    print(
        f"in a Typer/Rich command: cost {cli_lookup - cli:.1f} ms "
        "(dataclasses, re... already imported)"
    )

    from tnl_cli import territory

    start = time.perf_counter()
    index = territory.load_index()
    loaded = time.perf_counter()
    codes = [code for (code,) in sqlite3.connect(DB).execute("SELECT insee FROM commune")]
    codes += ["99999"] * (37_000 - len(codes))  # unknown codes cost a lookup too
    found = sum(index.by_insee(code) is not None for code in codes)
    done = time.perf_counter()
    print(
        f"load_index {(loaded - start) * 1000:.0f} ms; {len(codes):,} by_insee lookups "
        f"({found:,} found) {(done - loaded) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
