#!/usr/bin/env bash
# The seed pair's HTML report renders in headless Chromium with no console messages and a
# right-to-left Arabic column. Usage: scripts/check_html.sh [SCREENSHOT.png]
# CI runs it bare and the screenshot goes to target/ci/report.png; the README's image is refreshed by
# hand with `scripts/check_html.sh docs/report.png` (then commit it).
# Installs Chromium from Debian (needs root) when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

screenshot="${1:-target/ci/report.png}"
if ! command -v chromium > /dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null
fi
mkdir -p target/ci
cargo run --release --quiet --example align -- --html target/ci/report.html > /dev/null
python3 scripts/check_html.py "$(command -v chromium)" target/ci/report.html "$screenshot"
