//! `dotnet/packages-config`: the legacy NuGet `packages.config` (`<packages><package id version … /></packages>`).
//!
//! Each `package` with an `id` and a `version` is a NuGet package, reported as `NUGET`; `developmentDependency="true"`
//! marks it dev. Deliberately skipped: entries missing either attribute, and `allowedVersions` (a constraint on
//! upgrades, not what is installed). A file whose root is not `<packages>` is refused.

use crate::java::shared_xml;
use crate::{ExtractError, Extractor, FileInfo, Input};
use warden_core::{Ecosystem, Package, PackageManager};

#[derive(Debug)]
pub struct PackagesConfig;

impl Extractor for PackagesConfig {
    fn id(&self) -> &'static str {
        "dotnet/packages-config"
    }

    fn version(&self) -> u32 {
        1
    }

    fn wants(&self, file: &FileInfo) -> bool {
        file.file_name() == "packages.config"
    }

    fn extract(&self, input: &Input) -> Result<Vec<Package>, ExtractError> {
        let root = shared_xml::parse(input.bytes, "packages.config")?;
        if root.name != "packages" {
            return Err(ExtractError::parse(format!(
                "not a NuGet packages.config: the root element is <{}>",
                root.name
            )));
        }
        let non_empty = |v: Option<&str>| v.map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
        Ok(root
            .named("package")
            .filter_map(|p| {
                let (id, version) = (non_empty(p.attr("id"))?, non_empty(p.attr("version"))?);
                let dev = p.attr("developmentDependency").is_some_and(|d| d.trim().eq_ignore_ascii_case("true"));
                Some(Package::new(Ecosystem::NuGet, id, version, PackageManager::Nuget).dev(dev))
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract(xml: &str) -> Result<Vec<Package>, ExtractError> {
        let budget = Input::default_budget();
        PackagesConfig.extract(&Input::standalone("/var/task/packages.config", xml.as_bytes(), &budget))
    }

    #[test]
    fn development_dependencies_are_dev() {
        let xml = r#"<?xml version="1.0" encoding="utf-8"?>
            <packages>
              <package id="Newtonsoft.Json" version="13.0.1" targetFramework="net48" />
              <package id="StyleCop.Analyzers" version="1.1.118" developmentDependency="true" />
              <package id="NoVersion" />
            </packages>"#;
        let got: Vec<_> = extract(xml).unwrap().iter().map(|p| (p.name.clone(), p.version.clone(), p.dev)).collect();
        assert_eq!(
            got,
            [
                ("Newtonsoft.Json".to_string(), "13.0.1".to_string(), false),
                ("StyleCop.Analyzers".to_string(), "1.1.118".to_string(), true)
            ]
        );
    }

    #[test]
    fn refuses_other_documents() {
        assert!(extract("not\nxml").is_err());
        assert!(extract("<configuration/>").is_err());
        assert!(extract("<packages/>").unwrap().is_empty());
    }
}
