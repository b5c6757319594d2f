"""`tnl schema answers`: publish the JSON Schema of the answers file."""


import typer

from tnl_cli.commands import common
from tnl_cli.commands.common import SETTINGS
from tnl_cli.i18n import tr


def register(app: typer.Typer, lang: str) -> None:
    group = common.sub_app(tr(lang, "cli.schema_help"))
    app.add_typer(group, name="schema")

    @group.command("answers", help=tr(lang, "cli.schema_answers_help"))
    def answers(
        edition: common.edition_option(lang) = None,
        lang_: common.lang_option(lang) = lang,
    ) -> None:
        from tnl_cli.core.schema import answers_schema
        from tnl_cli.loaders.catalogs import load_edition

        common.print_json(answers_schema(load_edition(edition), SETTINGS.lang))
