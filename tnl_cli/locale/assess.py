"""Words of `tnl assess`."""

MESSAGES = {
    "assess.help": {
        "fr": "Évalue la collectivité : verdict d'éligibilité, niveau indicatif, score par "
              "domaine et étapes vers le niveau suivant. Sur un terminal, pose les questions "
              "une à une (reprise possible) ; sinon, lit le fichier --answers. "
              "Sortie 0 si éligible, 1 si non éligible ou incomplet, 2 si l'entrée est "
              "inutilisable.",
        "en": "Assess the collectivity: eligibility verdict, indicative level, score per "
              "domain and steps to the next level. On a terminal, asks the questions one by "
              "one (resumable); otherwise reads the --answers file. Exit 0 if eligible, 1 if "
              "not eligible or incomplete, 2 if the input is unusable.",
    },
    "assess.opt_answers": {
        "fr": "Fichier de réponses YAML (sur un terminal, défaut ./tnl-reponses.yaml).",
        "en": "YAML answers file (on a terminal, default ./tnl-reponses.yaml).",
    },
    "assess.opt_set": {
        "fr": "Répond à une question sans le questionnaire : la réponse est enregistrée dans "
              "le fichier puis évaluée, par exemple --set ouverture_donnees=oui ou "
              "--set collectivite.population=4200 (répétable).",
        "en": "Answer one question without the walk: the answer is saved in the file, then "
              "evaluated, e.g. --set ouverture_donnees=yes or "
              "--set collectivite.population=4200 (repeatable).",
    },
    "assess.opt_edition": {
        "fr": "Édition dans laquelle évaluer. Par défaut, celle du fichier de réponses (un "
              "nouveau questionnaire, la plus récente) ; une autre édition y fait passer les "
              "réponses, celles des critères disparus sont signalées et ignorées.",
        "en": "Edition to assess in. By default, the answers file's own (a new walk, the "
              "newest); another edition moves the answers to it, those of criteria that no "
              "longer exist are reported and ignored.",
    },
    "assess.opt_dry_run": {
        "fr": "Avec --set : évaluer sans rien enregistrer dans le fichier (simulation).",
        "en": "With --set: evaluate without saving anything in the file (what-if).",
    },
    "assess.set_saved": {
        "fr": "Enregistré dans {file} : {ids}.",
        "en": "Saved in {file}: {ids}.",
    },
    "assess.set_not_saved": {
        "fr": "{file} est rempli pour l'édition {edition} : --set n'y est pas enregistré. "
              "Pour le passer à la nouvelle édition (avec une copie de l'original), lancez "
              "tnl assess --answers {file} sur un terminal.",
        "en": "{file} is filled in for edition {edition}: --set is not saved in it. To move it "
              "to the new edition (keeping a copy of the original), run "
              "tnl assess --answers {file} on a terminal.",
    },
    "assess.opt_review": {
        "fr": "Repasse toutes les questions, avec les réponses enregistrées par défaut.",
        "en": "Walk every question again, with the saved answers as defaults.",
    },
    "assess.need_answers": {
        "fr": "pas de terminal interactif : indiquez un fichier de réponses avec "
              "--answers FICHIER (par exemple tnl assess --answers tnl-reponses.yaml).",
        "en": "no interactive terminal: give an answers file with --answers FILE (e.g. "
              "tnl assess --answers tnl-reponses.yaml).",
    },
    "assess.need_answers_terminal": {
        "fr": "--format json et --set évaluent un fichier : indiquez-le avec --answers FICHIER "
              "(sans ces options, tnl assess pose les questions).",
        "en": "--format json and --set evaluate a file: give it with --answers FILE (without "
              "these options, tnl assess asks the questions).",
    },
    "assess.opt_output": {
        "fr": "Écrit le rapport d'autoévaluation (pour l'équipe : verdict, niveau indicatif, "
              "scores, pistes de progression, obligations légales) dans ce fichier ; le format "
              "suit l'extension (.md, .html, .odt). Le dossier pour le jury : tnl dossier.",
        "en": "Write the self-assessment report (for the team: verdict, indicative tier, "
              "scores, ways forward, legal obligations) to this file; the format follows the "
              "extension (.md, .html, .odt). The dossier for the jury: tnl dossier.",
    },
    "assess.opt_force": {
        "fr": "Remplace le fichier existant : le rapport écrit avec -o, ou le fichier de réponses "
              "de l'année créé avec --renew.",
        "en": "Replace the existing file: the report written with -o, or this year's answers "
              "file created with --renew.",
    },
    "assess.opt_template_dir": {
        "fr": "Répertoire de modèles Jinja personnalisés du rapport (rapport.md.j2, "
              "rapport.html.j2), consulté avant les modèles fournis.",
        "en": "Directory of custom Jinja templates of the report (rapport.md.j2, "
              "rapport.html.j2), searched before the bundled ones.",
    },
    "assess.report_written": {
        "fr": "Rapport d'autoévaluation écrit : {file} ({format}). Verdict : {verdict}.",
        "en": "Self-assessment report written: {file} ({format}). Verdict: {verdict}.",
    },
    "assess.walk_only": {
        "fr": "{option} ne sert qu'au questionnaire guidé sur un terminal : ignoré ici.",
        "en": "{option} only applies to the guided walk on a terminal: ignored here.",
    },
    "assess.migrated_gone": {
        "fr": "Réponses ignorées, ces critères n'existent plus dans l'édition {edition} : {ids}",
        "en": "Answers ignored, these criteria no longer exist in edition {edition}: {ids}",
    },
}
