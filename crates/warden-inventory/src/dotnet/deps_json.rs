//! `dotnet/deps-json`: `<app>.deps.json`, which the .NET host writes beside a published app and reads at start-up to
//! find its assemblies: the packages actually deployed.
//!
//! Every `libraries` entry of type `package` (`Name/Version`) is a NuGet package, reported as `DOTNET_CORE`. Entries of
//! type `runtimepack` (a self-contained app's copy of the runtime, `runtimepack.Microsoft.NETCore.App.Runtime.linux-x64`)
//! are reported under the runtime pack's NuGet name, since advisories for the .NET runtime name those packages.
//! Deliberately skipped: `project` entries (the app's own projects), `reference` entries (plain assembly
//! references), and keys without a `/version` part. The file has no notion of development dependencies.

use crate::{ExtractError, Extractor, FileInfo, Input, text};
use serde::Deserialize;
use std::collections::BTreeMap;
use warden_core::{Ecosystem, Package, PackageManager};

#[derive(Debug)]
pub struct DepsJson;

#[derive(Deserialize)]
struct DepsFile {
    #[serde(default)]
    libraries: BTreeMap<String, Library>,
}

#[derive(Deserialize)]
struct Library {
    #[serde(rename = "type", default)]
    kind: String,
}

impl Extractor for DepsJson {
    fn id(&self) -> &'static str {
        "dotnet/deps-json"
    }

    fn version(&self) -> u32 {
        1
    }

    fn wants(&self, file: &FileInfo) -> bool {
        file.file_name().len() > ".deps.json".len() && file.path.ends_with(".deps.json")
    }

    fn extract(&self, input: &Input) -> Result<Vec<Package>, ExtractError> {
        let file: DepsFile = text::json(input.bytes)?;
        let mut out = Vec::new();
        for (key, library) in &file.libraries {
            let Some((name, version)) = key.rsplit_once('/') else {
                continue;
            };
            let name = match library.kind.as_str() {
                "package" => name,
                "runtimepack" => name.strip_prefix("runtimepack.").unwrap_or(name),
                _ => continue,
            };
            if name.is_empty() || version.is_empty() {
                continue;
            }
            out.push(Package::new(Ecosystem::NuGet, name, version, PackageManager::DotnetCore));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn fixture(name: &str) -> Vec<u8> {
        let dir =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/lockfiles/dotnet/depsjson/testdata");
        std::fs::read(dir.join(name)).unwrap()
    }

    fn extract(bytes: &[u8]) -> Result<Vec<Package>, ExtractError> {
        let budget = Input::default_budget();
        DepsJson.extract(&Input::standalone("/var/task/App.deps.json", bytes, &budget))
    }

    fn found(bytes: &[u8]) -> Vec<String> {
        extract(bytes).unwrap().iter().map(|p| format!("{}@{}", p.name, p.version)).collect()
    }

    #[test]
    fn wants_deps_json_files() {
        let wants = |path| DepsJson.wants(&FileInfo { path, size: 1, executable: false });
        assert!(wants("/var/task/MyFunction.deps.json"));
        assert!(!wants("/var/task/.deps.json"));
        assert!(!wants("/var/task/MyFunction.runtimeconfig.json"));
    }

    #[test]
    fn packages_not_projects() {
        // The fixture's `TestLibrary/1.0.0` is the app itself (type project).
        let got = extract(&fixture("valid")).unwrap();
        let names: Vec<_> = got.iter().map(|p| format!("{}@{}", p.name, p.version)).collect();
        assert_eq!(names, ["AWSSDK.Core@3.7.10.6", "Microsoft.Extensions.DependencyInjection@6.0.0"]);
        assert!(got.iter().all(|p| p.package_manager == PackageManager::DotnetCore && !p.dev));
        assert_eq!(got.first().unwrap().purl, "pkg:nuget/AWSSDK.Core@3.7.10.6");
    }

    #[test]
    fn a_key_without_a_version_is_skipped() {
        assert_eq!(found(&fixture("nopackagename")), ["AWSSDK.Core@3.7.10.6"]);
        assert!(found(&fixture("empty")).is_empty());
        assert!(extract(&fixture("invalid")).is_err());
    }

    #[test]
    fn runtime_packs_are_reported_under_their_nuget_name() {
        let json = br#"{"libraries": {
            "runtimepack.Microsoft.NETCore.App.Runtime.linux-x64/8.0.1": {"type": "runtimepack", "serviceable": false, "sha512": ""},
            "Amazon.Lambda.Core/2.2.0": {"type": "package"},
            "MyRef/1.0.0": {"type": "reference"}
        }}"#;
        assert_eq!(found(json), ["Amazon.Lambda.Core@2.2.0", "Microsoft.NETCore.App.Runtime.linux-x64@8.0.1"]);
    }
}
