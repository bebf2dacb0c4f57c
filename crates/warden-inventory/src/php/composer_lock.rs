//! `php/composer-lock`: Composer's `composer.lock`.
//!
//! Reports every entry of `packages` and, marked dev, of `packages-dev` (installed by `composer install` unless
//! `--no-dev`), with the name and version as written. A file that is JSON `null` or has neither list yields
//! nothing; malformed JSON is a file error. Not read: `platform` requirements (PHP itself and its extensions),
//! `aliases`. Locks inside `vendor/` belong to a dependency's own development and are skipped.

use super::shared_composer::ComposerPackage;
use crate::{ExtractError, Extractor, FileInfo, Input, text};
use serde::Deserialize;
use warden_core::Package;

#[derive(Debug)]
pub struct ComposerLock;

#[derive(Deserialize)]
struct Lock {
    #[serde(default)]
    packages: Vec<ComposerPackage>,
    #[serde(default, rename = "packages-dev")]
    packages_dev: Vec<ComposerPackage>,
}

impl Extractor for ComposerLock {
    fn id(&self) -> &'static str {
        "php/composer-lock"
    }

    fn version(&self) -> u32 {
        1
    }

    fn wants(&self, file: &FileInfo) -> bool {
        file.file_name() == "composer.lock" && !file.path.contains("/vendor/")
    }

    fn extract(&self, input: &Input) -> Result<Vec<Package>, ExtractError> {
        let Some(lock) = text::json::<Option<Lock>>(input.bytes)? else {
            return Ok(Vec::new());
        };
        let runtime = lock.packages.iter().filter_map(|p| p.package(false));
        let dev = lock.packages_dev.iter().filter_map(|p| p.package(true));
        Ok(runtime.chain(dev).collect())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn extract(text: &str) -> Result<Vec<String>, ExtractError> {
        let budget = Input::default_budget();
        let found = ComposerLock.extract(&Input::standalone("/var/task/composer.lock", text.as_bytes(), &budget))?;
        Ok(found.into_iter().map(|p| format!("{}@{} dev={} {}", p.name, p.version, p.dev, p.purl)).collect())
    }

    #[test]
    fn runtime_and_dev_packages() {
        let text = r#"{"packages": [{"name": "symfony/http-kernel", "version": "v5.4.0"}, {"name": "nameless"}],
            "packages-dev": [{"name": "phpunit/phpunit", "version": "9.5.10"}]}"#;
        assert_eq!(
            extract(text).unwrap(),
            [
                "symfony/http-kernel@v5.4.0 dev=false pkg:composer/symfony/http-kernel@v5.4.0",
                "phpunit/phpunit@9.5.10 dev=true pkg:composer/phpunit/phpunit@9.5.10"
            ]
        );
    }

    #[test]
    fn null_and_empty_yield_nothing_bad_json_is_an_error() {
        assert!(extract("null").unwrap().is_empty());
        assert!(extract("{}").unwrap().is_empty());
        assert!(extract("this is not json!").is_err());
        assert!(extract(r#"{"packages": {"a": 1}}"#).is_err());
    }

    #[test]
    fn wants_the_app_lock_only() {
        let info = |path| FileInfo { path, size: 10, executable: false };
        assert!(ComposerLock.wants(&info("/var/task/composer.lock")));
        assert!(!ComposerLock.wants(&info("/var/task/vendor/guzzle/guzzle/composer.lock")));
    }
}
