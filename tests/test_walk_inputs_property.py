"""Issue 23: what a person types in the guided walk (identity fields, number answers, the
review's « where to? ») through the same bounded readers: any text is either read or refused
with a message that renders, in both languages; nothing else escapes."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tnl_cli.core import identity as ident
from tnl_cli.core.answers import Answers
from tnl_cli.core.normalise import ValueRefused, normalise_value
from tnl_cli.i18n import tr
from tnl_cli.loaders.catalogs import load_edition
from tnl_cli.numbers import MAX_DIGITS
from tnl_cli.textsafe import UNSAFE_CHARS
from tnl_cli.walk import identity_fields, review
from tnl_cli.walk.steps import Walk

CATALOG = load_edition(2025)
NUMBERS = [c for c in CATALOG.criteria if c.type == "number"]
TYPED_FIELDS = [f for f in identity_fields.FIELDS if f.kind == "text"]
TYPED = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="0123456789 ,.+-e_:x\u00a0\u202f٠١٢٣²%", max_size=40),
    st.integers(min_value=1, max_value=6000).map(lambda n: "9" * n),
    st.sampled_from(["2024:bronze", "٢٠٢٤:bronze", "2024:2, 2025:or", "1e400", "nan", "-0",
                     "\x1b[31m12", "12\u202e", "0" * 5000 + "7", "１２"]),
)


def _rendered(exc: ident.IdentityValueError | ValueRefused) -> str:
    for lang in ("fr", "en"):
        params = {k: tr(lang, v, **exc.params) if k.endswith("_key") else v
                  for k, v in exc.params.items()}
        text = tr(lang, exc.key, **params)
    return text


@settings(max_examples=500, deadline=None)
@given(field=st.sampled_from(TYPED_FIELDS), typed=TYPED)
def test_identity_fields_read_or_refuse(field: Any, typed: str) -> None:
    try:
        value = field.parse(typed, ident.Identity())
    except ident.IdentityValueError as exc:
        assert len(_rendered(exc)) < 1000
        return
    if field.key == "population":
        assert isinstance(value, int) and 0 <= value <= ident.NUMBER_LIMIT
    if field.key == "labels":
        assert all(label.annee >= 2016 for label in value)


@settings(max_examples=500, deadline=None)
@given(criterion=st.sampled_from(NUMBERS), typed=TYPED)
def test_number_answers_read_or_refuse(criterion: Any, typed: str) -> None:
    try:
        value = normalise_value(criterion, typed)
    except ValueRefused as exc:
        assert len(_rendered(exc)) < 1000
        return
    if value is not None and not isinstance(value, str):  # `non concerné` aside
        assert abs(value) <= 10**MAX_DIGITS


@settings(max_examples=300, deadline=None)
@given(typed=TYPED)
def test_where_to_in_the_review(typed: str) -> None:
    walk = Walk(CATALOG, Answers(2025, ident.Identity(), {}), review=True)
    found = review.resolve(walk, "fr", typed)
    assert isinstance(found, list)
    assert not any(ch in UNSAFE_CHARS for d in found for ch in d.label)
