//! The function and its layers merged into the one file tree the function sees at run time.

use crate::dir_source::{self, DirFile};
use crate::safe_path::mount_path;
use crate::{Archive, ArchiveEntry, ArtifactError, Budget, Limits, ReadError};
use std::collections::HashMap;
use std::path::PathBuf;

/// Where a source is mounted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mount {
    /// The deployment package, at `/var/task`.
    Function,
    /// A layer, at `/opt`.
    Layer,
}

impl Mount {
    pub fn root(self) -> &'static str {
        match self {
            Mount::Function => "/var/task",
            Mount::Layer => "/opt",
        }
    }
}

/// One input: a `.zip` (or `.jar`) deployment package, or a directory holding an unpacked one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceSpec {
    pub path: PathBuf,
    pub mount: Mount,
    /// How packages from it are attributed: the layer version ARN, or the file as given. `None` for the function.
    pub label: Option<String>,
}

impl SourceSpec {
    pub fn function(path: impl Into<PathBuf>) -> Self {
        SourceSpec { path: path.into(), mount: Mount::Function, label: None }
    }

    /// A layer from a command-line argument: `deps.zip`, or `arn:aws:lambda:…:layer:name:3=deps.zip`.
    pub fn layer(arg: &str) -> Self {
        match arg.strip_prefix("arn:").and_then(|_| arg.rsplit_once('=')) {
            Some((arn, path)) => {
                SourceSpec { path: PathBuf::from(path), mount: Mount::Layer, label: Some(arn.to_string()) }
            }
            None => SourceSpec { path: PathBuf::from(arg), mount: Mount::Layer, label: Some(arg.to_string()) },
        }
    }
}

/// A file in the merged view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The path the function sees: `/var/task/app.py`, `/opt/python/…`.
    pub path: String,
    pub size: u64,
    pub executable: bool,
    /// The layer it comes from (see [`SourceSpec::label`]).
    pub layer: Option<String>,
    source: usize,
    locator: Locator,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Locator {
    Zip(ArchiveEntry),
    Dir(PathBuf),
}

#[derive(Debug, Clone)]
enum Loaded {
    Zip(Archive),
    Dir,
}

/// The whole artifact: every source opened and checked, files merged with later layers hiding earlier ones.
#[derive(Debug)]
pub struct Artifact {
    sources: Vec<Loaded>,
    entries: Vec<Entry>,
    budget: Budget,
}

impl Artifact {
    /// Opens and checks every source. Any hostile or corrupt input refuses the whole artifact.
    pub fn open(specs: &[SourceSpec], limits: Limits) -> Result<Self, ArtifactError> {
        let budget = Budget::new(limits);
        let mut sources = Vec::with_capacity(specs.len());
        let mut by_path: HashMap<String, Entry> = HashMap::new();
        for (source, spec) in specs.iter().enumerate() {
            let display = spec.path.display().to_string();
            let root = spec.mount.root();
            if spec.path.is_dir() {
                for DirFile { relative, full, size, executable } in dir_source::list(&spec.path, &display, &budget)? {
                    let path = mount_path(root, &relative);
                    let locator = Locator::Dir(full);
                    by_path.insert(
                        path.clone(),
                        Entry { path, size, executable, layer: spec.label.clone(), source, locator },
                    );
                }
                sources.push(Loaded::Dir);
            } else {
                let archive = Archive::open_file(&spec.path, &display, &budget)?;
                for e in archive.entries() {
                    let path = mount_path(root, &e.name);
                    let entry = Entry {
                        path: path.clone(),
                        size: e.size,
                        executable: e.executable,
                        layer: spec.label.clone(),
                        source,
                        locator: Locator::Zip(e.clone()),
                    };
                    by_path.insert(path, entry);
                }
                sources.push(Loaded::Zip(archive));
            }
        }
        let mut entries: Vec<Entry> = by_path.into_values().collect();
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(Artifact { sources, entries, budget })
    }

    /// Every file the function sees, sorted by path.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn budget(&self) -> &Budget {
        &self.budget
    }

    /// A reader for one thread; open as many as there are threads.
    pub fn reader(&self) -> Reader {
        Reader { sources: self.sources.clone(), budget: self.budget.clone() }
    }
}

/// Reads files of an [`Artifact`]; each thread holds its own.
#[derive(Debug)]
pub struct Reader {
    sources: Vec<Loaded>,
    budget: Budget,
}

impl Reader {
    /// The bytes of one file, charged to the artifact's budget.
    pub fn read(&mut self, entry: &Entry) -> Result<Vec<u8>, ReadError> {
        match (&entry.locator, self.sources.get_mut(entry.source)) {
            (Locator::Zip(e), Some(Loaded::Zip(archive))) => archive.read(e),
            (Locator::Dir(full), Some(Loaded::Dir)) => dir_source::read(full, &entry.path, entry.size, &self.budget),
            _ => Err(ReadError::File("internal: entry does not belong to this artifact".to_string())),
        }
    }
}
