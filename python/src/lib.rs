//! The native module of the `qalign` Python package: the Rust library's types at the edge, and its
//! heavy work run with the interpreter released.
//!
//! Results wrap the library's values and convert a field only when it is read, so a batch costs
//! little more from Python than from Rust. `to_dict()` gives the JSON output's fields, converted by
//! the library's own serde derives.

use std::path::PathBuf;
use std::sync::OnceLock;

use pyo3::create_exception;
use pyo3::exceptions::{PyAttributeError, PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use rayon::prelude::*;
use serde::Serialize;

create_exception!(qalign, QalignError, PyException, "The base class of qalign's errors.");
create_exception!(
    qalign,
    ConfigError,
    QalignError,
    "A configuration value out of its range, or a keyword qalign does not know."
);
create_exception!(
    qalign,
    InputError,
    QalignError,
    "An input that cannot be aligned: empty, in the wrong script, swapped, or over a limit."
);
create_exception!(
    qalign,
    ReadError,
    QalignError,
    "A file (a dictionary) that cannot be read or is not in its format."
);

/// The library's error as the Python exception of its kind, with the library's message.
fn py_err(error: qalign::Error) -> PyErr {
    let message = error.to_string();
    match error {
        qalign::Error::Config { .. } => ConfigError::new_err(message),
        qalign::Error::Read { .. } | qalign::Error::MalformedFile { .. } | qalign::Error::Io(_) => {
            ReadError::new_err(message)
        }
        _ => InputError::new_err(message),
    }
}

/// A value as Python objects (dicts, lists, numbers, strings), exactly as `json.loads` reads the
/// JSON output: the same fields in the same order, spans as lists.
fn to_python<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_string(value).map_err(|e| QalignError::new_err(e.to_string()))?;
    py.import("json")?.call_method1("loads", (json,))
}

/// A configuration from keyword arguments named as [`qalign::Config`]'s fields; anything else is a
/// [`ConfigError`].
fn config_from(kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<qalign::Config> {
    let mut fields = match serde_json::to_value(qalign::Config::default()) {
        Ok(serde_json::Value::Object(fields)) => fields,
        _ => return Err(QalignError::new_err("the default configuration does not serialize")),
    };
    for (key, value) in kwargs.into_iter().flatten() {
        let key: String = key.extract()?;
        if !fields.contains_key(&key) {
            return Err(ConfigError::new_err(format!("invalid configuration: unknown setting {key}")));
        }
        let json: String = value.py().import("json")?.call_method1("dumps", (&value,))?.extract()?;
        let value: serde_json::Value = serde_json::from_str(&json)
            .map_err(|e| ConfigError::new_err(format!("invalid configuration: {key} {e}")))?;
        // Each setting on its own first, so that a value of the wrong type is named.
        let one = serde_json::Value::Object([(key.clone(), value.clone())].into_iter().collect());
        if let Err(e) = serde_json::from_value::<qalign::Config>(one) {
            return Err(ConfigError::new_err(format!("invalid configuration: {key} {e}")));
        }
        fields.insert(key, value);
    }
    serde_json::from_value(serde_json::Value::Object(fields))
        .map_err(|e| ConfigError::new_err(format!("invalid configuration: {e}")))
}

/// One dictionary from `None`, a [`Dictionary`] or a sequence of them (merged).
fn dictionary_from(dictionary: Option<&Bound<'_, PyAny>>) -> PyResult<qalign::dictionary::Dictionary> {
    let mut merged = qalign::dictionary::Dictionary::new();
    let Some(dictionary) = dictionary else { return Ok(merged) };
    if let Ok(one) = dictionary.cast::<Dictionary>() {
        return Ok(one.borrow().inner.clone());
    }
    for item in dictionary.try_iter()? {
        let item = item?;
        let one = item.cast::<Dictionary>().map_err(|_| {
            PyTypeError::new_err("dictionary must be a qalign.Dictionary or a sequence of them")
        })?;
        merged.extend(one.borrow().inner.clone());
    }
    Ok(merged)
}

/// Pairs of texts from any iterable of two-item sequences.
fn pairs_from(pairs: &Bound<'_, PyAny>) -> PyResult<Vec<(String, String)>> {
    pairs
        .try_iter()?
        .enumerate()
        .map(|(k, item)| {
            let item = item?;
            let pair: Vec<String> = item
                .extract()
                .map_err(|_| PyTypeError::new_err(format!("pair {k} is not a pair of str (ar, en)")))?;
            match <[String; 2]>::try_from(pair) {
                Ok([ar, en]) => Ok((ar, en)),
                Err(_) => Err(PyTypeError::new_err(format!("pair {k} is not a pair of str (ar, en)"))),
            }
        })
        .collect()
}

/// Pre-split text from a `str` (one sentence per line) or a sequence of sentences (joined by
/// newlines; a sentence holding a line break would become two, and is an error).
fn lines_from(lines: &Bound<'_, PyAny>, name: &str) -> PyResult<String> {
    if let Ok(text) = lines.cast::<PyString>() {
        return text.extract();
    }
    let lines: Vec<String> = lines
        .extract()
        .map_err(|_| PyTypeError::new_err(format!("{name} must be a str or a sequence of str")))?;
    if let Some(k) = lines.iter().position(|l| l.contains(['\n', '\r'])) {
        return Err(InputError::new_err(format!("{name}[{k}] holds a line break")));
    }
    Ok(lines.join("\n"))
}

/// Aligns Arabic documents with their English translations, sentence by sentence, and scores every
/// pair for translation quality.
///
/// Keyword arguments set the configuration (the Rust ``Config``'s fields, such as ``band_width``,
/// ``null_cost`` or ``scoring="confidence"``); ``dictionary`` adds a ``Dictionary`` (or a list of
/// them) to the quality score's lexicons. A setting out of range is a ``ConfigError``.
///
/// >>> import qalign
/// >>> aligner = qalign.Aligner(band_width=32, scoring="confidence")
/// >>> aligner.config["band_width"], aligner.config["scoring"]
/// (32, 'confidence')
/// >>> qalign.Aligner(band_width=0)
/// Traceback (most recent call last):
/// qalign.ConfigError: invalid configuration: band_width must be at least 1
#[pyclass(module = "qalign", frozen)]
struct Aligner {
    inner: qalign::Aligner,
}

/// The checks `qalign align` makes on two files, then the alignment.
fn align_checked(
    aligner: &qalign::Aligner,
    ar: &str,
    en: &str,
    check: bool,
    lines: bool,
) -> qalign::Result<qalign::Alignment> {
    if check {
        qalign::input::check_pair(ar, en)?;
    }
    if lines { aligner.align_lines(ar, en) } else { aligner.align(ar, en) }
}

#[pymethods]
impl Aligner {
    #[new]
    #[pyo3(signature = (*, dictionary = None, **config))]
    fn new(dictionary: Option<&Bound<'_, PyAny>>, config: Option<&Bound<'_, PyDict>>) -> PyResult<Aligner> {
        let builder =
            qalign::Aligner::builder().config(config_from(config)?).dictionary(dictionary_from(dictionary)?);
        Ok(Aligner { inner: builder.build().map_err(py_err)? })
    }

    /// The configuration in use, every setting with its value.
    #[getter]
    fn config<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, self.inner.config())
    }

    /// Aligns raw article text: Arabic ``ar`` and English ``en``.
    ///
    /// With ``check=True`` the pair is first checked as ``qalign align`` checks two files: an empty
    /// document, a document not in its language's script, or swapped documents are an
    /// ``InputError``. A document or sentence over the configured limits is one in any case.
    ///
    /// >>> import qalign
    /// >>> alignment = qalign.Aligner().align("قال الوزير. ثم غادر.", "The minister said. Then he left.")
    /// >>> [(b.src, b.tgt, b.tgt_text) for b in alignment.beads]
    /// [([0], [0], 'The minister said.'), ([1], [1], 'Then he left.')]
    /// >>> qalign.Aligner().align("The minister said.", "قال الوزير.", check=True)
    /// Traceback (most recent call last):
    /// qalign.InputError: the documents look swapped: the source is in Latin script and the target in Arabic script
    #[pyo3(signature = (ar, en, *, check = false))]
    fn align(&self, py: Python<'_>, ar: String, en: String, check: bool) -> PyResult<Alignment> {
        let aligner = &self.inner;
        let alignment = py.detach(|| align_checked(aligner, &ar, &en, check, false)).map_err(py_err)?;
        Ok(Alignment { inner: alignment })
    }

    /// Aligns pre-split text: each a ``str`` with one sentence per line, or a sequence of sentences.
    /// Bead indices are line numbers; spans are byte offsets into the text (the sentences joined by
    /// newlines).
    ///
    /// >>> import qalign
    /// >>> alignment = qalign.Aligner().align_lines(["واحد.", "اثنان."], "One.\n\nTwo.")
    /// >>> [(b.src, b.tgt) for b in alignment.beads]
    /// [([0], [0]), ([1], [2])]
    #[pyo3(signature = (ar_lines, en_lines, *, check = false))]
    fn align_lines(
        &self,
        py: Python<'_>,
        ar_lines: &Bound<'_, PyAny>,
        en_lines: &Bound<'_, PyAny>,
        check: bool,
    ) -> PyResult<Alignment> {
        let (ar, en) = (lines_from(ar_lines, "ar_lines")?, lines_from(en_lines, "en_lines")?);
        let aligner = &self.inner;
        let alignment = py.detach(|| align_checked(aligner, &ar, &en, check, true)).map_err(py_err)?;
        Ok(Alignment { inner: alignment })
    }

    /// Aligns many ``(ar, en)`` pairs of raw text on every core, with the interpreter released;
    /// results come back in input order, each equal to what ``align`` returns for that pair.
    ///
    /// A pair that fails raises its error (``errors="raise"``, the message starting with the pair's
    /// position), or stands in the list as the exception object (``errors="return"``).
    ///
    /// >>> import qalign
    /// >>> pairs = [("مرحبا.", "Hello."), ("", "Only English.")]
    /// >>> qalign.Aligner().align_batch(pairs, check=True, errors="return")
    /// [Alignment(beads=1, score=..., coverage=...), InputError('source (Arabic) document is empty')]
    #[pyo3(signature = (pairs, *, check = false, errors = "raise"))]
    fn align_batch<'py>(
        &self,
        py: Python<'py>,
        pairs: &Bound<'py, PyAny>,
        check: bool,
        errors: &str,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let raise = match errors {
            "raise" => true,
            "return" => false,
            _ => return Err(PyValueError::new_err("errors must be \"raise\" or \"return\"")),
        };
        let pairs = pairs_from(pairs)?;
        let aligner = &self.inner;
        let results: Vec<qalign::Result<qalign::Alignment>> = py.detach(|| {
            pairs.par_iter().map(|(ar, en)| align_checked(aligner, ar, en, check, false)).collect()
        });
        results
            .into_iter()
            .enumerate()
            .map(|(k, result)| match result {
                Ok(alignment) => Ok(Bound::new(py, Alignment { inner: alignment })?.into_any()),
                Err(e) => {
                    let error = py_err(e);
                    if raise {
                        let message = format!("pair {k}: {}", error.value(py));
                        Err(PyErr::from_type(error.get_type(py), message))
                    } else {
                        Ok(error.into_value(py).into_bound(py).into_any())
                    }
                }
            })
            .collect()
    }

    /// The JSON lines of ``qalign batch``: each line ``{"id":…, "ar":…, "en":…}`` gives its output
    /// line ``{"id":…, "beads":[…], "summary":{…}}`` or ``{"id":…, "error":"…"}``, in order, the
    /// pairs checked as ``check=True`` does; a blank line gives ``None``. Runs on every core with the
    /// interpreter released.
    ///
    /// >>> import qalign
    /// >>> qalign.Aligner().align_jsonl(['{"id": 7, "ar": "", "en": "Hi."}', ""])
    /// ['{"id":7,"error":"source (Arabic) document is empty"}', None]
    fn align_jsonl(&self, py: Python<'_>, lines: Vec<String>) -> Vec<Option<String>> {
        let aligner = &self.inner;
        py.detach(|| qalign::batch::align_records(aligner, &lines))
    }

    fn __repr__(&self) -> String {
        // The name the configuration reads and writes (`quality`, `confidence`).
        let scoring = serde_json::to_value(self.inner.config().scoring)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        format!("Aligner(scoring={scoring:?})")
    }
}

/// The beads of two documents, in document order, and the document's summary.
#[pyclass(module = "qalign", frozen, eq)]
#[derive(PartialEq)]
struct Alignment {
    inner: qalign::Alignment,
}

#[pymethods]
impl Alignment {
    #[getter]
    fn beads(&self) -> Vec<Bead> {
        self.inner.beads.iter().map(|b| Bead { inner: b.clone() }).collect()
    }

    #[getter]
    fn summary(&self) -> Summary {
        Summary { inner: self.inner.summary.clone() }
    }

    /// The beads with sentences on both sides.
    fn pairs(&self) -> Vec<Bead> {
        self.inner.pairs().map(|b| Bead { inner: b.clone() }).collect()
    }

    /// The alignment as the JSON output's dict: ``{"beads": [...], "summary": {...}}``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.inner)
    }

    /// The alignment as ``qalign align --format json`` prints it (without the line end).
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string(&self.inner).map_err(|e| QalignError::new_err(e.to_string()))
    }

    fn __len__(&self) -> usize {
        self.inner.beads.len()
    }

    fn __repr__(&self) -> String {
        let s = &self.inner.summary;
        format!(
            "Alignment(beads={}, score={:.4}, coverage={:.4})",
            self.inner.beads.len(),
            s.score,
            s.coverage
        )
    }
}

/// One aligned unit: Arabic sentences and the English sentences that render them.
#[pyclass(module = "qalign", frozen, eq)]
#[derive(PartialEq)]
struct Bead {
    inner: qalign::Bead,
}

fn spans(spans: &[qalign::document::Span]) -> Vec<(usize, usize)> {
    spans.iter().map(|s| (s.start, s.end)).collect()
}

#[pymethods]
impl Bead {
    #[getter]
    fn src(&self) -> Vec<usize> {
        self.inner.src.clone()
    }
    #[getter]
    fn tgt(&self) -> Vec<usize> {
        self.inner.tgt.clone()
    }
    #[getter]
    fn src_spans(&self) -> Vec<(usize, usize)> {
        spans(&self.inner.src_spans)
    }
    #[getter]
    fn tgt_spans(&self) -> Vec<(usize, usize)> {
        spans(&self.inner.tgt_spans)
    }
    #[getter]
    fn src_text(&self) -> &str {
        &self.inner.src_text
    }
    #[getter]
    fn tgt_text(&self) -> &str {
        &self.inner.tgt_text
    }
    #[getter]
    fn cost(&self) -> f64 {
        self.inner.cost
    }
    #[getter]
    fn score(&self) -> f64 {
        self.inner.score
    }
    #[getter]
    fn findings(&self) -> Vec<Finding> {
        self.inner.findings.iter().map(|f| Finding { inner: f.clone() }).collect()
    }
    #[getter]
    fn components(&self) -> Components {
        Components { inner: self.inner.components.clone() }
    }

    /// Whether one side of the bead is empty (an unpaired sentence).
    fn is_null(&self) -> bool {
        self.inner.is_null()
    }

    /// The JSON output's fields as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.inner)
    }

    fn __repr__(&self) -> String {
        format!("Bead(src={:?}, tgt={:?}, score={:.4})", self.inner.src, self.inner.tgt, self.inner.score)
    }
}

/// What a reviewer should look at: a kind, a severity, the side and byte span of the evidence.
#[pyclass(module = "qalign", frozen, eq)]
#[derive(PartialEq)]
struct Finding {
    inner: qalign::Finding,
}

#[pymethods]
impl Finding {
    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind.as_str()
    }
    #[getter]
    fn severity(&self) -> &'static str {
        self.inner.severity.as_str()
    }
    #[getter]
    fn side(&self) -> &'static str {
        match self.inner.side {
            qalign::error::Side::Source => "source",
            qalign::error::Side::Target => "target",
        }
    }
    #[getter]
    fn span(&self) -> (usize, usize) {
        (self.inner.span.start, self.inner.span.end)
    }
    #[getter]
    fn evidence(&self) -> &str {
        &self.inner.evidence
    }
    #[getter]
    fn message(&self) -> &str {
        &self.inner.message
    }
    #[getter]
    fn other_span(&self) -> Option<(usize, usize)> {
        self.inner.other_span.map(|s| (s.start, s.end))
    }
    #[getter]
    fn others(&self) -> Vec<usize> {
        self.inner.others.clone()
    }

    /// The JSON output's fields as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.inner)
    }

    fn __repr__(&self) -> String {
        format!(
            "Finding(kind={:?}, severity={:?}, evidence={:?})",
            self.kind(),
            self.severity(),
            self.inner.evidence
        )
    }
}

/// The named signals a score was computed from. Its attributes are the JSON output's `components`
/// fields, read through the library's serde names, so they follow the quality model as it grows.
#[pyclass(module = "qalign", frozen, eq)]
#[derive(PartialEq)]
struct Components {
    inner: qalign::quality::Components,
}

#[pymethods]
impl Components {
    fn __getattr__<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        let dict = to_python(py, &self.inner)?;
        match dict.cast::<PyDict>()?.get_item(name)? {
            Some(value) => Ok(value),
            None => Err(PyAttributeError::new_err(format!("'Components' object has no attribute '{name}'"))),
        }
    }

    fn __dir__<'py>(&self, py: Python<'py>) -> PyResult<Vec<String>> {
        let dict = to_python(py, &self.inner)?;
        let mut names: Vec<String> = dict.cast::<PyDict>()?.keys().extract()?;
        names.push("to_dict".to_owned());
        Ok(names)
    }

    /// The JSON output's fields as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.inner)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!("Components({})", to_python(py, &self.inner)?.repr()?))
    }
}

/// A document's quality at a glance: the score weighted by characters, the coverage of good pairs,
/// and a count of each finding kind.
#[pyclass(module = "qalign", frozen, eq)]
#[derive(PartialEq)]
struct Summary {
    inner: qalign::Summary,
}

#[pymethods]
impl Summary {
    #[getter]
    fn score(&self) -> f64 {
        self.inner.score
    }
    #[getter]
    fn coverage(&self) -> f64 {
        self.inner.coverage
    }
    /// How many findings of each kind the beads carry, every kind listed.
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let counts = PyDict::new(py);
        for (kind, n) in &self.inner.findings {
            counts.set_item(kind.as_str(), n)?;
        }
        Ok(counts)
    }

    /// The JSON output's fields as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.inner)
    }

    fn __repr__(&self) -> String {
        format!("Summary(score={:.4}, coverage={:.4})", self.inner.score, self.inner.coverage)
    }
}

/// The quality of one pair scored on its own.
#[pyclass(module = "qalign", frozen, eq)]
#[derive(PartialEq)]
struct Quality {
    inner: qalign::Quality,
}

#[pymethods]
impl Quality {
    #[getter]
    fn score(&self) -> f64 {
        self.inner.score
    }
    #[getter]
    fn components(&self) -> Components {
        Components { inner: self.inner.components.clone() }
    }
    #[getter]
    fn findings(&self) -> Vec<Finding> {
        self.inner.findings.iter().map(|f| Finding { inner: f.clone() }).collect()
    }

    /// The JSON output's fields as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.inner)
    }

    fn __repr__(&self) -> String {
        format!("Quality(score={:.4}, findings={})", self.inner.score, self.inner.findings.len())
    }
}

/// Scores pairs aligned elsewhere; takes the same keywords as ``Aligner`` (the length model and the
/// ``quality_prior`` matter here) and a ``dictionary``.
///
/// >>> import qalign
/// >>> scorer = qalign.Scorer(dictionary=qalign.Dictionary.from_tsv("زرافة\tgiraffe\n"))
/// >>> scorer.score_pair("رأينا الزرافة.", "We saw the giraffe.").components.dictionary_matched
/// 1
#[pyclass(module = "qalign", frozen)]
struct Scorer {
    inner: qalign::Scorer,
}

#[pymethods]
impl Scorer {
    #[new]
    #[pyo3(signature = (*, dictionary = None, **config))]
    fn new(dictionary: Option<&Bound<'_, PyAny>>, config: Option<&Bound<'_, PyDict>>) -> PyResult<Scorer> {
        // The configuration is checked as the aligner's is.
        let config = config_from(config)?;
        qalign::Aligner::builder().config(config.clone()).build().map_err(py_err)?;
        let inner = qalign::Scorer::from(&config).with_dictionary(&dictionary_from(dictionary)?);
        Ok(Scorer { inner })
    }

    /// Scores one pair.
    fn score_pair(&self, py: Python<'_>, ar: String, en: String) -> Quality {
        let scorer = &self.inner;
        Quality { inner: py.detach(|| scorer.score_pair(&ar, &en)) }
    }

    /// Scores many ``(ar, en)`` pairs on every core; results in order.
    fn score_pairs(&self, py: Python<'_>, pairs: &Bound<'_, PyAny>) -> PyResult<Vec<Quality>> {
        let pairs = pairs_from(pairs)?;
        let scorer = &self.inner;
        let qualities = py.detach(|| scorer.score_batch(&pairs));
        Ok(qualities.into_iter().map(|q| Quality { inner: q }).collect())
    }
}

/// The scorer of `score_pair` and `score_pairs`: the defaults, built once.
fn default_scorer() -> &'static qalign::Scorer {
    static SCORER: OnceLock<qalign::Scorer> = OnceLock::new();
    SCORER.get_or_init(qalign::Scorer::new)
}

/// Scores one pair aligned elsewhere with the default configuration.
///
/// >>> import qalign
/// >>> q = qalign.score_pair("ارتفعت الأسعار بنسبة 60% في 2014.", "Prices rose by 16% in 2014.")
/// >>> q.score < 0.5, q.findings[0].kind, q.findings[0].evidence
/// (True, 'mistranslation/number', '16%')
#[pyfunction]
fn score_pair(py: Python<'_>, ar: String, en: String) -> Quality {
    Quality { inner: py.detach(|| default_scorer().score_pair(&ar, &en)) }
}

/// Scores many ``(ar, en)`` pairs on every core, with the interpreter released; results in order.
///
/// >>> import qalign
/// >>> [q.score > 0.5 for q in qalign.score_pairs([("قال الوزير.", "The minister said.")])]
/// [True]
#[pyfunction]
fn score_pairs(py: Python<'_>, pairs: &Bound<'_, PyAny>) -> PyResult<Vec<Quality>> {
    let pairs = pairs_from(pairs)?;
    let qualities = py.detach(|| default_scorer().score_batch(&pairs));
    Ok(qualities.into_iter().map(|q| Quality { inner: q }).collect())
}

/// A bilingual Arabic→English dictionary for the quality score: a dictd dictionary (such as
/// Debian's ``dict-freedict-ara-eng``, named by its ``.index`` or ``.dict.dz``) or tab-separated
/// ``arabic<TAB>english`` lines. A file that cannot be read is a ``ReadError``.
///
/// >>> import qalign
/// >>> d = qalign.Dictionary.from_tsv("زرافة\tgiraffe\n")
/// >>> len(d), d.get("زرافة")
/// (1, ['giraffe'])
/// >>> aligner = qalign.Aligner(dictionary=d)
#[pyclass(module = "qalign")]
struct Dictionary {
    inner: qalign::dictionary::Dictionary,
}

#[pymethods]
impl Dictionary {
    #[new]
    fn new() -> Dictionary {
        Dictionary { inner: qalign::dictionary::Dictionary::new() }
    }

    /// Reads a dictionary file, telling its format by its name (``.index``, ``.dict.dz``,
    /// ``.dict``: dictd; anything else: tab-separated text).
    #[staticmethod]
    fn from_file(py: Python<'_>, path: PathBuf) -> PyResult<Dictionary> {
        let inner = py.detach(|| qalign::dictionary::Dictionary::from_file(&path)).map_err(py_err)?;
        Ok(Dictionary { inner })
    }

    /// Reads ``arabic<TAB>english[<TAB>weight]`` lines.
    #[staticmethod]
    fn from_tsv(text: &str) -> PyResult<Dictionary> {
        Ok(Dictionary { inner: qalign::dictionary::Dictionary::from_tsv(text).map_err(py_err)? })
    }

    /// Adds another dictionary's entries.
    fn extend(&mut self, other: PyRef<'_, Dictionary>) {
        self.inner.extend(other.inner.clone());
    }

    /// The English renderings of an Arabic form, or ``None``.
    fn get(&self, arabic: &str) -> Option<Vec<String>> {
        self.inner.get(arabic).map(<[String]>::to_vec)
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __repr__(&self) -> String {
        format!("Dictionary(entries={})", self.inner.len())
    }
}

#[pymodule]
fn _qalign(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<Aligner>()?;
    m.add_class::<Alignment>()?;
    m.add_class::<Bead>()?;
    m.add_class::<Finding>()?;
    m.add_class::<Components>()?;
    m.add_class::<Summary>()?;
    m.add_class::<Quality>()?;
    m.add_class::<Scorer>()?;
    m.add_class::<Dictionary>()?;
    m.add_function(wrap_pyfunction!(score_pair, m)?)?;
    m.add_function(wrap_pyfunction!(score_pairs, m)?)?;
    m.add("QalignError", py.get_type::<QalignError>())?;
    m.add("ConfigError", py.get_type::<ConfigError>())?;
    m.add("InputError", py.get_type::<InputError>())?;
    m.add("ReadError", py.get_type::<ReadError>())?;
    Ok(())
}
