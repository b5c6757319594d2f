"""The calibration profiles as the engine reads them: a table to compare before and after a
change of tier rules (level 2024 and tier 2025 with their range, the Badge, the verdict, the
path to the next tier), and the time the path search takes.

Profiles: every answers file of tests/fixtures/profiles, plus the other answers fixtures
(dossier, candidacy, renewal), each read in both editions.

Usage: python bench/bench_profiles.py [--runs 5] [FILE...]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tnl_cli.core import answers as ans  # noqa: E402
from tnl_cli.core.catalog import load_edition  # noqa: E402
from tnl_cli.core.engine import evaluate  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
DEFAULT = sorted((FIXTURES / "profiles").glob("*.yaml")) + [
    FIXTURES / "dossier" / "eligible-or.yaml", FIXTURES / "candidacy" / "agglomeration.yaml",
    FIXTURES / "candidacy" / "petite-commune.yaml", FIXTURES / "renewal" / "boe-2025.yaml"]
SHORT = {"eligible": "elig", "not_eligible": "NOT", "incomplete": "inc",
         "eligible_with_reservations": "resv"}


def _cell(a) -> str:
    low, high = a.level_range
    verdict = SHORT.get(a.verdict, a.verdict)
    reservations = getattr(a, "reservations", ())
    if reservations:
        verdict += "(" + ",".join(r[:8] for r in reservations) + ")"
    path = "-"
    if a.next_level is not None:
        nl = a.next_level
        path = f"{nl.tier.id}:{len(nl.steps)}" + ("" if nl.reachable else " UNREACHABLE")
    return f"{a.level or '-'} [{low or '-'}..{high or '-'}] {verdict} next {path}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    files = args.files or DEFAULT
    print(f"{'profile':<24} {'2024: level [range] verdict next':<52} "
          f"{'2025: tier [range] verdict next':<52} badge")
    timings = []
    for f in files:
        cells = []
        badge = None
        for edition in (2024, 2025):
            answers, catalog, _ = ans.load(f, load_edition, edition)
            start = time.perf_counter()
            for _ in range(args.runs):
                a = evaluate(catalog, answers)
            timings.append((time.perf_counter() - start) / args.runs)
            cells.append(_cell(a))
            badge = a.badge if edition == 2025 else badge
        print(f"{f.stem:<24} {cells[0]:<52} {cells[1]:<52} {badge}")
    timings.sort()
    print(f"evaluate() with the path: median {timings[len(timings) // 2] * 1000:.1f} ms, "
          f"max {timings[-1] * 1000:.1f} ms over {len(timings)} profile-editions")


if __name__ == "__main__":
    main()
