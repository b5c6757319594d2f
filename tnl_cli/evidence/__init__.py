"""Evidence: answers drawn from files the collectivity already has, applied to its answers file.

`apply.py` writes a list of `core.provenance.Proposal` (from `tnl inventaire`, `tnl opendata`)
into an answers file, with their sources, never overwriting what the user answered unless asked.
"""
