"""What collectivity lookups cost and how well name search ranks: cold start, batch, quality.

Commands may look a collectivity up at start-up (budget: 20 ms more than the interpreter they
run in), and `batch` may look up every commune of France; this prints both figures, then how
name search ranks realistic queries and random one-letter typos of real names.

Usage: python bench/bench_territory.py [--runs 20] [--typos 500]
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tnl_cli.reference import territory, territory_index  # noqa: E402  (imports nothing heavy; cold starts run apart)

DB = ROOT / "tnl_cli" / "data" / "territoire.sqlite"
BUDGET_MS = 20.0
COLD = {
    "by_insee('54395')": "territory.by_insee('54395')",
    "search('nancy')": "territory.search('nancy')",
    "search('saint etienne')": "territory.search('saint etienne')",
    "search('nanci') (typo)": "territory.search('nanci')",
    "search('metropole grand nancy')": "territory.search('metropole grand nancy')",
}
COMMAND = "import typer, rich.console"
# (query as a user types it, INSEE code or SIREN of the collectivity meant)
QUERIES = (
    ("nancy", "54395"),
    ("saint etienne", "42218"),
    ("st etienne", "42218"),
    ("lhay les roses", "94038"),
    ("Ville de Paris", "75056"),
    ("Meurthe-et-Moselle", "54"),
    ("Meurthe et Mosele", "54"),
    ("nanci", "54395"),
    ("marseile", "13055"),
    ("montpelier", "34172"),
    ("Strasbourgg", "67482"),
    ("metropole grand nancy", "245400676"),
    ("grand nancy", "245400676"),
    ("cc pays d orange", "248400236"),
    ("Communauté d'agglomération du Pays Ajaccien", "242010056"),
    ("aix marseille", "200054807"),
    ("ales agglo", "200066918"),
    ("pays basque", "200067106"),
)
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def cold_medians(cases: dict[str, str], runs: int, pycache: str) -> dict[str, float]:
    """Median wall time of a fresh interpreter running each snippet, bytecode cached as in an
    installed package (kept in `pycache`, out of the source tree). Runs are interleaved, one of
    each case per round after a warm-up round, so machine load weighs on every case alike."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": pycache}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    times: dict[str, list[float]] = {name: [] for name in cases}
    for round_ in range(runs + 1):
        for name, code in cases.items():
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, env=env)
            if round_:
                times[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in times.items()}


def cold_start(runs: int) -> None:
    cases = {"python -c pass": "pass", COMMAND: COMMAND}
    for name, call in COLD.items():
        cases[name] = f"from tnl_cli.reference import territory; {call}"
        cases[f"{COMMAND}; {name}"] = f"{COMMAND}; from tnl_cli.reference import territory; {call}"
    with tempfile.TemporaryDirectory() as pycache:
        times = cold_medians(cases, runs, pycache)
    print(f"cold start, median of {runs} interleaved runs (python {sys.version.split()[0]}); "
          f"budget {BUDGET_MS:.0f} ms")
    print(f"  {'':34s}{'bare interpreter':>20s}{'after ' + COMMAND:>38s}")
    for name in COLD:
        bare = times[name] - times["python -c pass"]
        command = times[f"{COMMAND}; {name}"] - times[COMMAND]
        print(f"  {name:34s}{bare:+17.1f} ms{command:+35.1f} ms")


def identifier(found: territory.Collectivity) -> str | None:
    return found.insee if found.insee is not None else found.siren


def quality() -> None:
    """Where the collectivity meant comes in the results, and what comes first."""
    territory.search("warm up")
    print("ranking of realistic queries (rank of the collectivity meant; warm, in process):")
    firsts = 0
    for text, expected in QUERIES:
        start = time.perf_counter()
        found = territory.search(text)
        elapsed = (time.perf_counter() - start) * 1000
        codes = [identifier(c) for c in found]
        rank = codes.index(expected) + 1 if expected in codes else None
        firsts += rank == 1
        first = found[0].name if found else "-"
        print(f"  {text:45s} rank {rank!s:4s} {elapsed:5.1f} ms  first: {first}")
    print(f"  expected collectivity first: {firsts}/{len(QUERIES)}")


def typo(name: str, rng: random.Random) -> str:
    """One substitution, deletion, insertion or swap at a random place."""
    i = rng.randrange(len(name))
    edit = rng.choice("sdit")
    if edit == "s":
        return name[:i] + rng.choice(LETTERS) + name[i + 1 :]
    if edit == "d":
        return name[:i] + name[i + 1 :]
    if edit == "i":
        return name[:i] + rng.choice(LETTERS) + name[i:]
    return name[:i] + name[i + 1 : i + 2] + name[i : i + 1] + name[i + 2 :]


def typos(count: int) -> None:
    """First-result rate for one-letter typos of random commune and EPCI names (seeded). A
    homonym of the name meant counts as found: nothing in the text tells them apart."""
    db = sqlite3.connect(DB)
    names = [name for (name,) in db.execute("SELECT name FROM commune UNION ALL SELECT name FROM epci")]
    db.close()
    rng = random.Random(1)
    first = listed = 0
    times = []
    for name in rng.sample(names, count):
        meant = territory.normalise_name(name)
        start = time.perf_counter()
        found = [territory.normalise_name(c.name) for c in territory.search(typo(name, rng))]
        times.append((time.perf_counter() - start) * 1000)
        first += bool(found) and found[0] == meant
        listed += meant in found
    print(f"{count} one-letter typos of random names: meant first {first} ({first / count:.0%}), "
          f"among the 10 results {listed} ({listed / count:.0%}); search median "
          f"{statistics.median(times):.1f} ms, max {max(times):.1f} ms (warm)")


def batch() -> None:
    start = time.perf_counter()
    index = territory_index.load_index()
    loaded = time.perf_counter()
    db = sqlite3.connect(DB)
    codes = [code for (code,) in db.execute("SELECT insee FROM commune")]
    db.close()
    codes += ["99999"] * (37_000 - len(codes))  # unknown codes cost a lookup too
    found = sum(index.by_insee(code) is not None for code in codes)
    done = time.perf_counter()
    print(
        f"load_index {(loaded - start) * 1000:.0f} ms; {len(codes):,} by_insee lookups "
        f"({found:,} found) {(done - loaded) * 1000:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--typos", type=int, default=500)
    args = parser.parse_args()

    print(f"{DB.name}: {DB.stat().st_size / 1e6:.1f} MB")
    cold_start(args.runs)
    quality()
    typos(args.typos)
    batch()


if __name__ == "__main__":
    main()
