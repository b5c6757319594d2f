"""Words of `tnl inventaire`: the workstation inventory read into evidenced answers."""

MESSAGES = {
    "inventory.help": {
        "fr": "Lit l'inventaire du parc (GLPI Agent JSON, FusionInventory XML, export GLPI ou "
              "OCS Inventory en CSV/ODS/XLSX) et propose les réponses qu'il prouve : part des "
              "postes sous un système libre, part avec une suite bureautique libre, suite "
              "bureautique, logiciels, usages couverts par du libre ; chacune avec son compte "
              "(« 298 postes sur 412 ») et sa source. Avec --answers F --apply, les écrit dans "
              "le fichier de réponses sans jamais remplacer une réponse donnée (sauf --force).\n\n"
              "Codes de sortie : 0 réponses proposées, 1 aucune réponse à proposer, 2 entrée "
              "inutilisable.",
        "en": "Reads the workstation inventory (GLPI Agent JSON, FusionInventory XML, GLPI or "
              "OCS Inventory export in CSV/ODS/XLSX) and proposes the answers it proves: share "
              "of workstations under a free system, share with a free office suite, office "
              "suite, software, uses covered by free software; each with its count (\"298 "
              "workstations out of 412\") and its source. With --answers F --apply, writes them "
              "into the answers file, never replacing an answer given (unless --force).\n\n"
              "Exit codes: 0 answers proposed, 1 no answer to propose, 2 unusable input.",
    },
    "inventory.arg_paths": {
        "fr": "Fichiers d'inventaire ou dossiers (glpi-agent --local DOSSIER), exports GLPI ou "
              "OCS.",
        "en": "Inventory files or folders (glpi-agent --local DIR), GLPI or OCS exports.",
    },
    "inventory.opt_answers": {
        "fr": "Fichier de réponses à compléter : montre ce qui changerait ; avec --apply, "
              "l'écrit (créé s'il n'existe pas).",
        "en": "Answers file to complete: shows what would change; with --apply, writes it "
              "(created if missing).",
    },
    "inventory.opt_apply": {"fr": "Écrire les réponses proposées dans le fichier --answers.",
                            "en": "Write the proposed answers into the --answers file."},
    "inventory.opt_force": {
        "fr": "Remplacer aussi les réponses différentes déjà données (la différence est "
              "affichée).",
        "en": "Also replace different answers already given (the difference is shown).",
    },
    "inventory.opt_map": {
        "fr": "Nommer une colonne d'export que tnl ne reconnaît pas : --map "
              "\"Colonne=champ\" (champs : name, serial, uuid, os, type, model, manufacturer, "
              "bios_date, purchase_date, inventory_date, software, publisher, installs, "
              "version).",
        "en": "Name an export column tnl does not recognise: --map \"Column=field\" (fields: "
              "name, serial, uuid, os, type, model, manufacturer, bios_date, purchase_date, "
              "inventory_date, software, publisher, installs, version).",
    },
    "inventory.opt_delimiter": {"fr": "Séparateur d'un export CSV (détecté sinon).",
                                "en": "Delimiter of a CSV export (detected otherwise)."},
    "inventory.opt_example": {
        "fr": "Lire l'exemple fourni avec tnl (un petit parc fictif) pour voir le résultat.",
        "en": "Read the example shipped with tnl (a small fictitious fleet) to see the result.",
    },
    "inventory.need_paths": {
        "fr": "indiquez un fichier ou un dossier d'inventaire (exemple : tnl inventaire "
              "parc/), ou --example pour essayer.",
        "en": "give an inventory file or folder (example: tnl inventaire fleet/), or "
              "--example to try.",
    },
    "inventory.apply_needs_answers": {
        "fr": "--apply écrit dans un fichier de réponses : ajoutez --answers FICHIER.",
        "en": "--apply writes into an answers file: add --answers FILE.",
    },
    # ------------------------------------------------------------------ bad input
    "inventory.control_chars": {
        "fr": "le champ {field} contient des caractères de contrôle ({value}) : l'inventaire "
              "est corrompu ou a été modifié. Régénérez-le (glpi-agent --local) ou retirez ce "
              "fichier.",
        "en": "field {field} holds control characters ({value}): the inventory is corrupt or "
              "was tampered with. Generate it again (glpi-agent --local) or remove this file.",
    },
    "inventory.too_big": {
        "fr": "fichier de plus de {limit} Mo : ce n'est pas l'inventaire d'une machine. "
              "Retirez-le du dossier.",
        "en": "file over {limit} MB: this is not one machine's inventory. Remove it from the "
              "folder.",
    },
    "inventory.bad_json": {
        "fr": "JSON illisible, colonne {column} ({reason}). Régénérez "
              "l'inventaire (glpi-agent --local DOSSIER) ou retirez ce fichier.",
        "en": "unreadable JSON, column {column} ({reason}). Generate the "
              "inventory again (glpi-agent --local DIR) or remove this file.",
    },
    "inventory.too_deep": {
        "fr": "JSON imbriqué trop profondément : ce n'est pas un inventaire GLPI Agent. "
              "Retirez ce fichier.",
        "en": "JSON nested too deeply: this is not a GLPI Agent inventory. Remove this file.",
    },
    "inventory.json_not_inventory": {
        "fr": "JSON sans la partie « content » d'un inventaire GLPI Agent (format "
              "inventory_format). Donnez les fichiers produits par glpi-agent --local, ou "
              "retirez celui-ci.",
        "en": "JSON without the \"content\" part of a GLPI Agent inventory (inventory_format). "
              "Give the files written by glpi-agent --local, or remove this one.",
    },
    "inventory.xml_hostile": {
        "fr": "XML refusé ({reason}) : il déclare une DTD, des entités ou des références "
              "externes, ce qu'un inventaire ne fait jamais (protection contre les fichiers "
              "piégés). Régénérez l'inventaire ou retirez ce fichier.",
        "en": "XML refused ({reason}): it declares a DTD, entities or external references, "
              "which an inventory never does (protection against booby-trapped files). "
              "Generate the inventory again or remove this file.",
    },
    "inventory.bad_xml": {
        "fr": "XML illisible ({reason}). Régénérez l'inventaire ou retirez ce "
              "fichier.",
        "en": "unreadable XML ({reason}). Generate the inventory again or remove "
              "this file.",
    },
    "inventory.xml_not_inventory": {
        "fr": "XML qui n'est pas un inventaire FusionInventory / GLPI Agent "
              "(<REQUEST><CONTENT>…). Retirez ce fichier ou donnez les inventaires eux-mêmes.",
        "en": "XML that is not a FusionInventory / GLPI Agent inventory "
              "(<REQUEST><CONTENT>…). Remove this file or give the inventories themselves.",
    },
    "inventory.empty": {
        "fr": "export vide (aucune ligne de données). Refaites l'export depuis GLPI ou OCS "
              "Inventory avec au moins une machine.",
        "en": "empty export (no data row). Export again from GLPI or OCS Inventory with at "
              "least one machine.",
    },
    "inventory.columns_unknown": {
        "fr": "colonnes non reconnues : {columns}. tnl attend un export d'ordinateurs (colonne "
              "du système d'exploitation, du numéro de série…) ou de logiciels (nom, nombre "
              "d'installations…). Nommez les colonnes : --map \"Colonne=champ\" (champs : "
              "{fields}).",
        "en": "columns not recognised: {columns}. tnl expects an export of computers (a column "
              "for the operating system, the serial number…) or of software (name, number of "
              "installations…). Name the columns: --map \"Column=field\" (fields: {fields}).",
    },
    "inventory.bad_map": {
        "fr": "--map {spec} : écrivez --map \"Colonne=champ\", champ parmi : {fields}.",
        "en": "--map {spec}: write --map \"Column=field\", field among: {fields}.",
    },
    "inventory.bad_installs": {
        "fr": "nombre d'installations illisible ({value}) : un nombre entier est attendu. "
              "Corrigez la cellule ou refaites l'export.",
        "en": "unreadable number of installations ({value}): a whole number is expected. Fix "
              "the cell or export again.",
    },
    "inventory.unknown_format": {
        "fr": "format non reconnu : ni inventaire GLPI Agent (JSON), ni FusionInventory (XML), "
              "ni export CSV, ODS ou XLSX. Retirez ce fichier ou donnez un export GLPI ou OCS "
              "Inventory.",
        "en": "unknown format: neither a GLPI Agent (JSON) nor a FusionInventory (XML) "
              "inventory, nor a CSV, ODS or XLSX export. Remove this file or give a GLPI or OCS "
              "Inventory export.",
    },
    "inventory.link_loop": {
        "fr": "lien symbolique qui revient vers un dossier parent (boucle) : supprimez ce lien "
              "ou donnez un dossier sans boucle.",
        "en": "symbolic link back to a parent folder (a loop): remove this link or give a "
              "folder without a loop.",
    },
    "inventory.bad_link": {
        "fr": "lien symbolique cassé ou illisible ({reason}) : supprimez-le ou corrigez sa "
              "cible.",
        "en": "broken or unreadable symbolic link ({reason}): remove it or fix its target.",
    },
    "inventory.no_files": {
        "fr": "aucun fichier d'inventaire dans ce dossier (les fichiers cachés sont ignorés). "
              "Donnez le dossier rempli par glpi-agent --local, ou un export.",
        "en": "no inventory file in this folder (hidden files are skipped). Give the folder "
              "filled by glpi-agent --local, or an export.",
    },
    "inventory.no_machine": {
        "fr": "aucun ordinateur dans ces inventaires (seulement d'autres appareils). Donnez "
              "les inventaires des postes de travail.",
        "en": "no computer in these inventories (other devices only). Give the workstations' "
              "inventories.",
    },
    # ------------------------------------------------------------------ output
    "inventory.progress": {"fr": "{percent} %  {rows} fichiers", "en": "{percent}%  {rows} files"},
    "inventory.read": {
        "fr": "Lu : {files} fichier(s) ({formats}), {machines} machine(s) inventoriée(s).",
        "en": "Read: {files} file(s) ({formats}), {machines} machine(s) inventoried.",
    },
    "inventory.workstations": {"fr": "Postes de travail retenus : {count}.",
                               "en": "Workstations counted: {count}."},
    "inventory.left_out_servers": {
        "fr": "  {count} serveur(s) écarté(s) (type de châssis ou système « Server »).",
        "en": "  {count} server(s) left out (chassis type or a \"Server\" system).",
    },
    "inventory.left_out_virtual": {
        "fr": "  {count} machine(s) virtuelle(s) écartée(s).",
        "en": "  {count} virtual machine(s) left out.",
    },
    "inventory.left_out_duplicates": {
        "fr": "  {count} doublon(s) comptés une fois (même numéro de série ou UUID qu'un "
              "inventaire lu avant, non compté(s) : {names}).",
        "en": "  {count} duplicate(s) counted once (same serial number or UUID as an inventory "
              "read before; not counted: {names}).",
    },
    "inventory.left_out_others": {
        "fr": "  {count} autre(s) appareil(s) écarté(s) (imprimantes, équipements réseau).",
        "en": "  {count} other device(s) left out (printers, network equipment).",
    },
    "inventory.os_unknown": {
        "fr": "  {count} poste(s) sans système d'exploitation indiqué, comptés comme non libres.",
        "en": "  {count} workstation(s) with no operating system given, counted as not free.",
    },
    "inventory.stale": {
        "fr": "  {count} poste(s) sans inventaire depuis plus d'un an, comptés quand même : "
              "s'ils ont quitté le parc, retirez leurs fichiers ou lignes.",
        "en": "  {count} workstation(s) not inventoried for over a year, counted all the same: "
              "if they have left the fleet, remove their files or rows.",
    },
    "inventory.no_software_list": {
        "fr": "  Ces inventaires ne listent pas les logiciels de chaque poste : la part des "
              "postes avec une suite libre ne peut pas en être tirée.",
        "en": "  These inventories do not list each workstation's software: the share with a "
              "free office suite cannot be drawn from them.",
    },
    "inventory.software_found": {"fr": "Logiciels reconnus par le catalogue ({count}) :",
                                 "en": "Software recognised by the catalog ({count}):"},
    "inventory.software_item": {"fr": "  • {name} : {status} ; {count}",
                                "en": "  • {name}: {status}; {count}"},
    "inventory.software_more": {
        "fr": "  … et {count} autre(s) (toute la liste : --format json).",
        "en": "  … and {count} more (the whole list: --format json).",
    },
    "inventory.on_machines": {"fr": "{count} machine(s)", "en": "{count} machine(s)"},
    "inventory.installs": {"fr": "{count} installation(s)", "en": "{count} installation(s)"},
    "inventory.alternatives": {"fr": " ; alternatives libres : {names}",
                               "en": "; free alternatives: {names}"},
    "inventory.proposed": {"fr": "Réponses proposées :", "en": "Proposed answers:"},
    "inventory.nothing": {
        "fr": "Aucune réponse à proposer d'après ces inventaires.",
        "en": "No answer to propose from these inventories.",
    },
    "inventory.item": {"fr": "  • {question}\n    → {value} : {reason}",
                       "en": "  • {question}\n    → {value}: {reason}"},
    "inventory.provenance": {
        "fr": "d'après {files} {format} du {date}",
        "en": "from {files} {format} of {date}",
    },
    "inventory.provenance_undated": {"fr": "d'après {files} {format}",
                                     "en": "from {files} {format}"},
    "inventory.format_glpi-agent-json": {"fr": "inventaire(s) GLPI Agent",
                                         "en": "GLPI Agent inventory(ies)"},
    "inventory.format_fusioninventory-xml": {"fr": "inventaire(s) FusionInventory (XML)",
                                             "en": "FusionInventory (XML) inventory(ies)"},
    "inventory.format_glpi-export": {"fr": "export(s) GLPI", "en": "GLPI export(s)"},
    "inventory.format_ocs-export": {"fr": "export(s) OCS Inventory",
                                    "en": "OCS Inventory export(s)"},
    "inventory.age": {
        "fr": "Pour information : âge moyen des postes {years} ans (date d'achat ou du BIOS "
              "connue pour {count} poste(s) sur {base}). La question « durée de vie des "
              "postes » demande la durée d'utilisation avant remplacement : ce chiffre ne la "
              "mesure pas, il n'est pas repris comme réponse.",
        "en": "For information: workstations are {years} years old on average (purchase or "
              "BIOS date known for {count} workstation(s) out of {base}). The \"workstation "
              "lifetime\" question asks how long workstations are used before being replaced: "
              "this figure does not measure it, so it is not proposed as the answer.",
    },
    "inventory.unknown_names": {
        "fr": "{count} nom(s) de logiciel distinct(s) lus, dont {known} reconnu(s) par le "
              "catalogue (les autres, composants et pilotes surtout, ne sont pas proposés).",
        "en": "{count} distinct software name(s) read, {known} recognised by the catalog (the "
              "others, mostly components and drivers, are not proposed).",
    },
    "inventory.reason_os": {
        "fr": "{compte} postes sur {base} sont sous un système libre — {share} %",
        "en": "{compte} workstations out of {base} run a free system — {share}%",
    },
    "inventory.reason_office": {
        "fr": "{compte} postes sur {base} ont une suite bureautique libre (LibreOffice…) — "
              "{share} %",
        "en": "{compte} workstations out of {base} have a free office suite (LibreOffice…) — "
              "{share}%",
    },
    "inventory.reason_suite_libre_postes": {
        "fr": "{free} postes sur {base} ont une suite libre, aucun une suite propriétaire "
              "({names})",
        "en": "{free} workstations out of {base} have a free suite, none a proprietary one "
              "({names})",
    },
    "inventory.reason_suite_mixte_postes": {
        "fr": "sur {base} postes, {free} ont une suite libre et {proprietary} une suite "
              "propriétaire ({names})",
        "en": "out of {base} workstations, {free} have a free suite and {proprietary} a "
              "proprietary one ({names})",
    },
    "inventory.reason_suite_proprietaire_postes": {
        "fr": "{proprietary} postes sur {base} ont une suite propriétaire, aucun une suite "
              "libre ({names})",
        "en": "{proprietary} workstations out of {base} have a proprietary suite, none a free "
              "one ({names})",
    },
    "inventory.reason_suite_libre_logiciels": {
        "fr": "suites installées, toutes libres : {names}",
        "en": "suites installed, all free: {names}",
    },
    "inventory.reason_suite_mixte_logiciels": {
        "fr": "suites installées, libres et propriétaires : {names}",
        "en": "suites installed, free and proprietary: {names}",
    },
    "inventory.reason_suite_proprietaire_logiciels": {
        "fr": "suites installées, toutes propriétaires : {names}",
        "en": "suites installed, all proprietary: {names}",
    },
    "inventory.reason_free": {
        "fr": "{compte} logiciels libres reconnus sur {base} logiciels du catalogue trouvés "
              "({names}…)",
        "en": "{compte} free software recognised out of {base} catalog software found "
              "({names}…)",
    },
    "inventory.reason_list": {
        "fr": "{compte} logiciels reconnus par le catalogue, parmi {base} noms distincts",
        "en": "{compte} software recognised by the catalog, among {base} distinct names",
    },
    "inventory.reason_uses": {"fr": "logiciels libres trouvés : {names}",
                              "en": "free software found: {names}"},
    "inventory.opt_assess": {
        "fr": "Inventaire du parc (fichier ou dossier, comme pour tnl inventaire) : les "
              "réponses qu'il prouve sont proposées dans le questionnaire, à confirmer une à "
              "une.",
        "en": "Workstation inventory (file or folder, as for tnl inventaire): the answers it "
              "proves are proposed in the questionnaire, to confirm one by one.",
    },
    "inventory.walk_reason": {
        "fr": "Proposé d'après l'inventaire : {reason}",
        "en": "Proposed from the inventory: {reason}",
    },
}
