#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| warden_fuzz::extract("java/archive", "/var/task/lib/x.jar", data));
