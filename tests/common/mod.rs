pub mod data;
pub mod devset;
