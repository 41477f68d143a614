#!/usr/bin/env python3
"""Renders qalign's HTML report in headless Chromium and checks it.

Usage: check_html.py CHROMIUM REPORT.html SCREENSHOT.png

Checks that the page logs nothing to the console (no errors, no failed loads, no messages at all),
that its script ran (it marks `<body data-ready="1">` last), that every Arabic cell of the pairs
table is right-to-left Arabic (`dir="rtl"`, `lang="ar"`) and that there is one row per bead with at
least one Arabic cell holding Arabic text; then takes a 1280×1600 screenshot.
"""

import html.parser
import subprocess
import sys
import tempfile
from pathlib import Path

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium(binary: str, *args: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [binary, *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            text=True,
            timeout=180,
            check=True,
        )


class Cells(html.parser.HTMLParser):
    """Collects the body's attributes, the pairs table's rows and the attributes and text of its cells."""

    def __init__(self) -> None:
        super().__init__()
        self.body: dict[str, str | None] = {}
        self.rows = 0
        self.cells: list[tuple[dict[str, str | None], str]] = []
        self.in_pairs = False
        self.in_body = False
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "body":
            self.body = attrs
        if tag == "table" and attrs.get("id") == "pairs":
            self.in_pairs = True
        if self.in_pairs and tag == "tbody":
            self.in_body = True
        if self.in_body and tag == "tr":
            self.rows += 1
        if self.in_body and tag == "td":
            self.cells.append((attrs, ""))
            self.depth = 1
        elif self.depth:
            self.depth += 1 if tag not in ("br",) else 0

    def handle_endtag(self, tag):
        if tag == "table":
            self.in_pairs = self.in_body = False
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and self.cells:
            attrs, text = self.cells[-1]
            self.cells[-1] = (attrs, text + data)


def main() -> None:
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    binary, report, screenshot = sys.argv[1], Path(sys.argv[2]).resolve(), Path(sys.argv[3])
    url = report.as_uri()
    run = chromium(binary, "--enable-logging=stderr", "--v=0", "--dump-dom", url)
    console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
    if console:
        sys.exit("console messages:\n" + "\n".join(console))
    page = Cells()
    page.feed(run.stdout)
    if page.body.get("data-ready") != "1":
        sys.exit("the report's script did not run to its end")
    arabic = [(a, t) for a, t in page.cells if "ar" in (a.get("class") or "").split()]
    if page.rows == 0 or len(arabic) != page.rows:
        sys.exit(f"{page.rows} rows but {len(arabic)} Arabic cells")
    wrong = [a for a, _ in arabic if a.get("dir") != "rtl" or a.get("lang") != "ar"]
    if wrong:
        sys.exit(f"{len(wrong)} Arabic cells are not dir=rtl lang=ar: {wrong[:3]}")
    if not any(any("\u0600" <= ch <= "\u06ff" for ch in t) for _, t in arabic):
        sys.exit("no Arabic text in the Arabic column")
    print(f"ok: {report.name}: no console messages, script ran, {page.rows} rows, Arabic cells right-to-left")
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    chromium(binary, f"--screenshot={screenshot.resolve()}", "--window-size=1280,1600", url)
    if not screenshot.is_file() or screenshot.stat().st_size == 0:
        sys.exit(f"no screenshot at {screenshot}")
    print(f"ok: screenshot {screenshot} ({screenshot.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
