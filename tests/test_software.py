"""The bundled software catalog: recognising names as users write them, free alternatives."""

from __future__ import annotations

import pytest

from tnl_cli.reference import software
from tnl_cli.reference.software import Software, alternatives, catalog, match, match_many, search


def matched_id(name: str) -> str | None:
    found = match(name).software
    return found.id if found else None


def known(name: str) -> Software:
    found = match(name).software
    assert found is not None, name
    return found


@pytest.mark.parametrize(
    "name",
    ["libre office", "LibreOffice 7.6", "Libre-Office", "libreoffice", "LIBREOFFICE 24.2.1", "Libre Ofice"],
)
def test_libreoffice_spellings(name: str) -> None:
    result = match(name)
    assert result.software is not None and result.software.name == "LibreOffice"
    assert result.query == name
    assert result.software.free and result.software.licence == "MPL-2.0"
    assert result.software.sill_status == "R"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("MS Office 2019", "microsoft-office"),
        ("Microsoft Office Professional Plus 2019", "microsoft-office"),
        ("Office 365", "microsoft-office"),
        ("Open Office", "apache-openoffice"),
        ("only office", "onlyoffice"),
        ("office libre", "libreoffice"),
        ("Firefox ESR 115", "firefox"),
        ("Windows 10 Pro", "microsoft-windows"),
        ("Windows Server 2012 R2", "windows-server"),
        ("Adobe Acrobat Reader DC", "adobe-acrobat-reader"),
        ("thunderbrid", "thunderbird"),
        ("QGIS 3.28", "qgis"),
        ("As@lae", "asalae"),
        ("S²LOW", "s2low"),
        ("Qgis", "qgis"),  # the SILL's own spelling stays an alias
    ],
)
def test_names_as_users_write_them(name: str, expected: str) -> None:
    assert matched_id(name) == expected


@pytest.mark.parametrize("name", ["xqzjkw", "qsdfghjkl mlkj", "", "  ", "vl", "Adobe", "Mobile", "PDF"])
def test_unknown_or_ambiguous_names_give_none(name: str) -> None:
    result = match(name)
    assert result.software is None
    assert result.query == name


def test_match_many_keeps_order_and_duplicates() -> None:
    results = match_many(["VLC", "gibberish xqzjkw", "vlc media player 3.0.20", "VLC"])
    assert [r.software.id if r.software else None for r in results] == ["vlc", None, "vlc", "vlc"]
    assert results[0] is results[3]


def test_proprietary_product_and_its_alternatives() -> None:
    office = known("Microsoft Office")
    assert not office.free and office.licence == "LicenseRef-proprietary"
    assert office.use_domain == "bureautique"
    replacements = alternatives(office)
    assert [s.id for s in replacements][0] == "libreoffice"
    assert all(s.free for s in replacements)
    assert {"onlyoffice", "collabora-online"} <= {s.id for s in replacements}


def test_every_proprietary_entry_is_consistent() -> None:
    entries = catalog().values()
    for entry in entries:
        if entry.free:
            assert entry.alternatives == ()
        for alternative in alternatives(entry):
            assert alternative.free
    proprietary = {e.id for e in entries if e.licence == "LicenseRef-proprietary"}
    assert {"arcgis", "zoom", "microsoft-teams", "vmware-vsphere", "oracle-database"} <= proprietary


def test_pastell_is_agpl() -> None:
    pastell = known("Pastell")
    assert pastell.free and pastell.licence.startswith("AGPL-3.0")
    assert pastell.use_domain == "metier" and pastell.sill_status is None


def test_unverified_licences_stay_unknown() -> None:
    assert known("openElec").licence == "unknown"
    assert known("i-Parapheur").licence == "unknown"
    assert known("S2LOW").licence == "CECILL-2.0"


def test_licence_changes_since_the_sill() -> None:
    mongodb = known("MongoDB")
    assert not mongodb.free and mongodb.licence == "SSPL-1.0"
    assert mongodb.sill_status == "R"  # still as the SILL 2020 listed it
    assert [s.id for s in alternatives(mongodb)] == ["postgresql"]


def test_search_by_name_and_by_need() -> None:
    assert [s.id for s in search("pastel")] == ["pastell"]
    visio = [s.id for s in search("visio")]
    assert visio[0] == "microsoft-visio"  # the name first
    assert {"jitsi", "bigbluebutton", "zoom"} <= set(visio)
    office = search("bureautique", limit=50)
    assert office.index(catalog()["libreoffice"]) < office.index(catalog()["microsoft-office"])
    assert search("libreofice")[0].id in {"libreoffice", "collabora-online"}
    assert search("xqzjkw") == [] and search("office", limit=0) == []


def test_catalog_and_source() -> None:
    entries = catalog()
    assert len(entries) > 250
    assert entries["libreoffice"].function == "Suite bureautique"
    info = software.source_info()
    assert info["licence"] == "Licence Ouverte 2.0"
    assert "DISIC/sill" in info["attribution"]


@pytest.mark.parametrize(("free", "licence", "status", "named"), [
    (True, "MPL-2.0", "free", "MPL-2.0"),
    (True, "unknown", "free", None),
    (False, "SSPL-1.0", "not_free", "SSPL-1.0"),
    (False, "unknown", "not_free", None),
    (False, "LicenseRef-proprietary", "proprietary", None),
    (False, None, "proprietary", None),  # declared not free by the user, outside the catalog
    (True, None, "free", None),
    (None, None, "unknown", None),
])
def test_one_reading_of_licences(free, licence, status, named) -> None:
    assert software.licence_status(free, licence) == status
    assert software.licence_name(licence) == named


def test_find_puts_the_name_as_users_write_it_first() -> None:
    assert [sw.id for sw in software.find("MS Office 2019", 3)][0] == "microsoft-office"
    found = software.find("visio", 3)
    assert len(found) == 3 and found[0].id == "microsoft-visio"
    assert len({sw.id for sw in software.find("libreoffice", 10)}) == len(software.find("libreoffice", 10))


def test_replaced_by_is_the_reverse_of_alternatives() -> None:
    libreoffice = catalog()["libreoffice"]
    replaced = software.replaced_by(libreoffice)
    assert catalog()["microsoft-office"] in replaced
    assert all(libreoffice in alternatives(sw) for sw in replaced)
    assert software.replaced_by(catalog()["microsoft-office"]) == []
