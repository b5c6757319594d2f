"""Numbers read by the evidence and synthesis readers go through the bounded parser.

Each case below was a traceback or a misreading found by the hardening round (issue 23): a
superscript digit passes str.isdigit() but not int(), Arabic-Indic digits were read as ASCII ones.
"""

from __future__ import annotations

import pytest

from tnl_cli.errors import TnlError
from tnl_cli.inventory import exports, values
from tnl_cli.opendata import odf
from tnl_cli.synthesis import aggregate, members


@pytest.mark.parametrize("text, expected", [
    ("12", 12), (" 1 204 ", 1204), ("7.0", 7), ("4²", None), ("٤١", None), ("1" * 5000, None),
    ("", None), ("-3", None),
])
def test_an_opendatafrance_count_is_read_or_left_unknown(text: str, expected: int | None) -> None:
    assert odf._count(text) == expected


def test_population_bands_sort_by_their_bound_and_a_malformed_one_comes_last() -> None:
    bands = ["200000+", '50000"-199999', "0-499", "", "3500-9999", "4²-9"]
    ordered = sorted(bands, key=aggregate._band_key)
    assert ordered[:3] == ["0-499", "3500-9999", "200000+"]
    assert set(ordered[3:]) == {'50000"-199999', "", "4²-9"}


@pytest.mark.parametrize("text, expected", [
    ("8420", 8420), ("8420.0", 8420), (8420.0, 8420), ("42,5", 42), ("", None), (None, None),
    ("1e400", None), ("Infinity", None), ("nan", None), ("1" * 5000, None), ("-5", None),
    ("٤١", None), ("4²", None),
])
def test_a_batch_output_number_is_read_or_left_unknown(text: object, expected: int | None) -> None:
    assert members._int(text) == expected


@pytest.mark.parametrize("text", ["4²", "٤١", "1" * 5000, "12a"])
def test_an_installation_count_that_is_not_ascii_digits_is_refused_by_name(text: str) -> None:
    with pytest.raises(TnlError) as exc:
        exports._installs(text, "logiciels.csv:3")
    assert "logiciels.csv:3" in exc.value.render("fr")


def test_an_installation_count_with_thousands_spaces_is_read() -> None:
    assert exports._installs("1 204", "x") == 1204


@pytest.mark.parametrize("text", ["٢٠٢٤-٠١-٠٢", "２０２４-01-02", "01/02/٢٠٢٤"])
def test_a_date_in_other_digits_is_no_date(text: str) -> None:
    assert values.parse_date(text, day_first=True) is None


def test_an_ascii_date_is_still_read() -> None:
    import datetime as dt
    assert values.parse_date("2024-01-02", day_first=True) == dt.date(2024, 1, 2)
    assert values.parse_date("13/02/2024", day_first=False) == dt.date(2024, 2, 13)
