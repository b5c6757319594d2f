"""Language choice and message lookup.

Messages live in `tnl_cli/locale/<namespace>.py` as a `MESSAGES` dict; a key
`"ns.name"` lazily imports namespace `ns`, so a command loads only its own texts.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from typing import Any

LANGS = ("fr", "en")
DEFAULT_LANG = "fr"

_tables: dict[str, Mapping[str, Mapping[str, str]]] = {}


def detect_lang(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """`--lang X` anywhere on the command line wins, then LC_ALL/LC_MESSAGES/LANG, then French."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return normalise_lang(argv[i + 1])
        if arg.startswith("--lang="):
            return normalise_lang(arg.split("=", 1)[1])
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else DEFAULT_LANG
    return DEFAULT_LANG


def requested_lang(argv: Sequence[str]) -> str | None:
    """The value given to `--lang`, as typed, if any."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def normalise_lang(value: str) -> str:
    value = value.strip().lower()[:2]
    return value if value in LANGS else DEFAULT_LANG


def _table(namespace: str) -> Mapping[str, Mapping[str, str]]:
    table = _tables.get(namespace)
    if table is None:
        table = importlib.import_module(f"tnl_cli.locale.{namespace}").MESSAGES
        _tables[namespace] = table
    return table


def template(lang: str, key: str) -> str:
    """The raw text of message `key` in `lang` (French when missing), placeholders kept."""
    namespace, _, _ = key.partition(".")
    entry = _table(namespace)[key]
    return entry.get(lang) or entry[DEFAULT_LANG]


def tr(lang: str, key: str, /, **params: Any) -> str:
    """The message `key` in `lang`, formatted with `params` (`{{` in a message is a brace)."""
    return template(lang, key).format(**params)


def pick(text: Mapping[str, str] | str | None, lang: str) -> str:
    """A catalog text `{fr: ..., en: ...}` in `lang`."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    return text.get(lang) or text.get(DEFAULT_LANG) or ""
