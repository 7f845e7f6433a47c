"""Fixtures for the browser tests: the built site, a local server, one Chromium.

Chromium is Debian's (``/usr/bin/chromium``, or the path in ``LESSON_CHROMIUM``),
driven by Playwright with ``executable_path``: Playwright never downloads a
browser. Without Chromium the tests skip with the reason, except under CI
(``CI=true``), where a missing browser fails them.

The site comes from the session fixture ``built_site`` in tests/conftest.py. One
HTTP server and one browser serve the whole session. The server puts the site
under a sub-path, as GitHub Pages serves a project's site, so every relative link
is tested the way readers meet it: the path of ``site_url`` in mkdocs.yml, or
``/neural-networks/`` when it names none.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from chromium import CHROMIUM_ENV, chromium_path, launch_chromium
from page_checks import PageVisit, visit
from page_watch import LOCAL_HOSTS, PageWatch, open_context
from playwright.sync_api import Browser, Playwright, sync_playwright
from site_pages import ROOT, SitePage, site_sub_path

SUB_PATH = site_sub_path()  # where the server puts the site, as the deployment does
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"

_saved_screenshots: list[Path] = []


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    """Debian's Chromium; a skip with the reason when absent, a failure under CI."""
    path = chromium_path()
    if os.access(path, os.X_OK):
        return path
    reason = (
        f"no Chromium at {path}: install Debian's chromium package "
        f"(apt-get install chromium) or set {CHROMIUM_ENV} to a Chromium binary"
    )
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}. Under CI the browser tests must run, never skip.")
    pytest.skip(reason)


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serve the site only under SUB_PATH; anything else is a 404 the tests will see."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(SUB_PATH):
            return str(Path(self.directory) / "__outside_the_sub_path__")
        return super().translate_path("/" + path.removeprefix(SUB_PATH))

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the tests record every request themselves


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 at a free port, under SUB_PATH."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host}:{port}{SUB_PATH}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright_driver: Playwright, chromium_executable: str) -> Iterator[Browser]:
    """One headless Chromium for the whole session."""
    chromium = launch_chromium(playwright_driver, chromium_executable)
    yield chromium
    chromium.close()


@pytest.fixture
def reader(browser: Browser) -> Iterator[PageWatch]:
    """A fresh page in a fresh context, recording what goes wrong on it."""
    context = open_context(browser)
    watch = PageWatch(context, allowed_hosts=LOCAL_HOSTS)
    yield watch
    context.close()


@pytest.fixture
def reader_from_disk(browser: Browser) -> Iterator[PageWatch]:
    """A fresh page for the site opened as files: any request to a network host is foreign."""
    context = open_context(browser)
    watch = PageWatch(context, allowed_hosts=set())
    yield watch
    context.close()


@pytest.fixture(scope="session")
def page_visits(
    browser: Browser, site_url: str, built_site: Path
) -> Callable[[SitePage, str], PageVisit]:
    """Open each page once per colour scheme, in a fresh context; later calls reuse the visit."""
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()
    visits: dict[tuple[str, str], PageVisit] = {}

    def visit_once(page: SitePage, color_scheme: str) -> PageVisit:
        key = (page.name, color_scheme)
        if key not in visits:
            context = open_context(browser, color_scheme)
            try:
                watch = PageWatch(context, allowed_hosts=LOCAL_HOSTS)
                screenshot = SCREENSHOTS / f"{page.name.replace('/', '--')}-{color_scheme}.png"
                visits[key] = visit(watch, site_url + page.url_path(built_site), screenshot)
                _saved_screenshots.append(screenshot)
            finally:
                context.close()
        return visits[key]

    return visit_once


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Point the test report to each screenshot this run saved."""
    if _saved_screenshots:
        terminalreporter.write_sep("-", f"{len(_saved_screenshots)} page screenshots saved")
        for path in _saved_screenshots:
            terminalreporter.write_line(str(path))
