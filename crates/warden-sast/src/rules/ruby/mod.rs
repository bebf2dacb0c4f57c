//! The ruby detectors, one file each.

use super::Rule;

/// Every ruby detector; a test checks that each file of this directory is listed.
pub const RULES: &[&Rule] = &[];
