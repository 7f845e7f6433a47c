"""Load a page on a phone's screen and gather what the phone tests check.

At 360 by 740 CSS pixels the page must not scroll sideways, its figures must fit the
width, and every box that does scroll sideways (a wide formula, table or line of code)
must be reachable with Tab and scroll with the arrow keys. The page is scrolled to the
end first, as a reader would, so lazy images are loaded and measured too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from page_watch import PageWatch
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

TAB_PRESSES = 800  # more than the focusable elements of the longest page
TAB_BATCH = 20  # presses between two looks at what was reached
SCROLL_WAIT_MS = 3000  # a busy machine's smooth scroll starts well within this

_SCROLL_TO_THE_END = """async () => {
    const pause = () => new Promise((done) => setTimeout(done, 50));
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
        window.scrollTo(0, y);
        await pause();
    }
    await Promise.all(Array.from(document.images).map((image) => image.complete ? null :
        new Promise((done) => { image.onload = done; image.onerror = done; })));
    window.scrollTo(0, 0);
}"""

_MEASURE = """() => {
    const width = document.documentElement.clientWidth;
    const wide = Array.from(document.images)
        .filter((image) => image.getBoundingClientRect().right > width + 1
            || image.getBoundingClientRect().width > image.parentElement.clientWidth + 1)
        .map((image) => image.getAttribute("src"));
    const boxes = Array.from(document.querySelectorAll("article *")).filter((box) => {
        const overflow = getComputedStyle(box).overflowX;
        return (overflow === "auto" || overflow === "scroll") && box.checkVisibility()
            && box.scrollWidth > box.clientWidth + 1;
    });
    boxes.forEach((box, index) => box.setAttribute("data-test-box", String(index)));
    const names = boxes.map((box) =>
        `${box.tagName.toLowerCase()}.${String(box.className).split(" ")[0]}`
        + ` "${box.textContent.trim().slice(0, 30)}"`);
    return [document.documentElement.scrollWidth, width, wide, names];
}"""

_WATCH_FOCUS = """() => {
    window.reachedBoxes = new Set();
    document.activeElement && document.activeElement.blur();
    document.addEventListener("focusin", (event) => {
        const index = event.target.getAttribute("data-test-box");
        if (index !== null) window.reachedBoxes.add(Number(index));
    });
}"""

_FOCUS_BOX = """(index) => {
    const box = document.querySelector(`[data-test-box="${index}"]`);
    box.scrollLeft = 0;
    box.focus();
    return document.activeElement === box;
}"""

_SCROLLED = """(index) => document.querySelector(`[data-test-box="${index}"]`).scrollLeft > 0"""


@dataclass
class PhoneVisit:
    """What one page showed on a phone's screen."""

    url: str
    page_width: int  # how wide the page's content is, in CSS pixels
    screen_width: int
    wide_images: list[str]
    scroll_boxes: list[str]  # a short description of each box that scrolls sideways
    screenshot: Path
    unreached: list[str] = field(default_factory=list)  # boxes Tab never reaches
    unscrolled: list[str] = field(default_factory=list)  # boxes the arrow keys do not scroll


def visit_on_a_phone(watch: PageWatch, url: str, screenshot: Path) -> PhoneVisit:
    """Open ``url``, scroll it to the end, measure it and save a full-page screenshot."""
    page = watch.goto(url)
    page.evaluate(_SCROLL_TO_THE_END)
    page_width, screen_width, wide, boxes = page.evaluate(_MEASURE)
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=screenshot, full_page=True)
    return PhoneVisit(url, page_width, screen_width, wide, boxes, screenshot)


def check_the_keyboard(page: Page, visit: PhoneVisit) -> None:
    """Scroll each box with the arrow keys, then Tab through the page to reach each one.

    The arrow keys go first: Tab passes the search box, which opens search on focus.
    """
    for index, name in enumerate(visit.scroll_boxes):
        if not page.evaluate(_FOCUS_BOX, index):
            visit.unscrolled.append(f"{name} (cannot take the focus)")
            continue
        page.keyboard.press("ArrowRight")
        try:  # the browser scrolls smoothly: give it a moment
            page.wait_for_function(_SCROLLED, arg=index, timeout=SCROLL_WAIT_MS)
        except PlaywrightTimeoutError:
            visit.unscrolled.append(name)
    if not visit.scroll_boxes:
        return
    page.evaluate(_WATCH_FOCUS)
    for _ in range(0, TAB_PRESSES, TAB_BATCH):
        for _ in range(TAB_BATCH):
            page.keyboard.press("Tab")
        if page.evaluate("() => window.reachedBoxes.size") == len(visit.scroll_boxes):
            break
    reached = set(page.evaluate("() => Array.from(window.reachedBoxes)"))
    visit.unreached = [
        name for index, name in enumerate(visit.scroll_boxes) if index not in reached
    ]
