#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| warden_fuzz::extract("dotnet/csproj", "/var/task/app.csproj", data));
