"""Messages of `tnl batch` (pre-checking a table of collectivities)."""

MESSAGES = {
    "batch.help": {
        "fr": "Pré-vérifie d'un coup toutes les collectivités d'un fichier CSV, ODS ou XLSX "
              "(une ligne par collectivité, une colonne par critère). `tnl batch --template "
              "modele.ods` écrit un fichier prêt à remplir.",
        "en": "Pre-checks every collectivity of a CSV, ODS or XLSX file at once (one row per "
              "collectivity, one column per criterion). `tnl batch --template model.ods` "
              "writes a file ready to fill in.",
    },
    "batch.arg_file": {
        "fr": "Le fichier à vérifier : .csv (« ; » ou « , », UTF-8 ou Windows-1252), .ods "
              "ou .xlsx ; « - » : un CSV sur l'entrée standard.",
        "en": "The file to check: .csv (';' or ',', UTF-8 or Windows-1252), .ods or .xlsx; "
              "'-': a CSV on standard input.",
    },
    "batch.opt_output": {
        "fr": "Fichier de résultats, une ligne par ligne lue : .csv (UTF-8, « ; »), .json "
              "(JSON Lines), .ods ou .xlsx.",
        "en": "Results file, one row per row read: .csv (UTF-8, ';'), .json (JSON Lines), "
              ".ods or .xlsx.",
    },
    "batch.opt_template": {
        "fr": "Écrire un fichier vide avec les bonnes colonnes et une ligne d'aide "
              "(.csv, .ods ou .xlsx), puis s'arrêter.",
        "en": "Write an empty file with the right columns and a line of hints (.csv, .ods "
              "or .xlsx), then stop.",
    },
    "batch.opt_encoding": {
        "fr": "Encodage du CSV (utf-8, cp1252, latin-1, iso-8859-15, utf-16, mac-roman) ; "
              "détecté automatiquement par défaut.",
        "en": "Encoding of the CSV (utf-8, cp1252, latin-1, iso-8859-15, utf-16, mac-roman); "
              "detected automatically by default.",
    },
    "batch.opt_delimiter": {
        "fr": "Séparateur du CSV (« ; », « , » ou « tab ») ; détecté par défaut.",
        "en": "CSV separator (';', ',' or 'tab'); detected by default.",
    },
    "batch.opt_sheet": {
        "fr": "Feuille à lire dans un .ods/.xlsx (la première par défaut).",
        "en": "Sheet to read in an .ods/.xlsx (the first one by default).",
    },
    "batch.opt_dossiers": {
        "fr": "Écrire dans ce dossier le dossier de candidature (Markdown) de chaque ligne "
              "éligible.",
        "en": "Write the application dossier (Markdown) of every eligible row into this "
              "directory.",
    },
    "batch.opt_force": {
        "fr": "Remplacer le fichier de résultats (ou le modèle) s'il existe déjà.",
        "en": "Replace the results file (or the template) if it already exists.",
    },
    "batch.need_file": {
        "fr": "indiquez le fichier à vérifier (tnl batch collectivites.csv), ou créez-en un "
              "modèle avec tnl batch --template collectivites.ods.",
        "en": "give the file to check (tnl batch collectivities.csv), or create a template "
              "with tnl batch --template collectivities.ods.",
    },
    "batch.template_and_file": {
        "fr": "--template écrit un modèle vide : ne donnez pas de fichier à vérifier en même "
              "temps.",
        "en": "--template writes an empty template: do not give a file to check at the same "
              "time.",
    },
    "batch.bad_template_format": {
        "fr": "le modèle doit être un fichier .csv, .ods ou .xlsx.",
        "en": "the template must be a .csv, .ods or .xlsx file.",
    },
    "batch.template_written": {
        "fr": "Modèle écrit : {file} ({columns} colonnes, édition {edition}). Remplissez une "
              "ligne par collectivité (la ligne d'aide peut rester), puis : tnl batch {file}",
        "en": "Template written: {file} ({columns} columns, edition {edition}). Fill in one "
              "row per collectivity (the hint line may stay), then: tnl batch {file}",
    },
    "batch.same_file": {
        "fr": "le fichier de résultats serait le fichier lu lui-même ; choisissez un autre nom "
              "pour -o.",
        "en": "the results file would be the input file itself; choose another name for -o.",
    },
    "batch.bad_delimiter": {
        "fr": "séparateur « {value} » non pris en charge ; utilisez « ; », « , » ou « tab ».",
        "en": "unsupported separator '{value}'; use ';', ',' or 'tab'.",
    },
    "batch.bad_encoding_option": {
        "fr": "encodage « {value} » inconnu ; encodages acceptés : {allowed}.",
        "en": "unknown encoding '{value}'; accepted encodings: {allowed}.",
    },
    "batch.unsupported_encoding": {
        "fr": "encodage « {value} » non pris en charge : tnl lit les encodages des exports de "
              "tableurs, à savoir : {allowed}.",
        "en": "encoding '{value}' not supported: tnl reads the encodings spreadsheets export "
              "in, namely: {allowed}.",
    },
    "batch.sheet_too_big": {
        "fr": "classeur trop volumineux une fois décompressé (plus de {megabytes} Mo de XML) : "
              "enregistrez la feuille en CSV, que tnl lit au fil de l'eau quelle que soit sa "
              "taille.",
        "en": "workbook too large once unzipped (over {megabytes} MB of XML): save the sheet as "
              "CSV, which tnl streams whatever its size.",
    },
    "batch.sheet_too_many_cells": {
        "fr": "classeur trop grand : sa grille compte {cells} cellules (de la première à la "
              "dernière remplie), au-delà de la limite de {limit}. Supprimez les lignes et "
              "colonnes vides ou lointaines, ou enregistrez la feuille en CSV.",
        "en": "workbook too large: its grid has {cells} cells (from the first filled one to the "
              "last), over the limit of {limit}. Delete empty or far away rows and columns, or "
              "save the sheet as CSV.",
    },
    "batch.utf32": {
        "fr": "ce fichier est en UTF-32 (d'après sa marque d'ordre des octets), que tnl ne lit "
              "pas : réenregistrez-le en « CSV UTF-8 » (ou UTF-16).",
        "en": "this file is UTF-32 (by its byte order mark), which tnl does not read: save it "
              "again as 'CSV UTF-8' (or UTF-16).",
    },
    "batch.options_csv_only": {
        "fr": "--encoding et --delimiter ne servent que pour un CSV ; ils sont ignorés pour "
              "un tableur.",
        "en": "--encoding and --delimiter only apply to CSV; they are ignored for a "
              "spreadsheet.",
    },
    "batch.sheet_csv": {
        "fr": "--sheet ne sert que pour un .ods ou un .xlsx ; il est ignoré pour un CSV.",
        "en": "--sheet only applies to .ods or .xlsx; it is ignored for CSV.",
    },
    "batch.empty": {
        "fr": "le fichier est vide. Ajoutez une ligne d'en-tête et une ligne par collectivité "
              "(tnl batch --template modele.ods en donne un modèle).",
        "en": "the file is empty. Add a header row and one row per collectivity (tnl batch "
              "--template model.ods gives a template).",
    },
    "batch.zip_named_csv": {
        "fr": "ce fichier est un classeur (.xlsx ou .ods) qui porte un nom en .csv. "
              "Renommez-le avec la bonne extension, ou enregistrez-le au format CSV.",
        "en": "this file is a workbook (.xlsx or .ods) with a .csv name. Rename it with the "
              "right extension, or save it as CSV.",
    },
    "batch.encoding_unknown": {
        "fr": "encodage du texte non reconnu (ni UTF-8 ni Windows-1252) : est-ce bien un "
              "fichier CSV ? Enregistrez-le en « CSV UTF-8 », ou indiquez l'encodage avec "
              "--encoding.",
        "en": "text encoding not recognised (neither UTF-8 nor Windows-1252): is this really a "
              "CSV file? Save it as 'CSV UTF-8', or give the encoding with --encoding.",
    },
    "batch.decode_error": {
        "fr": "des caractères de cette ligne ne sont pas valides en {encoding} : le fichier "
              "mélange des encodages. Réenregistrez-le en « CSV UTF-8 », ou forcez "
              "l'encodage avec --encoding cp1252.",
        "en": "some characters on this line are not valid {encoding}: the file mixes "
              "encodings. Save it again as 'CSV UTF-8', or force the encoding with "
              "--encoding cp1252.",
    },
    "batch.csv_error": {
        "fr": "ligne illisible ({reason}). Vérifiez les guillemets de cette ligne.",
        "en": "line cannot be read ({reason}). Check the quotes on that line.",
    },
    "batch.no_sheet": {
        "fr": "le classeur ne contient aucune feuille.",
        "en": "the workbook has no sheet.",
    },
    "batch.no_such_sheet": {
        "fr": "pas de feuille « {sheet} » ; feuilles du classeur : {sheets}.",
        "en": "no sheet '{sheet}'; the workbook's sheets: {sheets}.",
    },
    "batch.sheet_protected": {
        "fr": "le classeur est protégé par un mot de passe ; enregistrez-en une copie sans "
              "mot de passe.",
        "en": "the workbook is password-protected; save a copy without a password.",
    },
    "batch.sheet_unreadable": {
        "fr": "classeur illisible ({reason}) : le fichier est peut-être abîmé ; ouvrez-le et "
              "réenregistrez-le dans LibreOffice ou Excel.",
        "en": "unreadable workbook ({reason}): the file may be damaged; open it and save it "
              "again in LibreOffice or Excel.",
    },
    "batch.no_header": {
        "fr": "aucune ligne d'en-tête : la première ligne non vide doit donner les noms des "
              "colonnes (nom, type, code_insee, siren… puis les identifiants des critères).",
        "en": "no header row: the first non-empty row must give the column names (nom, type, "
              "code_insee, siren… then the criteria ids).",
    },
    "batch.no_identity": {
        "fr": "l'en-tête ne contient aucune colonne d'identité ({expected}…) : est-ce la bonne "
              "ligne d'en-tête, le bon séparateur ? tnl batch --template modele.ods donne "
              "les colonnes attendues.",
        "en": "the header has no identity column ({expected}…): is it the right header row, "
              "the right separator? tnl batch --template model.ods gives the expected columns.",
    },
    "batch.duplicate_column": {
        "fr": "les colonnes {first_col} « {first} » et {second_col} « {second} » désignent "
              "toutes deux « {field} » ; supprimez ou renommez l'une des deux.",
        "en": "columns {first_col} '{first}' and {second_col} '{second}' both mean "
              "'{field}'; remove or rename one of them.",
    },
    "batch.no_rows": {
        "fr": "aucune ligne à vérifier sous l'en-tête : ajoutez une ligne par collectivité.",
        "en": "no row to check under the header: add one row per collectivity.",
    },
    "batch.unknown_columns": {
        "fr": "Attention : colonnes inconnues ignorées : {columns}. Les colonnes reconnues "
              "sont celles de tnl batch --template.",
        "en": "Warning: unknown columns ignored: {columns}. The recognised columns are those "
              "of tnl batch --template.",
    },
    "batch.row_error": {
        "fr": "ligne {line}, colonne {column} « {header} » : {message}",
        "en": "line {line}, column {column} '{header}': {message}",
    },
    "batch.row_error_no_column": {
        "fr": "ligne {line} : {message}",
        "en": "line {line}: {message}",
    },
    "batch.extra_cells": {
        "fr": "ligne {line} : {count} cellule(s) au-delà de la dernière colonne de l'en-tête "
              "(première non vide : colonne {column}). Un séparateur dans une valeur ? "
              "Mettez la valeur entre guillemets, ou supprimez ces cellules.",
        "en": "line {line}: {count} cell(s) past the header's last column (first non-empty: "
              "column {column}). A separator inside a value? Quote the value, or remove those "
              "cells.",
    },
    "batch.bad_labels": {
        "fr": "labels antérieurs « {value} » illisibles : écrivez ANNÉE:NIVEAU, séparés par "
              "« | », avec une année à partir de 2016 (par exemple 2023:2 | 2024:bronze).",
        "en": "previous labels '{value}' unreadable: write YEAR:LEVEL, separated by '|', with "
              "a year from 2016 on (e.g. 2023:2 | 2024:bronze).",
    },
    "batch.worker_died": {
        "fr": "un des processus qui vérifiaient le fichier s'est arrêté brutalement (mémoire "
              "insuffisante ?) ; rien n'a été écrit. Relancez la commande.",
        "en": "one of the processes checking the file stopped abruptly (out of memory?); "
              "nothing was written. Run the command again.",
    },
    "batch.xlsx_too_many_rows": {
        "fr": "un fichier .xlsx ne peut pas dépasser {max} lignes de résultats ; écrivez les "
              "résultats en .csv.",
        "en": "an .xlsx file cannot hold more than {max} result rows; write the results as "
              ".csv.",
    },
    "batch.bad_output_format": {
        "fr": "format de résultats non pris en charge ; extensions possibles : {allowed}.",
        "en": "unsupported results format; possible extensions: {allowed}.",
    },
    "batch.dossiers_not_dir": {
        "fr": "« {dir} » existe et n'est pas un dossier ; choisissez un autre emplacement "
              "pour --dossiers.",
        "en": "'{dir}' exists and is not a directory; choose another place for --dossiers.",
    },
    "batch.progress": {
        "fr": "{percent} %  {rows} lignes",
        "en": "{percent}%  {rows} rows",
    },
    "batch.summary_title": {
        "fr": "{file} : {rows} ligne(s) vérifiée(s) en {seconds} s (édition {edition})",
        "en": "{file}: {rows} row(s) checked in {seconds} s (edition {edition})",
    },
    "batch.count_eligible": {"fr": "éligibles", "en": "eligible"},
    "batch.count_reservations": {"fr": "dont avec réserve (le jury décide)",
                                 "en": "of which with reservations (the jury decides)"},
    "batch.count_not_eligible": {"fr": "non éligibles", "en": "not eligible"},
    "batch.count_incomplete": {"fr": "incomplètes", "en": "incomplete"},
    "batch.count_rejected": {"fr": "rejetées (données invalides)", "en": "rejected (invalid data)"},
    "batch.count_no_level": {"fr": "sans niveau", "en": "no level"},
    "batch.count_mentions": {"fr": "mentions spéciales :", "en": "special mentions:"},
    "batch.estimate": {
        "fr": "Niveaux estimés : le jury ne publie ni barème ni seuils.",
        "en": "Estimated levels: the jury publishes neither weights nor thresholds.",
    },
    "batch.hint_row_skipped": {
        "fr": "(ligne d'aide du modèle ignorée)",
        "en": "(template hint line skipped)",
    },
    "batch.written": {
        "fr": "Résultats écrits dans {file} (une ligne par ligne lue).",
        "en": "Results written to {file} (one row per row read).",
    },
    "batch.dossiers_written": {
        "fr": "{count} dossier(s) de candidature écrit(s) dans {dir}.",
        "en": "{count} application dossier(s) written to {dir}.",
    },
    "batch.rejections": {
        "fr": "Lignes rejetées (corrigez-les puis relancez) :",
        "en": "Rejected rows (fix them and run again):",
    },
    "batch.more_rejections_file": {
        "fr": "… et d'autres : la colonne « erreurs » de {file} les donne toutes.",
        "en": "… and more: the 'erreurs' column of {file} gives them all.",
    },
    "batch.warnings": {
        "fr": "Identités à vérifier ({rows} ligne(s), évaluées quand même) :",
        "en": "Identities to check ({rows} row(s), assessed all the same):",
    },
    "batch.more_warnings_file": {
        "fr": "… et d'autres : la colonne « avertissements » de {file} les donne toutes.",
        "en": "… and more: the 'avertissements' column of {file} gives them all.",
    },
    "batch.more_warnings": {
        "fr": "… et d'autres : ajoutez -o resultats.csv pour les avoir toutes.",
        "en": "… and more: add -o results.csv to get them all.",
    },
    "batch.more_rejections": {
        "fr": "… et d'autres : ajoutez -o resultats.csv pour les avoir toutes.",
        "en": "… and more: add -o results.csv to get them all.",
    },
    "batch.hint_nom": {"fr": "Nom de la collectivité", "en": "Name of the collectivity"},
    "batch.hint_type": {
        "fr": "commune, cc, ca, cu, metropole, departement, region, ctu, syndicat…",
        "en": "commune, cc, ca, cu, metropole, departement, region, ctu, syndicat…",
    },
    "batch.hint_code_insee": {
        "fr": "Code INSEE (COG) : 5 caractères, ex. 54395 ou 2A004",
        "en": "INSEE (COG) code: 5 characters, e.g. 54395 or 2A004",
    },
    "batch.hint_siren": {"fr": "SIREN : 9 chiffres, ex. 215403957",
                         "en": "SIREN: 9 digits, e.g. 215403957"},
    "batch.hint_population": {"fr": "Nombre d'habitants", "en": "Number of inhabitants"},
    "batch.hint_agents": {"fr": "Nombre d'agents (ETP)", "en": "Number of staff (FTE)"},
    "batch.hint_elu_referent": {
        "fr": "Élu·e référent·e : Nom, fonction, email (ou Nom <email>)",
        "en": "Referent elected official: Name, role, email (or Name <email>)",
    },
    "batch.hint_responsable": {
        "fr": "Responsable de candidature : Nom, fonction, email (ou Nom <email>)",
        "en": "Person in charge of the application: Name, role, email (or Name <email>)",
    },
    "batch.hint_labels_anterieurs": {
        "fr": "Labels déjà obtenus : ANNÉE:NIVEAU | … (ex. 2023:2 | 2024:bronze)",
        "en": "Labels already obtained: YEAR:LEVEL | … (e.g. 2023:2 | 2024:bronze)",
    },
    "batch.hint_boolean": {"fr": "oui / non / x", "en": "yes / no / x"},
    "batch.hint_choice": {"fr": "une valeur : {values}", "en": "one value: {values}"},
    "batch.hint_multi": {"fr": "une ou plusieurs, séparées par | : {values}",
                         "en": "one or more, separated by |: {values}"},
    "batch.hint_number": {"fr": "nombre de {low} à {high}{unit}",
                          "en": "number from {low} to {high}{unit}"},
    "batch.hint_number_any": {"fr": "nombre{unit}", "en": "number{unit}"},
    "batch.hint_text": {"fr": "texte libre", "en": "free text"},
    "batch.hint_url": {"fr": "adresse https://…", "en": "https://… address"},
    "batch.hint_inventory": {
        "fr": "noms de logiciels séparés par | , ex. LibreOffice | Firefox | Outlook ; un "
              "logiciel inconnu se qualifie par (libre) ou (propriétaire) : Mon logiciel (libre)",
        "en": "software names separated by |, e.g. LibreOffice | Firefox | Outlook; qualify "
              "unknown software with (free) or (proprietary): My software (free)",
    },
}
