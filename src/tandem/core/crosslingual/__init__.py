"""Search across English, Japanese and Russian: transliteration keys (``transliteration``,
pure) and the gazetteer of names the registry holds in three languages (``gazetteer``)."""
