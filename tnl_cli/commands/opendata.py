"""`tnl opendata`: what a collectivity publishes on data.gouv.fr, from the catalogue exports.

Reads the exports once (streamed: they weigh hundreds of megabytes), shows the counts and the
answers they support, says what they cannot see, and with `--apply` writes those answers and
their sources into the answers file (`evidence.apply`, the same rules as `tnl inventaire`).
"""

import datetime as dt
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from tnl_cli.commands import common
from tnl_cli.commands.common import SETTINGS, t
from tnl_cli.errors import EXIT_NEGATIVE, EXIT_OK, TnlError
from tnl_cli.i18n import tr

_BAR = 30
EXAMPLE_SIREN = "215403957"  # the example's Ville de Nancy
EXAMPLE_DAY = "2026-12-06"  # the example's reference date: its « recent » counts stay put


def example_files() -> tuple[Path, Path, Path, Path]:
    """The bundled example (examples/opendata in a checkout, inside the wheel else): the
    organisations, datasets and resources exports, and OpenDataFrance's list."""
    from tnl_cli.resources import examples_dir

    folder = examples_dir() / "opendata"
    found = [next(iter(sorted(folder.glob(pattern))), None) for pattern in (
        "export-organization-*.csv", "export-dataset-*.csv", "export-resource-*.csv",
        "*opendatafrance*.csv")]
    if any(path is None for path in found):
        raise TnlError.of("opendata.example_missing", file=str(folder))
    organisations, datasets, resources, odf = (path for path in found if path is not None)
    return organisations, datasets, resources, odf


class ExportsBar:
    """Which export is being read and how far, on a terminal's stderr (ten redraws a second)."""

    def __init__(self, stream: Any) -> None:
        self.stream, self.next, self.width = stream, 0.0, 0

    def __call__(self, file: str, done: int, size: int) -> None:
        from tnl_cli.textsafe import clean

        now = time.monotonic()
        if now < self.next and done < size:
            return
        self.next = now + 0.1
        fraction = max(0.0, min(1.0, done / max(1, size)))
        name = clean(Path(file).name)[:40]  # from the command line, cleaned: a raw stream
        filled = int(fraction * _BAR)
        line = f"[{'#' * filled}{'.' * (_BAR - filled)}] {int(fraction * 100):3d} % {name}"
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = max(self.width, len(line))

    def clear(self) -> None:
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()


def parse_siren(text: str) -> str:
    """A SIREN typed by the user, or the SIREN within a SIRET."""
    from tnl_cli.core.identity import IdentityValueError
    from tnl_cli.core.identity import parse_siren as checked

    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) == 14 and len(text.strip()) <= 20:
        digits = digits[:9]
    try:
        return checked(digits if len(digits) == 9 else text.strip())
    except IdentityValueError as exc:
        raise TnlError.of("opendata.bad_siren", value=text) from exc


def reference_date(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as exc:
        raise TnlError.of("opendata.bad_date", value=text) from exc


def _siren_from_answers(path: Path, default: str | None = None) -> str:
    from tnl_cli.loaders import answer_files
    from tnl_cli.loaders.catalogs import load_edition

    answers, _catalog, _gone = answer_files.load(path, load_edition)
    if not answers.identity.siren:
        if default is not None:
            return default
        raise TnlError.of("opendata.no_siren", file=str(path))
    return str(answers.identity.siren)


def _shown_value(value: Any) -> str:
    if isinstance(value, bool):
        return t("opendata.yes" if value else "opendata.no")
    return str(value)


def _facts_lines(facts: Any, portal: Any, reference: dt.date, resources: bool) -> list[str]:
    from tnl_cli.report.wording import number_text

    lang = SETTINGS.lang

    def num(value: int) -> str:
        return number_text(value, lang)

    lines = []
    if facts is not None:
        for org in facts.organisations:
            lines.append(t("opendata.organisation", name=org.name or org.id, id=org.id)
                         + (f" — {org.url}" if org.url else ""))
        lines.append(t("opendata.datasets", count=num(facts.datasets),
                       archived=num(facts.archived)))
        if facts.datasets:
            lines.append("  " + t("opendata.recent", count=num(facts.recent),
                                  base=num(facts.datasets), date=reference.isoformat()))
            shares = [t("opendata.share", label=t(f"opendata.licence_{k}"), count=num(n))
                      for k, n in facts.licences.most_common() if n]
            lines.append(t("opendata.licences", shares=" · ".join(shares)))
        if resources:
            scdl = facts.scdl()
            lines.append(t("opendata.scdl", schemas=" · ".join(
                t("opendata.share", label=_schema_label(name), count=num(n))
                for name, n in scdl.items()) if scdl else t("opendata.none")))
            others = facts.other_schemas()
            if others:
                lines.append(t("opendata.other_schemas", schemas=" · ".join(
                    t("opendata.share", label=name, count=num(n)) for name, n in others.items())))
    if portal is not None:
        own = num(portal.nb_ptf) if portal.nb_ptf is not None else "?"
        lines.append(t("opendata.odf_entry", name=portal.nom, url=portal.url_ptf or "—",
                       count=own))
    return lines


def _schema_label(name: str) -> str:
    from tnl_cli.i18n import _table

    key = "opendata.schema_" + name.removeprefix("scdl/").replace("-", "_")
    known = key in _table("opendata")
    return f"{name} ({t(key)})" if known else name


def _reason(proposal: Any) -> str:
    params = {k: t(v) if k.endswith("_key") else v for k, v in proposal.reason_params.items()}
    return t(proposal.reason_key, **params)


def _json(siren: str, facts: Any, portal: Any, reference: dt.date, proposals: list[Any],
          notes: list[Any]) -> dict[str, Any]:
    from tnl_cli.core.provenance import source_to_dict

    data: dict[str, Any] = {"siren": siren, "date_reference": reference.isoformat(),
                            "trouve": facts is not None}
    if facts is not None:
        data.update(organisations=[{"id": o.id, "nom": o.name, "url": o.url}
                                   for o in facts.organisations],
                    jeux=facts.datasets, archives=facts.archived, recents=facts.recent,
                    licences={k: facts.licences[k] for k in facts.licences if facts.licences[k]},
                    schemas_scdl=facts.scdl(), autres_schemas=facts.other_schemas())
    if portal is not None:
        data["opendatafrance"] = {"nom": portal.nom, "url_ptf": portal.url_ptf or None,
                                  "nb_ptf": portal.nb_ptf, "url_datagouv": portal.url_datagouv
                                  or None, "nb_datagouv": portal.nb_datagouv}
    data["propositions"] = [{"critere": p.criterion, "valeur": p.value, "raison": _reason(p),
                             "sources": [source_to_dict(s) for s in p.sources]}
                            for p in proposals]
    data["limites"] = [t(key, **params) for key, params in notes]
    return data


def _show(siren: str, facts: Any, portal: Any, reference: dt.date, proposals: list[Any],
          notes: list[Any], organisations: Path, resources: bool) -> None:
    """The terminal view: the counts, the proposed answers, what the files cannot tell."""
    out = SETTINGS.stdout
    if facts is None:
        out.write(t("opendata.no_organisation", siren=siren, file=str(organisations)) + "\n")
    for line in _facts_lines(facts, portal, reference, resources):
        out.write(line + "\n")
    if facts is not None and not facts.datasets:
        out.write(t("opendata.no_datasets", siren=siren) + "\n")
    colon = " : " if SETTINGS.lang == "fr" else ": "
    if proposals:
        out.write("\n" + t("opendata.proposals") + "\n")
        for p in proposals:
            out.write(common.wrapped(f"  {p.criterion}{colon}{_shown_value(p.value)} — {_reason(p)}",
                               "      ") + "\n")
    if notes:
        out.write("\n" + t("opendata.limits") + "\n")
        for key, params in notes:
            out.write(common.wrapped(f"  - {t(key, **params)}", "    ") + "\n")


def _apply(path: Path, proposals: list[Any], force: bool, stream: Any, dry_run: bool) -> None:
    """The proposals written into the answers file (the same rules as `tnl inventaire`), or
    with `dry_run` what would change, nothing written."""
    import shlex

    from tnl_cli.evidence import apply as evidence
    from tnl_cli.walk.session import file_header

    command = shlex.join([*common.program(), "assess", "--answers", str(path)])
    result = evidence.apply(path, proposals, force=force, origin="opendata",
                            header=file_header(SETTINGS.lang, command), create=False,
                            dry_run=dry_run)
    for line in evidence.describe(result, SETTINGS.lang):
        stream.write(line + "\n")


def register(app: typer.Typer, lang: str) -> None:
    file_meta = "FICHIER" if lang == "fr" else "FILE"

    @app.command("opendata", help=tr(lang, "opendata.help"))
    def opendata(
        organisations: Annotated[Path | None, typer.Option(
            "--organisations", help=tr(lang, "opendata.opt_organisations"),
            metavar=file_meta)] = None,
        jeux: Annotated[Path | None, typer.Option(
            "--jeux", help=tr(lang, "opendata.opt_jeux"), metavar=file_meta)] = None,
        ressources: Annotated[Path | None, typer.Option(
            "--ressources", help=tr(lang, "opendata.opt_ressources"), metavar=file_meta)] = None,
        odf: Annotated[Path | None, typer.Option(
            "--opendatafrance", help=tr(lang, "opendata.opt_odf"), metavar=file_meta)] = None,
        siren: Annotated[str | None, typer.Option(
            "--siren", help=tr(lang, "opendata.opt_siren"), metavar="SIREN")] = None,
        answers: Annotated[Path | None, typer.Option(
            "--answers", "-a", help=tr(lang, "opendata.opt_answers"), metavar=file_meta)] = None,
        date: Annotated[str | None, typer.Option(
            "--date", help=tr(lang, "opendata.opt_date"), metavar="AAAA-MM-JJ" if lang == "fr"
            else "YYYY-MM-DD")] = None,
        apply: Annotated[bool, typer.Option("--apply", help=tr(lang, "opendata.opt_apply"))] = False,
        force: Annotated[bool, typer.Option("--force", help=tr(lang, "opendata.opt_force"))] = False,
        example: Annotated[bool, typer.Option(
            "--example", help=tr(lang, "opendata.opt_example"))] = False,
        fmt: common.format_option(lang, "text|json") = "text",
        lang_: common.lang_option(lang) = lang,
        no_color: common.no_color_option(lang) = False,
    ) -> None:
        common.check_choice(fmt, ("text", "json"), "--format")
        if example:
            if organisations or jeux or ressources or odf:
                raise TnlError.of("opendata.example_and_files")
            organisations, jeux, ressources, odf = example_files()
            date = date or EXAMPLE_DAY
        elif organisations is None or jeux is None:
            raise TnlError.of("opendata.need_files")
        if siren is not None and answers is not None:
            raise TnlError.of("opendata.siren_or_answers")
        if siren is None and answers is None and not example:
            raise TnlError.of("opendata.siren_or_answers")
        if (apply or force) and answers is None:
            raise TnlError.of("opendata.apply_needs_answers")
        reference = reference_date(date)
        if siren is not None:
            wanted = parse_siren(siren)
        elif answers is not None:
            wanted = _siren_from_answers(answers, EXAMPLE_SIREN if example else None)
        else:
            wanted = EXAMPLE_SIREN
        from tnl_cli.opendata import counting
        from tnl_cli.opendata import odf as odf_list
        from tnl_cli.opendata import proposals as propose

        exports = counting.Exports(organisations, jeux, ressources)
        stream = common.raw_stream(SETTINGS.stderr)
        bar = ExportsBar(stream) if common.stderr_is_terminal() else None
        try:
            facts = counting.scan(exports, {wanted}, reference, progress=bar).get(wanted)
            portal = odf_list.read(odf, {wanted}).get(wanted) if odf is not None else None
        finally:
            if bar is not None:
                bar.clear()
        reading = propose.Reading(exports, dt.date.today(), odf)
        proposals = propose.propose(facts, portal, reading)
        notes = propose.blind_spots(facts, portal, reading)
        code = EXIT_OK if proposals else EXIT_NEGATIVE
        SETTINGS.result_code = code
        if fmt == "json":
            common.print_json(_json(wanted, facts, portal, reference, proposals, notes))
        else:
            _show(wanted, facts, portal, reference, proposals, notes, organisations,
                  ressources is not None)
            if proposals and not apply and answers is not None:
                SETTINGS.stdout.write("\n")
                _apply(answers, proposals, force, SETTINGS.stdout, dry_run=True)
        if apply and proposals and answers is not None:
            # after JSON on stdout, what was written is told on stderr: stdout stays JSON
            _apply(answers, proposals, force, SETTINGS.stderr if fmt == "json" else
                   SETTINGS.stdout, dry_run=False)
        raise typer.Exit(code)
