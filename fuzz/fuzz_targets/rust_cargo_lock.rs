#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| warden_fuzz::extract("rust/cargo-lock", "/var/task/Cargo.lock", data));
