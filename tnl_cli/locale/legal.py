"""Why a legal text does or does not bind a collectivity (core/legal.py)."""

MESSAGES = {
    "legal.not_type": {
        "fr": "le texte ne vise pas ce type de collectivité ({type_key})",
        "en": "the text does not bind this type of body ({type_key})",
    },
    "legal.not_yet": {
        "fr": "en vigueur à partir du {since}, après la date limite de l'édition ({deadline})",
        "en": "in force from {since}, after the edition's closing date ({deadline})",
    },
    "legal.population_over": {
        "fr": "{population} habitants : l'obligation vise les collectivités de plus de "
              "{threshold} habitants",
        "en": "{population} inhabitants: the obligation binds bodies of more than {threshold} "
              "inhabitants",
    },
    "legal.population_min": {
        "fr": "{population} habitants : les collectivités territoriales de moins de {threshold} "
              "habitants en sont exemptées",
        "en": "{population} inhabitants: territorial authorities of fewer than {threshold} "
              "inhabitants are exempt",
    },
    "legal.agents_min": {
        "fr": "{agents} agents (ETP) : le texte vise les organismes d'au moins {threshold} "
              "agents en équivalents temps plein",
        "en": "{agents} agents (FTE): the text binds bodies of at least {threshold} full-time "
              "equivalent agents",
    },
    "legal.unknown_population_over": {
        "fr": "population inconnue : l'obligation vise les collectivités de plus de "
              "{threshold} habitants ; indiquez la population",
        "en": "population unknown: the obligation binds bodies of more than {threshold} "
              "inhabitants; give the population",
    },
    "legal.unknown_population_min": {
        "fr": "population inconnue : les collectivités de moins de {threshold} habitants en "
              "sont exemptées ; indiquez la population",
        "en": "population unknown: bodies of fewer than {threshold} inhabitants are exempt; "
              "give the population",
    },
    "legal.unknown_agents": {
        "fr": "nombre d'agents inconnu : le texte vise les organismes d'au moins {threshold} "
              "agents (ETP) ; indiquez le nombre d'agents",
        "en": "number of agents unknown: the text binds bodies of at least {threshold} agents "
              "(FTE); give the number of agents",
    },
    "legal.unknown_type": {
        "fr": "type de collectivité inconnu : indiquez-le",
        "en": "type of body unknown: give it",
    },
    "legal.not_concerned": {
        "fr": "répondu « non concerné »",
        "en": "answered 'not concerned'",
    },
    "legal.unknown_type_population": {
        "fr": "type de collectivité inconnu : à {population} habitants, seules les collectivités "
              "territoriales (commune, département, région) sont exemptées sous {threshold} "
              "habitants, pas un EPCI ni un syndicat ; indiquez le type",
        "en": "type of body unknown: at {population} inhabitants, only territorial authorities "
              "(commune, département, region) are exempt below {threshold} inhabitants, not an "
              "intermunicipal body or a syndicate; give the type",
    },
    "legal.no_duty": {
        "fr": "« {answer} » : {why}",
        "en": "'{answer}': {why}",
    },
    "legal.share_at_least": {
        "fr": "{value} % déclarés, pour {threshold} % au moins demandés par le texte",
        "en": "{value} % stated, for at least {threshold} % required by the text",
    },
    "legal.share_below": {
        "fr": "{value} % déclarés, sous les {threshold} % au moins demandés par le texte",
        "en": "{value} % stated, below the at least {threshold} % required by the text",
    },
}
