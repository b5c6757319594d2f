"""The catalog: both editions load, and every kind of malformed catalog is refused, located."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from tnl_cli.core import catalog as cat
from tnl_cli.errors import CatalogError, TnlError
from tnl_cli.io import yaml as yamlio

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("edition", [2024, 2025])
def test_shipped_editions_cover_the_label(edition: int) -> None:
    c = cat.load_edition(edition)
    assert len(c.criteria) >= 40
    assert [d.id for d in c.domains] == ["strategie", "pratiques", "logiciels", "ecosysteme",
                                         "donnees"]
    assert {g.id for g in c.gates} == {"utilise_logiciel_libre", "ouverture_donnees",
                                       "formats_ouverts", "initiatives_libres_territoire"}
    assert all(g.type == "boolean" for g in c.gates)
    assert {x.type for x in c.criteria} == set(cat.TYPES)
    for x in c.criteria:
        assert x.question["fr"] and x.question["en"] and x.help["fr"] and x.recommendation["en"]
    schools = {x.id: x.applies_to for x in c.criteria if x.applies_to}
    assert frozenset({"commune"}) in schools.values()


def test_schemes_differ_by_edition() -> None:
    assert [t.id for t in cat.load_edition(2024).tiers] == ["1", "2", "3", "4", "5"]
    c2025 = cat.load_edition(2025)
    assert [t.id for t in c2025.tiers] == ["bronze", "argent", "or"]  # the Label
    assert c2025.badge is not None and c2025.badge.form == "badge"  # a track apart
    assert {m.id for m in c2025.mentions} == {"premiere_candidature", "mutualisation",
                                              "promotion", "sobriete"}
    assert cat.load_edition().edition == max(cat.editions())


def test_unknown_edition_names_the_available_ones() -> None:
    with pytest.raises(CatalogError) as err:
        cat.load_edition(2019)
    assert "2024, 2025" in err.value.render("fr")


def _base() -> dict:
    return yaml.safe_load((ROOT / "criteria" / "2025.yaml").read_text(encoding="utf-8"))


def _lint(tmp_path: Path, data: dict | str, name: str = "2025.yaml") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True),
                    encoding="utf-8")
    with pytest.raises(TnlError) as err:
        cat.load_file(path)
    return err.value.render("fr")


def test_duplicate_id_is_located(tmp_path: Path) -> None:
    data = _base()
    data["criteria"].append(copy.deepcopy(data["criteria"][0]))
    msg = _lint(tmp_path, data)
    assert "deliberation_logiciel_libre" in msg and "déjà utilisé" in msg
    assert f"{tmp_path / '2025.yaml'}:" in msg  # file and line


def test_when_naming_unknown_criterion(tmp_path: Path) -> None:
    data = _base()
    data["criteria"][3]["when"] = {"met": "critere_fantome"}
    msg = _lint(tmp_path, data)
    assert "critere_fantome" in msg and data["criteria"][3]["id"] in msg


def test_choice_without_options(tmp_path: Path) -> None:
    data = _base()
    choice = next(c for c in data["criteria"] if c["type"] == "choice")
    del choice["choices"]
    assert "doit lister ses options" in _lint(tmp_path, data)


def test_tiers_out_of_order(tmp_path: Path) -> None:
    data = _base()
    data["tiers"][1]["min_score"] = 0.3
    data["tiers"][2]["min_score"] = 0.1
    msg = _lint(tmp_path, data)
    assert "argent" in msg and "plus bas" in msg


def test_negative_when_is_refused(tmp_path: Path) -> None:
    data = _base()
    data["criteria"][1]["when"] = {"answer": {"id": "deliberation_logiciel_libre",
                                              "equals": False}}
    assert "positive" in _lint(tmp_path, data)


def test_many_problems_reported_at_once(tmp_path: Path) -> None:
    data = _base()
    data["criteria"][0]["type"] = "date"
    data["criteria"][1]["effort"] = "enorme"
    data["criteria"][2]["domain"] = "inconnu"
    msg = _lint(tmp_path, data)
    assert "date" in msg and "enorme" in msg and "inconnu" in msg
    assert len(msg.splitlines()) >= 3


def test_yaml_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    msg = _lint(tmp_path, "edition: 2025\ncriteria:\n  - id: a\n   type: [boolean\n")
    assert ":4:" in msg or ":3:" in msg
    assert "colonne" in msg


def test_lint_command(run, tmp_path: Path) -> None:
    ok = run("criteria", "lint", str(ROOT / "criteria" / "2024.yaml"))
    assert ok.code == 0 and "catalogue valide" in ok.out
    bad = tmp_path / "2025.yaml"
    bad.write_text("- juste\n- une liste\n", encoding="utf-8")
    r = run("criteria", "lint", str(bad))
    assert r.code == 2 and "dictionnaire" in r.err and "Traceback" not in r.err


def test_yamlio_lines() -> None:
    doc = yamlio.parse("a: 1\nb:\n  - x\n  - y\n", "f.yaml")
    assert doc.line("b", 1) == 4
    assert doc.line("a") == 1


JUNK = [5, "texte", None, True, [], {}, [1, 2], {"a": 1}, [{"x": 1}], 1.5, ["strategie"]]


def _paths(data, path=()):
    """Every place in the catalog document where a value could be replaced."""
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data[:3]):
            yield from _paths(value, path + (i,))


def test_any_malformed_value_is_refused_with_a_message(tmp_path: Path) -> None:
    """Every field replaced by junk of every kind: a CatalogError or a valid catalog, never a crash."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    base = _base()
    paths = [p for p in _paths(base) if p]

    @settings(max_examples=50, deadline=None)
    @given(st.sampled_from(paths), st.sampled_from(JUNK))
    def check(path, junk) -> None:
        data = copy.deepcopy(base)
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = copy.deepcopy(junk)
        try:
            cat.build(yamlio.parse(yamlio.dump(data), "x.yaml"))
        except TnlError as err:
            assert err.render("fr")

    check()


@pytest.mark.parametrize("text", ["a: &x [*x]\n", "a: &x {b: *x}\n"])
def test_yaml_aliases_are_refused(text: str) -> None:
    with pytest.raises(TnlError) as err:
        yamlio.parse(text, "x.yaml")
    assert "alias" in err.value.render("fr")


@pytest.mark.parametrize("edition", [2024, 2025])
def test_every_bundled_criterion_has_a_statement(edition: int) -> None:
    """The candidacy states each met criterion in the collectivity's voice: none may be silent,
    none may ask the question back."""
    catalog = cat.load_edition(edition)
    for c in catalog.criteria:
        assert c.statement is not None, c.id
        for lang in ("fr", "en"):
            text = c.statement[lang]
            assert text.endswith(".") and "?" not in text, (c.id, lang)
            assert "vous" not in text.lower().split() and "your" not in text.lower(), (c.id, lang)
            if c.type in ("choice", "multi", "number", "url"):
                assert "{value}" in text, (c.id, lang)


def test_statement_placeholders_are_checked(tmp_path: Path) -> None:
    data = _base()
    data["criteria"][0]["statement"] = {"fr": "Nous avons {valeur}.", "en": "We have {value}."}
    msg = _lint(tmp_path, data)
    assert "{valeur}" in msg and "{value}" in msg and "deliberation_logiciel_libre" in msg


def test_lint_names_criteria_without_statement(run, tmp_path: Path) -> None:
    data = _base()
    del data["criteria"][0]["statement"]
    path = tmp_path / "2025.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    r = run("criteria", "lint", str(path))
    assert r.code == 0 and "deliberation_logiciel_libre" in r.err and "statement" in r.err


def test_eligibility_hard_is_a_boolean(tmp_path: Path) -> None:
    data = _base()
    data["eligibility"]["hard"] = "oui"
    assert "« hard » doit valoir true ou false" in _lint(tmp_path, data)
    data["eligibility"] = {"rule": data["eligibility"]["rule"], "strict": True}
    assert "hard: true ou false" in _lint(tmp_path, data)
