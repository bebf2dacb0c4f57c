#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| warden_fuzz::extract("python/dist-info", "/var/task/x-1.0.dist-info/METADATA", data));
