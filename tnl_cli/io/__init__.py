"""Files: atomic writes, YAML documents, tables read and written."""
