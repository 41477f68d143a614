"""Shared fixtures: the repository's seed pair and the `qalign` command line."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED_AR = ROOT / "examples" / "data" / "003_02c1adf0d7f5733e.txt"
SEED_EN = ROOT / "examples" / "data" / "000_47fec3c5d65e0f7a.txt"


@pytest.fixture(scope="session")
def seed() -> tuple[str, str]:
    """The seed pair: an Arabic news article and its English machine translation."""
    return SEED_AR.read_text(encoding="utf-8"), SEED_EN.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def qalign_cli() -> str:
    """The `qalign` binary: `QALIGN_BIN` if set (CI sets it), else one built in `target/`."""
    if "QALIGN_BIN" in os.environ:
        return os.environ["QALIGN_BIN"]
    for profile in ("release", "debug"):
        path = ROOT / "target" / profile / "qalign"
        if path.exists():
            return str(path)
    found = shutil.which("qalign")
    if found is None:
        pytest.skip("no qalign binary: build it (cargo build --release) or set QALIGN_BIN")
    return found


def run(cli: str, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """Runs the command line and returns its result (output as bytes)."""
    return subprocess.run([cli, *args], input=stdin, capture_output=True, check=False)


def pairs_jsonl(seed: tuple[str, str]) -> str:
    """JSON lines of pairs cut from the seed pair (its first and last paragraphs, mixed with each
    other), with string and number ids, a blank line and bad records."""
    import json

    ar, en = seed
    ar_paragraphs, en_paragraphs = ar.split("\n\n"), en.split("\n\n")
    lines = [json.dumps({"id": "seed", "ar": ar, "en": en}, ensure_ascii=False)]
    for n in range(1, 8):
        cut = ("\n\n".join(ar_paragraphs[:n]), "\n\n".join(en_paragraphs[:n]))
        tail = ("\n\n".join(ar_paragraphs[-n:]), "\n\n".join(en_paragraphs[-n:]))
        lines.append(json.dumps({"id": n, "ar": cut[0], "en": cut[1]}))
        lines.append(json.dumps({"id": f"tail-{n}", "ar": tail[0], "en": tail[1]}, ensure_ascii=False))
        lines.append(json.dumps({"id": 100 + n, "ar": cut[0], "en": tail[1]}, ensure_ascii=False))
    lines.append("")
    lines.append(json.dumps({"id": "empty", "ar": "", "en": en}))
    lines.append(json.dumps({"id": "swapped", "ar": en, "en": ar}))
    lines.append('{"id": 7, "ar": "no English"}')
    lines.append("not json at all")
    return "\n".join(lines) + "\n"
