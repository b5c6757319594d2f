"""Real lookups in the bundled collectivities data (@etalab/decoupage-administratif 6.0.0)."""

from __future__ import annotations

import random
import re
import sqlite3
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tnl_cli.reference import territory, territory_index
from tnl_cli.reference.territory import Collectivity, by_insee, by_siren, normalise_name, search


def commune(code: str) -> Collectivity:
    found = by_insee(code)
    assert found is not None, code
    return found


def by_siren_found(siren: str) -> Collectivity:
    found = by_siren(siren)
    assert found is not None, siren
    return found


@pytest.mark.parametrize(
    ("insee", "name", "siren", "departement", "region"),
    [
        ("54395", "Nancy", "215403957", "54", "44"),
        ("2A004", "Ajaccio", "212000046", "2A", "94"),
        ("97411", "Saint-Denis", "219740115", "974", "04"),
        ("97611", "Mamoudzou", "200008837", "976", "06"),
        ("75056", "Paris", "217500016", "75", "11"),
        ("05074", "Lettret", "210500740", "05", "93"),
    ],
)
def test_commune_by_insee_and_siren(insee: str, name: str, siren: str, departement: str, region: str) -> None:
    found = commune(insee)
    assert (found.kind, found.name, found.insee, found.siren) == ("commune", name, insee, siren)
    assert (found.departement, found.region) == (departement, region)
    assert by_siren(siren) == found


def test_commune_details() -> None:
    nancy = commune("54395")
    assert nancy.departement_name == "Meurthe-et-Moselle"
    assert nancy.region_name == "Grand Est"
    assert (nancy.epci_siren, nancy.epci_name) == ("245400676", "Métropole du Grand Nancy")
    assert commune("05074").population == 196  # population municipale in the 6.0.0 data
    assert commune("2A004").region_name == "Corse"


def test_epci_by_siren() -> None:
    grand_nancy = by_siren_found("245400676")
    assert (grand_nancy.kind, grand_nancy.name) == ("metropole", "Métropole du Grand Nancy")
    assert grand_nancy.insee is None and grand_nancy.epci_siren is None
    assert grand_nancy.departement == "54"
    lyon = by_siren_found("200046977")  # nature MET69
    assert (lyon.kind, lyon.name) == ("metropole", "Métropole de Lyon")
    assert by_siren_found("242010056").kind == "communaute_agglomeration"
    assert by_siren_found("200000172").kind == "communaute_communes"
    assert by_siren_found("200067213").kind == "communaute_urbaine"


@pytest.mark.parametrize("code", ["99999", "2C004", "", "abcde", "543955", "215403957"])
def test_unknown_codes(code: str) -> None:
    assert by_insee(code) is None


def test_unknown_sirens() -> None:
    assert by_siren("000000000") is None
    assert by_siren("21540395") is None
    assert by_siren("not a siren") is None


def test_codes_as_users_type_them() -> None:
    assert commune(" 2a004 ").name == "Ajaccio"
    assert commune("1001").insee == "01001"  # a spreadsheet dropped the leading zero
    assert by_siren_found("215 403 957").name == "Nancy"


def test_former_and_delegated_codes_give_todays_commune() -> None:
    assert commune("20004").insee == "2A004"  # Corsica before 1976
    assert commune("75101").insee == "75056"  # Paris 1er arrondissement
    assert commune("13201").name == "Marseille"


@pytest.mark.parametrize("text", ["saint etienne", "st-etienne", "Saint-Étienne", "ST ETIENNE"])
def test_search_saint_variants(text: str) -> None:
    first = search(text)[0]
    assert (first.name, first.insee) == ("Saint-Étienne", "42218")


@pytest.mark.parametrize("text", ["lhay les roses", "L'Haÿ-les-Roses", "l hay les roses"])
def test_search_apostrophes_and_diaeresis(text: str) -> None:
    assert search(text)[0].insee == "94038"


def test_search_ranks_homonyms_by_population() -> None:
    found = search("Saint-Denis", limit=3)
    assert [c.insee for c in found[:2]] == ["97411", "93066"]
    assert len(found) == 3


def test_search_close_matches() -> None:
    assert search("nanci")[0].insee == "54395"
    assert search("grand nancy")[0].siren == "245400676"
    assert search("Communauté d'agglomération du Pays Ajaccien")[0].siren == "242010056"
    assert search("Ville de Nancy")[0].insee == "54395"
    assert search("Meurthe et Mosele")[0].insee == "54"


def test_search_name_then_names_starting_then_names_with_the_word() -> None:
    found = search("nancy")
    assert [c.name for c in found[:3]] == [
        "Nancy",  # the name itself
        "Métropole du Grand Nancy",  # then names holding the word, the most populated first
        "Vandœuvre-lès-Nancy",
    ]
    assert "Nancy-sur-Cluses" in [c.name for c in found]  # starts with it, fewer inhabitants
    populations = [c.population or 0 for c in found[1:]]
    assert populations == sorted(populations, reverse=True)
    # The name exists: no close matches (Nancray, Nançay) among the results.
    assert all("nancy" in normalise_name(c.name).split() for c in found)
    assert [c.name for c in search("Strasbourg")] == ["Strasbourg", "Eurométropole de Strasbourg"]


@pytest.mark.parametrize(
    ("text", "siren"),
    [
        ("grand nancy", "245400676"),
        ("aix marseille", "200054807"),  # Métropole d'Aix-Marseille-Provence
        ("pays basque", "200067106"),  # CA du Pays Basque
        ("ales agglo", "200066918"),  # CA Alès Agglomération
        ("cc pays d orange", "248400236"),  # CC Pays d'Orange en Provence
    ],
)
def test_search_names_by_their_first_or_later_words(text: str, siren: str) -> None:
    assert search(text)[0].siren == siren


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("nanci", "54395"),
        ("marseile", "13055"),
        ("montpelier", "34172"),
        ("Strasbourgg", "67482"),  # before Eurométropole de Strasbourg: the whole name is closer
        ("Bouches du Rone", "13"),
        ("metropole grand nancy", "245400676"),
    ],
)
def test_search_typos_and_missing_words(text: str, code: str) -> None:
    first = search(text)[0]
    assert code in (first.insee, first.siren)


def test_search_close_matches_only_when_no_name_is_the_text() -> None:
    assert "Nancray" in [c.name for c in search("nanci")]
    assert "Nancray" not in [c.name for c in search("nancy", limit=50)]


def test_search_two_letters_starting_no_name_find_nothing() -> None:
    assert search("nc") == []  # rather than every name containing "nc"


@pytest.mark.skipif(not hasattr(sqlite3.Connection, "setlimit"), reason="Python >= 3.11")
def test_search_pasted_text_within_old_sqlite_limits() -> None:
    """A long paste finds nothing, without a query beyond SQLite < 3.32's 999 parameters."""
    db = territory._db()
    before = db.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)
    try:
        rng = random.Random(1)
        pasted = "".join(rng.choice(string.ascii_lowercase + string.digits) for _ in range(5000))
        assert search(pasted) == []
        assert search("Nancy " * 30) == []
        assert search("Communauté d'agglomération du Pays Ajaccien")[0].siren == "242010056"
    finally:
        db.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, before)


def test_search_gibberish_finds_nothing() -> None:
    assert search("xqzjkw") == []
    assert search("   ") == []
    assert search("Nancy", limit=0) == []


def test_search_by_code_and_siren() -> None:
    assert search("54395") == [by_insee("54395")]
    assert search("215403957") == [by_insee("54395")]
    assert search("245400676") == [by_siren("245400676")]
    assert search("99999") == []


def test_search_departement_by_name_and_code() -> None:
    by_name = search("Meurthe-et-Moselle")[0]
    assert (by_name.kind, by_name.insee, by_name.region_name) == ("departement", "54", "Grand Est")
    assert search("54") == [by_name]
    assert by_name.population and by_name.population > 700_000  # summed over its communes


def test_search_region() -> None:
    found = search("11")
    assert [(c.kind, c.name) for c in found] == [("departement", "Aude"), ("region", "Île-de-France")]
    assert search("Grand Est")[0].kind == "region"


def test_single_territorial_collectivities() -> None:
    corse = search("Corse")[0]
    assert (corse.kind, corse.insee, corse.region, corse.departement) == ("ctu", "94", "94", None)
    assert search("2A") == [corse]  # Corse-du-Sud is no longer a collectivity
    martinique = search("Martinique")[0]
    assert (martinique.kind, martinique.insee, martinique.region) == ("ctu", "972", "02")
    assert search("972") == [martinique]
    assert search("02") == [search("Aisne")[0], martinique]  # département 02, région 02
    assert search("Guyane")[0].kind == "ctu"


def test_mayotte_is_a_departement() -> None:
    mayotte = search("Mayotte")[0]
    assert (mayotte.kind, mayotte.insee, mayotte.region) == ("departement", "976", "06")
    assert mayotte in search("06")  # région 06 is the same collectivity


def test_guadeloupe_has_a_departement_and_a_region() -> None:
    assert [c.kind for c in search("Guadeloupe")[:2]] == ["departement", "region"]


def test_only_known_kinds_are_returned() -> None:
    codes = [f"{n:02d}" for n in range(1, 96)] + ["2A", "2B"] + [str(n) for n in range(971, 990)]
    found = [c for code in codes for c in search(code)]
    assert {c.kind for c in found} == {"departement", "region", "ctu"}
    assert search("987") == []  # Polynésie française: an overseas collectivity outside the list


def test_source_info() -> None:
    info = territory.source_info()
    assert info["source_package"] == "@etalab/decoupage-administratif"
    assert info["source_version"] == "6.0.0"
    assert info["licence"] == "Licence Ouverte / Etalab 2.0"
    assert "Etalab" in info["attribution"]
    assert int(info["count_commune"]) > 34_000


def test_index_agrees_with_module() -> None:
    index = territory_index.load_index()
    for code in ["54395", "2A004", "97411", "97611", "75056", "05074", "20004", "75101", "1001"]:
        assert index.by_insee(code) == by_insee(code)
    for siren in ["215403957", "245400676", "200046977", "215 403 957"]:
        assert index.by_siren(siren) == by_siren(siren)
    assert index.by_insee("99999") is None and index.by_siren("000000000") is None


def test_name_table_follows_the_normaliser_and_population() -> None:
    """The names search reads were built with today's normalise_name, numbered from the most
    populated; a change to the normaliser needs a rebuild (scripts/build_territory.py)."""
    db = territory._db()
    rows = db.execute(
        "SELECT n.id, n.key, n.norm, n.source, coalesce(c.name, e.name, d.name, r.name),"
        " coalesce(c.population, e.population, d.population, r.population, 0) FROM name n"
        " LEFT JOIN commune c ON n.source = 'commune' AND c.insee = n.ref"
        " LEFT JOIN epci e ON n.source = 'epci' AND e.siren = n.ref"
        " LEFT JOIN departement d ON n.source = 'departement' AND d.code = n.ref"
        " LEFT JOIN region r ON n.source = 'region' AND r.code = n.ref ORDER BY n.id"
    ).fetchall()
    assert [row[0] for row in rows] == list(range(1, len(rows) + 1))
    # Municipal arrondissements stand for their commune (numbered by their own population,
    # which the database does not keep): checked apart.
    arrondissements = [row for row in rows if row[3] == "arrondissement"]
    places = dict(db.execute("SELECT code, place FROM code_alias WHERE kind = 'arrondissement'"))
    assert len(arrondissements) == 45
    assert sorted(row[2] for row in arrondissements) == sorted(
        normalise_name(place) for place in places.values())
    assert "Paris 1er Arrondissement" in places.values()
    rows = [row for row in rows if row[3] != "arrondissement"]
    assert all(name is not None for *_, name, _ in rows)
    populations = [row[5] for row in rows]
    assert populations == sorted(populations, reverse=True)
    assert all(key == norm.replace(" ", "") for _, key, norm, *_ in rows)
    assert all(normalise_name(name) == norm for _, _, norm, _, name, _ in rows[::7])
    communes, epcis = (db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("commune", "epci"))
    areas = db.execute(
        "SELECT (SELECT count(*) FROM departement WHERE kind != 'com')"
        " + (SELECT count(*) FROM region WHERE kind != 'com')"
    ).fetchone()[0]
    assert len(rows) == communes + epcis + areas


@pytest.mark.parametrize("trigram", [" na", "ncy", "lle", "ey ", " y ", "e d"])
def test_trigram_postings_list_every_name_having_it(trigram: str) -> None:
    keys = territory._db().execute("SELECT id, key FROM name ORDER BY id").fetchall()
    expected = [id_ for id_, key in keys if trigram in f" {key} "]
    postings = territory._postings({trigram})
    assert list(postings.get(trigram, [])) == expected
    assert territory._trigrams("nancy") == {" na", "nan", "anc", "ncy", "cy "}


def test_collectivity_is_immutable() -> None:
    nancy = commune("54395")
    with pytest.raises(AttributeError):
        nancy.name = "Metz"  # type: ignore[misc]


@given(st.text())
def test_normalise_name_is_idempotent_lowercase_ascii_words(text: str) -> None:
    folded = normalise_name(text)
    assert re.fullmatch(r"(?:[a-z0-9]+(?: [a-z0-9]+)*)?", folded)
    assert normalise_name(folded) == folded


def test_normalise_name_examples() -> None:
    assert normalise_name("L'Haÿ-les-Roses") == "l hay les roses"
    assert normalise_name("Sainte-Foy-lès-Lyon") == "ste foy les lyon"
    assert normalise_name("Saint-Étienne") == normalise_name("St Etienne") == "st etienne"
    assert normalise_name("Vandœuvre-lès-Nancy") == "vandoeuvre les nancy"
    assert normalise_name("Communauté de communes du Val") == "cc du val"
