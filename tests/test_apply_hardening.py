"""Issue 23: `tnl inventaire --apply` and `--force` on an answers file: atomic, locked against
other runs, never an answer lost without --force, whole after SIGTERM or SIGKILL."""

from __future__ import annotations

import functools
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tnl_cli.core import answers as ans
from tnl_cli.core import normalise
from tnl_cli.errors import TnlError
from tnl_cli.evidence.apply import apply
from tnl_cli.loaders import answer_files
from tnl_cli.loaders.catalogs import load_edition

ROOT = Path(__file__).resolve().parent.parent
FLEET = ROOT / "examples" / "inventaire" / "glpi-agent"
ENV = {k: v for k, v in os.environ.items() if not k.startswith(("LANG", "LC_"))}
HOLD = ("import sys\nfrom pathlib import Path\nfrom tnl_cli.io.files import locked\n"
        "with locked(Path(sys.argv[1])):\n    print('held', flush=True)\n    sys.stdin.read()\n")
# A value each proposed criterion could hold that differs from what the example fleet proves.
OTHER = {"part_postes_os_libre": 10, "part_postes_libreoffice": 20, "suite_bureautique": "libre",
         "utilise_logiciel_libre": False, "inventaire_logiciels": ["GLPI"],
         "logiciels_libres_utilises": ["serveurs"]}
HEAD = ("edition: 2025\ncollectivite:\n  nom: Lettret\n  type: commune\n"
        "reponses:\n  formats_ouverts:\n    valeur: oui\n    justification: Délibération.\n")


@functools.cache
def proposals() -> tuple[Any, ...]:
    from tnl_cli.commands.inventaire import read_inventory

    return tuple(read_inventory([FLEET], [], None).proposals(load_edition(2025)))


def _tnl(*args: str) -> list[str]:
    return [sys.executable, "-m", "tnl_cli", *args]


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".tnl-lock")))


def test_the_fleet_proposes_every_criterion_drawn_below() -> None:
    assert {p.criterion for p in proposals()} == set(OTHER)


@settings(max_examples=60, deadline=None)
@given(states=st.fixed_dictionaries({cid: st.sampled_from(["absent", "null", "same", "other"])
                                     for cid in OTHER}),
       force=st.booleans(), comment=st.booleans())
def test_no_answer_is_lost_without_force(tmp_path_factory: Any, states: dict[str, str],
                                         force: bool, comment: bool) -> None:
    folder = tmp_path_factory.mktemp("apply")
    path = folder / "r.yaml"
    text = HEAD if not comment else "# notre fichier, à garder\n" + HEAD
    for cid, state in states.items():
        if state == "null":
            text += f"  {cid}: null\n"
        elif state == "same":
            value = next(p.value for p in proposals() if p.criterion == cid)
            text += f"  {cid}: {_flow(ans.document_value(value))}\n"
        elif state == "other":
            text += (f"  {cid}:\n    valeur: {_flow(OTHER[cid])}\n"
                     "    justification: Notre réponse.\n")
    path.write_text(text, encoding="utf-8")
    before = answer_files.load(path, load_edition)[0]
    result = apply(path, proposals(), force=force)
    after = answer_files.load(path, load_edition)[0]
    wanted = {p.criterion: p.value for p in proposals()}
    assert after.identity == before.identity
    assert after.responses["formats_ouverts"] == before.responses["formats_ouverts"]
    for cid, state in states.items():
        got = after.responses[cid]
        if cid == "inventaire_logiciels" and (state != "other" or force):
            # a list is completed, never cut: --force adds what was found to the user's
            found = normalise.normalise_value(load_edition(2025).by_id[cid],
                                        ans.document_value(wanted[cid]))
            kept = before.responses[cid].value if state == "other" else []
            names = [item.name for item in got.value]
            assert all(item.name in names for item in [*kept, *found])
            assert got.sources
        elif state == "other" and not force:
            assert got.value == before.responses[cid].value  # kept, and said
            assert cid in {c.criterion for c in result.conflicts}
        else:
            expected = normalise.normalise_value(load_edition(2025).by_id[cid],
                                           ans.document_value(wanted[cid]))
            assert got.value == expected
            assert got.sources  # where the value came from
        if state == "other":
            assert got.justification == "Notre réponse."  # --force keeps the user's words
    backups = sorted(p.name for p in folder.iterdir() if p.name != "r.yaml")
    if comment and result.written:
        assert backups == ["r.avant-preuves.yaml"]
        assert (folder / backups[0]).read_text(encoding="utf-8") == text
    else:
        assert backups == []


def _flow(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


@pytest.mark.parametrize("force", [False, True])
def test_apply_is_refused_while_another_tnl_holds_the_file(run: Any, tmp_path: Path,
                                                          force: bool) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("# un commentaire\n" + HEAD, encoding="utf-8")
    before = path.read_bytes()
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=ENV)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        args = ["inventaire", str(FLEET), "--answers", str(path), "--apply"]
        res = run(*args, *(["--force"] if force else []))
        assert res.code == 2, res.err
        assert f"en cours de modification par un autre tnl (pid {holder.pid}" in res.err
        assert path.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir()) == [".r.yaml.tnl-lock", "r.yaml"]
        # without --apply nothing is written: the difference is shown, no lock needed
        assert run("inventaire", str(FLEET), "--answers", str(path)).code == 0
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    with pytest.raises(TnlError):  # the API refuses the same way
        holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                  env=ENV)
        try:
            assert holder.stdout is not None and holder.stdout.readline() == "held\n"
            apply(path, proposals(), force=force)
        finally:
            assert holder.stdin is not None
            holder.stdin.close()
            holder.wait(timeout=30)
    assert path.read_bytes() == before


def test_apply_and_set_at_once_lose_nothing(tmp_path: Path) -> None:
    """`--apply` and two `--set` started together, four times: whatever ran is in the file."""
    path = tmp_path / "r.yaml"
    lost = refused = 0
    for trial in range(4):
        path.write_text(HEAD, encoding="utf-8")
        runs = {
            "apply": subprocess.Popen(_tnl("inventaire", str(FLEET), "--answers", str(path),
                                           "--apply", "--format", "json"),
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                      text=True, env=ENV),
            "sobriete": subprocess.Popen(_tnl("assess", "--answers", str(path), "--format",
                                              "json", "--set", "pacte_logiciel_libre=oui"),
                                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                         text=True, env=ENV),
            "agents": subprocess.Popen(_tnl("assess", "--answers", str(path), "--format",
                                            "json", "--set", f"agents_formes={trial + 1}"),
                                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                       text=True, env=ENV),
        }
        errors = {name: p.communicate(timeout=120)[1] for name, p in runs.items()}
        final = answer_files.load(path, load_edition)[0].responses
        present = {"apply": "part_postes_os_libre" in final,
                   "sobriete": final.get("pacte_logiciel_libre", ans.Answer(None)).value
                   is True,
                   "agents": final.get("agents_formes", ans.Answer(None)).value == trial + 1}
        for name, process in runs.items():
            assert process.returncode in (0, 1, 2), errors[name]
            if process.returncode == 2:
                assert "en cours de modification par un autre tnl" in errors[name], errors[name]
                refused += 1
            elif not present[name]:
                lost += 1
        assert final["formats_ouverts"].value is True
        assert _leftovers(tmp_path) == []
    assert lost == 0 and refused < 12


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX signals")
@pytest.mark.parametrize("signum", ["SIGTERM", "SIGKILL"])
def test_a_signal_during_apply_leaves_the_file_whole(tmp_path: Path, signum: str) -> None:
    """A 3 MB answers file (a long justification), --apply --force stopped at random moments:
    the file is the old one or the new one; after SIGTERM nothing is left beside it, after
    SIGKILL the next run takes over."""
    path = tmp_path / "r.yaml"
    long = "".join(f"      Délibération {i} du conseil municipal.\n" for i in range(80_000))
    original = (HEAD + "  part_postes_os_libre:\n    valeur: 10\n    justification: >-\n"
                + long)
    draw = random.Random(23)
    outcomes: dict[int, int] = {}
    for _ in range(6):
        path.write_text(original, encoding="utf-8")
        process = subprocess.Popen(_tnl("inventaire", str(FLEET), "--answers", str(path),
                                        "--apply", "--force", "--format", "json"),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                   env=ENV)
        time.sleep(draw.uniform(0.2, 1.5))
        process.send_signal(getattr(signal, signum))
        _, err = process.communicate(timeout=60)
        outcomes[process.returncode] = outcomes.get(process.returncode, 0) + 1
        assert "Traceback" not in err, err
        after = answer_files.load(path, load_edition)[0].responses
        assert after["part_postes_os_libre"].value in (10, 50)  # old, or the fleet's 50
        assert after["part_postes_os_libre"].justification.count("Délibération") == 80_000
        assert (after["part_postes_os_libre"].value == 50) == ("suite_bureautique" in after)
        if signum == "SIGTERM":
            assert process.returncode in (0, 130, -signal.SIGTERM, -signal.SIGINT), err
            assert _leftovers(tmp_path) == []
    if signum == "SIGKILL":  # what it left is taken over or removed by the next run
        res = subprocess.run(_tnl("assess", "--answers", str(path), "--set",
                                  "formats_ouverts=non", "--format", "json"),
                             capture_output=True, text=True, env=ENV)
        assert res.returncode in (0, 1), res.stderr
        assert _leftovers(tmp_path) == []
    assert len(outcomes) >= 1
