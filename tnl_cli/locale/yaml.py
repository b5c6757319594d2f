"""Messages about YAML syntax."""

MESSAGES = {
    "yaml.empty": {
        "fr": "le fichier est vide. Partez de l'exemple examples/commune-exemple.yaml ou "
              "lancez `tnl assess` pour le remplir.",
        "en": "the file is empty. Start from examples/commune-exemple.yaml or run "
              "`tnl assess` to fill it in.",
    },
    "yaml.syntax": {
        "fr": "erreur de syntaxe YAML (colonne {column}) : {reason}. Vérifiez l'indentation "
              "(des espaces, pas de tabulations) et les deux-points ; mettez entre guillemets "
              "un texte qui contient « : ».",
        "en": "YAML syntax error (column {column}): {reason}. Check the indentation (spaces, "
              "not tabs) and colons; quote any text that contains ': '.",
    },
    "yaml.alias": {
        "fr": "les alias YAML (« *nom ») ne sont pas acceptés : recopiez la valeur à la place.",
        "en": "YAML aliases ('*name') are not accepted: write the value out instead.",
    },
    "yaml.duplicate_key": {
        "fr": "la clé « {key} » apparaît deux fois ; gardez-en une seule.",
        "en": "key '{key}' appears twice; keep only one.",
    },
}
