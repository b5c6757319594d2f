"""No merge-conflict markers left in what users read or what runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKER = re.compile(r"^(<{7} |={7}$|>{7} )", re.MULTILINE)
SUFFIXES = {".md", ".py", ".yaml", ".j2", ".toml", ".csv"}


def test_no_conflict_markers_in_docs_code_or_data() -> None:
    found = []
    for folder in ("docs", "tnl_cli", "criteria", "templates", "examples", "bench", "scripts"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in SUFFIXES and path.is_file():
                text = path.read_text(encoding="utf-8", errors="replace")
                found += [f"{path.relative_to(ROOT)}:{text[:m.start()].count(chr(10)) + 1}"
                          for m in MARKER.finditer(text)]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found += [f"README.md:{readme[:m.start()].count(chr(10)) + 1}" for m in MARKER.finditer(readme)]
    assert not found, found
