pub mod devset;
