"""Times ``Aligner.align_batch`` on the dev set's 62 raw documents, the input of the Rust bench
``cargo bench --bench batch`` (``batch/align_batch/dev-62-documents``), to compare the two.

    python python/examples/benchmark.py [DATA_DIR]

DATA_DIR is the evaluation data (default: ``$QALIGN_DATA``, else ``../shared/data``). Prints the
median and the fastest of 20 runs, after two warm-up runs, and the pairs per second.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

import qalign

RUNS = 20


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("QALIGN_DATA", "../shared/data"))
    raw = root / "ntrex-dev" / "raw"
    pairs = [
        (ar.read_text(encoding="utf-8"), Path(str(ar).replace(".ar.txt", ".en.txt")).read_text(encoding="utf-8"))
        for ar in sorted(raw.glob("*.ar.txt"))
    ]
    aligner = qalign.Aligner()
    for _ in range(2):
        aligner.align_batch(pairs)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        aligner.align_batch(pairs)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"align_batch, {len(pairs)} documents: median {median * 1000:.1f} ms, fastest {min(times) * 1000:.1f} ms, "
          f"{len(pairs) / median:.0f} pairs/s")


if __name__ == "__main__":
    main()
