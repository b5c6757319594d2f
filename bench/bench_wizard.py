"""How fast the guided walk answers: `tnl assess` start to first prompt, answer to next prompt.

Drives the real program in a pseudo-terminal (pexpect), as a user at the keyboard would:
- start-up: from launching `tnl assess` on a new file to its first prompt on screen, compared
  with `python -c "import typer"` and an empty interpreter;
- answer: from pressing Enter to the next question on screen, over a whole walk (autosave to
  disk included), median, 90th percentile and worst;
- in process: what one answer costs the walk (visibility recomputed) and the autosave.
Target: under 50 ms from an answer to the next prompt.

Usage: python bench/bench_wizard.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import pexpect  # noqa: E402
from pty_helpers import ENTER, HEADER, PROMPT, env  # noqa: E402

TARGET_MS = 50.0


def tnl_command() -> list[str]:
    """The installed console script when there is one (what users run), else `python -m`."""
    script = Path(sys.executable).with_name("tnl")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tnl_cli"]


def spawn(args: list[str], cwd: str) -> pexpect.spawn:
    cmd = tnl_command() + args
    child = pexpect.spawn(cmd[0], cmd[1:], cwd=cwd, env=env(), encoding="utf-8", timeout=30,
                          dimensions=(60, 250))
    child.delaybeforesend = None
    return child


def startup_ms(runs: int) -> tuple[list[float], list[float], list[float]]:
    """(first words on screen, first prompt, the same harness running `python -c print`)."""
    words, prompts, harness = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(runs + 1):  # the first run warms the disk and catalog caches
            start = time.perf_counter()
            child = spawn(["assess", "--answers", f"r{i}.yaml"], tmp)
            child.expect("Questionnaire")
            intro = (time.perf_counter() - start) * 1000
            child.expect(PROMPT)
            prompt = (time.perf_counter() - start) * 1000
            child.terminate(force=True)
            start = time.perf_counter()
            child = pexpect.spawn(sys.executable, ["-c", "print('ready')"], env=env(),
                                  encoding="utf-8", timeout=30)
            child.expect("ready")
            baseline = (time.perf_counter() - start) * 1000
            child.terminate(force=True)
            if i:
                words.append(intro)
                prompts.append(prompt)
                harness.append(baseline)
    return words, prompts, harness


def answer_ms() -> tuple[list[float], int]:
    """Enter on every question of a complete walk (first option, or skip a typed answer)."""
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        child = spawn(["assess", "--answers", "r.yaml"], tmp)
        child.expect(HEADER)
        child.expect(PROMPT)
        while True:
            start = time.perf_counter()
            child.send(ENTER)
            if child.expect([HEADER, "Écrire maintenant"]) == 1:
                break
            child.expect(PROMPT)
            times.append((time.perf_counter() - start) * 1000)
        child.terminate(force=True)
        size = os.path.getsize(Path(tmp) / "r.yaml")
    return times, size


def interpreter_ms(code: str, runs: int) -> float:
    subprocess.run([sys.executable, "-c", code], check=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def in_process_ms() -> tuple[float, float]:
    """Median cost of one answer on the walk, and of one autosave, measured in process."""
    from tnl_cli.core.answers import Answers
    from tnl_cli.core.identity import Identity
    from tnl_cli.loaders.catalogs import load_edition
    from tnl_cli.walk.session import Saver
    from tnl_cli.walk.steps import Walk

    catalog = load_edition()
    walk = Walk(catalog, Answers(catalog.edition, Identity(type="commune"), {}))
    steps, saves = [], []
    with tempfile.TemporaryDirectory() as tmp:
        saver = Saver(Path(tmp) / "r.yaml", "fr", "tnl assess --answers r.yaml")
        while not walk.finished:
            c = walk.current.criterion
            start = time.perf_counter()
            walk.answer(True) if c is not None and c.type == "boolean" else walk.skip()
            steps.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            saver.save(walk)
            saves.append((time.perf_counter() - start) * 1000)
    return statistics.median(steps), statistics.median(saves)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    if shutil.which("tnl") is None and not Path(sys.executable).with_name("tnl").exists():
        print("(no installed `tnl` script: timing python -m tnl_cli)")

    empty = interpreter_ms("pass", runs)
    typer_ms = interpreter_ms("import typer", runs)
    words, prompts, harness = (statistics.median(x) for x in startup_ms(runs))
    answers, size = answer_ms()
    step, save = in_process_ms()

    print(f"python -c pass                          {empty:7.1f} ms (median of {runs})")
    print(f"python -c 'import typer'                {typer_ms:7.1f} ms")
    # pexpect's own cost of starting a program in a pseudo-terminal, python start excepted
    harness -= empty
    print(f"pseudo-terminal harness overhead        {harness:7.1f} ms (subtracted below)")
    print(f"tnl assess: start to first words        {words - harness:7.1f} ms (introduction)")
    print(f"tnl assess: start to first prompt       {prompts - harness:7.1f} ms "
          f"({(prompts - harness) / typer_ms:.2f}x import typer)")
    median = statistics.median(answers)
    print(f"answer to next prompt, autosave incl.   {median:7.1f} ms median, "
          f"{percentile(answers, 0.9):.1f} ms p90, {max(answers):.1f} ms worst "
          f"({len(answers)} answers, file {size} bytes)")
    print(f"  in process: walk step {step:.2f} ms, autosave {save:.2f} ms (median)")
    verdict = "met" if median < TARGET_MS and percentile(answers, 0.9) < TARGET_MS else "MISSED"
    print(f"target < {TARGET_MS:.0f} ms from an answer to the next prompt: {verdict}")


if __name__ == "__main__":
    main()
