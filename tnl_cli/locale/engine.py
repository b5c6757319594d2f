"""Messages of the assessment (verdict reasons and warnings)."""

MESSAGES = {
    "engine.private": {
        "fr": "Une entreprise privée ne peut pas candidater : le label est réservé aux "
              "collectivités territoriales (et, après accord des organisateurs, à d'autres "
              "organismes publics locaux).",
        "en": "A private company cannot apply: the label is for local authorities (and, with "
              "the organisers' agreement, other local public bodies).",
    },
    "engine.no_type": {
        "fr": "Le type de collectivité n'est pas renseigné (collectivite.type) : impossible "
              "de dire quels critères s'appliquent.",
        "en": "The collectivity type is missing (collectivite.type): cannot tell which "
              "criteria apply.",
    },
    "engine.gates_met": {
        "fr": "Les critères d'éligibilité du label sont remplis.",
        "en": "The label's eligibility criteria are met.",
    },
    "engine.gate_unmet": {
        "fr": "Critère d'éligibilité non rempli : {question} ({id})",
        "en": "Eligibility criterion not met: {question} ({id})",
    },
    "engine.reservation": {
        "fr": "Avec réserve : {question} ({id}) — critère cité par le label, non rempli ; "
              "le jury décide (une collectivité n'a pas à être active dans chacun des champs).",
        "en": "With a reservation: {question} ({id}) — a criterion the label lists, not met; "
              "the jury decides (a body need not be active in every field).",
    },
    "engine.gate_unanswered": {
        "fr": "Critère d'éligibilité sans réponse : {question} ({id})",
        "en": "Eligibility criterion unanswered: {question} ({id})",
    },
    "engine.other_public": {
        "fr": "Le type « {type_key} » n'est pas cité par le règlement, mais le jury a déjà "
              "labellisé de tels organismes publics : confirmez votre éligibilité auprès des "
              "organisateurs (ADULLACT).",
        "en": "Type '{type_key}' is not listed by the rules, but the jury has labelled such public "
              "bodies before: confirm your eligibility with the organisers (ADULLACT).",
    },
    "engine.no_name": {
        "fr": "Le nom de la collectivité n'est pas renseigné (collectivite.nom).",
        "en": "The collectivity's name is missing (collectivite.nom).",
    },
    "engine.no_code": {
        "fr": "Ni code INSEE ni SIREN : indiquez-en au moins un pour identifier la "
              "collectivité.",
        "en": "Neither INSEE code nor SIREN: give at least one to identify the collectivity.",
    },
    "engine.no_elu_referent": {
        "fr": "Aucun·e élu·e référent·e n'est désigné·e : la candidature en exige un·e.",
        "en": "No referent elected official is named: the application requires one.",
    },
    "engine.no_responsable": {
        "fr": "Aucune personne responsable de la candidature n'est désignée : la candidature "
              "en exige une.",
        "en": "No person responsible for the application is named: the application requires "
              "one.",
    },
    "engine.from_inventory": {
        "fr": "Réponse déduite de l'inventaire des logiciels ({software}…) : oui à « {question} ».",
        "en": "Answer taken from the software inventory ({software}…): yes to '{question}'.",
    },
    "engine.estimate": {
        "fr": "Ce niveau est une estimation : les seuils officiels ne sont pas publics et "
              "c'est le jury qui attribue le niveau.",
        "en": "This level is an estimate: the official thresholds are not public and the "
              "jury awards the level.",
    },
}
