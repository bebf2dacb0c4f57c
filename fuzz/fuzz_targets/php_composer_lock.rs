#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| warden_fuzz::extract("php/composer-lock", "/var/task/composer.lock", data));
