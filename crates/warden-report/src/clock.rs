//! Timestamps and unique ids for documents.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_version_4_shaped() {
        let u = Stamp { epoch_seconds: 0, unique: u128::MAX }.uuid();
        assert_eq!(u.len(), 36);
        assert_eq!(u.as_bytes()[14], b'4');
        assert!(matches!(u.as_bytes()[19], b'8' | b'9' | b'a' | b'b'));
        assert_ne!(Stamp::now("a").uuid(), Stamp::now("b").uuid());
    }
}
