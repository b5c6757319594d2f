"""`tnl opendata` and `tnl batch --opendata-dir` on a generated 1-million-dataset export.

Generates, into a temporary folder, data.gouv.fr-shaped exports in the real column order
(udata's CSV adapters): 20,000 organisations (most with a SIRET), 1,000,000 datasets (a
description with quotes, separators and a line break in one row out of ten; 8 % archived;
the licences' real titles) and 1,500,000 resources (one in twenty declaring a schema, most of
them SCDL). Then times, as fresh processes: a bare csv.reader pass over the three files (the
floor), `tnl opendata --siren S` for one collectivity, and `tnl batch` of 1,000 rows with
--opendata-dir (every organisation counted); it prints wall time, the files' size and the peak
resident memory of each process (getrusage of the child). Figures, not assertions.

Usage: python bench/bench_opendata.py [--datasets 1000000] [--organisations 20000]
                                      [--runs 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "opendata"
BARE = ("import csv, sys\n"
        "csv.field_size_limit(8 << 20)\n"
        "for name in sys.argv[1:]:\n"
        "    with open(name, newline='', encoding='utf-8-sig') as f:\n"
        "        for row in csv.reader(f, delimiter=';'):\n"
        "            pass\n")
LICENCES = ["Licence Ouverte / Open Licence version 2.0"] * 6 + [
    "Open Data Commons Open Database License (ODbL)", "License Not Specified",
    "Licence Ouverte / Open Licence", "Creative Commons Attribution"]
SCHEMAS = ["scdl/deliberations", "scdl/budget", "scdl/subventions", "scdl/equipements",
           "scdl/catalogue", "etalab/schema-irve-statique"]


def _header(name: str) -> list[str]:
    path = next(EXAMPLE.glob(f"export-{name}-*.csv"))
    with open(path, encoding="utf-8", newline="") as f:
        return next(csv.reader(f, delimiter=";"))


def _siren(rng: random.Random) -> str:
    """Nine digits with a valid Luhn key (a SIREN)."""
    digits = [rng.randrange(10) for _ in range(8)]
    total = sum(d if k % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2)
                for k, d in enumerate(digits))
    return "".join(map(str, digits)) + str((10 - total % 10) % 10)


def generate(folder: Path, organisations: int, datasets: int, seed: int = 7) -> tuple[str, list[str]]:
    """Write the three exports; returns the SIREN of the biggest publisher and 1,000 SIRENs."""
    rng = random.Random(seed)
    heads = {k: _header(k) for k in ("organization", "dataset", "resource")}
    orgs = [(f"{k:024x}", _siren(rng)) for k in range(organisations)]
    with open(folder / "export-organization-20261128-061500.csv", "w", encoding="utf-8",
              newline="") as f:
        w = csv.writer(f, delimiter=";", quoting=csv.QUOTE_NONNUMERIC)
        w.writerow(heads["organization"])
        for k, (oid, siren) in enumerate(orgs):
            number = "" if k % 10 == 9 else f"{siren}{k % 90000 + 10:05d}"
            w.writerow([oid, f"Organisation {k}", "", f"org-{k}",
                        f"https://www.data.gouv.fr/organizations/org-{k}/", "Une organisation.",
                        "", "", "2017-03-01T09:12:44", "2026-11-02T16:40:03", number, 3, 10,
                        0, 3, 0, 0, 1, 10])
    weights = [1.0 / (k + 1) for k in range(organisations)]  # a few big publishers
    owners = rng.choices(range(organisations), weights=weights, k=datasets)
    with open(folder / "export-dataset-20261128-061500.csv", "w", encoding="utf-8",
              newline="") as fd, open(folder / "export-resource-20261128-061500.csv", "w",
                                      encoding="utf-8", newline="") as fr:
        wd = csv.writer(fd, delimiter=";", quoting=csv.QUOTE_NONNUMERIC)
        wr = csv.writer(fr, delimiter=";", quoting=csv.QUOTE_NONNUMERIC)
        wd.writerow(heads["dataset"])
        wr.writerow(heads["resource"])
        for k, owner in enumerate(owners):
            oid = orgs[owner][0]
            did = f"d{k:023x}"
            archived = "2024-01-01T00:00:00" if k % 13 == 0 else False
            licence = LICENCES[k % len(LICENCES)]
            desc = (f'Jeu « n° {k} »; voir le "guide".\nDeuxième ligne.' if k % 10 == 0
                    else "Jeu de données publié par la collectivité.")
            modified = f"20{19 + k % 8}-{k % 12 + 1:02d}-{k % 28 + 1:02d}T10:00:00"
            wd.writerow([did, f"Jeu {k}", f"jeu-{k}", "", f"https://www.data.gouv.fr/datasets/"
                         f"jeu-{k}/", f"Organisation {owner}", oid, "", "", desc, f"Jeu {k}",
                         "annual", licence, "", "", "", "", False, "2020-01-01T00:00:00",
                         modified, "", archived, 2, 1, "csv", "", "", "", "", "", "0.50", 0, 0,
                         0, 10, 3])
            for r in range(1 + (k % 2 == 0)):
                schema = SCHEMAS[k % len(SCHEMAS)] if (k + r) % 20 == 0 else ""
                wr.writerow([did, f"Jeu {k}", f"jeu-{k}", "", f"Organisation {owner}", oid,
                             licence, False, archived, f"r{k:022x}{r}", "https://static/x.csv",
                             "x.csv", "", "file", "main", "csv", "text/csv", 2048, "", "",
                             "2020-01-01T00:00:00", modified, 0, "", "", schema,
                             "1.0" if schema else "", "", "{}"])
    biggest = orgs[0][1]
    return biggest, [orgs[k][1] for k in range(min(1000, organisations))]


def _timed(args: list[str], runs: int) -> tuple[float, float, int]:
    """Median and best wall time of `args`, and its peak resident memory in MiB (wait4's
    rusage: the child's own, not the largest of all children so far)."""
    times, peak = [], 0
    for _ in range(runs):
        with tempfile.TemporaryFile() as err:
            start = time.perf_counter()
            child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=err)
            _, status, usage = os.wait4(child.pid, 0)
            times.append(time.perf_counter() - start)
            child.returncode = os.waitstatus_to_exitcode(status)
            if child.returncode not in (0, 1):
                err.seek(0)
                sys.exit(f"failed ({child.returncode}): {' '.join(args)}\n"
                         f"{err.read().decode(errors='replace')}")
        peak = max(peak, usage.ru_maxrss // 1024)
    return statistics.median(times), min(times), peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=int, default=1_000_000)
    parser.add_argument("--organisations", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tnl-bench-opendata-") as scratch:
        folder = options.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        biggest, sirens = generate(folder, options.organisations, options.datasets)
        print(f"generated {options.datasets:,} datasets in {time.perf_counter() - start:.1f} s")
        files = sorted(folder.glob("export-*.csv"))
        for path in files:
            print(f"  {path.name}: {path.stat().st_size / 2**20:,.0f} MiB")
        table = folder / "collectivites.csv"
        table.write_text("siren;type\n" + "".join(f"{s};commune\n" for s in sirens),
                         encoding="utf-8")
        tnl = [sys.executable, "-m", "tnl_cli"]
        orgs, datasets, resources = (str(next(folder.glob(f"export-{k}-*.csv")))
                                     for k in ("organization", "dataset", "resource"))
        runs = [
            ("bare csv.reader, 3 files", [sys.executable, "-c", BARE, *map(str, files)]),
            ("tnl opendata --siren (3 files)",
             [*tnl, "opendata", "--organisations", orgs, "--jeux", datasets, "--ressources",
              resources, "--siren", biggest, "--format", "json"]),
            ("tnl opendata --siren (no resources)",
             [*tnl, "opendata", "--organisations", orgs, "--jeux", datasets, "--siren", biggest,
              "--format", "json"]),
            ("tnl batch 1,000 rows --opendata-dir",
             [*tnl, "batch", str(table), "--opendata-dir", str(folder), "-o",
              str(folder / "out.csv"), "--force"]),
        ]
        print(f"{'run':<40}{'median s':>10}{'best s':>10}{'peak MiB':>10}")
        for label, args in runs:
            median, best, peak = _timed(args, options.runs)
            print(f"{label:<40}{median:>10.2f}{best:>10.2f}{peak:>10}")


if __name__ == "__main__":
    main()
