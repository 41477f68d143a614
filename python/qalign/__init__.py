"""Sentence alignment and translation-quality checks for Arabic articles and their English
translations, with the Rust library qalign doing all the work.

>>> import qalign
>>> ar = "قال روجوزين إن التجارة بلغت ملياري دولار في 2015. وزار بغداد يوم الخميس."
>>> en = "Rogozin said trade reached $2 billion in 2015. He visited Baghdad on Thursday."
>>> alignment = qalign.Aligner().align(ar, en)
>>> [(b.src, b.tgt) for b in alignment.beads]
[([0], [0]), ([1], [1])]
>>> alignment.beads[0].tgt_text
'Rogozin said trade reached $2 billion in 2015.'
>>> q = qalign.score_pair("ارتفعت الأسعار بنسبة 60% في 2014.", "Prices rose by 16% in 2014.")
>>> q.score < 0.5, q.findings[0].kind, q.findings[0].evidence
(True, 'mistranslation/number', '16%')

- ``Aligner(**config)`` aligns two documents: ``align`` (raw article text), ``align_lines``
  (one sentence per line), ``align_batch`` (many pairs on every core) and ``align_jsonl`` (the
  JSON lines of ``qalign batch``).
- ``Alignment``, ``Bead``, ``Finding``, ``Components`` and ``Summary`` are the results, with the
  fields of the JSON output and ``to_dict()``; ``to_pandas`` makes a DataFrame of them.
- ``score_pair`` and ``score_pairs`` (or a ``Scorer``) score pairs aligned elsewhere into
  ``Quality`` results.
- ``Dictionary`` loads a bilingual dictionary (dictd or ``arabic<TAB>english``) for the score.
- Errors are ``QalignError``s: ``ConfigError``, ``InputError``, ``ReadError``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Union

from ._qalign import (
    Aligner,
    Alignment,
    Bead,
    Components,
    ConfigError,
    Dictionary,
    Finding,
    InputError,
    QalignError,
    Quality,
    ReadError,
    Scorer,
    Summary,
    score_pair,
    score_pairs,
)

if TYPE_CHECKING:
    import pandas

__all__ = [
    "Aligner",
    "Alignment",
    "Bead",
    "Components",
    "ConfigError",
    "Dictionary",
    "Finding",
    "InputError",
    "QalignError",
    "Quality",
    "ReadError",
    "Scorer",
    "Summary",
    "score_pair",
    "score_pairs",
    "to_pandas",
]

__version__ = "0.1.0"


def to_pandas(results: Union[Alignment, Iterable[Union[Alignment, Bead, Quality]]]) -> "pandas.DataFrame":
    """A DataFrame with one row per bead or per scored pair (pandas must be installed).

    ``results`` is an ``Alignment`` (a row per bead), a sequence of alignments such as
    ``align_batch`` returns (a row per bead, with the alignment's position in column ``pair``), or a
    sequence of ``Bead`` or ``Quality`` results. Columns are the JSON output's fields, with each
    component in its own column ``components.NAME``; ``findings`` holds the findings as dicts.

    >>> import qalign
    >>> alignment = qalign.Aligner().align("قال الوزير. ثم غادر.", "The minister said. Then he left.")
    >>> df = qalign.to_pandas(alignment)
    >>> list(df["tgt_text"])
    ['The minister said.', 'Then he left.']
    >>> bool(qalign.to_pandas(qalign.score_pairs([("شكرا.", "Thanks.")]))["score"].between(0, 1).all())
    True
    """
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("qalign.to_pandas needs pandas: pip install pandas") from e
    if isinstance(results, Alignment):
        results = [results]
    rows: list[dict[str, Any]] = []
    for k, item in enumerate(results):
        if isinstance(item, Alignment):
            for bead in item.to_dict()["beads"]:
                rows.append({"pair": k, **bead})
        elif isinstance(item, (Bead, Quality)):
            rows.append(item.to_dict())
        else:
            raise TypeError(f"to_pandas takes Alignment, Bead or Quality results, not {type(item).__name__}")
    for row in rows:
        for name, value in row.pop("components").items():
            row[f"components.{name}"] = value
    return pandas.DataFrame(rows)
