"""How the work an answers file or a batch cell asks for grows with its size (issue 15,
finding 14): time per entry must stay flat as the input grows, and past the documented limits
(`core.answers.MAX_RESPONSES`, `MAX_INVENTORY`, `MAX_FILE_BYTES`) the refusal is immediate.

Prints, for each size: seconds in all and microseconds per entry, reading an answers file in
process (`loaders.answer_files.load`, the path of `tnl assess --answers`), and a workbook check
(`sheet_read.check_expansion`). No assertion: figures to compare between trees.

Usage: python bench/bench_limits.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tnl_cli.core import answers as ans  # noqa: E402
from tnl_cli.core import normalise  # noqa: E402
from tnl_cli.errors import TnlError  # noqa: E402
from tnl_cli.loaders import answer_files  # noqa: E402
from tnl_cli.loaders.catalogs import load_edition  # noqa: E402

HEAD = "edition: 2025\ncollectivite:\n  nom: Lettret\n  type: commune\n  code_insee: '05074'\n"


def unknown_ids(n: int) -> str:
    return HEAD + "reponses:\n" + "".join(f"  critere_inconnu_{i}: oui\n" for i in range(n))


def inventory(n: int) -> str:
    return HEAD + "reponses:\n  inventaire_logiciels:\n" + "".join(
        f"    - Logiciel maison {i}\n" for i in range(n))


def timed(text: str, directory: Path, repeat: int) -> tuple[float, str]:
    path = directory / "r.yaml"
    path.write_text(text, encoding="utf-8")
    best, outcome = float("inf"), ""
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            answer_files.load(path, load_edition)
            outcome = "read"
        except TnlError as exc:
            outcome = exc.problems[0].key.split(".")[-1] + f" ({len(exc.problems)} problems)"
        best = min(best, time.perf_counter() - start)
    return best, outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    load_edition(2025)  # the catalog cache, warm, as in any later run
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        for title, make, sizes in (
            ("unknown criterion ids", unknown_ids, (100, 250, 500, 1_000, 20_000, 200_000)),
            ("software of an inventory, none known", inventory,
             (250, 500, 1_000, 2_000, 50_000)),
        ):
            print(f"{title}:")
            for n in sizes:
                seconds, outcome = timed(make(n), directory, args.repeat)
                print(f"  {n:>8,}  {seconds:8.3f} s  {seconds / n * 1e6:8.1f} us/entry  {outcome}")
    print(f"limits: {ans.MAX_RESPONSES:,} responses, {normalise.MAX_INVENTORY:,} software per "
          f"inventory, {answer_files.MAX_FILE_BYTES >> 20} MB per answers file")


if __name__ == "__main__":
    main()
