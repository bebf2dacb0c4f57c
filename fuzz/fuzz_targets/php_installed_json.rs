#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| warden_fuzz::extract("php/installed-json", "/var/task/vendor/composer/installed.json", data));
