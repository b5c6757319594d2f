"""The catalog's small rule language, compiled once into objects evaluated per assessment.

Rules are three-valued (True, False, None for "not known yet"), so that the eligibility
verdict can say "incomplete" when a missing answer could still change it. Every rule also
measures how far it is from holding (`deficit`), which guides the search for the cheapest
path to the next tier.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, Protocol


class State(Protocol):
    """What a rule may look at: filled in by the engine."""

    met: frozenset[str]
    answered: frozenset[str]
    values: Mapping[str, Any]
    domain_ratio: Mapping[str, float]
    total_ratio: float
    first_candidacy: bool | None


class Rule:
    """Base of the compiled rules: small slotted classes (dataclasses cost ~1 ms each to
    create at import, and this module is on the start-up path of every command)."""

    __slots__: tuple[str, ...] = ()
    _fields: tuple[str, ...] = ()  # every field, inherited ones included (slots are not)

    def __init__(self, *args: Any) -> None:
        for name, value in zip(self._fields, args, strict=True):
            object.__setattr__(self, name, value)

    def __repr__(self) -> str:
        fields = ", ".join(f"{n}={getattr(self, n)!r}" for n in self._fields)
        return f"{type(self).__name__}({fields})"

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and all(
            getattr(self, n) == getattr(other, n) for n in self._fields)

    def __hash__(self) -> int:
        return hash((type(self).__name__, *(getattr(self, n) for n in self._fields)))

    def eval(self, s: State) -> bool | None:
        raise NotImplementedError

    def deficit(self, s: State) -> float:
        """0 when the rule holds, otherwise a rough count of what is missing."""
        raise NotImplementedError

    def refs(self) -> Iterator[str]:
        """Criterion ids this rule names."""
        return iter(())

    def domain_refs(self) -> Iterator[str]:
        return iter(())

    def holds(self, s: State) -> bool:
        return self.eval(s) is True


class Met(Rule):
    __slots__ = _fields = ("id",)
    id: str

    def eval(self, s: State) -> bool | None:
        if self.id in s.met:
            return True
        return False if self.id in s.answered else None

    def deficit(self, s: State) -> float:
        return 0.0 if self.id in s.met else 1.0

    def refs(self) -> Iterator[str]:
        yield self.id


class _Compound(Rule):
    """A rule over sub-rules: it names whatever they name."""

    __slots__ = _fields = ("items",)
    items: tuple[Rule, ...]

    def refs(self) -> Iterator[str]:
        for item in self.items:
            yield from item.refs()

    def domain_refs(self) -> Iterator[str]:
        for item in self.items:
            yield from item.domain_refs()


class All(_Compound):
    __slots__ = ()

    def eval(self, s: State) -> bool | None:
        result: bool | None = True
        for item in self.items:
            value = item.eval(s)
            if value is False:
                return False
            if value is None:
                result = None
        return result

    def deficit(self, s: State) -> float:
        return sum(item.deficit(s) for item in self.items)


class AnyOf(_Compound):
    __slots__ = ()

    def eval(self, s: State) -> bool | None:
        result: bool | None = False
        for item in self.items:
            value = item.eval(s)
            if value is True:
                return True
            if value is None:
                result = None
        return result

    def deficit(self, s: State) -> float:
        return min((item.deficit(s) for item in self.items), default=0.0)


class Count(Rule):
    __slots__ = _fields = ("minimum", "ids")
    minimum: int
    ids: tuple[str, ...]

    def eval(self, s: State) -> bool | None:
        met = sum(1 for i in self.ids if i in s.met)
        if met >= self.minimum:
            return True
        unknown = sum(1 for i in self.ids if i not in s.answered)
        return None if met + unknown >= self.minimum else False

    def deficit(self, s: State) -> float:
        return float(max(0, self.minimum - sum(1 for i in self.ids if i in s.met)))

    def refs(self) -> Iterator[str]:
        yield from self.ids


# A score shortfall of 10 points of percentage weighs like one missing criterion.
SCORE_WEIGHT = 10.0


class Score(Rule):
    __slots__ = _fields = ("minimum", "domain")
    minimum: float
    domain: str | None

    def _ratio(self, s: State) -> float:
        return s.total_ratio if self.domain is None else s.domain_ratio.get(self.domain, 0.0)

    def eval(self, s: State) -> bool | None:
        return self._ratio(s) + 1e-9 >= self.minimum

    def deficit(self, s: State) -> float:
        return max(0.0, self.minimum - self._ratio(s)) * SCORE_WEIGHT

    def domain_refs(self) -> Iterator[str]:
        if self.domain is not None:
            yield self.domain


class Domains(Rule):
    __slots__ = _fields = ("minimum", "score")
    minimum: int
    score: float

    def eval(self, s: State) -> bool | None:
        return sum(1 for r in s.domain_ratio.values() if r + 1e-9 >= self.score) >= self.minimum

    def deficit(self, s: State) -> float:
        gaps = sorted(max(0.0, self.score - r) for r in s.domain_ratio.values())
        return sum(gaps[: self.minimum]) * SCORE_WEIGHT


class Answer(Rule):
    __slots__ = _fields = ("id", "op", "value")
    id: str
    op: str  # equals | in | min
    value: Any

    def eval(self, s: State) -> bool | None:
        if self.id not in s.answered:
            return None
        actual = s.values.get(self.id)
        if self.op == "equals":
            return actual == self.value or (isinstance(actual, list) and self.value in actual)
        if self.op == "in":
            if isinstance(actual, list):
                return any(v in self.value for v in actual)
            return actual in self.value
        return isinstance(actual, (int, float)) and actual >= self.value

    def deficit(self, s: State) -> float:
        return 0.0 if self.eval(s) else 1.0

    def refs(self) -> Iterator[str]:
        yield self.id


class FirstCandidacy(Rule):
    __slots__ = ()

    def eval(self, s: State) -> bool | None:
        return s.first_candidacy

    def deficit(self, s: State) -> float:
        return 0.0 if s.first_candidacy else 1.0


class RuleSyntaxError(Exception):
    """Raised with a message key and the path of the faulty node; the catalog locates it."""

    def __init__(self, key: str, path: tuple[Any, ...], **params: Any) -> None:
        super().__init__(key)
        self.key, self.path, self.params = key, path, params


def _ids(value: Any, path: tuple[Any, ...]) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleSyntaxError("catalog.rule_ids", path)
    return tuple(value)


def _number(value: Any, path: tuple[Any, ...], kind: Callable[[Any], Any] = float) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise RuleSyntaxError("catalog.rule_number", path, value=value)
    return kind(value)


def compile_rule(data: Any, path: tuple[Any, ...] = ()) -> Rule:
    """Turn the YAML form of a rule into a Rule; raise RuleSyntaxError at the faulty node."""
    if not isinstance(data, dict) or len(data) != 1:
        raise RuleSyntaxError("catalog.rule_shape", path)
    ((op, arg),) = data.items()
    here = path + (op,)
    if op == "met":
        if not isinstance(arg, str):
            raise RuleSyntaxError("catalog.rule_ids", here)
        return Met(arg)
    if op in ("all", "any"):
        if not isinstance(arg, list) or not arg:
            raise RuleSyntaxError("catalog.rule_list", here, op=op)
        items = tuple(compile_rule(item, here + (i,)) for i, item in enumerate(arg))
        return All(items) if op == "all" else AnyOf(items)
    if op == "count":
        if not isinstance(arg, dict) or "min" not in arg or ("of" in arg) == ("domain" in arg):
            raise RuleSyntaxError("catalog.rule_count", here)
        minimum = _number(arg["min"], here + ("min",), int)
        if "of" in arg:
            return Count(minimum, _ids(arg["of"], here + ("of",)))
        if not isinstance(arg["domain"], str):
            raise RuleSyntaxError("catalog.rule_count", here)
        return _DomainCount(minimum, arg["domain"])
    if op == "score":
        if not isinstance(arg, dict) or "min" not in arg or set(arg) - {"min", "domain"}:
            raise RuleSyntaxError("catalog.rule_score", here)
        minimum = _number(arg["min"], here + ("min",))
        if not 0 <= minimum <= 1:
            raise RuleSyntaxError("catalog.rule_ratio", here + ("min",), value=minimum)
        domain = arg.get("domain")
        if domain is not None and not isinstance(domain, str):
            raise RuleSyntaxError("catalog.rule_score", here)
        return Score(minimum, domain)
    if op == "domains":
        if not isinstance(arg, dict) or set(arg) != {"min", "score"}:
            raise RuleSyntaxError("catalog.rule_domains", here)
        score = _number(arg["score"], here + ("score",))
        if not 0 <= score <= 1:
            raise RuleSyntaxError("catalog.rule_ratio", here + ("score",), value=score)
        return Domains(_number(arg["min"], here + ("min",), int), score)
    if op == "answer":
        ops = {"equals", "in", "min"}
        if not isinstance(arg, dict) or "id" not in arg or len(set(arg) & ops) != 1:
            raise RuleSyntaxError("catalog.rule_answer", here)
        (test,) = set(arg) & ops
        value = arg[test]
        if test == "in" and not isinstance(value, list):
            raise RuleSyntaxError("catalog.rule_answer", here)
        if test == "min":
            value = _number(value, here + ("min",))
        if not isinstance(arg["id"], str):
            raise RuleSyntaxError("catalog.rule_answer", here)
        return Answer(arg["id"], test, value)
    if op == "first_candidacy":
        if arg is not True:
            raise RuleSyntaxError("catalog.rule_first", here)
        return FirstCandidacy()
    raise RuleSyntaxError("catalog.rule_unknown", path, op=op)


class _DomainCount(Rule):
    __slots__ = _fields = ("minimum", "domain")
    """`count: {min: N, domain: D}`; resolved to a Count over the domain's ids by the catalog."""

    minimum: int
    domain: str

    def eval(self, s: State) -> bool | None:  # pragma: no cover - always resolved
        raise RuntimeError("unresolved domain count")

    def deficit(self, s: State) -> float:  # pragma: no cover - always resolved
        raise RuntimeError("unresolved domain count")

    def domain_refs(self) -> Iterator[str]:
        yield self.domain


def resolve(rule: Rule, domain_ids: Mapping[str, tuple[str, ...]]) -> Rule:
    """Replace domain counts by counts over the domain's criteria (unknown domains: empty)."""
    if isinstance(rule, _DomainCount):
        return Count(rule.minimum, domain_ids.get(rule.domain, ()))
    if isinstance(rule, All):
        return All(tuple(resolve(r, domain_ids) for r in rule.items))
    if isinstance(rule, AnyOf):
        return AnyOf(tuple(resolve(r, domain_ids) for r in rule.items))
    return rule


def boolean_tests(rule: Rule) -> Iterator[Answer]:
    """Every `answer` test inside a rule (the catalog checks those on booleans are positive)."""
    if isinstance(rule, Answer):
        yield rule
    elif isinstance(rule, (All, AnyOf)):
        for item in rule.items:
            yield from boolean_tests(item)
