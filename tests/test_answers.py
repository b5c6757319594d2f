"""Answers files: lenient normalisation, strict validation, one clear message per problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from tnl_cli.core import answers as ans
from tnl_cli.core import identity as ident
from tnl_cli.core.catalog import load_edition
from tnl_cli.errors import TnlError

CAT = load_edition(2025)


def _load(tmp_path: Path, text: str):
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    return ans.load(path, load_edition)


def _error(tmp_path: Path, text: str, lang: str = "fr") -> str:
    with pytest.raises(TnlError) as err:
        _load(tmp_path, text)
    return err.value.render(lang)


@pytest.mark.parametrize("raw,expected", [
    ("oui", True), ("Non", False), ("VRAI", True), ("faux", False), ("yes", True), ("no", False),
    (True, True), (False, False), (1, True), (0, False), ("1", True), ("0", False),
])
def test_boolean_spellings(raw, expected) -> None:
    assert ans.normalise_value(CAT.by_id["formats_ouverts"], raw) is expected


def test_x_only_in_batch() -> None:
    c = CAT.by_id["formats_ouverts"]
    assert ans.normalise_value(c, "x", allow_x=True) is True
    with pytest.raises(ans.ValueRefused):
        ans.normalise_value(c, "x")


def test_numbers_with_french_comma_and_unit() -> None:
    c = CAT.by_id["part_postes_os_libre"]
    assert ans.normalise_value(c, "42,5 %") == 42.5
    assert ans.normalise_value(c, 80) == 80
    with pytest.raises(ans.ValueRefused) as err:
        ans.normalise_value(c, 140)
    assert err.value.key == "answers.out_of_bounds"


def test_choices_by_value_or_label() -> None:
    c = CAT.by_id["suite_bureautique"]
    label = c.choices[0].label["fr"]
    assert ans.normalise_value(c, label.upper()) == c.choices[0].value
    multi = CAT.by_id["logiciels_libres_utilises"]
    assert ans.normalise_value(multi, "sig|navigateur") == ["navigateur", "sig"]


def test_unknown_criterion_suggests(tmp_path: Path) -> None:
    msg = _error(tmp_path, "edition: 2025\nreponses:\n  formats_ouvert: oui\n")
    assert "formats_ouvert" in msg and "formats_ouverts" in msg and ":3:" in msg


def test_wrong_kind_names_criterion_and_accepted_values(tmp_path: Path) -> None:
    msg = _error(tmp_path, "edition: 2025\nreponses:\n  formats_ouverts: peut-être\n")
    assert "formats_ouverts" in msg and "peut-être" in msg and "oui, non" in msg
    en = _error(tmp_path, "edition: 2025\nreponses:\n  formats_ouverts: maybe\n", "en")
    assert "yes/no" in en


@pytest.mark.parametrize("text,needle", [
    ("", "vide"),
    ("- a\n- b\n", "dictionnaire"),
    ("juste du texte\n", "dictionnaire"),
    ("edition: 2025\nreponses: {a: [\n", "syntaxe YAML"),
    ("edition: 2025\ninconnu: 1\n", "inconnue"),
    ("edition: 2019\n", "2019"),
    ("edition: 2025\ncollectivite: {siren: '215403958'}\n", "clé de contrôle"),
    ("edition: 2025\ncollectivite: {code_insee: '5439'}\n", "mal formé"),
    ("edition: 2025\ncollectivite: {population: -3}\n", "négatif"),
    ("edition: 2025\ncollectivite: {responsable: {nom: A, email: a.example.fr}}\n", "adresse"),
    ("edition: 2025\ncollectivite: {type: boulangerie}\n", "boulangerie"),
])
def test_bad_files(tmp_path: Path, text: str, needle: str) -> None:
    assert needle in _error(tmp_path, text)


def test_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(TnlError) as err:
        ans.load(tmp_path / "absent.yaml", load_edition)
    assert "introuvable" in err.value.render("fr")
    with pytest.raises(TnlError) as err:
        ans.load(tmp_path, load_edition)
    assert "répertoire" in err.value.render("fr")


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_bytes("edition: 2025\ncollectivite: {nom: Saint-\xc9tienne}\n".encode("cp1252"))
    with pytest.raises(TnlError) as err:
        ans.load(path, load_edition)
    assert "UTF-8" in err.value.render("fr")


@pytest.mark.parametrize("raw,kind", [
    ("CC", "communaute_communes"), ("Communauté d'Agglomération", "communaute_agglomeration"),
    ("communaute urbaine", "communaute_urbaine"), ("Métropole", "metropole"),
    ("DÉPARTEMENT", "departement"), ("Région", "region"),
    ("Collectivité territoriale unique", "ctu"), ("SIVOM", "syndicat"), ("SARL", "entreprise"),
])
def test_type_spellings(raw: str, kind: str) -> None:
    assert ident.parse_type(raw) == kind


@pytest.mark.parametrize("raw,code", [
    ("54395", "54395"), ("2a004", "2A004"), ("97411", "97411"), ("97611", "97611"),
    (1001, "01001"), (1001.0, "01001"),
])
def test_insee_codes(raw, code) -> None:
    assert ident.parse_insee(raw) == code


@pytest.mark.parametrize("raw", ["20004", "9999", "ABCDE", "99001", "2C004"])
def test_bad_insee_codes(raw) -> None:
    with pytest.raises(ident.IdentityValueError):
        ident.parse_insee(raw)


def test_siren() -> None:
    assert ident.parse_siren("215 403 957") == "215403957"
    assert ident.parse_siren(245400676) == "245400676"
    with pytest.raises(ident.IdentityValueError) as err:
        ident.parse_siren("215403958")
    assert err.value.key == "identity.bad_siren_checksum"


def test_set_override_goes_through_same_validation() -> None:
    base = ans.Answers(2025, ident.Identity())
    updated = ans.apply_override(base, CAT, "ouverture_donnees=Oui")
    assert updated.value("ouverture_donnees") is True
    updated = ans.apply_override(updated, CAT, "collectivite.population=4 200")
    assert updated.identity.population == 4200
    with pytest.raises(TnlError):
        ans.apply_override(base, CAT, "ouverture_donnees=bof")
    with pytest.raises(TnlError):
        ans.apply_override(base, CAT, "sans_egal")


def test_round_trip_keeps_evidence(tmp_path: Path) -> None:
    loaded, catalog, _ = ans.load(Path(__file__).parent.parent / "examples"
                                  / "commune-exemple.yaml", load_edition)
    from tnl_cli.io import yaml as yamlio

    again, _, _ = _load(tmp_path, yamlio.dump(ans.to_document(loaded, catalog, "test")))
    assert again.responses == loaded.responses
    assert again.identity == loaded.identity


def test_older_edition_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("edition: 2024\nreponses:\n  demarche_sobriete_numerique: oui\n"
                    "  formats_ouverts: oui\n", encoding="utf-8")
    answers, catalog, gone = ans.load(path, load_edition, 2025)
    assert catalog.edition == 2025 and gone == ["demarche_sobriete_numerique"]
    assert answers.value("formats_ouverts") is True


@pytest.mark.parametrize("raw", ["https://[x", "https://a\u2100b.fr", "http://x:99999", "ftp://x.fr"])
def test_malformed_urls_are_refused_not_crashing(raw: str) -> None:
    with pytest.raises(ans.ValueRefused):
        ans.parse_url(raw)


def test_overseas_collectivity_codes() -> None:
    assert ident.parse_insee("98735") == "98735"
    assert ident.parse_insee("97502") == "97502"


@pytest.mark.parametrize("raw", [".inf", ".nan", "1e400", "-.inf"])
def test_counts_must_be_finite(tmp_path: Path, raw: str) -> None:
    msg = _error(tmp_path, f"edition: 2025\ncollectivite: {{agents: {raw}}}\n")
    assert "n'est pas un nombre" in msg or "nombre entier" in msg or "trop grand" in msg


def test_set_code_does_not_keep_what_the_previous_code_filled_in() -> None:
    base = ans.apply_override(ans.Answers(2025, ident.Identity(type="commune")), CAT,
                              "collectivite.code_insee=54395")
    assert base.identity.nom == "Nancy"
    moved = ans.apply_override(base, CAT, "collectivite.code_insee=57463")
    assert moved.identity.nom == "Metz" and moved.identity.departement == "57"
    assert not moved.identity.notes  # no "Nancy does not match 57463" warning


def test_lists_where_text_is_expected(tmp_path: Path) -> None:
    assert "texte" in _error(tmp_path, "edition: 2025\ncollectivite: {nom: [a, b]}\n")
    msg = _error(tmp_path, "edition: 2025\nreponses:\n  formats_ouverts: {valeur: oui, "
                           "justification: [a]}\n")
    assert "justification" in msg


def test_any_malformed_value_in_an_answers_file_gets_a_message(tmp_path: Path) -> None:
    """Every field of the example replaced by junk: an error message or a result, never a crash."""
    import copy

    import yaml
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from tnl_cli.io import yaml as yamlio

    example = yaml.safe_load((Path(__file__).parent.parent / "examples"
                              / "commune-exemple.yaml").read_text(encoding="utf-8"))

    def paths(data, path=()):
        yield path
        if isinstance(data, dict):
            for key, value in data.items():
                yield from paths(value, path + (key,))
        elif isinstance(data, list):
            for i, value in enumerate(data[:2]):
                yield from paths(value, path + (i,))

    junk = [5, -1, "texte", None, True, [], {}, [1, 2], {"a": 1}, 1.5, ".inf", "2A004", "x" * 300]
    places = [p for p in paths(example) if p]
    path = tmp_path / "r.yaml"

    @settings(max_examples=300, deadline=None)
    @given(st.sampled_from(places), st.sampled_from(junk))
    def check(place, value) -> None:
        data = copy.deepcopy(example)
        target = data
        for key in place[:-1]:
            target = target[key]
        target[place[-1]] = copy.deepcopy(value)
        path.write_text(yamlio.dump(data), encoding="utf-8")
        try:
            answers, catalog, _ = ans.load(path, load_edition)
        except TnlError as err:
            assert err.render("fr") and err.render("en")
            return
        from tnl_cli.core.engine import evaluate
        from tnl_cli.report.assessment import to_dict

        to_dict(evaluate(catalog, answers), catalog, answers, "fr")

    check()


def test_os_errors_are_told_in_french() -> None:
    import errno

    err = TnlError.of("io.unwritable", file="x", reason="Permission denied", errno=errno.EACCES)
    assert "permission refusée" in err.render("fr")
    assert "permission denied" in err.render("en")


def test_output_under_a_file(tmp_path: Path) -> None:
    from tnl_cli.io.files import write_atomic

    blocker = tmp_path / "fichier"
    blocker.write_text("x")
    with pytest.raises(TnlError) as err:
        write_atomic(blocker / "sortie.md", "contenu")
    assert "est un fichier, pas un répertoire" in err.value.render("fr")


@pytest.mark.parametrize("raw", ["oui", "non", "true"])
def test_a_yes_no_where_a_share_is_asked_says_the_question_wants_a_figure(tmp_path, raw) -> None:
    # reemploi_equipements was a yes/no question before it became the AGEC share: a file of
    # the old form is told why its answer is refused and what to do, not only "not a number".
    path = tmp_path / "r.yaml"
    path.write_text("edition: 2025\ncollectivite: {nom: X, type: commune}\nreponses:\n"
                    f"  reemploi_equipements: {raw}\n", encoding="utf-8")
    with pytest.raises(TnlError) as exc:
        ans.load(path, load_edition)
    text = exc.value.render("fr")
    assert "attend un nombre, pas oui ou non" in text
    assert "tnl criteria show reemploi_equipements" in text
