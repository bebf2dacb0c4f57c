use crate::{Ecosystem, PackageManager, purl};
use serde::{Deserialize, Serialize};

/// One third-party package found in a function or layer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Package {
    pub ecosystem: Ecosystem,
    /// The name as published (`Jinja2`, `@babel/core`, `org.slf4j:slf4j-api`, `golang.org/x/net`).
    pub name: String,
    /// The exact version, or empty when the source does not pin one (see `constraint`).
    pub version: String,
    pub purl: String,
    pub package_manager: PackageManager,
    /// Where it was found, as the function sees it (`/var/task/…`, `/opt/…`); a file inside an archive is named
    /// through it: `/var/task/lib/app.jar!/BOOT-INF/lib/x.jar`.
    pub file_path: String,
    /// The layer it came from (its version ARN, or the file or directory it was given as); absent for the function.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layer: Option<String>,
    /// A development-only dependency, where the format says so.
    pub dev: bool,
    /// The requirement as written when no exact version is pinned (`>=2.0`, `*`, a git URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub constraint: Option<String>,
    /// Which extractor found it (`python/dist-info`).
    pub extractor: String,
    /// Every other place the same package was described (a lockfile beside installed metadata, copies).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_found_in: Vec<String>,
}

impl Package {
    /// A package with its purl filled in; location, layer and extractor are set by the pipeline.
    pub fn new(
        ecosystem: Ecosystem,
        name: impl Into<String>,
        version: impl Into<String>,
        package_manager: PackageManager,
    ) -> Self {
        let name = name.into();
        let version = version.into();
        Package {
            purl: purl(ecosystem, &name, &version),
            ecosystem,
            name,
            version,
            package_manager,
            file_path: String::new(),
            layer: None,
            dev: false,
            constraint: None,
            extractor: String::new(),
            also_found_in: Vec::new(),
        }
    }

    pub fn dev(mut self, dev: bool) -> Self {
        self.dev = dev;
        self
    }

    pub fn constraint(mut self, constraint: impl Into<String>) -> Self {
        self.constraint = Some(constraint.into());
        self
    }
}
