//! The javascript detectors (JavaScript and TypeScript), one file each.

mod shared;

super::detectors!();
