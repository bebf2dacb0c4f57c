#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| warden_fuzz::extract("ruby/gemfile-lock", "/var/task/Gemfile.lock", data));
