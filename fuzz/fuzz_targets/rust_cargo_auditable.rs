#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| warden_fuzz::extract("rust/cargo-auditable", "/var/task/bootstrap", data));
