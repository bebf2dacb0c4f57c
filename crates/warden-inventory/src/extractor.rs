use warden_artifact::{ArtifactError, Budget, Limits};
use warden_core::Package;

/// What an extractor may look at to decide, cheaply, whether it wants a file.
#[derive(Debug, Clone, Copy)]
pub struct FileInfo<'a> {
    /// The path the function sees (`/var/task/node_modules/a/package.json`).
    pub path: &'a str,
    pub size: u64,
    pub executable: bool,
}

impl FileInfo<'_> {
    /// The last path component.
    pub fn file_name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or(self.path)
    }
}

/// One file handed to an extractor.
pub struct Input<'a> {
    /// The path the function sees; packages found are attributed to it unless the extractor names an inner path.
    pub path: &'a str,
    pub bytes: &'a [u8],
    /// Whether another file exists at an absolute path of the same view (`npm-shrinkwrap.json` beside
    /// `package-lock.json`, say).
    pub exists: &'a (dyn Fn(&str) -> bool + Sync),
    /// The artifact's budget, for extractors that open archives inside this file.
    pub budget: &'a Budget,
    /// Nesting depth of the archive this file lives in (0: the deployment package itself).
    pub depth: u32,
}

impl std::fmt::Debug for Input<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Input").field("path", &self.path).field("len", &self.bytes.len()).finish()
    }
}

impl<'a> Input<'a> {
    /// An input outside any artifact (tests, fuzzing, one-off use): no siblings, default limits.
    pub fn standalone(path: &'a str, bytes: &'a [u8], budget: &'a Budget) -> Self {
        Input { path, bytes, exists: &|_| false, budget, depth: 0 }
    }

    /// A budget with default limits, for [`Input::standalone`].
    pub fn default_budget() -> Budget {
        Budget::new(Limits::default())
    }

    /// The directory holding this file, without a trailing slash.
    pub fn dir(&self) -> &str {
        self.path.rsplit_once('/').map_or("", |(dir, _)| dir)
    }
}

const MAX_MESSAGE: usize = 500;

/// Why an extractor could not read a file.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// The file is malformed; it becomes a file error in the scan result and its packages are missing.
    #[error("{0}")]
    Parse(String),
    /// Part of the file could not be read (a broken jar inside a fat jar): the packages read from the rest count, and
    /// the message becomes a file error.
    #[error("{message}")]
    Partial { packages: Vec<Package>, message: String },
    /// An archive inside the file broke a limit: the whole artifact is refused.
    #[error(transparent)]
    Artifact(#[from] ArtifactError),
}

impl ExtractError {
    /// A parse error; the message is cut to 500 characters (parser errors may quote a hostile file's long line).
    pub fn parse(message: impl std::fmt::Display) -> Self {
        let mut message = message.to_string();
        if message.len() > MAX_MESSAGE {
            let mut cut = MAX_MESSAGE;
            while !message.is_char_boundary(cut) {
                cut -= 1;
            }
            message.truncate(cut);
            message.push('…');
        }
        ExtractError::Parse(message)
    }
}

/// A package format. `wants` is a cheap filter on the path; `extract` is pure and can be used without the pipeline.
pub trait Extractor: Send + Sync {
    /// Stable id, `<language>/<format>` (`python/dist-info`).
    fn id(&self) -> &'static str;
    /// Bumped whenever what the extractor finds changes (cached results are keyed by it).
    fn version(&self) -> u32;
    fn wants(&self, file: &FileInfo) -> bool;
    fn extract(&self, input: &Input) -> Result<Vec<Package>, ExtractError>;
}
