//! The Python detectors, one file each.

super::detectors!(missing_host_key_verification);
