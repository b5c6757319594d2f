"""The core: catalog, rules, answers, identity and the pure engine; no terminal, template or file format."""
