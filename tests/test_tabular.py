"""Tables in and out: encodings and separators as spreadsheets write them, .ods/.xlsx reading,
streamed writers that never leave a half-written file."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tnl_cli.errors import TnlError
from tnl_cli.io import sheet_read
from tnl_cli.io import table_read as tabular
from tnl_cli.io import table_write as tabular_write
from tnl_cli.io.table_write import Column

ACCENTED = "nom;type;code_insee\nSaint-Étienne;commune;42218\nL'Haÿ-les-Roses;commune;94038\n"
KNOWN = {"nom", "type", "code_insee", "siren"}


def _score(cells: list[str]) -> int:
    return sum(1 for cell in cells if cell.strip().lower() in KNOWN)


def _read(path: Path, encoding: str | None = None,
          delimiter: str | None = None) -> tuple[tabular.Source, list[list[str]]]:
    source = tabular.open_csv(path, encoding, delimiter, _score)
    rows = list(source.rows)
    source.close()
    return source, rows


# -- encodings ------------------------------------------------------------------------------

@pytest.mark.parametrize(("encoding", "detected"), [
    ("cp1252", "cp1252"), ("utf-8-sig", "utf-8-sig"), ("utf-8", "utf-8"), ("utf-16", "utf-16")])
def test_encoding_is_detected(tmp_path: Path, encoding: str, detected: str) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(ACCENTED.encode(encoding))
    source, rows = _read(path)
    assert source.encoding == detected
    assert [r[0] for r in rows] == ["nom", "Saint-Étienne", "L'Haÿ-les-Roses"]


def test_windows_1252_accent_far_down_the_file(tmp_path: Path) -> None:
    """A file whose first 64 KiB are plain ASCII is not taken for UTF-8 on faith."""
    lines = ["nom;code_insee"] + [f"Ville {i};{10000 + i}" for i in range(9000)]
    path = tmp_path / "f.csv"
    path.write_bytes(("\n".join(lines) + "\nSaint-Étienne;42218\n").encode("cp1252"))
    assert path.stat().st_size > 1 << 16
    source, rows = _read(path)
    assert source.encoding == "cp1252"
    assert rows[-1] == ["Saint-Étienne", "42218"]


@pytest.mark.parametrize("content", [bytes(range(256)) * 8, b"PK\x03\x04" + bytes(300),
                                     b"nom\x00;type\x00\n"])
def test_binary_files_are_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(content)
    with pytest.raises(TnlError) as refused:
        _read(path)
    assert refused.value.problems[0].key in ("batch.encoding_unknown", "batch.zip_named_csv")


def test_forced_encoding_and_unknown_encoding(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(ACCENTED.encode("cp1252"))
    source, rows = _read(path, encoding="latin-1")
    assert source.encoding == "iso8859-1" and rows[1][0] == "Saint-Étienne"
    with pytest.raises(TnlError) as refused:
        _read(path, encoding="klingon")
    assert refused.value.problems[0].key == "batch.bad_encoding_option"


@pytest.mark.parametrize(("name", "key"), [("missing.csv", "io.missing"), ("", "io.is_dir"),
                                           ("empty.csv", "batch.empty")])
def test_unusable_paths(tmp_path: Path, name: str, key: str) -> None:
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(TnlError) as refused:
        _read(tmp_path / name if name else tmp_path)
    assert refused.value.problems[0].key == key


# -- separators -----------------------------------------------------------------------------

@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_delimiter_is_detected_from_the_header(tmp_path: Path, delimiter: str) -> None:
    path = tmp_path / "f.csv"
    text = f'nom{delimiter}type{delimiter}siren\n"Dupont, Durand; et fils"{delimiter}commune' \
           f'{delimiter}215403957\n'
    path.write_text(text, encoding="utf-8")
    source, rows = _read(path)
    assert source.delimiter == delimiter
    assert rows[1] == ["Dupont, Durand; et fils", "commune", "215403957"]


def test_header_decides_over_commas_in_the_data(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text("nom;agents\nA, B, C et D;12,5\n", encoding="utf-8")
    source, rows = _read(path)
    assert source.delimiter == ";" and rows[1] == ["A, B, C et D", "12,5"]


def test_excel_sep_line(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes("sep=,\r\nnom;x,type\r\nA;B,commune\r\n".encode("cp1252"))
    source, rows = _read(path)
    assert source.delimiter == "," and rows == [["nom;x", "type"], ["A;B", "commune"]]


def test_forced_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text("nom,type;x\n", encoding="utf-8")
    assert _read(path, delimiter=",")[1] == [["nom", "type;x"]]


# -- spreadsheets ---------------------------------------------------------------------------

def _xlsx(path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    first = book.add_worksheet("Notes")
    first.write(0, 0, "rien à voir")
    sheet = book.add_worksheet("Collectivités")
    for j, name in enumerate(("nom", "code_insee", "siren", "ok")):
        sheet.write_string(1, 1 + j, name)  # the table starts at B2
    sheet.write_string(2, 1, "Bourg-en-Bresse")
    sheet.write_number(2, 2, 1053)
    sheet.write_number(2, 3, 210100533)
    sheet.write_boolean(2, 4, True)
    sheet.write_number(3, 2, 12.5)
    book.close()


def test_xlsx_cells_become_the_text_people_typed(tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    _xlsx(path)
    source = sheet_read.open_spreadsheet(path, "collectivites")  # sheet name: case, accents aside
    rows = [row for row in source.rows]
    assert source.sheet == "Collectivités" and source.first_column == 1
    assert rows[1] == ["nom", "code_insee", "siren", "ok"]
    assert rows[2] == ["Bourg-en-Bresse", "1053", "210100533", "true"]
    assert source.line_num == 4 and rows[3][1] == "12.5"


def test_first_sheet_by_default_and_unknown_sheet(tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    _xlsx(path)
    assert sheet_read.open_spreadsheet(path, None).sheet == "Notes"
    with pytest.raises(TnlError) as refused:
        sheet_read.open_spreadsheet(path, "Feuil9")
    assert refused.value.problems[0].params["sheets"] == "Notes, Collectivités"


def test_damaged_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "f.ods"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(TnlError) as refused:
        sheet_read.open_spreadsheet(path, None)
    assert refused.value.problems[0].key == "batch.sheet_unreadable"


def test_ods_written_by_odfdo_is_read(tmp_path: Path) -> None:
    from odfdo import Document, Table

    doc = Document("spreadsheet")
    table = Table("Feuille1")
    table.set_value("A1", "nom")
    table.set_value("B1", "code_insee")
    table.set_value("A2", "Bourg-en-Bresse")
    table.set_value("B2", 1053)
    doc.body.append(table)
    path = tmp_path / "f.ods"
    doc.save(path)
    rows = list(sheet_read.open_spreadsheet(path, None).rows)
    assert rows[:2] == [["nom", "code_insee"], ["Bourg-en-Bresse", "1053"]]


# -- writers --------------------------------------------------------------------------------

COLUMNS = [Column("ligne", "number"), Column("nom"), Column("code_insee", "code"),
           Column("score", "number"), Column("manques", "list")]
ROWS = [[2, "=HYPERLINK(\"http://x\")", "01001", 75, ("a", "b")],
        [3, "Saint-Étienne", "42218", None, ()],
        [4, "-5 + 3", "2A004", 12.5, ("@x",)]]


def _write(path: Path, rows: list[list[object]] = ROWS) -> None:
    with tabular_write.open_output(path, COLUMNS, sheet="résultats") as out:
        for row in rows:
            out.write(list(row))


def test_csv_output_is_utf8_bom_semicolons_and_neutralised(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    _write(path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\xef\xbb\xbf") == 1
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == ["ligne", "nom", "code_insee", "score", "manques"]
    assert rows[1] == ["2", "'=HYPERLINK(\"http://x\")", "01001", "75", "a | b"]
    assert rows[2] == ["3", "Saint-Étienne", "42218", "", ""]
    assert rows[3] == ["4", "'-5 + 3", "2A004", "12.5", "'@x"]


def test_json_lines_keep_types(tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    _write(path)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert records[0] == {"ligne": 2, "nom": "=HYPERLINK(\"http://x\")", "code_insee": "01001",
                          "score": 75, "manques": ["a", "b"]}
    assert records[1]["score"] is None and records[1]["manques"] == []


@pytest.mark.parametrize("suffix", [".ods", ".xlsx"])
def test_spreadsheet_output_reads_back(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"out{suffix}"
    _write(path)
    source = sheet_read.open_spreadsheet(path, None)
    rows = list(source.rows)
    assert source.sheet == "résultats"
    assert rows[0] == ["ligne", "nom", "code_insee", "score", "manques"]
    assert rows[1] == ["2", "'=HYPERLINK(\"http://x\")", "01001", "75", "a | b"]
    assert rows[3] == ["4", "'-5 + 3", "2A004", "12.5", "'@x"]


def test_ods_is_a_valid_opendocument(tmp_path: Path) -> None:
    from odfdo import Document

    path = tmp_path / "out.ods"
    _write(path, ROWS + [[5, "a < b & \"c\"\x01\nsuite", "01001", 1, ()]])
    with zipfile.ZipFile(path) as archive:
        assert archive.namelist()[0] == "mimetype"
        assert archive.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
    table = Document(str(path)).body.get_table(0)
    assert table.name == "résultats"
    assert table.get_value("B5") == "a < b & \"c\"\nsuite"
    assert table.get_value("D2") == 75


_TEXTS = st.text(st.sampled_from(list("ab é;\"\n\r\t=+-@'|\x00")), max_size=6)
_ALL_KINDS = [Column("n", "number"), Column("t"), Column("c", "code"), Column("k", "key"),
              Column("l", "list"), Column("i", "keys")]


@settings(max_examples=80, deadline=None)
@given(rows=st.lists(st.tuples(
    st.one_of(st.integers(-5, 10**6), st.floats(0, 100), st.none(), st.just(""), _TEXTS),
    _TEXTS, _TEXTS, st.sampled_from(["eligible", ""]), st.lists(_TEXTS, max_size=3),
    st.lists(st.sampled_from(["a_b", "c"]), max_size=3)), max_size=5))
def test_csv_rows_read_back_as_written_and_neutralised(tmp_path_factory: Any,
                                                       rows: list[tuple[Any, ...]]) -> None:
    """The formatted shortcut and csv.writer give the same file, whatever the texts hold."""
    path = tmp_path_factory.mktemp("csv") / "out.csv"
    with tabular_write.open_output(path, _ALL_KINDS, overwrite=True) as out:
        for row in rows:
            out.write(list(row))
    with path.open(encoding="utf-8-sig", newline="") as handle:
        back = list(csv.reader(handle, delimiter=";"))
    assert back[0] == ["n", "t", "c", "k", "l", "i"]
    neutral = tabular_write.neutralise
    assert back[1:] == [[
        "" if number is None else neutral(number) if isinstance(number, str) else str(number),
        neutral(text), neutral(code), key, neutral(" | ".join(texts)), " | ".join(keys)]
        for number, text, code, key, texts, keys in rows]


def test_nothing_is_left_when_writing_fails(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    path.write_text("ancien", encoding="utf-8")
    with pytest.raises(RuntimeError), tabular_write.open_output(path, COLUMNS, overwrite=True) as out:
        out.write(list(ROWS[0]))
        raise RuntimeError("interrupted")
    assert path.read_text(encoding="utf-8") == "ancien"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


@pytest.mark.parametrize(("name", "key"), [("out.csv", "io.exists"), ("nope/out.csv", "io.no_dir"),
                                           ("out.txt", "batch.bad_output_format")])
def test_targets_refused_before_any_work(tmp_path: Path, name: str, key: str) -> None:
    (tmp_path / "out.csv").write_text("x", encoding="utf-8")
    with pytest.raises(TnlError) as refused:
        tabular_write.check_target(tmp_path / name, overwrite=False)
    assert refused.value.problems[0].key == key


def test_column_letters() -> None:
    assert [sheet_read.column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == [
        "A", "Z", "AA", "AB", "ZZ", "AAA"]
