"""Errors are Python exceptions with the library's message, never a crash."""

from __future__ import annotations

import pytest

import qalign


@pytest.mark.parametrize(
    ("ar", "en", "message"),
    [
        ("", "Only English.", "source (Arabic) document is empty"),
        ("قال الوزير.", " \n\t", "target (English) document is empty"),
        ("The minister said.", "قال الوزير.", "the documents look swapped: the source is in Latin script and the target in Arabic script"),
        ("قال الوزير.", "قال الوزير.", "target (English) document is not in English: 0% of its 9 Arabic and Latin letters are Latin"),
    ],
)
def test_checks_are_input_errors(ar, en, message):
    with pytest.raises(qalign.InputError) as error:
        qalign.Aligner().align(ar, en, check=True)
    assert str(error.value) == message
    # Without the checks the library aligns what it is given.
    qalign.Aligner().align(ar, en)


def test_limits_are_input_errors():
    with pytest.raises(qalign.InputError, match=r"^source \(Arabic\) document is 20 bytes, over the limit of 8 bytes$"):
        qalign.Aligner(max_input_bytes=8).align("قال الوزير.", "He said.")
    with pytest.raises(qalign.InputError, match=r"sentence 0 is 38 bytes, over the limit of 20 bytes"):
        qalign.Aligner(max_sentence_bytes=20).align("قال.", "It rained all day long without a stop.")


def test_bad_configuration_is_a_config_error():
    with pytest.raises(qalign.ConfigError, match="unknown setting bandwidth"):
        qalign.Aligner(bandwidth=3)
    with pytest.raises(qalign.ConfigError, match="^invalid configuration: band_width must be at least 1$"):
        qalign.Aligner(band_width=0)
    with pytest.raises(qalign.ConfigError, match="band_width invalid type"):
        qalign.Aligner(band_width="wide")
    with pytest.raises(qalign.ConfigError, match="quality_prior"):
        qalign.Scorer(quality_prior=1.5)


def test_unreadable_dictionary_is_a_read_error(tmp_path):
    with pytest.raises(qalign.ReadError, match="cannot read"):
        qalign.Dictionary.from_file(tmp_path / "missing.tsv")
    bad = tmp_path / "bad.tsv"
    bad.write_text("no tab here\n", encoding="utf-8")
    with pytest.raises(qalign.ReadError, match="line 1"):
        qalign.Dictionary.from_file(bad)


def test_errors_are_qalign_errors():
    for error in (qalign.ConfigError, qalign.InputError, qalign.ReadError):
        assert issubclass(error, qalign.QalignError) and issubclass(error, Exception)


def test_odd_text_never_crashes():
    aligner = qalign.Aligner()
    for ar, en in [("\x00\u200f\ufeff", "\r\r\n"), ("٣٫٥٪ \U0001F600", "½ \ud7ff"), ("،" * 1000, "." * 1000)]:
        alignment = aligner.align(ar, en)
        assert all(0.0 <= b.score <= 1.0 for b in alignment.beads)
