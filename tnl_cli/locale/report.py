"""Words of the assessment's terminal view and JSON."""

MESSAGES = {
    "report.title": {"fr": "Label Territoire Numérique Libre {edition} — {name}",
                     "en": "Label Territoire Numérique Libre {edition} — {name}"},
    "report.unnamed": {"fr": "collectivité sans nom", "en": "unnamed collectivity"},
    "report.verdict": {"fr": "Verdict", "en": "Verdict"},
    "report.verdict_eligible": {"fr": "ÉLIGIBLE", "en": "ELIGIBLE"},
    "report.verdict_not_eligible": {"fr": "NON ÉLIGIBLE", "en": "NOT ELIGIBLE"},
    "report.verdict_eligible_with_reservations": {
        "fr": "ÉLIGIBLE, AVEC RÉSERVE (le jury décide)",
        "en": "ELIGIBLE, WITH RESERVATIONS (the jury decides)"},
    "report.verdict_unknown": {"fr": "VERDICT INCONNU ({verdict})",
                               "en": "UNKNOWN VERDICT ({verdict})"},
    "report.verdict_incomplete": {"fr": "INCOMPLET (réponses manquantes)",
                                  "en": "INCOMPLETE (answers missing)"},
    "report.level": {"fr": "Niveau estimé : {level}", "en": "Estimated level: {level}"},
    "report.level_range": {
        "fr": "Niveau estimé : {level} (entre {low} et {high} selon les {count} questions "
              "sans réponse)",
        "en": "Estimated level: {level} (between {low} and {high} depending on the {count} "
              "unanswered questions)",
    },
    "report.level_range_one": {
        "fr": "Niveau estimé : {level} (entre {low} et {high} selon la question sans réponse)",
        "en": "Estimated level: {level} (between {low} and {high} depending on the unanswered "
              "question)",
    },
    "report.level_settled": {
        "fr": "Niveau estimé : {level} (les questions sans réponse n'y changeraient rien)",
        "en": "Estimated level: {level} (the unanswered questions would not change it)",
    },
    "report.no_level": {"fr": "aucun", "en": "none"},
    "report.badge_yes": {
        "fr": "Badge (estimation) : obtenu (formulaire simplifié complet ; ses dix questions "
              "réelles ne sont pas publiques, celles de tnl sont une estimation)",
        "en": "Badge (estimate): granted (short form complete; its ten real questions are not "
              "public, tnl's are an estimate)",
    },
    "report.badge_gates": {
        "fr": "Badge (estimation) : pas encore (il demande d'abord un verdict d'éligibilité)",
        "en": "Badge (estimate): not yet (it first needs an eligibility verdict)",
    },
    "report.badge_missing": {
        "fr": "Badge (estimation) : pas encore ({count} question(s) du formulaire simplifié "
              "sans réponse ; tnl assess --form badge les pose)",
        "en": "Badge (estimate): not yet ({count} question(s) of the short form unanswered; "
              "tnl assess --form badge asks them)",
    },
    "report.not_concerned": {"fr": "Non concerné : {questions}",
                             "en": "Not concerned: {questions}"},
    "report.not_concerned_value": {"fr": "non concerné", "en": "not concerned"},
    "report.mention": {"fr": "Mention possible : {name} — {why}",
                       "en": "Possible mention: {name} — {why}"},
    "report.domains": {"fr": "Score par domaine", "en": "Score per domain"},
    "report.domain": {"fr": "Domaine", "en": "Domain"},
    "report.points": {"fr": "Points", "en": "Points"},
    "report.met": {"fr": "Critères remplis", "en": "Criteria met"},
    "report.met_short": {"fr": "Remplis", "en": "Met"},
    "report.progress": {"fr": "Progression", "en": "Progress"},
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
    "report.replace": {"fr": "Remplacer {name} par un logiciel libre : {alternatives}.",
                       "en": "Replace {name} with free software: {alternatives}."},
    "report.inventory": {"fr": "Inventaire des logiciels (part de logiciels libres par usage) :",
                         "en": "Software inventory (share of free software per use):"},
    "report.share": {"fr": "{domain} : {free} libre(s) sur {total}",
                     "en": "{domain}: {free} free out of {total}"},
    "report.unknown_software": {
        "fr": "Logiciels inconnus du catalogue, à qualifier ({{nom: …, libre: oui|non}}) : {names}",
        "en": "Software unknown to the catalog, to qualify ({{nom: …, libre: yes|no}}): {names}",
    },
    "report.legal": {"fr": "Obligations légales :", "en": "Legal obligations:"},
    "report.use_other": {"fr": "Autres logiciels (hors catalogue)",
                         "en": "Other software (not in the catalog)"},
    "report.obligation": {"fr": "{question} — {status} ({basis})",
                          "en": "{question} — {status} ({basis})"},
    "report.obligation_met": {"fr": "respectée", "en": "met"},
    "report.obligations_met": {"fr": "Obligations respectées (critères à base légale) : {count}",
                               "en": "Obligations met (criteria with a legal basis): {count}"},
    "report.obligation_unmet": {"fr": "NON RESPECTÉE", "en": "NOT MET"},
    "report.obligation_unanswered": {"fr": "sans réponse", "en": "unanswered"},
    "report.obligation_not_applicable": {"fr": "ne s'applique pas", "en": "does not apply"},
    "report.obligation_unknown": {"fr": "à vérifier", "en": "to check"},
    "report.obligation_line_not_applicable": {"fr": "Ne s'applique pas : {question} ({reason})",
                                              "en": "Does not apply: {question} ({reason})"},
    "report.obligation_line_unknown": {"fr": "À vérifier : {question} ({reason})",
                                       "en": "To check: {question} ({reason})"},
    "report.recommendations": {"fr": "Recommandations de la loi (pas des obligations) :",
                               "en": "What the law recommends (not obligations):"},
    "report.recommendation_met": {"fr": "suivie : {question} ({basis})",
                                  "en": "followed: {question} ({basis})"},
    "report.recommendation_unmet": {"fr": "pas encore suivie : {question} ({basis})",
                                    "en": "not followed yet: {question} ({basis})"},
    "report.recommendation_unanswered": {"fr": "sans réponse : {question} ({basis})",
                                         "en": "unanswered: {question} ({basis})"},
    "report.recommendation_not_applicable": {"fr": "ne s'applique pas : {question} ({reason})",
                                             "en": "does not apply: {question} ({reason})"},
    "report.recommendation_unknown": {"fr": "à vérifier : {question} ({reason})",
                                      "en": "to check: {question} ({reason})"},
    "report.check_ok": {"fr": "Conforme : {answer} ({rule})", "en": "Compliant: {answer} ({rule})"},
    "report.check_not_allowed": {
        "fr": "Non conforme : {answer}. {rule}",
        "en": "Not compliant: {answer}. {rule}",
    },
    "report.check_not_required": {
        "fr": "Pas d'obligation : {answer}. {rule}",
        "en": "No obligation: {answer}. {rule}",
    },
    "report.obligation_because": {"fr": "{status} : {reason}", "en": "{status}: {reason}"},
    "report.apply_title": {
        "fr": "Comment candidater (édition {edition}) :",
        "en": "How to apply (edition {edition}):",
    },
    "report.apply_where": {"fr": "Où : {where}", "en": "Where: {where}"},
    "report.apply_dates": {
        "fr": "Quand : du {opens} au {deadline}",
        "en": "When: from {opens} to {deadline}",
    },
    "report.apply_deadline": {
        "fr": "Quand : jusqu'au {deadline} (date d'ouverture non publiée)",
        "en": "When: until {deadline} (opening date not published)",
    },
    "report.apply_no_deadline": {
        "fr": "Quand : date limite inconnue, à vérifier auprès des organisateurs",
        "en": "When: deadline unknown, check with the organisers",
    },
    "report.apply_documents": {"fr": "À lire : {documents}", "en": "To read: {documents}"},
    "report.apply_source": {"fr": "Source : {source}", "en": "Source: {source}"},
    "report.apply_to_check": {"fr": "À vérifier : {what}", "en": "To check: {what}"},
    "report.apply_not_open": {
        "fr": "Le dépôt n'est pas encore ouvert ; il ferme dans {days} jours, le {deadline}.",
        "en": "Submission is not open yet; it closes in {days} days, on {deadline}.",
    },
    "report.apply_open": {
        "fr": "Il reste {days} jours pour déposer la candidature (jusqu'au {deadline}).",
        "en": "{days} days left to submit the application (until {deadline}).",
    },
    "report.apply_open_one": {
        "fr": "Il reste 1 jour pour déposer la candidature (jusqu'au {deadline}).",
        "en": "1 day left to submit the application (until {deadline}).",
    },
    "report.apply_last_day": {
        "fr": "Dernier jour pour déposer la candidature : aujourd'hui, {deadline}.",
        "en": "Last day to submit the application: today, {deadline}.",
    },
    "report.apply_closed": {
        "fr": "ATTENTION : la date limite de l'édition {edition} ({deadline}) est passée depuis "
              "{days} jours ; ce dossier ne peut plus être déposé pour cette édition : "
              "vérifiez le calendrier de la suivante.",
        "en": "WARNING: the deadline of the {edition} edition ({deadline}) passed {days} days "
              "ago; this dossier can no longer be submitted for that edition: check the next "
              "edition's calendar.",
    },
    "report.apply_closed_one": {
        "fr": "ATTENTION : la date limite de l'édition {edition} ({deadline}) est passée "
              "d'un jour ; ce dossier ne peut plus être déposé pour cette édition : vérifiez "
              "le calendrier de la suivante.",
        "en": "WARNING: the deadline of the {edition} edition ({deadline}) passed yesterday; "
              "this dossier can no longer be submitted for that edition: check the next "
              "edition's calendar.",
    },
    "report.apply_not_tnl": {
        "fr": "tnl prépare vos réponses et vos textes ; ce n'est pas la candidature : celle-ci "
              "se fait sur le formulaire en ligne des organisateurs.",
        "en": "tnl prepares your answers and texts; it is not the application: that is made "
              "on the organisers' online form.",
    },
    "report.check_unknown": {"fr": "À vérifier (pas de réponse) : {rule}",
                             "en": "To check (no answer): {rule}"},
    "report.warning": {"fr": "Attention :", "en": "Warning:"},
    "report.effort_faible": {"fr": "effort faible", "en": "low effort"},
    "report.effort_moyen": {"fr": "effort moyen", "en": "medium effort"},
    "report.effort_eleve": {"fr": "effort élevé", "en": "high effort"},
    "report.yes": {"fr": "oui", "en": "yes"},
    "report.no": {"fr": "non", "en": "no"},
    "report.unanswered": {"fr": "sans réponse", "en": "unanswered"},
}

# Month names for dates in legal reasons (report.assessment.date_text)
MONTHS = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}

# English names of the software catalog's use domains (tnl_cli/data/logiciels.json holds the
# French ones); a domain missing here is shown with its French name.
USE_DOMAINS_EN = {
    "bureautique": "Office suite",
    "messagerie": "E-mail, calendar and chat",
    "collaboratif": "Collaboration and file sharing",
    "visio": "Video conferencing",
    "navigateur": "Web browsing",
    "graphisme": "Graphics and desktop publishing",
    "multimedia": "Audio and video",
    "sig": "Geographic information",
    "web": "Websites and analytics",
    "systeme": "Systems, servers and device fleet",
    "reseau": "Network",
    "donnees": "Databases and data",
    "securite": "Security and identity",
    "developpement": "Software development",
    "gestion": "Management and steering",
    "metier": "Local government business software",
    "accessibilite": "Accessibility",
    "education": "Teaching and training",
}
