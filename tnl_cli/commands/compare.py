"""`tnl compare OLD NEW`: what moved between last year's answers file and this year's."""


from pathlib import Path
from typing import Annotated

import typer

from tnl_cli.commands import common
from tnl_cli.commands.common import SETTINGS, t
from tnl_cli.errors import EXIT_OK
from tnl_cli.i18n import tr
from tnl_cli.textsafe import clean


def load_comparison(old_path: Path, new_path: Path):
    """Both files assessed in their own edition, the old one also read (in memory) in the
    new one's."""
    from tnl_cli.loaders.answer_files import against, load_file

    new_answers, new_catalog = load_file(new_path)
    return against(old_path, new_catalog, new_answers)


def register(app: typer.Typer, lang: str) -> None:
    @app.command("compare", help=tr(lang, "compare.help"))
    def compare(
        old: Annotated[Path, typer.Argument(help=tr(lang, "compare.arg_old"),
                                            metavar="ANCIEN" if lang == "fr" else "OLD",
                                            show_default=False)],
        new: Annotated[Path, typer.Argument(help=tr(lang, "compare.arg_new"),
                                            metavar="NOUVEAU" if lang == "fr" else "NEW",
                                            show_default=False)],
        fmt: common.format_option(lang, "text|json") = "text",
        lang_: common.lang_option(lang) = lang,
        no_color: common.no_color_option(lang) = False,
    ) -> None:
        common.check_choice(fmt, ("text", "json"), "--format")
        cmp = load_comparison(old, new)
        lang_now = SETTINGS.lang
        common.warn_other_collectivity(cmp, old, new)
        if cmp.old.catalog.edition > cmp.new.catalog.edition:
            SETTINGS.stderr.write(t("compare.newer_first", old_file=clean(old),
                                    old=cmp.old.catalog.edition, new_file=clean(new),
                                    new=cmp.new.catalog.edition) + "\n")
        from tnl_cli.report import compare as view

        if fmt == "json":
            common.print_json(view.to_dict(cmp, old, new, lang_now))
        else:
            SETTINGS.stdout.write("".join(clean(line) + "\n"
                                          for line in view.text_lines(cmp, old, new, lang_now)))
        raise typer.Exit(EXIT_OK)
