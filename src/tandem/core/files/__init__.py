"""Pure checks on uploaded files (no Django), shared by every importer."""
