"""The built wheel carries everything the tool needs: install it outside the repository and run it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    dist = work / "dist"
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(dist), str(ROOT)], capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stderr
    wheel = next(dist.glob("tnl-*.whl"))
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q",
         str(wheel)], capture_output=True, text=True, check=False)
    assert install.returncode == 0, install.stderr
    # Dependencies come from the test environment; the package itself only from the wheel.
    site = Path(subprocess.run([str(python), "-c", "import sysconfig;print(sysconfig.get_paths()"
                                "['purelib'])"], capture_output=True, text=True,
                               check=True).stdout.strip())
    (site / "zz_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return venv


def _tnl(venv: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["XDG_CACHE_HOME"] = str(cwd / "cache")
    return subprocess.run([str(venv / "bin" / "tnl"), *args], capture_output=True, text=True,
                          cwd=cwd, env=env, check=False)


def test_wheel_runs_outside_the_repository(installed: Path, tmp_path: Path) -> None:
    where = subprocess.run([str(installed / "bin" / "python"), "-c",
                            "import tnl_cli;print(tnl_cli.__file__)"], capture_output=True,
                           text=True, cwd=tmp_path, check=True).stdout
    assert str(installed) in where
    answers = tmp_path / "r.yaml"
    shutil.copy(ROOT / "examples" / "commune-exemple.yaml", answers)
    r = _tnl(installed, "assess", "--answers", str(answers), "--format", "json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert '"verdict": "eligible"' in r.stdout
    r = _tnl(installed, "criteria", "list", "--edition", "2024", "--format", "json", cwd=tmp_path)
    assert r.returncode == 0 and '"utilise_logiciel_libre"' in r.stdout
    assert _tnl(installed, "--version", cwd=tmp_path).stdout.startswith("tnl ")


def test_wheel_reads_the_bundled_inventory_example(installed: Path, tmp_path: Path) -> None:
    r = _tnl(installed, "inventaire", "--example", "--format", "json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert '"workstations": 6' in r.stdout and '"glpi-agent-json"' in r.stdout
    answers = tmp_path / "r.yaml"
    r = _tnl(installed, "inventaire", "--example", "--answers", str(answers), "--apply",
             cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "part_postes_libreoffice" in answers.read_text(encoding="utf-8")


def test_the_opendata_example_runs_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    r = _tnl(installed, "opendata", "--example", "--format", "json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert '"jeux": 6' in r.stdout and '"nb_ptf": 42' in r.stdout
    example = tmp_path / "opendata"
    shutil.copytree(ROOT / "examples" / "opendata", example)
    files = {k: str(next(example.glob(f"export-{k}-*.csv")))
             for k in ("organization", "dataset", "resource")}
    r = _tnl(installed, "opendata", "--organisations", files["organization"], "--jeux",
             files["dataset"], "--ressources", files["resource"], "--answers",
             str(example / "reponses-nancy.yaml"), "--date", "2026-12-06", "--apply",
             cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    written = (example / "reponses-nancy.yaml").read_text(encoding="utf-8")
    assert "nombre_jeux_donnees:" in written and "format: datagouv-export" in written
    table = tmp_path / "t.csv"
    table.write_text("nom;code_insee\nNancy;54395\n", encoding="utf-8")
    r = _tnl(installed, "batch", str(table), "--opendata-dir", str(example), "-o",
             str(tmp_path / "o.csv"), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "licence_ouverte_2" in (tmp_path / "o.csv").read_text(encoding="utf-8-sig")
