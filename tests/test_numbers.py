"""Issue 23: every integer read from input goes through one bounded parser (tnl_cli/numbers.py):
5,000 digits, other scripts' digits, `1_0`, booleans and fractions are refused by name, with no
traceback, wherever they come from (answers file, --set, spreadsheet, option, walk)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import cli_in_process
from hypothesis import given, settings
from hypothesis import strategies as st

from tnl_cli.core import identity as ident
from tnl_cli.io import yaml as yamlio
from tnl_cli.numbers import MAX_DIGITS, NumberRefused, plain_int, read_int
from tnl_cli.walk import identity_fields

BIG = "9" * 5000
ANSWERS = "edition: {edition}\ncollectivite:\n  nom: Lettret\n  type: commune\n  code_insee: '05074'\n"


@pytest.mark.parametrize("value,expected", [
    (0, 0), ("0", 0), (" 42 ", 42), ("+7", 7), ("-7", -7), (2024.0, 2024), ("0" * 40 + "12", 12),
    ("0" * 5000 + "1", 1), ("0" * 5000, 0),
    ("9" * MAX_DIGITS, 10**MAX_DIGITS - 1), (-(10**MAX_DIGITS - 1), -(10**MAX_DIGITS - 1)),
])
def test_whole_numbers_are_read(value: Any, expected: int) -> None:
    assert read_int(value) == expected


@pytest.mark.parametrize("value,reason", [
    (True, "bad"), (False, "bad"), (None, "bad"), ([1], "bad"), ("", "bad"), ("1_000", "bad"),
    ("١٢", "bad"), ("１２", "bad"), ("²", "bad"), ("0x10", "bad"), ("12 ans", "bad"),
    (float("nan"), "bad"), (float("inf"), "bad"), ("2.5", "not_integer"), (2.5, "not_integer"),
    ("1" + "0" * MAX_DIGITS, "too_large"), (BIG, "too_large"), ("-" + BIG, "too_large"),
    (10**MAX_DIGITS, "too_large"), (10**4000, "too_large"), (1e300, "too_large"),
])
def test_what_is_no_bounded_whole_number_is_refused(value: Any, reason: str) -> None:
    with pytest.raises(NumberRefused) as err:
        read_int(value)
    assert err.value.reason == reason


def test_bounds_are_inclusive() -> None:
    assert read_int("2016", low=2016, high=2026) == 2016
    assert read_int(2026, low=2016, high=2026) == 2026
    for outside in ("2015", 2027, -1):
        with pytest.raises(NumberRefused, match="out_of_bounds"):
            read_int(outside, low=2016, high=2026)


def test_plain_int_takes_ascii_digits_only() -> None:
    assert plain_int("01001") == 1001
    assert plain_int("9" * MAX_DIGITS) == 10**MAX_DIGITS - 1
    assert [plain_int(t) for t in ("", "-1", "1.0", "١", "9" * (MAX_DIGITS + 1))] == [None] * 5


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(), st.integers(), st.floats(), st.booleans(), st.none(),
                 st.text(alphabet="0123456789+- ", min_size=1, max_size=60)))
def test_read_int_never_fails_otherwise(value: Any) -> None:
    try:
        number = read_int(value)
    except NumberRefused as exc:
        assert exc.reason in ("bad", "too_large", "not_integer")
        return
    assert isinstance(number, int) and not isinstance(number, bool)
    assert abs(number) < 10**MAX_DIGITS
    if isinstance(value, str):  # what Python reads it as, without the forms it also takes
        assert re.fullmatch(r"\s*[+-]?[0-9]+\s*", value) and int(value) == number


@pytest.mark.parametrize("literal", [BIG, "0x" + "f" * 70, "1:" * 40 + "1", "1_" * 30 + "1",
                                     "1" + "0" * MAX_DIGITS])
def test_yaml_keeps_an_oversized_integer_as_text(tmp_path: Path, literal: str) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(f"n: {literal}\nsmall: 0x10\n", encoding="utf-8")
    data = yamlio.load(path).data
    assert data == {"n": literal, "small": 16}


@pytest.mark.parametrize("edition", [BIG, f"'{BIG}'", "'٢٠٢٥'", "true", "2025.5"])
def test_a_bad_edition_is_a_message_not_a_traceback(run: Any, tmp_path: Path,
                                                    edition: str) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(ANSWERS.format(edition=edition), encoding="utf-8")
    res = run("assess", "--answers", str(path), "--format", "json")
    assert res.code == 2, res.err
    assert "r.yaml:1: « edition » doit être une année" in res.err
    assert "Traceback" not in res.err and len(res.err) < 400  # the value cut, not 5,000 digits


def test_an_integral_float_edition_is_the_year(run: Any, tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(ANSWERS.format(edition="2025.0"), encoding="utf-8")
    assert run("assess", "--answers", str(path), "--format", "json").code in (0, 1)


@pytest.mark.parametrize("field,value", [("population", BIG), ("agents", BIG),
                                         ("population", f"'{BIG}'"), ("population", "'١٢٣'")])
def test_identity_counts_in_a_file(run: Any, tmp_path: Path, field: str, value: str) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(ANSWERS.format(edition=2025) + f"  {field}: {value}\n", encoding="utf-8")
    res = run("assess", "--answers", str(path), "--format", "json")
    assert res.code == 2 and f"« {field} »" in res.err and len(res.err) < 400, res.err


@pytest.mark.parametrize("year", [BIG, "'2024'", "2015", "2024.5", "true"])
def test_a_label_year_outside_the_parser_is_refused(run: Any, tmp_path: Path, year: str) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(ANSWERS.format(edition=2025)
                    + f"  labels_anterieurs:\n    - annee: {year}\n      niveau: bronze\n",
                    encoding="utf-8")
    res = run("assess", "--answers", str(path), "--format", "json")
    assert res.code == 2 and "labels_anterieurs" in res.err and len(res.err) < 600, res.err


@pytest.mark.parametrize("spec", [f"collectivite.population={BIG}", "collectivite.population=١٢٣",
                                  f"agents_formes={BIG}", "agents_formes=1_000",
                                  "part_postes_libreoffice=٩٠"])
def test_set_values(run: Any, spec: str) -> None:
    from conftest import EXAMPLES

    res = run("assess", "--answers", str(EXAMPLES / "commune-exemple.yaml"), "--dry-run",
              "--set", spec, "--format", "json")
    assert res.code == 2 and res.err.startswith("Erreur : --set") and len(res.err) < 400, res.err


@pytest.mark.parametrize("args", [
    ["lookup", "paris", "--limit", BIG], ["lookup", "paris", "-n", "١٢"],
    ["lookup", "paris", "-n", "1_0"], ["lookup", "paris", "-n", "0"],
    ["lookup", "paris", "-n", "1001"], ["software", "search", "libre", "-n", "٣"],
    ["software", "search", "libre", "-n", BIG],
])
def test_limit_options(run: Any, args: list[str]) -> None:
    res = run(*args)
    assert res.code == 2 and "--limit " in res.err and "de 1 à 1000" in res.err, res.err
    assert len(res.err) < 300


@pytest.mark.parametrize("value", [BIG, "2_025", "٢٠٢٥", "2025.0", "vingt"])
def test_edition_option(run: Any, value: str) -> None:
    res = run("batch", "--template", "-", "--edition", value, "--lang", "en")
    assert res.code == 2 and res.err.startswith("Error: --edition '") and len(res.err) < 300
    assert "give a year, e.g. 2025" in res.err


def test_integer_options_still_read_plain_digits(run: Any, tmp_path: Path) -> None:
    assert run("lookup", "paris", "-n", "2", "--format", "json").code == 0
    res = run("batch", "--template", str(tmp_path / "m.csv"), "--edition", "2024")
    assert res.code == 0 and "2024" in res.err + res.out


@pytest.mark.parametrize("typed", ["٢٠٢٤:bronze", f"{BIG[:4]}:2", "2015:1"])
def test_walk_labels_years(typed: str) -> None:
    with pytest.raises(ident.IdentityValueError):
        identity_fields.parse_labels(typed)
    assert identity_fields.parse_labels("2024:bronze")[0].annee == 2024


def _patched(src: Path, dst: Path, member: str, change: Any) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info, change(data) if info.filename == member else data)
    return dst


@pytest.mark.parametrize("ext,member,change", [
    ("xlsx", "xl/worksheets/sheet1.xml",
     lambda d: d.replace(b'<row r="2"', b'<row r="' + BIG.encode() + b'"', 1)),
    ("ods", "content.xml", lambda d: d.replace(
        b"<table:table-row", b'<table:table-row table:number-rows-repeated="' + BIG.encode()
        + b'"', 1)),
    ("ods", "content.xml", lambda d: d.replace(
        b"<table:table-cell", b'<table:table-cell table:number-columns-repeated="'
        + BIG.encode() + b'"', 1)),
])
def test_spreadsheet_counts_of_5000_digits(run: Any, tmp_path: Path, ext: str, member: str,
                                           change: Any) -> None:
    template = tmp_path / f"modele.{ext}"
    assert run("batch", "--template", str(template)).code == 0
    bad = _patched(template, tmp_path / f"bad.{ext}", member, change)
    res = run("batch", str(bad))
    assert res.code == 2 and "classeur trop grand" in res.err, res.err


@pytest.mark.parametrize("cell", ["٢٠٢٤:bronze", "2024:1 | ٢٠٢٤:2"])  # the range: parse_identity
def test_batch_label_cells(cell: str) -> None:
    from tnl_cli.batch.identity import labels_value

    assert labels_value(cell) is None
    assert labels_value("2023:2 | 2024:bronze") == [{"annee": 2023, "niveau": "2"},
                                                    {"annee": 2024, "niveau": "bronze"}]


def test_batch_codes_and_populations_of_many_digits() -> None:
    from tnl_cli.batch.identity import code_value

    assert code_value("1001") == 1001 and code_value("1001.0") == 1001
    assert code_value("١٠٠١") == "١٠٠١" and code_value(BIG) == BIG


@pytest.mark.parametrize("columns", [BIG, "١٢٠", "99999999999", "-5", "0", ""])
def test_terminal_size_variables(run: Any, monkeypatch: pytest.MonkeyPatch, columns: str) -> None:
    """Rich reads COLUMNS and LINES with int() when they are isdigit(): 5,000 digits crashed."""
    from conftest import EXAMPLES

    monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.setenv("LINES", columns)
    res = run("assess", "--answers", str(EXAMPLES / "commune-exemple.yaml"))
    assert res.code in (0, 1) and "Traceback" not in res.err, res.err
    assert max(map(len, res.out.splitlines())) <= 200  # Rich's own width (80) or less


# Integer-like scalars as a hostile file would write them: many digits, other scripts' digits,
# YAML's other integer forms (hex, octal, sexagesimal, underscores), signs, fractions, escapes.
INTEGERISH = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.integers(min_value=1, max_value=6000).map(lambda n: "9" * n),
    st.sampled_from(["0x7fffffffffffffffffff", "0o777", "1_000", "1:30:00", "١٢٣", "２０２５",
                     "2024.0", "2024.5", ".inf", "-.inf", ".nan", "1e400", "true", "~", "'2025'",
                     "'\x1b[31m2025'", "\"\\e]0;x\\a2024\"", "-0", "+2025", "0" * 5000 + "1"]),
    st.lists(st.sampled_from(list("0123456789_:x.+-e") + ["\u0661", "\u202e"]),
             min_size=1, max_size=30).map("".join),
)
FIELDS = ("edition", "population", "agents", "annee", "agents_formes", "part_postes_libreoffice")


@settings(max_examples=300, deadline=None)
@given(field=st.sampled_from(FIELDS), scalar=INTEGERISH)
def test_any_integer_like_scalar_in_an_answers_file(tmp_path_factory: Any, field: str,
                                                    scalar: str) -> None:
    """Whatever integer-like text stands where a file expects a number: exit 0, 1 or 2, a
    message naming the line, never a traceback, never 5,000 digits or a control sequence."""
    from tnl_cli.textsafe import UNSAFE_CHARS

    values = {name: "2025" if name == "edition" else "" for name in FIELDS}
    values[field] = scalar
    text = ANSWERS.format(edition=values["edition"])
    for name in ("population", "agents"):
        if values[name]:
            text += f"  {name}: {values[name]}\n"
    if values["annee"]:
        text += f"  labels_anterieurs:\n    - annee: {values['annee']}\n      niveau: bronze\n"
    answered = [f"  {name}: {values[name]}\n" for name in ("agents_formes",
                                                           "part_postes_libreoffice")
                if values[name]]
    if answered:
        text += "reponses:\n" + "".join(answered)
    path = tmp_path_factory.mktemp("p") / "r.yaml"
    path.write_text(text, encoding="utf-8")
    res = cli_in_process("assess", "--answers", str(path), "--format", "json")
    assert res.code in (0, 1, 2), res.err
    assert "Traceback" not in res.err and len(res.err) < 2000, res.err[:300]
    assert not UNSAFE_CHARS.intersection(res.err + res.out)
    if res.code == 2:
        assert "r.yaml" in res.err
