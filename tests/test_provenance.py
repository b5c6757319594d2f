"""The `sources:` entry of an answer: read, checked, written back unchanged."""

from __future__ import annotations

import datetime as dt

import pytest

from tnl_cli.core import provenance as prov
from tnl_cli.core.answers import Answer, Answers, apply_override, to_document
from tnl_cli.core.identity import Identity
from tnl_cli.errors import AnswersError
from tnl_cli.loaders.answer_files import load
from tnl_cli.loaders.catalogs import load_edition

SOURCE = {"fichier": "inventaire/", "format": "glpi-agent-json", "date": "2026-11-28",
          "lu_le": "2026-12-06", "compte": 298, "base": 412, "unite": "postes"}


def test_a_source_is_read_and_its_share_computed() -> None:
    source = prov.parse_source(SOURCE)
    assert source.compte == 298 and source.base == 412
    assert source.date == dt.date(2026, 11, 28)
    assert round(source.share() or 0) == 72
    timed = prov.parse_source({**SOURCE, "date": "2026-11-28T09:12:00"})
    assert timed.date == dt.date(2026, 11, 28)


@pytest.mark.parametrize("raw, key", [
    ({"format": "glpi-agent-json"}, "answers.source_missing"),
    ({**SOURCE, "compte": 500}, "answers.source_over_base"),
    ({**SOURCE, "compte": -1}, "answers.bad_source_count"),
    ({**SOURCE, "compte": True}, "answers.bad_source_count"),
    ({**SOURCE, "base": 10**12}, "answers.bad_source_count"),
    ({**SOURCE, "date": "hier"}, "answers.bad_source_date"),
    ({**SOURCE, "date": "2026-11-28garbage"}, "answers.bad_source_date"),
    ({**SOURCE, "date": "2026-02-30"}, "answers.bad_source_date"),
    ({**SOURCE, "date": "20261128"}, "answers.bad_source_date"),
    ({**SOURCE, "date": "2026-W48-1"}, "answers.bad_source_date"),
    ({**SOURCE, "unite": "vaches"}, "answers.bad_source_unit"),
    ({**SOURCE, "auteur": "moi"}, "answers.bad_source_key"),
    ({**SOURCE, "fichier": "x" * 600}, "answers.bad_source_text"),
    ("inventaire.csv", "answers.bad_source"),
])
def test_a_bad_source_is_refused_with_its_reason(raw: object, key: str) -> None:
    with pytest.raises(prov.SourceRefused) as exc:
        prov.parse_source(raw)
    assert exc.value.key == key


def test_an_unsourced_source_round_trips_through_the_document() -> None:
    catalog = load_edition(2025)
    source = prov.parse_source(SOURCE)
    answers = Answers(2025, Identity(nom="X", type="commune"),
                      {"part_postes_libreoffice": Answer(72, sources=(source,))})
    doc = to_document(answers, catalog, "0")
    assert doc["reponses"]["part_postes_libreoffice"] == {"valeur": 72, "sources": [SOURCE]}


def test_a_value_typed_with_set_drops_the_sources_of_the_old_one() -> None:
    catalog = load_edition(2025)
    source = prov.parse_source(SOURCE)
    answers = Answers(2025, Identity(nom="X", type="commune"),
                      {"part_postes_libreoffice": Answer(72, sources=(source,))})
    same = apply_override(answers, catalog, "part_postes_libreoffice=72")
    assert same.responses["part_postes_libreoffice"].sources == (source,)
    other = apply_override(answers, catalog, "part_postes_libreoffice=90")
    assert other.responses["part_postes_libreoffice"].sources == ()


def test_a_file_with_a_bad_source_names_the_criterion(tmp_path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("edition: 2025\ncollectivite: {nom: X, type: commune}\nreponses:\n"
                    "  part_postes_libreoffice:\n    valeur: 72\n    sources:\n"
                    "      - {fichier: inv.csv, format: glpi-export, compte: 9, base: 3}\n",
                    encoding="utf-8")
    with pytest.raises(AnswersError) as exc:
        load(path, lambda e: load_edition(e))
    text = exc.value.render("fr")
    assert "part_postes_libreoffice" in text and "dépasser la base" in text
    assert "ligne 7" in text or "line 7" in text or ":7" in text, text

