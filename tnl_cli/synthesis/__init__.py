"""The territory synthesis: many collectivities in counts, charts and tables."""
