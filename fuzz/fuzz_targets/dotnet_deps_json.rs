#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| warden_fuzz::extract("dotnet/deps-json", "/var/task/app.deps.json", data));
