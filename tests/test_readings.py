"""Issue 15, findings 6 and 8: values are read as documented or refused, the same way on every
path (answers file, --set, batch cell, the walk's typed answers), and huge numbers are refused
with a message, never a traceback."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tnl_cli.batch import cells as batch_cells
from tnl_cli.batch.compiled import Compiled
from tnl_cli.core import identity as ident
from tnl_cli.core import normalise
from tnl_cli.loaders.catalogs import load_edition
from tnl_cli.textnorm import fold_word

CAT = load_edition(2025)
BOOL = CAT.by_id["formats_ouverts"]
NUMBER = CAT.by_id["part_postes_os_libre"]  # 0 to 100
WIDE = CAT.by_id["economies_realisees"]  # 0 to 10^8

ODD_BOOLEANS = ["-1", "+1", "==oui", "(non)", "non!", "oui?", "[non]", "-0", "1.", "o-u-i",
                "non.", "'oui'", "«non»", "1_0", "１", "oui non"]
ODD_NUMBERS = ["1_0", "١٠", "۱۰", "１０", "1__0", "0x10", "1e", "--5", "5-", "inf", "nan",
               "infinity", "1,2,3"]
GOOD_BOOLEANS = {"oui": True, " OUI ": True, "Non": False, "VRAI": True, "fAuX": False,
                 "yes": True, "No": False, "true": True, "FALSE": False, "1": True, "0": False}

IDENTITY = "collectivite:\n  nom: Lettret\n  type: commune\n  code_insee: '05074'\n"


def _answers(tmp_path: Path, responses: str = "", identity: str = IDENTITY) -> Path:
    path = tmp_path / "r.yaml"
    path.write_text(f"edition: 2025\n{identity}reponses:\n{responses or '  {}'}\n",
                    encoding="utf-8")
    return path


def _batch(tmp_path: Path, header: list[str], values: list[str]) -> Path:
    path = tmp_path / "in.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["nom", "type", "code_insee", *header])
        out.writerow(["Lettret", "commune", "05074", *values])
    return path


def _reason(run: Any, tmp_path: Path, criterion: str, value: str) -> list[str]:
    """The refusal of `value` for `criterion` as each path words it (file, --set, batch)."""
    reasons = []
    file = _answers(tmp_path, f"  {criterion}: {json.dumps(value)}")
    res = run("assess", "--answers", str(file))
    assert res.code == 2, res.out + res.err
    reasons.append(res.err)
    res = run("assess", "--answers", str(_answers(tmp_path)), "--set", f"{criterion}={value}")
    assert res.code == 2, res.out + res.err
    reasons.append(res.err)
    res = run("batch", str(_batch(tmp_path, [criterion], [value])))
    assert res.code == 1, res.out + res.err
    reasons.append(res.out + res.err)
    return reasons


@pytest.mark.parametrize("value", ["-1", "+1", "==oui", "(non)", "non!", "oui?", "[non]"])
def test_odd_boolean_spellings_refused_on_every_path(run: Any, tmp_path: Path,
                                                     value: str) -> None:
    expected = f"critère « formats_ouverts » : « {value} » n'est pas une réponse oui/non."
    for reason in _reason(run, tmp_path, "formats_ouverts", value):
        assert expected in reason


@pytest.mark.parametrize("value", ["1_0", "١٠", "１０"])
def test_odd_digits_refused_on_every_path(run: Any, tmp_path: Path, value: str) -> None:
    expected = f"critère « part_postes_os_libre » : « {value} » n'est pas un nombre."
    for reason in _reason(run, tmp_path, "part_postes_os_libre", value):
        assert expected in reason


@pytest.mark.parametrize("value", ODD_BOOLEANS)
def test_odd_booleans_refused_by_the_normaliser_and_the_cells(value: str) -> None:
    with pytest.raises(normalise.ValueRefused):
        normalise.normalise_value(BOOL, value)
    with pytest.raises(normalise.ValueRefused):
        batch_cells.Cells(BOOL, Compiled(CAT), True, None)[value]


@pytest.mark.parametrize("value,expected", GOOD_BOOLEANS.items())
def test_documented_booleans_and_their_case_and_accents(value: str, expected: bool) -> None:
    assert normalise.normalise_value(BOOL, value) is expected
    assert normalise.normalise_value(BOOL, "Ôui") is True  # an accent typed by mistake is folded


@pytest.mark.parametrize("value", ODD_NUMBERS)
def test_odd_numbers_refused_everywhere(value: str) -> None:
    for c in (NUMBER, WIDE):
        with pytest.raises(normalise.ValueRefused):
            normalise.normalise_value(c, value)
        with pytest.raises(normalise.ValueRefused):
            batch_cells.Cells(c, Compiled(CAT), True, None).value(value)
    with pytest.raises(ident.IdentityValueError):
        ident.parse_count(value, "population", integer=True)


@pytest.mark.parametrize("value,expected", [("12,5", 12.5), ("12.5 %", 12.5), ("1 000", 1000),
                                            ("1\u202f000 €", 1000), ("+3", 3), (".5", 0.5),
                                            ("1e2", 100), ("  42 ", 42)])
def test_documented_numbers(value: str, expected: float) -> None:
    assert normalise.normalise_value(WIDE, value) == expected


_WORDS = sorted(normalise.TRUE_WORDS | normalise.FALSE_WORDS)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=8),
                 st.builds(lambda pre, w, post: pre + w + post,
                           st.text(alphabet="-+=()[]!?.' _x", max_size=2),
                           st.sampled_from(_WORDS),
                           st.text(alphabet="-+=()[]!?.' _x", max_size=2))))
def test_a_boolean_is_one_of_the_words_or_refused_and_cells_agree(text: str) -> None:
    """Whatever is typed: yes/no only for a listed word (case, accents, spaces aside), and the
    batch cache says exactly what the normaliser says."""
    word = fold_word(text)
    try:
        value = normalise.normalise_value(BOOL, text)
    except normalise.ValueRefused:
        value = "refused"
    if not text.strip():
        assert value is None
    elif word in normalise.TRUE_WORDS:
        assert value is True
    elif word in normalise.FALSE_WORDS:
        assert value is False
    else:
        assert value == "refused"
    try:
        cell = batch_cells.Cells(BOOL, Compiled(CAT), True, None).value(text)
    except normalise.ValueRefused:
        cell = "refused"
    assert cell == (True if word == "x" else value)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789,.-+e _%") + ["١", "１", "٫"]),
               max_size=12))
def test_a_number_is_ascii_digits_or_refused_and_cells_agree(text: str) -> None:
    try:
        value = normalise.normalise_value(WIDE, text)
    except normalise.ValueRefused:
        value = "refused"
    if value not in ("refused", None):
        assert text.strip().translate({ord(" "): None}).rstrip("%").isascii()
        assert "_" not in text
    try:
        cell = batch_cells.Cells(WIDE, Compiled(CAT), True, None).value(text)
    except normalise.ValueRefused:
        cell = "refused"
    assert cell == value


# -- finding 8: integers too large for a float, or for Python's int() ------------------------

@pytest.mark.parametrize("digits,field", [(400, "population"), (400, "agents"),
                                          (5000, "population"), (5000, "agents"),
                                          (5000, "code_insee"), (5000, "siren"),
                                          (5000, "nom")])
def test_huge_integers_in_the_identity_of_an_answers_file(run: Any, tmp_path: Path,
                                                          digits: int, field: str) -> None:
    big = "9" * digits
    identity = f"collectivite:\n  type: commune\n  {field}: {big}\n"
    if field in ("population", "agents"):
        identity += "  code_insee: '05074'\n"
    res = run("assess", "--answers", str(_answers(tmp_path, identity=identity)))
    if field == "nom":  # a name of digits is a name: the file is read, nothing crashes
        assert res.code in (0, 1), res.err
        return
    assert res.code == 2, res.err
    assert "Traceback" not in res.err
    assert "r.yaml:4:" in res.err  # the line of the field
    assert "9" * 20 + "…" in res.err and big not in res.err  # quoted, but cut short
    if field in ("population", "agents"):
        assert "trop grand" in res.err


@pytest.mark.parametrize("digits", [400, 5000])
def test_huge_integers_in_a_number_criterion(run: Any, tmp_path: Path, digits: int) -> None:
    big = "9" * digits
    for c in (NUMBER, WIDE):
        res = run("assess", "--answers", str(_answers(tmp_path, f"  {c.id}: {big}")))
        assert res.code == 2, res.err
        assert f"critère « {c.id} »" in res.err and "trop grand" in res.err
        res = run("assess", "--answers", str(_answers(tmp_path)), "--set", f"{c.id}={big}")
        assert res.code == 2 and "trop grand" in res.err


@pytest.mark.parametrize("column", ["population", "agents", "code_insee", "siren",
                                    "part_postes_os_libre"])
@pytest.mark.parametrize("digits", [400, 5000])
def test_huge_integers_in_batch_cells_reject_the_row(run: Any, tmp_path: Path, column: str,
                                                    digits: int) -> None:
    big = "9" * digits
    path = tmp_path / "in.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["nom", "type", "code_insee" if column != "code_insee" else "siren",
                      column])
        out.writerow(["Lettret", "commune", "05074" if column != "code_insee" else "", big])
    res = run("batch", str(path), "-o", str(tmp_path / "out.csv"))
    assert res.code == 1, res.out + res.err
    assert "Traceback" not in res.err
    with (tmp_path / "out.csv").open(encoding="utf-8-sig") as handle:
        (row,) = csv.DictReader(handle, delimiter=";")
    assert row["verdict"] == "rejected"
    assert big not in row["erreurs"] and "9" * 20 in row["erreurs"]


@pytest.mark.parametrize("value", [10**16, -(10**16), "1e16", "9" * 400, 10**400, "1e400"])
def test_read_number_limit(value: Any) -> None:
    with pytest.raises(ident.NumberRefused, match="too_large"):
        ident.read_number(value)
    assert ident.read_number(10**15) == 1e15


def test_shown_cuts_long_values() -> None:
    assert ident.shown(10**5000).endswith("…")
    assert len(ident.shown(-(10**5000))) <= 22
    assert ident.shown("x" * 1000) == "x" * 40 + "…"
    assert ident.shown(42) == 42 and ident.shown("oui") == "oui"


# -- the walk: a typed number goes through the same reader --------------------------------------

@pytest.mark.parametrize("typed", ["1_0", "١٠", "１０", "1e400", "9" * 400])
def test_the_walk_refuses_odd_numbers_then_takes_a_plain_one(typed: str) -> None:
    from tests.test_wizard import ask_one, skip_until, with_identity
    from tnl_cli.walk.steps import Walk

    walk = Walk(CAT, with_identity())
    skip_until(walk, NUMBER.id)
    prompter = ask_one(walk, [typed, "10"])
    assert [r[1] for r in prompter.refused] == [typed]
    reason = prompter.refused[0][2]
    assert "n'est pas un nombre" in reason or "trop grand" in reason
    assert walk.answers.value(NUMBER.id) == 10
