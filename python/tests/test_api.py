"""The Python API against the command line and against its own promises."""

from __future__ import annotations

import ast
import doctest
import inspect
import json
from pathlib import Path

import pytest

import qalign
from conftest import SEED_AR, SEED_EN, run


def test_seed_pair_gives_the_command_lines_beads_and_scores(seed, qalign_cli):
    out = run(qalign_cli, "align", "--format", "json", str(SEED_AR), str(SEED_EN))
    assert out.returncode == 0, out.stderr
    alignment = qalign.Aligner().align(*seed)
    assert alignment.to_json() + "\n" == out.stdout.decode()
    cli = json.loads(out.stdout)
    assert alignment.to_dict() == cli
    assert [(b.src, b.tgt, b.score) for b in alignment.beads] == [
        (b["src"], b["tgt"], b["score"]) for b in cli["beads"]
    ]


def test_results_have_the_json_outputs_fields(seed):
    alignment = qalign.Aligner().align(*seed)
    assert set(alignment.to_dict()) == {"beads", "summary"}
    for bead in alignment.beads:
        fields = bead.to_dict()
        assert list(fields) == [
            "src", "tgt", "src_spans", "tgt_spans", "src_text", "tgt_text", "cost", "score", "findings", "components",
        ]
        for name in ["src", "tgt", "src_text", "tgt_text", "cost", "score"]:
            assert getattr(bead, name) == fields[name]
        assert [list(s) for s in bead.src_spans] == fields["src_spans"]
        assert [list(s) for s in bead.tgt_spans] == fields["tgt_spans"]
        assert [f.to_dict() for f in bead.findings] == fields["findings"]
        for name, value in fields["components"].items():
            assert getattr(bead.components, name) == value
        for finding, expected in zip(bead.findings, fields["findings"]):
            assert (finding.kind, finding.severity, finding.side) == (
                expected["kind"], expected["severity"], expected["side"],
            )
            assert list(finding.span) == expected["span"]
            assert (finding.evidence, finding.message) == (expected["evidence"], expected["message"])
    summary = alignment.summary
    assert summary.to_dict() == {"score": summary.score, "coverage": summary.coverage, "findings": summary.findings}


def test_spans_are_utf8_byte_offsets(seed):
    ar, en = seed
    for bead in qalign.Aligner().align(ar, en).pairs():
        start, end = bead.src_spans[0]
        assert bead.src_text.startswith(ar.encode()[start:end].decode())


def test_align_lines_takes_text_or_sentences():
    ar, en = ["قال الوزير.", "ثم غادر."], ["The minister said.", "Then he left."]
    aligner = qalign.Aligner()
    assert aligner.align_lines(ar, en) == aligner.align_lines("\n".join(ar), "\n".join(en))
    with pytest.raises(qalign.InputError, match=r"en_lines\[1\] holds a line break"):
        aligner.align_lines(ar, ["One.", "Two.\nThree."])
    with pytest.raises(TypeError):
        aligner.align_lines(ar, 5)


def test_align_batch_equals_align_one_by_one(seed):
    ar, en = seed
    pairs = [(ar, en), ("قال الوزير. ثم غادر.", "The minister said. Then he left."), ("", "Only English.")]
    aligner = qalign.Aligner()
    batch = aligner.align_batch(pairs)
    assert batch == [aligner.align(a, e) for a, e in pairs]
    assert aligner.align_batch(iter([list(p) for p in pairs])) == batch


def test_align_batch_errors_raise_or_return():
    pairs = [("قال الوزير.", "The minister said."), ("", "Only English.")]
    aligner = qalign.Aligner()
    with pytest.raises(qalign.InputError, match=r"^pair 1: source \(Arabic\) document is empty$"):
        aligner.align_batch(pairs, check=True)
    results = aligner.align_batch(pairs, check=True, errors="return")
    assert isinstance(results[0], qalign.Alignment)
    assert isinstance(results[1], qalign.InputError)
    assert str(results[1]) == "source (Arabic) document is empty"
    with pytest.raises(ValueError):
        aligner.align_batch(pairs, errors="ignore")
    with pytest.raises(TypeError, match="pair 0 is not a pair of str"):
        aligner.align_batch([("only one",)])


def test_scoring_pairs():
    q = qalign.score_pair("ارتفعت الأسعار بنسبة 60% في 2014.", "Prices rose by 16% in 2014.")
    assert q.score < 0.5  # words and the year agree, the percentage does not
    assert qalign.score_pair("ارتفعت الأسعار بنسبة 60% في 2014.", "Prices rose by 60% in 2014.").score > 0.9
    assert q.findings[0].kind == "mistranslation/number"
    assert list(q.to_dict()) == ["score", "components", "findings"]
    pairs = [("قال الوزير.", "The minister said."), ("ارتفعت الأسعار بنسبة 60% في 2014.", "Prices rose by 16% in 2014.")]
    assert qalign.score_pairs(pairs) == [qalign.score_pair(a, e) for a, e in pairs]
    assert qalign.Scorer().score_pairs(pairs) == qalign.score_pairs(pairs)


def test_dictionaries_load_and_count(tmp_path: Path):
    path = tmp_path / "words.tsv"
    path.write_text("زرافة\tgiraffe\n", encoding="utf-8")
    dictionary = qalign.Dictionary.from_file(path)
    assert len(dictionary) == 1 and dictionary.get("زرافة") == ["giraffe"]
    dictionary.extend(qalign.Dictionary.from_tsv("فيل\telephant\n"))
    assert len(dictionary) == 2
    ar, en = "رأينا الزرافة.", "We saw the giraffe."
    assert qalign.Aligner().align(ar, en).beads[0].components.dictionary_matched == 0
    for given in (dictionary, [dictionary]):
        aligner = qalign.Aligner(dictionary=given)
        assert aligner.align(ar, en).beads[0].components.dictionary_matched == 1
    assert qalign.Scorer(dictionary=dictionary).score_pair(ar, en).components.dictionary_matched == 1
    with pytest.raises(TypeError):
        qalign.Aligner(dictionary="words.tsv")


def test_configuration_from_keywords():
    aligner = qalign.Aligner(band_width=32, null_cost=5, scoring="confidence")
    assert aligner.config["band_width"] == 32 and aligner.config["null_cost"] == 5.0
    assert aligner.config["scoring"] == "confidence"
    bead = aligner.align("قال الوزير.", "The minister said.").beads[0]
    assert bead.score == bead.components.alignment


def test_stubs_list_every_setting_and_component():
    stub = ast.parse((Path(qalign.__file__).parent / "_qalign.pyi").read_text(encoding="utf-8"))
    classes = {node.name: node for node in stub.body if isinstance(node, ast.ClassDef)}
    init = next(n for n in classes["Aligner"].body if isinstance(n, ast.FunctionDef) and n.name == "__init__")
    settings = [a.arg for a in init.args.kwonlyargs if a.arg != "dictionary"]
    assert settings == list(qalign.Aligner().config)
    components = [n.target.id for n in classes["Components"].body if isinstance(n, ast.AnnAssign)]
    assert components == list(qalign.score_pair("قال.", "He said.").components.to_dict())
    exported = {name for name in qalign.__all__ if name != "to_pandas"}
    stubbed = set(classes) | {n.name for n in stub.body if isinstance(n, ast.FunctionDef)}
    assert exported <= stubbed


def test_docstring_examples_run():
    """Every example in the package's docstrings (pandas ones only where pandas is installed)."""
    exported = [getattr(qalign, name) for name in qalign.__all__]
    objects = [qalign, *exported]
    for cls in filter(inspect.isclass, exported):
        objects.extend(m for name, m in vars(cls).items() if not name.startswith("__"))
    parser, runner = doctest.DocTestParser(), doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    examples = 0
    try:
        import pandas  # noqa: F401
    except ImportError:
        objects.remove(qalign.to_pandas)
    for obj in objects:
        doc = inspect.getdoc(obj) or ""
        if ">>>" not in doc:
            continue
        name = getattr(obj, "__qualname__", getattr(obj, "__name__", "?"))
        test = parser.get_doctest(doc, {}, name, None, 0)
        examples += len(test.examples)
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0
    assert examples >= 20
