//! Vectors with published scores (the examples of the FIRST CVSS v3.1 and v4.0 specification documents, NVD
//! scores of well-known CVEs), malformed vectors with the reason they are refused, and a mutation sweep that
//! checks no input panics.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use warden_core::Severity;
use warden_cvss::{CvssError, CvssVersion, MAX_VECTOR_LEN, score, severity_of};

#[test]
fn published_scores() {
    let cases: &[(&str, f64, CvssVersion)] = &[
        // CVSS v3.1 specification, section 8 ("Examples"), and NVD.
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, CvssVersion::V3_1), // Shellshock
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1, CvssVersion::V3_1), // phpMyAdmin XSS
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0, CvssVersion::V3_1), // Log4Shell
        ("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N", 6.4, CvssVersion::V3_1), // MySQL stored SQL injection
        ("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N", 3.1, CvssVersion::V3_1), // POODLE
        ("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", 9.9, CvssVersion::V3_1), // VMware guest-to-host
        ("CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L", 4.2, CvssVersion::V3_1), // Tomcat XML parser
        ("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 8.8, CvssVersion::V3_1), // Cisco IOS
        ("CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", 7.8, CvssVersion::V3_1), // Apple iWork
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5, CvssVersion::V3_1), // Heartbleed
        ("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:N/I:H/A:N", 6.8, CvssVersion::V3_1), // DNS cache poisoning
        ("CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 6.8, CvssVersion::V3_1), // Sophos disk encryption
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N", 5.8, CvssVersion::V3_1), // Joomla directory traversal
        ("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:H", 9.3, CvssVersion::V3_1), // Juniper proxy ARP
        ("CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N", 5.4, CvssVersion::V3_1), // DokuWiki reflected XSS
        ("CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N", 4.6, CvssVersion::V3_1), // iOS lock screen bypass
        ("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N", 7.4, CvssVersion::V3_1), // OpenSSL CCS injection
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H", 9.6, CvssVersion::V3_1), // Chrome sandbox escape
        ("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:N", 6.8, CvssVersion::V3_1), // Badlock
        ("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N", 5.9, CvssVersion::V3_1),
        ("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", 1.6, CvssVersion::V3_1),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0, CvssVersion::V3_1),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:N/A:N", 0.0, CvssVersion::V3_1),
        // Temporal and environmental metrics do not change the base score.
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C", 9.8, CvssVersion::V3_1),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:X/CR:H/MAV:L/MS:C/MA:N", 9.8, CvssVersion::V3_1),
        // Metrics in another order are valid ("other orderings are valid", v3.1 section 6).
        ("CVSS:3.1/S:U/AV:N/AC:L/PR:N/UI:N/A:H/I:H/C:H", 9.8, CvssVersion::V3_1),
        ("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, CvssVersion::V3_0),
        ("CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1, CvssVersion::V3_0),
        ("CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", 9.9, CvssVersion::V3_0),
        // CVSS v2 (NVD).
        ("AV:N/AC:L/Au:N/C:P/I:P/A:P", 7.5, CvssVersion::V2_0),
        ("AV:N/AC:L/Au:N/C:C/I:C/A:C", 10.0, CvssVersion::V2_0),
        ("AV:N/AC:M/Au:N/C:N/I:P/A:N", 4.3, CvssVersion::V2_0),
        ("AV:L/AC:L/Au:N/C:C/I:C/A:C", 7.2, CvssVersion::V2_0),
        ("AV:N/AC:L/Au:N/C:P/I:N/A:N", 5.0, CvssVersion::V2_0),
        ("AV:N/AC:M/Au:N/C:P/I:P/A:P", 6.8, CvssVersion::V2_0),
        ("AV:N/AC:L/Au:N/C:N/I:N/A:N", 0.0, CvssVersion::V2_0),
        ("AV:N/AC:L/Au:N/C:P/I:P/A:P/E:POC/RL:OF/RC:C", 7.5, CvssVersion::V2_0),
        ("(AV:N/AC:L/Au:N/C:P/I:P/A:P)", 7.5, CvssVersion::V2_0),
        // CVSS v4.0 (specification examples and FIRST's calculator).
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3, CvssVersion::V4_0),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", 10.0, CvssVersion::V4_0),
        ("CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 8.5, CvssVersion::V4_0),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:L/VI:L/VA:N/SC:L/SI:L/SA:N", 5.3, CvssVersion::V4_0),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", 0.0, CvssVersion::V4_0),
        // Threat metrics change a v4.0 score (CVSS-BT); supplemental metrics do not.
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U", 8.1, CvssVersion::V4_0),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:Red", 9.3, CvssVersion::V4_0),
    ];
    for (vector, expected, version) in cases {
        let s = score(vector).unwrap_or_else(|e| panic!("{vector}: {e}"));
        assert_eq!((s.base_score, s.version), (*expected, *version), "{vector}");
        assert_eq!(s.vector, vector.trim());
        assert!(s.base_score.is_sign_positive(), "{vector}: -0.0");
    }
    let padded = score("  CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\n").map(|s| (s.base_score, s.vector));
    assert_eq!(padded, Ok((9.8, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H".to_owned())));
}

#[test]
fn severities_follow_the_score() {
    let of = |v: &str| score(v).map(|s| s.severity()).unwrap_or(Severity::Untriaged);
    assert_eq!(of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"), Severity::Critical);
    assert_eq!(of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"), Severity::High);
    assert_eq!(of("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"), Severity::Medium);
    assert_eq!(of("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N"), Severity::Low);
    assert_eq!(of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N"), Severity::Informational);
    assert_eq!(of("CVSS:3.1/AV:N"), Severity::Untriaged);
    assert_eq!(severity_of(None), Severity::Untriaged);
}

#[test]
fn malformed_vectors_are_refused_with_a_reason() {
    let long = format!("CVSS:3.1/{}", "AV:N/".repeat(MAX_VECTOR_LEN));
    let cases: &[(&str, &str)] = &[
        ("", "empty"),
        ("   ", "empty"),
        (&long, "too-long"),
        ("CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "unsupported-version"),
        ("CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P", "unsupported-version"),
        ("CVSS:/AV:N", "unsupported-version"),
        ("cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "unknown-metric"),
        ("CVSS:3.1", "missing-metric"),
        ("CVSS:3.1/", "missing-metric"),
        ("CVSS:3.1/AV:N", "missing-metric"),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/", "malformed-component"),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H//", "malformed-component"),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A", "malformed-component"),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:", "malformed-component"),
        ("CVSS:3.1/AV:N:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "malformed-component"),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:N", "duplicate-metric"),
        ("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "invalid-value"),
        ("CVSS:3.1/av:n/ac:l/pr:n/ui:n/s:u/c:h/i:h/a:h", "unknown-metric"),
        ("CVSS:3.1/AV:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "invalid-value"),
        ("CVSS:3.1/AV:Ñ/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "invalid-value"),
        ("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:U/A:U", "invalid-value"), // from the npm data
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/Au:N", "unknown-metric"),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:Q", "invalid-value"),
        ("CVSS:3.1/AV:N/AC:L/AT:N/PR:N/UI:N/S:U/C:H/I:H/A:H", "unknown-metric"),
        ("AV:N/AC:L/Au:N/C:P/I:P", "missing-metric"),
        ("AV:N/AC:L/AU:N/C:P/I:P/A:P", "unknown-metric"),
        ("AV:N/AC:L/Au:N/C:P/I:P/A:H", "invalid-value"),
        ("(AV:N/AC:L/Au:N/C:P/I:P/A:P", "unknown-metric"),
        ("7.5", "malformed-component"),
        ("HIGH", "malformed-component"),
        ("CVSS:4.0/AV:N", "missing-metric"), // the cvss crate panics on this one
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N", "missing-metric"),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:red", "invalid-value"),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:R/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "invalid-value"),
        ("CVSS:4.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "invalid-value"), // S is Safety in v4.0
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MSI:S/MSI:S", "duplicate-metric"),
    ];
    for (vector, kind) in cases {
        match score(vector) {
            Ok(s) => panic!("{vector:?} scored {}", s.base_score),
            Err(e) => {
                assert_eq!(e.kind(), *kind, "{vector:?}: {e}");
                assert!(e.to_string().len() < 200, "{vector:?}: the message quotes too much: {e}");
            }
        }
    }
    assert_eq!(score("CVSS:3.1/AV:N"), Err(CvssError::MissingMetric("AC")));
}

/// Mutations of valid vectors (deleted, repeated, replaced and inserted characters, from an alphabet of vector
/// characters and a few hostile ones) never panic, and every score is in range.
#[test]
fn mutations_never_panic() {
    let seeds = [
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C/CR:H/MAV:N/MS:C",
        "CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N",
        "AV:N/AC:L/Au:N/C:P/I:P/A:P/E:POC/RL:OF/RC:C/CDP:LM/TD:H/CR:M",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A/MSI:S/U:Amber",
    ];
    let alphabet: Vec<char> = "ACDEFHILMNOPRSTUVWXYZacu:/.0123456789 ()ÑX\u{0}\u{feff}".chars().collect();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |bound: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % bound.max(1) as u64) as usize
    };
    let (mut valid, mut invalid) = (0usize, 0usize);
    for round in 0..60_000 {
        let mut chars: Vec<char> = seeds[round % seeds.len()].chars().collect();
        for _ in 0..=next(3) {
            let at = next(chars.len() + 1);
            let c = alphabet[next(alphabet.len())];
            match next(4) {
                0 if at < chars.len() => {
                    chars.remove(at);
                }
                1 if at < chars.len() => chars[at] = c,
                2 if at < chars.len() => {
                    let end = (at + next(12)).min(chars.len());
                    let piece: Vec<char> = chars[at..end].to_vec();
                    chars.splice(at..at, piece);
                }
                _ => chars.insert(at, c),
            }
        }
        let vector: String = chars.into_iter().collect();
        match score(&vector) {
            Ok(s) => {
                assert!((0.0..=10.0).contains(&s.base_score), "{vector}: {}", s.base_score);
                valid += 1;
            }
            Err(e) => {
                // Validation must stop everything the v4.0 scorer cannot take.
                assert_ne!(e.kind(), "scorer", "{vector}: {e}");
                invalid += 1;
            }
        }
    }
    println!("mutations: {valid} still valid, {invalid} refused");
    assert!(valid > 0 && invalid > 0);
}
