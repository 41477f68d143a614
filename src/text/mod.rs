//! Text preparation: normalization for matching and sentence segmentation.

pub(crate) mod normalize;
pub(crate) mod segment;
