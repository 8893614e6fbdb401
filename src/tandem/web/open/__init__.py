"""The open-data portal at /open/: what the programme has published, for anyone.

Every page reads as the public reads (an anonymous reader, whoever is signed in), in the
reader's language (``?lang=``, the language cookie, Accept-Language), and is cached per
language and query until the registry or the committee's public record changes
(:mod:`tandem.web.open.reader`). See docs/portal.md.
"""
