//! Go package formats.

mod binary;
mod go_mod;

pub use binary::GoBinary;
pub use go_mod::GoMod;
