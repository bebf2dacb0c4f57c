#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| warden_fuzz::extract("ruby/gemspec", "/opt/ruby/gems/3.3.0/specifications/x-1.0.gemspec", data));
