"""Messages of the catalog validator (`tnl criteria lint`)."""

MESSAGES = {
    "catalog.not_mapping": {
        "fr": "un catalogue doit être un dictionnaire YAML (edition, domains, criteria…).",
        "en": "a catalog must be a YAML mapping (edition, domains, criteria…).",
    },
    "catalog.unknown_top": {
        "fr": "clé « {field} » inconnue au premier niveau du catalogue "
              "(voir docs/catalog-format.md).",
        "en": "unknown top-level key '{field}' (see docs/catalog-format.md).",
    },
    "catalog.bad_edition": {
        "fr": "« edition » doit être une année (par exemple 2025), pas « {value} ».",
        "en": "'edition' must be a year (e.g. 2025), not '{value}'.",
    },
    "catalog.edition_mismatch": {
        "fr": "le fichier annonce l'édition {value} mais s'appelle {expected}.yaml ; "
              "accordez les deux.",
        "en": "the file says edition {value} but is named {expected}.yaml; make them agree.",
    },
    "catalog.bad_deadline": {
        "fr": "« deadline » doit être une date AAAA-MM-JJ, pas « {value} ».",
        "en": "'deadline' must be a YYYY-MM-DD date, not '{value}'.",
    },
    "catalog.no_domains": {
        "fr": "le catalogue doit lister ses domaines (« domains »).",
        "en": "the catalog must list its domains ('domains').",
    },
    "catalog.bad_domain": {
        "fr": "domaine mal formé : il faut un « id » en minuscules (a-z, 0-9, _).",
        "en": "malformed domain: it needs an 'id' in lowercase (a-z, 0-9, _).",
    },
    "catalog.duplicate_domain": {
        "fr": "domaine « {domain} » déclaré deux fois.",
        "en": "domain '{domain}' declared twice.",
    },
    "catalog.empty_domain": {
        "fr": "le domaine « {domain} » n'a aucun critère.",
        "en": "domain '{domain}' has no criterion.",
    },
    "catalog.no_criteria": {
        "fr": "le catalogue doit lister ses critères (« criteria »).",
        "en": "the catalog must list its criteria ('criteria').",
    },
    "catalog.criterion_not_mapping": {
        "fr": "chaque critère doit être un dictionnaire (id, domain, type, question…).",
        "en": "each criterion must be a mapping (id, domain, type, question…).",
    },
    "catalog.bad_id": {
        "fr": "critère {who} : « id » manquant ou invalide (minuscules, chiffres et _).",
        "en": "criterion {who}: missing or invalid 'id' (lowercase, digits and _).",
    },
    "catalog.duplicate_id": {
        "fr": "critère {who} : identifiant déjà utilisé (ligne {first}) ; "
              "chaque critère doit avoir un id unique.",
        "en": "criterion {who}: id already used (line {first}); each criterion needs a "
              "unique id.",
    },
    "catalog.unknown_field": {
        "fr": "critère {who} : champ « {field} » inconnu.",
        "en": "criterion {who}: unknown field '{field}'.",
    },
    "catalog.missing_field": {
        "fr": "{who} : champ obligatoire « {field} » manquant.",
        "en": "{who}: required field '{field}' is missing.",
    },
    "catalog.missing_top": {
        "fr": "champ obligatoire « {field} » manquant au premier niveau du catalogue.",
        "en": "required top-level field '{field}' is missing.",
    },
    "catalog.bad_statement": {
        "fr": "critère {who} : « statement » contient {{{field}}}, inconnu ; les champs "
              "possibles sont {allowed}.",
        "en": "criterion {who}: 'statement' holds {{{field}}}, which is unknown; the possible "
              "fields are {allowed}.",
    },
    "catalog.text_langs": {
        "fr": "{who} : « {field} » doit donner un texte non vide en français et en anglais "
              "({{fr: …, en: …}}).",
        "en": "{who}: '{field}' must give a non-empty text in French and English "
              "({{fr: …, en: …}}).",
    },
    "catalog.unknown_domain": {
        "fr": "{who} : domaine « {domain} » inconnu (voir « domains »).",
        "en": "{who}: unknown domain '{domain}' (see 'domains').",
    },
    "catalog.bad_type": {
        "fr": "critère {who} : type « {value} » inconnu ; types possibles : {allowed}.",
        "en": "criterion {who}: unknown type '{value}'; possible types: {allowed}.",
    },
    "catalog.bad_effort": {
        "fr": "critère {who} : effort « {value} » invalide ; choisir faible, moyen ou eleve.",
        "en": "criterion {who}: invalid effort '{value}'; choose faible, moyen or eleve.",
    },
    "catalog.bad_points": {
        "fr": "{who} : points « {value} » invalides ; un entier positif ou nul est attendu.",
        "en": "{who}: invalid points '{value}'; a non-negative integer is expected.",
    },
    "catalog.bad_bool": {
        "fr": "{who} : « {field} » doit valoir true ou false.",
        "en": "{who}: '{field}' must be true or false.",
    },
    "catalog.gate_not_boolean": {
        "fr": "critère {who} : un critère d'éligibilité doit être de type boolean.",
        "en": "criterion {who}: an eligibility criterion must be of type boolean.",
    },
    "catalog.bad_applies": {
        "fr": "critère {who} : « applies_to » contient « {value} », qui n'est pas un type de "
              "collectivité connu.",
        "en": "criterion {who}: 'applies_to' holds '{value}', not a known collectivity type.",
    },
    "catalog.no_choices": {
        "fr": "critère {who} : une question à choix doit lister ses options (« choices »).",
        "en": "criterion {who}: a choice question must list its options ('choices').",
    },
    "catalog.bad_choice": {
        "fr": "critère {who} : option mal formée ; il faut au moins « value » et « label ».",
        "en": "criterion {who}: malformed option; it needs at least 'value' and 'label'.",
    },
    "catalog.duplicate_choice": {
        "fr": "critère {who} : l'option « {value} » est en double.",
        "en": "criterion {who}: option '{value}' is duplicated.",
    },
    "catalog.choice_points": {
        "fr": "critère {who} : l'option « {value} » rapporte plus que les points du critère.",
        "en": "criterion {who}: option '{value}' gives more than the criterion's points.",
    },
    "catalog.choices_not_allowed": {
        "fr": "critère {who} : « choices » n'a de sens que pour les types choice et multi.",
        "en": "criterion {who}: 'choices' only makes sense for types choice and multi.",
    },
    "catalog.number_only": {
        "fr": "critère {who} : « {field} » n'a de sens que pour le type number.",
        "en": "criterion {who}: '{field}' only makes sense for type number.",
    },
    "catalog.bad_bound": {
        "fr": "critère {who} : borne « {value} » invalide ; un nombre est attendu.",
        "en": "criterion {who}: invalid bound '{value}'; a number is expected.",
    },
    "catalog.bounds_order": {
        "fr": "critère {who} : « min » est plus grand que « max ».",
        "en": "criterion {who}: 'min' is greater than 'max'.",
    },
    "catalog.bad_threshold": {
        "fr": "critère {who} : seuil mal formé ; il faut {{min: nombre, points: entier}}.",
        "en": "criterion {who}: malformed threshold; it needs {{min: number, points: int}}.",
    },
    "catalog.threshold_order": {
        "fr": "critère {who} : les seuils doivent être rangés par « min » croissant, "
              "avec des points croissants.",
        "en": "criterion {who}: thresholds must be in increasing 'min' order with "
              "increasing points.",
    },
    "catalog.threshold_points": {
        "fr": "critère {who} : un seuil rapporte plus que les points du critère.",
        "en": "criterion {who}: a threshold gives more than the criterion's points.",
    },
    "catalog.unknown_ref": {
        "fr": "{who} : la règle cite le critère « {ref} », qui n'existe pas.",
        "en": "{who}: the rule names criterion '{ref}', which does not exist.",
    },
    "catalog.when_order": {
        "fr": "critère {who} : « when » cite « {ref} », qui vient après lui ; une condition "
              "ne peut porter que sur une question posée avant.",
        "en": "criterion {who}: 'when' names '{ref}', which comes after it; a condition can "
              "only test a question asked before.",
    },
    "catalog.when_negative": {
        "fr": "critère {who} : « when » teste « {ref} » autrement que par oui ; une "
              "condition sur un oui/non doit être positive (met: {ref}), pour qu'un « oui » "
              "ne masque jamais une question.",
        "en": "criterion {who}: 'when' tests '{ref}' other than by yes; a condition on a "
              "yes/no must be positive (met: {ref}) so that a yes never hides a question.",
    },
    "catalog.when_value": {
        "fr": "critère {who} : « when » teste la valeur « {value} », qui n'est pas une option "
              "de « {ref} ».",
        "en": "criterion {who}: 'when' tests value '{value}', not an option of '{ref}'.",
    },
    "catalog.rule_shape": {
        "fr": "{who} : une règle doit être un dictionnaire à une seule clé (met, all, any, "
              "count, score, domains, answer, first_candidacy).",
        "en": "{who}: a rule must be a mapping with one key (met, all, any, count, score, "
              "domains, answer, first_candidacy).",
    },
    "catalog.rule_unknown": {
        "fr": "{who} : opérateur de règle « {op} » inconnu.",
        "en": "{who}: unknown rule operator '{op}'.",
    },
    "catalog.rule_ids": {
        "fr": "{who} : la règle attend un identifiant de critère (ou une liste d'identifiants).",
        "en": "{who}: the rule expects a criterion id (or a list of ids).",
    },
    "catalog.rule_list": {
        "fr": "{who} : « {op} » attend une liste non vide de règles.",
        "en": "{who}: '{op}' expects a non-empty list of rules.",
    },
    "catalog.rule_number": {
        "fr": "{who} : « {value} » n'est pas un nombre.",
        "en": "{who}: '{value}' is not a number.",
    },
    "catalog.rule_count": {
        "fr": "{who} : « count » attend {{min: N, of: [ids]}} ou {{min: N, domain: id}}.",
        "en": "{who}: 'count' expects {{min: N, of: [ids]}} or {{min: N, domain: id}}.",
    },
    "catalog.rule_score": {
        "fr": "{who} : « score » attend {{min: 0.4}} ou {{domain: id, min: 0.4}}.",
        "en": "{who}: 'score' expects {{min: 0.4}} or {{domain: id, min: 0.4}}.",
    },
    "catalog.rule_ratio": {
        "fr": "{who} : {value} doit être une proportion entre 0 et 1.",
        "en": "{who}: {value} must be a share between 0 and 1.",
    },
    "catalog.rule_domains": {
        "fr": "{who} : « domains » attend {{min: N, score: 0.25}}.",
        "en": "{who}: 'domains' expects {{min: N, score: 0.25}}.",
    },
    "catalog.rule_answer": {
        "fr": "{who} : « answer » attend {{id: …, equals: …}}, {{id: …, in: […]}} ou "
              "{{id: …, min: N}}.",
        "en": "{who}: 'answer' expects {{id: …, equals: …}}, {{id: …, in: […]}} or "
              "{{id: …, min: N}}.",
    },
    "catalog.rule_first": {
        "fr": "{who} : « first_candidacy » n'accepte que true.",
        "en": "{who}: 'first_candidacy' only accepts true.",
    },
    "catalog.no_eligibility": {
        "fr": "le catalogue doit donner la règle d'éligibilité (eligibility: {{rule: …}}, "
              "et au plus hard: true ou false).",
        "en": "the catalog must give the eligibility rule (eligibility: {{rule: …}}, and at "
              "most hard: true or false).",
    },
    "catalog.rule_not_gate": {
        "fr": "la règle d'éligibilité cite « {ref} », qui n'est pas marqué eligibility: true.",
        "en": "the eligibility rule names '{ref}', which is not marked eligibility: true.",
    },
    "catalog.no_gates": {
        "fr": "aucun critère n'est marqué eligibility: true.",
        "en": "no criterion is marked eligibility: true.",
    },
    "catalog.no_tiers": {
        "fr": "le catalogue doit lister ses niveaux (« tiers »), du plus bas au plus haut.",
        "en": "the catalog must list its tiers ('tiers'), lowest first.",
    },
    "catalog.bad_tier": {
        "fr": "niveau mal formé : il faut au moins « id », « name » et « description ».",
        "en": "malformed tier: it needs at least 'id', 'name' and 'description'.",
    },
    "catalog.duplicate_tier": {
        "fr": "niveau {who} déclaré deux fois.",
        "en": "tier {who} declared twice.",
    },
    "catalog.bad_min_score": {
        "fr": "niveau {who} : min_score « {value} » doit être une proportion entre 0 et 1.",
        "en": "tier {who}: min_score '{value}' must be a share between 0 and 1.",
    },
    "catalog.tier_order": {
        "fr": "niveau {who} : min_score {value} est plus bas que celui du niveau précédent "
              "{previous} ({floor}) ; les niveaux vont du plus bas au plus haut.",
        "en": "tier {who}: min_score {value} is below that of the previous tier {previous} "
              "({floor}); tiers go from lowest to highest.",
    },
    "catalog.bad_mention": {
        "fr": "mention mal formée : il faut « id », « name », « description » et « rule ».",
        "en": "malformed mention: it needs 'id', 'name', 'description' and 'rule'.",
    },
    "catalog.bad_form": {
        "fr": "formulaire {who} mal formé : il faut « name » et une liste « criteria ».",
        "en": "malformed form {who}: it needs 'name' and a 'criteria' list.",
    },
    "catalog.no_edition": {
        "fr": "pas de catalogue pour l'édition {edition} ; éditions disponibles : {available}.",
        "en": "no catalog for edition {edition}; available editions: {available}.",
    },
    "catalog.bad_implies": {
        "fr": "critère {who} : « implies » n'a de sens que pour un inventaire et doit lister des "
              "critères oui/non existants.",
        "en": "criterion {who}: 'implies' only makes sense for an inventory and must list "
              "existing yes/no criteria.",
    },
    "catalog.bad_legal_check": {
        "fr": "contrôle légal mal formé : il faut « id », « criterion » (un critère à choix "
              "existant), « allowed » (liste d'options) et « text ».",
        "en": "malformed legal check: it needs 'id', 'criterion' (an existing choice "
              "criterion), 'allowed' (a list of options) and 'text'.",
    },
    "catalog.not_a_list": {
        "fr": "« {field} » doit être une liste (des lignes commençant par « - »).",
        "en": "'{field}' must be a list (lines starting with '- ').",
    },
    "catalog.bad_badge": {
        "fr": "« badge » doit être {{form: ID, name: {{fr, en}}, description: {{fr, en}}}}, ID "
              "étant un formulaire de « forms ».",
        "en": "'badge' must be {{form: ID, name: {{fr, en}}, description: {{fr, en}}}}, ID "
              "being a form of 'forms'.",
    },
    "catalog.bad_application": {
        "fr": "« application » doit être {{opens: AAAA-MM-JJ, where: {{fr, en}}, url: "
              "https://…, documents: {{fr, en}}, source: {{fr, en}}, to_check: {{fr, en}}}} "
              "(where, documents et source obligatoires).",
        "en": "'application' must be {{opens: YYYY-MM-DD, where: {{fr, en}}, url: https://…, "
              "documents: {{fr, en}}, source: {{fr, en}}, to_check: {{fr, en}}}} (where, "
              "documents and source required).",
    },
    "catalog.bad_legal": {
        "fr": "critère {who} : « legal » doit être {{force: obligation|recommendation, source: "
              "{{fr, en}}, scope: {{...}}, met: [...], no_duty: {{values: [...], reason: "
              "{{fr, en}}}}, met_min: N}} (« met » et « no_duty » pour un choix seulement, "
              "« met_min » pour un nombre).",
        "en": "criterion {who}: 'legal' must be {{force: obligation|recommendation, source: "
              "{{fr, en}}, scope: {{...}}, met: [...], no_duty: {{values: [...], reason: "
              "{{fr, en}}}}, met_min: N}} ('met' and 'no_duty' for a choice only, 'met_min' "
              "for a number).",
    },
    "catalog.not_concerned_gate": {
        "fr": "critère {who} : un critère d'éligibilité ou un inventaire ne peut pas être "
              "« not_concerned ».",
        "en": "criterion {who}: an eligibility criterion or an inventory cannot be "
              "'not_concerned'.",
    },
    "catalog.not_concerned_in_rule": {
        "fr": "niveau {who} : sa règle nomme {ref}, qui accepte « non concerné » ; un tel "
              "critère ne peut pas décider d'un niveau (retirez-le de la règle ou retirez "
              "« not_concerned »).",
        "en": "tier {who}: its rule names {ref}, which accepts 'not concerned'; such a "
              "criterion cannot decide a tier (take it out of the rule or drop "
              "'not_concerned').",
    },
    "catalog.gate_when": {
        "fr": "critère {who} : un critère d'éligibilité ne peut pas avoir de « when ».",
        "en": "criterion {who}: an eligibility criterion cannot have a 'when'.",
    },
}
