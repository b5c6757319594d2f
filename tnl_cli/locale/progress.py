"""Words of the candidacy's section "Nos progrès depuis {année}" (`tnl dossier --previous`):
only what went forward, in the collectivity's voice; what was lost goes to standard error."""

MESSAGES = {
    "progress.title": {"fr": "Nos progrès depuis {year}", "en": "Our progress since {year}"},
    "progress.intro": {
        "fr": "Depuis notre dossier de l'édition {year}, nous avons franchi les étapes "
              "suivantes.",
        "en": "Since our {year} application, we have taken the following steps.",
    },
    "progress.was": {"fr": " (contre {value} en {year})", "en": " (up from {value} in {year})"},
    "progress.was_choice": {"fr": " (auparavant : {value})", "en": " (previously: {value})"},
    "progress.added": {"fr": " (nouveau depuis {year} : {added})",
                       "en": " (new since {year}: {added})"},
    "progress.software": {
        "fr": "Nous avons adopté depuis {year} les logiciels libres suivants : {names}.",
        "en": "Since {year} we have adopted the following free software: {names}.",
    },
    "progress.share": {
        "fr": "Pour l'usage « {use} », {percent} de nos logiciels recensés sont libres ({free} "
              "sur {total}), contre {before} en {year}.",
        "en": "For '{use}', {percent} of the software we list is free ({free} out of "
              "{total}), up from {before} in {year}.",
    },
    "progress.share_new": {
        "fr": "Pour l'usage « {use} », {percent} de nos logiciels recensés sont libres ({free} "
              "sur {total}) ; aucun logiciel n'y était recensé en {year}.",
        "en": "For '{use}', {percent} of the software we list is free ({free} out of "
              "{total}); none was listed there in {year}.",
    },
    # standard error, for the team
    "progress.opt_previous": {
        "fr": "Fichier de réponses de l'an dernier : ajoute au dossier la section « Nos progrès "
              "depuis ANNÉE » (ce qui a été atteint ou amélioré depuis ; rien de ce qui a été "
              "perdu, dit sur la sortie d'erreur).",
        "en": "Last year's answers file: adds the section 'Our progress since YEAR' to the "
              "dossier (what was achieved or improved since; nothing of what was lost, told on "
              "standard error).",
    },
    "progress.none": {
        "fr": "Aucun progrès à présenter depuis {year} ({file}) : la section « Nos progrès » "
              "n'est pas ajoutée.",
        "en": "No progress to present since {year} ({file}): the section 'Our progress' is not "
              "added.",
    },
    "progress.lost": {
        "fr": "Depuis {year}, ne sont plus atteints (absents du dossier, voir tnl compare) : {ids}",
        "en": "No longer met since {year} (left out of the dossier, see tnl compare): {ids}",
    },
}
