"""axe-core in the browser tests: every violation on the page in view, one line each.

axe-core's npm build comes with the PyPI package axe-playwright-python."""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

AXE = Axe()
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


def axe_problems(page: Page, name: str) -> list[str]:
    """The axe-core violations of ``page``, each as "name: rule (impact) xN at target: help"."""
    results: Any = AXE.run(page)
    return [
        f"{name}: {violation['id']} ({violation['impact']}) x{len(violation['nodes'])} "
        f"at {violation['nodes'][0]['target']}: {violation['help']}"
        for violation in results.response["violations"]
    ]


def page_too_wide(page: Page, name: str) -> list[str]:
    """``[problem]`` when the page scrolls sideways in its window, else ``[]``."""
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if widths[0] > widths[1]:
        return [f"{name}: {widths[0]} px wide in a {widths[1]} px window"]
    return []
