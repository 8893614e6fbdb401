"""tandem: the workspace of a bilateral economic-cooperation programme."""
