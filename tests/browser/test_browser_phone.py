"""Every page on a phone, 360 by 740 CSS pixels, with a light and a dark system theme.

The page must not scroll sideways, its figures must be scaled to the width, and each
box that scrolls sideways (a wide formula, table or line of code) must be reachable with
Tab and scroll with the arrow keys (checked once a page, in the light theme: the dark one
has the same boxes). A full-page screenshot of each visit is kept under
test-artifacts/screenshots/phone/.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from page_watch import LOCAL_HOSTS, PHONE, PageWatch, open_context
from phone_checks import PhoneVisit, check_the_keyboard, visit_on_a_phone
from PIL import Image
from playwright.sync_api import Browser
from site_pages import ROOT, SitePage, site_pages

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = site_pages()
SCHEMES = ["light", "dark"]
KEYBOARD_SCHEME = "light"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots" / "phone"


@pytest.fixture(scope="module")
def phone_visits(
    browser: Browser, site_url: str, built_site: Path
) -> Callable[[SitePage, str], PhoneVisit]:
    """Open each page once per colour scheme on a phone's screen; later calls reuse it."""
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()
    visits: dict[tuple[str, str], PhoneVisit] = {}

    def visit_once(page: SitePage, scheme: str) -> PhoneVisit:
        if (page.name, scheme) not in visits:
            context = open_context(browser, scheme, screen=PHONE)
            try:
                watch = PageWatch(context, allowed_hosts=LOCAL_HOSTS)
                screenshot = SCREENSHOTS / f"{page.name.replace('/', '--')}-{scheme}.png"
                url = site_url + page.url_path(built_site)
                visit = visit_on_a_phone(watch, url, screenshot)
                if scheme == KEYBOARD_SCHEME:  # the same boxes in either palette
                    check_the_keyboard(watch.page, visit)
                visits[(page.name, scheme)] = visit
            finally:
                context.close()
        return visits[(page.name, scheme)]

    return visit_once


@pytest.fixture(
    params=[(page, scheme) for page in PAGES for scheme in SCHEMES],
    ids=[f"{page.name}-{scheme}" for page in PAGES for scheme in SCHEMES],
)
def seen(
    request: pytest.FixtureRequest, phone_visits: Callable[[SitePage, str], PhoneVisit]
) -> PhoneVisit:
    page, scheme = request.param
    return phone_visits(page, scheme)


def test_the_page_does_not_scroll_sideways(seen: PhoneVisit) -> None:
    assert seen.page_width <= seen.screen_width, (
        f"{seen.url} is {seen.page_width} px wide on a {seen.screen_width} px screen"
    )


def test_figures_are_scaled_to_the_width(seen: PhoneVisit) -> None:
    assert seen.wide_images == [], f"images wider than the screen or their box on {seen.url}"


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_every_sideways_box_is_reached_by_tab(
    page: SitePage, phone_visits: Callable[[SitePage, str], PhoneVisit]
) -> None:
    seen = phone_visits(page, KEYBOARD_SCHEME)
    assert seen.unreached == [], f"boxes that scroll sideways but Tab never reaches: {seen.url}"


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_every_sideways_box_scrolls_with_the_arrow_keys(
    page: SitePage, phone_visits: Callable[[SitePage, str], PhoneVisit]
) -> None:
    seen = phone_visits(page, KEYBOARD_SCHEME)
    assert seen.unscrolled == [], f"boxes the arrow keys do not scroll on {seen.url}"


def test_phone_screenshot_saved(seen: PhoneVisit) -> None:
    with Image.open(seen.screenshot) as image:
        width, height = image.size
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000) or []
    assert width == PHONE[0], f"{seen.screenshot} is {width} pixels wide"
    assert height >= PHONE[1], f"{seen.screenshot} is shorter than the screen"
    assert len(colours) > 16, f"{seen.screenshot} looks blank: only {len(colours)} colours"
