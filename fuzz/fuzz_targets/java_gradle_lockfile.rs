#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| warden_fuzz::extract("java/gradle-lockfile", "/var/task/gradle.lockfile", data));
