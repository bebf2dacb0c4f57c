//! Go package formats.

mod binary;
mod go_mod;
pub(crate) mod shared_binary;
mod shared_module;

pub use binary::GoBinary;
pub use go_mod::GoMod;
