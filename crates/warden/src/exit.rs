//! The binary's exit codes, in one place.

/// A finding at or above `--fail-on` remains.
pub const FINDINGS: u8 = 1;
/// Usage or I/O error.
pub const USAGE: u8 = 2;
/// The artifact was refused (`INVALID_ARTIFACT`).
pub const INVALID_ARTIFACT: u8 = 3;
/// No advisory database to match against.
pub const NO_DATABASE: u8 = 4;
