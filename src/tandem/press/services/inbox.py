"""The press inbox: a folder (TANDEM_DATA_DIR/press-inbox) where feeds drop articles.

Each file is ingested (duplicates recognised), then moved to ``done/``; a file that cannot be
read goes to ``rejected/`` with a ``.error.txt`` beside it saying why. A file changed in the
last few seconds is left for the next scan (it may still be being written).
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError

from tandem.core.actors import Actor
from tandem.press.services.ingest import article_ingest

SETTLE_SECONDS = 2.0


@dataclass
class InboxReport:
    stored: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{len(self.stored)} stored, {len(self.duplicates)} duplicates, "
            f"{len(self.rejected)} rejected"
        )


def inbox_folder() -> Path:
    return Path(settings.DATA_DIR) / "press-inbox"


def _move(path: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / path.name
    counter = 1
    while target.exists():
        target = folder / f"{path.stem}-{counter}{path.suffix}"
        counter += 1
    shutil.move(str(path), target)
    return target


def inbox_scan(
    *, folder: Path | None = None, actor: Actor, settle: float = SETTLE_SECONDS
) -> InboxReport:
    folder = folder or inbox_folder()
    folder.mkdir(parents=True, exist_ok=True)
    report = InboxReport()
    now = time.time()
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.name.startswith("."):
            continue
        if now - path.stat().st_mtime < settle:
            continue
        try:
            result = article_ingest(
                content=path.read_bytes(),
                name=path.name,
                source=f"press-inbox/{path.name}",
                actor=actor,
            )
        except ValidationError as error:
            target = _move(path, folder / "rejected")
            target.with_name(target.name + ".error.txt").write_text(
                " ".join(error.messages) + "\n", encoding="utf-8"
            )
            report.rejected.append(path.name)
            continue
        _move(path, folder / "done")
        (report.stored if result.created else report.duplicates).append(path.name)
    return report
