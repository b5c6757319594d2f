"""Words of `tnl lookup`: finding a collectivity in the offline reference data."""

MESSAGES = {
    "lookup.help": {
        "fr": "Trouve une collectivité par code INSEE, SIREN ou nom (accents, majuscules, tirets "
              "et « Saint »/« St » indifférents ; noms proches proposés) : code, SIREN, type, "
              "département, population.\n\n"
              "Exemples : tnl lookup 54395 ; tnl lookup 245400676 ; tnl lookup saint etienne.\n\n"
              "Codes de sortie : 0 trouvée, 1 aucune correspondance, 2 erreur d'utilisation.\n\n"
              "Données hors ligne : Etalab, paquet @etalab/decoupage-administratif (d'après le "
              "Code officiel géographique de l'INSEE et la DGCL), Licence Ouverte / Etalab 2.0. "
              "La version exacte est rappelée sous les résultats et dans la sortie JSON.",
        "en": "Find a collectivity by INSEE code, SIREN or name (accents, case, hyphens and "
              "\"Saint\"/\"St\" do not matter; close names are offered): code, SIREN, type, "
              "département, population.\n\n"
              "Examples: tnl lookup 54395; tnl lookup 245400676; tnl lookup saint etienne.\n\n"
              "Exit codes: 0 found, 1 nothing matches, 2 usage error.\n\n"
              "Offline data: Etalab, package @etalab/decoupage-administratif (from INSEE's "
              "Code officiel géographique and the DGCL), Licence Ouverte / Etalab 2.0 (Open "
              "Licence). The exact version is shown under the results and in the JSON output.",
    },
    "lookup.arg_text": {
        "fr": "Code INSEE (54395, 2A004), SIREN (9 chiffres) ou nom ; plusieurs mots possibles "
              "sans guillemets.",
        "en": "INSEE code (54395, 2A004), SIREN (9 digits) or name; several words need no quotes.",
    },
    "lookup.metavar": {"fr": "TEXTE", "en": "TEXT"},
    "lookup.opt_limit": {"fr": "Nombre maximal de résultats.",
                         "en": "Maximum number of results."},
    "lookup.empty": {
        "fr": "indiquez un nom, un code INSEE ou un SIREN à chercher (exemple : tnl lookup 54395).",
        "en": "give a name, an INSEE code or a SIREN to look for (example: tnl lookup 54395).",
    },
    "lookup.no_letters": {
        "fr": "« {text} » ne contient ni lettre ni chiffre : indiquez un nom, un code INSEE ou "
              "un SIREN.",
        "en": "'{text}' has no letter or digit: give a name, an INSEE code or a SIREN.",
    },
    "lookup.bad_limit": {"fr": "--limit {value} : indiquez un nombre entier de 1 à {max}.",
                         "en": "--limit {value}: give a whole number from 1 to {max}."},
    "lookup.not_found": {"fr": "Aucune collectivité ne correspond à « {text} ».",
                         "en": "No collectivity matches '{text}'."},
    "lookup.hint": {
        "fr": "Vérifiez l'orthographe, ou essayez le code INSEE (5 caractères, par exemple "
              "54395 ou 2A004) ou le SIREN (9 chiffres).",
        "en": "Check the spelling, or try the INSEE code (5 characters, such as 54395 or "
              "2A004) or the SIREN (9 digits).",
    },
    "lookup.hint_bad_siren": {
        "fr": "« {text} » n'est pas un SIREN valide (sa clé de contrôle est fausse) : "
              "vérifiez les chiffres.",
        "en": "'{text}' is not a valid SIREN (its check digit is wrong): check the digits.",
    },
    "lookup.hint_unknown_siren": {
        "fr": "Seuls les SIREN des communes et des intercommunalités (EPCI) sont dans les "
              "données : pour un département ou une région, cherchez par nom ou par code "
              "(54, 44).",
        "en": "Only the SIRENs of communes and intercommunal bodies (EPCI) are in the data: "
              "for a département or a région, search by name or code (54, 44).",
    },
    "lookup.hint_digits": {
        "fr": "Un code INSEE de commune a 5 caractères, un SIREN 9 chiffres, un code de "
              "département 2 ou 3 caractères.",
        "en": "A commune's INSEE code has 5 characters, a SIREN 9 digits, a département code "
              "2 or 3 characters.",
    },
    "lookup.no_such": {
        "fr": "Aucune collectivité ne s'appelle « {text} ». Noms proches :",
        "en": "No collectivity is called '{text}'. Similar names:",
    },
    "lookup.why_renumbered": {
        "fr": "{code} est l'ancien code INSEE (d'avant {year}) de la commune {name}, dont le "
              "code est aujourd'hui {insee}.",
        "en": "{code} is the former INSEE code of {name}, before {year}; its code is now "
              "{insee}.",
    },
    "lookup.why_ancien": {
        "fr": "{code} est un ancien code INSEE de la commune {name}, dont le code est "
              "aujourd'hui {insee}.",
        "en": "{code} is a former INSEE code of {name}, whose code is now {insee}.",
    },
    "lookup.why_deleguee": {
        "fr": "{code} est le code de {place}, commune déléguée rattachée à {name} ({insee}).",
        "en": "{code} is the code of {place}, a delegated commune of {name} ({insee}).",
    },
    "lookup.why_associee": {
        "fr": "{code} est le code de {place}, commune associée rattachée à {name} ({insee}).",
        "en": "{code} is the code of {place}, an associated commune of {name} ({insee}).",
    },
    "lookup.why_arrondissement": {
        "fr": "{code} est le code de {place} ; les arrondissements ne sont pas des "
              "collectivités, la commune est {name} ({insee}).",
        "en": "{code} is the code of {place}; arrondissements are not collectivities, the "
              "commune is {name} ({insee}).",
    },
    "lookup.why_arrondissement_name": {
        "fr": "{place} est un arrondissement ; les arrondissements ne sont pas des "
              "collectivités, la commune est {name} ({insee}).",
        "en": "{place} is an arrondissement; arrondissements are not collectivities, the "
              "commune is {name} ({insee}).",
    },
    "lookup.why_postal": {
        "fr": "{code} ressemble à un code postal : celui de la commune {name} ({insee}).",
        "en": "{code} looks like a postal code: that of {name} ({insee}).",
    },
    "lookup.why_postal_place": {
        "fr": "{code} ressemble à un code postal : {place} ; les arrondissements ne sont pas des "
              "collectivités, la commune est {name} ({insee}).",
        "en": "{code} looks like a postal code: {place}; arrondissements are not "
              "collectivities, the commune is {name} ({insee}).",
    },
    "lookup.why_close": {"fr": "nom proche", "en": "similar name"},
    "lookup.found": {
        "fr": "{count} collectivités pour « {text} », les plus proches d'abord (à égalité, "
              "les plus peuplées).",
        "en": "{count} collectivities for '{text}', closest first (the most populated among "
              "equals).",
    },
    "lookup.more": {
        "fr": "D'autres peuvent correspondre : --limit {more} pour en voir davantage.",
        "en": "More may match: --limit {more} to see more.",
    },
    "lookup.col_name": {"fr": "Nom", "en": "Name"},
    "lookup.col_type": {"fr": "Type", "en": "Type"},
    "lookup.col_code": {"fr": "Code INSEE", "en": "INSEE code"},
    "lookup.col_siren": {"fr": "SIREN", "en": "SIREN"},
    "lookup.col_departement": {"fr": "Département", "en": "Département"},
    "lookup.col_region": {"fr": "Région", "en": "Région"},
    "lookup.col_epci": {"fr": "Intercommunalité", "en": "Intercommunal body"},
    "lookup.col_population": {"fr": "Population", "en": "Population"},
    "lookup.inhabitants": {"fr": "{population} hab.", "en": "{population} inhab."},
    "lookup.population_note": {"fr": "population municipale", "en": "municipal population"},
    "lookup.unknown": {"fr": "inconnue", "en": "unknown"},
    "lookup.source": {
        "fr": "Données : {package} {version}{cog}, Etalab, {licence}.",
        "en": "Data: {package} {version}{cog}, Etalab, {licence}.",
    },
    "lookup.cog": {"fr": " (COG {year})", "en": " (COG {year})"},
}
