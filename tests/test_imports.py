"""Every module imports alone, warnings as errors: catches circular and broken lazy imports."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import tnl_cli

MODULES = sorted(
    m.name for m in pkgutil.walk_packages(tnl_cli.__path__, prefix="tnl_cli.")
    if m.name != "tnl_cli.__main__"
)


def test_there_are_modules_to_check() -> None:
    assert "tnl_cli.core.engine" in MODULES and "tnl_cli.commands.assess" in MODULES


@pytest.mark.parametrize("chunk", [MODULES[i::4] for i in range(4)])
def test_each_module_imports_alone(chunk: list[str]) -> None:
    # one fresh interpreter per module, started together to keep the suite fast
    procs = {name: subprocess.Popen([sys.executable, "-W", "error", "-c", f"import {name}"],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for name in chunk}
    failures = {}
    for name, proc in procs.items():
        _, err = proc.communicate(timeout=60)
        if proc.returncode != 0:
            failures[name] = err.strip().splitlines()[-1:]
    assert not failures, failures
