"""Words of the assessment's terminal view and JSON."""

MESSAGES = {
    "report.title": {"fr": "Label Territoire Numérique Libre {edition} — {name}",
                     "en": "Label Territoire Numérique Libre {edition} — {name}"},
    "report.unnamed": {"fr": "collectivité sans nom", "en": "unnamed collectivity"},
    "report.verdict": {"fr": "Verdict", "en": "Verdict"},
    "report.verdict_eligible": {"fr": "ÉLIGIBLE", "en": "ELIGIBLE"},
    "report.verdict_not_eligible": {"fr": "NON ÉLIGIBLE", "en": "NOT ELIGIBLE"},
    "report.verdict_incomplete": {"fr": "INCOMPLET (réponses manquantes)",
                                  "en": "INCOMPLETE (answers missing)"},
    "report.level": {"fr": "Niveau indicatif : {level} ({rank}/{total})",
                     "en": "Indicative level: {level} ({rank}/{total})"},
    "report.no_level": {"fr": "aucun palier atteint", "en": "no tier reached"},
    "report.mention": {"fr": "Mention possible : {name} — {why}",
                       "en": "Possible mention: {name} — {why}"},
    "report.domains": {"fr": "Score par domaine", "en": "Score per domain"},
    "report.domain": {"fr": "Domaine", "en": "Domain"},
    "report.points": {"fr": "Points", "en": "Points"},
    "report.met": {"fr": "Critères remplis", "en": "Criteria met"},
    "report.next": {"fr": "Pour atteindre « {name} » (le moins d'effort d'abord) :",
                    "en": "To reach '{name}' (least effort first):"},
    "report.unreachable": {
        "fr": "Ce palier ne peut pas être atteint avec les seules réponses aux critères "
              "(voir ci-dessous ce qui s'en rapproche le plus).",
        "en": "This tier cannot be reached through criteria alone (below, what comes "
              "closest).",
    },
    "report.top": {"fr": "Vous êtes au palier le plus haut de cette édition.",
                   "en": "You are at this edition's highest tier."},
    "report.warning": {"fr": "Attention :", "en": "Warning:"},
    "report.effort_faible": {"fr": "effort faible", "en": "low effort"},
    "report.effort_moyen": {"fr": "effort moyen", "en": "medium effort"},
    "report.effort_eleve": {"fr": "effort élevé", "en": "high effort"},
    "report.yes": {"fr": "oui", "en": "yes"},
    "report.no": {"fr": "non", "en": "no"},
    "report.unanswered": {"fr": "sans réponse", "en": "unanswered"},
}
