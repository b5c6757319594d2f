"""Issue 23: `tnl assess --answers F --set ID=VALUE`, any ID and VALUE: exit 0, 1 or 2; a value
refused leaves F byte for byte as it was; one accepted is in F, every other answer unchanged;
nothing beside F (no temporary file, no lock); nothing unsafe printed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import EXAMPLES, cli_in_process
from hypothesis import given, settings
from hypothesis import strategies as st

from tnl_cli.loaders import answer_files
from tnl_cli.loaders.catalogs import load_edition
from tnl_cli.textsafe import UNSAFE_CHARS

CATALOG = load_edition(2025)
IDS = [c.id for c in CATALOG.criteria] + [
    "collectivite.population", "collectivite.agents", "collectivite.nom", "collectivite.type",
    "collectivite.code_insee", "collectivite.siren", "collectivite.elu_referent.email",
    "collectivite.labels_anterieurs", "inconnu", "collectivite.inconnu", ""]
VALUES = st.one_of(
    st.sampled_from(["oui", "non", "nc", "42", "42,5", "101", "-1", "١٢", "1_000", "1e400",
                     "9" * 5000, "libre|mixte", "https://exemple.fr", "\x1b[31moui",
                     "oui\u202e", "", "=1+1", "2024:bronze", "commune", "54395"]),
    st.text(max_size=30),
)
ORIGINAL = (EXAMPLES / "commune-exemple.yaml").read_bytes()


@settings(max_examples=150, deadline=None)
@given(cid=st.sampled_from(IDS), value=VALUES)
def test_any_set(tmp_path_factory: Any, cid: str, value: str) -> None:
    folder: Path = tmp_path_factory.mktemp("set")
    path = folder / "r.yaml"
    path.write_bytes(ORIGINAL)
    before = answer_files.load(path, load_edition)[0]
    res = cli_in_process("assess", "--answers", str(path), "--set", f"{cid}={value}",
                         "--format", "json")
    assert res.code in (0, 1, 2), res.err
    assert not UNSAFE_CHARS.intersection(res.out + res.err)
    assert sorted(p.name for p in folder.iterdir()) == ["r.yaml"]
    if res.code == 2:
        assert path.read_bytes() == ORIGINAL, res.err
        return
    after = answer_files.load(path, load_edition)[0]
    for other, answer in before.responses.items():
        if other != cid:
            assert after.responses[other] == answer
