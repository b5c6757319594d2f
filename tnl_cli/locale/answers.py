"""Messages about answers (file, --set, prompts, spreadsheet rows)."""

MESSAGES = {
    "answers.not_mapping": {
        "fr": "un fichier de réponses doit être un dictionnaire YAML avec les clés edition, "
              "collectivite et reponses (ici : {kind}). Voir examples/commune-exemple.yaml.",
        "en": "an answers file must be a YAML mapping with keys edition, collectivite and "
              "reponses (found: {kind}). See examples/commune-exemple.yaml.",
    },
    "answers.not_concerned_refused": {
        "fr": "« {value} » : cette question concerne toute collectivité, la réponse « non "
              "concerné » n'y est pas possible.",
        "en": "'{value}': this question concerns every body, 'not concerned' is not a "
              "possible answer to it.",
    },
    "answers.unknown_key": {
        "fr": "clé « {key} » inconnue ; clés possibles : {allowed}.",
        "en": "unknown key '{key}'; possible keys: {allowed}.",
    },
    "answers.unknown_key_hint": {
        "fr": "clé « {key} » inconnue ; vouliez-vous dire : {hint} ? Clés possibles : {allowed}.",
        "en": "unknown key '{key}'; did you mean: {hint}? Possible keys: {allowed}.",
    },
    "answers.too_many_responses": {
        "fr": "« reponses » compte {count} entrées, au-delà de la limite de {limit} (le "
              "catalogue a une soixantaine de critères) : est-ce bien un fichier de réponses ?",
        "en": "'reponses' has {count} entries, over the limit of {limit} (the catalog has about "
              "sixty criteria): is this really an answers file?",
    },
    "answers.file_too_big": {
        "fr": "fichier de {size} Mo, au-delà de la limite de {limit} Mo pour un fichier de "
              "réponses (quelques kilo-octets d'ordinaire) : est-ce bien le bon fichier ?",
        "en": "a {size} MB file, over the {limit} MB limit for an answers file (usually a few "
              "KB): is this the right file?",
    },
    "answers.inventory_too_long": {
        "fr": "{value} logiciels, au-delà de la limite de {limit} par inventaire.",
        "en": "{value} software, over the limit of {limit} per inventory.",
    },
    "answers.bad_edition": {
        "fr": "« edition » doit être une année (par exemple 2025), pas « {value} ».",
        "en": "'edition' must be a year (e.g. 2025), not '{value}'.",
    },
    "answers.no_edition": {
        "fr": "ce fichier est de l'édition {edition}, que tnl ne connaît pas (éditions "
              "disponibles : {available}). Choisissez-en une avec --edition (les réponses "
              "seront reprises) ou corrigez « edition ».",
        "en": "this file is for edition {edition}, which tnl does not know (available "
              "editions: {available}). Pick one with --edition (answers are carried over) or "
              "fix 'edition'.",
    },
    "answers.identity_not_mapping": {
        "fr": "« collectivite » doit être un dictionnaire (nom, type, code_insee, siren…).",
        "en": "'collectivite' must be a mapping (nom, type, code_insee, siren…).",
    },
    "answers.responses_not_mapping": {
        "fr": "« reponses » doit être un dictionnaire « identifiant_du_critere: valeur ».",
        "en": "'reponses' must be a mapping 'criterion_id: value'.",
    },
    "answers.unknown_criterion": {
        "fr": "critère « {id} » inconnu dans l'édition {edition} ; "
              "`tnl criteria list` donne la liste des identifiants.",
        "en": "unknown criterion '{id}' in edition {edition}; `tnl criteria list` gives the "
              "list of ids.",
    },
    "answers.unknown_criterion_hint": {
        "fr": "critère « {id} » inconnu dans l'édition {edition} ; vouliez-vous dire : {hint} ?",
        "en": "unknown criterion '{id}' in edition {edition}; did you mean: {hint}?",
    },
    "answers.refused": {
        "fr": "critère « {id} » : {reason_key} {accepts_key}{more_key}",
        "en": "criterion '{id}': {reason_key} {accepts_key}{more_key}",
    },
    "answers.accepts_not_concerned": {
        "fr": " Si le sujet n'existe pas chez vous : non_concerne (ou « non concerné », nc, "
              "n/a).",
        "en": " If the subject does not exist for you: non_concerne (or 'not concerned', nc, "
              "n/a).",
    },
    "answers.accepts_more": {"fr": "", "en": ""},
    "answers.bad_bool": {
        "fr": "« {value} » n'est pas une réponse oui/non.",
        "en": "'{value}' is not a yes/no answer.",
    },
    "answers.bad_number": {
        "fr": "« {value} » n'est pas un nombre.",
        "en": "'{value}' is not a number.",
    },
    "answers.number_not_yes_no": {
        "fr": "« {value} » : cette question attend un nombre, pas oui ou non (si votre fichier "
              "date d'une version où elle se répondait par oui ou non, remplacez la réponse par le "
              "chiffre demandé ; « tnl criteria show {id} » affiche la question).",
        "en": "'{value}': this question expects a number, not yes or no (if your file dates from a "
              "version where it was answered yes or no, replace the answer with the figure asked; "
              "'tnl criteria show {id}' displays the question).",
    },
    "answers.too_large": {
        "fr": "« {value} » est trop grand (au-delà d'un million de milliards, 10^15).",
        "en": "'{value}' is too large (over a million billion, 10^15).",
    },
    "answers.out_of_bounds": {
        "fr": "{value} est hors des bornes ({low} à {high}).",
        "en": "{value} is out of bounds ({low} to {high}).",
    },
    "answers.bad_choice": {
        "fr": "« {value} » n'est pas une option de cette question.",
        "en": "'{value}' is not an option of this question.",
    },
    "answers.bad_multi": {
        "fr": "« {value} » n'est pas une liste d'options.",
        "en": "'{value}' is not a list of options.",
    },
    "answers.bad_url": {
        "fr": "« {value} » n'est pas une adresse web complète.",
        "en": "'{value}' is not a complete web address.",
    },
    "answers.bad_text": {
        "fr": "un texte simple est attendu, pas une liste ou un dictionnaire.",
        "en": "plain text is expected, not a list or a mapping.",
    },
    "answers.dossier_not_mapping": {
        "fr": "« dossier » doit être un dictionnaire (presentation, demarche, realisations, "
              "projets, lieu, annexes).",
        "en": "'dossier' must be a mapping (presentation, demarche, realisations, projets, "
              "lieu, annexes).",
    },
    "answers.dossier_not_list": {
        "fr": "« {field} » doit être une liste, un élément par ligne commençant par « - ».",
        "en": "'{field}' must be a list, one item per line starting with '- '.",
    },
    "answers.bad_annex": {
        "fr": "annexe invalide : indiquez {{titre: …, url: https://…}} (au moins l'un des deux).",
        "en": "invalid annex: give {{titre: …, url: https://…}} (at least one of them).",
    },
    "answers.bad_logo": {
        "fr": "« {value} » n'est pas une image que le dossier sait inclure (dossier.logo) : "
              "donnez un fichier {allowed}, chemin relatif au fichier de réponses.",
        "en": "'{value}' is not an image the dossier can include (dossier.logo): give a "
              "{allowed} file, its path relative to the answers file.",
    },
    "answers.not_text": {
        "fr": "« {field} » doit être un texte, pas une liste ni un dictionnaire.",
        "en": "'{field}' must be a text, not a list or a mapping.",
    },
    "answers.bad_inventory": {
        "fr": "« {value} » n'est pas une liste de logiciels.",
        "en": "'{value}' is not a list of software.",
    },
    "answers.accepts_inventory": {
        "fr": "Une liste de noms de logiciels est attendue (en YAML [LibreOffice, QGIS], ou "
              "LibreOffice|QGIS) ; précisez un logiciel inconnu avec {{nom: …, libre: oui}}.",
        "en": "A list of software names is expected (YAML [LibreOffice, QGIS], or "
              "LibreOffice|QGIS); qualify unknown software with {{nom: …, libre: yes}}.",
    },
    "answers.accepts_boolean": {
        "fr": "Réponses acceptées : oui, non (ou vrai/faux, yes/no, true/false, 1/0).",
        "en": "Accepted answers: yes, no (or oui/non, true/false, 1/0).",
    },
    "answers.accepts_number": {
        "fr": "Un nombre est attendu (virgule décimale acceptée, par exemple 42,5), dans les "
              "bornes de la question.",
        "en": "A number is expected (e.g. 42.5), within the question's bounds.",
    },
    "answers.accepts_choice": {
        "fr": "Une seule option est attendue : {allowed}.",
        "en": "One option is expected: {allowed}.",
    },
    "answers.accepts_multi": {
        "fr": "Une liste d'options est attendue (en YAML [a, b], ou a|b) parmi : {allowed}.",
        "en": "A list of options is expected (YAML [a, b], or a|b) among: {allowed}.",
    },
    "answers.accepts_text": {
        "fr": "Un texte est attendu.",
        "en": "A text is expected.",
    },
    "answers.accepts_url": {
        "fr": "Une adresse commençant par https:// (ou http://) est attendue.",
        "en": "An address starting with https:// (or http://) is expected.",
    },
    "answers.bad_proofs": {
        "fr": "critère « {id} » : « preuves » doit être une liste d'adresses web.",
        "en": "criterion '{id}': 'preuves' must be a list of web addresses.",
    },
    "answers.bad_proof": {
        "fr": "critère « {id} » : la preuve « {value} » n'est pas une adresse web complète "
              "(https://…).",
        "en": "criterion '{id}': evidence '{value}' is not a complete web address (https://…).",
    },
    "answers.bad_set": {
        "fr": "--set « {spec} » : la forme attendue est ID=VALEUR (par exemple "
              "--set ouverture_donnees=oui ou --set collectivite.population=4200).",
        "en": "--set '{spec}': the expected form is ID=VALUE (e.g. --set ouverture_donnees=yes "
              "or --set collectivite.population=4200).",
    },
    "answers.bad_source": {
        "fr": "critère « {id} » : chaque entrée de « sources » est un dictionnaire (fichier, format, "
              "date, lu_le, compte, base, unite).",
        "en": "criterion '{id}': each entry of 'sources' is a mapping (fichier, format, date, lu_le, "
              "compte, base, unite).",
    },
    "answers.bad_source_key": {
        "fr": "critère « {id} » : clé « {name} » inconnue dans « sources » (clés possibles : {allowed}).",
        "en": "criterion '{id}': unknown key '{name}' in 'sources' (possible keys: {allowed}).",
    },
    "answers.source_missing": {
        "fr": "critère « {id} » : une entrée de « sources » doit indiquer « {field} ».",
        "en": "criterion '{id}': an entry of 'sources' must give '{field}'.",
    },
    "answers.bad_source_text": {
        "fr": "critère « {id} » : « {field} » d'une source doit être un texte de {max} caractères "
              "au plus.",
        "en": "criterion '{id}': a source's '{field}' must be a text of at most {max} characters.",
    },
    "answers.bad_source_date": {
        "fr": "critère « {id} » : « {field} » d'une source doit être une date AAAA-MM-JJ.",
        "en": "criterion '{id}': a source's '{field}' must be a date YYYY-MM-DD.",
    },
    "answers.bad_source_count": {
        "fr": "critère « {id} » : « {field} » d'une source doit être un nombre entier entre 0 et "
              "{max}.",
        "en": "criterion '{id}': a source's '{field}' must be a whole number from 0 to {max}.",
    },
    "answers.bad_source_unit": {
        "fr": "critère « {id} » : unité « {value} » inconnue dans « sources » (possibles : "
              "{allowed}).",
        "en": "criterion '{id}': unknown unit '{value}' in 'sources' (possible: {allowed}).",
    },
    "answers.source_over_base": {
        "fr": "critère « {id} » : une source compte {compte} sur une base de {base} : le compte ne "
              "peut dépasser la base.",
        "en": "criterion '{id}': a source counts {compte} out of a base of {base}: the count cannot "
              "exceed the base.",
    },
    "answers.too_many_sources": {
        "fr": "critère « {id} » : {max} sources au plus par réponse.",
        "en": "criterion '{id}': at most {max} sources per answer.",
    },
}
