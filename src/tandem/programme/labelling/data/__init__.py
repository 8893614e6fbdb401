"""Data files of label suggestion: prototypes, the example bank and the Far East gazetteer."""
