//! Form checks.
use crate::quality::finding::Finding;
use crate::quality::signals::SideText;
pub(crate) fn form(_src: SideText, _tgt: SideText, _findings: &mut Vec<Finding>) {}
