#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| warden_fuzz::extract("python/requirements", "/var/task/requirements.txt", data));
