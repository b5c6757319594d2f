"""data.gouv.fr's exports read and counted: the bundled example checked against hand counts,
and every kind of broken file refused with its file and line.

Hand counts (examples/opendata/, reference date 2026-12-06, so « recent » = on or after
2025-12-06):
- Nancy (SIREN 215403957) has two organisations (SIRETs 2154039570xxxx): 7 datasets, one
  archived (ds-nancy-ancien) -> 6; recent: deliberations 2026-10-01, budget 2026-03-15,
  musees 2026-12-01, horaires 2025-12-06 (the boundary day) -> 4; licences: Licence Ouverte
  2.0 x3 (deliberations, budget, equipements), ODbL x1, not specified x1, CC-BY x1 (autre);
  SCDL: deliberations (two resources, one dataset), budget -> 2 datasets; the scdl/subventions
  resource belongs to the archived dataset: not counted.
- Grand Nancy (245400676): 2 datasets, one archived (`True`) -> 1, recent 1, LO 2.0 x1, the
  IRVE schema (not SCDL); the scdl/equipements resource is on the archived dataset.
- Lettret (210500740): an organisation with no dataset.
- the association has no SIRET: never matched.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import EXAMPLES

from tnl_cli.errors import TnlError
from tnl_cli.opendata import counting, odf, proposals
from tnl_cli.opendata.exports import Table, export_date

DIR = EXAMPLES / "opendata"
ORGS = DIR / "export-organization-20261128-061500.csv"
DATASETS = DIR / "export-dataset-20261128-061500.csv"
RESOURCES = DIR / "export-resource-20261128-061500.csv"
ODF = DIR / "organisations-opendatafrance.csv"
DAY = dt.date(2026, 12, 6)
NANCY, METRO, LETTRET = "215403957", "245400676", "210500740"


def scan(sirens=None, resources=True, day=DAY):
    exports = counting.Exports(ORGS, DATASETS, RESOURCES if resources else None)
    return counting.scan(exports, sirens, day)


def test_hand_counts_of_the_example() -> None:
    facts = scan()
    assert set(facts) == {NANCY, METRO, LETTRET}
    nancy = facts[NANCY]
    assert [o.name for o in nancy.organisations] == ["Ville de Nancy", "Ville de Nancy - Musées"]
    assert (nancy.datasets, nancy.archived, nancy.recent) == (6, 1, 4)
    assert dict(nancy.licences) == {"licence_ouverte_2": 3, "odbl": 1, "aucune": 1, "autre": 1}
    assert nancy.scdl() == {"scdl/budget": 1, "scdl/deliberations": 1}
    assert nancy.scdl_datasets() == 2
    assert nancy.main_licence() == "licence_ouverte_2"
    metro = facts[METRO]
    assert (metro.datasets, metro.archived, metro.recent) == (1, 1, 1)
    assert metro.scdl() == {} and metro.other_schemas() == {"etalab/schema-irve-statique": 1}
    lettret = facts[LETTRET]
    assert (lettret.datasets, lettret.archived, lettret.organisations[0].name) == (
        0, 0, "Commune de Lettret")
    assert lettret.main_licence() is None


def test_one_siren_keeps_only_its_facts_and_the_reference_date_moves_recency() -> None:
    assert set(scan({NANCY})) == {NANCY}
    # a day later, the dataset updated on 2025-12-06 is no longer recent
    assert scan({NANCY}, day=dt.date(2026, 12, 7))[NANCY].recent == 3
    assert scan({NANCY}, day=dt.date(2030, 1, 1))[NANCY].recent == 0
    assert scan({"999999999"}) == {}


def test_without_the_resources_no_schema_is_seen() -> None:
    assert scan({NANCY}, resources=False)[NANCY].schemas == {}


@pytest.mark.parametrize(("cell", "category"), [
    ("Licence Ouverte / Open Licence version 2.0", "licence_ouverte_2"), ("lov2", "licence_ouverte_2"),
    ("etalab-2.0", "licence_ouverte_2"), ("Licence Ouverte / Open Licence", "licence_ouverte_1"),
    ("fr-lo", "licence_ouverte_1"), ("Open Data Commons Open Database License (ODbL)", "odbl"),
    ("odc-odbl", "odbl"), ("License Not Specified", "aucune"), ("notspecified", "aucune"),
    ("", "aucune"), ("Creative Commons Attribution", "autre"), ("Other (Attribution)", "autre"),
])
def test_licence_categories(cell: str, category: str) -> None:
    assert counting.licence_category(cell) == category


@pytest.mark.parametrize(("number", "siren"), [
    ("21540395700024", NANCY), ("215 403 957 00024", NANCY), ("215403957", NANCY),
    ("", None), ("N/A", None), ("2154039570", None), ("W123456789", None),
])
def test_siren_of_a_business_number(number: str, siren: str | None) -> None:
    assert counting.siren_of(number) == siren


def test_proposals_carry_their_sources_and_counts() -> None:
    facts = scan({NANCY})[NANCY]
    reading = proposals.Reading(counting.Exports(ORGS, DATASETS, RESOURCES), DAY)
    found = {p.criterion: p for p in proposals.propose(facts, None, reading)}
    assert {k: p.value for k, p in found.items()} == {
        "ouverture_donnees": True, "nombre_jeux_donnees": 6, "licence_donnees": "licence_ouverte_2",
        "socle_commun_donnees_locales": True,
        "url_portail_open_data": "https://www.data.gouv.fr/organizations/ville-de-nancy/"}
    licence = found["licence_donnees"].sources[0]
    assert (licence.compte, licence.base, licence.unite, licence.format) == (
        3, 6, "jeux_de_donnees", "datagouv-export")
    assert licence.date == dt.date(2026, 11, 28) and licence.lu_le == DAY
    scdl = found["socle_commun_donnees_locales"].sources[0]
    assert (scdl.fichier, scdl.compte, scdl.base) == (str(RESOURCES), 2, 6)


def test_nothing_is_proposed_from_an_absence() -> None:
    reading = proposals.Reading(counting.Exports(ORGS, DATASETS, RESOURCES), DAY)
    assert proposals.propose(scan({LETTRET})[LETTRET], None, reading) == []
    assert proposals.propose(None, None, reading) == []
    keys = [key for key, _ in proposals.blind_spots(None, None, reading)]
    assert "opendata.blind_portals" in keys


def test_opendatafrance_sees_the_other_portal() -> None:
    portals = odf.read(ODF, None)
    assert portals[NANCY].url_ptf == "https://opendata.nancy.fr" and portals[NANCY].nb_ptf == 42
    assert portals[METRO].nb_ptf is None and portals[METRO].url_ptf == ""
    reading = proposals.Reading(counting.Exports(ORGS, DATASETS), DAY, ODF)
    found = {p.criterion: p for p in proposals.propose(scan({NANCY})[NANCY], portals[NANCY],
                                                        reading)}
    assert found["nombre_jeux_donnees"].value == 42
    assert found["nombre_jeux_donnees"].sources[0].format == "opendatafrance"
    assert found["url_portail_open_data"].value == "https://opendata.nancy.fr"
    # a body with no dataset on data.gouv.fr but its own portal: open, by OpenDataFrance
    alone = {p.criterion: p.value for p in proposals.propose(None, portals[NANCY], reading)}
    assert alone["ouverture_donnees"] is True and alone["nombre_jeux_donnees"] == 42


def test_export_date_from_the_file_name_else_the_files_own(tmp_path: Path) -> None:
    import os

    assert export_date(DATASETS) == "2026-11-28"
    assert export_date(tmp_path / "absent-export-dataset.csv") is None
    downloaded = tmp_path / "export-20261341.csv"  # no valid date in the name
    downloaded.write_text("x", encoding="utf-8")
    os.utime(downloaded, (dt.datetime(2026, 3, 4, 12).timestamp(),) * 2)
    assert export_date(downloaded) == "2026-03-04"


# -- broken files -------------------------------------------------------------------------


def _table(tmp_path: Path, text: str | bytes, kind: str = "jeux",
           columns=("id", "organization_id", "license", "last_modified", "archived")) -> list:
    path = tmp_path / "export.csv"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    with Table(path, kind, columns) as table:
        return list(table.rows())


HEADER = DATASETS.read_text(encoding="utf-8").splitlines()[0]
ROW = ('"d1";"t";"s";"";"u";"o";"org1";"";"";"desc";"d";"annual";"lov2";"";"";"";"";False;'
       '"2020-01-01";"2026-01-01";"";False;1;1;"csv";"";"";"";"";"";"0.5";0;0;0;0;0')


def test_a_well_formed_row_is_read(tmp_path: Path) -> None:
    assert len(_table(tmp_path, f"{HEADER}\r\n{ROW}\r\n\r\n")[0]) == 36


def _refused(tmp_path: Path, text: str | bytes, **kwargs) -> TnlError:
    with pytest.raises(TnlError) as info:
        _table(tmp_path, text, **kwargs)
    return info.value


def test_another_export_is_named(tmp_path: Path) -> None:
    error = _refused(tmp_path, ORGS.read_text(encoding="utf-8"))
    assert error.problems[0].key == "opendata.other_export"
    text = error.render("fr")
    assert "l'export des organisations" in text and "organization_id" in text and ":1:" in text


def test_missing_columns_are_named(tmp_path: Path) -> None:
    error = _refused(tmp_path, '"id";"title"\n"a";"b"\n')
    assert error.problems[0].key == "opendata.missing_columns"
    assert "organization_id, license, last_modified, archived" in error.render("en")


def test_a_comma_separated_file_is_told(tmp_path: Path) -> None:
    error = _refused(tmp_path, HEADER.replace(";", ",") + "\n")
    assert error.problems[0].key == "opendata.not_semicolon"


def test_a_truncated_file(tmp_path: Path) -> None:
    cut = ROW[:ROW.index(";False;1;1")]
    error = _refused(tmp_path, f"{HEADER}\n{ROW}\n{cut}")
    assert error.problems[0].key == "opendata.truncated"
    assert error.problems[0].line == 3


def test_a_file_cut_inside_quotes(tmp_path: Path) -> None:
    error = _refused(tmp_path, f'{HEADER}\n{ROW}\n"d2";"a title cut')
    assert error.problems[0].key == "opendata.truncated_quote"


def test_broken_quoting(tmp_path: Path) -> None:
    broken = ROW.replace('"desc"', '"a "quoted" word"')
    error = _refused(tmp_path, f"{HEADER}\n{ROW}\n{broken}\n{ROW}\n")
    assert error.problems[0].key == "opendata.bad_quote" and error.problems[0].line == 3


def test_a_row_too_long_in_the_middle(tmp_path: Path) -> None:
    error = _refused(tmp_path, f"{HEADER}\n{ROW};\"extra\"\n{ROW}\n")
    assert error.problems[0].key == "opendata.bad_row" and error.problems[0].line == 2


def test_not_utf8(tmp_path: Path) -> None:
    data = f"{HEADER}\n{ROW}\n{ROW}\n".encode() + ROW.replace("desc", "d\xe9c").encode("cp1252")
    error = _refused(tmp_path, data)
    assert error.problems[0].key == "opendata.not_utf8" and error.problems[0].line == 4


def test_empty_and_missing_files(tmp_path: Path) -> None:
    assert _refused(tmp_path, "").problems[0].key == "opendata.empty"
    with pytest.raises(TnlError) as info:
        Table(tmp_path / "absent.csv", "jeux", ("id",))
    assert info.value.problems[0].key == "opendata.cannot_read"


def test_a_bom_is_accepted(tmp_path: Path) -> None:
    assert len(_table(tmp_path, "\ufeff" + f"{HEADER}\n{ROW}\n")) == 1


def test_the_field_size_limit_is_restored(tmp_path: Path) -> None:
    import csv

    before = csv.field_size_limit()
    _table(tmp_path, f"{HEADER}\n{ROW}\n")
    assert csv.field_size_limit() == before


def test_a_file_without_line_breaks_is_not_read_whole(tmp_path: Path, monkeypatch) -> None:
    from tnl_cli.opendata import exports

    monkeypatch.setattr(exports, "LINE_LIMIT", 4096)
    assert _refused(tmp_path, "x;" * 5000).problems[0].key == "opendata.line_too_long"
    error = _refused(tmp_path, f"{HEADER}\n{ROW}\n" + "y;" * 5000)
    assert error.problems[0].key == "opendata.line_too_long" and error.problems[0].line == 3
