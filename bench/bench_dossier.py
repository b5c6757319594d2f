"""Speed of `tnl dossier` against `copier copy --defaults` on a 40-question template.

Target (issue 4): one dossier, process start included, in at most half the time copier takes.
Also prints the in-process render time per dossier, which bounds `tnl batch --dossiers`.

Run: python bench/bench_dossier.py [--runs N] [--copier PATH]
copier is looked for with --copier, then in /tmp/tnl-bench-copier (a throwaway venv that this
script creates with pip when it is missing; nothing is installed into the project).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "commune-exemple.yaml"
COPIER_VENV = Path(tempfile.gettempdir()) / "tnl-bench-copier"
QUESTIONS = 40


def timed(cmd: list[str]) -> tuple[float, float]:
    """(wall, cpu) milliseconds of one run; cpu is user + system time of the child, which a
    loaded machine disturbs less than the wall clock."""
    env = dict(os.environ, NO_COLOR="1")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, env=env, check=False)
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{done.stderr.decode(errors='replace')}")
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return wall, cpu


def interleaved(commands: dict[str, tuple[list[str], Any]], runs: int) -> dict[str, tuple[float,
                                                                                    float]]:
    """Median (wall, cpu) of each command, runs taken in turn so that both see the same load;
    one warm-up run each (disk cache, bytecode and template caches) is not counted."""
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for i in range(runs + 1):
        for name, (cmd, before) in commands.items():
            if before:
                before()
            sample = timed(cmd)
            if i:
                samples[name].append(sample)
    return {name: (statistics.median(w for w, _ in got), statistics.median(c for _, c in got))
            for name, got in samples.items()}


def find_copier(explicit: str | None) -> str | None:
    """The copier executable; installs it into a throwaway venv under /tmp if needed."""
    if explicit:
        return explicit
    exe = COPIER_VENV / "bin" / "copier"
    if exe.exists():
        return str(exe)
    print(f"installing copier into {COPIER_VENV} (throwaway venv)...", file=sys.stderr)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(COPIER_VENV)], check=True,
                       capture_output=True)
        subprocess.run([str(COPIER_VENV / "bin" / "pip"), "install", "-q", "copier"],
                       check=True, capture_output=True)
    except (subprocess.CalledProcessError, OSError) as exc:
        print(f"copier could not be installed: {exc}", file=sys.stderr)
        return None
    return str(exe) if exe.exists() else None


def write_copier_template(where: Path) -> None:
    """A 40-question template: strings, integers, booleans and choices, all with defaults,
    rendered into a README and a YAML file that use every answer."""
    lines = []
    uses = []
    for i in range(QUESTIONS):
        kind = ("str", "int", "bool", "choice")[i % 4]
        name = f"q{i:02d}"
        if kind == "str":
            lines.append(f"{name}:\n  type: str\n  help: Question {i}\n  default: valeur {i}\n")
        elif kind == "int":
            lines.append(f"{name}:\n  type: int\n  help: Question {i}\n  default: {i}\n")
        elif kind == "bool":
            lines.append(f"{name}:\n  type: bool\n  help: Question {i}\n  default: true\n")
        else:
            lines.append(f"{name}:\n  type: str\n  help: Question {i}\n  choices: [a, b, c]\n"
                         f"  default: b\n")
        uses.append(f"- {name}: {{{{ {name} }}}}\n")
    (where / "copier.yml").write_text("".join(lines), encoding="utf-8")
    (where / "README.md.jinja").write_text("# Projet\n\n" + "".join(uses), encoding="utf-8")
    (where / "answers.yml.jinja").write_text("".join(uses), encoding="utf-8")


def in_process_ms(runs: int) -> dict[str, float]:
    """Per-dossier times inside one process, templates already compiled (batch's case)."""
    sys.path.insert(0, str(ROOT))
    from tnl_cli.core.engine import evaluate
    from tnl_cli.dossier import render as dossier
    from tnl_cli.loaders import answer_files
    from tnl_cli.loaders.catalogs import load_edition

    answers, catalog, _ = answer_files.load(EXAMPLE, load_edition)
    assessment = evaluate(catalog, answers)
    today = dt.date.today()
    out = {}
    for fmt in dossier.FORMATS:
        dossier.render(catalog, answers, assessment, fmt, "fr", today=today)  # warm the cache
        start = time.perf_counter()
        for _ in range(runs):
            dossier.render(catalog, answers, assessment, fmt, "fr", today=today)
        out[f"render {fmt}"] = (time.perf_counter() - start) * 1000 / runs
    start = time.perf_counter()
    for _ in range(runs):
        dossier.render(catalog, answers, evaluate(catalog, answers), "md", "fr", today=today)
    out["evaluate + render md"] = (time.perf_counter() - start) * 1000 / runs
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--copier", help="path of a copier executable")
    args = parser.parse_args()
    runs = args.runs

    work = Path(tempfile.mkdtemp(prefix="tnl-bench-dossier-"))
    try:
        tnl = [sys.executable, "-m", "tnl_cli", "dossier", "--answers", str(EXAMPLE),
               "-o", str(work / "dossier.md"), "--force"]
        commands: dict[str, tuple[list[str], Any]] = {"tnl": (tnl, None)}
        copier = find_copier(args.copier)
        if copier is not None:
            template = work / "template"
            template.mkdir()
            write_copier_template(template)
            target = work / "copied"
            commands["copier"] = ([copier, "copy", "--defaults", "--quiet", str(template),
                                   str(target)], lambda: shutil.rmtree(target, ignore_errors=True))
        results = interleaved(commands, runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    tnl_wall, tnl_cpu = results["tnl"]
    print(f"medians of {runs} runs, taken in turn; wall clock and CPU (user + system)")
    print(f"tnl dossier (Markdown, process start included)   wall {tnl_wall:7.1f} ms   "
          f"cpu {tnl_cpu:7.1f} ms")
    if copier is None:
        print("copier copy --defaults: NOT MEASURED (copier could not be installed); no ratio")
    else:
        version = subprocess.run([copier, "--version"], capture_output=True, text=True,
                                 check=False).stdout.strip()
        copier_wall, copier_cpu = results["copier"]
        print(f"copier copy --defaults ({QUESTIONS} questions, {version})   "
              f"wall {copier_wall:7.1f} ms   cpu {copier_cpu:7.1f} ms")
        for kind, ratio in (("wall", tnl_wall / copier_wall), ("cpu", tnl_cpu / copier_cpu)):
            verdict = "OK" if ratio <= 0.5 else "TOO SLOW"
            print(f"ratio tnl / copier ({kind}): {ratio:.2f} (target <= 0.50: {verdict})")

    for name, ms in in_process_ms(max(runs * 5, 20)).items():
        print(f"in process, per dossier: {name:22s} {ms:7.2f} ms")


if __name__ == "__main__":
    main()
