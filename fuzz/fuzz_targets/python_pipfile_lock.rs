#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| warden_fuzz::extract("python/pipfile-lock", "/var/task/Pipfile.lock", data));
