"""``python -m tandem.fairs.scheduling``: see :mod:`tandem.fairs.scheduling.cli`."""

from .cli import main

raise SystemExit(main())
