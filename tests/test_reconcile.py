"""Identity checked against the official geography (COG 2026), and the software inventory."""

from __future__ import annotations

from pathlib import Path

import pytest

from tnl_cli.core import answers as ans
from tnl_cli.core import normalise
from tnl_cli.core.identity import Identity
from tnl_cli.core.reconcile import reconcile
from tnl_cli.errors import TnlError
from tnl_cli.loaders import answer_files
from tnl_cli.loaders.catalogs import load_edition
from tnl_cli.reference import territory


def test_code_fills_in_what_is_missing() -> None:
    done, errors, warnings = reconcile(Identity(code_insee="54395"), territory)
    assert not errors and not warnings
    assert (done.nom, done.type, done.siren, done.departement) == ("Nancy", "commune",
                                                                    "215403957", "54")
    assert done.population and done.population > 100_000


def test_siren_of_an_epci_fills_in_the_metropole() -> None:
    done, errors, _ = reconcile(Identity(siren="245400676"), territory)
    assert not errors and done.type == "metropole" and "Nancy" in (done.nom or "")


def test_unknown_code_is_an_error() -> None:
    _, errors, _ = reconcile(Identity(code_insee="54999"), territory)
    assert errors[0].key == "reconcile.insee_unknown"


def test_contradictions_are_warnings_showing_both() -> None:
    done, errors, warnings = reconcile(
        Identity(nom="Ajaccio", type="departement", code_insee="54395"), territory)
    assert not errors
    keys = {w.key: w.params for w in warnings}
    assert keys["reconcile.name_mismatch"]["official"] == "Nancy"
    assert keys["reconcile.name_mismatch"]["value"] == "Ajaccio"
    assert keys["reconcile.type_mismatch"]["official"] == "commune"
    assert done.nom == "Ajaccio"  # what the user wrote is never overwritten


def test_valid_siren_of_no_collectivity_is_a_warning() -> None:
    # 732829320 passes the checksum but is a company, not a collectivity
    _, errors, warnings = reconcile(Identity(type="commune", siren="732829320"), territory)
    assert not errors and warnings[0].key == "reconcile.siren_unknown"
    _, _, none = reconcile(Identity(type="region", siren="732829320"), territory)
    assert none == []  # régions have no SIREN in the source: the checksum is all we check


def test_departement_and_corsica_codes() -> None:
    done, errors, _ = reconcile(Identity(type="departement", code_insee="54"), territory)
    assert not errors and done.nom == "Meurthe-et-Moselle"
    done, errors, _ = reconcile(Identity(code_insee="2A004"), territory)
    assert not errors and done.nom == "Ajaccio" and done.siren == "212000046"


def test_answers_file_reports_unknown_code_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("edition: 2025\ncollectivite:\n  nom: X\n  code_insee: '54999'\n",
                    encoding="utf-8")
    with pytest.raises(TnlError) as err:
        answer_files.load(path, load_edition)
    assert f"{path}:4:" in err.value.render("fr")


def test_set_identity_is_checked_too() -> None:
    base = ans.Answers(2025, Identity())
    done = ans.apply_override(base, load_edition(2025), "collectivite.code_insee=97611")
    assert done.identity.nom == "Mamoudzou"
    with pytest.raises(TnlError):
        ans.apply_override(base, load_edition(2025), "collectivite.code_insee=97699")


def test_inventory_matches_and_keeps_unknown_names() -> None:
    c = load_edition(2025).by_id["inventaire_logiciels"]
    items = normalise.normalise_value(c, "libre office|LibreOffice 7.6|Microsoft Office 2019|Zorglub")
    assert items[0].software_id == "libreoffice" and items[0].free is True
    assert len([i for i in items if i.software_id == "libreoffice"]) == 1  # de-duplicated
    assert any(i.free is False for i in items)
    unknown = [i for i in items if i.software_id is None]
    assert unknown and unknown[0].name == "Zorglub" and unknown[0].free is None
    qualified = normalise.normalise_value(c, [{"nom": "Zorglub", "libre": "oui"}])
    assert qualified[0].free is True and qualified[0].qualified
    assert ans.document_value(qualified) == [{"nom": "Zorglub", "libre": True}]


def test_assess_reports_inventory_and_legal(run) -> None:
    import json

    example = Path(__file__).parent.parent / "examples" / "commune-exemple.yaml"
    data = json.loads(run("assess", "--answers", str(example), "--format", "json").out)
    replaced = {r["name"]: r["alternatives"] for r in data["inventory"]["replacements"]}
    assert "QGIS" in replaced["ArcGIS"]
    assert data["next_level"]["replacements"] == data["inventory"]["replacements"]
    sig = data["inventory"]["share_free"]["sig"]
    assert (sig["free"], sig["total"], sig["ratio"]) == (1, 2, 0.5)
    assert sig["label"] == "Information géographique"
    assert list(data["inventory"]["share_free"])[-1] == "inconnu"  # outside the catalog: last
    checks = {c["id"]: c["status"] for c in data["legal"]["checks"]}
    assert checks["licence_donnees"] == "ok"
    assert checks["licence_code"] == "not_applicable"
    assert any(o["id"] == "declaration_accessibilite" for o in data["legal"]["obligations"])
