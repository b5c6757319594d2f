"""Words of `tnl opendata` and of `tnl batch --opendata-dir`: data.gouv.fr's exports read."""

MESSAGES = {
    "opendata.help": {
        "fr": "Compte ce que la collectivité publie sur data.gouv.fr, d'après les exports du "
              "catalogue (à télécharger une fois sur data.gouv.fr : export-organization-*.csv, "
              "export-dataset-*.csv, export-resource-*.csv), et propose les réponses "
              "ouverture_donnees, nombre_jeux_donnees, licence_donnees, url_portail_open_data "
              "et socle_commun_donnees_locales, avec leur source. Les exports ne voient que "
              "data.gouv.fr : la liste d'OpenDataFrance (--opendatafrance) dit ce que publient "
              "les autres portails.\n\n"
              "Exemple : tnl opendata --organisations export-organization.csv --jeux "
              "export-dataset.csv --ressources export-resource.csv --answers reponses.yaml "
              "--apply ; voir l'exemple fourni : tnl opendata --example\n\n"
              "Codes de sortie : 0 des réponses proposées, 1 rien à proposer (aucune "
              "organisation pour ce SIREN, ou aucun jeu de données), 2 fichier inutilisable ou "
              "erreur d'utilisation.",
        "en": "Counts what the collectivity publishes on data.gouv.fr, from the catalogue's "
              "exports (downloaded once from data.gouv.fr: export-organization-*.csv, "
              "export-dataset-*.csv, export-resource-*.csv), and proposes the answers "
              "ouverture_donnees, nombre_jeux_donnees, licence_donnees, url_portail_open_data "
              "and socle_commun_donnees_locales, with their source. The exports only see "
              "data.gouv.fr: OpenDataFrance's list (--opendatafrance) tells what other portals "
              "publish.\n\n"
              "Example: tnl opendata --organisations export-organization.csv --jeux "
              "export-dataset.csv --ressources export-resource.csv --answers answers.yaml "
              "--apply; see the bundled example: tnl opendata --example\n\n"
              "Exit codes: 0 answers proposed, 1 nothing to propose (no organisation for this "
              "SIREN, or no dataset), 2 unusable file or usage error.",
    },
    "opendata.opt_organisations": {
        "fr": "Export des organisations de data.gouv.fr (export-organization-*.csv).",
        "en": "data.gouv.fr's organisations export (export-organization-*.csv).",
    },
    "opendata.opt_jeux": {
        "fr": "Export des jeux de données de data.gouv.fr (export-dataset-*.csv).",
        "en": "data.gouv.fr's datasets export (export-dataset-*.csv).",
    },
    "opendata.opt_ressources": {
        "fr": "Export des ressources (export-resource-*.csv) : les schémas du SCDL déclarés.",
        "en": "The resources export (export-resource-*.csv): the SCDL schemas declared.",
    },
    "opendata.opt_odf": {
        "fr": "Liste des organisations d'OpenDataFrance (colonnes siren, nom, url-ptf, nb-ptf…) "
              ": les portails autres que data.gouv.fr.",
        "en": "OpenDataFrance's list of organisations (columns siren, nom, url-ptf, nb-ptf…): "
              "portals other than data.gouv.fr.",
    },
    "opendata.opt_siren": {
        "fr": "SIREN de la collectivité (9 chiffres ; un SIRET convient).",
        "en": "The collectivity's SIREN (9 digits; a SIRET will do).",
    },
    "opendata.opt_answers": {
        "fr": "Fichier de réponses : la collectivité y est cherchée par son SIREN.",
        "en": "Answers file: the collectivity is looked up by its SIREN.",
    },
    "opendata.opt_date": {
        "fr": "Date de référence pour les jeux « récents » (mis à jour dans les 12 mois "
              "précédents) ; par défaut aujourd'hui.",
        "en": "Reference date for \"recent\" datasets (updated within the 12 months before); "
              "today by default.",
    },
    "opendata.opt_apply": {
        "fr": "Écrire les réponses proposées et leurs sources dans le fichier de réponses "
              "(une réponse que vous avez donnée autrement est gardée).",
        "en": "Write the proposed answers and their sources into the answers file (an answer "
              "you gave otherwise is kept).",
    },
    "opendata.opt_force": {
        "fr": "Avec --apply : remplacer aussi les réponses que vous aviez données autrement.",
        "en": "With --apply: also replace the answers you had given otherwise.",
    },
    "opendata.opt_example": {
        "fr": "Lire l'exemple fourni avec tnl (Nancy et sa métropole, données fictives, avec la "
              "liste d'OpenDataFrance) pour voir le résultat.",
        "en": "Read the example shipped with tnl (Nancy and its métropole, fictitious data, "
              "with OpenDataFrance's list) to see the result.",
    },
    # -- files
    "opendata.kind_organisations": {"fr": "l'export des organisations",
                                    "en": "the organisations export"},
    "opendata.kind_jeux": {"fr": "l'export des jeux de données", "en": "the datasets export"},
    "opendata.kind_ressources": {"fr": "l'export des ressources", "en": "the resources export"},
    "opendata.kind_opendatafrance": {"fr": "la liste d'OpenDataFrance",
                                     "en": "OpenDataFrance's list"},
    "opendata.cannot_read": {"fr": "lecture impossible : {reason}.",
                             "en": "cannot be read: {reason}."},
    "opendata.empty": {"fr": "fichier vide ; attendu : {kind_key}.",
                       "en": "empty file; expected: {kind_key}."},
    "opendata.not_utf8": {
        "fr": "ce n'est pas du texte UTF-8 (les exports de data.gouv.fr le sont) : fichier "
              "abîmé ou converti ; téléchargez-le à nouveau.",
        "en": "this is not UTF-8 text (data.gouv.fr's exports are): the file is damaged or "
              "was converted; download it again.",
    },
    "opendata.missing_columns": {
        "fr": "ce n'est pas {kind_key} de data.gouv.fr attendu : colonnes absentes : {columns}.",
        "en": "this is not {kind_key} of data.gouv.fr expected: missing columns: {columns}.",
    },
    "opendata.other_export": {
        "fr": "on attendait {kind_key}, ce fichier ressemble à {other_key} (colonnes absentes : "
              "{columns}) : vérifiez l'ordre des options.",
        "en": "expected {kind_key}, this file looks like {other_key} (missing columns: "
              "{columns}): check which file goes with which option.",
    },
    "opendata.not_semicolon": {
        "fr": "les colonnes ne sont pas séparées par « ; » comme dans {kind_key} de "
              "data.gouv.fr : le fichier a été réenregistré par un tableur ? Téléchargez-le à "
              "nouveau.",
        "en": "the columns are not separated by \";\" as in {kind_key} of data.gouv.fr: was "
              "the file saved again by a spreadsheet? Download it again.",
    },
    "opendata.truncated": {
        "fr": "le fichier s'arrête au milieu d'une ligne ({found} colonnes sur {expected}) : "
              "téléchargement interrompu ? Téléchargez-le à nouveau.",
        "en": "the file stops in the middle of a row ({found} columns out of {expected}): "
              "was the download interrupted? Download it again.",
    },
    "opendata.truncated_quote": {
        "fr": "le fichier s'arrête à l'intérieur d'une valeur entre guillemets : fichier "
              "tronqué ou guillemet non fermé. Téléchargez-le à nouveau.",
        "en": "the file stops inside a quoted value: the file is truncated or a quote is "
              "left open. Download it again.",
    },
    "opendata.bad_row": {
        "fr": "cette ligne a {found} colonnes au lieu de {expected} : guillemets mal placés "
              "ou fichier modifié à la main.",
        "en": "this row has {found} columns instead of {expected}: misplaced quotes or a file "
              "edited by hand.",
    },
    "opendata.bad_quote": {
        "fr": "guillemets mal formés (un guillemet dans une valeur doit être doublé) : fichier "
              "modifié à la main ou abîmé.",
        "en": "malformed quotes (a quote inside a value must be doubled): the file was edited "
              "by hand or is damaged.",
    },
    "opendata.field_too_large": {
        "fr": "une valeur dépasse 8 millions de caractères : un guillemet n'est sans doute pas "
              "fermé.",
        "en": "a value exceeds 8 million characters: a quote is probably left open.",
    },
    "opendata.line_too_long": {
        "fr": "une ligne de plus de {limit} millions de caractères : ce n'est pas un export CSV "
              "de data.gouv.fr.",
        "en": "a line of more than {limit} million characters: this is not a data.gouv.fr CSV "
              "export.",
    },
    "opendata.nul_byte": {
        "fr": "le fichier contient un octet nul : ce n'est pas un export CSV (fichier binaire "
              "ou abîmé).",
        "en": "the file contains a NUL byte: this is not a CSV export (binary or damaged "
              "file).",
    },
    "opendata.csv_error": {"fr": "CSV illisible ({reason}).",
                           "en": "unreadable CSV ({reason})."},
    # -- usage
    "opendata.siren_or_answers": {
        "fr": "Donnez la collectivité : --siren SIREN ou --answers FICHIER (l'un ou l'autre).",
        "en": "Name the collectivity: --siren SIREN or --answers FILE (one of them).",
    },
    "opendata.need_files": {
        "fr": "Donnez les exports de data.gouv.fr : --organisations export-organization-….csv et "
              "--jeux export-dataset-….csv (ou --example pour voir l'exemple fourni).",
        "en": "Give data.gouv.fr's exports: --organisations export-organization-….csv and "
              "--jeux export-dataset-….csv (or --example to see the bundled example).",
    },
    "opendata.example_and_files": {
        "fr": "--example lit les fichiers de l'exemple : ne donnez pas --organisations, --jeux, "
              "--ressources ni --opendatafrance avec.",
        "en": "--example reads the example's files: do not give --organisations, --jeux, "
              "--ressources or --opendatafrance with it.",
    },
    "opendata.example_missing": {
        "fr": "l'exemple fourni est incomplet : réinstallez tnl.",
        "en": "the bundled example is incomplete: reinstall tnl.",
    },
    "opendata.apply_needs_answers": {
        "fr": "--apply et --force écrivent dans un fichier de réponses : donnez-le avec "
              "--answers FICHIER.",
        "en": "--apply and --force write into an answers file: give it with --answers FILE.",
    },
    "opendata.bad_siren": {
        "fr": "« {value} » n'est pas un SIREN valide (9 chiffres, clé de contrôle exacte ; un "
              "SIRET de 14 chiffres convient aussi).",
        "en": "\"{value}\" is not a valid SIREN (9 digits with a correct check digit; a "
              "14-digit SIRET will also do).",
    },
    "opendata.bad_date": {
        "fr": "« {value} » n'est pas une date AAAA-MM-JJ (exemple : 2026-12-06).",
        "en": "\"{value}\" is not a YYYY-MM-DD date (example: 2026-12-06).",
    },
    "opendata.no_siren": {
        "fr": "le fichier ne donne pas le SIREN de la collectivité (collectivite: siren:) : "
              "ajoutez-le, ou donnez --siren.",
        "en": "the file does not give the collectivity's SIREN (collectivite: siren:): add "
              "it, or give --siren.",
    },
    # -- results
    "opendata.no_organisation": {
        "fr": "Aucune organisation de data.gouv.fr n'a le SIREN {siren} dans {file} : la "
              "collectivité n'y publie pas sous son propre nom (ou l'organisation n'a pas "
              "renseigné son SIRET).",
        "en": "No data.gouv.fr organisation has SIREN {siren} in {file}: the collectivity "
              "does not publish there under its own name (or the organisation did not fill "
              "in its SIRET).",
    },
    "opendata.no_datasets": {
        "fr": "L'organisation (SIREN {siren}) ne publie aucun jeu de données sur data.gouv.fr "
              "(hors jeux archivés).",
        "en": "The organisation (SIREN {siren}) publishes no dataset on data.gouv.fr (archived "
              "ones aside).",
    },
    "opendata.organisation": {"fr": "Organisation data.gouv.fr : {name} ({id})",
                              "en": "data.gouv.fr organisation: {name} ({id})"},
    "opendata.datasets": {
        "fr": "Jeux de données publiés : {count} (archivés, non comptés : {archived})",
        "en": "Datasets published: {count} (archived, not counted: {archived})",
    },
    "opendata.recent": {
        "fr": "dont mis à jour dans les 12 mois avant le {date} : {count} sur {base}",
        "en": "of which updated within the 12 months before {date}: {count} of {base}",
    },
    "opendata.licences": {"fr": "Licences : {shares}", "en": "Licences: {shares}"},
    "opendata.share": {"fr": "{label} : {count}", "en": "{label}: {count}"},
    "opendata.scdl": {
        "fr": "Schémas du SCDL déclarés par les ressources (jeux) : {schemas}",
        "en": "SCDL schemas declared by the resources (datasets): {schemas}",
    },
    "opendata.other_schemas": {"fr": "Autres schémas (jeux) : {schemas}",
                               "en": "Other schemas (datasets): {schemas}"},
    "opendata.none": {"fr": "aucun", "en": "none"},
    "opendata.odf_entry": {
        "fr": "OpenDataFrance : {name} — portail {url}, {count} jeux de données",
        "en": "OpenDataFrance: {name} — portal {url}, {count} datasets",
    },
    "opendata.proposals": {"fr": "Réponses proposées :", "en": "Proposed answers:"},
    "opendata.limits": {"fr": "Ce que ces fichiers ne disent pas :",
                        "en": "What these files do not say:"},
    "opendata.yes": {"fr": "oui", "en": "yes"},
    "opendata.no": {"fr": "non", "en": "no"},
    "opendata.licence_licence_ouverte_2": {"fr": "Licence Ouverte 2.0",
                                           "en": "Licence Ouverte 2.0"},
    "opendata.licence_odbl": {"fr": "ODbL", "en": "ODbL"},
    "opendata.licence_licence_ouverte_1": {"fr": "Licence Ouverte 1.0 (ancienne)",
                                           "en": "Licence Ouverte 1.0 (former)"},
    "opendata.licence_autre": {"fr": "autre licence", "en": "other licence"},
    "opendata.licence_aucune": {"fr": "aucune licence indiquée", "en": "no licence stated"},
    "opendata.schema_deliberations": {"fr": "délibérations", "en": "council decisions"},
    "opendata.schema_budget": {"fr": "budget", "en": "budget"},
    "opendata.schema_subventions": {"fr": "subventions", "en": "grants"},
    "opendata.schema_equipements": {"fr": "équipements collectifs", "en": "public facilities"},
    "opendata.schema_catalogue": {"fr": "catalogue de données", "en": "data catalogue"},
    "opendata.schema_marches_publics": {"fr": "marchés publics", "en": "public contracts"},
    "opendata.schema_prenoms": {"fr": "prénoms des nouveau-nés", "en": "newborns' first names"},
    # -- reasons (the sentence beside each proposed answer)
    "opendata.r_open": {"fr": "{count} jeux de données publiés sur data.gouv.fr",
                        "en": "{count} datasets published on data.gouv.fr"},
    "opendata.r_open_odf": {
        "fr": "{count} jeux de données sur le portail de la collectivité (liste "
              "d'OpenDataFrance)",
        "en": "{count} datasets on the collectivity's portal (OpenDataFrance's list)",
    },
    "opendata.r_url": {"fr": "la page de l'organisation sur data.gouv.fr",
                       "en": "the organisation's page on data.gouv.fr"},
    "opendata.r_url_odf": {"fr": "le portail que donne la liste d'OpenDataFrance",
                           "en": "the portal OpenDataFrance's list gives"},
    "opendata.r_licence": {
        "fr": "{count} jeux sur {base} sous {licence_key} ({percent} %)",
        "en": "{count} datasets out of {base} under {licence_key} ({percent}%)",
    },
    "opendata.r_count": {
        "fr": "{count} jeux publiés sur data.gouv.fr (archivés non comptés : {archived} ; les "
              "autres portails ne sont pas vus)",
        "en": "{count} datasets published on data.gouv.fr ({archived} archived not counted; "
              "other portals are not seen)",
    },
    "opendata.r_count_odf": {
        "fr": "{count} jeux sur le portail de la collectivité selon OpenDataFrance ({datagouv} "
              "sur data.gouv.fr)",
        "en": "{count} datasets on the collectivity's portal according to OpenDataFrance "
              "({datagouv} on data.gouv.fr)",
    },
    "opendata.r_scdl": {
        "fr": "{count} jeux sur {base} déclarent un schéma du SCDL sur une de leurs ressources "
              "({schemas})",
        "en": "{count} datasets out of {base} have a resource declaring an SCDL schema "
              "({schemas})",
    },
    # -- what the files cannot see
    "opendata.blind_portals": {
        "fr": "Les exports ne voient que data.gouv.fr : les jeux publiés sur le portail de la "
              "collectivité ou sur un portail régional et non moissonnés n'y sont pas. Donnez "
              "la liste d'OpenDataFrance (--opendatafrance) ou comptez-les vous-même.",
        "en": "The exports only see data.gouv.fr: datasets published on the collectivity's "
              "own portal or a regional one and not harvested are not there. Give "
              "OpenDataFrance's list (--opendatafrance) or count them yourself.",
    },
    "opendata.blind_not_in_odf": {
        "fr": "La collectivité n'est pas dans la liste d'OpenDataFrance : un autre portail, "
              "s'il existe, n'est pas vu ; comptez ses jeux vous-même.",
        "en": "The collectivity is not in OpenDataFrance's list: another portal, if any, is "
              "not seen; count its datasets yourself.",
    },
    "opendata.blind_resources": {
        "fr": "Sans l'export des ressources (--ressources), les schémas du SCDL ne sont pas "
              "vérifiés.",
        "en": "Without the resources export (--ressources), the SCDL schemas are not checked.",
    },
    "opendata.blind_no_scdl": {
        "fr": "Aucune ressource ne déclare de schéma du SCDL : un jeu conforme mais sans "
              "schéma déclaré sur data.gouv.fr n'est pas vu.",
        "en": "No resource declares an SCDL schema: a dataset that complies without "
              "declaring its schema on data.gouv.fr is not seen.",
    },
    "opendata.blind_documented": {
        "fr": "Documentation et fréquence de mise à jour (donnees_documentees_a_jour) et "
              "publication de vos principaux documents (obligation_open_data_defaut) : à "
              "répondre vous-même ; les dates de mise à jour ci-dessus peuvent vous y aider.",
        "en": "Documentation and update frequency (donnees_documentees_a_jour) and the "
              "publication of your main documents (obligation_open_data_defaut): yours to "
              "answer; the update dates above can help.",
    },
    # -- tnl batch --opendata-dir
    "opendata.opt_batch_dir": {
        "fr": "Dossier des exports de data.gouv.fr (export-organization-*.csv, "
              "export-dataset-*.csv, export-resource-*.csv, et si vous l'avez la liste "
              "*opendatafrance*.csv) : ajoute à chaque ligne du résultat ce que la collectivité "
              "publie (colonnes datagouv_* et opendatafrance_*). Demande --output.",
        "en": "Folder of data.gouv.fr's exports (export-organization-*.csv, "
              "export-dataset-*.csv, export-resource-*.csv, and if you have it the list "
              "*opendatafrance*.csv): adds to every result row what the collectivity publishes "
              "(datagouv_* and opendatafrance_* columns). Needs --output.",
    },
    "opendata.batch_needs_output": {
        "fr": "--opendata-dir ajoute des colonnes au tableau de résultats : donnez-le avec "
              "--output FICHIER.",
        "en": "--opendata-dir adds columns to the result table: give it with --output FILE.",
    },
    "opendata.batch_no_dir": {"fr": "ce n'est pas un dossier.", "en": "this is not a folder."},
    "opendata.batch_missing_exports": {
        "fr": "aucun fichier {patterns} dans ce dossier : téléchargez les exports du catalogue "
              "sur data.gouv.fr.",
        "en": "no {patterns} file in this folder: download the catalogue's exports from "
              "data.gouv.fr.",
    },
    "opendata.batch_summary": {
        "fr": "data.gouv.fr (exports du {day}) : {without} collectivités n'y publient aucun jeu "
              "de données, dont {obliged} de 3 500 habitants ou plus ; {published} en publient. "
              "Les autres portails ne sont pas vus.",
        "en": "data.gouv.fr (exports of {day}): {without} collectivities publish no dataset "
              "there, {obliged} of them with 3,500 inhabitants or more; {published} do. Other "
              "portals are not seen.",
    },
    "opendata.batch_summary_odf": {
        "fr": "data.gouv.fr (exports du {day}) et liste d'OpenDataFrance : {without} "
              "collectivités ne publient aucun jeu de données ni sur data.gouv.fr ni sur un "
              "portail de la liste, dont {obliged} de 3 500 habitants ou plus ; {published} en "
              "publient.",
        "en": "data.gouv.fr (exports of {day}) and OpenDataFrance's list: {without} "
              "collectivities publish no dataset, neither on data.gouv.fr nor on a portal of "
              "the list, {obliged} of them with 3,500 inhabitants or more; {published} do.",
    },
    "opendata.batch_unidentified": {
        "fr": "{count} lignes sans SIREN (ni code INSEE qui le donne) : colonnes datagouv_* "
              "laissées vides.",
        "en": "{count} rows without a SIREN (nor an INSEE code giving it): datagouv_* columns "
              "left empty.",
    },
}
