"""Every page of the built site, opened in Chromium with a light and a dark system theme.

Each page is loaded once per theme (``page_visits`` in conftest.py); each test here
checks one thing about that visit, so a failure names both the page and the problem.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from page_checks import PageVisit, formula_count
from PIL import Image
from site_pages import SitePage, built_html_pages, site_pages

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = site_pages()
SCHEMES = ["light", "dark"]


@pytest.fixture(
    params=[(page, scheme) for page in PAGES for scheme in SCHEMES],
    ids=[f"{page.name}-{scheme}" for page in PAGES for scheme in SCHEMES],
)
def page_and_visit(
    request: pytest.FixtureRequest, page_visits: Callable[[SitePage, str], PageVisit]
) -> tuple[SitePage, PageVisit]:
    page, scheme = request.param
    return page, page_visits(page, scheme)


@pytest.fixture
def seen(page_and_visit: tuple[SitePage, PageVisit]) -> PageVisit:
    return page_and_visit[1]


def test_every_built_page_is_tested(built_site: Path) -> None:
    tested = {page.built_file(built_site) for page in PAGES}
    untested = sorted(str(path) for path in built_html_pages(built_site) - tested)
    missing = sorted(str(path) for path in tested - built_html_pages(built_site))
    assert not untested, f"pages in the built site that no browser test opens: {untested}"
    assert not missing, f"pages the tests expected but the build did not write: {missing}"


def test_no_console_errors(seen: PageVisit) -> None:
    assert seen.console_errors == [], f"{seen.url} logged errors"


def test_no_failed_requests(seen: PageVisit) -> None:
    assert seen.failed_requests == [], f"{seen.url} had requests that failed"


def test_no_request_leaves_the_machine(seen: PageVisit) -> None:
    assert seen.foreign_requests == [], f"{seen.url} asked for other hosts than 127.0.0.1"


def test_every_image_decodes(seen: PageVisit) -> None:
    assert seen.undecoded_images == [], (
        f"{len(seen.undecoded_images)} of {seen.image_count} images on {seen.url} did not decode"
    )


def test_no_raw_tex_in_the_text(seen: PageVisit) -> None:
    assert seen.raw_tex == [], f"{seen.url} shows unconverted TeX"


def test_every_formula_is_drawn_as_mathml(page_and_visit: tuple[SitePage, PageVisit]) -> None:
    page, seen = page_and_visit
    if page.markdown_path is not None:  # other pages are checked for raw TeX only
        assert len(seen.math_boxes) == formula_count(page.markdown), (
            f"{page.markdown_path} writes {formula_count(page.markdown)} formulas, "
            f"{seen.url} shows {len(seen.math_boxes)} <math> elements"
        )
    undrawn = [text for text, width, height in seen.math_boxes if width <= 0 or height <= 0]
    assert undrawn == [], f"<math> elements the browser drew with no size on {seen.url}"


def test_no_serious_accessibility_violations(seen: PageVisit) -> None:
    assert seen.axe_problems == [], f"axe-core on {seen.url}:\n" + "\n".join(seen.axe_problems)


def test_screenshot_saved(seen: PageVisit, record_property: Callable[[str, object], None]) -> None:
    record_property("screenshot", str(seen.screenshot))
    with Image.open(seen.screenshot) as image:
        width, height = image.size
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000) or []
    assert width == 1280, f"{seen.screenshot} is {width} pixels wide, not the 1280 of the viewport"
    assert height >= 900, f"{seen.screenshot} is shorter than the viewport"
    assert len(colours) > 16, f"{seen.screenshot} looks blank: only {len(colours)} colours"
