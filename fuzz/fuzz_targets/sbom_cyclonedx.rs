#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = warden_scan::sbom::parse(data, "fuzz.json");
});
