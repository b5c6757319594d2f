"""Mutation fuzzing of tnl's readers through the real command line: prints, per surface, how
many inputs were tried, their exit codes, and every traceback or exit code outside 0/1/2.

Each input is one of the bundled examples with one to three mutations drawn from a seed: cut
short, a NUL, a stray quote, 20 or 5,000 digits, an escape sequence and a bidi override, a line
repeated 2 or 50 times, other scripts' digits and a superscript, a byte changed, `1e400`, or
one of its numbers replaced (5,000 digits, `٤١`, `4²`, `１２`, `1e400`, `-1`, `1_000`, `nan`…).

Usage: python bench/fuzz_inputs.py [--count N] [--seed S] [SURFACE...]
       (surfaces: assess, batch, compare, dossier, inventaire, synthese, opendata; all by
       default)
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "commune-exemple.yaml"
FLEET = ROOT / "examples" / "inventaire"
OPENDATA = ROOT / "examples" / "opendata"


BATCH_TABLE = (b"nom;type;code_insee;population;agents;labels_anterieurs;formats_ouverts;"
               b"agents_formes\nNancy;commune;54395;104000;1200;2023:2 | 2024:bronze;oui;60\n"
               b"Metz;commune;57463;;;;non;12\n")


# surface -> (input files: name -> bytes, command line with {0}, {1}… for the files, {d} the folder)
def surfaces() -> dict[str, tuple[dict[str, bytes], list[str]]]:
    fleet = {p.name: p.read_bytes() for p in sorted(FLEET.rglob("*")) if p.is_file()
             and p.suffix in (".json", ".csv", ".xml")}
    return {
        "assess": ({"r.yaml": EXAMPLE.read_bytes()}, ["assess", "--answers", "{0}", "--format",
                                                       "json"]),
        "batch": ({"in.csv": BATCH_TABLE}, ["batch", "{0}", "-o", "{d}/out.csv"]),
        "compare": ({"a.yaml": EXAMPLE.read_bytes(), "b.yaml": EXAMPLE.read_bytes()},
                    ["compare", "{0}", "{1}"]),
        "dossier": ({"r.yaml": EXAMPLE.read_bytes()}, ["dossier", "--answers", "{0}", "-o",
                                                        "{d}/d.odt"]),
        "inventaire": (fleet, ["inventaire", "{d}", "--format", "json"]),
        "synthese": ({"a.yaml": EXAMPLE.read_bytes(), "b.yaml": EXAMPLE.read_bytes()},
                     ["synthese", "{d}", "-o", "{d}/s.html"]),
        "opendata": ({p.name: p.read_bytes() for p in sorted(OPENDATA.glob("*.csv"))},
                     ["opendata", "--jeux", "{0}", "--organisations", "{1}", "--ressources",
                      "{2}", "--opendatafrance", "{3}", "--siren", "215403957", "--date",
                      "2026-12-01"]),
    }


HOSTILE_NUMBERS = [b"9" * 5000, "٤١".encode(), "4²".encode(), "１２".encode(), b"1e400", b"-1",
                   b"1_000", b"0x10", b"nan", b"inf", b"0" * 5000 + b"1", b"4.5", b""]


def mutate(data: bytes, draw: random.Random) -> bytes:
    for _ in range(draw.randint(1, 3)):
        at = draw.randrange(len(data) + 1) if data else 0
        kind = draw.randrange(11)
        numbers = list(re.finditer(rb"[0-9]+", data))
        if kind >= 9 and numbers:  # a number of the file replaced by a hostile one
            found = draw.choice(numbers)
            data = data[:found.start()] + draw.choice(HOSTILE_NUMBERS) + data[found.end():]
        elif kind == 0:
            data = data[:at]
        elif kind == 5 and data:
            lines = data.split(b"\n")
            i = draw.randrange(len(lines))
            lines.insert(i, lines[i] * draw.choice([2, 50]))
            data = b"\n".join(lines)
        elif kind == 7 and data:
            data = data[:at] + bytes([draw.randrange(256)]) + data[at + 1:]
        else:
            insert = {1: b"\x00", 2: b'"', 3: b"9" * draw.choice([20, 5000]),
                      4: "\x1b]0;x\x07\u202e".encode(), 5: b"", 6: "٢٠٢٤²".encode(),
                      7: b"", 8: b"1e400", 9: b"", 10: b""}[kind]
            data = data[:at] + insert + data[at:]
    return data


def fuzz(name: str, files: dict[str, bytes], args: list[str], count: int, seed: int,
         work: Path) -> None:
    draw = random.Random(f"{seed}-{name}")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LANG", "LC_"))}
    codes: Counter[object] = Counter()
    found: dict[tuple[object, str], list[int]] = {}
    for n in range(count):
        case = work / f"{name}-{n}"
        case.mkdir()
        target = draw.choice(sorted(files))
        paths = []
        for file, data in files.items():
            path = case / file
            path.write_bytes(mutate(data, draw) if file == target else data)
            paths.append(str(path))
        argv = [a.format(*paths, d=case) for a in args]
        try:
            res = subprocess.run([sys.executable, "-m", "tnl_cli", *argv], cwd=case, env=env,
                                 capture_output=True, text=True, timeout=120)
            code: object = res.returncode
            said = res.stderr + res.stdout
        except subprocess.TimeoutExpired:
            code, said = "timeout", ""
        codes[code] += 1
        if code not in (0, 1, 2) or "Traceback" in said:
            last = [line for line in said.splitlines() if line.strip()][-1:] or [""]
            found.setdefault((code, last[0][:150]), []).append(n)
        else:
            shutil.rmtree(case)
    print(f"{name:11} {count} inputs, exit codes {dict(sorted(codes.items(), key=str))}")
    for (code, last), cases in found.items():
        print(f"    exit {code} x{len(cases)} (inputs {cases[:5]}, kept in {work}): {last}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=23)
    parser.add_argument("surface", nargs="*")
    options = parser.parse_args()
    known = surfaces()
    work = Path(tempfile.mkdtemp(prefix="tnl-fuzz-"))
    for name in options.surface or known:
        files, args = known[name]
        fuzz(name, files, args, options.count, options.seed, work)
    if not any(work.iterdir()):
        work.rmdir()


if __name__ == "__main__":
    main()
