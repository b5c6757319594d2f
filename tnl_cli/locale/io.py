"""Messages about files."""

MESSAGES = {
    "io.missing": {
        "fr": "fichier introuvable. Vérifiez le chemin et le nom du fichier.",
        "en": "file not found. Check the path and the file name.",
    },
    "io.is_dir": {
        "fr": "c'est un répertoire, pas un fichier. Indiquez le chemin d'un fichier.",
        "en": "this is a directory, not a file. Give the path of a file.",
    },
    "io.unreadable": {
        "fr": "lecture impossible ({reason}). Vérifiez les droits d'accès au fichier.",
        "en": "cannot read it ({reason}). Check the file's permissions.",
    },
    "io.not_utf8": {
        "fr": "le fichier n'est pas encodé en UTF-8. Réenregistrez-le en UTF-8 "
              "(LibreOffice : Enregistrer sous, jeu de caractères Unicode UTF-8).",
        "en": "the file is not UTF-8 encoded. Save it again as UTF-8.",
    },
    "io.exists": {
        "fr": "le fichier existe déjà ; ajoutez --force pour le remplacer, ou choisissez "
              "un autre nom.",
        "en": "the file already exists; add --force to replace it, or choose another name.",
    },
    "io.no_dir": {
        "fr": "le répertoire « {dir} » n'existe pas. Créez-le d'abord (mkdir -p {dir}).",
        "en": "directory '{dir}' does not exist. Create it first (mkdir -p {dir}).",
    },
    "io.locked": {
        "fr": "le fichier est en cours de modification par un autre tnl (pid {pid}, machine "
              "{host}, depuis {since}) ; rien n'a été modifié. Réessayez quand il aura fini ; "
              "s'il ne tourne plus, supprimez {lock}.",
        "en": "the file is being modified by another tnl (pid {pid}, machine {host}, since "
              "{since}); nothing was changed. Try again once it has finished; if it no longer "
              "runs, delete {lock}.",
    },
    "io.unwritable": {
        "fr": "écriture impossible ({reason}). Vérifiez les droits du répertoire ou choisissez "
              "un autre emplacement ; rien n'a été modifié.",
        "en": "cannot write ({reason}). Check the directory's permissions or choose another "
              "place; nothing was changed.",
    },
    "io.disk_full": {
        "fr": "disque plein ({reason}). Libérez de la place puis relancez ; rien n'a été "
              "modifié.",
        "en": "disk full ({reason}). Free some space and try again; nothing was changed.",
    },
    "io.parent_not_dir": {
        "fr": "« {dir} » est un fichier, pas un répertoire : choisissez un autre emplacement.",
        "en": "'{dir}' is a file, not a directory: choose another place.",
    },
    "io.output_is_input": {
        "fr": "c'est aussi le fichier lu ({input}) : l'écrire détruirait ce qu'il contient. "
              "Choisissez un autre nom de sortie ; rien n'a été modifié.",
        "en": "this is also the file read ({input}): writing it would destroy what it holds. "
              "Choose another output name; nothing was changed.",
    },
    "io.more_problems": {"fr": "… et {count} autres problèmes (corrigez d'abord ceux-ci).",
                         "en": "… and {count} more problems (fix these first)."},
    "io.os_error": {
        "fr": "opération impossible sur ce fichier ({reason}). Vérifiez le chemin et le nom ; "
              "rien n'a été modifié.",
        "en": "cannot use this file ({reason}). Check the path and the name; nothing was "
              "changed.",
    },
    "io.reason_permission": {"fr": "permission refusée", "en": "permission denied"},
    "io.reason_read_only": {"fr": "système de fichiers en lecture seule",
                            "en": "read-only file system"},
    "io.reason_no_space": {"fr": "plus de place sur le disque", "en": "no space left on device"},
    "io.reason_not_dir": {"fr": "un élément du chemin n'est pas un répertoire",
                          "en": "a part of the path is not a directory"},
    "io.reason_is_dir": {"fr": "c'est un répertoire", "en": "it is a directory"},
    "io.reason_name_too_long": {"fr": "nom trop long", "en": "file name too long"},
    "io.reason_missing": {"fr": "fichier ou répertoire introuvable",
                          "en": "no such file or directory"},
    "io.reason_io": {"fr": "erreur d'entrée-sortie du disque", "en": "input/output error"},
    "io.reason_loop": {"fr": "trop de liens symboliques en boucle",
                       "en": "too many levels of symbolic links"},
}
