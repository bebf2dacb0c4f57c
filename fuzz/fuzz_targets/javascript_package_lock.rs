#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| warden_fuzz::extract("javascript/package-lock", "/var/task/package-lock.json", data));
