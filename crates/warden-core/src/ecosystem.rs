use serde::{Deserialize, Serialize};
use std::fmt;

/// A package ecosystem, named as OSV names it (`PyPI`, `npm`, `crates.io`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Ecosystem {
    #[serde(rename = "PyPI")]
    PyPI,
    #[serde(rename = "npm")]
    Npm,
    #[serde(rename = "Maven")]
    Maven,
    #[serde(rename = "Go")]
    Go,
    #[serde(rename = "NuGet")]
    NuGet,
    #[serde(rename = "RubyGems")]
    RubyGems,
    #[serde(rename = "crates.io")]
    CratesIo,
    #[serde(rename = "Packagist")]
    Packagist,
}

impl Ecosystem {
    pub const ALL: [Ecosystem; 8] = [
        Ecosystem::PyPI,
        Ecosystem::Npm,
        Ecosystem::Maven,
        Ecosystem::Go,
        Ecosystem::NuGet,
        Ecosystem::RubyGems,
        Ecosystem::CratesIo,
        Ecosystem::Packagist,
    ];

    /// The OSV name of the ecosystem.
    pub fn as_str(self) -> &'static str {
        match self {
            Ecosystem::PyPI => "PyPI",
            Ecosystem::Npm => "npm",
            Ecosystem::Maven => "Maven",
            Ecosystem::Go => "Go",
            Ecosystem::NuGet => "NuGet",
            Ecosystem::RubyGems => "RubyGems",
            Ecosystem::CratesIo => "crates.io",
            Ecosystem::Packagist => "Packagist",
        }
    }

    /// The package-url type (`pkg:<type>/…`).
    pub fn purl_type(self) -> &'static str {
        match self {
            Ecosystem::PyPI => "pypi",
            Ecosystem::Npm => "npm",
            Ecosystem::Maven => "maven",
            Ecosystem::Go => "golang",
            Ecosystem::NuGet => "nuget",
            Ecosystem::RubyGems => "gem",
            Ecosystem::CratesIo => "cargo",
            Ecosystem::Packagist => "composer",
        }
    }
}

impl fmt::Display for Ecosystem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Inspector's `packageManager` values: which kind of file described the package.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PackageManager {
    Pip,
    Pipenv,
    Poetry,
    Pythonpkg,
    Npm,
    Yarn,
    Nodepkg,
    Jar,
    Pom,
    Gobinary,
    Gomod,
    DotnetCore,
    Nuget,
    Bundler,
    Gemspec,
    Cargo,
    Composer,
}

impl PackageManager {
    pub fn as_str(self) -> &'static str {
        match self {
            PackageManager::Pip => "PIP",
            PackageManager::Pipenv => "PIPENV",
            PackageManager::Poetry => "POETRY",
            PackageManager::Pythonpkg => "PYTHONPKG",
            PackageManager::Npm => "NPM",
            PackageManager::Yarn => "YARN",
            PackageManager::Nodepkg => "NODEPKG",
            PackageManager::Jar => "JAR",
            PackageManager::Pom => "POM",
            PackageManager::Gobinary => "GOBINARY",
            PackageManager::Gomod => "GOMOD",
            PackageManager::DotnetCore => "DOTNET_CORE",
            PackageManager::Nuget => "NUGET",
            PackageManager::Bundler => "BUNDLER",
            PackageManager::Gemspec => "GEMSPEC",
            PackageManager::Cargo => "CARGO",
            PackageManager::Composer => "COMPOSER",
        }
    }
}

impl fmt::Display for PackageManager {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_purl_types_are_distinct() {
        let mut names: Vec<_> = Ecosystem::ALL.iter().map(|e| e.as_str()).collect();
        let mut types: Vec<_> = Ecosystem::ALL.iter().map(|e| e.purl_type()).collect();
        names.sort_unstable();
        names.dedup();
        types.sort_unstable();
        types.dedup();
        assert_eq!(names.len(), Ecosystem::ALL.len());
        assert_eq!(types.len(), Ecosystem::ALL.len());
        assert_eq!(Ecosystem::CratesIo.as_str(), "crates.io");
        assert_eq!(PackageManager::DotnetCore.as_str(), "DOTNET_CORE");
    }
}
