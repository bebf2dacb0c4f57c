//! .NET (NuGet) package formats.

mod csproj;
mod deps_json;
mod packages_config;
mod packages_lock;

pub use csproj::Csproj;
pub use deps_json::DepsJson;
pub use packages_config::PackagesConfig;
pub use packages_lock::PackagesLock;
