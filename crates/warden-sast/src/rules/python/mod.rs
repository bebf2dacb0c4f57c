//! The Python detectors, one file each.

use super::Rule;

mod sql_injection;

/// Every Python detector; a test checks that each file of this directory is listed.
pub const RULES: &[&Rule] = &[&sql_injection::RULE];
