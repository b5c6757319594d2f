"""Start-up cost of `tnl --help` and `tnl criteria list` against `python -c "import typer"`.

Target (issue 2): at most 1.3x. Run: python bench/bench_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _env(cache: str) -> dict[str, str]:
    """Bytecode cached as an installed package has it (some sandboxes forbid writing it)."""
    env = dict(os.environ, NO_COLOR="1", COLUMNS="100", PYTHONPYCACHEPREFIX=cache)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def medians_ms(cases: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall time per command, the commands run in turn so machine load hits all alike."""
    times: dict[str, list[float]] = {name: [] for name in cases}
    with tempfile.TemporaryDirectory() as cache:
        env = _env(cache)
        for cmd in cases.values():  # warm the disk and bytecode caches
            subprocess.run(cmd, capture_output=True, env=env, check=False)
        for _ in range(runs):
            for name, cmd in cases.items():
                start = time.perf_counter()
                subprocess.run(cmd, capture_output=True, env=env, check=False)
                times[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    runs = parser.parse_args().runs
    py = sys.executable
    tnl = str(Path(py).with_name("tnl"))
    tnl_cmd = [tnl] if Path(tnl).exists() else [py, "-m", "tnl_cli"]
    cases = {
        "import typer": [py, "-c", "import typer"],
        "tnl --help": [*tnl_cmd, "--help"],
        "tnl criteria list": [*tnl_cmd, "criteria", "list"],
        "tnl criteria list --format json": [*tnl_cmd, "criteria", "list", "--format", "json"],
    }
    results = medians_ms(cases, runs)
    base = results.pop("import typer")
    print(f"python -c 'import typer'          {base:7.1f} ms (median of {runs})")
    for name, ms in results.items():
        print(f"{name:34s}{ms:7.1f} ms  ratio {ms / base:4.2f}x")


if __name__ == "__main__":
    main()
