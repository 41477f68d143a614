//! Anchors: the evidence that two sentences in different scripts say the same thing.

pub(crate) mod names;
pub(crate) mod numbers;
