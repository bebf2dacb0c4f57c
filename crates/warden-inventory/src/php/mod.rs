//! PHP (Packagist) package formats.

mod composer_lock;
mod installed_json;
mod shared_composer;

pub use composer_lock::ComposerLock;
pub use installed_json::InstalledJson;
