"""gunicorn's settings for tandem (``gunicorn -c python:tandem.gunicorn_conf tandem.wsgi``).

The master loads the application and warms it (``tandem.web.warmup``) before it listens, so
every worker it forks, and every worker it starts again later, answers its first request
without importing and compiling the site first.
"""

from __future__ import annotations

import time
from typing import Any

preload_app = True


def on_starting(server: Any) -> None:
    from tandem.web.warmup import warm_up

    start = time.perf_counter()
    took = warm_up()
    parts = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in took.items())
    server.log.info("tandem warmed up in %.1f s (%s)", time.perf_counter() - start, parts)
