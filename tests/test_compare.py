"""The pure comparison (`core.compare`): what counts as a change, and which effect it has."""

from __future__ import annotations

from tnl_cli.core.answers import Answer, Answers
from tnl_cli.core.compare import compare
from tnl_cli.core.identity import Identity
from tnl_cli.loaders.catalogs import load_edition


def _answers(**values) -> Answers:
    return Answers(2025, Identity(nom="Boé", type="commune"),
                   {k: Answer(v) for k, v in values.items()})


def _effects(old: Answers, new: Answers) -> dict[str, str]:
    catalog = load_edition(2025)
    return {c.id: c.effect for c in compare(catalog, old, old, catalog, new).changes}


def test_a_value_withdrawn_is_a_change_and_an_unmet_one_stays_unmet() -> None:
    assert _effects(_answers(gouvernance_donnees=False), _answers()) == {
        "gouvernance_donnees": "changed"}
    assert _effects(_answers(gouvernance_donnees=True), _answers()) == {
        "gouvernance_donnees": "lost"}
    assert _effects(_answers(), _answers(gouvernance_donnees=False)) == {
        "gouvernance_donnees": "answered"}


def test_an_inventory_spelt_otherwise_or_reordered_is_no_change() -> None:
    from tnl_cli.core.normalise import normalise_value

    c = load_edition(2025).criterion("inventaire_logiciels")
    assert c is not None
    before = normalise_value(c, ["LibreOffice", "Firefox"])
    after = normalise_value(c, ["firefox", "libreoffice"])
    cmp = compare(load_edition(2025), _answers(inventaire_logiciels=before),
                  _answers(inventaire_logiciels=before), load_edition(2025),
                  _answers(inventaire_logiciels=after))
    assert cmp.changes == () and not cmp.inventory.moved and cmp.unchanged


def test_same_edition_has_no_new_or_removed_criterion() -> None:
    catalog = load_edition(2025)
    cmp = compare(catalog, _answers(), _answers(), catalog, _answers(evenements_libres=True))
    assert [(c.id, c.effect) for c in cmp.changes] == [("evenements_libres", "gained")]
    assert cmp.same_edition and not cmp.unchanged


def test_not_concerned_is_neither_a_gain_nor_a_loss() -> None:
    from tnl_cli.core.normalise import NOT_CONCERNED

    catalog = load_edition(2025)
    cmp = compare(catalog, _answers(ecoles_logiciels_libres=True),
                  _answers(ecoles_logiciels_libres=True), catalog,
                  _answers(ecoles_logiciels_libres=NOT_CONCERNED))
    assert [(c.id, c.effect, c.after) for c in cmp.changes] == [
        ("ecoles_logiciels_libres", "changed", NOT_CONCERNED)]
    logiciels = next(d for d in cmp.domains if d.id == "logiciels")
    assert logiciels.before is not None
    assert logiciels.after.possible == logiciels.before.possible - 2  # out of the possible too


def test_legal_changes_are_obligations_only() -> None:
    catalog = load_edition(2025)
    old = _answers(formats_ouverts=True)
    new = _answers(formats_ouverts=False, echanges_formats_ouverts=True)
    legal = compare(catalog, old, old, catalog, new).legal
    # formats_ouverts is a recommendation (RGI): never reported as an obligation
    assert [(x.criterion.id, x.before, x.after) for x in legal] == [
        ("echanges_formats_ouverts", "unanswered", "met")]


def test_progress_keeps_only_what_went_forward() -> None:
    from pathlib import Path

    from tnl_cli.core.compare import progress
    from tnl_cli.loaders import answer_files

    fixtures = Path(__file__).parent / "fixtures" / "renewal"
    old, old_catalog, _ = answer_files.load(fixtures / "boe-2024.yaml", load_edition)
    new, new_catalog, _ = answer_files.load(fixtures / "boe-2025.yaml", load_edition)
    migrated, _, _ = answer_files.load(fixtures / "boe-2024.yaml", load_edition, 2025)
    p = progress(compare(old_catalog, old, migrated, new_catalog, new))
    assert p.year == 2024
    assert [c.id for c in p.achieved] == [
        "schema_directeur_numerique", "plan_annuel_accessibilite",
        "strategie_numerique_responsable", "duree_vie_postes", "evenements_libres"]
    assert [c.id for c in p.improved] == [
        "enjeux_strategie", "part_postes_libreoffice", "nombre_jeux_donnees"]
    assert [i.name for i in p.software_added] == ["QGIS", "Nextcloud"]
    assert [(s.use, s.before, s.after) for s in p.shares] == [
        ("bureautique", (1, 2), (1, 1)), ("collaboratif", None, (1, 1)), ("sig", (0, 1), (1, 1))]
    # Nothing lost or merely answered: strategie_migration (lost), part_postes_os_libre and
    # obligation_open_data_defaut (answered, not met), reemploi_equipements (new, unanswered).
    told = {c.id for c in p.achieved + p.improved}
    assert not told & {"strategie_migration", "part_postes_os_libre",
                       "obligation_open_data_defaut", "reemploi_equipements"}
