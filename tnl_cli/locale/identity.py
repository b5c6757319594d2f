"""Messages about the identity of the collectivity."""

MESSAGES = {
    "identity.bad_type": {
        "fr": "type de collectivité « {value} » inconnu ; types acceptés : {allowed} "
              "(les abréviations usuelles comme CC, CA, CU sont comprises).",
        "en": "unknown collectivity type '{value}'; accepted types: {allowed} (usual "
              "abbreviations such as CC, CA, CU are understood).",
    },
    "identity.bad_insee": {
        "fr": "code INSEE « {value} » mal formé : un code commune du COG a 5 caractères "
              "(54395, 2A004 pour la Corse, 97411 outre-mer) ; un département 2 ou 3 "
              "(54, 2A, 974), une région 2 (44).",
        "en": "malformed INSEE code '{value}': a COG commune code has 5 characters (54395, "
              "2A004 for Corsica, 97411 overseas); a département 2 or 3 (54, 2A, 974), a "
              "région 2 (44).",
    },
    "identity.bad_siren_format": {
        "fr": "SIREN « {value} » mal formé : il faut 9 chiffres (par exemple 215403957).",
        "en": "malformed SIREN '{value}': 9 digits are expected (e.g. 215403957).",
    },
    "identity.bad_siren_checksum": {
        "fr": "SIREN « {value} » invalide : la clé de contrôle ne correspond pas. "
              "Vérifiez-le sur annuaire-entreprises.data.gouv.fr.",
        "en": "invalid SIREN '{value}': the check digit does not match. Check it on "
              "annuaire-entreprises.data.gouv.fr.",
    },
    "identity.bad_number": {
        "fr": "« {field} » : « {value} » n'est pas un nombre.",
        "en": "'{field}': '{value}' is not a number.",
    },
    "identity.too_large": {
        "fr": "« {field} » : « {value} » est trop grand (au-delà d'un million de milliards, "
              "10^15).",
        "en": "'{field}': '{value}' is too large (over a million billion, 10^15).",
    },
    "identity.negative": {
        "fr": "« {field} » : {value} ne peut pas être négatif.",
        "en": "'{field}': {value} cannot be negative.",
    },
    "identity.not_integer": {
        "fr": "« {field} » : {value} doit être un nombre entier.",
        "en": "'{field}': {value} must be a whole number.",
    },
    "identity.bad_email": {
        "fr": "« {field} » : l'adresse « {value} » n'est pas une adresse électronique valide "
              "(prenom.nom@exemple.fr).",
        "en": "'{field}': '{value}' is not a valid e-mail address (first.last@example.org).",
    },
    "identity.bad_person": {
        "fr": "« {field} » doit donner nom, fonction et email.",
        "en": "'{field}' must give nom, fonction and email.",
    },
    "identity.bad_labels": {
        "fr": "« labels_anterieurs » : chaque entrée doit donner annee (de 2016 à cette année) et "
              "niveau, par exemple - {{annee: 2023, niveau: \"2\"}}.",
        "en": "'labels_anterieurs': each entry must give annee (from 2016 to this year) and niveau, "
              "e.g. - {{annee: 2023, niveau: \"2\"}}.",
    },
    "identity.od_yes": {
        "fr": "Soumise à l'ouverture des données par défaut (loi pour une République "
              "numérique, art. 6) : au moins 3 500 habitants ({population}) et au moins "
              "50 agents ({agents}).",
        "en": "Bound by open data by default (Digital Republic Act, art. 6): at least 3,500 "
              "inhabitants ({population}) and at least 50 agents ({agents}).",
    },
    "identity.od_yes_agents": {
        "fr": "Soumis à l'ouverture des données par défaut (loi pour une République numérique, "
              "art. 6) : au moins 50 agents ({agents}) ; l'exemption sous 3 500 habitants ne "
              "vise que les collectivités territoriales (communes, départements, régions), pas "
              "un EPCI, un syndicat ni un autre établissement public.",
        "en": "Bound by open data by default (Digital Republic Act, art. 6): at least 50 agents "
              "({agents}); the exemption below 3,500 inhabitants covers territorial authorities "
              "only (communes, départements, regions), not an intermunicipal body, a syndicate "
              "or another public body.",
    },
    "identity.od_unknown_type": {
        "fr": "Obligation d'ouverture des données inconnue : à {population} habitants, une "
              "commune, un département ou une région en est exempté, mais pas un EPCI ni un "
              "syndicat de 50 agents ou plus ; indiquez le type de collectivité.",
        "en": "Open-data obligation unknown: at {population} inhabitants, a commune, "
              "département or region is exempt, but not an intermunicipal body or a syndicate "
              "with 50 agents or more; give the type of body.",
    },
    "identity.od_no_population": {
        "fr": "Pas d'obligation légale d'ouverture des données : {population} habitants, "
              "moins de 3 500, et la loi exempte les collectivités territoriales de cette taille "
              "(l'ouverture reste encouragée).",
        "en": "No legal open-data obligation: {population} inhabitants, fewer than 3,500, and "
              "the law exempts territorial authorities of that size (opening data is still "
              "encouraged).",
    },
    "identity.od_no_agents": {
        "fr": "Pas d'obligation légale d'ouverture des données : moins de 50 agents "
              "({agents} ETP) (l'ouverture reste encouragée).",
        "en": "No legal open-data obligation: fewer than 50 agents ({agents} FTE) (opening "
              "data is still encouraged).",
    },
    "identity.od_unknown": {
        "fr": "Obligation d'ouverture des données inconnue : indiquez la population et le "
              "nombre d'agents (ETP) ; elle s'applique à partir de 3 500 habitants et de 50 "
              "agents.",
        "en": "Open-data obligation unknown: give the population and the number of agents "
              "(FTE); it applies from 3,500 inhabitants and 50 agents.",
    },
    # Collectivity types in prose: tr(lang, f"identity.type_{kind}")
    "identity.type_commune": {"fr": "commune", "en": "commune (municipality)"},
    "identity.type_communaute_communes": {"fr": "communauté de communes",
                                          "en": "communauté de communes (inter-municipal community)"},
    "identity.type_communaute_agglomeration": {
        "fr": "communauté d'agglomération",
        "en": "communauté d'agglomération (agglomeration community)"},
    "identity.type_communaute_urbaine": {"fr": "communauté urbaine",
                                         "en": "communauté urbaine (urban community)"},
    "identity.type_metropole": {"fr": "métropole", "en": "métropole (metropolitan authority)"},
    "identity.type_departement": {"fr": "département", "en": "département"},
    "identity.type_region": {"fr": "région", "en": "région (region)"},
    "identity.type_ctu": {"fr": "collectivité territoriale unique",
                          "en": "single territorial collectivity"},
    "identity.type_syndicat": {"fr": "syndicat", "en": "syndicat (joint authority)"},
    "identity.type_etablissement_public": {"fr": "établissement public local",
                                           "en": "local public body"},
    "identity.type_association_collectivites": {"fr": "association de collectivités",
                                                "en": "association of collectivities"},
    "identity.type_entreprise": {"fr": "entreprise", "en": "company"},
}
