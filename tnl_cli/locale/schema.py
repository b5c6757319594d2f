"""Words of the answers file's JSON Schema."""

MESSAGES = {
    "schema.title": {"fr": "tnl — fichier de réponses, édition {edition}",
                     "en": "tnl — answers file, edition {edition}"},
    "schema.dossier": {
        "fr": "Textes du dossier de candidature (tnl dossier) : présentation, démarche, "
              "réalisations, projets, lieu de signature, annexes {{titre, url}}.",
        "en": "Texts of the candidacy (tnl dossier): presentation, approach, achievements, "
              "plans, place of signature, annexes {{titre, url}}.",
    },
    "schema.number": {"fr": "un nombre ; tnl lit aussi « 15,5 » ou « 15,5 % » entre guillemets",
                      "en": "a number; tnl also reads '15,5' or '15.5 %' in quotes"},
    "schema.names": {"fr": "noms séparés par |", "en": "names separated by |"},
}
