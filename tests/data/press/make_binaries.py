"""Rebuild the pdf and docx articles of the development set from sources/*.txt.

Run once after editing a source: ``.venv/bin/python tests/data/press/make_binaries.py``.
The docx keeps one paragraph per line; the pdf is rendered by WeasyPrint (Noto CJK fonts).
"""

from __future__ import annotations

import html
import json
from pathlib import Path

HERE = Path(__file__).parent


def make_docx(text: str, target: Path) -> None:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        if line.strip():
            document.add_paragraph(line)
    document.save(str(target))


def make_pdf(text: str, target: Path) -> None:
    import weasyprint

    body = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    page = f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>"
    weasyprint.HTML(string=page).write_pdf(str(target))


def main() -> None:
    for source in sorted((HERE / "sources").glob("*.txt")):
        gold = json.loads((HERE / f"{source.stem}.json").read_text(encoding="utf-8"))
        target = HERE / gold["file"]
        text = source.read_text(encoding="utf-8")
        if target.suffix == ".docx":
            make_docx(text, target)
        else:
            make_pdf(text, target)
        print(target.name, target.stat().st_size)


if __name__ == "__main__":
    main()
