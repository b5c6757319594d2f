"""Every message in both languages, formatted as tr() formats it: no literal brace mistakes,
the same placeholders in French and English, and every key used by the code exists."""

from __future__ import annotations

import importlib
import pkgutil
import re
import string
from pathlib import Path

import pytest

import tnl_cli.locale

NAMESPACES = [m.name for m in pkgutil.iter_modules(tnl_cli.locale.__path__)]
ROOT = Path(__file__).resolve().parent.parent


def _messages():
    for ns in NAMESPACES:
        yield from importlib.import_module(f"tnl_cli.locale.{ns}").MESSAGES.items()


def _fields(text: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text)
            if name}


@pytest.mark.parametrize("key,entry", list(_messages()), ids=lambda v: v if isinstance(v, str)
                         else "")
def test_message_formats_in_both_languages(key: str, entry: dict[str, str]) -> None:
    assert key.split(".")[0] in NAMESPACES
    assert set(entry) >= {"fr", "en"}, key
    fr, en = _fields(entry["fr"]), _fields(entry["en"])
    assert fr == en, key
    dummy = {name: "x" for name in fr}
    for lang in ("fr", "en"):
        entry[lang].format(**dummy)


def test_every_key_the_code_names_exists() -> None:
    known = {key for key, _ in _messages()}
    pattern = re.compile(r"""["']((?:{})\.[a-z0-9_]+)["']""".format("|".join(NAMESPACES)))
    missing = set()
    for path in list((ROOT / "tnl_cli").rglob("*.py")) + list((ROOT / "templates").glob("*")):
        if "locale" in path.parts:
            continue
        for found in pattern.findall(path.read_text(encoding="utf-8")):
            if found not in known and not found.endswith("_"):
                missing.add(f"{path.name}: {found}")
    assert not missing, sorted(missing)
