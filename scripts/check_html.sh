#!/usr/bin/env bash
# CI: the seed pair's HTML report renders in headless Chromium with no console messages and a
# right-to-left Arabic column; writes the screenshot shown in the README (docs/report.png).
# Installs Chromium from Debian (needs root) when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium > /dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null
fi
mkdir -p target/ci
cargo run --release --quiet --example align -- --html target/ci/report.html > /dev/null
python3 scripts/check_html.py "$(command -v chromium)" target/ci/report.html docs/report.png
