//! The java detectors, one file each.

pub(crate) mod shared;

super::detectors!();
