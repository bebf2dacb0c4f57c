#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| warden_fuzz::extract("javascript/bun-lock", "/var/task/bun.lock", data));
