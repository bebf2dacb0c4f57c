#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| warden_fuzz::extract("go/go-mod", "/var/task/go.mod", data));
