"""Words of evidence/apply.py: proposed answers written into an answers file."""

MESSAGES = {
    "evidence.applied": {"fr": "  + {id} : {new}", "en": "  + {id}: {new}"},
    "evidence.replaced": {
        "fr": "  ! {id} : votre réponse {old} remplacée par {new} (--force)",
        "en": "  ! {id}: your answer {old} replaced by {new} (--force)",
    },
    "evidence.refreshed": {
        "fr": "  = {id} : même réponse, source ajoutée ou mise à jour",
        "en": "  = {id}: same answer, source added or refreshed",
    },
    "evidence.conflict": {
        "fr": "  ≠ {id} : votre réponse {old} est gardée ; le fichier propose {new}",
        "en": "  ≠ {id}: your answer {old} is kept; the file proposes {new}",
    },
    "evidence.not_asked": {
        "fr": "  (questions absentes de l'édition {edition}, non reprises : {ids})",
        "en": "  (questions not in edition {edition}, left out: {ids})",
    },
    "evidence.backup": {
        "fr": "{file} contenait des commentaires, que tnl ne sait pas garder en réécrivant le "
              "fichier : le fichier d'origine est conservé sous {backup}.",
        "en": "{file} held comments, which tnl cannot keep when it rewrites the file: the "
              "original file is kept as {backup}.",
    },
    "evidence.written": {"fr": "{file} mis à jour ({count} réponse(s)).",
                         "en": "{file} updated ({count} answer(s))."},
    "evidence.created": {"fr": "{file} créé ({count} réponse(s)).",
                         "en": "{file} created ({count} answer(s))."},
    "evidence.unchanged": {"fr": "{file} n'est pas modifié.",
                           "en": "{file} is not changed."},
    "evidence.dry_run": {
        "fr": "Rien n'est écrit : ajoutez --apply pour enregistrer ces réponses dans {file}.",
        "en": "Nothing is written: add --apply to save these answers to {file}.",
    },
    "evidence.force_hint": {
        "fr": "Vos réponses différentes sont gardées. Pour les remplacer par les valeurs "
              "proposées : relancez avec --force.",
        "en": "Your different answers are kept. To replace them with the proposed values: run "
              "again with --force.",
    },
    "evidence.empty_value": {
        "fr": "la valeur proposée pour {id} est vide ; rien n'est écrit.",
        "en": "the value proposed for {id} is empty; nothing is written.",
    },
    "evidence.round_trip": {
        "fr": "le fichier à écrire ne se relit pas à l'identique (anomalie de tnl, à signaler) ; "
              "rien n'est écrit.",
        "en": "the file to write does not read back the same (a tnl bug, please report it); "
              "nothing is written.",
    },
    "evidence.nothing": {"fr": "(aucune)", "en": "(none)"},
    "evidence.more": {"fr": " et {count} autre(s)", "en": " and {count} more"},
}
