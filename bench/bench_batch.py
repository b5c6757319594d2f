"""`tnl batch` on every French collectivity, against a bare `csv` read of the same file.

Generates realistic rows for the newest edition (real names, INSEE codes, SIRENs and
populations from the bundled territory database; answers drawn from engagement profiles, as
spreadsheets write them: oui/non/x, decimal commas, software lists, URLs), then times, as fresh
processes, a script that only reads the file with csv.reader and `tnl batch FILE -o out.csv`:
with every CPU the process may use, and restricted to one CPU (as on a single-core machine);
with the identity columns checked against the official geography, and the same file without
its code columns (nothing to check). Targets: 37,000 rows in at most 3x the bare read, process
start included; identity checks adding at most 20 %; peak resident memory under 100 MiB for
370,000 rows (memory flat in the number of rows).

Usage: python bench/bench_batch.py [--rows 37000] [--memory-rows 370000] [--runs 7] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tnl_cli.core.catalog import Criterion  # noqa: E402
from tnl_cli.loaders.catalogs import load_edition  # noqa: E402
from tnl_cli.textnorm import fold  # noqa: E402

DB = ROOT / "tnl_cli" / "data" / "territoire.sqlite"
BARE = (
    "import csv, sys\n"
    "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
    "    rows = sum(1 for _ in csv.reader(f, delimiter=';'))\n"
)
SOFTWARE = ("LibreOffice", "Firefox", "Thunderbird", "Microsoft Office", "Outlook", "Windows",
            "Debian", "QGIS", "GLPI", "Nextcloud", "Pastell", "S²LOW", "Moodle", "Chrome",
            "ArcGIS", "Ubuntu", "Zimbra", "Matomo", "WordPress", "Adobe Acrobat")
FIRST = ("Marie", "Jean", "Nathalie", "Pierre", "Sophie", "Luc", "Aïcha", "Gaël", "Hélène")
LAST = ("Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Nguyen", "Benali", "Le Goff")


def collectivities() -> Iterator[tuple[str, str, str, str, int | None]]:
    """(name, type, INSEE code, SIREN, population) of every commune, EPCI, département."""
    db = sqlite3.connect(DB)
    yield from ((n, "commune", i, s or "", p) for n, i, s, p in
                db.execute("SELECT name, insee, siren, population FROM commune "
                            "WHERE insee NOT LIKE '98%' ORDER BY insee"))
    yield from ((n, k, "", s, p) for n, k, s, p in
                db.execute("SELECT name, kind, siren, population FROM epci ORDER BY siren"))
    yield from ((n, "departement", c, "", p) for n, c, p in
                db.execute("SELECT name, code, population FROM departement "
                            "WHERE kind = 'departement' AND same_as IS NULL ORDER BY code"))
    db.close()


def answer(c: Criterion, engagement: float, rng: random.Random, slug: str) -> str:
    """One cell as a person fills it in; empty when unanswered."""
    if rng.random() > 0.35 + 0.6 * engagement:
        return ""
    yes = rng.random() < engagement
    if c.type == "boolean":
        return rng.choice(("oui", "x", "Oui", "OUI")) if yes else rng.choice(("non", "Non"))
    if c.type == "choice":
        return rng.choice(c.choices).value
    if c.type == "multi":  # mostly in the template's order, sometimes not
        picked = rng.sample(c.choices, rng.randint(1, len(c.choices)))
        if rng.random() < 0.7:
            picked = [ch for ch in c.choices if ch in picked]
        return "|".join(ch.value for ch in picked)
    if c.type == "number":
        low = c.minimum or 0.0
        high = c.maximum if c.maximum is not None else 1000.0
        if high - low <= 100:  # percentages, years: mostly whole, sometimes "12,5"
            value = low + rng.uniform(0, high - low) * engagement
            return f"{round(value, rng.choice((0,) * 9 + (1,))):g}".replace(".", ",")
        if c.unit and c.unit.get("fr") == "€":  # amounts, rounded as people do
            return str(rng.randint(0, 200) * 500)
        return str(int(10 ** rng.uniform(0, 3 * engagement)))  # counts: mostly small
    if c.type == "url":
        return f"https://www.{slug}.fr/{c.id.replace('_', '-')}" if yes else ""
    if c.type == "inventory":
        return " | ".join(rng.sample(SOFTWARE, rng.randint(2, 8)))
    return f"Démarche engagée en {rng.randint(2015, 2025)} ({slug})" if yes else ""


def generate(path: Path, rows: int, seed: int = 2025) -> None:
    """Write `rows` rows (repeating France's collectivities as needed), UTF-8 BOM and `;`."""
    catalog = load_edition()
    rng = random.Random(seed)
    everyone = list(collectivities())
    header = ["nom", "type", "code_insee", "siren", "population", "agents", "elu_referent",
              "responsable"] + [c.id for c in catalog.criteria]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(header)
        for n in range(rows):
            name, kind, insee, siren, population = everyone[n % len(everyone)]
            engagement = rng.betavariate(1.2, 3.0)
            slug = fold(name).replace(" ", "")[:20] or "collectivite"
            agents = "" if population is None else f"{population / 90:.1f}".replace(".", ",")
            elu = f"{rng.choice(FIRST)} {rng.choice(LAST)}" if rng.random() < 0.6 else ""
            resp = (f"{rng.choice(FIRST)} {rng.choice(LAST)}, DSI, dsi@{slug}.fr"
                    if rng.random() < 0.5 else "")
            out.writerow([name, kind, insee, siren, population or "", agents, elu, resp]
                         + [answer(c, engagement, rng, slug) for c in catalog.criteria])


def without_codes(source: Path, target: Path) -> None:
    """The same file without its code_insee and siren columns: nothing to check them against."""
    with source.open(encoding="utf-8-sig", newline="") as inp, \
            target.open("w", encoding="utf-8-sig", newline="") as out:
        rows = csv.reader(inp, delimiter=";")
        header = next(rows)
        keep = [j for j, name in enumerate(header) if name not in ("code_insee", "siren")]
        writer = csv.writer(out, delimiter=";")
        for row in [header, *rows]:
            writer.writerow([row[j] for j in keep])


def environment(pycache: str) -> dict[str, str]:
    """Run from the source tree with bytecode cached (kept out of it), as an installed package
    runs; no catalog cache of a previous version either."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": pycache}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


ENV: dict[str, str] = {}
ONE_CPU = "one CPU"  # a command run on one CPU, as on a single-core machine (one process then)


def _one_cpu() -> None:
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def timed(commands: list[list[str]], runs: int) -> list[float]:
    """Median wall time of each command over `runs` fresh processes (after one warm-up run),
    the commands taking turns so that a busy moment of the machine weighs on all of them."""
    times: list[list[float]] = [[] for _ in commands]
    for round_ in range(runs + 1):
        for cmd, spent in zip(commands, times, strict=True):
            one_cpu = cmd[0] == ONE_CPU
            start = time.perf_counter()
            done = subprocess.run(cmd[one_cpu:], check=False, capture_output=True, env=ENV,
                                  preexec_fn=_one_cpu if one_cpu else None)
            if round_:
                spent.append(time.perf_counter() - start)
            if done.returncode not in (0, 1):
                sys.exit(f"{' '.join(cmd)} failed:\n{done.stderr.decode()}")
    return [statistics.median(spent) for spent in times]


def peak_rss_mib(cmd: list[str]) -> float:
    """Peak resident memory of the largest process `cmd` starts (itself or a worker),
    measured in a fresh parent so no other child counts."""
    probe = ("import resource, subprocess, sys; done = subprocess.run(sys.argv[1:], "
             "capture_output=True); assert done.returncode in (0, 1), done.stderr; "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    done = subprocess.run([sys.executable, "-c", probe, *cmd], check=True, capture_output=True,
                          text=True, env=ENV)
    return int(done.stdout.strip()) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=37_000)
    parser.add_argument("--memory-rows", type=int, default=370_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="generate the files in this directory")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        ENV.update(environment(os.path.join(tmp, "pycache")))
        where = args.keep or Path(tmp)
        where.mkdir(parents=True, exist_ok=True)
        small, big = where / "collectivites.csv", where / "collectivites-x10.csv"
        plain = where / "collectivites-sans-codes.csv"
        generate(small, args.rows)
        without_codes(small, plain)
        bare_script = where / "bare_read.py"
        bare_script.write_text(BARE, encoding="utf-8")

        def tnl(file: Path, one_cpu: bool = False) -> list[str]:
            return [*([ONE_CPU] if one_cpu else []), sys.executable, "-m", "tnl_cli", "batch",
                    str(file), "-o", str(where / "out.csv"), "--force"]

        bare_read = [sys.executable, str(bare_script), str(small)]
        bare, full, plain_full, one, plain_one = timed(
            [bare_read, tnl(small), tnl(plain), tnl(small, True), tnl(plain, True)], args.runs)
        size = small.stat().st_size / 2**20
        cpus = len(os.sched_getaffinity(0))
        print(f"{args.rows:,} rows ({size:.1f} MiB), median of {args.runs} fresh processes "
              f"taking turns, {cpus} CPU(s):")
        print(f"  bare csv.reader read           : {bare:.3f} s")
        for label, checked, unchecked in ((f"all {cpus} CPU(s)", full, plain_full),
                                          ("one CPU", one, plain_one)):
            print(f"  tnl batch -o out.csv, {label:9}: {checked:.3f} s = {checked / bare:.2f}x "
                  "the bare read (target: at most 3x)")
            print(f"    without the code columns    : {unchecked:.3f} s: identity checks add "
                  f"{(checked - unchecked) / unchecked:.0%} (target: at most 20 %)")
        if args.memory_rows:
            generate(big, args.memory_rows)
            rss = peak_rss_mib(tnl(big))
            bare_rss = peak_rss_mib([sys.executable, str(bare_script), str(big)])
            print(f"{args.memory_rows:,} rows ({big.stat().st_size / 2**20:.0f} MiB):")
            print(f"  peak RSS per process, tnl batch : {rss:.1f} MiB (target: under 100 MiB; "
                  f"bare read {bare_rss:.1f} MiB)")
            small_rss = peak_rss_mib(tnl(small))
            print(f"  same at {args.rows:,} rows         : {small_rss:.1f} MiB (flat if close)")


if __name__ == "__main__":
    main()
