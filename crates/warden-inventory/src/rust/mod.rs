//! Rust (crates.io) package formats.

mod cargo_auditable;
mod cargo_lock;

pub use cargo_auditable::CargoAuditable;
pub use cargo_lock::CargoLock;
