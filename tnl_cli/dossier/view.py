"""The dossier's view model: plain dicts and lists of translated, cleaned strings.

Built once from (catalog, answers, assessment, lang), it is all a template sees, and the three
formats (Markdown, HTML, ODT) share it, so they say the same things in the same words.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any

from tnl_cli.core.answers import Answers
from tnl_cli.core.catalog import Catalog, Criterion
from tnl_cli.core.engine import ADMITTED, Assessment, CriterionResult
from tnl_cli.core.identity import Identity, Person
from tnl_cli.core.scoring import best_value
from tnl_cli.dossier.text import clean, is_link
from tnl_cli.i18n import pick, tr
from tnl_cli.loaders.catalogs import editions
from tnl_cli.locale.dossier import MESSAGES, MONTHS
from tnl_cli.report import assessment as report
from tnl_cli.report import wording

# Criteria whose answer is a claim that a justification and an evidence link should back;
# text and url answers are their own justification or evidence.
_CLAIMS = ("boolean", "choice", "multi", "number")


@cache
def labels(lang: str) -> dict[str, str]:
    """The fixed words templates receive as `t`: `dossier.l_identity` is `t.identity`."""
    prefix = "dossier.l_"
    return {key[len(prefix):]: tr(lang, key) for key in MESSAGES if key.startswith(prefix)}


def date_text(day: dt.date, lang: str) -> str:
    """19 octobre 2025 / 19 October 2025, without depending on the system locale."""
    month = MONTHS[lang if lang in MONTHS else "fr"][day.month - 1]
    first = "1ᵉʳ" if lang == "fr" and day.day == 1 else str(day.day)
    return f"{first} {month} {day.year}"


def source_kind(source: Any, lang: str) -> str:
    """What a file is, in words, with the date of its data: "inventaire GLPI Agent du 28
    novembre 2026"; a reader this version does not know keeps the name written."""
    from tnl_cli.locale.candidacy import MESSAGES

    key = f"candidacy.format_{source.format.replace('-', '_')}"
    kind = tr(lang, key) if key in MESSAGES else source.format
    return (tr(lang, "candidacy.source_dated", kind=kind, date=date_text(source.date, lang))
            if source.date else kind)


def source_count(source: Any, lang: str) -> str | None:
    """The count and base behind a share: "298 postes sur 412"."""
    if source.compte is None or not source.base:
        return None
    unit = tr(lang, f"candidacy.unit_{source.unite}") if source.unite else ""
    return " ".join(tr(lang, "candidacy.count_of_base", count=wording.figure_text(source.compte, lang),
                       base=wording.figure_text(source.base, lang), unit=unit).split())


def plural(lang: str, key: str, n: float, **params: Any) -> str:
    """`key`, or `key_one` for a singular `n` (0 and 1 in French, 1 in English)."""
    singular = n <= 1 if lang == "fr" else n == 1
    return tr(lang, f"{key}_one" if singular else key, **params)


def _percent(ratio: float, lang: str) -> str:
    return wording.percent_text(round(ratio * 100), lang, space=" ")


def _identity(identity: Identity, lang: str) -> dict[str, Any]:
    missing = tr(lang, "dossier.l_missing")
    t = labels(lang)
    kind = tr(lang, f"identity.type_{identity.type}") if identity.type else None
    population = (tr(lang, "dossier.population", count=wording.figure_text(identity.population, lang))
                  if identity.population is not None else None)
    agents = (tr(lang, "dossier.agents", count=wording.figure_text(identity.agents, lang))
              if identity.agents is not None else None)
    previous = [tr(lang, "dossier.previous_label", year=p.annee, level=p.niveau)
                for p in identity.labels]
    rows = [(t["name"], identity.nom), (t["type"], kind), (t["insee"], identity.code_insee),
            (t["siren"], identity.siren), (t["population"], population), (t["agents"], agents),
            (t["previous"], ", ".join(previous) if previous else t["first"])]
    return {
        "nom": identity.nom,
        "display_name": identity.nom or tr(lang, "dossier.unnamed"),
        "type": identity.type,
        "type_label": kind,
        "code_insee": identity.code_insee,
        "siren": identity.siren,
        "population": population,
        "agents": agents,
        "previous_labels": previous,
        "first_candidacy": not previous,
        "rows": [{"label": label, "value": value or missing, "missing": not value}
                 for label, value in rows],
    }


def _person(person: Person | None, role: str, lang: str) -> dict[str, Any]:
    named = person is not None and person.named
    return {
        "role": tr(lang, f"dossier.l_{role}"),
        "named": named,
        "nom": person.nom if named and person else tr(lang, "dossier.l_to_name"),
        "fonction": person.fonction if person else None,
        "email": person.email if person else None,
    }


def _software(r: CriterionResult, known: dict[str, dict[str, Any]],
              lang: str) -> list[dict[str, Any]]:
    """The rows of an inventory answer: name, free or not, licence (an SPDX id)."""
    if r.criterion.type != "inventory" or not r.value:
        return []
    from tnl_cli.reference import software

    rows = []
    for item in r.value:
        licence = known.get(item.name, {}).get("licence")
        status = software.licence_status(item.free, licence)
        rows.append({"name": item.name, "free": item.free,
                     "status": tr(lang, f"dossier.sw_{status}"),
                     "licence": software.licence_name(licence)})
    return rows


def _share_row(label: str, free: int, total: int, lang: str, is_total: bool = False) -> dict[str, Any]:
    return {"label": label, "free": wording.figure_text(free, lang),
            "total": wording.figure_text(total, lang), "percent": _percent(free / total, lang),
            "is_total": is_total}


def _shares(stock: dict[str, Any] | None, lang: str) -> list[dict[str, Any]]:
    """Free software out of the qualified software, per use domain (in wording.inventory's
    order: the catalog's, software outside it last), and a total row when there are several."""
    if not stock or not stock["share_free"]:
        return []
    shares = list(stock["share_free"].values())
    rows = [_share_row(share["label"], share["free"], share["total"], lang) for share in shares]
    if len(rows) > 1:
        rows.append(_share_row(labels(lang)["all_uses"], sum(s["free"] for s in shares),
                               sum(s["total"] for s in shares), lang, is_total=True))
    return rows


def _file_read(source: Any, lang: str) -> str:
    """The file as the user named it, and when tnl read it."""
    if source.lu_le is None:
        return source.fichier
    return tr(lang, "dossier.file_read", file=source.fichier, date=date_text(source.lu_le, lang))


def _sources(catalog: Catalog, answers: Answers, lang: str) -> list[dict[str, Any]]:
    """Which answers came from which file (`sources:` of the answers), file by file, for the
    team to know what to read again before submitting."""
    files: dict[tuple[str, str], dict[str, Any]] = {}
    for c in catalog.criteria:
        answer = answers.responses.get(c.id)
        for s in (answer.sources if answer else ()):
            entry = files.setdefault((s.fichier, s.format), {
                "file": _file_read(s, lang), "kind": source_kind(s, lang), "answers": []})
            question = pick(c.question, lang)
            if question not in entry["answers"]:
                entry["answers"].append(question)
    return list(files.values())


def _criterion(r: CriterionResult, answer: Any, known: dict[str, dict[str, Any]],
               shares: list[dict[str, Any]], lang: str) -> dict[str, Any]:
    c = r.criterion
    t = labels(lang)
    justification = answer.justification if answer else None
    evidence = [{"url": url, "link": is_link(url)} for url in (answer.preuves if answer else ())]
    text = wording.value_text(c, r.value, lang)
    points = (plural(lang, "dossier.points_criterion", r.points, points=wording.figure_text(r.points, lang),
                     possible=wording.figure_text(c.points, lang)) if c.points else None)
    return {
        "id": c.id,
        "question": pick(c.question, lang),
        "type": c.type,
        "gate": c.eligibility,
        "answer": text,
        "long_answer": c.type == "text",
        "answer_link": c.type == "url" and is_link(text),
        "points": points,
        "met": r.met,
        "status": t["status_met"] if r.met else t["status_unmet"],
        "justification": justification,
        "to_justify": r.met and c.type in _CLAIMS and not justification,
        "evidence": evidence,
        "sources": [", ".join(x for x in (source_kind(s, lang), _file_read(s, lang),
                                          source_count(s, lang)) if x)
                    for s in (answer.sources if answer else ())],
        "software": _software(r, known, lang),
        "shares": shares if c.type == "inventory" and r.value else [],
    }


def _domains(catalog: Catalog, answers: Answers, a: Assessment, data: dict[str, Any],
             lang: str) -> list[dict[str, Any]]:
    by_domain: dict[str, list[CriterionResult]] = {d.id: [] for d in catalog.domains}
    for r in a.results:
        if r.visible:
            by_domain[r.criterion.domain].append(r)
    stock = data.get("inventory") or {}
    known = {item["name"]: item for item in stock.get("items", [])}
    shares = _shares(stock, lang)
    out = []
    for d, score in zip(catalog.domains, data["domains"], strict=True):
        results = by_domain[d.id]
        out.append({
            "id": d.id,
            "name": score["name"],
            "description": pick(d.description, lang),
            "points": tr(lang, "dossier.points_of", points=wording.figure_text(score["points"], lang),
                         possible=wording.figure_text(score["possible"], lang)),
            "ratio": score["ratio"],
            "percent": _percent(score["ratio"], lang),
            "bar": wording.bar(score["ratio"]),
            "met": tr(lang, "dossier.met_of", met=score["met"], applicable=score["applicable"]),
            "applicable": score["applicable"],
            "criteria": [_criterion(r, answers.responses.get(r.criterion.id), known, shares,
                                    lang)
                         for r in results if r.answered],
            "unanswered": [{"id": r.criterion.id, "question": pick(r.criterion.question, lang),
                            "gate": r.criterion.eligibility} for r in results if not r.answered],
        })
    return out


# The opening of a piece of advice that asks for a software inventory, and what it becomes
# when the answers already hold one.
_ASKS_INVENTORY = {"fr": (re.compile(r"^(Faites|Dressez) l'inventaire (de vos|des) logiciels"
                                     r"[^,]*, "), "À partir de votre inventaire des logiciels, "),
                   "en": (re.compile(r"^(List your software|Draw up the inventory)[^,]*, "),
                          "From your software inventory, ")}


def _step(c: Criterion, catalog: Catalog, lang: str, answered: bool = False,
          inventory: bool = False) -> dict[str, Any]:
    """One step of the path; advice that asks for what the answers already give ("Dressez
    l'inventaire" under a given inventory) is replaced by what is left to do."""
    recommendation = pick(c.recommendation, lang)
    if answered and c.type == "inventory":
        recommendation = tr(lang, "dossier.rec_inventory_more")
    elif inventory and lang in _ASKS_INVENTORY:
        pattern, opening = _ASKS_INVENTORY[lang]
        recommendation = pattern.sub(opening, recommendation, count=1)
    target = None
    if c.type in _CLAIMS:  # a text, a URL or a list has no single expected answer
        target = tr(lang, "dossier.target", target=wording.value_text(c, best_value(c), lang))
    return {
        "id": c.id,
        "gate": c.eligibility,
        "question": pick(c.question, lang),
        "domain": pick(catalog.domain(c.domain).name, lang),
        "effort": tr(lang, f"report.effort_{c.effort}"),
        "target": target,
        "recommendation": recommendation,
    }


def _path(catalog: Catalog, a: Assessment, identity: Identity, lang: str) -> tuple[
        dict[str, Any] | None, str | None, list[dict[str, Any]]]:
    """The next tier's steps, a sentence when there is none, and the other unmet criteria."""
    if identity.category == "prive":
        return None, tr(lang, "dossier.no_path_private"), []
    nl = a.next_level
    answered = {r.criterion.id for r in a.results if r.answered}
    inventory = any(r.criterion.type == "inventory" and r.value for r in a.results)
    path = None
    note = None
    chosen: set[str] = set()
    if nl is not None:
        chosen = {s.criterion.id for s in nl.steps}
        name = pick(nl.tier.name, lang)
        path = {
            "name": name,
            "title": tr(lang, "dossier.next_title", name=name),
            "reachable": nl.reachable,
            "intro": tr(lang, "dossier.next_intro" if nl.reachable else "dossier.unreachable"),
            "steps": [_step(s.criterion, catalog, lang, s.criterion.id in answered, inventory)
                      for s in nl.steps],
        }
    elif a.level_rank == len(catalog.tiers):
        note = tr(lang, "dossier.top")
    elif a.verdict == "incomplete":
        note = tr(lang, "dossier.no_path")
    others = [r.criterion for r in a.results
              if r.visible and not r.met and r.criterion.id not in chosen
              and (r.criterion.points > 0 or r.criterion.eligibility)]
    others.sort(key=lambda c: (c.cost, -c.points))
    return path, note, [_step(c, catalog, lang, c.id in answered, inventory) for c in others]


def _item(lang: str, done: bool | None, text: str, details: list[str] | None = None) -> dict[str, Any]:
    """One checklist line: done, to do, or to check (None)."""
    status = "check" if done is None else ("done" if done else "todo")
    return {"status": status, "done": done is True, "label": labels(lang)[status], "text": text,
            "details": details or []}


def _count_item(lang: str, key: str, done_key: str, found: list[str],
                details: bool = True) -> dict[str, Any]:
    if not found:
        return _item(lang, True, tr(lang, done_key))
    return _item(lang, False, plural(lang, key, len(found), count=len(found)),
                 found if details else None)


def _identity_items(identity: Identity, lang: str) -> list[dict[str, Any]]:
    items = []
    for role in ("elu", "responsable"):
        person = identity.elu_referent if role == "elu" else identity.responsable
        if person is None or not person.named:
            items.append(_item(lang, False, tr(lang, f"dossier.ck_{role}_missing")))
            continue
        who = ", ".join(x for x in (person.nom, person.fonction) if x)
        items.append(_item(lang, True, tr(lang, f"dossier.ck_{role}", name=who)))
        if not person.email:
            items.append(_item(lang, False, tr(lang, "dossier.ck_no_email",
                                               who=tr(lang, f"dossier.l_{role}"))))
    missing = [tr(lang, f"dossier.field_{name}") for name, absent in (
        ("nom", not identity.nom), ("type", not identity.type),
        ("code", not identity.code_insee and not identity.siren)) if absent]
    items.append(_item(lang, False, tr(lang, "dossier.ck_identity_missing",
                                       missing=", ".join(missing))) if missing
                 else _item(lang, True, tr(lang, "dossier.ck_identity")))
    return items


def _gates_item(catalog: Catalog, identity: Identity, a: Assessment,
                lang: str) -> dict[str, Any]:
    gates = [c for c in catalog.gates if c.applies(identity.type)]
    unmet, unanswered = set(a.unmet_gates), set(a.unanswered_gates)
    details = [tr(lang, "dossier.ck_gate_unmet" if c.id in unmet else "dossier.ck_gate_unanswered",
                  question=pick(c.question, lang))
               for c in gates if c.id in unmet or c.id in unanswered]
    met = len(gates) - len(details)
    key = "dossier.ck_gates_missing" if details else "dossier.ck_gates"
    return _item(lang, not details, tr(lang, key, met=met, total=len(gates)), details)


def _edition_items(catalog: Catalog, today: dt.date, lang: str) -> list[dict[str, Any]]:
    edition = catalog.edition
    if catalog.deadline is None:
        items = [_item(lang, None, tr(lang, "dossier.ck_deadline_unknown", edition=edition))]
    else:
        days = (catalog.deadline - today).days
        key = ("dossier.ck_deadline_past" if days < 0 else
               "dossier.ck_deadline_today" if days == 0 else
               "dossier.ck_deadline_one" if days == 1 else "dossier.ck_deadline")
        items = [_item(lang, days >= 0, tr(lang, key, edition=edition, days=days,
                                           date=date_text(catalog.deadline, lang)))]
    newest = editions()[-1]
    if newest > edition:
        items.append(_item(lang, False, tr(lang, "dossier.ck_edition_old", edition=edition,
                                           newest=newest)))
    return items


def _checklist(catalog: Catalog, answers: Answers, a: Assessment, domains: list[dict[str, Any]],
               stock: dict[str, Any] | None, today: dt.date, lang: str) -> list[dict[str, Any]]:
    """What to check before submitting, in the order one would fix it."""
    open_questions = [u["question"] for d in domains for u in d["unanswered"]]
    claims = [c for d in domains for c in d["criteria"] if c["met"] and c["type"] in _CLAIMS]
    software = ([_count_item(lang, "dossier.ck_software_unknown", "dossier.ck_software",
                             stock["unknown"])] if stock else [])
    return [
        *_identity_items(answers.identity, lang),
        _gates_item(catalog, answers.identity, a, lang),
        # unanswered questions are already listed at the end of each domain
        _count_item(lang, "dossier.ck_unanswered", "dossier.ck_answered", open_questions,
                    details=False),
        *software,
        # one line per criterion to back up, saying what it lacks (not one list per lack)
        _count_item(lang, "dossier.ck_unsupported", "dossier.ck_supported",
                    [tr(lang, "dossier.ck_lacks", question=c["question"], missing=", ".join(
                        tr(lang, f"dossier.ck_lacks_{what}") for what, lacks in (
                            ("justification", not c["justification"]),
                            ("evidence", not c["evidence"])) if lacks))
                     for c in claims if not (c["justification"] and c["evidence"])]),
        *_edition_items(catalog, today, lang),
    ]


def _obligations(data: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """The criteria grounded in law that apply to us, with where we stand and the text
    (obligations only: recommendations and texts that do not bind us are left out)."""
    return [{"id": o["id"], "question": o["question"], "status": o["status"],
             "status_text": tr(lang, f"report.obligation_{o['status']}"), "basis": o["basis"]}
            for o in data["legal"]["obligations"] if o["status"] != "not_applicable"]


def _summary(catalog: Catalog, a: Assessment, data: dict[str, Any], name: str,
             lang: str) -> dict[str, Any]:
    level = None
    if a.verdict in ADMITTED:
        level = (tr(lang, "dossier.level", level=data["level_name"], rank=a.level_rank,
                    total=len(catalog.tiers)) if a.tier else labels(lang)["no_level"])
    estimate = data["estimate"]
    if a.badge is not None:  # the Badge too is an estimate (its questions are not public)
        estimate = f"{estimate} {report.badge_line(a, lang)}."
    return {
        "intro": tr(lang, "dossier.intro", name=name, edition=catalog.edition),
        "verdict": a.verdict,
        "verdict_text": data["verdict_text"],
        "verdict_sentence": _sentence(f"dossier.verdict_{a.verdict}", lang),
        "reasons": [] if a.verdict == "eligible" else data["reasons"],
        "eligible": a.verdict in ADMITTED,
        "level": level,
        "level_name": data["level_name"],
        "level_rank": a.level_rank,
        "levels_total": len(catalog.tiers),
        "estimate": estimate,
        "scheme": pick(catalog.scheme, lang),
        "score": tr(lang, "dossier.score", percent=round(a.total_ratio * 100)),
        "mentions": [{"name": m["name"], "why": m["why"]} for m in data["mentions"]],
        "open_data": data["legal"]["open_data"]["text"],
        "legal_checks": [
            {"status": check["status"],
             "text": tr(lang, f"report.check_{check['status']}", answer=check["answer"] or "",
                        rule=check["rule"])}
            for check in data["legal"]["checks"] if check["status"] != "not_applicable"],
        "obligations": _obligations(data, lang),
        "warnings": data["warnings"],
    }


_TOP = 5  # actions on the first page


def _sentence(key: str, lang: str) -> str:
    """A message that may not exist (a verdict added to the engine later): empty then."""
    from tnl_cli.locale.dossier import MESSAGES

    return tr(lang, key) if key in MESSAGES else ""


def _ladder(catalog: Catalog, a: Assessment, lang: str) -> list[dict[str, Any]]:
    """The tiers from the lowest, with where the body stands: reached, its estimated tier,
    and the range the unanswered questions leave open (for the pictures)."""
    low, high = a.range_ranks
    return [{"name": pick(tier.name, lang), "rank": rank, "reached": rank <= a.level_rank,
             "current": rank == a.level_rank, "in_range": low <= rank <= high and low != high}
            for rank, tier in enumerate(catalog.tiers, 1)]


def _uses(stock: dict[str, Any] | None, lang: str) -> list[dict[str, Any]]:
    """Free and proprietary software per use, for the picture (the same counts as the
    candidacy's table: `wording.inventory`)."""
    if not stock:
        return []
    biggest = max((s["total"] for s in stock["share_free"].values()), default=0) or 1
    return [{"label": s["label"], "free": s["free"], "other": s["total"] - s["free"],
             "total": s["total"], "free_width": round(s["free"] / biggest, 4),
             "other_width": round((s["total"] - s["free"]) / biggest, 4),
             "text": ", ".join(plural(lang, f"dossier.uses_{key}", n, count=wording.figure_text(n, lang))
                               for key, n in (("free", s["free"]),
                                              ("other", s["total"] - s["free"])))}
            for s in stock["share_free"].values()]


def _overview(catalog: Catalog, a: Assessment, data: dict[str, Any],
              path: dict[str, Any] | None, others: list[dict[str, Any]],
              lang: str) -> dict[str, Any]:
    """The first page: where the team stands (verdict, level with its range, the Badge) and
    the five actions that come first on the path, the rest following in the report."""
    level = None
    if a.verdict in ADMITTED or a.range_ranks[1]:
        level = report.level_line(a, catalog, lang)
    steps = (path["steps"] if path else []) + others
    # an eligibility criterion left unmet comes first: nothing counts without it
    steps.sort(key=lambda s: not s["gate"])
    return {
        "verdict": a.verdict,
        "verdict_text": data["verdict_text"],
        "verdict_sentence": _sentence(f"dossier.verdict_{a.verdict}", lang),
        "level": level,
        "badge": report.badge_line(a, lang) if a.badge is not None else None,
        "top": steps[:_TOP],
        "top_title": plural(lang, "dossier.top_title", min(_TOP, len(steps)),
                            count=wording.figure_text(min(_TOP, len(steps)), lang)),
        "more": max(0, len(steps) - _TOP),
        "ladder": _ladder(catalog, a, lang),
        "uses": _uses(data.get("inventory"), lang),
    }


def _deep_clean(value: Any) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {k: _deep_clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_deep_clean(v) for v in value]
    return value


def build(catalog: Catalog, answers: Answers, assessment: Assessment, lang: str, *,
          tool_version: str, today: dt.date) -> dict[str, Any]:
    """Everything a dossier says, ready to print. See docs/dossier.md for the keys."""
    data = report.to_dict(assessment, catalog, answers, lang)
    collectivite = _identity(answers.identity, lang)
    domains = _domains(catalog, answers, assessment, data, lang)
    path, note, others = _path(catalog, assessment, answers.identity, lang)
    date = date_text(today, lang)
    title = pick(catalog.title, lang)
    view = {
        "lang": lang,
        "t": labels(lang),
        "meta": {
            "title": tr(lang, "dossier.title", edition=catalog.edition),
            "date": date,
            "date_iso": today.isoformat(),
            "edition": catalog.edition,
            "catalog_title": title,
            "deadline": date_text(catalog.deadline, lang) if catalog.deadline else None,
            "tool_version": tool_version,
            "generated": tr(lang, "dossier.generated", date=date, version=tool_version,
                            edition=catalog.edition, title=title),
        },
        "collectivite": collectivite,
        "referents": [_person(answers.identity.elu_referent, "elu", lang),
                      _person(answers.identity.responsable, "responsable", lang)],
        "summary": _summary(catalog, assessment, data, collectivite["display_name"], lang),
        "overview": _overview(catalog, assessment, data, path, others, lang),
        "domains": domains,
        "next_level": path,
        "next_note": note,
        "other_steps": others,
        "replacements": [tr(lang, "report.replace", name=item["name"],
                            alternatives=", ".join(item["alternatives"][:5]))
                         for item in (data.get("inventory") or {}).get("replacements", [])],
        "checklist": _checklist(catalog, answers, assessment, domains, data.get("inventory"),
                                today, lang),
        "sources": _sources(catalog, answers, lang),
    }
    return _deep_clean(view)
