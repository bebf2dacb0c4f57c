//! An unbounded non-negative integer written in decimal, for version components.
//!
//! Version strings in the wild carry numbers far beyond `u64` (dates with times, build stamps, the
//! `999999999999999999999999999991` lines of the fixtures). The input length cap bounds the digit
//! count, so keeping the digits and comparing by length, then lexically, is exact and linear.

use std::cmp::Ordering;
use std::fmt;

/// A decimal number without leading zeros (`"0"` for zero).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Num(Box<str>);

impl Num {
    /// From a non-empty run of ASCII digits; leading zeros are dropped. The caller guarantees
    /// that `digits` holds only `0-9`.
    pub(crate) fn from_digits(digits: &str) -> Num {
        let trimmed = digits.trim_start_matches('0');
        if trimmed.is_empty() { Num::zero() } else { Num(trimmed.into()) }
    }

    pub(crate) fn zero() -> Num {
        Num("0".into())
    }

    pub(crate) fn is_zero(&self) -> bool {
        &*self.0 == "0"
    }
}

/// True when `s` is a non-empty run of ASCII digits.
pub(crate) fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

impl Ord for Num {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.len().cmp(&other.0.len()).then_with(|| self.0.cmp(&other.0))
    }
}

impl PartialOrd for Num {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_by_value() {
        let n = |s: &str| Num::from_digits(s);
        assert_eq!(n("007"), n("7"));
        assert_eq!(n("000"), Num::zero());
        assert!(n("9") < n("10"));
        assert!(n("999999999999999999999999999991") < n("999999999999999999999999999999"));
        assert!(n("18446744073709551616") > n("18446744073709551615"));
    }
}
