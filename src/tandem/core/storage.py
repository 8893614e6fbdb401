"""File storage that keeps whole files or none."""

from __future__ import annotations

import contextlib
import os
from typing import Any

from django.core.files.storage import FileSystemStorage


class WholeFileSystemStorage(FileSystemStorage):
    """Django's file system storage, but a save that fails half-way (a full disk) removes the
    part it wrote instead of leaving a truncated file behind."""

    def _save(self, name: str, content: Any) -> str:
        try:
            return str(super()._save(name, content))  # type: ignore[misc]
        except FileExistsError:
            raise
        except OSError:
            # Django creates the file with O_EXCL, so a file at this name was made by this save
            # (a name picked again after a race is the rare exception, and is left alone).
            with contextlib.suppress(OSError):
                os.remove(self.path(name))
            raise
