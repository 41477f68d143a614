"""Type stubs of qalign's native module (re-exported by ``qalign``)."""

from os import PathLike
from typing import Any, Iterable, Literal, Optional, Sequence, Union, overload

class QalignError(Exception):
    """The base class of qalign's errors."""

class ConfigError(QalignError):
    """A configuration value out of its range, or a keyword qalign does not know."""

class InputError(QalignError):
    """An input that cannot be aligned: empty, in the wrong script, swapped, or over a limit."""

class ReadError(QalignError):
    """A file (a dictionary) that cannot be read or is not in its format."""

class Dictionary:
    """A bilingual Arabic→English dictionary for the quality score (dictd or ``arabic<TAB>english``)."""

    def __init__(self) -> None: ...
    @staticmethod
    def from_file(path: Union[str, PathLike[str]]) -> Dictionary:
        """Reads a dictd dictionary (``.index``, ``.dict.dz``, ``.dict``) or a TSV file."""
    @staticmethod
    def from_tsv(text: str) -> Dictionary:
        """Reads ``arabic<TAB>english[<TAB>weight]`` lines."""
    def extend(self, other: Dictionary) -> None:
        """Adds another dictionary's entries."""
    def get(self, arabic: str) -> Optional[list[str]]:
        """The English renderings of an Arabic form, or ``None``."""
    def __len__(self) -> int: ...

class Finding:
    """What a reviewer should look at, with its evidence and byte span."""

    @property
    def kind(self) -> Literal[
        "omission",
        "addition",
        "mistranslation/number",
        "mistranslation/name",
        "mistranslation/polarity",
        "untranslated",
        "truncation",
        "misalignment",
        "terminology",
        "consistency",
        "form/brackets",
        "form/repeated-word",
        "form/code",
        "form/tag",
        "form/punctuation",
        "form/spacing",
    ]: ...
    @property
    def severity(self) -> Literal["minor", "major", "critical"]: ...
    @property
    def side(self) -> Literal["source", "target"]: ...
    @property
    def span(self) -> tuple[int, int]:
        """Bytes ``[start, end)`` of the evidence in that side's input (UTF-8)."""
    @property
    def evidence(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def other_span(self) -> Optional[tuple[int, int]]:
        """Bytes of the counterpart on the other side (``terminology``, ``form/punctuation``), or ``None``."""
    @property
    def others(self) -> list[int]:
        """The other beads (or pairs) of a ``consistency`` finding; empty otherwise."""
    def to_dict(self) -> dict[str, Any]: ...

class Components:
    """The named signals a score was computed from (the JSON output's ``components``)."""

    length: float
    numbers_shared: int
    numbers_missing: int
    numbers_added: int
    numbers_contradicted: int
    names_matched: int
    names_unmatched: int
    punctuation: int
    lexicon_words: int
    lexicon_matched: int
    lexicon_function_words: int
    lexicon_function_matched: int
    dictionary_words: int
    dictionary_matched: int
    arabic_in_target: float
    target_text: float
    mojibake: int
    polarity_mismatch: bool
    open_end: bool
    alignment: Optional[float]
    def to_dict(self) -> dict[str, Any]: ...

class Bead:
    """One aligned unit: Arabic sentences and the English sentences that render them."""

    @property
    def src(self) -> list[int]:
        """Arabic sentence indices (line numbers for pre-split input); empty when unpaired."""
    @property
    def tgt(self) -> list[int]:
        """English sentence indices (line numbers for pre-split input); empty when unpaired."""
    @property
    def src_spans(self) -> list[tuple[int, int]]:
        """Byte ranges ``[start, end)`` of the Arabic sentences in the Arabic input (UTF-8)."""
    @property
    def tgt_spans(self) -> list[tuple[int, int]]:
        """Byte ranges ``[start, end)`` of the English sentences in the English input (UTF-8)."""
    @property
    def src_text(self) -> str: ...
    @property
    def tgt_text(self) -> str: ...
    @property
    def cost(self) -> float:
        """The bead's cost in the dynamic program (nats; lower is better)."""
    @property
    def score(self) -> float:
        """0–1: how likely the English is a correct and complete translation of the Arabic."""
    @property
    def findings(self) -> list[Finding]: ...
    @property
    def components(self) -> Components: ...
    def is_null(self) -> bool:
        """Whether one side of the bead is empty (an unpaired sentence)."""
    def to_dict(self) -> dict[str, Any]: ...

class Summary:
    """A document's quality at a glance."""

    @property
    def score(self) -> float: ...
    @property
    def coverage(self) -> float: ...
    @property
    def findings(self) -> dict[str, int]: ...
    def to_dict(self) -> dict[str, Any]: ...

class Alignment:
    """The beads of two documents, in document order, and the document's summary."""

    @property
    def beads(self) -> list[Bead]: ...
    @property
    def summary(self) -> Summary: ...
    def pairs(self) -> list[Bead]:
        """The beads with sentences on both sides."""
    def to_dict(self) -> dict[str, Any]:
        """``{"beads": [...], "summary": {...}}`` as the JSON output has it."""
    def to_json(self) -> str:
        """The alignment as ``qalign align --format json`` prints it (without the line end)."""
    def __len__(self) -> int: ...

class Quality:
    """The quality of one pair scored on its own."""

    @property
    def score(self) -> float: ...
    @property
    def components(self) -> Components: ...
    @property
    def findings(self) -> list[Finding]: ...
    def to_dict(self) -> dict[str, Any]: ...

Lines = Union[str, Sequence[str]]

class Aligner:
    """Aligns Arabic documents with their English translations and scores every pair.

    >>> import qalign
    >>> alignment = qalign.Aligner().align("قال الوزير. ثم غادر.", "The minister said. Then he left.")
    >>> [(b.src, b.tgt) for b in alignment.beads]
    [([0], [0]), ([1], [1])]
    """

    def __init__(
        self,
        *,
        dictionary: Union[Dictionary, Sequence[Dictionary], None] = None,
        length_ratio: float = ...,
        length_variance: float = ...,
        ratio_prior_sentences: float = ...,
        two_one_cost: float = ...,
        two_two_cost: float = ...,
        three_one_cost: float = ...,
        null_cost: float = ...,
        null_cost_per_char: float = ...,
        null_run_discount: float = ...,
        end_null_factor: float = ...,
        furniture_null_cost: float = ...,
        number_match_bonus: float = ...,
        number_conflict_cost: float = ...,
        number_missing_cost: float = ...,
        name_match_bonus: float = ...,
        anchor_cap: int = ...,
        word_match_bonus: float = ...,
        word_missing_cost: float = ...,
        word_cap: int = ...,
        paragraph_cost: float = ...,
        paragraph_first: bool = ...,
        full_table_cells: int = ...,
        band_width: int = ...,
        max_band_width: int = ...,
        max_input_bytes: int = ...,
        max_sentence_bytes: int = ...,
        scoring: Literal["quality", "confidence"] = ...,
        quality_prior: float = ...,
    ) -> None: ...
    @property
    def config(self) -> dict[str, Any]:
        """Every setting with its value."""
    def align(self, ar: str, en: str, *, check: bool = False) -> Alignment:
        """Aligns raw article text; ``check=True`` adds the CLI's input checks."""
    def align_lines(self, ar_lines: Lines, en_lines: Lines, *, check: bool = False) -> Alignment:
        """Aligns pre-split text (one sentence per line, or a sequence of sentences)."""
    @overload
    def align_batch(
        self, pairs: Iterable[tuple[str, str]], *, check: bool = False, errors: Literal["raise"] = "raise"
    ) -> list[Alignment]: ...
    @overload
    def align_batch(
        self, pairs: Iterable[tuple[str, str]], *, check: bool = False, errors: Literal["return"]
    ) -> list[Union[Alignment, QalignError]]: ...
    def align_jsonl(self, lines: Sequence[str]) -> list[Optional[str]]:
        """The ``qalign batch`` format: a JSON line per pair in, its output line out (``None`` for blank)."""

class Scorer:
    """Scores pairs aligned elsewhere; the same keywords as ``Aligner``."""

    def __init__(self, *, dictionary: Union[Dictionary, Sequence[Dictionary], None] = None, **config: Any) -> None: ...
    def score_pair(self, ar: str, en: str) -> Quality: ...
    def score_pairs(self, pairs: Iterable[tuple[str, str]]) -> list[Quality]: ...

def score_pair(ar: str, en: str) -> Quality:
    """Scores one pair aligned elsewhere with the default configuration."""

def score_pairs(pairs: Iterable[tuple[str, str]]) -> list[Quality]:
    """Scores many pairs on every core; results in order."""
