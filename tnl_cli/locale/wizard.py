"""Words of the guided walk (`tnl assess` on a terminal)."""

MESSAGES = {
    "wizard.opt_form": {
        "fr": "Questionnaire court nommé par l'édition (2025 : badge) au lieu du questionnaire "
              "complet.",
        "en": "Short form named by the edition (2025: badge) instead of the full questionnaire.",
    },
    "wizard.no_form": {
        "fr": "formulaire « {form} » inconnu dans l'édition {edition} ; formulaires "
              "disponibles : {forms}.",
        "en": "unknown form '{form}' in edition {edition}; available forms: {forms}.",
    },
    "wizard.no_forms": {"fr": "aucun", "en": "none"},
    "wizard.intro": {
        "fr": "Questionnaire du label Territoire Numérique Libre {edition}.\n"
              "Chaque réponse est enregistrée aussitôt dans {file}.\n"
              "Listes : flèches ou chiffre, puis Entrée. Le curseur part de la réponse "
              "enregistrée, sinon de « Passer » : Entrée seule ne répond jamais à votre place. "
              "« ← Question précédente » revient en arrière.\n"
              "Réponses à taper : « < » revient en arrière, Entrée sans rien taper passe la "
              "question.\n"
              "Ctrl-C arrête à tout moment sans rien perdre ; la commande pour reprendre "
              "s'affiche alors.",
        "en": "Territoire Numérique Libre label {edition} questionnaire.\n"
              "Every answer is saved at once to {file}.\n"
              "Lists: arrow keys or number, then Enter. The cursor starts on the saved answer, "
              "else on 'Skip': Enter alone never answers for you. '← Previous question' goes "
              "back.\n"
              "Typed answers: '<' goes back, Enter on an empty answer skips the question.\n"
              "Ctrl-C stops at any time without losing anything; the command to resume is "
              "shown then.",
    },
    "wizard.new_file": {
        "fr": "Nouveau fichier de réponses : {file}.",
        "en": "New answers file: {file}.",
    },
    "wizard.resume": {
        "fr": "Reprise de {file} : {count} réponse(s) déjà enregistrée(s) ; suite à la "
              "première question sans réponse.",
        "en": "Resuming {file}: {count} answer(s) already saved; going on at the first "
              "unanswered question.",
    },
    "wizard.review": {
        "fr": "Relecture de {file} : toutes les questions, vos réponses enregistrées proposées "
              "par défaut (Entrée pour les garder ; une question passée reste sans réponse).",
        "en": "Reviewing {file}: every question, with your saved answers as defaults (Enter "
              "keeps them; a skipped question stays unanswered).",
    },
    "wizard.form": {
        "fr": "{name} : {count} critères.",
        "en": "{name}: {count} criteria.",
    },
    "wizard.complete": {
        "fr": "{file} est complet : voici l'évaluation. Pour revoir les réponses :\n"
              "{command} --review",
        "en": "{file} is complete: here is the assessment. To review the answers:\n"
              "{command} --review",
    },
    "wizard.migrated": {
        "fr": "{file} a été rempli pour l'édition {old} : il passe à l'édition {new}. "
              "L'original est conservé dans {backup}.",
        "en": "{file} was filled in for edition {old}: it moves to edition {new}. The "
              "original is kept in {backup}.",
    },
    "wizard.migrated_new": {
        "fr": "Nouveaux critères, qui vont vous être demandés ({count}) :",
        "en": "New criteria, which you will now be asked ({count}):",
    },
    "wizard.migrated_gone": {
        "fr": "Critères supprimés de l'édition {new}, leurs réponses sont retirées ({count}) : "
              "{ids}",
        "en": "Criteria removed from edition {new}, their answers are dropped ({count}): {ids}",
    },
    "wizard.migrated_gone_list": {
        "fr": "Questions supprimées de l'édition {new}, leurs réponses sont retirées ({count}) :",
        "en": "Questions removed from edition {new}, their answers are dropped ({count}):",
    },
    "wizard.migrated_none": {
        "fr": "Aucun nouveau critère.",
        "en": "No new criteria.",
    },
    "wizard.file_header": {
        "fr": "Réponses au questionnaire du label Territoire Numérique Libre, enregistrées par "
              "tnl.\nReprendre ou relire : {command} [--review]",
        "en": "Answers to the Territoire Numérique Libre label questionnaire, saved by tnl.\n"
              "Resume or review: {command} [--review]",
    },
    "wizard.header_identity": {
        "fr": "Collectivité — question {number}/{total}",
        "en": "Collectivity — question {number}/{total}",
    },
    "wizard.header_domain": {
        "fr": "Domaine {dnum}/{dtotal} : {domain} — question {number}/{total}",
        "en": "Domain {dnum}/{dtotal}: {domain} — question {number}/{total}",
    },
    "wizard.domain_intro": {
        "fr": "=== {name} ===\n{description}",
        "en": "=== {name} ===\n{description}",
    },
    "wizard.legal": {"fr": "Base légale : {text}", "en": "Legal basis: {text}"},
    "wizard.select_hint": {
        "fr": "(flèches ou chiffre, puis Entrée)",
        "en": "(arrow keys or number, then Enter)",
    },
    "wizard.checkbox_hint": {
        "fr": "(Espace : cocher ou décocher ; Entrée : valider ; rien de coché : passer)",
        "en": "(Space: tick or untick; Enter: confirm; nothing ticked: skip)",
    },
    "wizard.text_hint": {
        "fr": "[Entrée sans rien taper : passer · « < » : question précédente]",
        "en": "[Enter on an empty answer: skip · '<': previous question]",
    },
    "wizard.text_hint_default": {
        "fr": "[Entrée : garder la réponse proposée · tout effacer : passer · « < » : question "
              "précédente]",
        "en": "[Enter: keep the answer shown · erase it all: skip · '<': previous question]",
    },
    "wizard.details_hint": {
        "fr": "[Facultatif · Entrée sans rien taper : aucune · « < » : revenir à la question]",
        "en": "[Optional · Enter on an empty answer: none · '<': back to the question]",
    },
    "wizard.skip": {"fr": "Passer (laisser sans réponse)", "en": "Skip (leave unanswered)"},
    "wizard.back": {"fr": "← Question précédente", "en": "← Previous question"},
    "wizard.back_check": {
        "fr": "← Question précédente (cocher ceci puis Entrée)",
        "en": "← Previous question (tick this, then Enter)",
    },
    "wizard.yes_more": {
        "fr": "Oui, et ajouter une justification ou des preuves pour le dossier",
        "en": "Yes, and add a justification or evidence for the dossier",
    },
    "wizard.yes_edit": {
        "fr": "Oui, et modifier la justification ou les preuves",
        "en": "Yes, and edit the justification or evidence",
    },
    "wizard.justification": {
        "fr": "Justification (ce qui le montre, en une ou deux phrases)",
        "en": "Justification (what shows it, in a sentence or two)",
    },
    "wizard.preuves": {
        "fr": "Liens vers les preuves (adresses https://…, séparées par des espaces)",
        "en": "Links to the evidence (https://… addresses, separated by spaces)",
    },
    "wizard.bad_proof": {
        "fr": "« {value} » n'est pas une adresse web complète : elle doit commencer par "
              "https:// (ou http://).",
        "en": "'{value}' is not a complete web address: it must start with https:// (or "
              "http://).",
    },
    "wizard.inventory_hint": {
        "fr": "[Noms séparés par des virgules (« ; » et « | » séparent aussi) · Entrée sans rien "
              "taper : passer · « < » : question précédente]",
        "en": "[Names separated by commas ('; ' and '|' separate too) · Enter on an empty "
              "answer: skip · '<': previous question]",
    },
    "wizard.inventory_free": {
        "fr": "« {name} » n'est pas dans le catalogue de tnl : est-ce un logiciel libre ?",
        "en": "'{name}' is not in tnl's catalog: is it free software?",
    },
    "wizard.free_yes": {"fr": "Oui, logiciel libre", "en": "Yes, free software"},
    "wizard.free_no": {"fr": "Non, propriétaire", "en": "No, proprietary"},
    "wizard.free_unknown": {"fr": "Je ne sais pas", "en": "I don't know"},
    "wizard.inventory_summary": {
        "fr": "Libres : {free} · Propriétaires : {other} · Statut inconnu : {unknown}",
        "en": "Free: {free} · Proprietary: {other} · Status unknown: {unknown}",
    },
    "wizard.unit": {"fr": "en {unit}", "en": "in {unit}"},
    "wizard.bounds": {"fr": "de {low} à {high}", "en": "from {low} to {high}"},
    "wizard.at_least": {"fr": "au moins {low}", "en": "at least {low}"},
    "wizard.at_most": {"fr": "au plus {high}", "en": "at most {high}"},
    "wizard.first_question": {
        "fr": "C'est la première question : pas de question précédente.",
        "en": "This is the first question: there is no previous one.",
    },
    "wizard.found": {
        "fr": "→ Trouvé dans le répertoire des collectivités : {name} ({kind}, {where}, "
              "{population} habitants). Ces valeurs sont proposées par défaut.",
        "en": "→ Found in the directory of collectivities: {name} ({kind}, {where}, "
              "{population} inhabitants). These values are offered as defaults.",
    },
    "wizard.bad_labels": {
        "fr": "« {value} » : écrivez ANNÉE:NIVEAU pour chaque label obtenu, par exemple "
              "« 2023:2, 2024:bronze » (années de 2016 à {year}).",
        "en": "'{value}': write YEAR:LEVEL for each label obtained, e.g. '2023:2, "
              "2024:bronze' (years 2016 to {year}).",
    },
    "wizard.finished": {
        "fr": "Questionnaire terminé : {count} réponse(s) enregistrée(s) dans {file}.",
        "en": "Questionnaire finished: {count} answer(s) saved in {file}.",
    },
    "wizard.interrupted": {
        "fr": "Interrompu. Vos {count} réponse(s) sont enregistrées dans {file}.\n"
              "Pour reprendre : {command}",
        "en": "Interrupted. Your {count} answer(s) are saved in {file}.\n"
              "To resume: {command}",
    },
    "wizard.dossier_offer": {
        "fr": "Écrire maintenant le dossier de candidature ?",
        "en": "Write the application dossier now?",
    },
    "wizard.dossier_path": {
        "fr": "Fichier du dossier (.md, .html ou .odt)",
        "en": "Dossier file (.md, .html or .odt)",
    },
    "wizard.dossier_path_hint": {
        "fr": "(Entrée : garder le nom proposé)",
        "en": "(Enter: keep the name shown)",
    },
    "wizard.dossier_exists": {
        "fr": "{file} existe déjà : choisissez un autre nom.",
        "en": "{file} already exists: choose another name.",
    },
    "wizard.dossier_no_dir": {
        "fr": "le répertoire « {dir} » n'existe pas : choisissez un autre emplacement.",
        "en": "directory '{dir}' does not exist: choose another place.",
    },
    "wizard.dossier_not_dir": {
        "fr": "« {dir} » est un fichier, pas un répertoire : choisissez un autre emplacement.",
        "en": "'{dir}' is a file, not a directory: choose another place.",
    },
    "wizard.dossier_unwritable": {
        "fr": "impossible d'écrire dans le répertoire « {dir} » (permission refusée) : "
              "choisissez un autre emplacement.",
        "en": "cannot write in directory '{dir}' (permission denied): choose another place.",
    },
    "wizard.dossier_command": {
        "fr": "Pour écrire le dossier de candidature :\n{command}",
        "en": "To write the application dossier:\n{command}",
    },
    "wizard.dossier_written": {
        "fr": "Dossier de candidature écrit dans {file}.",
        "en": "Application dossier written to {file}.",
    },
    # Identity questions.
    "wizard.id_nom": {"fr": "Nom de la collectivité", "en": "Name of the collectivity"},
    "wizard.help_nom": {
        "fr": "Le nom officiel, tel qu'il figurera dans le dossier (par exemple « Ville de "
              "Nancy », « Communauté de communes du Pays de Falaise »).",
        "en": "The official name, as the dossier will show it (e.g. 'Ville de Nancy', "
              "'Communauté de communes du Pays de Falaise').",
    },
    "wizard.id_type": {"fr": "Type de collectivité", "en": "Type of collectivity"},
    "wizard.help_type": {
        "fr": "Le label s'adresse aux collectivités territoriales et à leurs groupements ; "
              "certains critères ne concernent qu'un type (les écoles pour une commune, les "
              "collèges pour un département, les lycées pour une région).",
        "en": "The label is for local authorities and their groupings; some criteria concern "
              "one type only (primary schools for a commune, collèges for a département, "
              "lycées for a région).",
    },
    "wizard.id_code_insee": {"fr": "Code INSEE (COG)", "en": "INSEE code (COG)"},
    "wizard.help_code_insee": {
        "fr": "Le code officiel géographique, différent du code postal : 5 caractères pour une "
              "commune (54395 pour Nancy, 2A004 pour Ajaccio), le numéro du département (54) "
              "ou le code de la région (44).",
        "en": "The official geographic code, not the postcode: 5 characters for a commune "
              "(54395 for Nancy, 2A004 for Ajaccio), the département number (54) or the région "
              "code (44).",
    },
    "wizard.id_siren": {"fr": "Numéro SIREN", "en": "SIREN number"},
    "wizard.help_siren": {
        "fr": "9 chiffres, sur annuaire-entreprises.data.gouv.fr (par exemple 215403957). "
              "La clé de contrôle est vérifiée.",
        "en": "9 digits, on annuaire-entreprises.data.gouv.fr (e.g. 215403957). The check "
              "digit is verified.",
    },
    "wizard.id_population": {"fr": "Population (habitants)", "en": "Population (inhabitants)"},
    "wizard.help_population": {
        "fr": "La population municipale de l'INSEE. À partir de 3 500 habitants et de "
              "50 agents, la loi impose l'ouverture des données publiques.",
        "en": "INSEE's municipal population. From 3,500 inhabitants and 50 agents, the "
              "law requires opening public data.",
    },
    "wizard.id_agents": {
        "fr": "Nombre d'agents (équivalents temps plein)",
        "en": "Number of staff (full-time equivalents)",
    },
    "wizard.help_agents": {
        "fr": "Les agents de la collectivité en équivalents temps plein (ETP) ; une décimale "
              "est acceptée (12,5).",
        "en": "The collectivity's staff in full-time equivalents (FTE); decimals are "
              "accepted (12.5).",
    },
    "wizard.id_elu_referent.nom": {
        "fr": "Élu·e référent·e : nom", "en": "Referent elected official: name",
    },
    "wizard.help_elu_referent.nom": {
        "fr": "L'élu·e qui porte la démarche du numérique libre et signe la candidature.",
        "en": "The elected official who drives the free-software approach and signs the "
              "application.",
    },
    "wizard.id_elu_referent.fonction": {
        "fr": "Élu·e référent·e : fonction", "en": "Referent elected official: role",
    },
    "wizard.help_elu_referent.fonction": {
        "fr": "Par exemple « Adjointe au maire déléguée au numérique ».",
        "en": "E.g. 'Deputy mayor for digital affairs'.",
    },
    "wizard.id_elu_referent.email": {
        "fr": "Élu·e référent·e : adresse électronique",
        "en": "Referent elected official: e-mail address",
    },
    "wizard.help_elu_referent.email": {
        "fr": "Pour que le jury puisse le ou la contacter.",
        "en": "So that the jury can get in touch.",
    },
    "wizard.id_responsable.nom": {
        "fr": "Responsable de la candidature : nom", "en": "Person in charge of the application: name",
    },
    "wizard.help_responsable.nom": {
        "fr": "La personne qui remplit le dossier et répond aux questions du jury (souvent la "
              "ou le responsable informatique).",
        "en": "The person who fills in the dossier and answers the jury's questions (often the "
              "IT manager).",
    },
    "wizard.id_responsable.fonction": {
        "fr": "Responsable de la candidature : fonction",
        "en": "Person in charge of the application: role",
    },
    "wizard.help_responsable.fonction": {
        "fr": "Par exemple « Responsable du service informatique ».",
        "en": "E.g. 'Head of IT'.",
    },
    "wizard.id_responsable.email": {
        "fr": "Responsable de la candidature : adresse électronique",
        "en": "Person in charge of the application: e-mail address",
    },
    "wizard.help_responsable.email": {
        "fr": "Pour que le jury puisse le ou la contacter.",
        "en": "So that the jury can get in touch.",
    },
    "wizard.id_labels": {
        "fr": "Labels obtenus les années précédentes",
        "en": "Labels obtained in earlier years",
    },
    "wizard.help_labels": {
        "fr": "ANNÉE:NIVEAU pour chaque label, par exemple « 2023:2, 2024:3 ». Entrée sans rien "
              "taper s'il s'agit d'une première candidature.",
        "en": "YEAR:LEVEL for each label, e.g. '2023:2, 2024:3'. Enter on an empty answer for "
              "a first application.",
    },
    "wizard.type_commune": {"fr": "Commune", "en": "Commune (municipality)"},
    "wizard.type_communaute_communes": {
        "fr": "Communauté de communes", "en": "Communauté de communes",
    },
    "wizard.type_communaute_agglomeration": {
        "fr": "Communauté d'agglomération", "en": "Communauté d'agglomération",
    },
    "wizard.type_communaute_urbaine": {"fr": "Communauté urbaine", "en": "Communauté urbaine"},
    "wizard.type_metropole": {"fr": "Métropole", "en": "Métropole"},
    "wizard.type_departement": {"fr": "Département", "en": "Département"},
    "wizard.type_region": {"fr": "Région", "en": "Région"},
    "wizard.type_ctu": {
        "fr": "Collectivité territoriale unique (Corse, Guyane, Martinique)",
        "en": "Single territorial collectivity (Corsica, Guyane, Martinique)",
    },
    "wizard.type_syndicat": {
        "fr": "Syndicat (intercommunal, mixte)", "en": "Syndicat (inter-municipal, mixed)",
    },
    "wizard.type_etablissement_public": {
        "fr": "Établissement public local (CCAS, SDIS, office de tourisme…)",
        "en": "Local public body (CCAS, SDIS, tourist office…)",
    },
    "wizard.type_association_collectivites": {
        "fr": "Association de collectivités", "en": "Association of collectivities",
    },
    "wizard.type_entreprise": {
        "fr": "Entreprise (non éligible au label)", "en": "Company (not eligible for the label)",
    },
    "wizard.goto": {"fr": "Aller à", "en": "Go to"},
    "wizard.goto_hint_first": {
        "fr": "Entrée : revoir toutes les questions dans l'ordre. Ou tapez un numéro de question "
              "(1 à {total}), des mots de la question ou le nom d'un domaine ; Tab propose la "
              "liste.",
        "en": "Enter: review every question in order. Or type a question number (1 to {total}), "
              "words of the question or a domain's name; Tab offers the list.",
    },
    "wizard.goto_hint_next": {
        "fr": "Entrée : terminer et voir l'évaluation. Ou tapez un autre numéro (1 à {total}), "
              "des mots d'une question ou un domaine ; Tab propose la liste.",
        "en": "Enter: finish and see the assessment. Or type another number (1 to {total}), "
              "words of a question or a domain; Tab offers the list.",
    },
    "wizard.goto_all": {"fr": "Tout revoir, dans l'ordre", "en": "Review everything, in order"},
    "wizard.goto_finish": {"fr": "Terminer et voir l'évaluation",
                           "en": "Finish and see the assessment"},
    "wizard.goto_identity": {"fr": "La collectivité (identité)",
                             "en": "The collectivity (identity)"},
    "wizard.goto_domain": {"fr": "Domaine : {name}", "en": "Domain: {name}"},
    "wizard.goto_unknown": {
        "fr": "aucune question ni aucun domaine ne correspond à « {text} » : tapez un numéro de "
              "1 à {total}, des mots d'une question ou le nom d'un domaine (Tab propose la "
              "liste).",
        "en": "no question or domain matches '{text}': type a number from 1 to {total}, words "
              "of a question or a domain's name (Tab offers the list).",
    },
    "wizard.goto_which": {"fr": "{count} questions correspondent : laquelle ?",
                          "en": "{count} questions match: which one?"},
    "wizard.goto_back": {"fr": "← Chercher autrement", "en": "← Search again"},
    "wizard.not_concerned": {
        "fr": "Non concerné (ne compte ni pour ni contre)",
        "en": "Not concerned (counts neither for nor against)",
    },
    "wizard.not_bound": {
        "fr": "Pour vous, ce n'est pas une obligation ({why}) ; répondre reste utile : la "
              "pratique compte pour le label.",
        "en": "For you this is not an obligation ({why}); answering still helps: the practice "
              "counts for the label.",
    },
    "wizard.proposed": {
        "fr": "Réponse proposée d'après votre liste de logiciels ({why}) : Entrée pour la "
              "confirmer, ou choisissez-en une autre.",
        "en": "Answer proposed from your software list ({why}): Enter confirms it, or choose "
              "another.",
    },
    "wizard.proposed_free": {"fr": "logiciels libres : {names}", "en": "free software: {names}"},
    "wizard.proposed_suites": {"fr": "suites bureautiques : {names}",
                               "en": "office suites: {names}"},
    "wizard.proposed_uses": {"fr": "{names}", "en": "{names}"},
    "wizard.prompt_reply": {"fr": "Réponse", "en": "Answer"},
    "wizard.prompt_ticked_none": {"fr": "rien de coché", "en": "nothing ticked"},
    "wizard.prompt_ticked_many": {"fr": "{count} choix cochés", "en": "{count} choices ticked"},
    "wizard.migrated_instead": {
        "fr": "→ dans ce domaine, l'édition nouvelle demande : {questions}",
        "en": "→ in this domain, the new edition asks: {questions}",
    },
    "wizard.bad_email": {
        "fr": "« {value} » n'est pas une adresse électronique valide (prenom.nom@exemple.fr).",
        "en": "'{value}' is not a valid e-mail address (first.last@example.org).",
    },
}
