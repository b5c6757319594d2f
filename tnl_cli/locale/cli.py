"""Words of the command line: help texts, options, usage errors."""

MESSAGES = {
    "cli.app_help": {
        "fr": "Préparer la candidature d'une collectivité au label Territoire Numérique Libre "
              "(ADULLACT) : questionnaire guidé, verdict d'éligibilité, niveau indicatif, "
              "dossier de candidature, pré-contrôle de nombreuses collectivités.\n\n"
              "Codes de sortie : 0 succès (éligible, même avec réserve), 1 résultat négatif (non éligible, "
              "incomplet, lignes rejetées), 2 entrée inutilisable ou erreur d'utilisation, "
              "130 interruption (Ctrl-C).",
        "en": "Prepare a collectivity's application to the Label Territoire Numérique Libre "
              "(ADULLACT): guided questionnaire, eligibility verdict, indicative level, "
              "application dossier, pre-check of many collectivities.\n\n"
              "Exit codes: 0 success (eligible, even with reservations), 1 negative result (not eligible, "
              "incomplete, rows rejected), 2 unusable input or usage error, 130 interrupted "
              "(Ctrl-C).",
    },
    "cli.opt_lang": {"fr": "Langue de l'interface : fr (défaut) ou en.",
                     "en": "Interface language: fr (default) or en."},
    "cli.opt_install_completion": {
        "fr": "Installe la complétion de tnl (Tab) pour le shell en cours (bash, zsh, fish, "
              "PowerShell).",
        "en": "Install tnl's completion (Tab) for the current shell (bash, zsh, fish, "
              "PowerShell)."},
    "cli.opt_show_completion": {
        "fr": "Affiche le script de complétion pour le shell en cours, pour l'installer à la "
              "main.",
        "en": "Show the completion script for the current shell, to install it by hand."},
    "cli.completion_installed": {
        "fr": "Complétion {shell} installée dans {path} : elle prendra effet dans un nouveau "
              "terminal.",
        "en": "{shell} completion installed in {path}: it takes effect in a new terminal."},
    "cli.usage_prefix": {"fr": "Utilisation :", "en": "Usage:"},
    "cli.usage_options": {"fr": "[OPTIONS]", "en": "[OPTIONS]"},
    "cli.usage_command": {"fr": "COMMANDE [ARGUMENTS]...", "en": "COMMAND [ARGS]..."},
    "cli.opt_verbose": {"fr": "Montre aussi les identifiants internes des questions (utiles "
                                "pour --set et les fichiers de réponses).",
                        "en": "Also show the questions' internal identifiers (useful for --set "
                              "and answers files)."},
    "cli.opt_no_color": {"fr": "Pas de couleurs (NO_COLOR est aussi respecté).",
                         "en": "No colours (NO_COLOR is honoured too)."},
    "cli.opt_version": {"fr": "Affiche la version et quitte.",
                        "en": "Show the version and exit."},
    "cli.opt_edition": {"fr": "Édition du label (par défaut : la plus récente).",
                        "en": "Label edition (default: the newest)."},
    "cli.opt_format": {"fr": "Format de sortie.", "en": "Output format."},
    "cli.opt_help": {"fr": "Affiche cette aide et quitte.", "en": "Show this message and exit."},
    "cli.section_arguments": {"fr": "Arguments", "en": "Arguments"},
    "cli.section_options": {"fr": "Options", "en": "Options"},
    "cli.section_commands": {"fr": "Commandes", "en": "Commands"},
    "cli.default": {"fr": "défaut : {default}", "en": "default: {default}"},
    "cli.required": {"fr": "obligatoire", "en": "required"},
    "cli.missing_command": {"fr": "commande manquante.", "en": "Missing command."},
    "cli.no_such_command": {"fr": "commande « {name} » inconnue.",
                            "en": "No such command '{name}'."},
    "cli.u_no_option": {"fr": "option inconnue : {option}{close}",
                        "en": "No such option: {option}{close}"},
    "cli.bad_edition": {"fr": "--edition « {value} » : indiquez une année, par exemple 2025.",
                        "en": "--edition '{value}': give a year, e.g. 2025."},
    "cli.bad_lang": {"fr": "--lang « {value} » : langues possibles : {allowed}.",
                     "en": "--lang '{value}': possible languages: {allowed}."},
    "cli.u_close": {"fr": " (options possibles : {names})", "en": " (possible options: {names})"},
    "cli.u_missing_argument": {"fr": "argument manquant : {name}.",
                               "en": "Missing argument '{name}'."},
    "cli.u_missing_option": {"fr": "option obligatoire manquante : {name}.",
                             "en": "Missing option '{name}'."},
    "cli.u_needs_value": {"fr": "l'option {option} attend une valeur.",
                          "en": "Option '{option}' requires an argument."},
    "cli.u_no_value": {"fr": "l'option {option} ne prend pas de valeur.",
                       "en": "Option '{option}' does not take a value."},
    "cli.u_not_integer": {"fr": "{option} : « {value} » n'est pas un nombre entier.",
                          "en": "{option}: '{value}' is not an integer."},
    "cli.u_invalid": {"fr": "valeur invalide pour {option} : {detail}",
                      "en": "Invalid value for '{option}': {detail}"},
    "cli.u_extra": {"fr": "argument(s) en trop : {extra}.",
                    "en": "Got unexpected extra arguments ({extra})."},
    "cli.u_did_you_mean": {"fr": "Vouliez-vous dire « {name} » ?",
                           "en": "Did you mean '{name}'?"},
    "cli.usage_error": {"fr": "Erreur d'utilisation : {message}",
                        "en": "Usage error: {message}"},
    "cli.u_suggest": {"fr": "Vouliez-vous dire : {command}", "en": "Did you mean: {command}"},
    "cli.try_help": {"fr": "Voir `{command} --help`.", "en": "See `{command} --help`."},
    "cli.error": {"fr": "Erreur", "en": "Error"},
    "cli.interrupted": {"fr": "Interrompu.", "en": "Interrupted."},
    "cli.bad_choice": {
        "fr": "{option} « {value} » : valeurs possibles : {allowed}.",
        "en": "{option} '{value}': possible values: {allowed}.",
    },
    "cli.criteria_help": {"fr": "Consulter et vérifier les catalogues de critères.",
                          "en": "Browse and check the criteria catalogs."},
    "cli.criteria_list_help": {"fr": "Liste les critères d'une édition.",
                               "en": "List an edition's criteria."},
    "cli.criteria_form_help": {
        "fr": "Seulement les questions d'un formulaire (badge : le formulaire simplifié du "
              "Badge 2025, une estimation : ses questions réelles ne sont pas publiques).",
        "en": "Only the questions of a form (badge: the 2025 Badge short form, an estimate: "
              "its real questions are not public).",
    },
    "cli.form_estimation": {
        "fr": "Formulaire « {form} » (estimation) : les dix questions réelles du Badge ne sont "
              "pas publiques ; celles-ci sont une estimation de tnl.",
        "en": "Form '{form}' (estimate): the Badge's ten real questions are not public; these "
              "are tnl's estimate.",
    },
    "cli.unknown_form": {
        "fr": "formulaire « {form} » inconnu dans l'édition {edition} ; formulaires "
              "disponibles : {forms}.",
        "en": "unknown form '{form}' in edition {edition}; available forms: {forms}.",
    },
    "cli.criteria_show_help": {"fr": "Affiche un critère en détail.",
                               "en": "Show one criterion in detail."},
    "cli.criteria_lint_help": {
        "fr": "Vérifie un fichier de catalogue (syntaxe, identifiants, règles, niveaux).",
        "en": "Check a catalog file (syntax, ids, rules, tiers).",
    },
    "cli.lint_ok": {"fr": "{file} : catalogue valide ({count} critères, édition {edition}).",
                    "en": "{file}: valid catalog ({count} criteria, edition {edition})."},
    "cli.lint_no_statement": {
        "fr": "note : critères sans « statement » (le dossier de candidature les passera sous "
              "silence même remplis) : {ids}.",
        "en": "note: criteria without a 'statement' (the candidacy will leave them out even "
              "when met): {ids}.",
    },
    "cli.schema_help": {"fr": "Publie le schéma JSON des fichiers de tnl.",
                        "en": "Print the JSON Schema of tnl's files."},
    "cli.schema_answers_help": {"fr": "Schéma JSON du fichier de réponses.",
                                "en": "JSON Schema of the answers file."},
    "cli.gate_mark": {"fr": "[éligibilité]", "en": "[eligibility]"},
    "cli.criterion_unknown": {"fr": "critère « {id} » inconnu dans l'édition {edition}{hint}.",
                              "en": "unknown criterion '{id}' in edition {edition}{hint}."},
    "cli.did_you_mean": {"fr": " ; vouliez-vous dire : {ids}", "en": "; did you mean: {ids}"},
    "cli.show_help_text": {"fr": "Aide", "en": "Help"},
    "cli.show_reco": {"fr": "Piste de progression", "en": "Way forward"},
    "cli.show_applies": {"fr": "Concerne", "en": "Applies to"},
    "cli.show_all_types": {"fr": "tous les types de collectivités", "en": "every collectivity type"},
    "cli.show_when": {"fr": "Posée si", "en": "Asked when"},
    "cli.show_choices": {"fr": "Options", "en": "Options"},
    "cli.show_legal": {"fr": "Base légale", "en": "Legal basis"},
    "cli.show_unit": {"fr": "Unité et bornes", "en": "Unit and bounds"},
    "cli.output_failed": {
        "fr": "impossible d'écrire sur la {stream_key} ({reason}) : le résultat n'a pas pu être "
              "affiché. Redirigez-la vers un fichier ou un autre emplacement.",
        "en": "cannot write to the {stream_key} ({reason}): the result could not be shown. Redirect "
              "it to a file or another place.",
    },
    "cli.stream_stdout": {"fr": "sortie standard", "en": "standard output"},
    "cli.stream_stderr": {"fr": "sortie d'erreur", "en": "standard error"},
}
