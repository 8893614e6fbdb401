"""Screenshots of every area's main page in English, Japanese and Russian, at 1366 px and at
390 px, from a server with the demo data (`make demo`), into docs/screenshots/.

    make demo &                                  # serves on http://127.0.0.1:8000
    .venv/bin/python scripts/screenshots.py      # or: --base URL --out DIR --user NAME

Signs in as a demo account (secretariat-jp by default, which sees every area) with the demo
password that `make demo` prints, and drives Debian's Chromium (TANDEM_CHROMIUM overrides).
Files: <area>-<language>-<width>.png, the visible first screen (not the whole page)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from tandem.web.areas import AREAS

LANGUAGES = ("en", "ja", "ru")
VIEWPORTS = {1366: {"width": 1366, "height": 900}, 390: {"width": 390, "height": 844}}
DEMO_PASSWORD = "tandem-demo-2019"  # noqa: S105 - the demo accounts' password, printed by make demo


def sign_in(page: Page, base: str, username: str, password: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=login]", username)
    page.fill("input[name=password]", password)
    page.keyboard.press("Enter")
    page.wait_for_selector(".who", state="attached")


def switch_language(page: Page, language: str) -> None:
    if page.get_attribute("html", "lang") != language:
        page.select_option("#language-select", language)
    page.wait_for_selector(f"html[lang={language}]", state="attached")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--user", default="secretariat-jp")
    parser.add_argument("--password", default=DEMO_PASSWORD)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    chromium = os.environ.get("TANDEM_CHROMIUM", "/usr/bin/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport=VIEWPORTS[1366])
        page.set_default_timeout(120_000)
        sign_in(page, args.base, args.user, args.password)
        for language in LANGUAGES:
            page.set_viewport_size(VIEWPORTS[1366])  # the switch is in the menu, open there
            switch_language(page, language)
            for width, viewport in VIEWPORTS.items():
                page.set_viewport_size(viewport)
                for area, path in AREAS.items():
                    page.goto(f"{args.base}{path}", wait_until="load")
                    target = args.out / f"{area}-{language}-{width}.png"
                    page.screenshot(path=str(target))
                    print(target, flush=True)
        page.set_viewport_size(VIEWPORTS[1366])
        switch_language(page, "en")  # the account's language as it was
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
