"""Benchmark what a reader's browser downloads for each page: bytes and requests.

Builds the site (``mkdocs build --strict``, or takes ``--site DIR``), serves it on
127.0.0.1 under the sub-path of ``site_url``, and opens each page in a fresh Chromium
context (empty cache, as a first visit), waiting until the network is idle, so the
search index that the search worker fetches is counted too. It then scrolls to the end
of the page, a screen at a time, as a reader does, so every lazy image (``loading="lazy"``)
is loaded and counted, and waits for the network again. For every response it
adds up the body as the browser received it: the local server sends no compression,
so these are uncompressed bytes. Requests to any host but 127.0.0.1 are counted
apart (they are not blocked, so an attempt shows up even when it fails offline).

Prints one Markdown table row per page (lessons first, marked), by kind: HTML, CSS,
JS, fonts, images, and data (the search index), then the total against the budget
of 500 KB (goal: every lesson within it, 0 bytes and 0 requests to other hosts),
and, for scale, the same bodies gzipped (what a host that compresses would send).
Bytes do not vary between runs, so the baseline is the budget, not a timing.

``--before REF`` also builds the site of a git commit (``git archive REF``, built with
this checkout's tools) and weighs it in the same run: the table then gives each page's
total before and after, and the change.

Run it as ``python scripts/bench_page_weight.py [--site DIR] [--before REF]``; Chromium
is ``/usr/bin/chromium`` or the path in ``LESSON_CHROMIUM``.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import os
import subprocess
import sys
import tarfile
import tempfile
import threading
from collections import Counter
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from playwright.sync_api import Browser, Response, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "site_tools"), str(ROOT / "tests" / "browser")]

# site_tools and tests/browser are on the path only from here, hence E402 below
from chromium import chromium_path, launch_chromium  # noqa: E402
from lesson_source import code_blocks  # noqa: E402

BUDGET_BYTES = 500 * 1000  # 500 KB, uncompressed
KINDS = {  # Playwright's resource type -> the column it is counted in
    "document": "HTML",
    "stylesheet": "CSS",
    "script": "JS",
    "font": "fonts",
    "image": "images",
    "fetch": "data",
    "xhr": "data",
}
COLUMNS = ["HTML", "CSS", "JS", "fonts", "images", "data", "other"]
# A reader scrolling to the end, a screen at a time: each lazy image near the screen loads.
SCROLL_TO_THE_END = """async () => {
    const pause = () => new Promise((done) => setTimeout(done, 50));
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
        window.scrollTo(0, y);
        await pause();
    }
    window.scrollTo(0, document.documentElement.scrollHeight);
    await pause();
    await Promise.all(Array.from(document.images).map((image) => image.complete ? null :
        new Promise((done) => { image.onload = done; image.onerror = done; })));
}"""


@dataclass
class PageWeight:
    """What the browser fetched for one page."""

    page: str
    is_lesson: bool
    bytes_by_kind: Counter[str] = field(default_factory=Counter)
    requests: int = 0
    other_host_requests: list[str] = field(default_factory=list)
    other_host_bytes: int = 0
    gzip_bytes: int = 0  # the same bodies gzipped, as a server with compression would send them
    failed: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.bytes_by_kind.values())


class _SubPathHandler(SimpleHTTPRequestHandler):
    sub_path = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.sub_path):
            return str(Path(self.directory) / "__outside_the_sub_path__")
        return super().translate_path("/" + path.removeprefix(self.sub_path))

    def log_message(self, format: str, *args: Any) -> None:
        pass


def sub_path() -> str:
    """The path of ``site_url`` in mkdocs.yml, where the site is published."""
    for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            path = urlsplit(str(yaml.safe_load(line)["site_url"])).path or "/"
            return path if path.endswith("/") else path + "/"
    return "/"


def build(site: Path, source: Path = ROOT) -> None:
    """Build ``source`` (this checkout, or an unpacked commit) strictly into ``site``."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    # An unpacked commit draws its figures and runs its labs with its own lessonlib.
    environment = {**os.environ, "PYTHONPATH": str(source)} if source != ROOT else None
    done = subprocess.run(
        command, cwd=source, env=environment, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        sys.exit(f"mkdocs build --strict of {source} failed:\n{done.stderr}")


def build_commit(reference: str, folder: Path) -> Path:
    """The site of git commit ``reference``: its files unpacked into ``folder`` and built."""
    source = folder / "source"
    source.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", "--format=tar", reference], cwd=ROOT, capture_output=True, check=True
    )
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(source, filter="data")
    build(folder / "site", source)
    return folder / "site"


def pages_of(site: Path) -> list[tuple[str, bool]]:
    """Every HTML page but the 404 page, as (path in the site, is it a lesson)."""
    pages = []
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site)
        if "assets" in relative.parts or relative.as_posix() == "404.html":
            continue
        markdown = ROOT / "docs" / relative.with_suffix(".md")
        if relative.name == "index.html" and relative.parent != Path("."):
            markdown = ROOT / "docs" / relative.parent.with_suffix(".md")
        text = markdown.read_text(encoding="utf-8") if markdown.is_file() else ""
        is_lesson = any(block.output is not None for block in code_blocks(text))
        pages.append((relative.as_posix(), is_lesson))
    return sorted(pages, key=lambda page: (not page[1], page[0]))


def weigh(browser: Browser, base_url: str, page: str, is_lesson: bool) -> PageWeight:
    """Open ``page`` in a fresh context and add up every response the browser received."""
    weight = PageWeight(page, is_lesson)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    responses: list[Response] = []
    context.on("response", lambda response: responses.append(response))
    context.on("requestfailed", lambda request: weight.failed.append(request.url))

    def count_request(url: str) -> None:
        weight.requests += 1
        if urlsplit(url).hostname not in (None, "127.0.0.1"):
            weight.other_host_requests.append(url)

    context.on("request", lambda request: count_request(request.url))
    tab = context.new_page()
    tab.goto(base_url + page)
    tab.wait_for_load_state("networkidle")
    tab.evaluate(SCROLL_TO_THE_END)
    tab.wait_for_timeout(200)  # the last responses' bodies arrive
    for response in responses:
        body = response.body() if response.status < 300 else b""
        size = len(body)
        weight.gzip_bytes += len(gzip.compress(body, compresslevel=6, mtime=0)) if body else 0
        weight.bytes_by_kind[KINDS.get(response.request.resource_type, "other")] += size
        if urlsplit(response.url).hostname != "127.0.0.1":
            weight.other_host_bytes += size
    context.close()
    return weight


def kilobytes(count: int) -> str:
    return f"{count / 1000:.1f}"


def print_table(weights: list[PageWeight]) -> None:
    header = ["page", "requests", *[f"{name} KB" for name in COLUMNS], "total KB"]
    header += ["of budget", "gzipped KB", "other hosts"]
    print("| " + " | ".join(header) + " |")
    print("| " + " | ".join(["---"] + ["---:"] * (len(header) - 1)) + " |")
    for weight in weights:
        name = f"{weight.page} (lesson)" if weight.is_lesson else weight.page
        cells = [name, str(weight.requests)]
        cells += [kilobytes(weight.bytes_by_kind[column]) for column in COLUMNS]
        cells += [kilobytes(weight.total), f"{weight.total / BUDGET_BYTES:.0%}"]
        cells += [kilobytes(weight.gzip_bytes)]
        cells += [f"{len(weight.other_host_requests)} req, {weight.other_host_bytes} B"]
        print("| " + " | ".join(cells) + " |")


def print_summary(weights: list[PageWeight]) -> None:
    lessons = [weight for weight in weights if weight.is_lesson]
    heaviest = max(weights, key=lambda weight: weight.total)
    over = [weight.page for weight in weights if weight.total > BUDGET_BYTES]
    other_requests = sum(len(weight.other_host_requests) for weight in weights)
    other_bytes = sum(weight.other_host_bytes for weight in weights)
    print()
    print(f"lesson pages: {len(lessons)}")
    print(f"heaviest: {heaviest.page}, {kilobytes(heaviest.total)} KB", end=" ")
    print(f"= {heaviest.total / BUDGET_BYTES:.2f} x the 500 KB budget")
    print(f"pages over budget: {over or 'none'}")
    print(f"requests to other hosts, all pages: {other_requests} ({other_bytes} bytes)")
    failed = sorted({url for weight in weights for url in weight.failed})
    if failed:
        print(f"failed requests: {failed}")


def weigh_site(browser: Browser, site: Path) -> list[PageWeight]:
    """Serve ``site`` on 127.0.0.1 under the sub-path of ``site_url`` and weigh every page."""
    handler = functools.partial(
        type("Handler", (_SubPathHandler,), {"sub_path": sub_path()}), directory=str(site)
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base_url = f"http://127.0.0.1:{server.server_address[1]}{sub_path()}"
    try:
        return [weigh(browser, base_url, *page) for page in pages_of(site)]
    finally:
        server.shutdown()
        server.server_close()


def print_before_and_after(before: list[PageWeight], after: list[PageWeight]) -> None:
    """Each page's total in both sites, and the change; a page only one site has shows "-"."""
    totals = {weight.page: weight.total for weight in before}
    print("| page | before KB | after KB | change KB | after, of budget |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for weight in after:
        old = totals.get(weight.page)
        change = f"{(weight.total - old) / 1000:+.1f}" if old is not None else "-"
        old_text = kilobytes(old) if old is not None else "-"
        cells = [weight.page, old_text, kilobytes(weight.total), change]
        print("| " + " | ".join([*cells, f"{weight.total / BUDGET_BYTES:.0%}"]) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a site already built (default: build one)")
    parser.add_argument("--before", metavar="REF", help="also weigh the site of git commit REF")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        site = arguments.site
        if site is None:
            site = Path(temporary) / "site"
            build(site)
        old_site = None
        if arguments.before:
            old_site = build_commit(arguments.before, Path(temporary) / "before")
        with sync_playwright() as driver:
            browser = launch_chromium(driver, chromium_path())
            weights = weigh_site(browser, site)
            old_weights = weigh_site(browser, old_site) if old_site else None
            browser.close()
    print_table(weights)
    print_summary(weights)
    if old_weights is not None:
        print(f"\nbefore: {arguments.before}, after: this checkout\n")
        print_before_and_after(old_weights, weights)


if __name__ == "__main__":
    main()
