"""Messages about YAML syntax."""

MESSAGES = {
    "yaml.empty": {
        "fr": "le fichier est vide. Partez de l'exemple examples/commune-exemple.yaml ou "
              "lancez `tnl assess` pour le remplir.",
        "en": "the file is empty. Start from examples/commune-exemple.yaml or run "
              "`tnl assess` to fill it in.",
    },
    "yaml.syntax": {
        "fr": "erreur de syntaxe YAML, ligne {row}, colonne {column} : {why_key}. Vérifiez "
              "l'indentation (des espaces, pas de tabulations) et les deux-points ; mettez "
              "entre guillemets un texte qui contient « : ».",
        "en": "YAML syntax error, line {row}, column {column}: {why_key}. Check the indentation "
              "(spaces, not tabs) and colons; quote any text that contains ': '.",
    },
    "yaml.why_bracket": {
        "fr": "crochet « ] » ou virgule attendu (une liste entre crochets n'est pas fermée, ou "
              "deux valeurs ne sont pas séparées par une virgule)",
        "en": "closing ']' or comma expected (a list in brackets is not closed, or two values "
              "are not separated by a comma)",
    },
    "yaml.why_brace": {
        "fr": "accolade « }} » ou virgule attendue (un groupe entre accolades n'est pas fermé, "
              "ou deux valeurs ne sont pas séparées par une virgule)",
        "en": "closing '}}' or comma expected (a group in braces is not closed, or two values "
              "are not separated by a comma)",
    },
    "yaml.why_quote": {
        "fr": "un texte entre guillemets n'est jamais refermé",
        "en": "a quoted text is never closed",
    },
    "yaml.why_colon": {
        "fr": "deux-points inattendu : une valeur contient « : » sans guillemets, ou une ligne "
              "est plus ou moins indentée que ses voisines",
        "en": "unexpected colon: a value holds ': ' without quotes, or a line is indented "
              "more or less than its neighbours",
    },
    "yaml.why_tab": {
        "fr": "tabulation dans l'indentation : YAML n'accepte que des espaces",
        "en": "tab in the indentation: YAML accepts only spaces",
    },
    "yaml.why_character": {
        "fr": "caractère qui ne peut pas commencer une valeur ici (une tabulation, « @ » ou "
              "« ` » sans guillemets ?)",
        "en": "a character that cannot start a value here (a tab, '@' or '`' without "
              "quotes?)",
    },
    "yaml.why_indent": {
        "fr": "indentation incohérente : cette ligne ne s'aligne sur aucune clé au-dessus",
        "en": "inconsistent indentation: this line lines up with no key above it",
    },
    "yaml.why_no_colon": {
        "fr": "deux-points attendu après une clé",
        "en": "colon expected after a key",
    },
    "yaml.why_escape": {
        "fr": "« \\ » inconnu dans un texte entre guillemets doubles : doublez-le (\\\\) ou "
              "utilisez des guillemets simples",
        "en": "unknown '\\' in a double-quoted text: double it (\\\\) or use single quotes",
    },
    "yaml.why_unclosed": {
        "fr": "fin du fichier inattendue : quelque chose ouvert plus haut n'est pas refermé",
        "en": "unexpected end of file: something opened above is not closed",
    },
    "yaml.why_control": {
        "fr": "caractère de contrôle U+{code} interdit dans un fichier YAML (copié d'un "
              "terminal ou d'un autre logiciel ?) : retirez-le",
        "en": "control character U+{code} not allowed in a YAML file (copied from a terminal "
              "or another program?): remove it",
    },
    "yaml.why_other": {"fr": "{reason} (message de PyYAML)", "en": "{reason}"},
    "yaml.alias": {
        "fr": "les alias YAML (« *nom ») ne sont pas acceptés : recopiez la valeur à la place.",
        "en": "YAML aliases ('*name') are not accepted: write the value out instead.",
    },
    "yaml.duplicate_key": {
        "fr": "la clé « {key} » apparaît deux fois ; gardez-en une seule.",
        "en": "key '{key}' appears twice; keep only one.",
    },
}
