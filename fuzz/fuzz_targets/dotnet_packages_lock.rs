#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| warden_fuzz::extract("dotnet/packages-lock", "/var/task/packages.lock.json", data));
