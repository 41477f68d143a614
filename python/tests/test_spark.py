"""The Spark job on local[2] writes what `qalign batch` writes, a bad pair as an error record."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, pairs_jsonl, run

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")
if shutil.which("java") is None:
    pytest.skip("Spark needs a Java runtime (apt-get install default-jre-headless)", allow_module_level=True)


def test_spark_job_equals_qalign_batch(seed, qalign_cli, tmp_path: Path):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(pairs_jsonl(seed), encoding="utf-8")
    out_dir = tmp_path / "out"
    job = subprocess.run(
        [sys.executable, str(ROOT / "python" / "examples" / "spark_align.py"),
         "--input", str(pairs), "--output", str(out_dir), "--master", "local[2]"],
        capture_output=True, text=True, check=False, timeout=600,
    )
    assert job.returncode == 0, job.stderr[-4000:]
    assert (out_dir / "_SUCCESS").exists()
    parts = sorted(out_dir.glob("part-*"))
    assert parts
    spark_lines = "".join(p.read_text(encoding="utf-8") for p in parts)
    batch = run(qalign_cli, "batch", str(pairs))
    assert batch.returncode == 0
    assert spark_lines == batch.stdout.decode()
    assert '{"id":"swapped","error":"the documents look swapped' in spark_lines
