#!/usr/bin/env python3
"""Reads qalign's TMX back with translate-toolkit's TMX reader and checks every pair's text.

Usage: check_tmx.py QALIGN_BINARY AR_FILE EN_FILE [AR_FILE EN_FILE ...]

For each document pair, runs `qalign align --format tmx` and `qalign align --format json`, parses the
TMX with `translate.storage.tmx`, and checks that its units are the alignment's pairs, in order, with
the Arabic and English text exactly as aligned. It then does the same for a small pair written here
whose sentences hold markup characters, quotes, a tab and right-to-left marks.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from translate.misc.xml_helpers import getXMLlang
from translate.storage import tmx


def qalign(binary: str, *args: str) -> bytes:
    return subprocess.run([binary, "align", *args], check=True, capture_output=True).stdout


def check_pair(binary: str, ar: str, en: str) -> int:
    store = tmx.tmxfile.parsestring(qalign(binary, "--format", "tmx", ar, en))
    alignment = json.loads(qalign(binary, "--format", "json", ar, en))
    pairs = [b for b in alignment["beads"] if b["src"] and b["tgt"]]
    units = store.units
    if store.sourcelanguage != "ar":
        sys.exit(f"{ar}: srclang is {store.sourcelanguage!r}, not 'ar'")
    if len(units) != len(pairs):
        sys.exit(f"{ar}: {len(units)} units in the TMX, {len(pairs)} pairs in the alignment")
    for unit, bead in zip(units, pairs):
        langs = [getXMLlang(node) for node in unit.getlanguageNodes()]
        if langs != ["ar", "en"]:
            sys.exit(f"{ar}: unit {unit.getid()} has languages {langs}")
        ar_text = unit.source
        en_text = unit.gettarget("en")
        if ar_text != bead["src_text"] or en_text != bead["tgt_text"]:
            sys.exit(
                f"{ar}: unit {unit.getid()} differs\n  TMX  {ar_text!r} | {en_text!r}\n"
                f"  JSON {bead['src_text']!r} | {bead['tgt_text']!r}"
            )
    if not any(ch >= "\u0600" for unit in units for ch in unit.source):
        sys.exit(f"{ar}: no Arabic text read back")
    return len(units)


def main() -> None:
    if len(sys.argv) < 4 or len(sys.argv) % 2 != 0:
        sys.exit(__doc__)
    binary, files = sys.argv[1], sys.argv[2:]
    for ar, en in zip(files[::2], files[1::2]):
        n = check_pair(binary, ar, en)
        print(f"ok: {ar} ↔ {en}: {n} pairs read back intact by translate-toolkit")
    with tempfile.TemporaryDirectory() as tmp:
        ar = Path(tmp, "ar.txt")
        en = Path(tmp, "en.txt")
        ar.write_text(
            'قال "الوزير" إن <الأسعار> & الأجور\tارتفعت 60% في 2014.\n\n'
            "بحسب \u200fالتقرير\u200f الرسمي 'الأخير'.\n",
            encoding="utf-8",
        )
        en.write_text(
            'The "minister" said <prices> & wages\trose 16% in 2014.\n\n'
            "According to the \u200flatest\u200f official 'report'.\n",
            encoding="utf-8",
        )
        n = check_pair(binary, str(ar), str(en))
        print(f"ok: markup, quotes, tab and RLM pair: {n} pairs read back intact")


if __name__ == "__main__":
    main()
