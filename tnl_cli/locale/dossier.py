"""Words of the candidacy dossier (`tnl dossier`) and of its command.

Keys `dossier.l_*` are the fixed labels templates receive as `t.*` (without the `l_` prefix);
the others are sentences built in Python with parameters, or command messages.
"""

MESSAGES = {
    # ---------------------------------------------------------------- command
    "dossier.help": {
        "fr": "Écrit le dossier de candidature pour le jury, au nom de la collectivité : "
              "présentation, démarche, actions par domaine (chaque critère rempli énoncé, avec "
              "sa justification et ses renvois aux annexes), projets, signature, annexes. Ni "
              "score, ni niveau, ni conseil : ceux-ci sont dans le rapport d'autoévaluation "
              "(tnl assess --answers F -o rapport.md). Ce qui manque encore est listé sur la "
              "sortie d'erreur. Markdown par défaut (sur la sortie standard sans -o), HTML ou "
              "ODT (OpenDocument) sur demande. Sortie 0 si le dossier est écrit (quel que soit "
              "le verdict, affiché sur la sortie d'erreur), 2 si l'entrée ou la sortie pose "
              "problème.",
        "en": "Write the application dossier for the jury, in the authority's own voice: "
              "presentation, approach, actions per domain (each met criterion stated, with its "
              "justification and references to the annexes), plans, signature, annexes. No "
              "score, tier or advice: those are in the self-assessment report (tnl assess "
              "--answers F -o report.md). What is still missing is listed on standard error. "
              "Markdown by default (to standard output without -o), HTML or ODT (OpenDocument) "
              "on request. Exit 0 when the dossier is written (whatever the verdict, shown on "
              "standard error), 2 when the input or output is unusable.",
    },
    "dossier.opt_answers": {"fr": "Fichier de réponses YAML.", "en": "YAML answers file."},
    "dossier.opt_output": {
        "fr": "Fichier à écrire (par défaut : la sortie standard, sauf pour ODT). Le format se "
              "déduit de l'extension (.md, .html, .odt) si --format n'est pas donné.",
        "en": "File to write (default: standard output, except for ODT). The format follows "
              "the extension (.md, .html, .odt) when --format is not given.",
    },
    "dossier.opt_format": {
        "fr": "Format du dossier : md (Markdown), html ou odt (OpenDocument texte).",
        "en": "Dossier format: md (Markdown), html or odt (OpenDocument text).",
    },
    "dossier.opt_template_dir": {
        "fr": "Répertoire de modèles Jinja personnalisés (dossier.md.j2, dossier.html.j2), "
              "consulté avant les modèles fournis.",
        "en": "Directory of custom Jinja templates (dossier.md.j2, dossier.html.j2), searched "
              "before the bundled ones.",
    },
    "dossier.opt_force": {"fr": "Remplace le fichier de sortie s'il existe.",
                          "en": "Replace the output file if it exists."},
    "dossier.need_answers": {
        "fr": "indiquez le fichier de réponses : tnl dossier --answers FICHIER "
              "(créez-le avec `tnl assess` ou à partir de examples/commune-exemple.yaml).",
        "en": "give the answers file: tnl dossier --answers FILE (create it with `tnl assess` "
              "or from examples/commune-exemple.yaml).",
    },
    "dossier.unknown_extension": {
        "fr": "impossible de déduire le format de l'extension « {ext} » : utilisez .md, .html "
              "ou .odt, ou précisez --format md|html|odt.",
        "en": "cannot tell the format from extension '{ext}': use .md, .html or .odt, or give "
              "--format md|html|odt.",
    },
    "dossier.format_mismatch": {
        "fr": "--format {format} contredit l'extension de « {output} » ({ext}, format {implied}) : "
              "le fichier ne s'ouvrirait pas comme son nom l'annonce. Changez l'extension, ou "
              "retirez --format (le format sera alors {implied}).",
        "en": "--format {format} contradicts the extension of '{output}' ({ext}, {implied} "
              "format): the file would not open as its name says. Change the extension, or "
              "drop --format (the format will then be {implied}).",
    },
    "dossier.odt_needs_file": {
        "fr": "le format ODT est binaire : indiquez un fichier avec -o, par exemple "
              "-o candidature.odt.",
        "en": "ODT is a binary format: give a file with -o, e.g. -o candidature.odt.",
    },
    "dossier.odt_template_dir": {
        "fr": "note : --template-dir ne s'applique pas au format ODT, construit directement "
              "(les modèles Jinja servent au Markdown et au HTML).",
        "en": "note: --template-dir does not apply to ODT, which is built directly (Jinja "
              "templates serve Markdown and HTML).",
    },
    "dossier.no_template_dir": {
        "fr": "le répertoire de modèles « {dir} » n'existe pas ou n'est pas un répertoire.",
        "en": "template directory '{dir}' does not exist or is not a directory.",
    },
    "dossier.template_error": {
        "fr": "erreur dans le modèle : {message}. Corrigez le modèle (variables disponibles : "
              "docs/dossier.md).",
        "en": "template error: {message}. Fix the template (available variables: "
              "docs/dossier.md).",
    },
    "dossier.template_limit": {
        "fr": "le modèle dépasse une limite du bac à sable : {what}. Un modèle de dossier n'a "
              "besoin ni de si grandes boucles ni de si longs textes : corrigez-le.",
        "en": "the template goes past a sandbox limit: {what}. A dossier template needs neither "
              "such loops nor such long texts: fix it.",
    },
    "dossier.limit_range": {"fr": "range() de plus de {max} éléments",
                            "en": "range() of more than {max} items"},
    "dossier.limit_repeat": {"fr": "texte ou liste répété au-delà de {max} éléments",
                             "en": "text or list repeated past {max} items"},
    "dossier.limit_power": {"fr": "puissance d'exposant supérieur à {max}",
                            "en": "power with an exponent above {max}"},
    "dossier.limit_output": {"fr": "document produit de plus de {max} caractères",
                             "en": "output of more than {max} characters"},
    "dossier.limit_time": {"fr": "rendu de plus de {max} secondes",
                           "en": "rendering for more than {max} seconds"},
    "dossier.template_missing": {
        "fr": "modèle « {name} » introuvable (ni dans --template-dir, ni parmi les modèles "
              "fournis).",
        "en": "template '{name}' not found (neither in --template-dir nor among the bundled "
              "templates).",
    },
    "dossier.template_missing_from": {
        "fr": "ce modèle inclut « {name} », introuvable (ni dans --template-dir, ni parmi les "
              "modèles fournis) : corrigez le nom ou ajoutez le fichier au répertoire de modèles.",
        "en": "this template includes '{name}', which is not found (neither in --template-dir "
              "nor among the bundled templates): fix the name or add the file to the template "
              "directory.",
    },
    "dossier.logo_unreadable": {
        "fr": "logo illisible ({reason}) : vérifiez dossier.logo, un chemin relatif au "
              "fichier de réponses.",
        "en": "unreadable logo ({reason}): check dossier.logo, a path relative to the answers "
              "file.",
    },
    "dossier.logo_too_big": {
        "fr": "logo trop lourd (plus de {limit} Ko) : réduisez l'image ou donnez sa version "
              "SVG.",
        "en": "logo too large (over {limit} KB): shrink the image or give its SVG version.",
    },
    "dossier.logo_not_image": {
        "fr": "ce fichier n'est pas une image PNG, JPEG ou SVG : donnez le logo dans l'un de "
              "ces formats (dossier.logo).",
        "en": "this file is not a PNG, JPEG or SVG image: give the logo in one of these "
              "formats (dossier.logo).",
    },
    "dossier.template_unreadable": {
        "fr": "modèle illisible ({reason}) ; enregistrez-le en UTF-8.",
        "en": "unreadable template ({reason}); save it as UTF-8.",
    },
    "dossier.written": {
        "fr": "Dossier écrit : {file} ({format}). Verdict : {verdict}.",
        "en": "Dossier written: {file} ({format}). Verdict: {verdict}.",
    },
    "dossier.printed": {"fr": "Verdict : {verdict}.", "en": "Verdict: {verdict}."},
    "dossier.migrated_gone": {
        "fr": "réponses migrées vers l'édition {edition} ; critères disparus, ignorés : {ids}.",
        "en": "answers migrated to edition {edition}; criteria gone, ignored: {ids}.",
    },
    # ---------------------------------------------------------------- sentences
    "dossier.title": {
        "fr": "Rapport d'autoévaluation, label Territoire Numérique Libre {edition}",
        "en": "Self-assessment report, Territoire Numérique Libre label {edition}",
    },
    "dossier.intro": {
        "fr": "Autoévaluation de {name} pour l'édition {edition} du label Territoire Numérique "
              "Libre : nos réponses, les points et le niveau qu'elles laissent estimer, le "
              "chemin vers le niveau suivant et ce qu'il reste à vérifier. Document de travail "
              "pour l'équipe, à ne pas joindre à la candidature (le dossier pour le jury : "
              "tnl dossier).",
        "en": "Self-assessment of {name} for the {edition} edition of the Territoire Numérique "
              "Libre label: our answers, the points and tier they suggest, the way to the next "
              "tier and what is left to check. A working document for the team, not to attach "
              "to the application (the dossier for the jury: tnl dossier).",
    },
    "dossier.unnamed": {"fr": "Notre collectivité", "en": "Our authority"},
    "dossier.verdict_eligible": {
        "fr": "D'après nos réponses, nous remplissons les critères d'éligibilité du label.",
        "en": "According to our answers, we meet the label's eligibility criteria.",
    },
    "dossier.verdict_eligible_with_reservations": {
        "fr": "D'après nos réponses, un critère cité par le label n'est pas rempli (voir "
              "ci-dessous) : ce n'est pas une exclusion, une collectivité n'ayant pas à être "
              "active dans chacun des champs ; le jury décide.",
        "en": "According to our answers, a criterion the label lists is not met (see below): "
              "this is no exclusion, since a body need not be active in every field; the jury "
              "decides.",
    },
    "dossier.verdict_not_eligible": {
        "fr": "D'après nos réponses, nous ne remplissons pas encore tous les critères "
              "d'éligibilité du label.",
        "en": "According to our answers, we do not yet meet all of the label's eligibility "
              "criteria.",
    },
    "dossier.verdict_incomplete": {
        "fr": "Le dossier est incomplet : des réponses manquent pour établir l'éligibilité.",
        "en": "The dossier is incomplete: answers are missing to establish eligibility.",
    },
    "dossier.level": {"fr": "{level} ({rank} sur {total})", "en": "{level} ({rank} of {total})"},
    "dossier.score": {"fr": "{percent} % des points possibles", "en": "{percent}% of the points"},
    "dossier.points_of": {"fr": "{points} sur {possible}", "en": "{points} of {possible}"},
    "dossier.points_criterion": {"fr": "{points} points sur {possible}",
                                 "en": "{points} points of {possible}"},
    "dossier.points_criterion_one": {"fr": "{points} point sur {possible}",
                                     "en": "{points} point of {possible}"},
    "dossier.met_of": {"fr": "{met} sur {applicable}", "en": "{met} of {applicable}"},
    "dossier.population": {"fr": "{count} habitants", "en": "{count} inhabitants"},
    "dossier.agents": {"fr": "{count} agents (ETP)", "en": "{count} staff (FTE)"},
    "dossier.previous_label": {"fr": "niveau {level} en {year}", "en": "level {level} in {year}"},
    "dossier.next_title": {"fr": "Pour atteindre le niveau « {name} »",
                           "en": "To reach the '{name}' level"},
    "dossier.next_intro": {
        "fr": "Les critères suivants, du moins coûteux au plus coûteux, nous permettraient "
              "d'atteindre ce niveau :",
        "en": "Meeting the following criteria, cheapest first, would bring us to this level:",
    },
    "dossier.unreachable": {
        "fr": "Ce niveau ne peut pas être atteint par les seules réponses au questionnaire ; "
              "voici ce qui nous en rapproche le plus, du moins coûteux au plus coûteux :",
        "en": "This level cannot be reached through the questionnaire alone; here is what "
              "brings us closest, cheapest first:",
    },
    "dossier.top": {
        "fr": "Nos réponses correspondent au niveau le plus élevé de cette édition.",
        "en": "Our answers match this edition's highest level.",
    },
    "dossier.no_path": {
        "fr": "Aucun chemin vers un niveau ne peut être calculé sans le type de collectivité.",
        "en": "No path to a level can be worked out without the collectivity type.",
    },
    "dossier.no_path_private": {
        "fr": "Le label est réservé aux collectivités et aux organismes publics locaux : il n'y a "
              "pas de niveau à viser pour une entreprise privée.",
        "en": "The label is for local authorities and local public bodies: there is no level "
              "to aim for as a private company.",
    },
    "dossier.target": {"fr": "réponse attendue : {target}", "en": "expected answer: {target}"},
    "dossier.generated": {
        "fr": "Document préparé le {date} avec tnl {version}, d'après le catalogue de "
              "critères de l'édition {edition} du label ({title}).",
        "en": "Document prepared on {date} with tnl {version}, from the criteria catalog of "
              "the label's {edition} edition ({title}).",
    },
    # checklist
    "dossier.ck_elu": {"fr": "Élu·e référent·e désigné·e : {name}",
                       "en": "Referent elected official named: {name}"},
    "dossier.ck_elu_missing": {
        "fr": "Désigner l'élu·e référent·e (collectivite.elu_referent : nom, fonction, e-mail)",
        "en": "Name the referent elected official (collectivite.elu_referent: name, role, "
              "e-mail)",
    },
    "dossier.ck_responsable": {"fr": "Responsable de la candidature désigné·e : {name}",
                               "en": "Person responsible for the application named: {name}"},
    "dossier.ck_responsable_missing": {
        "fr": "Désigner la personne responsable de la candidature (collectivite.responsable : "
              "nom, fonction, e-mail)",
        "en": "Name the person responsible for the application (collectivite.responsable: "
              "name, role, e-mail)",
    },
    "dossier.ck_no_email": {"fr": "{who} : ajouter une adresse e-mail de contact",
                            "en": "{who}: add a contact e-mail address"},
    "dossier.ck_identity": {
        "fr": "Identité de la collectivité complète (nom, type, code INSEE ou SIREN)",
        "en": "Collectivity identity complete (name, type, INSEE code or SIREN)",
    },
    "dossier.ck_identity_missing": {
        "fr": "Compléter l'identité de la collectivité : {missing}",
        "en": "Complete the collectivity's identity: {missing}",
    },
    "dossier.ck_gates": {"fr": "Critères d'éligibilité remplis ({met} sur {total})",
                         "en": "Eligibility criteria met ({met} of {total})"},
    "dossier.ck_gates_missing": {
        "fr": "Critères d'éligibilité remplis : {met} sur {total}",
        "en": "Eligibility criteria met: {met} of {total}",
    },
    "dossier.ck_gate_unmet": {"fr": "{question} (non rempli)", "en": "{question} (not met)"},
    "dossier.ck_gate_unanswered": {"fr": "{question} (sans réponse)",
                                   "en": "{question} (unanswered)"},
    "dossier.ck_answered": {"fr": "Toutes les questions ont une réponse",
                            "en": "Every question is answered"},
    "dossier.ck_unanswered": {
        "fr": "{count} questions sans réponse (listées à la fin de chaque domaine)",
        "en": "{count} questions unanswered (listed at the end of each domain)",
    },
    "dossier.ck_unanswered_one": {
        "fr": "{count} question sans réponse (voir la fin de son domaine)",
        "en": "{count} question unanswered (see the end of its domain)",
    },
    "dossier.ck_supported": {
        "fr": "Chaque critère rempli est justifié et a un lien de preuve",
        "en": "Every criterion met is justified and has an evidence link"},
    "dossier.ck_unsupported": {
        "fr": "{count} critères remplis à étayer (ce qui manque est entre parenthèses)",
        "en": "{count} criteria met to back up (what is missing in brackets)"},
    "dossier.ck_unsupported_one": {
        "fr": "{count} critère rempli à étayer (ce qui manque est entre parenthèses)",
        "en": "{count} criterion met to back up (what is missing in brackets)"},
    "dossier.ck_lacks": {"fr": "{question} ({missing})", "en": "{question} ({missing})"},
    "dossier.ck_lacks_justification": {"fr": "justification", "en": "justification"},
    "dossier.ck_lacks_evidence": {"fr": "lien de preuve", "en": "evidence link"},
    "dossier.uses_free": {"fr": "{count} libres", "en": "{count} free"},
    "dossier.uses_free_one": {"fr": "{count} libre", "en": "{count} free"},
    "dossier.uses_other": {"fr": "{count} propriétaires", "en": "{count} proprietary"},
    "dossier.uses_other_one": {"fr": "{count} propriétaire", "en": "{count} proprietary"},
    "dossier.rec_inventory_more": {
        "fr": "Complétez l'inventaire avec les logiciels métiers et les outils des écoles, "
              "puis remplacez en priorité les logiciels propriétaires qui ont une alternative "
              "libre mûre (voir « Logiciels propriétaires à remplacer »).",
        "en": "Complete the inventory with business software and the schools' tools, then "
              "replace first the proprietary products that have a mature free alternative "
              "(see 'Proprietary software to replace')."},
    "dossier.ck_deadline": {
        "fr": "Édition {edition} : dépôt de la candidature jusqu'au {date} ({days} jours "
              "restants)",
        "en": "Edition {edition}: submit the application by {date} ({days} days left)",
    },
    "dossier.ck_deadline_one": {
        "fr": "Édition {edition} : dépôt de la candidature jusqu'à demain, {date}",
        "en": "Edition {edition}: the application closes tomorrow, {date}",
    },
    "dossier.ck_deadline_today": {
        "fr": "Édition {edition} : dépôt de la candidature jusqu'à aujourd'hui, {date}",
        "en": "Edition {edition}: the application closes today, {date}",
    },
    "dossier.ck_deadline_past": {
        "fr": "Édition {edition} : la date limite de dépôt ({date}) est passée ; vérifiez le "
              "calendrier de la prochaine édition",
        "en": "Edition {edition}: the deadline ({date}) has passed; check the next edition's "
              "calendar",
    },
    "dossier.ck_deadline_unknown": {
        "fr": "Édition {edition} : vérifiez la date limite de dépôt auprès des organisateurs",
        "en": "Edition {edition}: check the deadline with the organisers",
    },
    "dossier.ck_edition_old": {
        "fr": "Ce dossier suit le catalogue {edition} ; une édition plus récente existe ({newest}) : "
              "tnl dossier --edition {newest} migre les réponses",
        "en": "This dossier follows the {edition} catalog; a newer edition exists ({newest}): "
              "tnl dossier --edition {newest} migrates the answers",
    },
    "dossier.ck_software": {
        "fr": "Chaque logiciel de l'inventaire est qualifié (libre ou propriétaire)",
        "en": "Every program in the inventory is qualified (free or proprietary)",
    },
    "dossier.ck_software_unknown": {
        "fr": "{count} logiciels de l'inventaire inconnus du catalogue : préciser s'ils sont "
              "libres ou propriétaires ({{nom: …, libre: oui|non}} dans le fichier de réponses)",
        "en": "{count} programs in the inventory are unknown to the catalog: state whether "
              "each is free or proprietary ({{nom: …, libre: yes|no}} in the answers file)",
    },
    "dossier.ck_software_unknown_one": {
        "fr": "{count} logiciel de l'inventaire inconnu du catalogue : préciser s'il est libre "
              "ou propriétaire ({{nom: …, libre: oui|non}} dans le fichier de réponses)",
        "en": "{count} program in the inventory is unknown to the catalog: state whether it "
              "is free or proprietary ({{nom: …, libre: yes|no}} in the answers file)",
    },
    "dossier.field_nom": {"fr": "nom", "en": "name"},
    "dossier.field_type": {"fr": "type", "en": "type"},
    "dossier.field_code": {"fr": "code INSEE ou SIREN", "en": "INSEE code or SIREN"},
    # ---------------------------------------------------------------- fixed labels (t.*)
    "dossier.l_colon": {"fr": "\u00a0:", "en": ":"},
    "dossier.l_identity": {"fr": "Identité de la collectivité", "en": "The collectivity"},
    "dossier.l_name": {"fr": "Nom", "en": "Name"},
    "dossier.l_type": {"fr": "Type", "en": "Type"},
    "dossier.l_insee": {"fr": "Code INSEE", "en": "INSEE code"},
    "dossier.l_siren": {"fr": "SIREN", "en": "SIREN"},
    "dossier.l_population": {"fr": "Population", "en": "Population"},
    "dossier.l_agents": {"fr": "Agents", "en": "Staff"},
    "dossier.l_previous": {"fr": "Labels obtenus", "en": "Previous labels"},
    "dossier.l_first": {"fr": "Première candidature", "en": "First application"},
    "dossier.l_referents": {"fr": "Référent·es de la candidature",
                            "en": "People behind the application"},
    "dossier.l_elu": {"fr": "Élu·e référent·e", "en": "Referent elected official"},
    "dossier.l_responsable": {"fr": "Responsable de la candidature",
                              "en": "Person responsible for the application"},
    "dossier.l_role": {"fr": "Fonction", "en": "Role"},
    "dossier.l_email": {"fr": "E-mail", "en": "E-mail"},
    "dossier.l_to_name": {"fr": "à désigner", "en": "to be named"},
    "dossier.l_missing": {"fr": "non renseigné", "en": "not given"},
    "dossier.l_summary": {"fr": "Synthèse", "en": "Summary"},
    "dossier.file_read": {"fr": "{file}, lu le {date}", "en": "{file}, read on {date}"},
    "dossier.l_sources": {"fr": "D'où viennent nos réponses", "en": "Where our answers come from"},
    "dossier.l_sources_intro": {
        "fr": "Réponses tirées de fichiers (tnl les a lues dans ces fichiers ; relisez-les "
              "s'ils ont changé depuis) :",
        "en": "Answers drawn from files (tnl read them from these files; read them again if "
              "the files have changed since):"},
    "dossier.l_source": {"fr": "Source", "en": "Source"},
    "dossier.l_overview": {"fr": "Où nous en sommes", "en": "Where we stand"},
    "dossier.top_title": {"fr": "Les {count} actions prioritaires",
                          "en": "The {count} actions to take first"},
    "dossier.top_title_one": {"fr": "L'action prioritaire", "en": "The action to take first"},
    "dossier.l_top_more": {"fr": "Les autres pistes suivent dans ce rapport (« Vers le niveau "
                                 "suivant »).",
                           "en": "The other steps follow in this report ('Towards the next "
                                 "level')."},
    "dossier.l_ladder": {"fr": "Niveaux du label", "en": "The label's levels"},
    "dossier.l_ladder_here": {"fr": "estimé", "en": "estimated"},
    "dossier.l_ladder_range": {"fr": "fourchette", "en": "range"},
    "dossier.l_uses_chart": {"fr": "Logiciels libres et propriétaires par usage",
                             "en": "Free and proprietary software per use"},
    "dossier.l_free_legend": {"fr": "libres", "en": "free"},
    "dossier.l_other_legend": {"fr": "propriétaires", "en": "proprietary"},
    "dossier.l_badge": {"fr": "Badge", "en": "Badge"},
    "dossier.l_verdict": {"fr": "Éligibilité", "en": "Eligibility"},
    "dossier.l_level": {"fr": "Niveau indicatif", "en": "Indicative level"},
    "dossier.l_no_level": {"fr": "aucun niveau atteint pour l'instant",
                           "en": "no level reached yet"},
    "dossier.l_score": {"fr": "Score global", "en": "Overall score"},
    "dossier.l_mentions": {"fr": "Mentions spéciales envisageables",
                           "en": "Special mentions we could claim"},
    "dossier.l_domains": {"fr": "Score par domaine", "en": "Score per domain"},
    "dossier.l_domain": {"fr": "Domaine", "en": "Domain"},
    "dossier.l_points": {"fr": "Points", "en": "Points"},
    "dossier.l_ratio": {"fr": "Score", "en": "Score"},
    "dossier.l_bar": {"fr": "Progression", "en": "Progress"},
    "dossier.l_met": {"fr": "Critères remplis", "en": "Criteria met"},
    "dossier.l_open_data": {"fr": "Obligation d'ouverture des données",
                            "en": "Open data obligation"},
    "dossier.l_warnings": {"fr": "Points d'attention", "en": "Points to check"},
    "dossier.l_answers": {"fr": "Nos réponses, domaine par domaine",
                          "en": "Our answers, domain by domain"},
    "dossier.l_answer": {"fr": "Réponse", "en": "Answer"},
    "dossier.l_justification": {"fr": "Justification", "en": "Justification"},
    "dossier.l_evidence": {"fr": "Preuves", "en": "Evidence"},
    "dossier.l_gate": {"fr": "critère d'éligibilité", "en": "eligibility criterion"},
    "dossier.l_status_met": {"fr": "critère rempli", "en": "criterion met"},
    "dossier.l_status_unmet": {"fr": "critère non rempli", "en": "criterion not met"},
    "dossier.l_to_justify": {"fr": "Justification à apporter.", "en": "Justification to add."},
    "dossier.l_unanswered": {"fr": "Questions restées sans réponse",
                             "en": "Questions left unanswered"},
    "dossier.l_no_criteria": {"fr": "Aucun critère de ce domaine ne s'applique à notre "
                                    "collectivité.",
                              "en": "No criterion of this domain applies to us."},
    "dossier.l_next": {"fr": "Vers le niveau suivant", "en": "Towards the next level"},
    "dossier.l_other_steps": {"fr": "Autres pistes de progression",
                              "en": "Other ways forward"},
    "dossier.l_checklist": {"fr": "Avant de déposer la candidature",
                            "en": "Before submitting the application"},
    "dossier.l_checklist_intro": {
        "fr": "Liste de contrôle interne, avant d'écrire et de déposer le dossier de "
              "candidature (tnl dossier).",
        "en": "Internal checklist, before writing and submitting the application dossier "
              "(tnl dossier).",
    },
    "dossier.l_done": {"fr": "fait", "en": "done"},
    "dossier.l_todo": {"fr": "à faire", "en": "to do"},
    "dossier.l_check": {"fr": "à vérifier", "en": "to check"},
    "dossier.l_about": {"fr": "À propos de ce document", "en": "About this document"},
    "dossier.l_estimate_title": {"fr": "Le jury décide", "en": "The jury decides"},
    "dossier.l_software": {"fr": "Logiciel", "en": "Software"},
    "dossier.l_software_status": {"fr": "Statut", "en": "Status"},
    "dossier.l_licence": {"fr": "Licence", "en": "Licence"},
    "dossier.l_replacements": {"fr": "Logiciels propriétaires à remplacer",
                               "en": "Proprietary software to replace"},
    "dossier.l_legal": {"fr": "Conformité des licences", "en": "Licence compliance"},
    "dossier.l_obligations": {"fr": "Obligations légales", "en": "Legal obligations"},
    "dossier.l_obligations_intro": {
        "fr": "Les critères suivants traduisent une obligation ou une orientation fixée par la "
              "loi ; voici où nous en sommes pour chacun.",
        "en": "The following criteria reflect a duty or a policy set by law; here is where we "
              "stand on each.",
    },
    "dossier.l_obligation": {"fr": "Obligation", "en": "Obligation"},
    "dossier.l_situation": {"fr": "Situation", "en": "Status"},
    "dossier.l_basis": {"fr": "Fondement juridique", "en": "Legal basis"},
    "dossier.l_shares": {"fr": "Part de logiciels libres par usage",
                         "en": "Share of free software per use"},
    "dossier.l_use": {"fr": "Usage", "en": "Use"},
    "dossier.l_free_count": {"fr": "Libres", "en": "Free"},
    "dossier.l_total": {"fr": "Total", "en": "Total"},
    "dossier.l_all_uses": {"fr": "Tous usages", "en": "All uses"},
    "dossier.sw_free": {"fr": "libre", "en": "free"},
    "dossier.sw_proprietary": {"fr": "propriétaire", "en": "proprietary"},
    "dossier.sw_not_free": {"fr": "non libre", "en": "non-free"},
    "dossier.sw_unknown": {"fr": "à préciser", "en": "to be stated"},
}

MONTHS = {
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
