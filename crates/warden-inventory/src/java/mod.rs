//! Java (Maven) package formats.

mod archive;
mod gradle_lockfile;
mod pom_xml;
pub(crate) mod shared_interpolate;
pub(crate) mod shared_range;
pub(crate) mod shared_xml;

pub use archive::JavaArchive;
pub use gradle_lockfile::GradleLockfile;
pub use pom_xml::PomXml;
