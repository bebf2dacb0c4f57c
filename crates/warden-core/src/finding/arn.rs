//! Stable finding ARNs.
//!
//! Inspector keeps a finding's ARN across rescans, so a finding can be updated, closed and reopened in place. Warden
//! derives the 128-bit id from what identifies the finding (region, account and the caller's key parts, e.g. the
//! function ARN and the vulnerability id) with SipHash-2-4 in its 128-bit form under a fixed key: a published,
//! fully specified function (so ids do not change with the Rust release, as `std`'s `DefaultHasher` may), checked
//! here against the reference implementation's test vectors.

/// The fixed SipHash key of finding ids. Never change it: every stored finding ARN depends on it.
const FINDING_KEY: [u8; 16] = *b"warden/finding/1";

/// `arn:aws:inspector2:<region>:<account>:finding/<32 hex>`, the same for the same inputs and different (with
/// overwhelming likelihood) when any input differs.
///
/// `key_parts` is what makes the finding one finding: for a package vulnerability the function's ARN and the
/// vulnerability id; for a code vulnerability the function (or layer) ARN, the detector id, the file and the
/// lines. Parts are length-prefixed before hashing, so `["ab", "c"]` and `["a", "bc"]` differ.
pub fn finding_arn(region: &str, account: &str, key_parts: &[&str]) -> String {
    let mut input = Vec::new();
    for part in [region, account].iter().chain(key_parts) {
        input.extend_from_slice(&(part.len() as u64).to_le_bytes());
        input.extend_from_slice(part.as_bytes());
    }
    let digest = siphash24_128(&FINDING_KEY, &input);
    let mut id = String::with_capacity(32);
    for byte in digest {
        id.push_str(&format!("{byte:02x}"));
    }
    format!("arn:aws:inspector2:{region}:{account}:finding/{id}")
}

/// SipHash-2-4 with 128-bit output (Aumasson and Bernstein), as the reference implementation's `siphash` with
/// `outlen = 16`: the digest bytes in the reference's order.
pub fn siphash24_128(key: &[u8; 16], message: &[u8]) -> [u8; 16] {
    let (k0, k1) = split_key(key);
    let mut s = SipState {
        v0: k0 ^ 0x736f_6d65_7073_6575,
        v1: k1 ^ 0x646f_7261_6e64_6f6d ^ 0xee,
        v2: k0 ^ 0x6c79_6765_6e65_7261,
        v3: k1 ^ 0x7465_6462_7974_6573,
    };

    let blocks = message.chunks_exact(8);
    let tail = blocks.remainder();
    for block in blocks {
        s.absorb(u64::from_le_bytes(block.first_chunk::<8>().copied().unwrap_or_default()));
    }
    let mut last = [0u8; 8];
    for (slot, byte) in last.iter_mut().zip(tail) {
        *slot = *byte;
    }
    // The final word carries the message length (mod 256) in its top byte.
    s.absorb(u64::from_le_bytes(last) | ((message.len() as u64) << 56));

    s.v2 ^= 0xee;
    s.rounds(4);
    let first = s.v0 ^ s.v1 ^ s.v2 ^ s.v3;
    s.v1 ^= 0xdd;
    s.rounds(4);
    let second = s.v0 ^ s.v1 ^ s.v2 ^ s.v3;

    let mut out = [0u8; 16];
    for (slot, byte) in out.iter_mut().zip(first.to_le_bytes().into_iter().chain(second.to_le_bytes())) {
        *slot = byte;
    }
    out
}

fn split_key(key: &[u8; 16]) -> (u64, u64) {
    let k0 = key.first_chunk::<8>().copied().unwrap_or_default();
    let k1 = key.last_chunk::<8>().copied().unwrap_or_default();
    (u64::from_le_bytes(k0), u64::from_le_bytes(k1))
}

struct SipState {
    v0: u64,
    v1: u64,
    v2: u64,
    v3: u64,
}

impl SipState {
    fn absorb(&mut self, m: u64) {
        self.v3 ^= m;
        self.rounds(2);
        self.v0 ^= m;
    }

    fn rounds(&mut self, n: usize) {
        for _ in 0..n {
            self.v0 = self.v0.wrapping_add(self.v1);
            self.v1 = self.v1.rotate_left(13) ^ self.v0;
            self.v0 = self.v0.rotate_left(32);
            self.v2 = self.v2.wrapping_add(self.v3);
            self.v3 = self.v3.rotate_left(16) ^ self.v2;
            self.v0 = self.v0.wrapping_add(self.v3);
            self.v3 = self.v3.rotate_left(21) ^ self.v0;
            self.v2 = self.v2.wrapping_add(self.v1);
            self.v1 = self.v1.rotate_left(17) ^ self.v2;
            self.v2 = self.v2.rotate_left(32);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// From the reference implementation's `vectors.h` (`vectors_sip128`): key `00 01 … 0f`, message
    /// `00 01 … (len - 1)`.
    #[test]
    fn matches_reference_vectors() {
        let key: [u8; 16] = std::array::from_fn(|i| i as u8);
        let cases: [(usize, [u8; 16]); 8] = [
            (0, [0xa3, 0x81, 0x7f, 0x04, 0xba, 0x25, 0xa8, 0xe6, 0x6d, 0xf6, 0x72, 0x14, 0xc7, 0x55, 0x02, 0x93]),
            (1, [0xda, 0x87, 0xc1, 0xd8, 0x6b, 0x99, 0xaf, 0x44, 0x34, 0x76, 0x59, 0x11, 0x9b, 0x22, 0xfc, 0x45]),
            (3, [0x9c, 0x70, 0xb6, 0x0c, 0x52, 0x67, 0xa9, 0x4e, 0x5f, 0x33, 0xb6, 0xb0, 0x29, 0x85, 0xed, 0x51]),
            (7, [0xa1, 0xf1, 0xeb, 0xbe, 0xd8, 0xdb, 0xc1, 0x53, 0xc0, 0xb8, 0x4a, 0xa6, 0x1f, 0xf0, 0x82, 0x39]),
            (8, [0x3b, 0x62, 0xa9, 0xba, 0x62, 0x58, 0xf5, 0x61, 0x0f, 0x83, 0xe2, 0x64, 0xf3, 0x14, 0x97, 0xb4]),
            (15, [0x54, 0x93, 0xe9, 0x99, 0x33, 0xb0, 0xa8, 0x11, 0x7e, 0x08, 0xec, 0x0f, 0x97, 0xcf, 0xc3, 0xd9]),
            (16, [0x6e, 0xe2, 0xa4, 0xca, 0x67, 0xb0, 0x54, 0xbb, 0xfd, 0x33, 0x15, 0xbf, 0x85, 0x23, 0x05, 0x77]),
            (63, [0x51, 0x50, 0xd1, 0x77, 0x2f, 0x50, 0x83, 0x4a, 0x50, 0x3e, 0x06, 0x9a, 0x97, 0x3f, 0xbd, 0x7c]),
        ];
        for (len, want) in cases {
            let message: Vec<u8> = (0..len).map(|i| i as u8).collect();
            assert_eq!(siphash24_128(&key, &message), want, "length {len}");
        }
    }

    #[test]
    fn arns_are_stable_and_distinct() {
        let fun = "arn:aws:lambda:us-east-1:123456789012:function:app:$LATEST";
        let a = finding_arn("us-east-1", "123456789012", &[fun, "CVE-2023-30861"]);
        assert_eq!(a, finding_arn("us-east-1", "123456789012", &[fun, "CVE-2023-30861"]));
        let (prefix, id) = a.split_at("arn:aws:inspector2:us-east-1:123456789012:finding/".len());
        assert_eq!(prefix, "arn:aws:inspector2:us-east-1:123456789012:finding/");
        assert_eq!(id.len(), 32);
        assert!(id.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
        // Pinned: a change here would re-identify every stored finding.
        assert_eq!(a, "arn:aws:inspector2:us-east-1:123456789012:finding/89b338fbd5fcbab63dd7f43645a4a173");
        for other in [
            finding_arn("us-east-2", "123456789012", &[fun, "CVE-2023-30861"]),
            finding_arn("us-east-1", "123456789013", &[fun, "CVE-2023-30861"]),
            finding_arn("us-east-1", "123456789012", &[fun, "CVE-2023-30862"]),
            finding_arn("us-east-1", "123456789012", &["ab", "c"]),
        ] {
            assert_ne!(a, other);
        }
        assert_ne!(finding_arn("r", "a", &["ab", "c"]), finding_arn("r", "a", &["a", "bc"]));
    }
}
