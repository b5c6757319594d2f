"""Batch rows: the shortcuts give what the shared normalisers give, and a whole run assesses each
row exactly as `engine.evaluate` would."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tnl_cli.batch import cells as batch_cells
from tnl_cli.batch import columns as batch_columns
from tnl_cli.batch import identity as batch_identity
from tnl_cli.batch import rows as batch_rows
from tnl_cli.batch import runner as batch
from tnl_cli.batch.compiled import Compiled
from tnl_cli.batch.dossiers import dossier_stem
from tnl_cli.core import answers as ans
from tnl_cli.core import identity as ident
from tnl_cli.core import normalise
from tnl_cli.core.catalog import Catalog, Criterion
from tnl_cli.core.engine import evaluate
from tnl_cli.errors import TnlError
from tnl_cli.io.sheet_read import _SheetRows
from tnl_cli.io.table_read import Source
from tnl_cli.loaders.catalogs import editions, load_edition

CATALOG = load_edition()


def _criterion(kind: str) -> Criterion:
    return next(c for c in CATALOG.criteria if c.type == kind)


def _normalised(c: Criterion, raw: str) -> Any:
    try:
        return ("ok", batch_cells.cell_value(c, raw))
    except normalise.ValueRefused as exc:
        return ("refused", exc.key, exc.params)


def _shortcut(c: Criterion, raw: str) -> Any:
    items = batch_cells.Items(c) if c.type in ("multi", "inventory") else None
    try:
        return ("ok", batch_cells.Cells(c, Compiled(CATALOG), True, items).value(raw))
    except normalise.ValueRefused as exc:
        return ("refused", exc.key, exc.params)


# -- shortcuts equal the normalisers ------------------------------------------------------------

@given(st.text("0123456789", min_size=8, max_size=10))
def test_fast_siren_accepts_exactly_what_parse_siren_returns_unchanged(text: str) -> None:
    try:
        expected = ident.parse_siren(text)
    except ident.IdentityValueError:
        expected = None
    assert batch_identity.fast_siren(text) == (expected if expected == text else None)


def test_fast_siren_on_real_codes() -> None:
    assert batch_identity.fast_siren("215403957") == "215403957"  # Nancy
    assert batch_identity.fast_siren("215403958") is None
    assert batch_identity.fast_siren("21540395") is None
    assert batch_identity.fast_siren("２15403957") is None  # a full-width digit goes to the real parser


_NUMBERS = st.one_of(
    st.from_regex(r"\A[0-9]{1,6}([.,][0-9]{1,3})?\Z"),
    st.from_regex(r"\A ?-?[0-9 ]{0,7}([.,][0-9]{0,3})? ?(%|€)?\Z"),
    st.sampled_from(["", " ", "abc", "1e3", "nan", "inf", "12,5 %", "100000001", "0,5"]))


@pytest.mark.parametrize("criterion", [c for c in CATALOG.criteria if c.type == "number"],
                         ids=lambda c: c.id)
@settings(max_examples=60, deadline=None)
@given(raw=_NUMBERS)
def test_number_shortcut_equals_normaliser(criterion: Criterion, raw: str) -> None:
    assert _shortcut(criterion, raw) == _normalised(criterion, raw)


_URLS = st.one_of(
    st.from_regex(r"\Ahttps?://[a-z0-9.-]{1,12}(/[a-z0-9/?#=&%.-]{0,12})?\Z"),
    st.sampled_from(["https://[x", "https://a\u2100b.fr", "ftp://x.fr", "https://", "x.fr",
                     " https://x.fr ", "https://x.fr/a b", "HTTPS://X.FR", "https://ex.fr:8080/"]))


@settings(max_examples=100, deadline=None)
@given(raw=_URLS)
def test_url_shortcut_equals_normaliser(raw: str) -> None:
    c = _criterion("url")
    got = _shortcut(c, raw)
    try:
        assert got == _normalised(c, raw)
    except ValueError:  # urllib's own ValueError escapes the shared parser: refused here
        assert got[:2] == ("refused", "answers.bad_url")


@pytest.mark.parametrize("criterion", [c for c in CATALOG.criteria if c.type == "multi"],
                         ids=lambda c: c.id)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_multi_combination_equals_normaliser(criterion: Criterion, data: st.DataObject) -> None:
    words = [ch.value for ch in criterion.choices] + [ch.label["fr"] for ch in criterion.choices]
    parts = data.draw(st.lists(st.one_of(st.sampled_from(words), st.sampled_from(
        ["", " ", "inconnu", " SIG "])), max_size=6))
    raw = data.draw(st.sampled_from(["|", " | ", "||"])).join(parts)
    assert _shortcut(criterion, raw) == _normalised(criterion, raw)


_SOFTWARE = ["LibreOffice", "libreoffice", "Firefox", "Outlook", "Microsoft Office",
             "Mon logiciel maison", " ", "QGIS", "Mozilla Firefox", "Mon logiciel maison (libre)",
             "Outil métier (propriétaire)", "Outlook (libre)", "GLPI (Teclib)", "Truc (free)",
             "mon logiciel maison (Proprietary)"]


@settings(max_examples=80, deadline=None)
@given(parts=st.lists(st.sampled_from(_SOFTWARE), max_size=6))
def test_inventory_combination_equals_normaliser(parts: list[str]) -> None:
    c = _criterion("inventory")
    raw = " | ".join(parts)
    assert _shortcut(c, raw) == _normalised(c, raw)


@settings(max_examples=80, deadline=None)
@given(parts=st.lists(st.sampled_from(_SOFTWARE), max_size=6))
def test_inventory_counted_entries_equal_the_full_ones(parts: list[str]) -> None:
    c = _criterion("inventory")
    compiled = Compiled(CATALOG)
    raw = " | ".join(parts)
    for applies in (True, False):
        counted = batch_cells.cells(c, compiled, applies, batch_cells.Items(c))
        assert compiled.value_blind(c) == isinstance(counted, batch_cells.CountedCells)
        full = batch_cells.Cells(c, compiled, applies, batch_cells.Items(c))
        assert counted[raw] == full[raw]


@pytest.mark.parametrize(("text", "expected"), [
    ("Mon logiciel (libre)", {"nom": "Mon logiciel", "libre": True}),
    ("Mon logiciel(Libre) ", {"nom": "Mon logiciel", "libre": True}),
    ("Outil (propriétaire)", {"nom": "Outil", "libre": False}),
    ("Outil (PROPRIETAIRE)", {"nom": "Outil", "libre": False}),
    ("Tool (free)", {"nom": "Tool", "libre": True}),
    ("Tool (proprietary)", {"nom": "Tool", "libre": False}),
    ("Outil (non libre)", {"nom": "Outil", "libre": False}),
    ("GLPI (Teclib)", "GLPI (Teclib)"),  # other brackets belong to the name
    ("(libre)", "(libre)"),
])
def test_inventory_items_qualified_in_the_cell(text: str, expected: Any) -> None:
    assert batch_cells.inventory_item(text) == expected


def test_qualified_software_counts_as_the_answers_file_says() -> None:
    c = _criterion("inventory")
    free = batch_cells.cell_value(c, "Mon logiciel maison (libre) | Outlook")
    assert [(i.name, i.free, i.qualified) for i in free] == [
        ("Mon logiciel maison", True, True), ("Outlook", False, False)]
    assert free == normalise.normalise_value(c, [{"nom": "Mon logiciel maison", "libre": "oui"},
                                           "Outlook"])
    unknown = batch_cells.cell_value(c, "Mon logiciel maison")
    assert [(i.free, i.qualified) for i in unknown] == [(None, False)]


# -- cell helpers ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Marie Curie", {"nom": "Marie Curie"}),
    ("Marie Curie <marie@ville.fr>", {"nom": "Marie Curie", "email": "marie@ville.fr"}),
    ("Marie Curie, maire adjointe au numérique, marie@ville.fr",
     {"nom": "Marie Curie", "fonction": "maire adjointe au numérique", "email": "marie@ville.fr"}),
    ("Marie Curie, DSI", {"nom": "Marie Curie", "fonction": "DSI"}),
    ("marie@ville.fr", {"email": "marie@ville.fr"}),
    ("<marie@ville.fr>", {"email": "marie@ville.fr"}),
])
def test_person_cells(text: str, expected: dict[str, str]) -> None:
    assert batch_identity.person_fields(text) == expected


def test_labels_cells() -> None:
    assert batch_identity.labels_value("2023:2 | 2024 = bronze") == [
        {"annee": 2023, "niveau": "2"}, {"annee": 2024, "niveau": "bronze"}]
    assert batch_identity.labels_value("2023") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("1001", 1001), ("1001.0", 1001), ("01001", 1001), ("2A004", "2A004"), (" 42218 ", 42218)])
def test_code_value_turns_bare_digits_into_numbers(text: str, expected: Any) -> None:
    assert batch_identity.code_value(text) == expected


@pytest.mark.parametrize(("name", "code", "expected"), [
    ("Saint-Étienne", "42218", "saint-etienne-42218"),
    ("L'Haÿ-les-Roses", "94038", "l-hay-les-roses-94038"),
    ("../../etc/passwd", None, "etc-passwd"),
    ("", "2A004", "2a004"),
    (None, None, "ligne-7"),
])
def test_dossier_names_stay_in_the_directory(name: str | None, code: str | None,
                                             expected: str) -> None:
    assert dossier_stem(name, code, 7) == expected


def test_header_matching_ignores_case_accents_spaces_and_knows_aliases() -> None:
    gate = CATALOG.gates[0].id
    layout = batch_columns.read_layout([" Nom ", "Code INSEE", "SIREN", "Élu·e référent·e", gate.upper(),
                                "commentaire"], CATALOG, "f.csv", 1)
    assert layout.identity == {"nom": 0, "code_insee": 1, "siren": 2, "elu_referent": 3}
    assert [(j, c.id) for j, c in layout.criteria] == [(4, gate)]
    assert layout.unknown == ((5, "commentaire"),)


def test_header_without_identity_or_with_twice_the_same_column_is_refused() -> None:
    with pytest.raises(TnlError) as no_identity:
        batch_columns.read_layout(["a", "b"], CATALOG, "f.csv", 1)
    assert no_identity.value.problems[0].key == "batch.no_identity"
    with pytest.raises(TnlError) as twice:
        batch_columns.read_layout(["nom", "siren", "Nom"], CATALOG, "f.csv", 1)
    assert twice.value.problems[0].key == "batch.duplicate_column"
    assert twice.value.problems[0].params["second_col"] == "C"


# -- a whole run equals the engine ----------------------------------------------------------

_BOOL_TEXT = {True: ["oui", "x", "OUI", "Vrai", "1", "yes"], False: ["non", "Non", "0", "faux"]}


def _cell(c: Criterion, draw: st.DrawFn) -> str:
    if c.not_concerned and draw(st.integers(0, 3)) == 0:
        return draw(st.sampled_from(("nc", "NC", "non concerné", "Non concerne", "n/a",
                                     "non_concerne")))
    if c.type == "boolean":
        return draw(st.sampled_from(_BOOL_TEXT[draw(st.sampled_from((True, True, False)))]))
    if c.type == "choice":
        return draw(st.sampled_from([ch.value for ch in c.choices]
                                    + [ch.label["fr"] for ch in c.choices]))
    if c.type == "multi":
        picked = draw(st.lists(st.sampled_from([ch.value for ch in c.choices]), min_size=1))
        return " | ".join(picked)
    if c.type == "number":
        low = int(c.minimum or 0)
        high = int(min(c.maximum or 1000, 1000))
        return draw(st.sampled_from([str(draw(st.integers(low, high))),
                                     f"{draw(st.integers(low, max(low, high - 1)))},5"]))
    if c.type == "url":
        return "https://www.ville.fr/page"
    if c.type == "inventory":
        return " | ".join(draw(st.lists(st.sampled_from(
            ["LibreOffice", "Firefox", "Outlook", "Mon logiciel"]), min_size=1, max_size=4)))
    return "Un texte"


@st.composite
def _table(draw: st.DrawFn, catalog: Catalog) -> list[list[str]]:
    columns = [c for c in catalog.criteria if c.eligibility or draw(st.booleans())]
    header = ["nom", "type", "labels_anterieurs"] + [c.id for c in columns]
    rows = [header]
    for n in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(("commune", "CC", "département", "region", "syndicat",
                                     "entreprise", "")))
        labels = draw(st.sampled_from(("", "2023:2")))
        cells = [_cell(c, draw) if draw(st.integers(0, 9)) < 8 else "" for c in columns]
        rows.append([f"Ville {n}", kind, labels] + cells)
    return rows


class _Collect:
    def __init__(self) -> None:
        self.rows: list[list[Any]] = []

    def write(self, row: list[Any]) -> None:
        self.rows.append(row)


def run_rows(rows: list[list[str]], catalog: Catalog, lang: str = "fr") -> tuple[
        batch_rows.Summary, list[dict[str, Any]]]:
    """Run the batch core on in-memory rows; the result rows as dicts."""
    reader = _SheetRows(iter(rows))
    source = Source(rows=reader, line_state=reader, fraction=lambda: 0.0)
    out = _Collect()
    summary = batch.run(source, catalog, lang, "table.csv", writer=out)
    names = [c.name for c in batch_rows.output_columns(catalog)]
    return summary, [dict(zip(names, row, strict=True)) for row in out.rows]


@pytest.mark.parametrize("edition", editions())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_row_is_assessed_as_the_engine_would(edition: int, data: st.DataObject) -> None:
    catalog = load_edition(edition)
    rows = data.draw(_table(catalog))
    summary, results = run_rows(rows, catalog)
    assert summary.rows == len(rows) - 1 and summary.rejected == 0
    header = rows[0]
    for row, result in zip(rows[1:], results, strict=True):
        responses = {}
        for name, text in zip(header[3:], row[3:], strict=True):
            value = normalise.normalise_value(catalog.by_id[name], text, allow_x=True)
            if value is not None:
                responses[name] = ans.Answer(value)
        kind = ident.parse_type(row[1]) if row[1] else None
        labels = (ident.PreviousLabel(2023, "2"),) if row[2] else ()
        answers = ans.Answers(edition, ident.Identity(nom=row[0], type=kind, labels=labels),
                              responses)
        want = evaluate(catalog, answers, with_path=False)
        assert result["verdict"] == want.verdict
        assert result["niveau"] == (want.level or "")
        assert (result["niveau_min"], result["niveau_max"]) == tuple(
            x or "" for x in want.level_range)
        assert result["mentions"] == tuple(m.id for m in want.mentions)
        assert result["manques"] == want.unmet_gates
        assert result["sans_reponse"] == want.unanswered_gates
        for d in want.domains:
            expected = int(d.points * 100 / d.possible + 0.5) if d.possible else 0
            assert result[f"score_{d.id}"] == expected
        assert result["score"] == int(want.total_ratio * 100 + 0.5)
