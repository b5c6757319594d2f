"""Property test (issue 15): answers files drawn from `tnl schema answers`, with hostile text.

Whatever the file holds, within the schema's shape: no traceback, an exit code in {0, 1, 2},
and nothing printed (report, JSON, dossier, errors) contains a control character (newline and
tab aside) or a bidi override. H15b's property tests cover the readings; this one the output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tnl_cli.core.schema import answers_schema
from tnl_cli.loaders.catalogs import load_edition
from tnl_cli.textsafe import UNSAFE_CHARS

# The strategy built from the whole schema is large: its repr is not worth a warning.
pytestmark = pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")

SCHEMA = json.loads(json.dumps(answers_schema(load_edition(), "fr")))
# Letters, digits, punctuation and what a hostile file would hold: ESC sequences, BEL, C1,
# bidi overrides and isolates, DEL, CR, NUL.
HOSTILE = st.lists(st.sampled_from(
    list("aZé 0-9.,;:=+@'\"<>&#*_[]()/") + ["\x1b", "\x1b]0;", "\x07", "\x9b", "\u202e",
                                          "\u2066", "\x7f", "\r", "\x00", "\n", "\t",
                                          "\x1b[2J", "\x1b]52;c;aGk=\x07", "Saint-Libre"]),
    max_size=12).map("".join)


def strategy(node: Any, depth: int = 0) -> st.SearchStrategy[Any]:
    """Values of the shape `node` describes (a subset of JSON Schema: what schema.py writes)."""
    if not isinstance(node, dict) or depth > 8:
        return st.none()
    if "const" in node:
        return st.just(node["const"])
    if "enum" in node:
        return st.sampled_from(node["enum"])
    for key in ("anyOf", "oneOf"):
        if key in node:
            return st.one_of([strategy(n, depth + 1) for n in node[key]])
    kind = node.get("type")
    if isinstance(kind, list):
        return st.one_of([strategy({**node, "type": k}, depth + 1) for k in kind])
    if kind == "object":
        props = node.get("properties", {})
        required = set(node.get("required", ()))
        return st.fixed_dictionaries(
            {k: strategy(v, depth + 1) for k, v in props.items() if k in required},
            optional={k: strategy(v, depth + 1) for k, v in props.items() if k not in required})
    if kind == "array":
        return st.lists(strategy(node.get("items", {}), depth + 1),
                        max_size=min(node.get("maxItems", 3), 3))
    if kind == "string":
        if "pattern" in node:
            return st.one_of(st.from_regex(node["pattern"], fullmatch=True), HOSTILE)
        return HOSTILE
    if kind == "integer":
        return st.integers(node.get("minimum", -10**6), node.get("maximum", 10**7))
    if kind == "number":
        return st.one_of(st.integers(-10**6, 10**7),
                         st.floats(allow_nan=False, allow_infinity=False, width=32))
    if kind == "boolean":
        return st.booleans()
    return st.none()


def unsafe(text: str) -> list[str]:
    return sorted({repr(ch) for ch in text if ch in UNSAFE_CHARS})


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(document=strategy(SCHEMA))
def test_no_traceback_no_control_character(run: Any, tmp_path: Path, document: Any) -> None:
    path = tmp_path / "rep.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    for args in (["assess", "--answers", str(path)],
                 ["assess", "--answers", str(path), "--format", "json"],
                 ["dossier", "--answers", str(path)]):
        result = run(*args)
        assert result.code in (0, 1, 2), (args, result.err)
        assert "Traceback" not in result.err, result.err
        assert not unsafe(result.out), (args, unsafe(result.out))
        assert not unsafe(result.err), (args, unsafe(result.err))
