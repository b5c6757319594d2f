"""Words of `tnl assess --renew` (this year's file started from last year's)."""

MESSAGES = {
    "renew.opt_renew": {
        "fr": "Crée le fichier --answers à partir du fichier de l'an dernier, repris dans "
              "l'édition de cette année (l'ancien fichier n'est jamais modifié), puis repasse "
              "les questions, les réponses de l'an dernier proposées par défaut.",
        "en": "Create the --answers file from last year's file, carried over to this year's "
              "edition (the old file is never modified), then walk the questions again, last "
              "year's answers proposed as defaults.",
    },
    "renew.opt_last_label": {
        "fr": "Avec --renew : le label obtenu l'an dernier (un niveau de cette édition-là, par "
              "exemple bronze ou 3, ou « aucun »), enregistré dans labels_anterieurs. Sur un "
              "terminal, la question est posée.",
        "en": "With --renew: the label obtained last year (a tier of that edition, e.g. bronze "
              "or 3, or 'none'), recorded in labels_anterieurs. On a terminal, the question is "
              "asked.",
    },
    "renew.need_answers": {
        "fr": "--renew crée un nouveau fichier : indiquez-le avec --answers, par exemple "
              "tnl assess --answers reponses-2026.yaml --renew reponses-2025.yaml.",
        "en": "--renew creates a new file: name it with --answers, e.g. "
              "tnl assess --answers reponses-2026.yaml --renew reponses-2025.yaml.",
    },
    "renew.only_with_renew": {
        "fr": "{option} ne sert qu'avec --renew : ignoré ici.",
        "en": "{option} only applies with --renew: ignored here.",
    },
    "renew.same_file": {
        "fr": "--answers et --renew désignent le même fichier ({path}) : le fichier de l'an "
              "dernier n'est jamais réécrit ; donnez un autre nom au fichier de cette année.",
        "en": "--answers and --renew name the same file ({path}): last year's file is never "
              "rewritten; give this year's file another name.",
    },
    "renew.exists": {
        "fr": "{path} existe déjà : --renew ne remplace un fichier qu'avec --force (pour "
              "reprendre ce fichier-là : tnl assess --answers {path}).",
        "en": "{path} already exists: --renew replaces a file only with --force (to go on with "
              "that file: tnl assess --answers {path}).",
    },
    "renew.bad_label": {
        "fr": "« {value} » n'est pas un niveau de cette édition ; possibles : {allowed}.",
        "en": "'{value}' is not a tier of that edition; possible: {allowed}.",
    },
    "renew.bad_label_option": {
        "fr": "--last-label : « {value} » n'est pas un niveau de l'édition {year} ; "
              "possibles : {allowed}.",
        "en": "--last-label: '{value}' is not a tier of edition {year}; possible: {allowed}.",
    },
    "renew.ask_label": {
        "fr": "Quel label la collectivité a-t-elle obtenu à l'édition {year} ?",
        "en": "Which label did the collectivity obtain at the {year} edition?",
    },
    "renew.ask_label_text": {
        "fr": "Le niveau obtenu, ou « aucun ».",
        "en": "The tier obtained, or 'aucun' (none).",
    },
    "renew.no_label": {"fr": "Aucun label", "en": "No label"},
    "renew.created": {
        "fr": "{new} créé à partir de {old} (édition {from_edition} → {edition}) ; {old} n'est "
              "pas modifié.",
        "en": "{new} created from {old} (edition {from_edition} → {edition}); {old} is not "
              "modified.",
    },
    "renew.new_criteria": {
        "fr": "Critères nouveaux dans l'édition {edition}, à répondre ({count}) :",
        "en": "Criteria new in edition {edition}, to answer ({count}):",
    },
    "renew.created_same": {
        "fr": "{new} créé à partir de {old} (même édition, {edition}) ; {old} n'est pas modifié.",
        "en": "{new} created from {old} (same edition, {edition}); {old} is not modified.",
    },
    "renew.label_recorded": {
        "fr": "Label obtenu en {year} : {level} (enregistré dans labels_anterieurs).",
        "en": "Label obtained in {year}: {level} (recorded in labels_anterieurs).",
    },
    "renew.label_none": {
        "fr": "Aucun label obtenu en {year}.",
        "en": "No label obtained in {year}.",
    },
    "renew.label_not_asked": {
        "fr": "Le label obtenu en {year} n'est pas enregistré : ajoutez --last-label NIVEAU "
              "(ou --last-label aucun).",
        "en": "The label obtained in {year} is not recorded: add --last-label TIER (or "
              "--last-label none).",
    },
}
