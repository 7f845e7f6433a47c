"""What a reader does on the site: search, switch the theme, copy code and run it.

Each test starts a fresh browser context (``reader``), so no test sees another's
storage, and ends by checking that nothing logged an error or left the machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import jupytext
import pytest
from checked_output import output_mismatch
from lab_layout import with_solutions
from lesson_source import CodeBlock, runnable_source
from page_watch import LOCAL_HOSTS, PageWatch, open_context
from playwright.sync_api import Browser, Page, expect
from site_pages import DOCS, SitePage, lesson_pages

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LESSON_BLOCKS = [(page, block) for page in lesson_pages() for block in page.code_blocks]
RELU = SitePage("basics/relu")
LABS = sorted((DOCS / "labs").glob("lab-*.py"))

_BACKGROUND_LUMINANCE = """() => {
    const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}"""


def assert_nothing_went_wrong(watch: PageWatch) -> None:
    assert watch.console_errors == [], "errors in the browser console"
    assert watch.failed_requests == [], "requests that failed"
    assert watch.foreign_requests == [], "requests to other hosts"


def search(page: Page, query: str) -> None:
    """Type ``query`` into the header's search box and wait for the results."""
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)  # key by key, as the search box listens for keys
    expect(page.locator("li.md-search-result__item").first).to_be_visible()


def open_result_for(page: Page, expected_url: str) -> None:
    """Click the search result that links to ``expected_url``; the ReLU lesson must open."""
    results = page.locator("li.md-search-result__item > a.md-search-result__link")
    hrefs = [link.evaluate("(a) => a.href.split('?')[0]") for link in results.all()]
    assert expected_url in hrefs, f"no search result links to {expected_url}: {hrefs}"
    results.nth(hrefs.index(expected_url)).click()
    expect(page.locator("article h1")).to_contain_text("ReLU")
    assert page.url.split("?")[0] == expected_url


def test_search_for_relu_opens_the_relu_lesson(
    reader: PageWatch, site_url: str, built_site: Path
) -> None:
    page = reader.goto(site_url)
    search(page, "ReLU")
    open_result_for(page, site_url + RELU.url_path(built_site))
    assert_nothing_went_wrong(reader)


def test_palette_toggle_switches_to_dark_and_back(reader: PageWatch, site_url: str) -> None:
    page = reader.goto(site_url)
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    light = page.evaluate(_BACKGROUND_LUMINANCE)

    page.get_by_title("Switch to dark mode").click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    dark = page.evaluate(_BACKGROUND_LUMINANCE)
    assert dark < 0.3 < light, f"background luminance {light:.2f} light, {dark:.2f} dark"
    page.reload()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")  # the choice is kept

    page.get_by_title("Switch to light mode").click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    assert page.evaluate(_BACKGROUND_LUMINANCE) == pytest.approx(light)
    assert_nothing_went_wrong(reader)


@pytest.fixture(scope="module")
def lesson_tab(
    browser: Browser, site_url: str, built_site: Path
) -> Iterator[Callable[[SitePage], PageWatch]]:
    """The lesson open in a tab: the copy tests of one lesson's blocks share one page load."""
    open_tabs: dict[str, PageWatch] = {}

    def tab_for(lesson: SitePage) -> PageWatch:
        if lesson.name not in open_tabs:
            for watch in open_tabs.values():
                watch.context.close()
            open_tabs.clear()
            watch = PageWatch(open_context(browser), allowed_hosts=LOCAL_HOSTS)
            watch.goto(site_url + lesson.url_path(built_site))
            open_tabs[lesson.name] = watch
        return open_tabs[lesson.name]

    yield tab_for
    for watch in open_tabs.values():
        watch.context.close()


#: Opens every folded box (<details>) around an element.
OPEN_FOLDS = """element => {
    for (let fold = element.closest("details"); fold; fold = fold.parentElement.closest("details"))
        fold.open = true;
}"""


def run_like_a_reader(code: str, workdir: Path) -> subprocess.CompletedProcess[str]:
    """Run pasted code in a fresh Python that has lessonlib installed, outside the repo."""
    return subprocess.run(
        [sys.executable, "-"],
        input=code,
        capture_output=True,
        text=True,
        cwd=workdir,
        env={**os.environ, "MPLBACKEND": "Agg", "PYTHONPATH": ""},
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("lesson", "block"),
    LESSON_BLOCKS,
    ids=[f"{page.name}-line{block.line}" for page, block in LESSON_BLOCKS],
)
def test_copy_button_gives_code_that_runs(
    lesson: SitePage,
    block: CodeBlock,
    lesson_tab: Callable[[SitePage], PageWatch],
    tmp_path: Path,
) -> None:
    reader = lesson_tab(lesson)
    page = reader.page
    shown = page.locator("article div.highlight")
    assert shown.count() == lesson.fence_count, "code blocks on the page vs fences in the Markdown"
    view = shown.nth(lesson.fence_number(block))
    view.evaluate(OPEN_FOLDS)  # a block in a folded answer: open it, as a reader would
    view.hover()
    view.get_by_title("Copy to clipboard").click()
    copied = page.evaluate("navigator.clipboard.readText()")

    assert copied.rstrip("\n") == runnable_source(block).rstrip("\n"), "copied text is not the code"
    result = run_like_a_reader(copied, tmp_path)
    assert result.returncode == 0, f"the copied code failed:\n{result.stderr}"
    mismatch = output_mismatch(block, result.stdout)
    assert mismatch is None, mismatch
    assert_nothing_went_wrong(reader)


@pytest.mark.parametrize("lab", LABS, ids=lambda path: path.stem)
def test_a_lab_copy_button_copies_its_cell(
    lab: Path, lesson_tab: Callable[[SitePage], PageWatch]
) -> None:
    """Each copy button of a lab, and of each folded solution, copies the code shown."""
    notebook = with_solutions(jupytext.read(lab))
    cells = {cell.source.strip() for cell in notebook.cells if cell.cell_type == "code"}
    reader = lesson_tab(SitePage(f"labs/{lab.stem}", source=".py"))
    page = reader.page
    buttons = page.locator("article clipboard-copy")
    assert buttons.count() > 0, "no copy button on the lab"
    for number in range(buttons.count()):
        button = buttons.nth(number)
        button.evaluate(OPEN_FOLDS)
        button.locator("xpath=ancestor::div[contains(@class, 'jp-Cell-inputWrapper')]").hover()
        button.click()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.strip() in cells, f"button {number} copied:\n{copied[:200]}"
    solutions = page.locator("article details:has(> summary:text-is('Solution'))")
    assert solutions.count() == sum(
        "exercise" in cell.metadata.get("tags", []) for cell in jupytext.read(lab).cells
    )
    for number in range(solutions.count()):
        fold = solutions.nth(number)
        fold.evaluate("fold => fold.open = true")
        fold.locator("pre").hover()
        fold.get_by_title("Copy to clipboard").click()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.strip() in cells, f"solution {number} copied:\n{copied[:200]}"
    assert_nothing_went_wrong(reader)


def test_site_opened_from_disk_loads_a_lesson_and_searches(
    reader_from_disk: PageWatch, built_site: Path
) -> None:
    page = reader_from_disk.goto((built_site / "index.html").as_uri())
    expect(page.locator("article h1")).to_be_visible()
    search(page, "ReLU")
    open_result_for(page, RELU.built_file(built_site).as_uri())
    assert_nothing_went_wrong(reader_from_disk)
