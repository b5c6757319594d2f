"""Parsed data with the line of every key and item: what a file reader hands to the core.

The core validates plain data and names the line at fault without reading a file itself:
`io.yaml` builds a `Located`; `core.catalog_build.build` and `core.answers.from_document` read one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Path_ = tuple[Any, ...]


@dataclass(frozen=True)
class Located:
    """Parsed data (YAML's, or any mapping built in memory) with the 1-based line of every
    mapping key and list item (`lines` may be empty: then no line is named)."""

    data: Any
    lines: dict[Path_, int]
    file: str

    def line(self, *path: Any) -> int | None:
        """The line of `path`, or of its nearest located ancestor."""
        p = tuple(path)
        while p:
            if p in self.lines:
                return self.lines[p]
            p = p[:-1]
        return self.lines.get(())
