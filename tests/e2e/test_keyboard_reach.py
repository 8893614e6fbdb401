"""Every control on the main page of every area is reachable with the Tab key, in the order of
the page (no positive tabindex), signed in as a secretariat member at 1366 px. What a closed
<details> holds counts as reached through its summary, which Enter opens (the browser's own)."""

from collections.abc import Callable

import pytest
from axe_check import DESKTOP
from browser import sign_in
from playwright.sync_api import Page

from tandem.core.actors import DEMO_ACTOR
from tandem.core.enums import Role
from tandem.core.models import User
from tandem.core.services.demo import demo_data_create
from tandem.projects.services.demo import demo_projects_create
from tandem.web.areas import AREAS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Marks every control a keyboard user must reach (visible, enabled, not taken out of the tab
# order) and returns how many there are, and how many have a positive tabindex.
MARK_CONTROLS = """() => {
  const selector =
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]';
  let count = 0, positive = 0;
  for (const el of document.querySelectorAll(selector)) {
    const style = getComputedStyle(el);
    const shown = el.getClientRects().length > 0 && style.visibility !== 'hidden';
    // Inside a closed <details>: reached by opening its summary (Enter), which is counted.
    const closed = el.closest('details:not([open])');
    const folded = closed && !(el.tagName === 'SUMMARY' && el.parentElement === closed);
    const skipped = el.getAttribute('tabindex') === '-1' || el.closest('[inert]') || folded;
    if (!shown || el.disabled || skipped) continue;
    if (parseInt(el.getAttribute('tabindex') || '0', 10) > 0) positive++;
    el.dataset.keyboardControl = String(count++);
  }
  return [count, positive];
}"""
FOCUSED = "() => document.activeElement && document.activeElement.dataset.keyboardControl || null"
UNREACHED = """(reached) => [...document.querySelectorAll('[data-keyboard-control]')]
  .filter(el => !reached.includes(el.dataset.keyboardControl))
  .map(el => el.outerHTML.slice(0, 120))"""


def test_every_control_of_every_area_is_reached_with_the_tab_key(
    page: Page, live_server: object, make_user: Callable[..., User]
) -> None:
    demo_data_create(seed=7, organisations=12, people=0, actor=DEMO_ACTOR)
    demo_projects_create(seed=7, count=20, actor=DEMO_ACTOR)
    make_user(Role.SECRETARIAT, "JP", username="sec-jp")
    base = str(live_server.url)  # type: ignore[attr-defined]
    page.set_default_timeout(90_000)
    page.set_viewport_size(DESKTOP)
    sign_in(page, base, "sec-jp")

    problems: list[str] = []
    for name, path in AREAS.items():
        page.goto(f"{base}{path}", wait_until="load")
        count, positive = page.evaluate(MARK_CONTROLS)
        if positive:
            problems.append(f"{name}: {positive} control(s) with a positive tabindex")
        page.locator("body").focus()
        reached: list[str] = []
        for _ in range(count + 10):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUSED)
            if focused is not None and focused not in reached:
                reached.append(focused)
            if len(reached) == count:
                break
        problems += [f"{name}: not reached: {html}" for html in page.evaluate(UNREACHED, reached)]
    assert problems == [], "\n".join(problems)
