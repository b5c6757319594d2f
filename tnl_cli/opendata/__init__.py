"""data.gouv.fr's catalogue exports and OpenDataFrance's list, read as evidence of open data.

`exports` streams the `;`-separated CSV exports (organisations, datasets, resources) row by
row, `counting` adds up, in one pass, what each collectivity (by SIREN) publishes, `odf` reads
OpenDataFrance's list of organisations and their portals, and `proposals` turns the counts into
proposed answers (`core.provenance.Proposal`) with their sources. No terminal here: the command
(`commands/opendata.py`) and the batch (`batch/opendata.py`) show what is found.
"""
