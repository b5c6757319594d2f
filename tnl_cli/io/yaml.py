"""YAML reading that keeps line numbers, so that every message can name the line at fault."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tnl_cli.errors import Problem, TnlError
from tnl_cli.located import Located, Path_
from tnl_cli.numbers import MAX_DIGITS

try:  # the C loader is several times faster when libyaml is present
    _Base: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pure-Python PyYAML build
    _Base = yaml.SafeLoader


class _Loader(_Base):  # type: ignore[misc,valid-type]
    """The safe loader, but a scalar PyYAML cannot build stays text, for the field that reads
    it to refuse by name and line: an integer of more than `numbers.MAX_DIGITS` digits (Python
    builds none over 4,300 digits; none fits a float past 10**308), a date that does not exist
    (`2026-02-30`), an explicit tag on what it is not (`!!int abc`, `!!bool maybe`,
    `!!timestamp abc`): each was a traceback."""


_INT_TEXT = 64  # longer than any int kept (`0x…`, `1_000_…`, `1:30:…`): text without a look
_UNBUILDABLE = (ValueError, KeyError, AttributeError, TypeError, OverflowError)


def _construct_int(loader: Any, node: yaml.ScalarNode) -> Any:
    if len(node.value) <= _INT_TEXT:
        try:
            value = yaml.SafeLoader.construct_yaml_int(loader, node)
        except _UNBUILDABLE:
            return loader.construct_scalar(node)
        if abs(value) < 10**MAX_DIGITS:
            return value
    return loader.construct_scalar(node)


def _text_unless_built(construct: Any) -> Any:
    def build(loader: Any, node: yaml.ScalarNode) -> Any:
        try:
            return construct(loader, node)
        except _UNBUILDABLE:
            return loader.construct_scalar(node)

    return build


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
for _tag, _construct in (("timestamp", yaml.SafeLoader.construct_yaml_timestamp),
                         ("float", yaml.SafeLoader.construct_yaml_float),
                         ("bool", yaml.SafeLoader.construct_yaml_bool)):
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _text_unless_built(_construct))

def read_text(path: Path, display: str | None = None) -> str:
    """Read a UTF-8 text file, turning every OS-level failure into a clear TnlError."""
    name = display or str(path)
    if not path.exists():
        raise TnlError.of("io.missing", file=name)
    if path.is_dir():
        raise TnlError.of("io.is_dir", file=name)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise TnlError.of("io.unreadable", file=name, reason=exc.strerror or str(exc),
                          errno=exc.errno) from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise TnlError.of("io.not_utf8", file=name, line=line) from exc


# PyYAML's reasons, in words a person understands (locale/yaml.py): (problem, context) -> key.
_REASONS = (
    (r"expected ',' or '\]'", "", "yaml.why_bracket"),
    (r"expected ',' or '\}'", "", "yaml.why_brace"),
    (r"end of stream", "quoted scalar", "yaml.why_quote"),
    (r"mapping values are not allowed", "", "yaml.why_colon"),
    (r"character '\\t'|\\t.*cannot start", "", "yaml.why_tab"),
    (r"cannot start any token", "", "yaml.why_character"),
    (r"expected <block end>|expected key|expected '-' indicator", "", "yaml.why_indent"),
    (r"could not find expected ':'", "", "yaml.why_no_colon"),
    (r"unknown escape character", "", "yaml.why_escape"),
    (r"end of stream", "", "yaml.why_unclosed"),
)


def _char_at(text: str, line: int | None, column: int) -> str:
    rows = text.splitlines()
    if line is None or not 0 < line <= len(rows) or not 0 < column <= len(rows[line - 1]):
        return ""
    return rows[line - 1][column - 1]


def syntax_reason(problem: str, context: str, found: str = "") -> str:
    """The message key that explains a PyYAML syntax error (`found`: the character where it
    stopped; libyaml does not name it); yaml.why_other when unknown."""
    import re

    if found == "\t":
        return "yaml.why_tab"
    for pattern, where, key in _REASONS:
        if re.search(pattern, problem) and where in context:
            return key
    return "yaml.why_other"


def parse(text: str, file: str) -> Located:
    """Parse one YAML document; syntax errors and duplicate keys become located problems."""
    if not text.strip():
        raise TnlError.of("yaml.empty", file=file)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else 0
        raise TnlError.of(
            "yaml.syntax", file=file, line=line, row=line or "?", column=column,
            why_key=syntax_reason(exc.problem or "", exc.context or "",
                                  _char_at(text, line, column)),
            reason=exc.problem or str(exc)) from exc
    except yaml.reader.ReaderError as exc:  # a control character (ESC, NUL…) in the text
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        raise TnlError.of("yaml.syntax", file=file, line=line, row=line, column=column,
                          why_key="yaml.why_control", code=f"{exc.character:04X}"
                          if isinstance(exc.character, int) else "?") from exc
    except yaml.YAMLError as exc:
        raise _unplaced(file, exc) from exc
    if node is None:
        raise TnlError.of("yaml.empty", file=file)
    lines: dict[Path_, int] = {(): node.start_mark.line + 1}
    problems: list[Problem] = []
    _index(node, (), lines, problems, file, set())
    if problems:
        raise TnlError(*problems)
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:  # e.g. an unconstructible tag
        raise _unplaced(file, exc) from exc
    return Located(data, lines, file)


def _unplaced(file: str, exc: yaml.YAMLError) -> TnlError:
    return TnlError.of("yaml.syntax", file=file, line=None, row="?", column="?",
                       why_key="yaml.why_other", reason=str(exc)[:200])


def _index(node: yaml.Node, path: Path_, lines: dict[Path_, int], problems: list, file: str,
           seen: set[int]) -> None:
    """Record the line of every key and item. A node met twice is a YAML alias (`*name`):
    refused, since an alias can refer to itself or multiply a small file into billions of
    values (the "billion laughs")."""
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
        if id(node) in seen:
            problems.append(Problem("yaml.alias", {}, file, node.start_mark.line + 1))
            return
        seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        keys: set[Any] = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            line = key_node.start_mark.line + 1
            if key in keys:
                problems.append(Problem("yaml.duplicate_key", {"key": key}, file, line))
            keys.add(key)
            lines[path + (key,)] = line
            _index(value_node, path + (key,), lines, problems, file, seen)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[path + (i,)] = item.start_mark.line + 1
            _index(item, path + (i,), lines, problems, file, seen)
            if problems and problems[-1].key == "yaml.alias":
                return


def load(path: Path, display: str | None = None) -> Located:
    return parse(read_text(path, display), display or str(path))


def dump(data: Any) -> str:
    """Readable YAML: block style, unicode kept, key order kept."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)


def comment_lines(text: str) -> list[int]:
    """The 1-based lines of `text` that hold a YAML comment: a `#` at the start of a line or
    after a space, outside quoted and block scalars (the scanner's tokens say where those are)."""
    if "#" not in text:
        return []
    spans: list[tuple[int, int]] = []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.ScalarToken):
                spans.append((token.start_mark.index, token.end_mark.index))
    except yaml.YAMLError:
        return []
    found: list[int] = []
    spans.sort()
    k = 0
    for i, char in enumerate(text):
        if char != "#" or (i and text[i - 1] not in " \t\n\r"):
            continue
        while k < len(spans) and spans[k][1] <= i:
            k += 1
        if k < len(spans) and spans[k][0] <= i < spans[k][1]:
            continue
        line = text.count("\n", 0, i) + 1
        if not found or found[-1] != line:
            found.append(line)
    return found
