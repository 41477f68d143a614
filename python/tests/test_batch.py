"""`Aligner.align_jsonl` and `align_batch` against `qalign batch`."""

from __future__ import annotations

import json

import qalign
from conftest import pairs_jsonl, run


def test_align_jsonl_gives_what_qalign_batch_gives(seed, qalign_cli):
    text = pairs_jsonl(seed)
    out = run(qalign_cli, "batch", "-", stdin=text.encode())
    assert out.returncode == 0, out.stderr
    lines = qalign.Aligner().align_jsonl(text.splitlines())
    assert "\n".join(line for line in lines if line is not None) + "\n" == out.stdout.decode()
    records = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert [r["id"] for r in records[:4]] == ["seed", 1, "tail-1", 101]
    errors = {str(r["id"]): r["error"] for r in records if "error" in r}
    assert errors == {
        "empty": "source (Arabic) document is empty",
        "swapped": "the documents look swapped: the source is in Latin script and the target in Arabic script",
        "7": "invalid record: missing field `en` at line 1 column 29",
        "None": "invalid record: expected ident at line 1 column 2",
    }


def test_align_batch_gives_qalign_batchs_beads(seed, qalign_cli):
    records = [json.loads(line) for line in pairs_jsonl(seed).splitlines()[:22]]
    out = run(qalign_cli, "batch", stdin="\n".join(json.dumps(r) for r in records).encode())
    expected = [json.loads(line) for line in out.stdout.decode().splitlines()]
    alignments = qalign.Aligner().align_batch([(r["ar"], r["en"]) for r in records], check=True)
    for record, alignment, line in zip(records, alignments, expected):
        assert {"id": record["id"], **alignment.to_dict()} == line
