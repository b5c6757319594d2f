"""Words of `tnl compare` (last year's answers file against this year's)."""

MESSAGES = {
    "compare.help": {
        "fr": "Compare deux fichiers de réponses de la même collectivité (l'an dernier, cette "
              "année) : niveau avant et après, score par domaine, critères atteints, perdus, "
              "modifiés, nouvelles réponses, critères apparus ou retirés avec l'édition, "
              "inventaire des logiciels, obligations légales. L'ancien fichier est aussi lu dans "
              "l'édition du nouveau (en mémoire, jamais réécrit) pour comparer ce qui est "
              "comparable. Sortie 0 si la comparaison est faite, 2 si un fichier est "
              "inutilisable.",
        "en": "Compare two answers files of the same collectivity (last year, this year): tier "
              "before and after, score per domain, criteria gained, lost, changed, newly "
              "answered, criteria added or removed by the edition, software inventory, legal "
              "obligations. The old file is also read in the new file's edition (in memory, "
              "never rewritten) so that like is compared with like. Exit 0 when the comparison "
              "is made, 2 when a file is unusable.",
    },
    "compare.arg_old": {"fr": "Fichier de réponses de l'an dernier (YAML).",
                        "en": "Last year's answers file (YAML)."},
    "compare.arg_new": {"fr": "Fichier de réponses de cette année (YAML).",
                        "en": "This year's answers file (YAML)."},
    "compare.edition_gone": {
        "fr": "ce fichier est de l'édition {edition}, que cette version de tnl ne fournit pas "
              "(éditions disponibles : {available}) : il ne peut pas être évalué dans sa propre "
              "édition. Comparez des fichiers de ces éditions ; pour reprendre ses réponses dans "
              "l'édition {newest} : tnl assess --answers NOUVEAU.yaml --renew {path}.",
        "en": "this file is for edition {edition}, which this version of tnl does not ship "
              "(available editions: {available}): it cannot be assessed in its own edition. "
              "Compare files of these editions; to carry its answers over to edition {newest}: "
              "tnl assess --answers NEW.yaml --renew {path}.",
    },
    "compare.other_collectivity": {
        "fr": "Attention : ces fichiers ne décrivent pas la même collectivité ({old} dans {old_file}, "
              "{new} dans {new_file}) ; la comparaison est faite quand même, vérifiez les "
              "fichiers.",
        "en": "Warning: these files do not describe the same collectivity ({old} in "
              "{old_file}, {new} in {new_file}); the comparison is made anyway, check the "
              "files.",
    },
    "compare.newer_first": {
        "fr": "Attention : l'ancien fichier ({old_file}, édition {old}) est d'une édition plus "
              "récente que le nouveau ({new_file}, édition {new}) ; l'ordre attendu est "
              "tnl compare ANCIEN NOUVEAU.",
        "en": "Warning: the old file ({old_file}, edition {old}) is for a more recent edition "
              "than the new one ({new_file}, edition {new}); the expected order is "
              "tnl compare OLD NEW.",
    },
    "compare.unnamed": {"fr": "sans nom", "en": "no name"},
    "compare.title": {"fr": "{name} : ce qui a changé entre {old} et {new}",
                      "en": "{name}: what changed between {old} and {new}"},
    "compare.files": {"fr": "Ancien : {old_file} (édition {old}) — nouveau : {new_file} "
                            "(édition {new})",
                      "en": "Old: {old_file} (edition {old}) — new: {new_file} (edition {new})"},
    "compare.unchanged": {"fr": "Aucun changement : les deux fichiers disent la même chose.",
                          "en": "No change: both files say the same thing."},
    "compare.level_title": {"fr": "Niveau", "en": "Tier"},
    "compare.scheme": {"fr": "Édition {edition} : {scheme}",
                       "en": "Edition {edition}: {scheme}"},
    "compare.level_line": {"fr": "{edition} : {verdict}, {level}",
                           "en": "{edition}: {verdict}, {level}"},
    "compare.level_migrated": {
        "fr": "Les réponses {old} lues dans l'édition {new} : {verdict}, {level}",
        "en": "The {old} answers read in edition {new}: {verdict}, {level}",
    },
    "compare.no_level": {"fr": "aucun palier", "en": "no tier"},
    "compare.range": {"fr": "{level} (fourchette : {low} à {high})",
                      "en": "{level} (range: {low} to {high})"},
    "compare.domains_title": {"fr": "Score par domaine (barème {edition})",
                              "en": "Score per domain ({edition} scheme)"},
    "compare.domain_line": {"fr": "{name} : {before} → {after} ({delta})",
                            "en": "{name}: {before} → {after} ({delta})"},
    "compare.points": {"fr": "{percent} % ({points}/{possible} pts)",
                       "en": "{percent}% ({points}/{possible} pts)"},
    "compare.delta_points": {"fr": "{sign}{delta} points", "en": "{sign}{delta} points"},
    "compare.delta_points_one": {"fr": "{sign}{delta} point", "en": "{sign}{delta} point"},
    "compare.effect_gained": {"fr": "Critères atteints depuis l'an dernier ({count})",
                              "en": "Criteria met since last year ({count})"},
    "compare.effect_lost": {"fr": "Critères qui ne sont plus atteints ({count})",
                            "en": "Criteria no longer met ({count})"},
    "compare.effect_changed": {"fr": "Valeurs modifiées ({count})",
                               "en": "Values changed ({count})"},
    "compare.effect_answered": {"fr": "Questions répondues cette année ({count})",
                                "en": "Questions answered this year ({count})"},
    "compare.effect_new_criterion": {"fr": "Critères nouveaux dans l'édition {new} ({count})",
                                     "en": "Criteria new in edition {new} ({count})"},
    "compare.effect_removed_criterion": {
        "fr": "Critères retirés dans l'édition {new} ({count})",
        "en": "Criteria removed in edition {new} ({count})",
    },
    "compare.change_line": {"fr": "{question} ({id}) : {before} → {after}",
                            "en": "{question} ({id}): {before} → {after}"},
    "compare.new_line": {"fr": "{question} ({id}) : {after}{met}",
                         "en": "{question} ({id}): {after}{met}"},
    "compare.new_met": {"fr": " — atteint", "en": " — met"},
    "compare.removed_line": {"fr": "{question} ({id}) : {before} l'an dernier",
                             "en": "{question} ({id}): {before} last year"},
    "compare.inventory_title": {"fr": "Inventaire des logiciels", "en": "Software inventory"},
    "compare.added": {"fr": "Ajoutés : {names}", "en": "Added: {names}"},
    "compare.removed": {"fr": "Retirés : {names}", "en": "Removed: {names}"},
    "compare.share_line": {"fr": "{use} : {before} → {after}", "en": "{use}: {before} → {after}"},
    "compare.share": {"fr": "{free} libre(s) sur {total}", "en": "{free} free out of {total}"},
    "compare.share_none": {"fr": "aucun", "en": "none"},
    "compare.legal_title": {"fr": "Obligations légales dont le statut a changé",
                            "en": "Legal obligations whose status changed"},
    "compare.legal_line": {"fr": "{question} : {before} → {after} ({basis})",
                           "en": "{question}: {before} → {after} ({basis})"},
    "compare.status_met": {"fr": "remplie", "en": "met"},
    "compare.status_unmet": {"fr": "non remplie", "en": "not met"},
    "compare.status_unanswered": {"fr": "sans réponse", "en": "unanswered"},
    "compare.status_not_applicable": {"fr": "ne s'applique pas", "en": "does not apply"},
    "compare.status_unknown": {"fr": "inconnu", "en": "unknown"},
    "compare.absent": {"fr": "—", "en": "—"},
}
