"""`tnl synthese` on every French commune and EPCI, grouped by département: time and memory.

Generates the batch input of bench_batch.py (real names, codes and populations from the bundled
territory database, answers drawn from engagement profiles), runs `tnl batch` once to get its
output, then times, as fresh processes, `tnl synthese OUT.csv -o synthese.html --par
departement` (and `--par epci`, and from the batch input itself), and measures the peak
resident memory of the synthesis. Targets: a few seconds, under 150 MiB. A folder of answers
files (engine with the path to the next tier, about 10 ms per file) is timed too.

Prints figures; asserts nothing. Usage: python bench/bench_synthese.py [--rows 37000] [--runs 3]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_batch  # noqa: E402
from bench_batch import ENV, environment, generate, peak_rss_mib, timed  # noqa: E402

TNL = [sys.executable, "-m", "tnl_cli"]


def answers_folder(folder: Path, count: int) -> None:
    """`count` answers files of real communes, answers drawn as the batch input's."""
    from tnl_cli.batch.cells import cell_value
    from tnl_cli.core import answers as ans
    from tnl_cli.core.catalog import load_edition
    from tnl_cli.io import yaml as yamlio

    catalog = load_edition(None)
    rng = random.Random(7)
    folder.mkdir()
    for k, (_, _, insee, _, _) in zip(range(count), bench_batch.collectivities(), strict=False):
        values = {}
        engagement = rng.random()
        for c in catalog.criteria:
            try:
                value = cell_value(c, bench_batch.answer(c, engagement, rng, f"c{k}"))
            except Exception:  # noqa: BLE001 - a drawn answer the question refuses: unanswered
                value = None
            if value is not None:
                values[c.id] = ans.Answer(value)
        identity = ans.parse_identity({"code_insee": insee}, lambda *a, **kw: None, [])
        doc = ans.to_document(ans.Answers(catalog.edition, identity, values), catalog, "bench")
        (folder / f"{insee}.yaml").write_text(yamlio.dump(doc), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=37_000)
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        ENV.update(environment(str(work / "pycache")))
        table, out = work / "collectivites.csv", work / "resultats.csv"
        generate(table, args.rows)
        subprocess.run([*TNL, "batch", str(table), "-o", str(out)], check=False, env=ENV,
                       capture_output=True)
        html = str(work / "synthese.html")
        commands = {
            "from the batch output, by département": [*TNL, "synthese", str(out), "-o", html,
                                                      "--par", "departement", "--force"],
            "from the batch output, by EPCI      ": [*TNL, "synthese", str(out), "-o", html,
                                                     "--par", "epci", "--force"],
            "from the batch input, by département": [*TNL, "synthese", str(table), "-o", html,
                                                     "--par", "departement", "--force"],
            "ODT from the batch output, by dép.  ": [*TNL, "synthese", str(out), "-o",
                                                     str(work / "s.odt"), "--par",
                                                     "departement", "--force"],
        }
        seconds = timed(list(commands.values()), args.runs)
        print(f"{args.rows:,} rows, median of {args.runs} fresh processes:")
        for (label, cmd), spent in zip(commands.items(), seconds, strict=True):
            print(f"  tnl synthese {label}: {spent:.2f} s, peak RSS "
                  f"{peak_rss_mib(cmd):.1f} MiB")
        print("  (targets: a few seconds, under 150 MiB)")
        answers_folder(work / "membres", args.files)
        folder = [*TNL, "synthese", str(work / "membres"), "-o", html, "--force"]
        spent = timed([folder], args.runs)[0]
        print(f"{args.files} answers files (a folder): {spent:.2f} s, "
              f"{spent / args.files * 1000:.1f} ms per file, peak RSS "
              f"{peak_rss_mib(folder):.1f} MiB")


if __name__ == "__main__":
    main()
