"""What `tnl lookup` and `tnl software search` cost from a cold start, and proof that
`tnl --help` loads no reference data.

Budget (issue 6): a lookup adds at most 20 ms to a command (`tnl lookup 54395` against
`tnl --version`, both fresh interpreters); `tnl --help` must not load the data at all.
Bytecode is cached as in an installed package, in a temporary directory out of the tree.

Usage: python bench/bench_lookup.py [--runs 21]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_MS = 20.0
HEAVY = ("sqlite3", "rapidfuzz", "yaml", "rich", "questionary", "jinja2")
DATA_FILES = ("territoire.sqlite", "logiciels.json")
# Runs `tnl --help` in process and reports every file opened and every SQLite connection.
AUDIT = """
import json, sys
seen = []
def hook(event, args):
    if event in ("open", "sqlite3.connect") and args and isinstance(args[0], (str, bytes)):
        seen.append(str(args[0]))
sys.addaudithook(hook)
from tnl_cli.cli import main
try:
    main(["--help"])
except SystemExit:
    pass
sys.stderr.write("OPENED " + json.dumps(seen) + "\\n")
"""


def environment(pycache: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": pycache,
           "NO_COLOR": "1", "COLUMNS": "100"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def medians_ms(cases: dict[str, list[str]], runs: int, env: dict[str, str]) -> dict[str, float]:
    """Median wall time of each `python ARGS` in a fresh interpreter. Runs are interleaved
    (one of each case per round, after a warm-up round) so that a burst of load elsewhere on
    the machine weighs on every case alike rather than on one."""
    times: dict[str, list[float]] = {name: [] for name in cases}
    for round_ in range(runs + 1):
        for name, args in cases.items():
            start = time.perf_counter()
            subprocess.run([sys.executable, *args], capture_output=True, env=env, check=False)
            if round_:
                times[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in times.items()}


def help_imports(env: dict[str, str]) -> set[str]:
    """Top-level modules `tnl --help` imports, read from `-X importtime`."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "tnl_cli", "--help"],
                          capture_output=True, text=True, env=env, check=True)
    names = re.findall(r"^import time:\s+\d+ \|\s+\d+ \|\s*([\w.]+)$", done.stderr, re.MULTILINE)
    return {name.split(".")[0] for name in names}


def help_opens(env: dict[str, str]) -> list[str]:
    """Files and databases `tnl --help` opens, seen by an audit hook."""
    done = subprocess.run([sys.executable, "-c", AUDIT], capture_output=True, text=True,
                          env=env, check=True)
    line = next(line for line in done.stderr.splitlines() if line.startswith("OPENED "))
    return json.loads(line.removeprefix("OPENED "))


def yes_no(ok: bool) -> str:
    return "yes" if ok else "NO"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    runs = parser.parse_args().runs
    tnl = ["-m", "tnl_cli"]
    with tempfile.TemporaryDirectory() as pycache:
        env = environment(pycache)
        cases = {
            'python -c "import typer"': ["-c", "import typer"],
            "tnl --version": [*tnl, "--version"],
            "tnl --help": [*tnl, "--help"],
            "tnl lookup 54395": [*tnl, "lookup", "54395"],
            "tnl lookup 245400676 --format json": [*tnl, "lookup", "245400676", "--format", "json"],
            "tnl lookup nancy": [*tnl, "lookup", "nancy"],
            "tnl lookup st etienne": [*tnl, "lookup", "st", "etienne"],
            "tnl lookup nanci (close match)": [*tnl, "lookup", "nanci"],
            'tnl software search "libre office"': [*tnl, "software", "search", "libre office"],
        }
        times = medians_ms(cases, runs, env)
        imported = help_imports(env)
        opened = help_opens(env)

    base = times["tnl --version"]
    print(f"cold start, median of {runs} runs (python {sys.version.split()[0]}):")
    for name, ms in times.items():
        extra = "" if name == "tnl --version" else f"  ({ms - base:+6.1f} ms vs tnl --version)"
        print(f"  {name:38s}{ms:7.1f} ms{extra}")
    cost = times["tnl lookup 54395"] - base
    print(f"lookup cost: tnl lookup 54395 - tnl --version = {cost:.1f} ms "
          f"(budget {BUDGET_MS:.0f} ms): within budget {yes_no(cost <= BUDGET_MS)}")
    heavy = sorted(set(HEAVY) & imported)
    touched = [name for name in DATA_FILES if any(name in path for path in opened)]
    print(f"tnl --help imports none of {', '.join(HEAVY)}: {yes_no(not heavy)}"
          + (f" (imports {', '.join(heavy)})" if heavy else ""))
    print(f"tnl --help opens neither {' nor '.join(DATA_FILES)}: {yes_no(not touched)}"
          + (f" (opens {', '.join(touched)})" if touched else ""))


if __name__ == "__main__":
    main()
