"""Illustrative demo data: made up, deterministic, and flagged wherever it is shown."""
