"""Debian's Chromium, found and launched the same way by the browser tests and the benchmarks.

Chromium is ``/usr/bin/chromium``, or the path in ``LESSON_CHROMIUM``; Playwright
drives it through ``executable_path`` and never downloads a browser. Used by
tests/browser/conftest.py and scripts/bench_page_weight.py.
"""

from __future__ import annotations

import os

from playwright.sync_api import Browser, Playwright

CHROMIUM_ENV = "LESSON_CHROMIUM"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str:
    """The Chromium to launch: ``LESSON_CHROMIUM`` if set, else Debian's."""
    return os.environ.get(CHROMIUM_ENV, DEFAULT_CHROMIUM)


def launch_chromium(driver: Playwright, executable: str) -> Browser:
    """A headless Chromium from ``executable``, quiet: no GPU, no background traffic."""
    return driver.chromium.launch(executable_path=executable, headless=True, args=LAUNCH_ARGS)
