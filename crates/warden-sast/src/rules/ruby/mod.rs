//! The Ruby detectors, one file each.

pub(crate) mod shared;

super::detectors!(missing_host_key_verification);
