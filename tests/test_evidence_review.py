"""What the review of the evidence readers found: a proposal the files do not support, or one
that --apply would refuse in the user's own file, is never made."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

from tnl_cli.inventory.collect import collect
from tnl_cli.loaders.catalogs import load_edition
from tnl_cli.opendata import odf
from tnl_cli.synthesis.view import _Words

AGENT = Path(__file__).parent / "fixtures" / "inventory" / "glpi-agent"


def _proposed(paths: list[Path]) -> dict[str, Any]:
    got = collect(paths, today=dt.date(2026, 12, 6))
    return {p.criterion: p for p in got.proposals(load_edition(2025))}


def test_an_export_without_a_system_column_proposes_no_free_os_share(tmp_path: Path) -> None:
    export = tmp_path / "ordinateurs.csv"
    export.write_text("Nom;Numéro de série\npc-1;S1\npc-2;S2\n", encoding="utf-8")
    assert "part_postes_os_libre" not in _proposed([export])


def test_an_answers_file_inside_the_inventory_folder_is_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "inv"
    shutil.copytree(AGENT, folder)
    (folder / "reponses.yaml").write_text("edition: 2025\nreponses: {}\n", encoding="utf-8")
    (folder / "reponses.avant-inventaire.yml").write_text("# copie\n", encoding="utf-8")
    got, expected = _proposed([folder]), _proposed([AGENT])
    assert {k: p.value for k, p in got.items()} == {k: p.value for k, p in expected.items()}


def test_a_portal_address_the_answers_file_would_refuse_is_not_proposed() -> None:
    assert odf._url("https://opendata.example.fr") == "https://opendata.example.fr"
    assert odf._url("https://x.example\x1b[31m /a b") == ""


def test_a_malformed_population_band_is_shown_as_written() -> None:
    words = _Words(load_edition(2025), "fr")
    for band in ("abc", "x+", "0-x", "5", '50000"-199999'):
        assert words.band(band) == band
    assert "3" in words.band("3500-9999")
