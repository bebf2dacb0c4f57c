#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| warden_fuzz::extract("go/binary", "/var/task/bootstrap", data));
