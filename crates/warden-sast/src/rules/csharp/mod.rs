//! The csharp detectors, one file each.

use super::Rule;

/// Every csharp detector; a test checks that each file of this directory is listed.
pub const RULES: &[&Rule] = &[];
