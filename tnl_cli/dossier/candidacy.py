"""The candidacy's view model: what the collectivity states to the jury, in its own voice.

Built from the same Assessment as the self-assessment report (`dossier/view.py`), it keeps
only what the candidate states and can prove: its presentation, its approach, each criterion
it meets as a statement of fact with the justification and numbered references to the
annexes, its plans, the annexes and the signature. No score, tier, advice, unmet or
unanswered criterion, legal checklist: those are the team's (`tnl assess -o`).
What a good dossier still lacks is returned apart (`gaps`), for the terminal.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any

from tnl_cli.core.answers import Answer, Answers
from tnl_cli.core.catalog import Catalog, Criterion
from tnl_cli.core.engine import Assessment, CriterionResult
from tnl_cli.core.identity import Identity, Person
from tnl_cli.dossier.text import clean, is_link
from tnl_cli.dossier.view import date_text, source_count, source_kind
from tnl_cli.i18n import pick, tr
from tnl_cli.locale.candidacy import MESSAGES
from tnl_cli.report import wording

# Criteria of the approach (told as prose in "Notre démarche"), not of the actions.
APPROACH = ("enjeux_strategie", "portage_interne", "axes_plan_action", "obstacles_rencontres")
EPCI = ("communaute_communes", "communaute_agglomeration", "communaute_urbaine", "metropole")
# A choice of `logiciels_libres_utilises`, the software catalog's use domains it covers and,
# where a use domain holds several choices, the words of the catalog's `function` that make
# a program belong to this one (a `!` pattern: the words that exclude it). The statement
# names the user's own free software of that use, never the catalog's examples, and never a
# program of a neighbouring use (WordPress is no web analytics, GLPI no server).
_USES_OF_CHOICE: dict[str, tuple[tuple[str, ...], str | None]] = {
    "navigateur": (("navigateur",), None), "messagerie": (("messagerie",), None),
    "collaboratif": (("collaboratif",), "!enquête|formulaire|sondage"),
    "enquetes": (("collaboratif",), "enquête|formulaire|sondage"),
    "visioconference": (("visio",), None), "sig": (("sig",), None),
    "gestion_parc": (("systeme",), "parc|inventaire|télédéploiement|déploiement|incident"),
    "serveurs": (("systeme", "reseau"),
                 "!parc|inventaire|télédéploiement|déploiement|incident|sauvegarde"),
    "site_web": (("web",), "!statisti|audience|fréquentation|analytics"),
    "mesure_audience": (("web",), "statisti|audience|fréquentation|analytics"),
    "graphisme": (("graphisme",), None),
}
# The DGCL's short forms at the start of an EPCI's name ("CA du Pays Basque").
_EPCI_SHORT = (("CC ", "Communauté de communes "), ("CA ", "Communauté d'agglomération "),
               ("CU ", "Communauté urbaine "))
# Words of a role that tell a person's gender (French); anything else is left neutral.
_FEMININE = {"adjointe", "conseillère", "déléguée", "présidente", "vice-présidente",
             "directrice", "cheffe", "chargée", "première", "élue", "référente", "secrétaire"}
_MASCULINE = {"adjoint", "conseiller", "délégué", "président", "vice-président", "directeur",
              "chef", "chargé", "premier", "élu", "référent"}
# First words of a name that already say the kind of body.
_KIND_WORDS = {"agglomération", "agglo", "communauté", "métropole", "eurométropole"}
# The criterion on the schools a body type runs (écoles, collèges, lycées).
_SCHOOLS = {"commune": "ecoles_logiciels_libres", "departement": "colleges_logiciels_libres",
            "region": "lycees_logiciels_libres", "ctu": "colleges_logiciels_libres"}
_ARTICLES = {"fr": ("Un", "Une", "Des", "Du", "De", "La", "Le", "Les"),
             "en": ("A", "An", "The", "Both")}
_TRAILING_EXAMPLES = re.compile(r"\s*\([^()]*\)\s*$")
# French typography: a narrow no-break space before ? ! ; : (an ordinary one is replaced).
_BEFORE_PUNCT = re.compile(r"[ \u00a0](?=[?!;:](\s|$))")
# A straight apostrophe between letters (l'ADULLACT, aujourd'hui).
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
# "Oui: voir" typed without a space: ? ! ; : glued to a word (not in 10:30 or https://).
_NO_SPACE_PUNCT = re.compile(r"(?:(?<=[^\W\d])|(?<=[»)]))()([;!?]+)(?=\s|$)")
_OPENING = re.compile(r"«[ \u00a0\u202f]*")
_CLOSING = re.compile(r"[ \u00a0\u202f]*»")
_FIRST = re.compile(r"\b(1)er\b")
_VOWEL = re.compile(r"^[aeiouyàâäéèêëîïôöùûüœhAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒH]")


@cache
def labels(lang: str) -> dict[str, str]:
    """The fixed words templates receive as `t`: `candidacy.l_annexes` is `t.annexes`."""
    prefix = "candidacy.l_"
    return {key[len(prefix):]: tr(lang, key) for key in MESSAGES if key.startswith(prefix)}


def typography(text: str, lang: str) -> str:
    """French typography on every text of the candidacy, the user's included: typographic
    apostrophe, a narrow no-break space before ? ! ; : and inside « », 1ᵉʳ; so that no line
    starts with a punctuation mark. English: the apostrophe only."""
    text = _APOSTROPHE.sub("\u2019", text)
    if lang != "fr":
        return text
    text = _BEFORE_PUNCT.sub("\u202f", text)
    text = _NO_SPACE_PUNCT.sub(lambda m: m.group(1) + "\u202f" + m.group(2), text)
    text = _OPENING.sub("«\u202f", text)
    text = _CLOSING.sub("\u202f»", text)
    return _FIRST.sub(r"\1ᵉʳ", text)


def gender(role: str | None) -> str | None:
    """'f', 'm' or None from the words of a role ("Adjointe au maire" -> 'f')."""
    if not role:
        return None
    words = set(re.findall(r"[\w-]+", role.casefold()))
    if words & _FEMININE and not words & _MASCULINE:
        return "f"
    if words & _MASCULINE and not words & _FEMININE:
        return "m"
    return None


def full_name(name: str) -> str:
    """'CA du Pays Basque' -> "Communauté d'agglomération du Pays Basque"; 'CA Agglomération
    d'Agen' -> "Agglomération d'Agen" (the kind is not said twice)."""
    for short, long in _EPCI_SHORT:
        if name.startswith(short):
            rest = name[len(short):]
            if rest.split(" ", 1)[0].lower() in _KIND_WORDS:
                return rest
            return long + rest
    return name


def _of(name: str) -> str:
    """The French 'de' before a commune's name: du Havre, des Abymes, d'Arles, de La Rochelle."""
    if name.startswith("Le "):
        return "du " + name[3:]
    if name.startswith("Les "):
        return "des " + name[4:]
    return ("d'" if _VOWEL.match(name) else "de ") + name


def subject(identity: Identity, name: str, lang: str) -> str:
    """The collectivity as the subject of a sentence, article included: "La commune de
    Lettret", "La Communauté d'agglomération du Pays Basque", "The Région Bretagne"."""
    kind = identity.type
    words = name.split(" ", 1)
    if lang == "fr":
        if kind == "commune" and not name.lower().startswith(("ville ", "commune ", "mairie ")):
            return f"La commune {_of(name)}"
        if kind == "departement" and not name.lower().startswith("département"):
            return f"Le Département {_of(name)}"
        if kind == "region" and not name.lower().startswith("région"):
            return f"La Région {name}"
        first = words[0].lower()
        if first in ("communauté", "métropole", "ville", "commune", "mairie", "région",
                     "collectivité", "eurométropole", "association"):
            return f"La {name[0].lower()}{name[1:]}" if first in ("ville", "commune", "mairie") \
                else f"La {name}"
        if first in ("département", "syndicat", "conseil", "centre", "parc", "sivu", "sivom",
                     "agglomération", "agglo"):
            return f"L'{name}" if _VOWEL.match(name) else f"Le {name}"
        return name
    if kind == "commune":
        return f"The municipality of {name}"
    return name if name.lower().startswith("the ") else f"The {name}" \
        if kind in EPCI + ("departement", "region", "ctu", "syndicat") else name


def _council(identity: Identity, lang: str) -> str:
    kind = identity.type
    key = ("commune" if kind == "commune" else "metropole" if kind == "metropole"
           else "epci" if kind in EPCI else kind if kind in ("departement", "region", "ctu")
           else "other")
    return tr(lang, f"candidacy.council_{key}")


def _with_unit(c: Criterion, value: float | int, lang: str) -> str:
    unit = pick(c.unit, lang) if c.unit else ""
    text = wording.figure_text(value, lang)
    if not unit:
        return text
    if unit in ("%", "€") and lang == "fr":
        return f"{text}\u202f{unit}"
    if unit == "%":
        return f"{text}{unit}"
    return f"{text}\u00a0{unit}"


def _lower_first(text: str) -> str:
    """'Navigation web' -> 'navigation web'; 'SIG' and 'OpenDocument' keep their capitals."""
    if len(text) > 1 and text[0].isupper() and text[1].islower() and not any(
            ch.isupper() for ch in text.split(" ", 1)[0][1:]):
        return text[0].lower() + text[1:]
    return text


def join(items: list[str], lang: str) -> str:
    if len(items) < 2:
        return "".join(items)
    word = " et " if lang == "fr" else (", and " if len(items) > 2 else " and ")
    return ", ".join(items[:-1]) + word + items[-1]


def _choice_text(c: Criterion, value: str, lang: str, own: dict[str, list[str]]) -> str:
    """A choice's label without the catalog's examples in brackets, with the user's own
    free software of that use when the inventory names some."""
    choice = c.choice(value)
    text = _TRAILING_EXAMPLES.sub("", pick(choice.label, lang)) if choice else value
    # In a sentence: "une suite libre", "navigation web", but "Licence Ouverte 2.0"
    if c.type == "multi" or text.split(" ", 1)[0] in _ARTICLES.get(lang, ()):
        text = _lower_first(text)
    mine = _own_of_choice(value, own)
    if c.id == "logiciels_libres_utilises" and mine:
        text += f" ({', '.join(dict.fromkeys(mine))})"
    return text


def _own_of_choice(value: str, own: dict[str, list[str]]) -> list[str]:
    """The user's free software of one choice of `logiciels_libres_utilises`."""
    uses, pattern = _USES_OF_CHOICE.get(value, ((), None))
    names = [name for use in uses for name in own.get(use, [])]
    if pattern is None:
        return names
    from tnl_cli.reference import software

    negate = pattern.startswith("!")
    words = re.compile(pattern.lstrip("!"), re.IGNORECASE)
    out = []
    for name in names:
        found = software.match_exact(name)
        function = found.function if found is not None else ""
        if bool(words.search(function)) != negate:
            out.append(name)
    return out


def value_text(c: Criterion, value: Any, lang: str, own: dict[str, list[str]]) -> str:
    if c.type == "number":
        return _with_unit(c, value, lang)
    if c.type == "choice":
        return _choice_text(c, value, lang, own)
    if c.type == "multi":
        return join([_choice_text(c, ch.value, lang, own) for ch in c.choices
                     if ch.value in value], lang)
    return wording.value_text(c, value, lang)


def _own_statement(c: Criterion, value: Any, identity: Identity, lang: str,
                   context: dict[str, Any]) -> str | None:
    """The catalog's statement adapted to the body and to the other answers where its
    generic words would hedge: no schools for a body without any, no "entrepris d'ouvrir"
    for a body that publishes its datasets."""
    if c.id == "utilise_logiciel_libre":  # "services ou établissements scolaires" hedges
        schools = _SCHOOLS.get(identity.type or "")
        if schools and context.get(schools) is True:
            return tr(lang, f"candidacy.st_free_software_{schools.split('_')[0]}")
        return tr(lang, "candidacy.st_free_software_services")
    if c.id == "ouverture_donnees" and (context.get("nombre_jeux_donnees") or 0) > 0:
        return tr(lang, "candidacy.st_open_data_published")
    return None


def statement(c: Criterion, value: Any, identity: Identity, lang: str,
              own: dict[str, list[str]], context: dict[str, Any] | None = None,
              sources: tuple[Any, ...] = ()) -> tuple[list[dict[str, Any]], str]:
    """The criterion's statement as segments of text and its final punctuation apart (the
    references to the annexes go before it). A URL value is a segment of its own (`link`:
    true) so that each format makes it a link."""
    assert c.statement is not None
    council = _council(identity, lang)
    text = _own_statement(c, value, identity, lang, context or {}) or pick(c.statement, lang)
    text = text.replace("{council}", council).replace(
        "{Council}", council[0].upper() + council[1:])
    end = text[-1] if text[-1:] in ".!" else ""
    text = text[:len(text) - len(end)]
    if "{value}" not in text:
        return [{"text": text, "link": False}], end
    shown = value_text(c, value, lang, own)
    # the count and base behind a share; a choice names its source only ("2 postes sur 6"
    # beside "suite libre et propriétaire" would not say what was counted)
    counted = _counted(sources, lang, with_count=c.type == "number")
    if c.type == "number" and text.startswith("{value}"):  # "95 % des postes…", "60 agents ont…"
        shown = shown[0].upper() + shown[1:]
    before, _, after = text.partition("{value}")
    if counted and after.endswith(")"):  # "(GNU/Linux ; 3 postes sur 6, inventaire …)"
        after = f"{after[:-1]}{';' if lang == 'en' else ' ;'} {counted})"
    elif counted:  # "… sur 72 % de nos postes de travail (298 postes sur 412, inventaire …)"
        after += f" ({counted})"
    if not (c.type == "url" and is_link(shown)):
        return [{"text": before + shown + after, "link": False}], end
    return [part for part in ({"text": before, "link": False}, {"text": shown, "link": True},
                              {"text": after, "link": False}) if part["text"]], end


def _counted(sources: tuple[Any, ...], lang: str, with_count: bool = True) -> str | None:
    """The count and base behind a figure drawn from files, and the files named: "298 postes
    sur 412, inventaire GLPI Agent du 28 novembre 2026"."""
    parts = [", ".join(x for x in (source_count(s, lang) if with_count else None,
                                   source_kind(s, lang)) if x)
             for s in sources]
    return "; ".join(parts) or None


def _document_key(url: str | None, title: str | None) -> str:
    """One key per document: the same link written with another case of host, a trailing
    slash or a fragment is the same annex."""
    if not url:
        return (title or "").strip().casefold()
    url = url.strip().split("#", 1)[0]
    scheme, sep, rest = url.partition("://")
    host, slash, path = rest.partition("/")
    return f"{scheme.lower()}{sep}{host.lower()}{slash}{path}".rstrip("/")


def _short_title(text: str | None) -> str | None:
    """A title for an annex from the justification that cites it: its first sentence when
    short enough to read as a title ("Délibération du conseil communautaire du 12 mars
    2022"), else nothing."""
    if not text:
        return None
    first = re.split(r"(?<=[.!?])\s|\n", text.strip(), maxsplit=1)[0].rstrip(" .")
    return first if 3 <= len(first) <= 90 else None


class _Annexes:
    """Numbers every document cited, each once (the same document cited twice keeps its
    number and its best title: the user's own, else the first citing justification's)."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []
        self._by_key: dict[str, int] = {}

    def cite(self, title: str | None, url: str | None,
             section: dict[str, str] | None = None, *, own_title: bool = False) -> int:
        """The annex's number; `section` ({number, id}) is where it is cited; `own_title`:
        the user named the document (dossier.annexes), a better title than a derived one."""
        key = _document_key(url, title)
        if key in self._by_key:
            item = self.items[self._by_key[key] - 1]
            if title and (own_title or not item["title"]):
                item["title"] = title
            if section and section not in item["sections"]:
                item["sections"].append(section)
            return int(item["number"])
        number = len(self.items) + 1
        self._by_key[key] = number
        self.items.append({"number": number, "id": f"annexe-{number}", "title": title,
                           "url": url, "link": bool(url) and is_link(url or ""),
                           "sections": [section] if section else []})
        return number


def _refs(numbers: list[int], lang: str) -> dict[str, Any] | None:
    if not numbers:
        return None
    t = labels(lang)
    word = t["annex_ref"] if len(numbers) == 1 else t["annexes_ref"]
    return {"numbers": numbers, "word": word,
            "ids": [f"annexe-{n}" for n in numbers],
            "text": f"{word} {join([str(n) for n in numbers], lang)}"}


def own_software(data: dict[str, Any]) -> dict[str, list[str]]:
    own: dict[str, list[str]] = {}
    for item in (data.get("inventory") or {}).get("items", []):
        if item["free"]:
            own.setdefault(item["use_domain"], []).append(item["name"])
    return own


def _use_label(use: str, lang: str) -> str:
    """A use of software as the jury reads it: no word of the tool's catalog ("hors
    catalogue") for software it does not know."""
    if use == "inconnu":
        return tr(lang, "candidacy.l_other_use")
    return wording.use_domain_label(use, lang)


def _inventory(data: dict[str, Any], lang: str) -> dict[str, Any] | None:
    stock = data.get("inventory")
    if not stock:
        return None
    from tnl_cli.reference import software

    t = labels(lang)
    rows = []
    for item in stock["items"]:
        status = software.licence_status(item["free"], item["licence"])
        rows.append({"name": item["name"],
                     "use": _use_label(item["use_domain"], lang),
                     "licence": software.licence_name(item["licence"])
                     or tr(lang, f"candidacy.sw_{status}")})
    shares = [{"label": _use_label(use, lang), "free": wording.figure_text(s["free"], lang),
               "total": wording.figure_text(s["total"], lang),
               "percent": wording.percent_text(round(s["ratio"] * 100), lang),
               "is_total": False} for use, s in stock["share_free"].items()]
    if len(shares) > 1:
        free = sum(s["free"] for s in stock["share_free"].values())
        total = sum(s["total"] for s in stock["share_free"].values())
        shares.append({"label": t["all_uses"], "free": wording.figure_text(free, lang),
                       "total": wording.figure_text(total, lang),
                       "percent": wording.percent_text(round(free / total * 100), lang),
                       "is_total": True})
    return {"software": rows, "shares": shares}


def _action(r: CriterionResult, answer: Answer | None, identity: Identity,
            annexes: _Annexes, own: dict[str, list[str]], data: dict[str, Any],
            lang: str, section: dict[str, str], context: dict[str, Any]) -> dict[str, Any]:
    """One action: the statement, then the collectivity's own words in the same paragraph
    when they are one short paragraph (a fact-led paragraph), apart when longer."""
    c = r.criterion
    parts, end = statement(c, r.value, identity, lang, own, context,
                           answer.sources if answer else ())
    title = _short_title(answer.justification if answer else None) or "".join(
        part["text"] for part in parts)
    numbers = [annexes.cite(title, url, section) for url in (answer.preuves if answer else ())]
    justification = answer.justification if answer else None
    inline = bool(justification) and "\n" not in (justification or "").strip()
    return {
        "id": c.id,
        "statement": parts,
        "end": end,
        "text": r.value if c.type == "text" else None,
        "justification": justification,
        "inline": inline,
        "refs": _refs(list(dict.fromkeys(numbers)), lang),
        "inventory": _inventory(data, lang) if c.type == "inventory" else None,
    }


def _stated(r: CriterionResult) -> bool:
    """Met criteria with a statement, and the software inventory whenever it is answered:
    the list of software in use is a fact even when it earns no point."""
    if not (r.visible and r.criterion.statement is not None):
        return False
    return r.met or (r.criterion.type == "inventory" and bool(r.value))


def _presentation(identity: Identity, name: str, lang: str) -> list[dict[str, str]]:
    """The facts of the presentation, from the answers and the bundled territory data."""
    t = labels(lang)
    found = None
    members = None
    if identity.code_insee or identity.siren or identity.departement:
        from tnl_cli.reference import territory  # only with a code to look up

        if identity.type == "commune" and identity.code_insee:
            found = territory.by_insee(identity.code_insee)
        elif identity.type in EPCI and identity.siren:
            found = territory.by_siren(identity.siren)
            members = territory.epci_members(identity.siren)
        elif identity.type in ("departement", "region", "ctu") and identity.code_insee:
            found = territory.by_code(identity.code_insee, region=identity.type == "region")
        elif identity.departement:
            found = territory.by_code(identity.departement)
    facts: list[tuple[str, str | None]] = []
    kind = tr(lang, f"identity.type_{identity.type}") if identity.type else None
    facts.append((t["type"], kind[0].upper() + kind[1:] if kind else None))
    population = identity.population if identity.population is not None else (
        found.population if found and identity.type not in EPCI else None)
    if population is not None:
        facts.append((t["population"], tr(lang, "candidacy.inhabitants",
                                          count=wording.figure_text(population, lang))))
    if identity.agents is not None:
        facts.append((t["agents"], wording.figure_text(identity.agents, lang)))
    if identity.type == "commune" and identity.code_insee:
        facts.append((t["insee"], identity.code_insee))
    elif identity.siren and identity.type in EPCI + ("syndicat", "etablissement_public"):
        facts.append((t["siren"], identity.siren))
    if found and found.departement_name and identity.type != "region":
        facts.append((t["departement"], f"{found.departement_name} ({found.departement})"))
    if found and found.region_name:
        facts.append((t["region"], found.region_name))
    if found and found.epci_name:
        facts.append((t["epci"], full_name(found.epci_name)))
    if members is not None:
        count, people = members
        text = tr(lang, "candidacy.members", count=wording.figure_text(count, lang))
        if people is not None and people != population:  # not the same figure twice
            text += " " + tr(lang, "candidacy.members_population",
                             count=wording.figure_text(people, lang))
        facts.append((t["members"], text))
    return [{"label": label, "value": value} for label, value in facts if value]


# Answers that make a key figure: (criterion, message key of its label).
_FIGURES = (("part_postes_libreoffice", "kf_office"), ("part_postes_os_libre", "kf_os"),
            ("agents_formes", "kf_trained"), ("nombre_jeux_donnees", "kf_datasets"),
            ("economies_realisees", "kf_savings"))


def _key_figures(identity: Identity, answers: Answers, assessment: Assessment,
                 facts: list[dict[str, str]], data: dict[str, Any],
                 lang: str) -> list[dict[str, Any]]:
    """The figures a jury looks for first, each with its base where it has one: population,
    agents, shares of workstations (with the count and base read from files), free software
    among those listed, open datasets, savings; then the budget and team the dossier states
    (`text`: words, not a figure)."""
    t = labels(lang)
    out: list[dict[str, Any]] = []

    def add(value: str, key: str, note: str | None = None, text: bool = False) -> None:
        out.append({"value": value, "label": tr(lang, f"candidacy.{key}"), "note": note,
                    "text": text})

    population = next((f["value"] for f in facts if f["label"] == t["population"]), None)
    if population:
        add(population.rsplit(" ", 1)[0], "kf_population")
    if identity.agents:
        add(wording.figure_text(identity.agents, lang), "kf_agents")
    results = {r.criterion.id: r for r in assessment.results if r.visible}
    for cid, key in _FIGURES:
        r = results.get(cid)
        if r is None or isinstance(r.value, bool) or not isinstance(r.value, (int, float)) \
                or r.value <= 0:
            continue
        answer = answers.responses.get(cid)
        unit = pick(r.criterion.unit, lang) if r.criterion.unit else ""
        add(_with_unit(r.criterion, r.value, lang) if unit in ("%", "€")
            else wording.figure_text(r.value, lang), key,
            _counted(answer.sources, lang) if answer else None)
    stock = data.get("inventory")
    if stock and stock["share_free"]:
        free = sum(s["free"] for s in stock["share_free"].values())
        total = sum(s["total"] for s in stock["share_free"].values())
        if free:
            add(tr(lang, "candidacy.kf_of", count=wording.figure_text(free, lang),
                   base=wording.figure_text(total, lang)), "kf_free_listed")
    for name in ("budget", "equipe"):
        value = getattr(answers.dossier, name)
        if value:
            add(value, f"kf_{name}", text=True)
    return out


def _person(person: Person | None, kind: str, lang: str) -> dict[str, Any] | None:
    if person is None or not person.named:
        return None
    sex = gender(person.fonction) if lang == "fr" else None
    role = person.fonction
    if role and lang == "fr":  # after a comma: "Karim Benali, responsable du service…"
        role = _lower_first(role)
    return {"nom": person.nom, "fonction": person.fonction, "fonction_inline": role,
            "email": person.email,
            "role": tr(lang, f"candidacy.role_{kind}_{sex or 'n'}")}


def _section(sections: list[dict[str, Any]], key: str, title: str) -> dict[str, Any]:
    section = {"id": key, "number": str(len(sections) + 1), "title": title}
    sections.append(section)
    return section


def build(catalog: Catalog, answers: Answers, assessment: Assessment, lang: str, *,
          tool_version: str, today: dt.date, progress: dict[str, Any] | None = None,
          logo: Any = None) -> dict[str, Any]:
    """Everything the candidacy says, ready to print. See docs/dossier.md for the keys.
    `progress`: the section "Nos progrès depuis {année}" (`dossier.progress.section`);
    `logo`: the collectivity's logo (`dossier.logo.Logo`), read by the command."""
    identity = answers.identity
    text = answers.dossier
    t = labels(lang)
    data = {"inventory": wording.inventory(assessment, lang)}  # all the candidacy needs of it
    name = full_name(identity.nom) if identity.nom else t["unnamed"]
    own = own_software(data)
    context = {r.criterion.id: r.value for r in assessment.results if r.visible}
    annexes = _Annexes()
    results = [r for r in assessment.results if _stated(r)]
    sections: list[dict[str, Any]] = []

    presentation = _section(sections, "presentation", t["presentation"])
    presentation["facts"] = _presentation(identity, name, lang)
    presentation["text"] = text.presentation

    approach_results = {r.criterion.id: r for r in results if r.criterion.id in APPROACH}
    approach = None
    if text.demarche or approach_results or text.calendrier:
        approach = _section(sections, "demarche", t["approach"])
        approach.update(text=text.demarche, timeline=list(text.calendrier), items=[
            _action(approach_results[cid], answers.responses.get(cid), identity, annexes, own,
                    data, lang, {"number": approach["number"], "id": approach["id"]}, context)
            for cid in APPROACH if cid in approach_results])

    domains = []
    by_domain: dict[str, list[CriterionResult]] = {}
    for r in results:
        if r.criterion.id not in APPROACH:
            by_domain.setdefault(r.criterion.domain, []).append(r)
    actions = None
    if by_domain or text.realisations:
        actions = _section(sections, "actions", t["actions"])
        actions["achievements"] = list(text.realisations)
        for d in catalog.domains:
            if d.id not in by_domain:
                continue
            number = f"{actions['number']}.{len(domains) + 1}"
            domains.append({
                "id": f"domaine-{d.id}",
                "number": number,
                "title": pick(d.name, lang),
                "actions": [_action(r, answers.responses.get(r.criterion.id), identity,
                                    annexes, own, data, lang, {"number": number,
                                                               "id": f"domaine-{d.id}"},
                                    context)
                            for r in by_domain[d.id]],
            })
        actions["domains"] = domains

    previous = None
    if identity.labels:
        previous = _section(sections, "labels", t["labels"])
        previous["items"] = [tr(lang, "candidacy.previous_label", year=p.annee,
                                level=p.niveau) for p in identity.labels]

    since = None
    if progress is not None:  # tnl dossier --previous
        since = _section(sections, "progres", progress["title"])
        since.update(intro=progress["intro"], items=progress["items"])

    plans = None
    if text.projets:
        plans = _section(sections, "projets", t["plans"])
        plans["items"] = list(text.projets)

    for annex in text.annexes:
        annexes.cite(annex.titre, annex.url, own_title=True)
    annex_section = None
    if annexes.items:
        annex_section = _section(sections, "annexes", t["annexes"])
        annex_section["items"] = annexes.items

    for item in annexes.items:  # a bare link given as an annex is not its own title
        if item["title"] == item["url"]:
            item["title"] = None
    place = text.lieu or (identity.nom if identity.type == "commune" and identity.nom else None)
    date = date_text(today, lang)
    signatory = _person(identity.elu_referent, "elu", lang)
    responsible = _person(identity.responsable, "responsable", lang)
    edition_title = tr(lang, "candidacy.title", edition=catalog.edition)
    found_place = next((f["value"] for f in presentation["facts"]
                        if f["label"] in (t["departement"], t["region"])), None)
    view = {
        "lang": lang,
        "t": t,
        "meta": {
            "title": edition_title,
            "date": date,
            "date_iso": today.isoformat(),
            "edition": catalog.edition,
            "tool_version": tool_version,
            "subject": name,
            "running": f"{edition_title} — {name}",
        },
        "cover": {
            "name": name,
            "kind": presentation["facts"][0]["value"] if identity.type else None,
            "where": found_place,
            "edition": tr(lang, "candidacy.edition", edition=catalog.edition),
            "date": date,
            "website": text.site_web,
            "website_link": bool(text.site_web) and is_link(text.site_web or ""),
            "address": text.adresse,
            "intro": _intro(identity, name, lang, catalog.edition, sections),
        },
        "toc": [{"id": s["id"], "number": s["number"], "title": s["title"],
                 "children": [{"id": d["id"], "number": d["number"], "title": d["title"]}
                              for d in domains] if s["id"] == "actions" else []}
                for s in sections],
        "logo": None if logo is None else {
            "src": logo.data_uri(), "ratio": logo.ratio, "data": logo.data,
            "extension": logo.extension, "alt": tr(lang, "candidacy.logo_alt", name=clean(name))},
        "key_figures": _key_figures(identity, answers, assessment, presentation["facts"], data,
                                    lang),
        "presentation": presentation,
        "approach": approach,
        "actions": actions,
        "labels": previous,
        "progress": since,
        "plans": plans,
        "annexes": annex_section,
        "signature": {
            "place": place,
            "date": date,
            # "Fait à …, le …" only above somebody who signs
            "line": None if signatory is None else (
                tr(lang, "candidacy.done_at", place=place, date=date) if place
                else tr(lang, "candidacy.done_on", date=date)),
            "signatory": signatory,
            "responsible": responsible,
        },
    }
    return _finish(view, lang)


# What the introduction announces, for each section that is there.
_ANNOUNCED = ("presentation", "demarche", "actions", "progres", "projets")


def _intro(identity: Identity, name: str, lang: str, edition: int,
           sections: list[dict[str, Any]]) -> str:
    """The cover's introduction: it announces the sections the dossier holds, no other."""
    present = {s["id"] for s in sections}
    parts = [tr(lang, f"candidacy.intro_{key}") for key in _ANNOUNCED if key in present]
    text = tr(lang, "candidacy.intro", subject=subject(identity, name, lang), edition=edition)
    if parts:
        text += " " + tr(lang, "candidacy.intro_sections", parts=join(parts, lang))
        if "annexes" in present:
            text += tr(lang, "candidacy.intro_annexes")
        text += "."
    return text


def _finish(value: Any, lang: str) -> Any:
    """Control characters out, French typography in, for every string a template sees."""
    if isinstance(value, str):
        return typography(clean(value), lang)
    if isinstance(value, dict):
        link = value.get("link") is True  # a URL made a link: its text is the URL
        return {k: (clean(v) if link and k == "text"
                    else v if k in ("url", "id", "ids", "email", "website", "logo")
                    else _finish(v, lang)) for k, v in value.items()}
    if isinstance(value, list):
        return [_finish(v, lang) for v in value]
    return value


def gaps(catalog: Catalog, answers: Answers, assessment: Assessment, lang: str) -> list[str]:
    """What a good dossier still lacks, for standard error (never inside the dossier)."""
    identity = answers.identity
    text = answers.dossier
    out = []
    if identity.elu_referent is None or not identity.elu_referent.named:
        out.append(tr(lang, "candidacy.gap_elu"))
    if identity.responsable is None or not identity.responsable.named:
        out.append(tr(lang, "candidacy.gap_responsable"))
    elif not identity.responsable.email:
        out.append(tr(lang, "candidacy.gap_email"))
    if not text.presentation:
        out.append(tr(lang, "candidacy.gap_presentation"))
    if not text.demarche:
        out.append(tr(lang, "candidacy.gap_demarche"))
    if not text.projets:
        out.append(tr(lang, "candidacy.gap_projets"))
    if not text.lieu and identity.type != "commune":
        out.append(tr(lang, "candidacy.gap_lieu"))
    # A yes is what a jury asks to see backed; figures and choices speak for themselves.
    claims = ("boolean",)
    met = [r for r in assessment.results if _stated(r)]
    bare = [r.criterion.id for r in met if r.criterion.type in claims
            and not (answers.responses.get(r.criterion.id) or Answer(None)).justification]
    if bare:
        out.append(tr(lang, "candidacy.gap_justification", count=len(bare),
                      ids=", ".join(bare)))
    unproven = [r.criterion.id for r in met if r.criterion.type in claims
                and not (answers.responses.get(r.criterion.id) or Answer(None)).preuves]
    if unproven:
        out.append(tr(lang, "candidacy.gap_evidence", count=len(unproven),
                      ids=", ".join(unproven)))
    if not met:
        out.append(tr(lang, "candidacy.gap_nothing"))
    return out
