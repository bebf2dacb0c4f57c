#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| warden_fuzz::extract("python/egg-info", "/var/task/x.egg-info/PKG-INFO", data));
