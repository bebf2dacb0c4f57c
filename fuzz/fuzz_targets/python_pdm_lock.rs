#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| warden_fuzz::extract("python/pdm-lock", "/var/task/pdm.lock", data));
