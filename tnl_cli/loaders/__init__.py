"""Files read into the core's plain data: the bundled catalogs (and their cache), answers files.

The core validates and evaluates what it is given and reads no file; this layer opens the
files (through `io`), hands the core `located.Located` data and keeps the user's cache."""
