//! The `qalign` Python package's native module.
use pyo3::prelude::*;

#[pymodule]
fn _qalign(_m: &Bound<'_, PyModule>) -> PyResult<()> {
    Ok(())
}
