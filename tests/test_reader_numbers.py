"""Numbers read by the evidence and synthesis readers go through the bounded parser.

Each case below was a traceback or a misreading found by the hardening round (issue 23): a
superscript digit passes str.isdigit() but not int(), Arabic-Indic digits were read as ASCII ones.
"""

from __future__ import annotations

import pytest

from tnl_cli.opendata import odf
from tnl_cli.synthesis import aggregate


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
