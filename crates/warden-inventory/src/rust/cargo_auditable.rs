//! `rust/cargo-auditable`: the dependency list `cargo auditable` embeds in Rust binaries, a zlib-compressed JSON
//! document (`{"packages": [{"name", "version", "source", "kind", "dependencies", "root"}]}`) in the `.dep-v0`
//! section of ELF, PE and Mach-O (`__DATA,.dep-v0`) files, each slice of a universal Mach-O on its own.
//!
//! Reports every crate in the list except the root when its source is `local`: that is the binary's own crate,
//! the user's code, and its name could match an unrelated crates.io crate (a root from a registry, as
//! `cargo install` builds, is reported). Other local crates (workspace members, path dependencies) are reported,
//! as `Cargo.lock` reports them. Crates of `kind: "build"` (build scripts, proc-macros, their dependencies) ran
//! at build time but are not linked into the binary: they are reported with `dev: true`.
//!
//! Decompression stops at 64 MiB (real lists are kilobytes). Not read: WebAssembly custom sections, binaries
//! built without `cargo auditable` (the panic-message paths rustc leaves behind are not an inventory).

use crate::go::shared_binary;
use crate::{ExtractError, Extractor, FileInfo, Input};
use object::{Object, ObjectSection};
use serde::Deserialize;
use std::io::Read;
use warden_core::{Ecosystem, Package, PackageManager};

#[derive(Debug)]
pub struct CargoAuditable;

const SECTION: &str = ".dep-v0";
const MAX_JSON: u64 = 64 * 1024 * 1024;

#[derive(Deserialize)]
struct VersionInfo {
    packages: Vec<AuditedPackage>,
}

#[derive(Deserialize)]
struct AuditedPackage {
    name: String,
    version: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    root: bool,
}

impl Extractor for CargoAuditable {
    fn id(&self) -> &'static str {
        "rust/cargo-auditable"
    }

    fn version(&self) -> u32 {
        1
    }

    fn wants(&self, file: &FileInfo) -> bool {
        shared_binary::wants_binary(file)
    }

    fn extract(&self, input: &Input) -> Result<Vec<Package>, ExtractError> {
        if !shared_binary::is_native(input.bytes) {
            return Ok(Vec::new());
        }
        // A file that only looks like a binary has no sections to read: not ours to report.
        let Ok(images) = shared_binary::images(input.bytes) else {
            return Ok(Vec::new());
        };
        let mut packages: Vec<Package> = Vec::new();
        for image in &images {
            let Some(section) = image.section_by_name(SECTION) else {
                continue;
            };
            let compressed =
                section.data().map_err(|e| ExtractError::parse(format!("cannot read the {SECTION} section: {e}")))?;
            for p in parse(compressed)? {
                if !packages.iter().any(|q| q.name == p.name && q.version == p.version && q.dev == p.dev) {
                    packages.push(p);
                }
            }
        }
        Ok(packages)
    }
}

/// The packages of one compressed dependency list.
fn parse(compressed: &[u8]) -> Result<Vec<Package>, ExtractError> {
    let mut json = Vec::new();
    flate2::read::ZlibDecoder::new(compressed)
        .take(MAX_JSON + 1)
        .read_to_end(&mut json)
        .map_err(|e| ExtractError::parse(format!("cannot decompress the {SECTION} dependency list: {e}")))?;
    if json.len() as u64 > MAX_JSON {
        return Err(ExtractError::parse(format!("the {SECTION} dependency list is over 64 MiB uncompressed")));
    }
    let info: VersionInfo = serde_json::from_slice(&json)
        .map_err(|e| ExtractError::parse(format!("invalid {SECTION} dependency list: {e}")))?;
    Ok(info
        .packages
        .iter()
        .filter(|p| !(p.root && p.source == "local"))
        .map(|p| Package::new(Ecosystem::CratesIo, &p.name, &p.version, PackageManager::Cargo).dev(p.kind == "build"))
        .collect())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::go::shared_binary::testing;
    use std::io::Write;

    /// A list as `cargo auditable` writes it for the `uses_serde_json` fixture crate (plus a build dependency).
    const SERDE_JSON: &str = r#"{"packages":[
        {"name":"itoa","version":"1.0.1","source":"crates.io"},
        {"name":"ryu","version":"1.0.9","source":"crates.io"},
        {"name":"serde","version":"1.0.136","source":"crates.io"},
        {"name":"serde_json","version":"1.0.79","source":"crates.io","dependencies":[0,1,2]},
        {"name":"uses_serde_json","version":"0.1.0","source":"local","dependencies":[3],"root":true},
        {"name":"cc","version":"1.0.73","source":"crates.io","kind":"build"}
    ]}"#;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(data).unwrap();
        encoder.finish().unwrap()
    }

    fn extract(bytes: &[u8]) -> Result<Vec<(String, String, bool)>, ExtractError> {
        let budget = Input::default_budget();
        let found = CargoAuditable.extract(&Input::standalone("/var/task/bootstrap", bytes, &budget))?;
        Ok(found.into_iter().map(|p| (p.name, p.version, p.dev)).collect())
    }

    #[test]
    fn reads_the_list_skips_the_local_root_and_marks_build_dependencies() {
        let (elf, _) = testing::elf64(&[(".text", b"code"), (SECTION, &zlib(SERDE_JSON.as_bytes()))]);
        let found = extract(&elf).unwrap();
        let names: Vec<String> =
            found.iter().map(|(n, v, d)| format!("{n}@{v}{}", if *d { " dev" } else { "" })).collect();
        assert_eq!(names, ["itoa@1.0.1", "ryu@1.0.9", "serde@1.0.136", "serde_json@1.0.79", "cc@1.0.73 dev"]);
    }

    #[test]
    fn a_registry_root_is_reported() {
        let json = r#"{"packages":[{"name":"ripgrep","version":"14.1.0","source":"crates.io","root":true}]}"#;
        let (elf, _) = testing::elf64(&[(SECTION, &zlib(json.as_bytes()))]);
        assert_eq!(extract(&elf).unwrap(), [("ripgrep".to_string(), "14.1.0".to_string(), false)]);
    }

    #[test]
    fn binaries_without_the_section_and_other_files_yield_nothing() {
        let (elf, _) = testing::elf64(&[(".data", b"x")]);
        assert!(extract(&elf).unwrap().is_empty());
        let not_binary = std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/fixtures/lockfiles/rust/cargoauditable/testdata/not_binary/not_binary"),
        )
        .unwrap();
        assert!(extract(&not_binary).unwrap().is_empty());
    }

    #[test]
    fn corrupt_or_oversized_lists_are_errors() {
        let (elf, _) = testing::elf64(&[(SECTION, b"not zlib")]);
        assert!(extract(&elf).is_err());
        let (elf, _) = testing::elf64(&[(SECTION, &zlib(b"{\"packages\": 3}"))]);
        assert!(extract(&elf).is_err());
        // A bomb: 65 MiB of spaces compress to about 64 KiB.
        let (elf, _) = testing::elf64(&[(SECTION, &zlib(&vec![b' '; 65 * 1024 * 1024]))]);
        let err = extract(&elf).unwrap_err().to_string();
        assert!(err.contains("64 MiB"), "{err}");
    }
}
