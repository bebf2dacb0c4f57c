#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| warden_fuzz::extract("python/poetry-lock", "/var/task/poetry.lock", data));
