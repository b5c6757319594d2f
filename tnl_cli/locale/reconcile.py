"""Messages of the identity checks against the official geography (COG)."""

MESSAGES = {
    "reconcile.insee_unknown": {
        "fr": "le code INSEE « {value} » n'existe pas dans le Code officiel géographique. "
              "Retrouvez le bon code avec `tnl lookup NOM` (nom de la collectivité).",
        "en": "INSEE code '{value}' does not exist in the official geographic code. "
              "Find the right code with `tnl lookup NAME` (the collectivity's name).",
    },
    "reconcile.siren_unknown": {
        "fr": "le SIREN {value} est valide mais n'appartient à aucune commune ni "
              "intercommunalité connue : vérifiez-le (annuaire-entreprises.data.gouv.fr).",
        "en": "SIREN {value} is valid but belongs to no known municipality or "
              "intercommunality: check it (annuaire-entreprises.data.gouv.fr).",
    },
    "reconcile.siren_mismatch": {
        "fr": "le SIREN {value} ne correspond pas au code INSEE : le SIREN de {name} est "
              "{official} ({value} : {other}).",
        "en": "SIREN {value} does not match the INSEE code: the SIREN of {name} is {official} "
              "({value}: {other}).",
    },
    "reconcile.name_mismatch": {
        "fr": "le nom déclaré « {value} » ne correspond pas au code {code}, qui désigne "
              "« {official} ».",
        "en": "declared name '{value}' does not match code {code}, which is '{official}'.",
    },
    "reconcile.type_mismatch": {
        "fr": "le type déclaré « {value_key} » ne correspond pas au code {code}, qui désigne "
              "une collectivité de type « {official_key} ».",
        "en": "declared type '{value_key}' does not match code {code}, which is of type "
              "'{official_key}'.",
    },
}
