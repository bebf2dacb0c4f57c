#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| warden_fuzz::extract("python/uv-lock", "/var/task/uv.lock", data));
