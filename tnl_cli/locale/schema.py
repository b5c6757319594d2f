"""Words of the answers file's JSON Schema."""

MESSAGES = {
    "schema.title": {"fr": "tnl — fichier de réponses, édition {edition}",
                     "en": "tnl — answers file, edition {edition}"},
    "schema.number": {"fr": "nombre, virgule décimale acceptée",
                      "en": "number, a French decimal comma is accepted"},
    "schema.names": {"fr": "noms séparés par |", "en": "names separated by |"},
}
