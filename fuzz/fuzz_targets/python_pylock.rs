#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| warden_fuzz::extract("python/pylock", "/var/task/pylock.toml", data));
