"""Issue 15, finding 12: what a spreadsheet may expand to is capped before python-calamine
loads it (a few KB of zipped XML can make gigabytes of cells)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from tnl_cli.io import sheet_read
from tnl_cli.io.table_write import Column, open_output

_NS = ('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def xlsx(path: Path, rows: str, shared: list[str] | None = None) -> Path:
    """A minimal .xlsx whose sheet data is `rows` (`<row>` elements)."""
    strings = shared is not None
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            f'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
            f'"{_CT}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" '
            f'ContentType="{_CT}.worksheet+xml"/>'
            + (f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}.sharedStrings+xml"/>'
               if strings else "") + "</Types>"))
        z.writestr("_rels/.rels", f'<?xml version="1.0"?><Relationships xmlns="{_PKG}">'
                   f'<Relationship Id="rId1" Type="{_REL}/officeDocument" '
                   'Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook {_NS}><sheets><sheet '
                   'name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", (
            f'<?xml version="1.0"?><Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
            f'Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            + (f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
               if strings else "") + "</Relationships>"))
        if strings:
            z.writestr("xl/sharedStrings.xml", f'<?xml version="1.0"?><sst {_NS}>'
                       + "".join(f"<si><t>{s}</t></si>" for s in shared or []) + "</sst>")
        z.writestr("xl/worksheets/sheet1.xml",
                   f'<?xml version="1.0"?><worksheet {_NS}><sheetData>{rows}</sheetData></worksheet>')
    return path


def inline(ref: str, text: str = "x") -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def ods(path: Path, rows: str) -> Path:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:'
        'names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:'
        'xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'office:version="1.2"><office:body><office:spreadsheet><table:table table:name="S">'
        f"{rows}</table:table></office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", (
            '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
            'opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            "</manifest:manifest>"), zipfile.ZIP_DEFLATED)
    return path


FILLED = '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'
EMPTY_ROWS = ('<table:table-row table:number-rows-repeated="{n}"><table:table-cell '
              'table:number-columns-repeated="1024"/></table:table-row>')


def _area(path: Path) -> int:
    import python_calamine as pc

    with pc.CalamineWorkbook.from_path(str(path)) as book:
        rows = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
        return len(rows) * max((len(r) for r in rows), default=0)


def _estimate(path: Path) -> int:
    """The grid `check_expansion` measures, read back through a cap of zero."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sheet_read, "MAX_CELLS", 0)
        try:
            sheet_read.check_expansion(path, path.name)
        except sheet_read.TnlError as exc:
            return int(exc.problems[0].params["cells"])
    return 0


SHAPES = {
    "dense.xlsx": lambda p: xlsx(p, "".join(
        f'<row r="{i}">' + "".join(inline(f"{c}{i}") for c in ("A", "B", "Z", "AA", "BR"))
        + "</row>" for i in range(1, 60))),
    "far apart.xlsx": lambda p: xlsx(p, f'<row r="1">{inline("A1")}</row>'
                                        f'<row r="900">{inline("QZ900")}</row>'),
    "no references.xlsx": lambda p: xlsx(p, "".join(
        "<row>" + '<c t="inlineStr"><is><t>x</t></is></c>' * 7 + "</row>" for _ in range(30))),
    "shared strings.xlsx": lambda p: xlsx(p, "".join(
        f'<row r="{i}"><c r="A{i}" t="s"><v>0</v></c><c r="C{i}" t="s"><v>1</v></c></row>'
        for i in range(1, 40)), shared=["nom", "oui"]),
    "trailing empties.ods": lambda p: ods(p, f"<table:table-row>{FILLED * 3}<table:table-cell "
                                             'table:number-columns-repeated="16000"/>'
                                             "</table:table-row>" + EMPTY_ROWS.format(n=1048575)),
    "gap.ods": lambda p: ods(p, f"<table:table-row>{FILLED}</table:table-row>"
                                + EMPTY_ROWS.format(n=300) + "<table:table-row>"
                                '<table:table-cell table:number-columns-repeated="40"/>'
                                f"{FILLED}</table:table-row>"),
    "repeated.ods": lambda p: ods(p, '<table:table-row table:number-rows-repeated="50">'
                                     '<table:table-cell table:number-columns-repeated="30" '
                                     'office:value-type="string"><text:p>x</text:p>'
                                     "</table:table-cell></table:table-row>"),
}


@pytest.mark.parametrize("name", SHAPES)
def test_the_measured_grid_is_at_least_what_calamine_builds(tmp_path: Path, name: str) -> None:
    path = SHAPES[name](tmp_path / name)
    area = _area(path)
    estimate = _estimate(path)
    assert estimate >= area
    assert estimate <= max(2 * area, 10)  # and not so far above that real files are refused


def test_our_own_outputs_pass(tmp_path: Path) -> None:
    columns = [Column(f"c{j}") for j in range(30)]
    for suffix in (".xlsx", ".ods"):
        path = tmp_path / f"out{suffix}"
        with open_output(path, columns, overwrite=True, sheet="s") as out:
            for i in range(200):
                out.write([f"{i}-{j}" for j in range(30)])
        sheet_read.check_expansion(path, path.name)
        assert _estimate(path) >= _area(path) == 201 * 30


@pytest.mark.parametrize("name", ["far apart.xlsx", "gap.ods", "repeated.ods"])
def test_too_many_cells_is_refused_before_loading(run: Any, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  name: str) -> None:
    path = SHAPES[name](tmp_path / name)
    monkeypatch.setattr(sheet_read, "MAX_CELLS", _area(path) - 1)
    loaded: list[str] = []
    import python_calamine as pc

    monkeypatch.setattr(pc.CalamineWorkbook, "from_path", lambda p: loaded.append(p))
    res = run("batch", str(path))
    assert res.code == 2 and not loaded
    assert "classeur trop grand" in res.err and "CSV" in res.err and name in res.err


def test_two_cells_far_apart_in_a_tiny_file(run: Any, tmp_path: Path) -> None:
    """With the real cap: 1,048,576 rows x 5 columns from two cells."""
    path = xlsx(tmp_path / "far.xlsx", f'<row r="1">{inline("A1", "nom")}</row>'
                                       f'<row r="1048576">{inline("E1048576")}</row>')
    assert path.stat().st_size < 2000
    res = run("batch", str(path))
    assert res.code == 2 and "5242880 cellules" in res.err


def test_too_much_xml_is_refused(run: Any, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = SHAPES["dense.xlsx"](tmp_path / "dense.xlsx")
    monkeypatch.setattr(sheet_read, "MAX_XML_BYTES", 10_000)
    res = run("batch", str(path))
    assert res.code == 2 and "trop volumineux une fois décompressé" in res.err


def test_one_long_shared_string_in_every_cell_counts(run: Any, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    rows = "".join(f'<row r="{i}">' + "".join(f'<c r="{c}{i}" t="s"><v>1</v></c>'
                                              for c in "ABCDEFGHIJ") + "</row>"
                   for i in range(1, 201))
    path = xlsx(tmp_path / "copies.xlsx", rows, shared=["nom", "A" * 5000])
    monkeypatch.setattr(sheet_read, "MAX_XML_BYTES", 5_000_000)  # the file is ~100 KB of XML
    res = run("batch", str(path))
    assert res.code == 2 and "trop volumineux" in res.err  # 2,000 copies of 5 KB: 10 MB


def test_a_corrupt_part_is_a_message(run: Any, tmp_path: Path) -> None:
    path = SHAPES["dense.xlsx"](tmp_path / "bad.xlsx")
    data = bytearray(path.read_bytes())
    start = data.find(b"xl/worksheets/sheet1.xml") + 40
    data[start:start + 20] = b"\x00" * 20  # inside the sheet's compressed data
    path.write_bytes(bytes(data))
    res = run("batch", str(path))
    assert res.code == 2 and "Traceback" not in res.err
