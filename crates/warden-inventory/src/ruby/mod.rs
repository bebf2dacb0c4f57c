//! Ruby (RubyGems) package formats.

mod gemfile_lock;
mod gemspec;

pub use gemfile_lock::GemfileLock;
pub use gemspec::Gemspec;
