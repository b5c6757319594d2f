"""Messages of the identity checks against the official geography (COG)."""

MESSAGES = {
    "reconcile.insee_unknown": {
        "fr": "le code INSEE « {value} » n'existe pas dans le Code officiel géographique 2026. "
              "Vérifiez-le avec `tnl lookup NOM-DE-LA-COMMUNE`.",
        "en": "INSEE code '{value}' does not exist in the 2026 official geographic code. "
              "Check it with `tnl lookup MUNICIPALITY-NAME`.",
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
        "fr": "le type déclaré « {value} » ne correspond pas au code {code}, qui désigne un "
              "type « {official} ».",
        "en": "declared type '{value}' does not match code {code}, which is of type "
              "'{official}'.",
    },
}
