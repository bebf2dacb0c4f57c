#![no_main]
//! An OSV document from an untrusted feed: parse, validate, index, and match every package it names against a few
//! versions (its own listed and range versions included).
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(osv) = warden_advisories::osv::Osv::parse(data) else { return };
    let Some(advisory) = warden_advisories::validate::validate(osv, None).advisory else { return };
    let queries: Vec<_> = advisory.affected.iter().map(|a| (a.ecosystem, a.name.clone())).collect();
    let index = warden_advisories::Index::new(vec![advisory]);
    for (ecosystem, name) in queries {
        for version in ["0", "1.0.0", "2.3.4-rc.1", "v1.2", "1.0.post1", "0.0.0-20220715151400-c0bba94af5f8"] {
            let _ = index.affected(ecosystem, &name, version);
        }
    }
});
