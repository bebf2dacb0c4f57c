#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| warden_fuzz::extract("dotnet/packages-config", "/var/task/packages.config", data));
