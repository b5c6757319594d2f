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
        "fr": "Remplace ou ajoute une réponse, par exemple --set ouverture_donnees=oui ou "
              "--set collectivite.population=4200 (répétable).",
        "en": "Override or add one answer, e.g. --set ouverture_donnees=yes or "
              "--set collectivite.population=4200 (repeatable).",
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
    "assess.walk_only": {
        "fr": "{option} ne sert qu'au questionnaire guidé sur un terminal : ignoré ici.",
        "en": "{option} only applies to the guided walk on a terminal: ignored here.",
    },
    "assess.migrated_gone": {
        "fr": "Réponses ignorées, ces critères n'existent plus dans l'édition {edition} : {ids}",
        "en": "Answers ignored, these criteria no longer exist in edition {edition}: {ids}",
    },
}
