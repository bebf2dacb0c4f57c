//! Advisory data is untrusted: documents cut at every byte, with bytes flipped, or with values of the wrong shape
//! are read, validated, indexed and matched without a panic, and what cannot be read never turns into "not
//! affected" for a package the document names.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use warden_advisories::osv::Osv;
use warden_advisories::validate::validate;
use warden_advisories::{Ecosystem, Index, MatchOutcome, ProblemKind, Undecidable};

const DOC: &str = r#"{"id":"H-1","modified":"2024-01-01T00:00:00Z","published":"2023-01-01T00:00:00Z",
  "aliases":["CVE-2024-0001"],"summary":"s","details":"d",
  "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
  "affected":[
    {"package":{"ecosystem":"PyPI","name":"Some_Pkg"},"versions":["1.0","1.1"],
     "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.2"}]},
               {"type":"GIT","repo":"https://example.com/r","events":[{"introduced":"0"},{"fixed":"abc"}]}]},
    {"package":{"ecosystem":"npm","name":"@scope/pkg"},
     "ranges":[{"type":"SEMVER","events":[{"introduced":"1.0.0"},{"last_affected":"1.4.0"},{"limit":"2.0.0"}]}]},
    {"package":{"ecosystem":"Go","name":"example.com/mod"},
     "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"0.0.0-20220906165146-f3363e06e74c"}]}]}],
  "references":[{"type":"WEB","url":"https://example.com"}],"database_specific":{"k":[1,{"x":null}]}}"#;

fn exercise(bytes: &[u8]) {
    let Ok(osv) = Osv::parse(bytes) else { return };
    let validated = validate(osv, Some("PyPI"));
    let index = Index::new(validated.advisory.into_iter().collect());
    for (eco, name) in
        [(Ecosystem::PyPI, "some-pkg"), (Ecosystem::Npm, "@scope/pkg"), (Ecosystem::Go, "example.com/mod")]
    {
        for version in ["0.1", "1.0", "1.3.0", "v0.0.0-20220101000000-abcdefabcdef", "", "ü", "1 2"] {
            for m in index.affected(eco, name, version) {
                let _ = m.to_string();
            }
        }
    }
}

#[test]
fn cut_documents_never_panic() {
    for cut in 0..DOC.len() {
        exercise(&DOC.as_bytes()[..cut]);
    }
}

#[test]
fn flipped_bytes_never_panic() {
    for at in 0..DOC.len() {
        for flip in [0x01u8, 0x20, 0x80] {
            let mut bytes = DOC.as_bytes().to_vec();
            bytes[at] ^= flip;
            exercise(&bytes);
        }
    }
}

#[test]
fn a_malformed_document_still_names_its_packages() {
    // `versions` holds numbers: not valid OSV. The packages are recovered and reported as "could not evaluate".
    let doc = DOC.replace(r#""versions":["1.0","1.1"]"#, r#""versions":[1.0,1.1]"#);
    let validated = validate(Osv::parse(doc.as_bytes()).unwrap(), None);
    assert!(validated.problems.iter().any(|p| p.kind == ProblemKind::MalformedDocument));
    let index = Index::new(validated.advisory.into_iter().collect());
    let m = index.affected(Ecosystem::PyPI, "Some-Pkg", "9.9");
    assert_eq!(m.len(), 1);
    assert!(matches!(m[0].outcome, MatchOutcome::Undecidable { reason: Undecidable::Range { .. } }), "{}", m[0]);
    assert!(m[0].to_string().contains("not valid OSV"), "{}", m[0]);
    assert_eq!(index.affected(Ecosystem::Npm, "@scope/pkg", "1.2.0").len(), 1);
}

#[test]
fn hostile_values_are_refused_quickly() {
    let long = "9".repeat(100_000);
    let doc = DOC.replace(r#"{"fixed":"1.2"}"#, &format!(r#"{{"fixed":"{long}"}}"#));
    let validated = validate(Osv::parse(doc.as_bytes()).unwrap(), None);
    assert!(validated.problems.iter().any(|p| p.kind == ProblemKind::UnparsableVersion));
    // The list still decides for the PyPI entry up to its highest version; above it, the unreadable range might
    // have gone on, so that is undecidable. The npm and Go entries are untouched.
    let index = Index::new(validated.advisory.into_iter().collect());
    assert!(index.affected(Ecosystem::PyPI, "some_pkg", "1.0")[0].is_affected());
    assert!(index.affected(Ecosystem::PyPI, "some_pkg", "0.5").is_empty());
    let above = index.affected(Ecosystem::PyPI, "some_pkg", "1.3");
    assert!(matches!(above[0].outcome, MatchOutcome::Undecidable { reason: Undecidable::Range { range: 0, .. } }));
    assert!(index.affected(Ecosystem::Npm, "@scope/pkg", "1.4.0")[0].is_affected());
}
