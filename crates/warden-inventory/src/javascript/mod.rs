//! Node.js (npm) package formats.

mod bun_lock;
mod node_modules;
mod package_lock;
mod pnpm_lock;
mod shared_jsonc;
mod shared_npm;
mod yarn_lock;

pub use bun_lock::BunLock;
pub use node_modules::NodeModules;
pub use package_lock::PackageLock;
pub use pnpm_lock::PnpmLock;
pub use yarn_lock::YarnLock;
