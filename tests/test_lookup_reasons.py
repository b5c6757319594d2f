"""Issue 15, `tnl lookup` as a new user tries it: why a result came up (old code, postal
code, arrondissement), ranking by the collectivity's own name then size, and no match said."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tnl_cli.reference import territory


def test_75001_is_an_old_code_and_a_postal_code(run: Any) -> None:
    res = run("lookup", "75001")
    assert res.code == 0
    assert ("75001 est l'ancien code INSEE (d'avant 1968) de la commune Alfortville, dont le "
            "code est aujourd'hui 94002.") in res.out
    assert ("75001 ressemble à un code postal : Paris 1er Arrondissement ; les arrondissements "
            "ne sont pas des collectivités, la commune est Paris (75056).") in res.out


def test_reasons_in_json_and_english(run: Any) -> None:
    res = run("--lang", "en", "lookup", "75001", "--format", "json")
    data = json.loads(res.out)
    assert [r["code_insee"] for r in data["results"]] == ["94002", "75056"]
    assert data["results"][0]["raison"].startswith("75001 is the former INSEE code")
    assert "arrondissements are not collectivities" in data["results"][1]["raison"]


@pytest.mark.parametrize(("text", "insee", "reason"), [
    ("75015", "75056", "lookup.why_postal_place"),  # Paris 15e
    ("54000", "54395", "lookup.why_postal"),  # Nancy's postal code, no commune's code
    ("75101", "75056", "lookup.why_arrondissement"),  # the arrondissement's own COG code
    ("20004", "2A004", "lookup.why_renumbered"),  # Ajaccio before Corsica was split
])
def test_codes_that_are_not_a_communes_own(text: str, insee: str, reason: str) -> None:
    found = territory.find(text)
    assert (insee, reason) in [(f.collectivity.insee, f.reason) for f in found]


def test_a_communes_own_code_first_then_the_postal_code_it_also_is() -> None:
    found = territory.find("13001")  # Aix-en-Provence's code, Marseille 1er's postal code
    assert found[0] == territory.Found(territory.by_insee("13001"))
    assert [(f.collectivity.insee, f.reason) for f in found[1:]] == [
        ("13055", "lookup.why_postal_place")]


@pytest.mark.parametrize(("text", "first"), [
    ("Marseille 1er", "13055"), ("Paris 15e", "75056"), ("Lyon 3e arrondissement", "69123"),
])
def test_arrondissement_names_find_their_commune(run: Any, text: str, first: str) -> None:
    found = territory.find(text)
    assert found[0].collectivity.insee == first
    assert found[0].reason == "lookup.why_arrondissement_name"
    res = run("lookup", text)
    assert res.code == 0 and "les arrondissements ne sont pas des collectivités" in res.out


def test_whole_words_before_longer_words() -> None:
    names = [c.name for c in territory.search("Paris", limit=10)]
    assert names[:3] == ["Paris", "Paris", "Métropole du Grand Paris"]  # commune, département
    assert names.index("Métropole du Grand Paris") < names.index("Parisot") \
        if "Parisot" in names else True
    more = [c.name for c in territory.search("Paris", limit=60)]
    assert "Parisot" in more and more.index("Parisot") > more.index("Métropole du Grand Paris")


def test_no_such_collectivity_gives_suggestions_and_exit_1(run: Any) -> None:
    res = run("lookup", "Xyzville")
    assert res.code == 1
    assert "Aucune collectivité ne s'appelle « Xyzville ». Noms proches :" in res.err
    assert "Yerville" in res.out
    data = json.loads(run("lookup", "Xyzville", "--format", "json").out)
    assert data["count"] == 0 and data["suggestions"]


def test_the_database_has_postal_codes_of_every_commune() -> None:
    db = territory._db()
    communes = db.execute("SELECT count(*) FROM commune").fetchone()[0]
    with_postal = db.execute("SELECT count(DISTINCT insee) FROM postal").fetchone()[0]
    assert with_postal >= communes - 10  # a few overseas communes have none in the source
    assert db.execute("SELECT place FROM postal WHERE code = 75001").fetchone() == (
        "Paris 1er Arrondissement",)
