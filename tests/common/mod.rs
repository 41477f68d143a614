pub mod data;
pub mod devset;
pub mod excerpts;
