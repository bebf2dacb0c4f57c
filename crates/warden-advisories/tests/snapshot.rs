//! The whole shared snapshot (`../shared/osv/<Ecosystem>/all.zip`, every ecosystem): it loads without a panic,
//! counts per ecosystem match the data, every problem is counted and printed, and spot checks of well-known
//! vulnerable versions give exactly the advisory ids the data says (looked up in the zips), while their fixed
//! versions match none of them. Withdrawn advisories never match.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::OnceLock;

use warden_advisories::{Ecosystem, Evidence, Index, LoadStats, MatchOutcome, NameMatch, ProblemKind, load};

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn snapshot() -> &'static (Index, LoadStats) {
    static SNAPSHOT: OnceLock<(Index, LoadStats)> = OnceLock::new();
    SNAPSHOT.get_or_init(|| {
        let loaded = load(&shared().join("osv")).expect("the shared snapshot loads");
        (Index::new(loaded.advisories), loaded.stats)
    })
}

/// The ids of the advisories that affect `name` at `version` (undecidable ones fail the test: the snapshot has none
/// for these packages).
fn ids(eco: Ecosystem, name: &str, version: &str) -> BTreeSet<String> {
    let (index, _) = snapshot();
    index
        .affected(eco, name, version)
        .into_iter()
        .map(|m| {
            assert!(m.is_affected(), "{eco} {name} {version}: {m}");
            m.id().to_string()
        })
        .collect()
}

fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

#[test]
fn loads_every_ecosystem_and_counts_problems() {
    let (index, stats) = snapshot();
    println!("{stats}");
    assert_eq!(stats.documents, 9_841);
    assert_eq!(stats.advisories, 9_841);
    assert_eq!(index.len(), 9_841);
    let counts: Vec<(&str, usize, usize, usize)> =
        stats.ecosystems.iter().map(|(eco, s)| (eco.as_str(), s.advisories, s.entries, s.withdrawn)).collect();
    // Advisories with an entry of the ecosystem (the Maven sample's protobuf advisories also name the RubyGems
    // gem), affected entries, withdrawn; as counted with Python over the zips.
    assert_eq!(
        counts,
        [
            ("Go", 4_291, 6_125, 17),
            ("Maven", 26, 80, 0),
            ("NuGet", 7, 52, 0),
            ("PyPI", 2_661, 2_661, 10),
            ("RubyGems", 1_170, 1_226, 0),
            ("crates.io", 1_206, 1_206, 13),
            ("npm", 482, 491, 0),
        ]
    );
    // The snapshot's only data problems: three npm names with capitals (Axios, Morris.js, jQuery), and one entry
    // with neither ranges nor versions, in an advisory that was withdrawn (so it never matters); no document, range
    // or version that cannot be read.
    assert_eq!(stats.count(ProblemKind::NonCanonicalName), 3);
    assert_eq!(stats.gaps(), 1, "{stats}");
    let gap = stats.examples.iter().find(|p| p.kind.is_gap()).expect("the one gap");
    assert_eq!((gap.kind, gap.advisory.as_str()), (ProblemKind::MalformedEntry, "PYSEC-2022-15"));
    assert!(index.get("PYSEC-2022-15").is_some_and(|a| a.is_withdrawn()));
    assert_eq!(stats.count(ProblemKind::UnknownEcosystem), 0);
}

#[test]
fn python_spot_checks() {
    // PyYAML 5.3: CVE-2020-1747 is PYSEC-2020-96 (fixed 5.3.1); CVE-2020-14343 is PYSEC-2021-142 (fixed 5.4).
    assert_eq!(ids(Ecosystem::PyPI, "PyYAML", "5.3"), set(&["PYSEC-2020-96", "PYSEC-2021-142"]));
    assert_eq!(ids(Ecosystem::PyPI, "pyyaml", "5.3.1"), set(&["PYSEC-2021-142"]));
    assert!(ids(Ecosystem::PyPI, "PyYAML", "5.4").is_empty());
    let (index, _) = snapshot();
    let m = index.affected(Ecosystem::PyPI, "PyYAML", "5.3");
    let cve_2020_1747 = m.iter().find(|m| m.id() == "PYSEC-2020-96").expect("PYSEC-2020-96");
    assert_eq!(cve_2020_1747.fixed_in(), Some("5.3.1"));
    assert!(
        matches!(&cve_2020_1747.outcome, MatchOutcome::Affected { evidence: Evidence::Listed { version }, .. } if *version == "5.3")
    );
    assert!(index.get("PYSEC-2020-96").is_some_and(|a| a.aliases.iter().any(|a| a == "CVE-2020-1747")));

    // Jinja2 2.10: CVE-2019-10906 (PYSEC-2019-217, fixed 2.10.1), CVE-2020-28493 (PYSEC-2021-66, fixed 2.11.3).
    assert_eq!(ids(Ecosystem::PyPI, "Jinja2", "2.10"), set(&["PYSEC-2019-217", "PYSEC-2021-66"]));
    assert_eq!(ids(Ecosystem::PyPI, "jinja2", "2.10.1"), set(&["PYSEC-2021-66"]));
    assert!(ids(Ecosystem::PyPI, "jinja2", "2.11.3").is_empty());

    // urllib3 1.24.1.
    assert_eq!(
        ids(Ecosystem::PyPI, "urllib3", "1.24.1"),
        set(&[
            "PYSEC-2019-132",
            "PYSEC-2019-133",
            "PYSEC-2020-148",
            "PYSEC-2021-108",
            "PYSEC-2023-192",
            "PYSEC-2023-207",
            "PYSEC-2023-212",
        ])
    );
    assert!(ids(Ecosystem::PyPI, "urllib3", "1.26.18").is_empty());

    // requests 2.19.0: CVE-2018-18074 (PYSEC-2018-28, fixed 2.20.0), CVE-2023-32681 (PYSEC-2023-74, fixed 2.31.0).
    assert_eq!(ids(Ecosystem::PyPI, "requests", "2.19.0"), set(&["PYSEC-2018-28", "PYSEC-2023-74"]));
    assert_eq!(ids(Ecosystem::PyPI, "requests", "2.20.0"), set(&["PYSEC-2023-74"]));
    assert!(ids(Ecosystem::PyPI, "requests", "2.31.0").is_empty());
}

#[test]
fn npm_spot_checks() {
    // lodash 4.17.15: prototype pollution (GHSA-p6mc-m468-83gw, fixed 4.17.20; NSWG-ECO-516 lists 4.17.15 to
    // 4.17.19 for the same flaw without an alias link) and command injection (GHSA-35jh-r3h4-6jhm, fixed 4.17.21).
    assert_eq!(
        ids(Ecosystem::Npm, "lodash", "4.17.15"),
        set(&["GHSA-35jh-r3h4-6jhm", "GHSA-p6mc-m468-83gw", "NSWG-ECO-516"])
    );
    assert!(ids(Ecosystem::Npm, "lodash", "4.17.21").is_empty());
    // minimist 1.2.0: GHSA-xvch-5gv4-984h (two ranges: < 0.2.4, and 1.0.0 to < 1.2.6).
    assert_eq!(ids(Ecosystem::Npm, "minimist", "1.2.0"), set(&["GHSA-xvch-5gv4-984h"]));
    assert_eq!(ids(Ecosystem::Npm, "minimist", "0.2.3"), set(&["GHSA-xvch-5gv4-984h"]));
    assert!(ids(Ecosystem::Npm, "minimist", "1.2.6").is_empty());
    assert!(ids(Ecosystem::Npm, "minimist", "0.2.4").is_empty());
    let (index, _) = snapshot();
    let m = index.affected(Ecosystem::Npm, "minimist", "1.2.0");
    assert_eq!(m[0].fixed_in(), Some("1.2.6"));
    // GHSA-8hc4-vh64-cxmj names the package `Axios`: matched against `axios`, and said so.
    let axios = index.affected(Ecosystem::Npm, "axios", "1.7.3");
    let m = axios.iter().find(|m| m.id() == "GHSA-8hc4-vh64-cxmj").expect("the Axios advisory");
    assert_eq!(m.name_match, NameMatch::CaseFolded);
    assert!(index.affected(Ecosystem::Npm, "axios", "1.7.4").iter().all(|m| m.id() != "GHSA-8hc4-vh64-cxmj"));
}

#[test]
fn go_spot_checks() {
    // golang.org/x/net v0.7.0 (Go's `v` prefix as in go.mod and build info).
    let v070 = [
        "GO-2023-1988",
        "GO-2023-2102",
        "GO-2024-2687",
        "GO-2024-3333",
        "GO-2025-3503",
        "GO-2025-3595",
        "GO-2026-4440",
        "GO-2026-4441",
        "GO-2026-4918",
        "GO-2026-5025",
        "GO-2026-5026",
        "GO-2026-5027",
        "GO-2026-5028",
        "GO-2026-5029",
        "GO-2026-5030",
        "GO-2026-5942",
    ];
    assert_eq!(ids(Ecosystem::Go, "golang.org/x/net", "v0.7.0"), set(&v070));
    // A pseudo-version from July 2022: also the advisories fixed by later pseudo-versions and by 0.4.0 / 0.7.0.
    let mut pseudo = set(&v070);
    pseudo.extend(set(&["GO-2022-0969", "GO-2022-1144", "GO-2023-1495", "GO-2023-1571"]));
    assert_eq!(ids(Ecosystem::Go, "golang.org/x/net", "v0.0.0-20220722155237-a158d28d115b"), pseudo);
    // GO-2022-0969 is fixed in the pseudo-version 0.0.0-20220906165146-f3363e06e74c.
    let fixed = ids(Ecosystem::Go, "golang.org/x/net", "v0.0.0-20220906165146-f3363e06e74c");
    assert!(!fixed.contains("GO-2022-0969") && fixed.contains("GO-2023-1571"));
    // The standard library at the toolchain version of a binary (`stdlib`, as the inventory reports it).
    let stdlib = ids(Ecosystem::Go, "stdlib", "1.22.4");
    assert_eq!(stdlib.len(), 59);
    assert!(stdlib.contains("GO-2024-2963") && !stdlib.contains("GO-2024-2888"), "GO-2024-2888 is fixed in 1.22.4");
    assert_eq!(ids(Ecosystem::Go, "stdlib", "1.20.1").len(), 84);
    assert_eq!(ids(Ecosystem::Go, "stdlib", "go1.20.1").len(), 84);
}

#[test]
fn other_ecosystem_spot_checks() {
    // Log4Shell: three entries for log4j-core; 2.14.1 falls in the 2.13.0–2.15.0 one.
    let (index, _) = snapshot();
    let log4j = index.affected(Ecosystem::Maven, "org.apache.logging.log4j:log4j-core", "2.14.1");
    let shell = log4j.iter().find(|m| m.id() == "GHSA-jfh8-c2jp-5v3q").expect("Log4Shell");
    assert_eq!(shell.fixed_in(), Some("2.15.0"));
    assert!(ids(Ecosystem::Maven, "org.apache.logging.log4j:log4j-core", "2.17.1").is_empty());
    // NuGet ids are case-insensitive.
    assert_eq!(ids(Ecosystem::NuGet, "newtonsoft.json", "12.0.3"), set(&["GHSA-5crp-9r3c-p9vr"]));
    assert!(ids(Ecosystem::NuGet, "Newtonsoft.Json", "13.0.1").is_empty());
}

#[test]
fn withdrawn_advisories_never_match() {
    let (index, _) = snapshot();
    let withdrawn: Vec<_> = index.advisories().iter().filter(|a| a.is_withdrawn()).collect();
    assert_eq!(withdrawn.len(), 40);
    // Every withdrawn advisory, asked about each of its packages at a version it would otherwise cover.
    for advisory in withdrawn {
        for entry in &advisory.affected {
            let versions: Vec<String> = entry
                .versions
                .iter()
                .map(str::to_string)
                .chain(entry.ranges.iter().filter_map(|r| match r {
                    warden_advisories::Range::Ordered(r) => {
                        r.events().iter().find(|e| e.raw != "0").map(|e| e.raw.clone())
                    }
                    _ => None,
                }))
                .collect();
            for version in versions {
                let found = index.affected(entry.ecosystem, &entry.name, &version);
                assert!(
                    found.iter().all(|m| m.id() != advisory.id.as_str()),
                    "{} matched {} {version}",
                    advisory.id,
                    entry.name
                );
            }
        }
    }
    assert!(ids(Ecosystem::PyPI, "redis", "0.6.0").iter().all(|id| id != "PYSEC-2023-73"));
}
