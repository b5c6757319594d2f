"""Issue 15, finding 13: a template cannot make the dossier run for ever or fill the memory.

Each bound of the sandbox stops the render with the template's file and line, exit 2."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from tnl_cli.dossier import render as dossier

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "commune-exemple.yaml"


@pytest.fixture(autouse=True)
def _fresh_environments(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(dossier, "MAX_SECONDS", 1)
    dossier._environment.cache_clear()
    yield
    dossier._environment.cache_clear()


CASES = {
    "nested_loops": ("{% for i in range(100000) %}{% for j in range(100000) %}"
                     "{% endfor %}{% endfor %}", "rendu de plus de 1 secondes"),
    "nested_loops_with_output": ("titre\n{% for i in range(100000) %}{% for j in range(100000) %}"
                                 "{{ i }}{% endfor %}{% endfor %}", None),
    "string_times_huge": ("{{ 'A' * 10**10 }}", "répété au-delà"),
    "list_times_huge": ("{{ ([1] * 10000000) | length }}", "répété au-delà"),
    "empty_loops_over_a_list": ("{% set l = [1] * 100000 %}{% for a in l %}{% for b in l %}"
                                "{% endfor %}{% endfor %}", "rendu de plus de 1 secondes"),
    "huge_range": ("{% for i in range(10**9) %}{% endfor %}", "range() de plus de"),
    "huge_power": ("{{ 2 ** 100000000 }}", "puissance"),
    "huge_output": ("a\nb\n{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}",
                    "document produit de plus de"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_bound_stops_the_template_with_its_file_and_line(run: Any, tmp_path: Path,
                                                           case: str) -> None:
    body, words = CASES[case]
    templates = tmp_path / "modeles"
    templates.mkdir()
    (templates / "dossier.md.j2").write_text(body, encoding="utf-8")
    answers = tmp_path / "rep.yaml"
    answers.write_bytes(EXAMPLE.read_bytes())
    started = time.monotonic()
    result = run("dossier", "--answers", str(answers), "--template-dir", str(templates),
                 "-o", str(tmp_path / "d.md"))
    assert time.monotonic() - started < 20
    assert result.code == 2, result.err
    assert "limite du bac à sable" in result.err
    assert f"{templates / 'dossier.md.j2'}:" in result.err  # file and line
    if words:
        assert words in result.err
    assert not (tmp_path / "d.md").exists()


def test_the_bundled_templates_stay_far_below_the_bounds(run: Any, tmp_path: Path) -> None:
    for fmt in ("md", "html"):
        result = run("dossier", "--answers", str(EXAMPLE), "-o", str(tmp_path / f"d.{fmt}"))
        assert result.code in (0, 1), result.err
