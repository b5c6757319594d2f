"""Check a declared identity against the official geography (COG) and fill in what is missing.

Pure given its `directory` (the `territory` module, or a `territory_index.Index` loaded once for a
batch run; the rare département and région codes are looked up in the bundled database): an
INSEE code or SIREN fills in the name, type, population and département; a code
unknown to the COG is an error; a name or type that contradicts the code is a warning showing
both; a valid SIREN that belongs to no collectivity is a warning.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Protocol

from tnl_cli.core.identity import Identity
from tnl_cli.errors import Problem
from tnl_cli.textnorm import fold

# Bodies without a SIREN in the source: a valid checksum is all we can check.
_NO_SIREN_IN_SOURCE = {"departement", "region", "ctu", "syndicat", "etablissement_public",
                       "association_collectivites", "entreprise"}


class Directory(Protocol):
    def by_insee(self, code: str) -> Any: ...

    def by_siren(self, siren: str) -> Any: ...


def _area(code: str, kind: str | None) -> Any:
    """A département, région or CTU by its own COG code (the type tells 44 région from 44
    département)."""
    from tnl_cli.reference import territory

    found = [c for c in territory.search(code, limit=5) if c.insee == code]
    preferred = [c for c in found if c.kind == kind]
    return (preferred or found)[0] if found else None


def _same_name(given: str, official: str) -> bool:
    from tnl_cli.reference.territory import normalise_name

    return normalise_name(given) == normalise_name(official) or fold(given) == fold(official)


def reconcile(identity: Identity, directory: Directory) -> tuple[Identity, list[Problem],
                                                                 list[Problem]]:
    """(completed identity, errors, warnings); problems carry the field name in `params`."""
    errors: list[Problem] = []
    warnings: list[Problem] = []
    found = None
    code = identity.code_insee
    if code is not None:
        found = directory.by_insee(code) if len(code) == 5 else _area(code, identity.type)
        if found is None:
            errors.append(Problem("reconcile.insee_unknown", {"field": "code_insee",
                                                              "value": code}))
    siren = identity.siren
    if siren is not None:
        by_siren = directory.by_siren(siren)
        if found is None and by_siren is not None and code is None:
            found = by_siren
        elif by_siren is None and found is None and identity.type not in _NO_SIREN_IN_SOURCE:
            warnings.append(Problem("reconcile.siren_unknown", {"field": "siren",
                                                                "value": siren}))
        elif found is not None and found.siren and found.siren != siren:
            other = by_siren.name if by_siren is not None else "?"
            warnings.append(Problem("reconcile.siren_mismatch", {
                "field": "siren", "value": siren, "official": found.siren, "name": found.name,
                "other": other}))
    if found is None:
        return identity, errors, warnings
    ref = found.insee or found.siren
    if identity.nom and not _same_name(identity.nom, found.name):
        warnings.append(Problem("reconcile.name_mismatch", {
            "field": "nom", "value": identity.nom, "official": found.name, "code": ref}))
    if identity.type and identity.type != found.kind:
        warnings.append(Problem("reconcile.type_mismatch", {
            "field": "type", "value": identity.type, "official": found.kind, "code": ref,
            "value_key": f"identity.type_{identity.type}",
            "official_key": f"identity.type_{found.kind}"}))
    official = {
        "nom": found.name,
        "type": found.kind,
        "code_insee": found.insee if found.kind == "commune" else None,
        "siren": found.siren,
        "population": found.population,
        "departement": found.departement,
    }
    missing = {k: v for k, v in official.items()
               if getattr(identity, k) is None and v is not None}
    completed = replace(identity, **missing, filled=identity.filled | frozenset(missing))
    return completed, errors, warnings
