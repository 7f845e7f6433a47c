"""The per-page checks catch what they look for: each is shown a page with that fault.

A check that passes on every page of the site proves something only if it fails
on a broken page. Here small pages with planted faults are opened from disk.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from page_checks import PageVisit, formula_count, visit
from page_watch import PHONE, PageWatch, open_context
from phone_checks import PhoneVisit, check_the_keyboard, visit_on_a_phone
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

BROKEN_PAGE = r"""<!doctype html>
<html lang="en"><head><title>Broken on purpose</title></head>
<body><main><article>
  <h1>Broken on purpose</h1>
  <p>A formula left as TeX: \(x^2\), and another $$y$$.</p>
  <img src="no-such-figure.png">
  <img src="https://cdn.example.com/figure.png" alt="from another host">
  <script>console.error("planted error")</script>
</article></main></body></html>
"""


def test_formula_count_skips_code() -> None:
    markdown = "One $a$ and $$b$$.\n\n`$not$` code\n\n```python\nprint('$x$')\n```\n\n$$\nc\n$$\n"
    assert formula_count(markdown) == 3


@pytest.fixture
def seen(tmp_path: Path, reader_from_disk: PageWatch) -> PageVisit:
    page = tmp_path / "broken.html"
    page.write_text(BROKEN_PAGE, encoding="utf-8")
    return visit(reader_from_disk, page.as_uri(), tmp_path / "broken.png")


def test_console_error_is_reported(seen: PageVisit) -> None:
    assert any("planted error" in error for error in seen.console_errors)


def test_missing_file_is_a_failed_request(seen: PageVisit) -> None:
    assert any("no-such-figure.png" in url for url in seen.failed_requests)


def test_other_host_is_blocked_and_reported(seen: PageVisit) -> None:
    assert seen.foreign_requests  # the browser may ask again when the image is decoded
    assert set(seen.foreign_requests) == {"GET https://cdn.example.com/figure.png"}


def test_undecoded_images_are_reported(seen: PageVisit) -> None:
    assert seen.image_count == 2
    assert len(seen.undecoded_images) == 2


def test_raw_tex_is_reported(seen: PageVisit) -> None:
    assert any("x^2" in text for text in seen.raw_tex)
    assert any("$$y$$" in text for text in seen.raw_tex)


def test_axe_reports_an_image_without_alt_text(seen: PageVisit) -> None:
    assert any(problem.startswith("image-alt (critical)") for problem in seen.axe_problems)


DOT = "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' width='9' height='9'/>"
CRAMPED_PAGE = f"""<!doctype html>
<html lang="en"><head><title>Too wide on purpose</title></head>
<body style="margin: 0"><article>
  <div style="width: 500px">a block wider than the phone</div>
  <img alt="wide" style="width: 420px" src="{DOT}">
  <div tabindex="-1" style="overflow-x: auto"><div style="width: 900px">out of Tab's way</div></div>
  <div tabindex="0" style="overflow-x: auto" onkeydown="event.preventDefault()">
    <div style="width: 900px">deaf to the arrow keys</div>
  </div>
</article></body></html>
"""


@pytest.fixture
def seen_on_a_phone(tmp_path: Path, browser: Browser) -> Iterator[PhoneVisit]:
    page = tmp_path / "cramped.html"
    page.write_text(CRAMPED_PAGE, encoding="utf-8")
    context = open_context(browser, screen=PHONE)
    watch = PageWatch(context, allowed_hosts=set())
    visit = visit_on_a_phone(watch, page.as_uri(), tmp_path / "cramped.png")
    check_the_keyboard(watch.page, visit)
    yield visit
    context.close()


def test_sideways_scrolling_a_wide_image_and_an_unreachable_box_are_reported(
    seen_on_a_phone: PhoneVisit,
) -> None:
    assert seen_on_a_phone.page_width > seen_on_a_phone.screen_width
    assert len(seen_on_a_phone.wide_images) == 1
    assert len(seen_on_a_phone.scroll_boxes) == 2
    assert [box.split('"')[1] for box in seen_on_a_phone.unreached] == ["out of Tab's way"]
    assert [box.split('"')[1] for box in seen_on_a_phone.unscrolled] == ["deaf to the arrow keys"]
