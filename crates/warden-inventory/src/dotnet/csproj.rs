//! `dotnet/csproj`: `PackageReference` items of MSBuild project files (`*.csproj`, `*.fsproj`, `*.vbproj`).
//!
//! Each `<PackageReference Include="Name" Version="1.2.3" />` (anywhere in the project, conditions not evaluated;
//! `Version` or `VersionOverride` as an attribute or a child element; several names in one `Include` separated by
//! `;`) is a NuGet package, reported as `NUGET`. A `$(Property)` in the version is filled from the project's own
//! `PropertyGroup`s. A version range resolves to its inclusive lower bound, which NuGet picks (see
//! `java/shared_range.rs`), the range kept as the constraint; a floating version (`1.*`) or a range without an
//! inclusive lower bound is kept as a constraint with no version. `PrivateAssets="all"` (what NuGet writes for
//! development-only packages such as analyzers) marks it dev.
//!
//! Deliberately skipped: references with no name or no version (central package management keeps versions in
//! `Directory.Packages.props`, a separate format), `Update=` items (they modify a reference declared elsewhere),
//! versions from properties defined in other files (`Directory.Build.props`), and `ProjectReference`s.

use crate::java::shared_interpolate::{Syntax, interpolate};
use crate::java::shared_range::{is_range, lowest_version};
use crate::java::shared_xml::{self, Element};
use crate::{ExtractError, Extractor, FileInfo, Input};
use std::collections::HashMap;
use warden_core::{Ecosystem, Package, PackageManager};

#[derive(Debug)]
pub struct Csproj;

const PROJECT_EXTENSIONS: &[&str] = &[".csproj", ".fsproj", ".vbproj"];

impl Extractor for Csproj {
    fn id(&self) -> &'static str {
        "dotnet/csproj"
    }

    fn version(&self) -> u32 {
        1
    }

    fn wants(&self, file: &FileInfo) -> bool {
        let name = file.file_name();
        PROJECT_EXTENSIONS.iter().any(|ext| name.len() > ext.len() && name.ends_with(ext))
    }

    fn extract(&self, input: &Input) -> Result<Vec<Package>, ExtractError> {
        let root = shared_xml::parse(input.bytes, "project file")?;
        if !root.name.eq_ignore_ascii_case("Project") {
            return Err(ExtractError::parse(format!("not an MSBuild project: the root element is <{}>", root.name)));
        }
        let all = root.descendants();
        let properties: HashMap<String, &str> = all
            .iter()
            .filter(|e| e.name.eq_ignore_ascii_case("PropertyGroup"))
            .flat_map(|g| g.children())
            .map(|p| (p.name.to_ascii_lowercase(), p.text()))
            .collect();
        let mut out = Vec::new();
        for reference in all.iter().filter(|e| e.name.eq_ignore_ascii_case("PackageReference")) {
            let Some(include) = reference.attr("Include") else {
                continue;
            };
            let Some(requirement) = setting(reference, "Version")
                .or_else(|| setting(reference, "VersionOverride"))
                .map(|v| interpolate(v, Syntax::MsBuild, &|n| properties.get(&n.trim().to_ascii_lowercase()).copied()))
                .filter(|v| !v.trim().is_empty() && !v.contains("$("))
            else {
                continue;
            };
            let dev = setting(reference, "PrivateAssets").is_some_and(|a| a.to_ascii_lowercase().contains("all"));
            for name in include.split(';').map(str::trim).filter(|n| !n.is_empty()) {
                let package = match lowest_version(&requirement) {
                    Some(version) => {
                        let p = Package::new(Ecosystem::NuGet, name, version, PackageManager::Nuget);
                        if is_range(&requirement) { p.constraint(requirement.trim()) } else { p }
                    }
                    None => {
                        Package::new(Ecosystem::NuGet, name, "", PackageManager::Nuget).constraint(requirement.trim())
                    }
                };
                out.push(package.dev(dev));
            }
        }
        Ok(out)
    }
}

/// A metadata value given as an attribute or as a child element (MSBuild names are case-insensitive).
fn setting<'a>(item: &'a Element, name: &str) -> Option<&'a str> {
    item.attr(name)
        .or_else(|| item.children().iter().find(|c| c.name.eq_ignore_ascii_case(name)).map(Element::text))
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract(xml: &str) -> Result<Vec<Package>, ExtractError> {
        let budget = Input::default_budget();
        Csproj.extract(&Input::standalone("/var/task/src/App/App.csproj", xml.as_bytes(), &budget))
    }

    fn found(xml: &str) -> Vec<String> {
        extract(xml)
            .unwrap()
            .iter()
            .map(|p| format!("{}@{}{}", p.name, p.version, if p.dev { " dev" } else { "" }))
            .collect()
    }

    #[test]
    fn wants_project_files() {
        let wants = |path| Csproj.wants(&FileInfo { path, size: 1, executable: false });
        assert!(wants("/var/task/App.csproj"));
        assert!(wants("/var/task/App.fsproj"));
        assert!(wants("/var/task/App.vbproj"));
        assert!(!wants("/var/task/.csproj"));
        assert!(!wants("/var/task/App.csproj.user"));
    }

    #[test]
    fn attributes_child_elements_and_properties() {
        let xml = r#"<Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><AwsVersion>$(Major).7.300</AwsVersion><Major>3</Major></PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Amazon.Lambda.Core" Version="2.2.0" />
            <PackageReference Include="AWSSDK.S3"><Version>$(AwsVersion)</Version></PackageReference>
            <packagereference include="lower.case" version="1.0.0" />
            <PackageReference Include="StyleCop.Analyzers" Version="1.1.118" PrivateAssets="All" />
            <PackageReference Include="Unknown.Prop" Version="$(NotHere)" />
            <PackageReference Update="Elsewhere" Version="9.0.0" />
          </ItemGroup>
        </Project>"#;
        assert_eq!(
            found(xml),
            ["Amazon.Lambda.Core@2.2.0", "AWSSDK.S3@3.7.300", "lower.case@1.0.0", "StyleCop.Analyzers@1.1.118 dev"]
        );
    }

    #[test]
    fn ranges_and_floating_versions_keep_the_constraint() {
        let xml = r#"<Project><ItemGroup>
            <PackageReference Include="R" Version="[1.2.0, 2.0.0)" />
            <PackageReference Include="F" Version="6.*" />
          </ItemGroup></Project>"#;
        let got = extract(xml).unwrap();
        let r = got.iter().find(|p| p.name == "R").unwrap();
        assert_eq!((r.version.as_str(), r.constraint.as_deref()), ("1.2.0", Some("[1.2.0, 2.0.0)")));
        let f = got.iter().find(|p| p.name == "F").unwrap();
        assert_eq!((f.version.as_str(), f.constraint.as_deref()), ("", Some("6.*")));
    }

    #[test]
    fn self_referencing_properties_terminate() {
        let xml = r#"<Project><PropertyGroup><V>$(V)</V></PropertyGroup>
            <ItemGroup><PackageReference Include="A" Version="$(V)" /></ItemGroup></Project>"#;
        assert!(found(xml).is_empty());
        assert!(extract("<Solution/>").is_err());
    }
}
