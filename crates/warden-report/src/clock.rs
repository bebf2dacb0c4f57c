//! Timestamps and unique ids for documents, without a date-time dependency.

use std::time::{SystemTime, UNIX_EPOCH};

/// When a document was made, and a unique id for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// Seconds since the Unix epoch.
    pub epoch_seconds: u64,
    /// 128 bits that make the document's serial number / namespace unique.
    pub unique: u128,
}

impl Stamp {
    /// Now, with an id derived from the time, the process and `seed` (the content).
    pub fn now(seed: &str) -> Self {
        let since = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
        let mut h: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
        let feed = |h: &mut u128, bytes: &[u8]| {
            for b in bytes {
                *h ^= u128::from(*b);
                *h = h.wrapping_mul(0x0000_0000_0100_0000_0000_0000_0000_013B);
            }
        };
        feed(&mut h, &since.as_nanos().to_le_bytes());
        feed(&mut h, &std::process::id().to_le_bytes());
        feed(&mut h, seed.as_bytes());
        Stamp { epoch_seconds: since.as_secs(), unique: h }
    }

    /// A version-4-shaped UUID from the unique bits.
    pub fn uuid(&self) -> String {
        let v = (self.unique & !(0xF << 76) | (0x4 << 76)) & !(0x3 << 62) | (0x2 << 62);
        let hex = format!("{v:032x}");
        let part = |a: usize, b: usize| hex.get(a..b).unwrap_or("");
        format!("{}-{}-{}-{}-{}", part(0, 8), part(8, 12), part(12, 16), part(16, 20), part(20, 32))
    }
}

/// `2026-11-29T09:42:28Z` from seconds since the epoch (proleptic Gregorian, UTC).
pub fn rfc3339(epoch_seconds: u64) -> String {
    let days = i64::try_from(epoch_seconds / 86_400).unwrap_or(0);
    let secs = epoch_seconds % 86_400;
    // Howard Hinnant's days-from-civil inverse.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", secs / 3600, secs % 3600 / 60, secs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_dates() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_795_772_548), "2026-11-27T09:42:28Z");
    }

    #[test]
    fn uuids_are_version_4_shaped() {
        let u = Stamp { epoch_seconds: 0, unique: u128::MAX }.uuid();
        assert_eq!(u.len(), 36);
        assert_eq!(u.as_bytes()[14], b'4');
        assert!(matches!(u.as_bytes()[19], b'8' | b'9' | b'a' | b'b'));
        assert_ne!(Stamp::now("a").uuid(), Stamp::now("b").uuid());
    }
}
