"""Issue 15, finding 14: the work an answers file or a cell asks for is bounded, with documented
limits and one clear message beyond them (figures: bench/bench_limits.py)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from tnl_cli.core import answers as ans
from tnl_cli.core import normalise
from tnl_cli.errors import SHOWN_PROBLEMS, Problem, TnlError
from tnl_cli.loaders import answer_files
from tnl_cli.loaders.catalogs import load_edition
from tnl_cli.reference import software

HEAD = "edition: 2025\ncollectivite:\n  nom: Lettret\n  type: commune\n  code_insee: '05074'\n"


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_too_many_responses_is_one_message(run: Any, tmp_path: Path) -> None:
    n = ans.MAX_RESPONSES + 1
    path = _file(tmp_path, HEAD + "reponses:\n" + "".join(f"  x{i}: oui\n" for i in range(n)))
    with pytest.raises(TnlError) as err:
        answer_files.load(path, load_edition)
    assert [p.key for p in err.value.problems] == ["answers.too_many_responses"]
    res = run("assess", "--answers", str(path))
    assert res.code == 2
    assert f"« reponses » compte {n} entrées, au-delà de la limite de 1000" in res.err
    assert "r.yaml:6:" in res.err


def test_a_huge_answers_file_is_refused_before_it_is_parsed(run: Any, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = _file(tmp_path, HEAD + "# " + "x" * (answer_files.MAX_FILE_BYTES + 10) + "\n")
    from tnl_cli.io import yaml as yamlio

    monkeypatch.setattr(yamlio, "load", lambda *a: pytest.fail("parsed"))
    res = run("assess", "--answers", str(path))
    assert res.code == 2 and "au-delà de la limite de 5 Mo" in res.err


def test_only_the_first_unknown_ids_get_suggestions(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = ans.suggest
    monkeypatch.setattr(ans, "suggest", lambda word, c: calls.append(word) or real(word, c))
    path = _file(tmp_path, HEAD + "reponses:\n" + "".join(
        f"  formats_ouvert{i}: oui\n" for i in range(ans.MAX_RESPONSES)))
    with pytest.raises(TnlError) as err:
        answer_files.load(path, load_edition)
    assert len(err.value.problems) == ans.MAX_RESPONSES
    assert len([c for c in calls if c.startswith("formats_ouvert")]) == 20
    hints = [p for p in err.value.problems if p.key == "answers.unknown_criterion_hint"]
    assert len(hints) == 20  # the others still name the id and how to list the real ones


def test_rendering_stops_after_a_hundred_problems() -> None:
    error = TnlError(*(Problem("answers.unknown_criterion", {"id": f"x{i}", "edition": 2025},
                               "r.yaml", i + 1) for i in range(SHOWN_PROBLEMS + 50)))
    text = error.render("fr")
    assert text.count("\n") == SHOWN_PROBLEMS
    assert text.endswith("… et 50 autres problèmes (corrigez d'abord ceux-ci).")
    assert "r.yaml:1:" in text and f"r.yaml:{SHOWN_PROBLEMS + 1}:" not in text


@pytest.fixture
def small_inventory(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(normalise, "MAX_INVENTORY", 5)
    return 5


def test_inventory_limit_on_every_path(run: Any, tmp_path: Path, small_inventory: int) -> None:
    names = [f"Logiciel maison {i}" for i in range(small_inventory + 1)]
    expected = f"critère « inventaire_logiciels » : {len(names)} logiciels, au-delà de la limite"
    path = _file(tmp_path, HEAD + "reponses:\n  inventaire_logiciels:\n"
                 + "".join(f"    - {n}\n" for n in names))
    res = run("assess", "--answers", str(path))
    assert res.code == 2 and expected in res.err
    res = run("assess", "--answers", str(_file(tmp_path, HEAD)), "--set",
              "inventaire_logiciels=" + " | ".join(names))
    assert res.code == 2 and expected in res.err
    table = tmp_path / "in.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["nom", "type", "code_insee", "inventaire_logiciels"])
        out.writerow(["Lettret", "commune", "05074", " | ".join(names)])
        out.writerow(["Lettret", "commune", "05074", " | ".join(names[:-1])])
    res = run("batch", str(table))
    assert res.code == 1 and expected in res.err
    assert "rejetées (données invalides)          1" in res.out  # the row within the limit passes


def test_indexed_software_candidates_are_the_brute_force_ones() -> None:
    """The by-word index finds exactly the catalog names contained in a query."""
    cat = software._load()
    queries = {key.words for key in cat.keys}
    queries |= {f"{key.words} 2024 pro edition {other.words}"
                for key, other in zip(cat.keys[::7], cat.keys[3::11], strict=False)}
    for words in sorted(queries):
        tokens = set(words.split())
        brute = {k for k in cat.keys if k.tokens <= tokens}
        indexed = {k for token in tokens for k in cat.by_token.get(token, ()) if k.tokens <= tokens}
        assert indexed == brute, words
