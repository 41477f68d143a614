#!/usr/bin/env bash
# CI: the seed pair's TMX is read back intact by a real TMX reader (translate-toolkit, from PyPI).
# Needs Python 3 with venv and pip; installs translate-toolkit into target/ci-venv.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/ci-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check translate-toolkit
cargo build --release --quiet --bin qalign
"$venv/bin/python" scripts/check_tmx.py "${CARGO_TARGET_DIR:-target}/release/qalign" \
    examples/data/003_02c1adf0d7f5733e.txt examples/data/000_47fec3c5d65e0f7a.txt
