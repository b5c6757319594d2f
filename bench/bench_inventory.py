"""`tnl inventaire` on a generated fleet: time and peak memory for 10,000 and 50,000 machines.

Generates a folder of GLPI Agent JSON inventories as `glpi-agent --local` writes them (one file
per machine, ~40 installed programs each drawn from a pool of real-looking registry and package
names, Windows updates and drivers among them; servers, virtual machines and re-inventoried
duplicates mixed in), and the same fleet as a GLPI "Computers" CSV export. Then runs, as fresh
processes, `tnl inventaire DIR --format json` and `tnl inventaire export.csv --format json`,
and prints the wall time, machines per second and the peak resident memory of the process
(getrusage ru_maxrss): memory should stay flat as the fleet grows (one machine at a time).

Usage: python bench/bench_inventory.py [--sizes 10000 50000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROGRAMS = (["LibreOffice {v}", "Mozilla Firefox ({v} x64 fr)", "Mozilla Thunderbird ({v} x64 fr)",
             "Microsoft Office Professionnel Plus 2016", "Microsoft 365 Apps for enterprise - fr-fr",
             "Adobe Acrobat Reader DC - Français", "Google Chrome", "7-Zip {v} (x64)",
             "VLC media player", "GIMP {v}", "QGIS {v} 'Firenze'", "Notepad++ (64-bit x64)",
             "KeePass Password Safe {v}", "Zoom", "Microsoft Teams", "Java 8 Update 391"]
            + [f"Mise à jour de sécurité pour Windows (KB50{n:05d})" for n in range(600)]
            + [f"Intel(R) Driver Package {n}" for n in range(200)]
            + [f"Logiciel métier {n}" for n in range(300)]
            + [f"lib-component-{n}" for n in range(900)])
RUNNER = ("import resource, sys\n"
          "from tnl_cli import cli\n"
          "try:\n"
          "    cli.main(sys.argv[1:])\n"
          "except SystemExit as exc:\n"
          "    code = exc.code\n"
          "rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
          "sys.stderr.write(f'MAXRSS {rss}\\n')\n"
          "sys.exit(code)\n")


def machine(i: int, rng: random.Random) -> dict:
    kind = rng.random()
    linux = rng.random() < 0.15
    serial = f"SN{i:07d}" if rng.random() > 0.01 else f"SN{max(0, i - 1):07d}"  # duplicates
    chassis = "Rack Mount Chassis" if kind < 0.03 else rng.choice(["Desktop", "Laptop",
                                                                   "Notebook", "Mini PC"])
    softs = rng.sample(PROGRAMS[16:], 30) + rng.sample(PROGRAMS[:16], 8)
    return {
        "deviceid": f"pc-{i:06d}-2026-11-28-09-00-00", "itemtype": "Computer",
        "content": {
            "accesslog": {"logdate": "2026-11-28 09:00:00"},
            "bios": {"bdate": f"{rng.randint(2012, 2025)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                     "ssn": serial, "smodel": "OptiPlex 7050", "smanufacturer": "Dell Inc."},
            "hardware": {"name": f"pc-{i:06d}", "uuid": f"uuid-{serial}", "chassis_type": chassis,
                         "vmsystem": "KVM" if 0.03 <= kind < 0.06 else "Physical"},
            "operatingsystem": {"name": "Ubuntu" if linux else "Windows",
                                "full_name": "Ubuntu 22.04.5 LTS" if linux
                                else "Microsoft Windows 11 Professionnel",
                                "kernel_name": "linux" if linux else "MSWin32"},
            "softwares": [{"name": s.format(v="7.6.4"), "version": "1.0", "publisher": "X"}
                          for s in softs],
        }}


def generate(folder: Path, count: int) -> tuple[Path, Path]:
    rng = random.Random(count)
    agent = folder / f"agent-{count}"
    agent.mkdir(parents=True)
    rows = ['"Nom";"Numéro de série";"Type";"Modèle";"Système d\'exploitation - Nom";'
            '"Dernière modification"']
    for i in range(count):
        data = machine(i, rng)
        (agent / f"pc-{i:06d}.json").write_text(json.dumps(data), encoding="utf-8")
        c = data["content"]
        rows.append(f'"{c["hardware"]["name"]}";"{c["bios"]["ssn"]}";"'
                    f'{"Serveur" if "Rack" in c["hardware"]["chassis_type"] else "Portable"}";"'
                    f'{c["bios"]["smodel"]}";"{c["operatingsystem"]["full_name"]}";"2026-11-28"')
    export = folder / f"export-{count}.csv"
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return agent, export


def run(path: Path) -> tuple[float, int, dict]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", RUNNER, "inventaire", str(path), "--format",
                           "json"], capture_output=True, text=True, cwd=ROOT, check=False)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr)
    rss = int(done.stderr.rsplit("MAXRSS ", 1)[1].split()[0])
    return seconds, rss // 1024, json.loads(done.stdout)["figures"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000])
    parser.add_argument("--keep", type=Path, default=None)
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="tnl-bench-inventory-"))
    try:
        print(f"{'input':<28} {'machines':>9} {'seconds':>8} {'machines/s':>11} {'peak RSS':>9}")
        for size in args.sizes:
            started = time.perf_counter()
            agent, export = generate(folder, size)
            print(f"(generated {size:,} inventories in {time.perf_counter() - started:.1f} s)")
            for label, path in (("GLPI Agent JSON folder", agent), ("GLPI CSV export", export)):
                seconds, rss, figures = run(path)
                print(f"{label:<28} {figures['machines']:>9,} {seconds:>8.2f} "
                      f"{figures['machines'] / seconds:>11,.0f} {rss:>6} MiB")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
