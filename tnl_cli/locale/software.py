"""Words of `tnl software`: browsing the software catalog (SILL 2020 and complements)."""

MESSAGES = {
    "software.help": {
        "fr": "Consulter le catalogue de logiciels : libre ou propriétaire, licence, usage, "
              "statut au SILL, alternatives libres.\n\n"
              "Données : Socle interministériel de logiciels libres (SILL) 2020, Licence Ouverte "
              "2.0, « Les Groupes Mutualisation Interministérielle et contributeurs du dépôt "
              "DISIC/sill, 2019-2021 » ; compléments (logiciels métier mutualisés, logiciels "
              "propriétaires et leurs alternatives) : contributeurs de tnl.",
        "en": "Browse the software catalog: free or proprietary, licence, use, SILL status, "
              "free alternatives.\n\n"
              "Data: Socle interministériel de logiciels libres (SILL) 2020, Licence Ouverte 2.0 "
              "(Open Licence), \"Les Groupes Mutualisation Interministérielle et contributeurs "
              "du dépôt DISIC/sill, 2019-2021\"; complements (pooled business software, "
              "proprietary products and their alternatives): tnl contributors.",
    },
    "software.search_help": {
        "fr": "Cherche un logiciel par nom (« libre office », « MS Office 2019 ») ou par besoin "
              "(« bureautique », « visio ») ; pour un logiciel propriétaire, donne ses "
              "alternatives libres.\n\n"
              "Codes de sortie : 0 trouvé, 1 aucune correspondance, 2 erreur d'utilisation.",
        "en": "Search a software by name (\"libre office\", \"MS Office 2019\") or by need "
              "(\"bureautique\", \"visio\"); for a proprietary product, lists its free "
              "alternatives.\n\n"
              "Exit codes: 0 found, 1 nothing matches, 2 usage error.",
    },
    "software.show_help": {
        "fr": "Affiche un logiciel du catalogue, par identifiant (libreoffice) ou par nom, et "
              "ce qu'il remplace ou ce qui le remplace.\n\n"
              "Codes de sortie : 0 trouvé, 1 inconnu du catalogue, 2 erreur d'utilisation.",
        "en": "Show one catalog entry, by id (libreoffice) or by name, and what it replaces "
              "or what replaces it.\n\n"
              "Exit codes: 0 found, 1 not in the catalog, 2 usage error.",
    },
    "software.arg_text": {
        "fr": "Nom ou usage ; plusieurs mots possibles sans guillemets.",
        "en": "Name or use; several words need no quotes.",
    },
    "software.arg_id": {
        "fr": "Identifiant (donné par « tnl software search ») ou nom du logiciel.",
        "en": "Id (as given by \"tnl software search\") or name of the software.",
    },
    "software.metavar_text": {"fr": "TEXTE", "en": "TEXT"},
    "software.opt_limit": {"fr": "Nombre maximal de résultats.",
                           "en": "Maximum number of results."},
    "software.empty": {
        "fr": "indiquez un nom de logiciel ou un usage à chercher (exemple : tnl software "
              "search bureautique).",
        "en": "give a software name or a use to look for (example: tnl software search "
              "bureautique).",
    },
    "software.bad_limit": {"fr": "--limit {value} : indiquez un nombre entier de 1 à {max}.",
                           "en": "--limit {value}: give a whole number from 1 to {max}."},
    "software.not_found": {"fr": "Aucun logiciel du catalogue ne correspond à « {text} ».",
                           "en": "No software in the catalog matches '{text}'."},
    "software.hint": {
        "fr": "Vérifiez l'orthographe, ou cherchez par usage (« bureautique », « visio », "
              "« sig »). Un logiciel absent du catalogue n'est pas pour autant propriétaire : "
              "vérifiez sa licence.",
        "en": "Check the spelling, or search by use (\"bureautique\", \"visio\", \"sig\"). A "
              "software missing from the catalog is not proprietary for that: check its "
              "licence.",
    },
    "software.try_search": {"fr": "Pour chercher par nom ou par usage : tnl software search {text}",
                            "en": "To search by name or use: tnl software search {text}"},
    "software.found": {
        "fr": "{count} logiciels pour « {text} », les plus proches d'abord (à égalité, les "
              "libres).",
        "en": "{count} software entries for '{text}', closest first (free ones among equals).",
    },
    "software.more": {
        "fr": "D'autres peuvent correspondre : --limit {more} pour en voir davantage.",
        "en": "More may match: --limit {more} to see more.",
    },
    "software.free": {"fr": "logiciel libre", "en": "free software"},
    "software.proprietary": {"fr": "logiciel propriétaire", "en": "proprietary software"},
    "software.not_free": {"fr": "logiciel non libre", "en": "non-free software"},
    "software.licence": {"fr": "licence {licence}", "en": "licence {licence}"},
    "software.licence_unknown": {"fr": "licence non vérifiée", "en": "licence not verified"},
    "software.field_function": {"fr": "Fonction", "en": "Function"},
    "software.field_domain": {"fr": "Domaine", "en": "Domain"},
    "software.field_sill": {"fr": "SILL 2020", "en": "SILL 2020"},
    "software.field_alternatives": {"fr": "Alternatives libres", "en": "Free alternatives"},
    "software.field_replaces": {"fr": "Alternative libre à", "en": "Free alternative to"},
    "software.no_alternative": {
        "fr": "aucune dans le catalogue",
        "en": "none in the catalog",
    },
    "software.sill_R": {"fr": "recommandé", "en": "recommended"},
    "software.sill_O": {"fr": "en observation", "en": "under observation"},
    "software.sill_FR": {"fr": "fin de recommandation", "en": "no longer recommended"},
    "software.sill_none": {"fr": "non listé", "en": "not listed"},
    "software.source": {
        "fr": "Données : {sill}, {licence}, {attribution} ; compléments : contributeurs de tnl.",
        "en": "Data: {sill}, {licence}, {attribution}; complements: tnl contributors.",
    },
}
