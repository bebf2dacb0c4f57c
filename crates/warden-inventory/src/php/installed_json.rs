//! `php/installed-json`: `vendor/composer/installed.json`, what Composer actually installed.
//!
//! Composer 1 writes a JSON array of package entries; Composer 2 writes `{"packages": [...], "dev": bool,
//! "dev-package-names": [...]}`, and the packages named in `dev-package-names` are marked dev (Composer 1 does not
//! record which packages are dev-only). Names and versions as written. Not read: `installed.php` (the same data
//! as PHP code), the root package (it is not listed).

use super::shared_composer::ComposerPackage;
use crate::{ExtractError, Extractor, FileInfo, Input, text};
use serde::Deserialize;
use warden_core::Package;

#[derive(Debug)]
pub struct InstalledJson;

#[derive(Deserialize)]
#[serde(untagged)]
enum Installed {
    /// Composer 1.
    List(Vec<ComposerPackage>),
    /// Composer 2.
    Object {
        #[serde(default)]
        packages: Vec<ComposerPackage>,
        #[serde(default, rename = "dev-package-names")]
        dev_package_names: Vec<String>,
    },
}

impl Extractor for InstalledJson {
    fn id(&self) -> &'static str {
        "php/installed-json"
    }

    fn version(&self) -> u32 {
        1
    }

    fn wants(&self, file: &FileInfo) -> bool {
        file.path.ends_with("/composer/installed.json")
    }

    fn extract(&self, input: &Input) -> Result<Vec<Package>, ExtractError> {
        let installed: Installed = text::json(input.bytes)
            .map_err(|e| ExtractError::parse(format!("{e} (expected Composer's list of installed packages)")))?;
        let (packages, dev) = match &installed {
            Installed::List(packages) => (packages, &[][..]),
            Installed::Object { packages, dev_package_names } => (packages, dev_package_names.as_slice()),
        };
        Ok(packages.iter().filter_map(|p| p.package(dev.iter().any(|d| d.eq_ignore_ascii_case(&p.name)))).collect())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn extract(text: &str) -> Result<Vec<String>, ExtractError> {
        let budget = Input::default_budget();
        let path = "/var/task/vendor/composer/installed.json";
        let found = InstalledJson.extract(&Input::standalone(path, text.as_bytes(), &budget))?;
        Ok(found.into_iter().map(|p| format!("{}@{} dev={}", p.name, p.version, p.dev)).collect())
    }

    #[test]
    fn composer_2_marks_dev_packages() {
        let text = r#"{"packages": [{"name": "guzzlehttp/guzzle", "version": "7.8.1", "version_normalized": "7.8.1.0"},
            {"name": "phpunit/phpunit", "version": "10.5.0"}], "dev": true, "dev-package-names": ["phpunit/phpunit"]}"#;
        assert_eq!(extract(text).unwrap(), ["guzzlehttp/guzzle@7.8.1 dev=false", "phpunit/phpunit@10.5.0 dev=true"]);
    }

    #[test]
    fn composer_1_is_a_list() {
        let text = r#"[{"name": "monolog/monolog", "version": "1.27.1", "type": "library"}]"#;
        assert_eq!(extract(text).unwrap(), ["monolog/monolog@1.27.1 dev=false"]);
    }

    #[test]
    fn other_json_is_an_error() {
        assert!(extract("\"text\"").is_err());
        assert!(extract("{\"packages\": 1}").is_err());
        assert!(extract("[").is_err());
    }

    #[test]
    fn wants_only_composers_file() {
        let info = |path| FileInfo { path, size: 10, executable: false };
        assert!(InstalledJson.wants(&info("/opt/php/vendor/composer/installed.json")));
        assert!(!InstalledJson.wants(&info("/var/task/installed.json")));
    }
}
