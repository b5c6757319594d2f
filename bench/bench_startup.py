"""Start-up cost of `tnl --help` and `tnl criteria list` against `python -c "import typer"`.

Target (issue 2): at most 1.3x. Run: python bench/bench_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time


def median_ms(cmd: list[str], runs: int) -> float:
    env = dict(os.environ, NO_COLOR="1", COLUMNS="100")
    subprocess.run(cmd, capture_output=True, env=env, check=False)  # warm the disk cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, env=env, check=False)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    runs = parser.parse_args().runs
    py = sys.executable
    base = median_ms([py, "-c", "import typer"], runs)
    cases = {
        "tnl --help": [py, "-m", "tnl_cli", "--help"],
        "tnl criteria list": [py, "-m", "tnl_cli", "criteria", "list"],
        "tnl criteria list --format json": [py, "-m", "tnl_cli", "criteria", "list",
                                            "--format", "json"],
    }
    print(f"python -c 'import typer'          {base:7.1f} ms (median of {runs})")
    for name, cmd in cases.items():
        ms = median_ms(cmd, runs)
        print(f"{name:34s}{ms:7.1f} ms  ratio {ms / base:4.2f}x")


if __name__ == "__main__":
    main()
