"""Words of `tnl synthese` (the territory synthesis), `tnl batch --synthese` and the batch
output's Table Schema (`tnl batch --datapackage`)."""

MESSAGES = {
    "synthesis.help": {
        "fr": "Synthèse d'un territoire à partir de nombreuses collectivités : un résultat de tnl "
              "batch, le tableau qu'il lit, ou un dossier de fichiers de réponses. Combien sont "
              "éligibles et à quel niveau, par type et par taille, les scores par domaine, les "
              "critères le plus souvent manquants (pistes de mutualisation), les plus proches du "
              "niveau suivant, les obligations légales non remplies ou inconnues, et avec "
              "--precedent l'évolution depuis l'an dernier. HTML (graphiques SVG et tableaux), ODT "
              "ou Markdown selon l'extension de -o. Sortie 0 si la synthèse est écrite, 1 si elle "
              "l'est mais que des lignes ont été rejetées, des fichiers écartés ou des lignes "
              "ne peuvent être rattachées, 2 si l'entrée est inutilisable.",
        "en": "Synthesis of a territory from many collectivities: a tnl batch output, the table it "
              "reads, or a folder of answers files. How many are eligible and at which tier, by "
              "type and size, scores per domain, the criteria most often missing (pooling "
              "opportunities), those closest to the next tier, legal obligations unmet or unknown, "
              "and with --precedent the change since last year. HTML (SVG charts and tables), ODT "
              "or Markdown from the extension of -o. Exit 0 when the synthesis is written, 1 when "
              "it is but rows were rejected, files left out or rows cannot be placed, 2 when the "
              "input is unusable.",
    },
    "synthesis.arg_inputs": {
        "fr": "Résultat de tnl batch (CSV, ODS, XLSX, JSON Lines), tableau lu par tnl batch, ou "
              "dossier de fichiers de réponses (.yaml) ; plusieurs possibles, d'une même édition.",
        "en": "tnl batch output (CSV, ODS, XLSX, JSON Lines), a table tnl batch reads, or a folder "
              "of answers files (.yaml); several allowed, of one edition.",
    },
    "synthesis.opt_output": {
        "fr": "Fichier écrit : .html, .odt ou .md.",
        "en": "File written: .html, .odt or .md.",
    },
    "synthesis.opt_by": {
        "fr": "Regrouper par intercommunalité, département ou région.",
        "en": "Group by intercommunality (EPCI), département or région.",
    },
    "synthesis.opt_previous": {
        "fr": "Entrée de l'an dernier (mêmes formes) : évolution, collectivités appariées par code.",
        "en": "Last year's input (same kinds): change, collectivities matched by code.",
    },
    "synthesis.opt_ranking": {
        "fr": "Nommer les collectivités (les plus proches du niveau suivant, obligations non "
              "remplies) ; par défaut, aucune collectivité n'est nommée ni classée.",
        "en": "Name the collectivities (closest to the next tier, unmet obligations); by default no"
              " collectivity is named or ranked.",
    },
    "synthesis.opt_force": {
        "fr": "Remplacer le fichier de sortie s'il existe.",
        "en": "Replace the output file if it exists.",
    },
    "synthesis.opt_batch": {
        "fr": "Écrire aussi la synthèse du lot (.html, .odt ou .md), comme tnl synthese.",
        "en": "Also write the synthesis of the batch (.html, .odt or .md), as tnl synthese does.",
    },
    "synthesis.opt_datapackage": {
        "fr": "Écrire schema.json (Table Schema) et datapackage.json à côté du CSV de -o, pour le "
              "publier en données ouvertes.",
        "en": "Write schema.json (Table Schema) and datapackage.json beside the -o CSV, to publish "
              "it as open data.",
    },
    "synthesis.bad_by": {
        "fr": "--par « {value} » : choisissez epci, departement ou region.",
        "en": "--par \"{value}\": choose epci, departement or region.",
    },
    "synthesis.bad_format": {
        "fr": "extension « {ext} » inconnue pour la synthèse : choisissez .html, .odt ou .md.",
        "en": "unknown extension \"{ext}\" for the synthesis: choose .html, .odt or .md.",
    },
    "synthesis.need_output": {
        "fr": "indiquez le fichier à écrire : -o synthese.html (ou .odt, .md).",
        "en": "say which file to write: -o synthese.html (or .odt, .md).",
    },
    "synthesis.no_stdin": {
        "fr": "la synthèse lit des fichiers ou des dossiers, pas l'entrée standard : enregistrez le"
              " tableau dans un fichier.",
        "en": "the synthesis reads files or folders, not standard input: save the table to a file.",
    },
    "synthesis.missing": {"fr": "fichier ou dossier introuvable.", "en": "no such file or folder."},
    "synthesis.answers_file": {
        "fr": "un seul fichier de réponses : la synthèse lit le dossier qui les rassemble ({dir}), "
              "ou utilisez tnl assess pour une collectivité.",
        "en": "a single answers file: the synthesis reads the folder that gathers them ({dir}), or "
              "use tnl assess for one collectivity.",
    },
    "synthesis.no_header": {
        "fr": "aucune ligne d'en-tête : ce n'est ni un résultat de tnl batch ni un tableau de "
              "collectivités.",
        "en": "no header row: this is neither a tnl batch output nor a table of collectivities.",
    },
    "synthesis.no_rows": {"fr": "aucune ligne sous l'en-tête.", "en": "no row under the header."},
    "synthesis.not_output": {
        "fr": "pas de colonne verdict : ce fichier n'est pas un résultat de tnl batch.",
        "en": "no verdict column: this file is not a tnl batch output.",
    },
    "synthesis.bad_json": {
        "fr": "ligne JSON illisible ({reason}) : attendu un objet par ligne (JSON Lines de tnl "
              "batch -o resultats.jsonl).",
        "en": "unreadable JSON line ({reason}): one object per line expected (JSON Lines of tnl "
              "batch -o results.jsonl).",
    },
    "synthesis.unreadable": {"fr": "illisible : {reason}.", "en": "unreadable: {reason}."},
    "synthesis.empty_folder": {
        "fr": "le dossier {dir} ne contient aucun fichier de réponses (.yaml ou .yml) : "
              "rassemblez-y les fichiers de vos collectivités (tnl assess --answers).",
        "en": "the folder {dir} holds no answers file (.yaml or .yml): gather your collectivities' "
              "files in it (tnl assess --answers).",
    },
    "synthesis.no_usable_file": {
        "fr": "aucun fichier de réponses utilisable dans {dir} :\n{reasons}",
        "en": "no usable answers file in {dir}:\n{reasons}",
    },
    "synthesis.file_left_out": {
        "fr": "{file} écarté : {reason}",
        "en": "{file} left out: {reason}",
    },
    "synthesis.mixed_editions": {
        "fr": "éditions mélangées : {first} est de l'édition {first_edition}, {second} de l'édition"
              " {second_edition}. Une synthèse porte sur une seule édition : séparez les fichiers, "
              "ou reprenez les anciens avec tnl assess --renew.",
        "en": "mixed editions: {first} is edition {first_edition}, {second} edition "
              "{second_edition}. A synthesis covers one edition: split the files, or carry the old "
              "ones over with tnl assess --renew.",
    },
    "synthesis.mixed_tiers": {
        "fr": "niveaux de plusieurs éditions dans le même fichier ({found}) : une synthèse porte "
              "sur une seule édition ; refaites le lot avec une seule --edition.",
        "en": "tiers of several editions in one file ({found}): a synthesis covers one edition; run"
              " the batch again with a single --edition.",
    },
    "synthesis.unknown_tiers": {
        "fr": "niveaux inconnus dans la colonne niveau : {found} ; attendus 1 à 5 (2024) ou bronze,"
              " argent, or (2025).",
        "en": "unknown tiers in the niveau column: {found}; expected 1 to 5 (2024) or bronze, "
              "argent, or (2025).",
    },
    "synthesis.nothing": {
        "fr": "aucune collectivité à synthétiser dans {files}.",
        "en": "no collectivity to summarise in {files}.",
    },
    "synthesis.where_line": {"fr": "{file}, ligne {line}", "en": "{file}, line {line}"},
    "synthesis.unplaced": {
        "fr": "{count} collectivité(s) sans code INSEE ni SIREN, comptées dans l'ensemble mais "
              "rattachées à aucun groupe (ajoutez la colonne code_insee ou siren) : {where}",
        "en": "{count} collectivit(y/ies) without an INSEE code or SIREN, counted overall but "
              "placed in no group (add the code_insee or siren column): {where}",
    },
    "synthesis.left_out": {
        "fr": "{count} ligne(s) ou fichier(s) écarté(s) :",
        "en": "{count} row(s) or file(s) left out:",
    },
    "synthesis.rejected_rows": {
        "fr": "{count} ligne(s) rejetée(s) par tnl batch (données invalides), comptées comme "
              "telles dans la synthèse :",
        "en": "{count} row(s) rejected by tnl batch (invalid data), counted as such in the "
              "synthesis:",
    },
    "synthesis.written": {
        "fr": "Synthèse de {count} collectivité(s) écrite dans {file}.",
        "en": "Synthesis of {count} collectivit(y/ies) written to {file}.",
    },
    "synthesis.datapackage_written": {
        "fr": "Schéma et paquet de données écrits : {schema}, {package}.",
        "en": "Schema and data package written: {schema}, {package}.",
    },
    "synthesis.datapackage_csv": {
        "fr": "--datapackage décrit un CSV : donnez -o resultats.csv.",
        "en": "--datapackage describes a CSV: give -o results.csv.",
    },
    "synthesis.by_without_synthese": {
        "fr": "--par regroupe la synthèse : ajoutez --synthese synthese.html (ou .odt, .md).",
        "en": "--par groups the synthesis: add --synthese synthese.html (or .odt, .md).",
    },
    "synthesis.title": {
        "fr": "Synthèse territoriale — Label Territoire Numérique Libre",
        "en": "Territory synthesis — Territoire Numérique Libre label",
    },
    "synthesis.subtitle": {
        "fr": "Édition {edition}, ensemble du territoire.",
        "en": "Edition {edition}, whole territory.",
    },
    "synthesis.subtitle_epci": {
        "fr": "Édition {edition}, par intercommunalité.",
        "en": "Edition {edition}, by intercommunality.",
    },
    "synthesis.subtitle_departement": {
        "fr": "Édition {edition}, par département.",
        "en": "Edition {edition}, by département.",
    },
    "synthesis.subtitle_region": {
        "fr": "Édition {edition}, par région.",
        "en": "Edition {edition}, by région.",
    },
    "synthesis.sources": {"fr": "Sources :", "en": "Sources:"},
    "synthesis.contents": {"fr": "Sommaire", "en": "Contents"},
    "synthesis.table_caption": {"fr": "Données :", "en": "Data:"},
    "synthesis.overall": {"fr": "Ensemble du territoire", "en": "Whole territory"},
    "synthesis.lead": {"fr": "{count} collectivité(s).", "en": "{count} collectivit(y/ies)."},
    "synthesis.group_epci": {"fr": "{name} (SIREN {code})", "en": "{name} (SIREN {code})"},
    "synthesis.group_departement": {"fr": "{name} ({code})", "en": "{name} ({code})"},
    "synthesis.group_region": {"fr": "Région {name} ({code})", "en": "Région {name} ({code})"},
    "synthesis.group_none": {
        "fr": "Non rattachées (sans code ou hors intercommunalité)",
        "en": "Not placed (no code, or outside any intercommunality)",
    },
    "synthesis.note_estimate": {
        "fr": "Les niveaux sont des estimations : le jury ne publie ni barème ni seuils.",
        "en": "Tiers are estimates: the jury publishes neither scale nor thresholds.",
    },
    "synthesis.note_no_ranking": {
        "fr": "Aucune collectivité n'est nommée ni classée dans ce document (option --classement "
              "pour nommer les plus proches du niveau suivant).",
        "en": "No collectivity is named or ranked in this document (option --classement names those"
              " closest to the next tier).",
    },
    "synthesis.note_left_out": {
        "fr": "{n} ligne(s) ou fichier(s) illisible(s) ont été écartés (voir la sortie d'erreur de "
              "la commande).",
        "en": "{n} unreadable row(s) or file(s) were left out (see the command's error output).",
    },
    "synthesis.generated": {
        "fr": "Produit par tnl {version} le {date}.",
        "en": "Produced by tnl {version} on {date}.",
    },
    "synthesis.chart_desc": {
        "fr": "Diagramme en barres, {what} : {items}.",
        "en": "Bar chart, {what}: {items}.",
    },
    "synthesis.desc_bands": {
        "fr": "Diagramme en barres : collectivités par tranche de population, et combien sont "
              "éligibles ; les chiffres sont dans le tableau.",
        "en": "Bar chart: collectivities by population band, and how many are eligible; the figures"
              " are in the table.",
    },
    "synthesis.desc_domains": {
        "fr": "Barres empilées : pour chaque domaine, combien de collectivités ont un score dans "
              "chaque tranche ; chaque tranche a son motif, les chiffres sont dans le tableau.",
        "en": "Stacked bars: for each domain, how many collectivities score in each band; each band"
              " has its own pattern, the figures are in the table.",
    },
    "synthesis.desc_missing": {
        "fr": "Diagramme en barres : les critères le plus souvent non remplis, avec le nombre de "
              "collectivités concernées ; les chiffres sont dans le tableau.",
        "en": "Bar chart: the criteria most often unmet, with the number of collectivities; the "
              "figures are in the table.",
    },
    "synthesis.fig_verdicts": {"fr": "Éligibilité", "en": "Eligibility"},
    "synthesis.fig_tiers": {
        "fr": "Niveau estimé des éligibles",
        "en": "Estimated tier of the eligible",
    },
    "synthesis.fig_types": {"fr": "Types de collectivités", "en": "Types of collectivities"},
    "synthesis.fig_bands": {"fr": "Par tranche de population", "en": "By population band"},
    "synthesis.fig_domains": {"fr": "Scores par domaine", "en": "Scores per domain"},
    "synthesis.fig_missing": {
        "fr": "Critères le plus souvent manquants : pistes de mutualisation",
        "en": "Criteria most often missing: pooling opportunities",
    },
    "synthesis.fig_gaps": {"fr": "Distance au niveau suivant", "en": "Distance to the next tier"},
    "synthesis.fig_closest": {
        "fr": "Les plus proches du niveau suivant",
        "en": "Closest to the next tier",
    },
    "synthesis.fig_obligations": {"fr": "Obligations légales", "en": "Legal obligations"},
    "synthesis.fig_change": {"fr": "Évolution depuis l'an dernier", "en": "Change since last year"},
    "synthesis.col_count": {"fr": "Collectivités", "en": "Collectivities"},
    "synthesis.col_share": {"fr": "Part", "en": "Share"},
    "synthesis.col_verdict": {"fr": "Verdict", "en": "Verdict"},
    "synthesis.col_tier": {"fr": "Niveau", "en": "Tier"},
    "synthesis.col_next_tier": {"fr": "Niveau suivant", "en": "Next tier"},
    "synthesis.col_type": {"fr": "Type", "en": "Type"},
    "synthesis.col_band": {"fr": "Population", "en": "Population"},
    "synthesis.col_eligible": {"fr": "Éligibles", "en": "Eligible"},
    "synthesis.col_eligible_share": {"fr": "Part éligible", "en": "Share eligible"},
    "synthesis.col_domain": {"fr": "Domaine", "en": "Domain"},
    "synthesis.col_criterion": {"fr": "Critère", "en": "Criterion"},
    "synthesis.col_missing": {"fr": "Non rempli", "en": "Unmet"},
    "synthesis.col_name": {"fr": "Collectivité", "en": "Collectivity"},
    "synthesis.col_gap_steps": {"fr": "Critères à remplir", "en": "Criteria to meet"},
    "synthesis.col_theme": {"fr": "Obligation", "en": "Obligation"},
    "synthesis.col_before": {"fr": "L'an dernier", "en": "Last year"},
    "synthesis.col_now": {"fr": "Cette année", "en": "This year"},
    "synthesis.col_diff": {"fr": "Écart", "en": "Difference"},
    "synthesis.eligible_short": {"fr": "éligibles : {n}", "en": "eligible: {n}"},
    "synthesis.pooling_sentence": {
        "fr": "{n} de nos {total} collectivités ne remplissent pas : « {what} »",
        "en": "{n} of our {total} collectivities do not meet: \"{what}\"",
    },
    "synthesis.note_missing_batch": {
        "fr": "D'après un résultat de tnl batch, seuls les critères d'éligibilité sont connus "
              "(colonnes manques et sans_reponse) ; un dossier de fichiers de réponses donne tous "
              "les critères.",
        "en": "From a tnl batch output only the eligibility criteria are known (columns manques and"
              " sans_reponse); a folder of answers files gives every criterion.",
    },
    "synthesis.explain_gap_steps": {
        "fr": "Nombre de critères à remplir pour atteindre le niveau suivant (le chemin le plus "
              "court), parmi les collectivités éligibles.",
        "en": "Number of criteria to meet to reach the next tier (the shortest path), among the "
              "eligible collectivities.",
    },
    "synthesis.theme_open_data": {"fr": "Données ouvertes", "en": "Open data"},
    "synthesis.theme_reen": {
        "fr": "Stratégie numérique responsable (REEN)",
        "en": "Responsible digital strategy (REEN)",
    },
    "synthesis.theme_accessibility": {
        "fr": "Accessibilité numérique (RGAA)",
        "en": "Digital accessibility (RGAA)",
    },
    "synthesis.status_unmet": {"fr": "Non remplie", "en": "Unmet"},
    "synthesis.status_unknown": {"fr": "Inconnue", "en": "Unknown"},
    "synthesis.status_met": {"fr": "Remplie", "en": "Met"},
    "synthesis.status_not_obliged": {"fr": "Non soumises", "en": "Not bound"},
    "synthesis.obliged_names": {
        "fr": "{theme}, non remplie ou inconnue : {names}.",
        "en": "{theme}, unmet or unknown: {names}.",
    },
    "synthesis.note_obligations_batch": {
        "fr": "Un résultat de tnl batch ne donne pas les réponses : l'obligation des collectivités "
              "soumises (d'après leur type et leur population) y est inconnue.",
        "en": "A tnl batch output does not carry the answers: the obligation of the bodies bound "
              "(from their type and population) is unknown there.",
    },
    "synthesis.change_sentence": {
        "fr": "{up} montent d'un niveau ou plus, {down} descendent, {same} restent au même niveau ;"
              " {new} nouvelle(s), {gone} absente(s) cette année.",
        "en": "{up} moved up one tier or more, {down} down, {same} stayed; {new} new, {gone} absent"
              " this year.",
    },
    "synthesis.change_other_edition": {
        "fr": "Les niveaux de deux éditions ne se comparent pas : seuls les verdicts sont comparés "
              "; {new} nouvelle(s), {gone} absente(s) cette année.",
        "en": "Tiers of two editions do not compare: only verdicts are compared; {new} new, {gone} "
              "absent this year.",
    },
    "synthesis.verdict_eligible": {"fr": "Éligible", "en": "Eligible"},
    "synthesis.verdict_eligible_with_reservations": {
        "fr": "Éligible avec réserves",
        "en": "Eligible with reservations",
    },
    "synthesis.verdict_not_eligible": {"fr": "Non éligible", "en": "Not eligible"},
    "synthesis.verdict_incomplete": {"fr": "Incomplet", "en": "Incomplete"},
    "synthesis.verdict_rejected": {
        "fr": "Rejeté (données invalides)",
        "en": "Rejected (invalid data)",
    },
    "synthesis.no_tier": {"fr": "Éligible, sans niveau", "en": "Eligible, no tier"},
    "synthesis.unknown": {"fr": "Inconnu", "en": "Unknown"},
    "synthesis.band_under": {"fr": "Moins de {high}", "en": "Under {high}"},
    "synthesis.band_between": {"fr": "{low} à {high}", "en": "{low} to {high}"},
    "synthesis.band_over": {"fr": "{low} et plus", "en": "{low} and over"},
    "synthesis.field_ligne": {"fr": "Ligne", "en": "Line"},
    "synthesis.field_ligne_desc": {
        "fr": "Numéro de la ligne dans le fichier lu.",
        "en": "Line number in the file read.",
    },
    "synthesis.field_nom": {"fr": "Nom", "en": "Name"},
    "synthesis.field_nom_desc": {
        "fr": "Nom de la collectivité.",
        "en": "Name of the collectivity.",
    },
    "synthesis.field_code_insee": {"fr": "Code INSEE", "en": "INSEE code"},
    "synthesis.field_code_insee_desc": {
        "fr": "Code officiel géographique (commune, département, région).",
        "en": "Official geographic code (commune, département, région).",
    },
    "synthesis.field_siren": {"fr": "SIREN", "en": "SIREN"},
    "synthesis.field_siren_desc": {
        "fr": "Numéro SIREN de la collectivité.",
        "en": "SIREN number of the collectivity.",
    },
    "synthesis.field_type": {"fr": "Type", "en": "Type"},
    "synthesis.field_type_desc": {
        "fr": "Type de collectivité (commune, communaute_communes…).",
        "en": "Type of collectivity (commune, communaute_communes…).",
    },
    "synthesis.field_population": {"fr": "Population", "en": "Population"},
    "synthesis.field_population_desc": {
        "fr": "Population municipale (INSEE) ou déclarée.",
        "en": "Municipal population (INSEE) or declared.",
    },
    "synthesis.field_departement": {"fr": "Département", "en": "Département"},
    "synthesis.field_departement_desc": {
        "fr": "Code du département.",
        "en": "Code of the département.",
    },
    "synthesis.field_region": {"fr": "Région", "en": "Région"},
    "synthesis.field_region_desc": {"fr": "Code de la région.", "en": "Code of the région."},
    "synthesis.field_epci_siren": {"fr": "SIREN de l'EPCI", "en": "EPCI SIREN"},
    "synthesis.field_epci_siren_desc": {
        "fr": "SIREN de l'intercommunalité à fiscalité propre (la sienne pour un EPCI).",
        "en": "SIREN of the intercommunality (its own for an EPCI).",
    },
    "synthesis.field_epci_nom": {"fr": "Nom de l'EPCI", "en": "EPCI name"},
    "synthesis.field_epci_nom_desc": {
        "fr": "Nom de l'intercommunalité.",
        "en": "Name of the intercommunality.",
    },
    "synthesis.field_tranche_population": {"fr": "Tranche de population", "en": "Population band"},
    "synthesis.field_tranche_population_desc": {
        "fr": "Tranche de population (0-499, 500-1999, 2000-3499, 3500-9999, 10000-49999, "
              "50000-199999, 200000+).",
        "en": "Population band (0-499, 500-1999, 2000-3499, 3500-9999, 10000-49999, 50000-199999, "
              "200000+).",
    },
    "synthesis.field_verdict": {"fr": "Verdict", "en": "Verdict"},
    "synthesis.field_verdict_desc": {
        "fr": "Éligibilité estimée : eligible, eligible_with_reservations, not_eligible, "
              "incomplete, rejected.",
        "en": "Estimated eligibility: eligible, eligible_with_reservations, not_eligible, "
              "incomplete, rejected.",
    },
    "synthesis.field_niveau": {"fr": "Niveau", "en": "Tier"},
    "synthesis.field_niveau_desc": {
        "fr": "Niveau estimé (estimation : le jury ne publie pas de barème).",
        "en": "Estimated tier (an estimate: the jury publishes no scale).",
    },
    "synthesis.field_niveau_min": {"fr": "Niveau minimal", "en": "Lowest tier"},
    "synthesis.field_niveau_min_desc": {
        "fr": "Niveau si chaque cellule vide est non remplie.",
        "en": "Tier if every empty cell is unmet.",
    },
    "synthesis.field_niveau_max": {"fr": "Niveau maximal", "en": "Highest tier"},
    "synthesis.field_niveau_max_desc": {
        "fr": "Niveau si chaque cellule vide est remplie au mieux.",
        "en": "Tier if every empty cell is met at best.",
    },
    "synthesis.field_mentions": {"fr": "Mentions", "en": "Mentions"},
    "synthesis.field_mentions_desc": {
        "fr": "Mentions spéciales, séparées par « | ».",
        "en": "Special mentions, separated by \"|\".",
    },
    "synthesis.field_score": {"fr": "Score", "en": "Score"},
    "synthesis.field_score_desc": {
        "fr": "Pourcentage des points possibles.",
        "en": "Percentage of the points possible.",
    },
    "synthesis.field_manques": {"fr": "Manques", "en": "Unmet gates"},
    "synthesis.field_manques_desc": {
        "fr": "Critères d'éligibilité non remplis, séparés par « | ».",
        "en": "Eligibility criteria unmet, separated by \"|\".",
    },
    "synthesis.field_sans_reponse": {"fr": "Sans réponse", "en": "Unanswered gates"},
    "synthesis.field_sans_reponse_desc": {
        "fr": "Critères d'éligibilité sans réponse, séparés par « | ».",
        "en": "Eligibility criteria unanswered, separated by \"|\".",
    },
    "synthesis.field_erreurs": {"fr": "Erreurs", "en": "Errors"},
    "synthesis.field_erreurs_desc": {
        "fr": "Pour une ligne rejetée, chaque problème et sa correction.",
        "en": "For a rejected row, each problem and its fix.",
    },
    "synthesis.field_avertissements": {"fr": "Avertissements", "en": "Warnings"},
    "synthesis.field_avertissements_desc": {
        "fr": "Identité à vérifier.",
        "en": "Identity to check.",
    },
    "synthesis.field_other": {"fr": "Autre", "en": "Other"},
    "synthesis.field_other_desc": {
        "fr": "Colonne ajoutée par une autre option.",
        "en": "Column added by another option.",
    },
    "synthesis.field_score_domain_desc": {
        "fr": "Pourcentage des points possibles du domaine {domain}.",
        "en": "Percentage of the points possible in the domain {domain}.",
    },
    "synthesis.schema_title": {
        "fr": "Pré-vérification Label Territoire Numérique Libre (tnl batch)",
        "en": "Territoire Numérique Libre label pre-check (tnl batch)",
    },
    "synthesis.schema_description": {
        "fr": "Une ligne par collectivité vérifiée par tnl batch, édition {edition} : identité "
              "(d'après le Code officiel géographique), verdict d'éligibilité, niveau estimé et "
              "scores par domaine. Les niveaux sont des estimations.",
        "en": "One row per collectivity checked by tnl batch, edition {edition}: identity (from the"
              " official geographic code), eligibility verdict, estimated tier and scores per "
              "domain. Tiers are estimates.",
    },
    "synthesis.schema_resource": {
        "fr": "Résultats de tnl batch (ce fichier)",
        "en": "tnl batch results (this file)",
    },
    "synthesis.source_cog": {
        "fr": "Code officiel géographique (INSEE), découpage administratif",
        "en": "Official geographic code (INSEE), administrative divisions",
    },
    "synthesis.source_label": {
        "fr": "Label Territoire Numérique Libre (ADULLACT)",
        "en": "Territoire Numérique Libre label (ADULLACT)",
    },
    "synthesis.badge_sentence": {
        "fr": "{badge} (voie à part des niveaux) : obtenu par {n} des {known} collectivités "
              "évaluées.",
        "en": "{badge} (a track apart from the tiers): granted to {n} of the {known} "
              "collectivities assessed.",
    },
    "synthesis.fig_reach": {
        "fr": "Niveau à portée en répondant aux questions restées sans réponse",
        "en": "Tier within reach by answering the questions left unanswered",
    },
    "synthesis.col_within_reach": {"fr": "À portée", "en": "Within reach"},
    "synthesis.explain_reach": {
        "fr": "D'après la fourchette de tnl batch (colonne niveau_max) : le niveau qu'atteindrait "
              "chaque collectivité si chaque question restée sans réponse recevait la meilleure "
              "réponse. Le chemin vers le niveau suivant, critère par critère, demande les "
              "fichiers de réponses.",
        "en": "From the tnl batch range (column niveau_max): the tier each collectivity would "
              "reach if every question left unanswered got its best answer. The path to the next "
              "tier, criterion by criterion, needs the answers files.",
    },
    "synthesis.desc_gaps": {
        "fr": "Diagramme en barres : combien de collectivités sont à 1, 2, 3… critères du niveau "
              "suivant ; les chiffres sont dans le tableau.",
        "en": "Bar chart: how many collectivities are 1, 2, 3… criteria away from the next tier; "
              "the figures are in the table.",
    },
    "synthesis.gap_label": {"fr": "{n} critère(s)", "en": "{n} criterion/criteria"},
}
