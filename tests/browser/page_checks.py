"""Load a page once and gather everything the per-page tests check.

Loading a page and running axe-core is the slow part, so each page is visited
once per colour scheme; the tests in ``test_browser_pages.py`` then each assert
one thing about the visit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from page_watch import PageWatch
from playwright.sync_api import Page

BLOCKING_IMPACTS = ("serious", "critical")
# Moderate by axe's measure, but fixed on this site and kept fixed: two landmarks of one
# kind with the same name (Material's code-block <nav>s) that a screen reader lists alike.
ALSO_BLOCKING = ("landmark-unique",)

# Text a reader would see if a formula were not converted: TeX delimiters or commands.
_RAW_TEX = re.compile(r"\\[()\[\]]|\$\$|\$[^$\s][^$\n]*\$|\\[A-Za-z]+")

# Markdown that can hold a formula: everything but fenced code and inline code.
_FENCED_CODE = re.compile(r"^ *(`{3,}|~{3,}).*?^ *\1 *$", re.MULTILINE | re.DOTALL)
_INLINE_CODE = re.compile(r"(`+).+?\1", re.DOTALL)
_DISPLAY_MATH = re.compile(r"\$\$.+?\$\$", re.DOTALL)
_INLINE_MATH = re.compile(r"(?<![\\$])\$(?=\S)[^$\n]+?(?<=\S)\$")

_PROSE_TEXT = """() => {
    const main = (document.querySelector("article") || document.body).cloneNode(true);
    main.querySelectorAll("pre, code, math, script, style").forEach((node) => node.remove());
    return main.textContent;
}"""

_MATH_BOXES = """() => Array.from(document.querySelectorAll("article math")).map((math) => {
    const box = math.getBoundingClientRect();
    return [math.textContent.trim().slice(0, 60), box.width, box.height];
})"""

_UNDECODED_IMAGES = """async () => {
    const images = Array.from(document.images);
    images.forEach((image) => { image.loading = "eager"; });
    await Promise.all(images.map((image) => image.decode().catch(() => null)));
    return [
        images.length,
        images.filter((image) => !(image.complete && image.naturalWidth > 0))
              .map((image) => image.currentSrc || image.src),
    ];
}"""


def formula_count(markdown: str) -> int:
    """How many LaTeX formulas the Markdown writes, as ``$...$`` or ``$$...$$``."""
    prose = _INLINE_CODE.sub("", _FENCED_CODE.sub("", markdown))
    display = _DISPLAY_MATH.findall(prose)
    inline = _INLINE_MATH.findall(_DISPLAY_MATH.sub("", prose))
    return len(display) + len(inline)


@dataclass
class PageVisit:
    """What one page showed and fetched when a reader opened it."""

    url: str
    console_errors: list[str]
    failed_requests: list[str]
    foreign_requests: list[str]
    image_count: int
    undecoded_images: list[str]
    raw_tex: list[str]  # TeX left in the visible prose
    math_boxes: list[tuple[str, float, float]]  # text, width, height of each <math>
    axe_problems: list[str]  # serious or critical axe-core violations, and ALSO_BLOCKING
    screenshot: Path


def blocking_axe_problems(page: Page) -> list[str]:
    """axe-core's serious and critical violations, and ``ALSO_BLOCKING``, one line per rule."""
    results = Axe().run(page).response
    problems = []
    for violation in results["violations"]:
        if violation["impact"] in BLOCKING_IMPACTS or violation["id"] in ALSO_BLOCKING:
            targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
            problems.append(
                f"{violation['id']} ({violation['impact']}): {violation['help']} "
                f"at {len(targets)} element(s): {'; '.join(targets[:5])}"
            )
    return problems


def visit(watch: PageWatch, url: str, screenshot: Path) -> PageVisit:
    """Open ``url`` in the watched context, inspect it and save a full-page screenshot."""
    page = watch.goto(url)
    image_count, undecoded = page.evaluate(_UNDECODED_IMAGES)
    prose = page.evaluate(_PROSE_TEXT)
    raw_tex = [prose[max(0, m.start() - 30) : m.end() + 30] for m in _RAW_TEX.finditer(prose)]
    math_boxes = [tuple(box) for box in page.evaluate(_MATH_BOXES)]
    axe_problems = blocking_axe_problems(page)
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=screenshot, full_page=True)
    return PageVisit(
        url=url,
        console_errors=list(watch.console_errors),
        failed_requests=list(watch.failed_requests),
        foreign_requests=list(watch.foreign_requests),
        image_count=image_count,
        undecoded_images=undecoded,
        raw_tex=raw_tex,
        math_boxes=math_boxes,  # type: ignore[arg-type]
        axe_problems=axe_problems,
        screenshot=screenshot,
    )
