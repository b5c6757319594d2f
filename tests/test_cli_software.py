"""`tnl software search|show`: the software catalog from the command line."""

from __future__ import annotations

import json

import pytest

from tnl_cli.commands.software import software_dict
from tnl_cli.reference import software
from tnl_cli.report.wording import use_domain_label


def search_json(run, *args: str) -> dict:
    result = run("software", "search", *args, "--format", "json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_libre_office_finds_libreoffice(run) -> None:
    result = run("software", "search", "libre office")
    assert result.code == 0 and result.err == ""
    lines = result.out.splitlines()
    first = lines.index("LibreOffice (libreoffice) : logiciel libre, licence MPL-2.0")
    assert lines[first + 1:first + 4] == [
        "  Fonction : Suite bureautique",
        "  Domaine : Bureautique",
        "  SILL 2020 : recommandé",
    ]
    assert lines[-1].startswith("Données : Socle interministériel de logiciels libres (SILL) 2020, "
                                "Licence Ouverte 2.0, Les Groupes Mutualisation Interministérielle "
                                "et contributeurs du dépôt DISIC/sill, 2019-2021")


def test_microsoft_office_lists_free_alternatives(run) -> None:
    result = run("software", "search", "Microsoft Office")
    assert result.code == 0
    assert "Microsoft Office (microsoft-office) : logiciel propriétaire" in result.out
    assert "  Alternatives libres : LibreOffice, ONLYOFFICE, Collabora Online" in result.out
    data = search_json(run, "Microsoft", "Office")
    office = data["results"][0]
    assert (office["id"], office["free"], office["licence"]) == ("microsoft-office", False,
                                                                 "LicenseRef-proprietary")
    assert [a["id"] for a in office["alternatives"]][0] == "libreoffice"
    assert all(software.catalog()[a["id"]].free for a in office["alternatives"])


def test_names_as_users_write_them_come_first(run) -> None:
    assert search_json(run, "MS Office 2019")["results"][0]["id"] == "microsoft-office"
    assert search_json(run, "LibreOffice", "7.6")["results"][0]["id"] == "libreoffice"


def test_search_by_need_and_limit(run) -> None:
    data = search_json(run, "visio", "--limit", "3")
    assert data["count"] == 3
    assert data["results"][0]["id"] == "microsoft-visio"
    result = run("software", "search", "visio", "-n", "3")
    assert "3 logiciels pour « visio »" in result.out
    assert "--limit 6" in result.out


def test_non_free_licence_and_unverified_licence_in_words(run) -> None:
    assert "MongoDB (mongodb) : logiciel non libre, licence SSPL-1.0" in run(
        "software", "show", "mongodb").out
    unknown = [sw for sw in software.catalog().values() if sw.free and sw.licence == "unknown"][0]
    assert f"{unknown.name} ({unknown.id}) : logiciel libre (licence non vérifiée)" in run(
        "software", "show", unknown.id).out


def test_nothing_found_exits_1(run) -> None:
    result = run("software", "search", "xqzjkw")
    assert result.code == 1 and result.out == ""
    assert "Aucun logiciel du catalogue ne correspond à « xqzjkw »" in result.err
    assert "vérifiez sa licence" in result.err
    as_json = run("software", "search", "xqzjkw", "--format", "json")
    assert as_json.code == 1 and json.loads(as_json.out)["count"] == 0


def test_english_output(run) -> None:
    result = run("software", "search", "Microsoft Office", "--lang", "en")
    assert result.code == 0
    assert "Microsoft Office (microsoft-office): proprietary software" in result.out
    assert "  Domain: Office suite" in result.out
    assert "  SILL 2020: not listed" in result.out
    assert "  Free alternatives: LibreOffice, ONLYOFFICE, Collabora Online" in result.out
    assert "complements: tnl contributors." in result.out
    data = search_json(run, "libreoffice", "--lang", "en")
    assert data["results"][0]["sill_status_label"] == "recommended"


def test_show_by_id_or_name_says_what_it_replaces(run) -> None:
    result = run("software", "show", "libreoffice")
    assert result.code == 0
    assert "  Alternative libre à : " in result.out and "Microsoft Office" in result.out
    data = json.loads(run("software", "show", "Libre", "Office", "--format", "json").out)
    assert data["id"] == "libreoffice"
    assert "microsoft-office" in [r["id"] for r in data["replaces"]]
    assert data["source"]["licence"] == "Licence Ouverte 2.0"


def test_show_unknown_points_to_search(run) -> None:
    result = run("software", "show", "bureautique")
    assert result.code == 1
    assert "tnl software search bureautique" in result.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("search",), "indiquez un nom de logiciel"),
        (("search", " "), "indiquez un nom de logiciel"),
        (("search", "office", "--limit", "0"), "--limit 0 : indiquez un nombre entier de 1 à 1000."),
        (("search", "zzzz", "-n", "99999999999999999999"), "--limit 99999999999999999999 : "),
        (("search", "office", "--limit", "1001"), "de 1 à 1000"),
        (("search", "office", "--format", "csv"), "--format « csv »"),
        (("show",), "indiquez un nom de logiciel"),
    ],
)
def test_usage_errors_exit_2(run, args, message) -> None:
    result = run("software", *args)
    assert result.code == 2
    assert message in result.err


def test_use_domains_are_named_as_in_the_assessment(run) -> None:
    """One English name per use domain (wording.use_domain_label), in search, show and JSON."""
    assert "  Domain: Office suite" in run("software", "show", "libreoffice", "--lang", "en").out
    data = search_json(run, "qgis", "--lang", "en")
    assert data["results"][0]["use_domain_label"] == "Geographic information"
    for sw in software.catalog().values():
        assert software_dict(sw, "en")["use_domain_label"] == use_domain_label(sw.use_domain, "en")
        assert software_dict(sw, "fr")["use_domain_label"] == software.use_domains()[sw.use_domain]


def test_help_is_in_french_and_credits_the_sill(run) -> None:
    result = run("software", "--help")
    text = " ".join(result.out.split())
    assert "Licence Ouverte 2.0" in text
    assert ("Les Groupes Mutualisation Interministérielle et contributeurs du dépôt DISIC/sill, "
            "2019-2021") in text
    assert "Affiche cette aide et quitte." in run("software", "search", "--help").out

