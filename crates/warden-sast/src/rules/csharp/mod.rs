//! The C# detectors, one file each.

mod shared;

super::detectors!();
