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
        "fr": "{population} habitants : les collectivités de moins de {threshold} habitants en "
              "sont exemptées",
        "en": "{population} inhabitants: bodies of fewer than {threshold} inhabitants are "
              "exempt",
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
}
