"""Aligns document pairs on Spark: JSON lines ``{"id":…, "ar":…, "en":…}`` in, one JSON line per
pair out, ``{"id":…, "beads":[…], "summary":{…}}`` or ``{"id":…, "error":"…"}``, exactly as
``qalign batch`` writes them, as Spark's partitioned output (``OUT_DIR/part-*`` in input order,
and ``_SUCCESS``).

    python spark_align.py --input PAIRS.jsonl --output OUT_DIR [--master local[2]]

The lines are read into a DataFrame and aligned on the executors by the ``qalign`` package inside
``mapInPandas`` (Arrow batches); each batch runs on every core of its executor, the interpreter
released. The Rust side reads each record itself, so the ``id`` comes back as written (string,
number or anything JSON) and a bad record becomes an error record, never a failed task. On a
cluster, install the package on every executor (``pip install ./python``, or ship a wheel) and
leave ``--master`` to ``spark-submit``.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Iterator

import pandas

#: Pairs per Arrow batch: a news article pair and its output take a few hundred kilobytes.
PAIRS_PER_BATCH = 1000


def align_batches(batches: Iterator[pandas.DataFrame]) -> Iterator[pandas.DataFrame]:
    """Runs on the executors: each batch of input lines gives its output lines, blank lines none."""
    import qalign

    aligner = qalign.Aligner()
    for batch in batches:
        out = aligner.align_jsonl(batch["value"].tolist())
        yield pandas.DataFrame({"value": [line for line in out if line is not None]})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", required=True, help="JSON lines of pairs (any path Spark reads)")
    parser.add_argument("--output", required=True, help="the output directory (must not exist)")
    parser.add_argument("--master", help="Spark master, e.g. local[2] (default: spark-submit's)")
    args = parser.parse_args()

    # In local mode the Python workers are this interpreter, which has qalign installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("qalign").config(
        "spark.sql.execution.arrow.maxRecordsPerBatch", str(PAIRS_PER_BATCH)
    )
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        lines = spark.read.text(args.input)
        aligned = lines.mapInPandas(align_batches, schema="value string")
        aligned.write.text(args.output)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
