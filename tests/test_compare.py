"""The pure comparison (`core.compare`): what counts as a change, and which effect it has."""

from __future__ import annotations

from tnl_cli.core.answers import Answer, Answers
from tnl_cli.core.catalog import load_edition
from tnl_cli.core.compare import compare
from tnl_cli.core.identity import Identity


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
    from tnl_cli.core.answers import normalise_value

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
    from tnl_cli.core.answers import NOT_CONCERNED

    catalog = load_edition(2025)
    cmp = compare(catalog, _answers(ecoles_logiciels_libres=True),
                  _answers(ecoles_logiciels_libres=True), catalog,
                  _answers(ecoles_logiciels_libres=NOT_CONCERNED))
    assert [(c.id, c.effect, c.after) for c in cmp.changes] == [
        ("ecoles_logiciels_libres", "changed", NOT_CONCERNED)]
    logiciels = next(d for d in cmp.domains if d.id == "logiciels")
    assert logiciels.before is not None
    assert logiciels.after.possible == logiciels.before.possible - 2  # out of the possible too
    legal = compare(catalog, _answers(clauses_interoperabilite_marches=False),
                    _answers(clauses_interoperabilite_marches=False), catalog,
                    _answers(clauses_interoperabilite_marches=NOT_CONCERNED)).legal
    assert [(x.criterion.id, x.before, x.after) for x in legal] == [
        ("clauses_interoperabilite_marches", "unmet", "not_applicable")]
