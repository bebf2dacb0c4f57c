//! Python (PyPI) package formats.

mod dist_info;
mod egg_info;
mod pdm_lock;
mod pipfile_lock;
mod poetry_lock;
mod pylock;
mod requirements;
mod shared_lock;
mod shared_metadata;
mod uv_lock;

pub use dist_info::DistInfo;
pub use egg_info::EggInfo;
pub use pdm_lock::PdmLock;
pub use pipfile_lock::PipfileLock;
pub use poetry_lock::PoetryLock;
pub use pylock::Pylock;
pub use requirements::Requirements;
pub use uv_lock::UvLock;
