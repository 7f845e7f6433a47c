"""Record what goes wrong while a browser context loads pages.

A ``PageWatch`` listens to one Playwright context: console errors, uncaught
script errors, requests that fail or get an HTTP error, and requests to any host
but the allowed ones. Those are aborted before they leave the machine, so a
test run never depends on the network and a leak shows up as a failure.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Request,
    Response,
    Route,
)

NETWORK_SCHEMES = {"http", "https", "ws", "wss"}
LOCAL_HOSTS = {"127.0.0.1"}
TIMEOUT_MS = 15_000  # a generous bound for one step on a busy 2-core machine


class PageWatch:
    """Problems seen in one browser context, in the order they happened."""

    def __init__(self, context: BrowserContext, allowed_hosts: set[str]) -> None:
        self.context = context
        self.allowed_hosts = allowed_hosts
        self.console_errors: list[str] = []
        self.failed_requests: list[str] = []
        self.foreign_requests: list[str] = []
        self.responses: list[Response] = []
        context.route("**/*", self._keep_local)
        context.on("console", self._on_console)
        context.on("weberror", lambda error: self.console_errors.append(f"uncaught: {error.error}"))
        context.on("requestfailed", self._on_request_failed)
        context.on("response", self._on_response)
        self.page: Page = context.new_page()

    def is_foreign(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in NETWORK_SCHEMES and parts.hostname not in self.allowed_hosts

    def _keep_local(self, route: Route) -> None:
        url = route.request.url
        if self.is_foreign(url):
            self.foreign_requests.append(f"{route.request.method} {url}")
            route.abort("blockedbyclient")
        else:
            route.continue_()

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            location = message.location.get("url", "")
            self.console_errors.append(f"{message.text} ({location})")

    def _on_request_failed(self, request: Request) -> None:
        self.failed_requests.append(f"{request.url}: {request.failure}")

    def _on_response(self, response: Response) -> None:
        self.responses.append(response)
        if response.status >= 400:
            self.failed_requests.append(f"{response.url}: HTTP {response.status}")

    def goto(self, url: str) -> Page:
        """Open ``url`` and wait until the page and its scripts stop fetching."""
        self.page.goto(url)
        self.page.wait_for_load_state("networkidle")
        return self.page


DESKTOP = (1280, 900)
PHONE = (360, 740)  # a small phone's screen, in CSS pixels


def open_context(
    browser: Browser, color_scheme: str = "light", screen: tuple[int, int] = DESKTOP
) -> BrowserContext:
    """A fresh reader: empty storage, clipboard allowed, the given colour scheme and screen."""
    context = browser.new_context(
        color_scheme=color_scheme,  # type: ignore[arg-type]
        permissions=["clipboard-read", "clipboard-write"],
        viewport={"width": screen[0], "height": screen[1]},
    )
    context.set_default_timeout(TIMEOUT_MS)
    return context
