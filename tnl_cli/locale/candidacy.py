"""Words of the candidacy (`tnl dossier`), the document the jury reads.

Keys `candidacy.l_*` are the fixed labels templates receive as `t.*` (without the `l_`
prefix); the others are sentences built in Python, and the notes printed on standard error
about what the dossier still lacks.
"""

MESSAGES = {
    # ---------------------------------------------------------------- sentences
    "candidacy.title": {"fr": "Candidature au label Territoire Numérique Libre {edition}",
                        "en": "Application for the Territoire Numérique Libre label {edition}"},
    "candidacy.edition": {"fr": "Label Territoire Numérique Libre, édition {edition}",
                          "en": "Territoire Numérique Libre label, {edition} edition"},
    "candidacy.intro": {
        "fr": "{subject} présente sa candidature à l'édition {edition} du label Territoire "
              "Numérique Libre, décerné par l'ADULLACT.",
        "en": "{subject} applies for the {edition} edition of the Territoire Numérique Libre "
              "label, awarded by ADULLACT.",
    },
    "candidacy.intro_sections": {"fr": "Ce dossier présente {parts}",
                                 "en": "This dossier presents {parts}"},
    "candidacy.intro_presentation": {"fr": "notre collectivité", "en": "our authority"},
    "candidacy.intro_demarche": {
        "fr": "notre démarche en faveur du logiciel libre et des données ouvertes",
        "en": "our approach to free software and open data"},
    "candidacy.intro_actions": {"fr": "nos actions", "en": "our actions"},
    "candidacy.intro_progres": {"fr": "nos progrès", "en": "our progress"},
    "candidacy.intro_projets": {"fr": "nos projets", "en": "our plans"},
    "candidacy.intro_annexes": {"fr": " ; les pièces qui les attestent sont listées en annexe",
                                "en": "; the documents that attest them are listed in the "
                                      "annexes"},
    "candidacy.st_free_software_services": {
        "fr": "Nous utilisons des logiciels libres dans nos services.",
        "en": "We use free software in our departments."},
    "candidacy.st_free_software_ecoles": {
        "fr": "Nous utilisons des logiciels libres dans nos services et dans nos écoles.",
        "en": "We use free software in our departments and in our schools."},
    "candidacy.st_free_software_colleges": {
        "fr": "Nous utilisons des logiciels libres dans nos services et dans nos collèges.",
        "en": "We use free software in our departments and in our secondary schools."},
    "candidacy.st_free_software_lycees": {
        "fr": "Nous utilisons des logiciels libres dans nos services et dans nos lycées.",
        "en": "We use free software in our departments and in our high schools."},
    "candidacy.st_open_data_published": {
        "fr": "Nous publions nos données publiques en données ouvertes.",
        "en": "We publish our public data as open data."},
    "candidacy.logo_alt": {"fr": "Logo : {name}", "en": "Logo: {name}"},
    "candidacy.kf_population": {"fr": "habitants", "en": "inhabitants"},
    "candidacy.kf_agents": {"fr": "agents", "en": "staff"},
    "candidacy.kf_office": {"fr": "des postes de travail avec une suite bureautique libre",
                            "en": "of workstations with a free office suite"},
    "candidacy.kf_os": {"fr": "des postes sous un système d'exploitation libre",
                        "en": "of workstations on a free operating system"},
    "candidacy.kf_trained": {"fr": "agents formés aux logiciels libres en un an",
                             "en": "staff trained in free software in a year"},
    "candidacy.kf_datasets": {"fr": "jeux de données ouverts", "en": "open datasets"},
    "candidacy.kf_savings": {"fr": "d'économies estimées par an",
                             "en": "estimated savings a year"},
    "candidacy.kf_of": {"fr": "{count} sur {base}", "en": "{count} of {base}"},
    "candidacy.kf_free_listed": {"fr": "logiciels recensés sont libres",
                                 "en": "listed programs are free software"},
    "candidacy.kf_budget": {"fr": "Budget", "en": "Budget"},
    "candidacy.kf_equipe": {"fr": "Équipe", "en": "Team"},
    "candidacy.count_of_base": {"fr": "{count} {unit} sur {base}",
                                "en": "{count} {unit} out of {base}"},
    "candidacy.source_dated": {"fr": "{kind} du {date}", "en": "{kind} of {date}"},
    "candidacy.unit_postes": {"fr": "postes", "en": "workstations"},
    "candidacy.unit_logiciels": {"fr": "logiciels", "en": "programs"},
    "candidacy.unit_jeux_de_donnees": {"fr": "jeux de données", "en": "datasets"},
    "candidacy.unit_ressources": {"fr": "ressources", "en": "resources"},
    "candidacy.format_glpi_agent_json": {"fr": "inventaire GLPI Agent",
                                         "en": "GLPI Agent inventory"},
    "candidacy.format_fusioninventory_xml": {"fr": "inventaire FusionInventory",
                                             "en": "FusionInventory inventory"},
    "candidacy.format_glpi_export": {"fr": "export GLPI", "en": "GLPI export"},
    "candidacy.format_ocs_export": {"fr": "export OCS Inventory", "en": "OCS Inventory export"},
    "candidacy.format_datagouv_export": {"fr": "export data.gouv.fr",
                                         "en": "data.gouv.fr export"},
    "candidacy.format_opendatafrance": {"fr": "catalogue OpenDataFrance",
                                        "en": "OpenDataFrance catalogue"},
    "candidacy.council_commune": {"fr": "le conseil municipal", "en": "the municipal council"},
    "candidacy.council_epci": {"fr": "le conseil communautaire", "en": "the community council"},
    "candidacy.council_metropole": {"fr": "le conseil de la métropole",
                                    "en": "the metropolitan council"},
    "candidacy.council_departement": {"fr": "le conseil départemental",
                                      "en": "the departmental council"},
    "candidacy.council_region": {"fr": "le conseil régional", "en": "the regional council"},
    "candidacy.council_ctu": {"fr": "l'assemblée de la collectivité",
                              "en": "the authority's assembly"},
    "candidacy.council_other": {"fr": "notre assemblée délibérante",
                                "en": "our deliberative assembly"},
    "candidacy.inhabitants": {"fr": "{count} habitants", "en": "{count} inhabitants"},
    "candidacy.members": {"fr": "{count} communes", "en": "{count} municipalities"},
    "candidacy.members_population": {"fr": "(population municipale totale : {count} habitants)",
                                     "en": "(total municipal population: {count})"},
    "candidacy.previous_label": {"fr": "{year} : label obtenu, niveau {level}",
                                 "en": "{year}: label awarded, level {level}"},
    "candidacy.done_at": {"fr": "Fait à {place}, le {date}.", "en": "Done at {place}, {date}."},
    "candidacy.done_on": {"fr": "Fait le {date}.", "en": "Done on {date}."},
    "candidacy.role_elu_f": {"fr": "Élue référente de la candidature",
                             "en": "Referent elected official"},
    "candidacy.role_elu_m": {"fr": "Élu référent de la candidature",
                             "en": "Referent elected official"},
    "candidacy.role_elu_n": {"fr": "Portage politique de la candidature",
                             "en": "Referent elected official"},
    "candidacy.role_responsable_f": {"fr": "Responsable de la candidature",
                                     "en": "Person responsible for the application"},
    "candidacy.role_responsable_m": {"fr": "Responsable de la candidature",
                                     "en": "Person responsible for the application"},
    "candidacy.role_responsable_n": {"fr": "Responsable de la candidature",
                                     "en": "Person responsible for the application"},
    "candidacy.sw_free": {"fr": "libre", "en": "free"},
    "candidacy.sw_proprietary": {"fr": "propriétaire", "en": "proprietary"},
    "candidacy.sw_not_free": {"fr": "non libre", "en": "non-free"},
    "candidacy.sw_unknown": {"fr": "—", "en": "—"},
    # ---------------------------------------------------------------- notes on stderr
    "candidacy.gaps": {
        "fr": "Pour un dossier plus solide (ces remarques ne figurent pas dans le document) :",
        "en": "For a stronger dossier (these notes are not in the document):",
    },
    "candidacy.gap_elu": {
        "fr": "nommez l'élu ou l'élue référente (collectivite.elu_referent : nom, fonction) : "
              "le dossier est signé en son nom ;",
        "en": "name the referent elected official (collectivite.elu_referent: nom, fonction): "
              "the dossier is signed in their name;",
    },
    "candidacy.gap_responsable": {
        "fr": "nommez la personne responsable de la candidature (collectivite.responsable : "
              "nom, fonction, email) ;",
        "en": "name the person responsible for the application (collectivite.responsable: "
              "nom, fonction, email);",
    },
    "candidacy.gap_email": {
        "fr": "donnez l'adresse e-mail de la personne responsable (collectivite.responsable."
              "email) : le jury doit pouvoir la joindre ;",
        "en": "give the e-mail address of the person responsible (collectivite.responsable."
              "email): the jury must be able to reach them;",
    },
    "candidacy.gap_presentation": {
        "fr": "présentez la collectivité en quelques lignes (dossier.presentation) ;",
        "en": "present the authority in a few lines (dossier.presentation);",
    },
    "candidacy.gap_demarche": {
        "fr": "racontez votre démarche : pourquoi le libre, depuis quand, comment elle est "
              "organisée (dossier.demarche) ;",
        "en": "tell your approach: why free software, since when, how it is organised "
              "(dossier.demarche);",
    },
    "candidacy.gap_projets": {
        "fr": "listez vos projets pour l'année à venir (dossier.projets) ;",
        "en": "list your plans for the coming year (dossier.projets);",
    },
    "candidacy.gap_lieu": {
        "fr": "indiquez le lieu de signature (dossier.lieu) ;",
        "en": "give the place of signature (dossier.lieu);",
    },
    "candidacy.gap_justification": {
        "fr": "{count} critère(s) rempli(s) sans justification : {ids} ;",
        "en": "{count} criteria met without a justification: {ids};",
    },
    "candidacy.gap_evidence": {
        "fr": "{count} critère(s) rempli(s) sans pièce justificative (preuves) : {ids} ;",
        "en": "{count} criteria met without evidence (preuves): {ids};",
    },
    "candidacy.gap_nothing": {
        "fr": "aucun critère rempli : le dossier ne contient encore aucune action ;",
        "en": "no criterion met: the dossier holds no action yet;",
    },
    # ---------------------------------------------------------------- the walk's last step
    "candidacy.walk_offer": {
        "fr": "D'abord rédiger les textes du dossier (présentation, démarche, projets…)",
        "en": "First write the dossier's texts (presentation, approach, plans…)",
    },
    "candidacy.walk_offer_again": {
        "fr": "Revoir les textes du dossier",
        "en": "Review the dossier's texts again",
    },
    "candidacy.walk_missing": {
        "fr": "Le dossier de candidature sera plus parlant avec vos propres textes : "
              "présentation de la collectivité, démarche, réalisations, projets.",
        "en": "The application dossier will speak better with your own texts: presentation "
              "of the authority, approach, achievements, plans.",
    },
    "candidacy.walk_intro": {
        "fr": "Textes du dossier : chacun est facultatif. Valider un texte vide le passe ; "
              "un texte déjà écrit est proposé, à garder ou à modifier.",
        "en": "The dossier's texts: each is optional. Confirming an empty text skips it; a "
              "text already written is offered, to keep or edit.",
    },
    "candidacy.walk_presentation": {
        "fr": "Présentation de la collectivité (territoire, services, ce qui la caractérise)",
        "en": "Presentation of the authority (territory, services, what sets it apart)",
    },
    "candidacy.walk_demarche": {
        "fr": "Votre démarche : pourquoi le libre, depuis quand, comment elle est organisée",
        "en": "Your approach: why free software, since when, how it is organised",
    },
    "candidacy.walk_realisations": {
        "fr": "Réalisations marquantes (une par ligne)",
        "en": "Main achievements (one per line)",
    },
    "candidacy.walk_projets": {
        "fr": "Projets pour l'année à venir (un par ligne)",
        "en": "Plans for the coming year (one per line)",
    },
    "candidacy.walk_lieu": {
        "fr": "Lieu de signature (« Fait à … »)",
        "en": "Place of signature ('Done at …')",
    },
    "candidacy.walk_annexes": {
        "fr": "Autres documents à joindre (un par ligne : titre — https://…)",
        "en": "Other documents to attach (one per line: title — https://…)",
    },
    "candidacy.walk_hint_text": {
        "fr": "(plusieurs lignes ; une ligne vide sépare deux paragraphes ; Échap puis "
              "Entrée pour valider)",
        "en": "(several lines; a blank line separates paragraphs; Esc then Enter to confirm)",
    },
    "candidacy.walk_hint_list": {
        "fr": "(une ligne par élément ; Échap puis Entrée pour valider)",
        "en": "(one line per item; Esc then Enter to confirm)",
    },
    "candidacy.walk_hint_annexes": {
        "fr": "(une ligne par document ; Échap puis Entrée pour valider)",
        "en": "(one line per document; Esc then Enter to confirm)",
    },
    "candidacy.walk_hint_line": {"fr": "(Entrée pour valider)", "en": "(Enter to confirm)"},
    # ---------------------------------------------------------------- fixed labels (t.*)
    "candidacy.l_colon": {"fr": "\u202f:", "en": ":"},
    "candidacy.l_unnamed": {"fr": "Notre collectivité", "en": "Our authority"},
    "candidacy.l_contents": {"fr": "Sommaire", "en": "Contents"},
    "candidacy.l_key_figures": {"fr": "Chiffres clés", "en": "Key figures"},
    "candidacy.l_timeline": {"fr": "Les étapes de notre démarche",
                             "en": "The milestones of our approach"},
    "candidacy.l_website": {"fr": "Site internet", "en": "Website"},
    "candidacy.l_presentation": {"fr": "Présentation de la collectivité",
                                 "en": "Our authority"},
    "candidacy.l_approach": {"fr": "Notre démarche", "en": "Our approach"},
    "candidacy.l_actions": {"fr": "Nos actions, domaine par domaine",
                            "en": "Our actions, domain by domain"},
    "candidacy.l_achievements": {"fr": "Réalisations marquantes",
                                 "en": "Main achievements"},
    "candidacy.l_labels": {"fr": "Labels obtenus", "en": "Labels awarded"},
    "candidacy.l_plans": {"fr": "Nos projets pour l'année à venir",
                          "en": "Our plans for the coming year"},
    "candidacy.l_annexes": {"fr": "Annexes", "en": "Annexes"},
    "candidacy.l_annexes_intro": {
        "fr": "Pièces citées dans ce dossier, numérotées dans l'ordre de leur première mention.",
        "en": "Documents cited in this dossier, numbered in the order they are first cited.",
    },
    "candidacy.l_signature": {"fr": "Signature", "en": "Signature"},
    "candidacy.l_contact": {"fr": "Contact", "en": "Contact"},
    "candidacy.l_justification": {"fr": "Précisions", "en": "Details"},
    "candidacy.l_cited_in": {"fr": "citée en", "en": "cited in"},
    "candidacy.l_annex_ref": {"fr": "annexe", "en": "annex"},
    "candidacy.l_annexes_ref": {"fr": "annexes", "en": "annexes"},
    "candidacy.l_annex": {"fr": "Annexe", "en": "Annex"},
    "candidacy.l_document": {"fr": "Document", "en": "Document"},
    "candidacy.l_address": {"fr": "Adresse", "en": "Address"},
    "candidacy.l_type": {"fr": "Type", "en": "Type"},
    "candidacy.l_population": {"fr": "Population", "en": "Population"},
    "candidacy.l_agents": {"fr": "Agents", "en": "Staff"},
    "candidacy.l_insee": {"fr": "Code INSEE", "en": "INSEE code"},
    "candidacy.l_siren": {"fr": "SIREN", "en": "SIREN"},
    "candidacy.l_departement": {"fr": "Département", "en": "Département"},
    "candidacy.l_region": {"fr": "Région", "en": "Région"},
    "candidacy.l_epci": {"fr": "Intercommunalité", "en": "Intermunicipal body"},
    "candidacy.l_members": {"fr": "Communes membres", "en": "Member municipalities"},
    "candidacy.l_software": {"fr": "Logiciel", "en": "Software"},
    "candidacy.l_use": {"fr": "Usage", "en": "Use"},
    "candidacy.l_licence": {"fr": "Licence", "en": "Licence"},
    "candidacy.l_shares": {"fr": "Part de logiciels libres par usage",
                           "en": "Share of free software per use"},
    "candidacy.l_free_count": {"fr": "Logiciels libres", "en": "Free software"},
    "candidacy.l_total": {"fr": "Logiciels recensés", "en": "Software listed"},
    "candidacy.l_share": {"fr": "Part", "en": "Share"},
    "candidacy.l_all_uses": {"fr": "Tous usages", "en": "All uses"},
    "candidacy.l_other_use": {"fr": "Autres usages", "en": "Other uses"},
    "candidacy.l_page": {"fr": "Page", "en": "Page"},
}
