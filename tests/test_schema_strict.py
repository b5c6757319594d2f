"""Issue 15, finding 18: `tnl schema answers` accepts nothing the tool refuses.

Hypothesis builds answers documents from values of every kind (tricky ones included: empty or
blank strings, huge integers, years out of range, strings in number fields, bad URLs and
e-mails); each document the schema accepts must be read by the tool without a problem. The
codes (INSEE, SIREN) are left out: whether a code exists is the COG's to say, not a schema's.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tnl_cli.core import answers as ans
from tnl_cli.core.schema import answers_schema
from tnl_cli.errors import TnlError
from tnl_cli.loaders import answer_files
from tnl_cli.loaders.catalogs import load_edition
from tnl_cli.located import Located

CAT = load_edition(2025)
SCHEMA = answers_schema(CAT, "fr")
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
YEAR = dt.date.today().year

_texts = st.sampled_from(["", " ", "x", "oui", "Oui", "non", "1", "0", "-1", "(non)", "15,5",
                          "15.5", "1_0", "١٠", "42 %", "1e400", "https://exemple.fr",
                          "https://exemple.fr:99999/", "https://[x", "http://a b", "ftp://x",
                          "a@b.fr", "a@b", "@b.fr", "a b@c.fr", "commune", "CC", "libre",
                          "LibreOffice", "Mon outil", "non_concerne", "nc", "\t"])
_numbers = st.one_of(st.integers(-5, 10**6), st.sampled_from([10**15, 10**16, 10**400, -1]),
                     st.floats(allow_nan=False, allow_infinity=False, width=32))
_scalars = st.one_of(st.none(), st.booleans(), _numbers, _texts)
_values = st.one_of(_scalars, st.lists(_scalars, max_size=3),
                    st.dictionaries(st.sampled_from(["nom", "libre", "valeur", "x"]), _scalars,
                                    max_size=2))
_label = st.fixed_dictionaries({"annee": st.one_of(st.integers(2010, YEAR + 3),
                                                   st.sampled_from([2020.0, 2020.5, True])),
                                "niveau": _scalars})
_person = st.one_of(_scalars, st.fixed_dictionaries(
    {}, optional={"nom": _scalars, "fonction": _scalars, "email": _scalars}))


@st.composite
def documents(draw: Any) -> dict[str, Any]:
    identity = draw(st.fixed_dictionaries({}, optional={
        "nom": _scalars, "type": _scalars, "population": _numbers, "agents": _numbers,
        "departement": _scalars, "elu_referent": _person, "responsable": _person,
        "labels_anterieurs": st.lists(_label, max_size=2)}))
    chosen = draw(st.lists(st.sampled_from(CAT.criteria), max_size=4, unique_by=lambda c: c.id))
    responses = {}
    for c in chosen:
        if draw(st.booleans()):
            value: Any = draw(_values)
        else:  # a value of the criterion's own kind, often valid, sometimes not
            options = [ch.value for ch in c.choices] or ["x"]
            value = draw(st.one_of(st.sampled_from(options), st.lists(st.sampled_from(options),
                                                                      max_size=3), _values))
        if draw(st.booleans()):
            value = {"valeur": value, **draw(st.fixed_dictionaries({}, optional={
                "justification": _scalars, "preuves": st.lists(_texts, max_size=2)}))}
        responses[c.id] = value
    return {"edition": 2025, "collectivite": identity, "reponses": responses}


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.filter_too_much,
                                                                    HealthCheck.too_slow])
@given(documents())
def test_what_the_schema_accepts_the_tool_reads(document: dict[str, Any]) -> None:
    assume(VALIDATOR.is_valid(document))
    try:
        ans.from_document(Located(document, {}, "gen.yaml"), CAT)
    except TnlError as exc:  # pragma: no cover - the failure is the finding
        pytest.fail(f"the schema accepts, the tool refuses: {exc.render('en')}\n{document}")


@pytest.mark.parametrize("identity,responses", [
    ({"labels_anterieurs": [{"annee": 2030, "niveau": ""}]}, {}),
    ({"labels_anterieurs": [{"annee": 2020, "niveau": ""}]}, {}),
    ({"labels_anterieurs": [{"annee": 2020, "niveau": "  "}]}, {}),
    ({"population": 10**400}, {}),
    ({"agents": -1}, {}),
    ({"type": "quartier"}, {}),
    ({"elu_referent": {"email": "pas une adresse"}}, {}),
    ({}, {"part_postes_os_libre": "n'importe quoi"}),
    ({}, {"part_postes_os_libre": "1_0"}),
    ({}, {"part_postes_os_libre": 150}),
    ({}, {"formats_ouverts": "-1"}),
    ({}, {"inventaire_logiciels": [{"nom": "Outil", "libre": "peut-être"}]}),
    ({}, {"inventaire_logiciels": ["  "]}),
    ({}, {"formats_ouverts": {"valeur": True, "preuves": ["https://[x"]}}),
    ({}, {"formats_ouverts": {"valeur": True, "preuves": ["https://exemple.fr:99999/"]}}),
])
def test_the_findings_are_refused_by_both(identity: dict[str, Any],
                                          responses: dict[str, Any]) -> None:
    document = {"edition": 2025, "collectivite": identity, "reponses": responses}
    assert not VALIDATOR.is_valid(document)
    with pytest.raises(TnlError):
        ans.from_document(Located(document, {}, "gen.yaml"), CAT)


def test_the_written_form_is_valid(tmp_path: Any) -> None:
    """What tnl writes (to_document) passes its own schema."""
    from tnl_cli.io import yaml as yamlio

    answers, _catalog, _ = answer_files.load(
        __import__("pathlib").Path(__file__).resolve().parent.parent / "examples"
        / "commune-exemple.yaml", load_edition)
    written = yamlio.parse(yamlio.dump(ans.to_document(answers, CAT, "0")), "w.yaml").data
    VALIDATOR.validate(written)
