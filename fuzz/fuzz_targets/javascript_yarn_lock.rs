#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| warden_fuzz::extract("javascript/yarn-lock", "/var/task/yarn.lock", data));
