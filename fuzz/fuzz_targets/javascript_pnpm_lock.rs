#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| warden_fuzz::extract("javascript/pnpm-lock", "/var/task/pnpm-lock.yaml", data));
