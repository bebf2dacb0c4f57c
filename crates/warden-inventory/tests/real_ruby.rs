//! End to end with real Ruby metadata: a Sinatra app whose `Gemfile.lock` Bundler writes offline (`bundle lock
//! --local`, resolving against the gems Debian installed), with the installed gems' specifications under
//! `vendor/bundle/ruby/3.1.0/specifications/` as `bundle install --deployment` leaves them; and a layer with
//! `ruby/gems/3.3.0/specifications/` (plus `default/`) holding every gemspec RubyGems wrote for Debian's Ruby
//! (bundled gems, default gems, `ruby-*` packages). The gemspecs are the real files RubyGems generated.
//!
//! The expected inventory is Ruby's own view, never Warden's: `Bundler::LockfileParser` for the lockfile and
//! `Gem::Specification.load` for each gemspec.
//!
//! Needs `ruby` and Debian's gems (`apt-get install ruby ruby-sinatra ruby-rack ruby-rack-protection ruby-tilt
//! ruby-mustermann rake`); no network. The build is cached under `target/warden-test-cache/ruby-gems`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use warden_artifact::{Artifact, Limits, SourceSpec};
use warden_core::{Ecosystem, Package, PackageManager};

const GEMFILE: &str = "source \"https://rubygems.org\"\n\ngem \"sinatra\", \"3.0.5\"\ngem \"rake\"\n";
const LAYER_ARN: &str = "arn:aws:lambda:us-east-1:123456789012:layer:ruby-gems:2";

/// Where this Ruby keeps gemspecs (`Gem::Specification.dirs`, those that exist) and its default gems' ones.
fn spec_dirs() -> (Vec<PathBuf>, PathBuf) {
    let script = "puts Gem::Specification.dirs; puts Gem.default_specifications_dir";
    let out = support::run(Command::new("ruby").args(["-e", script]));
    let mut dirs: Vec<PathBuf> = out.lines().map(PathBuf::from).collect();
    let default = dirs.pop().unwrap();
    dirs.retain(|d| d.is_dir());
    (dirs, default)
}

fn gemspecs(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "gemspec"))
        .collect();
    out.sort();
    out
}

/// `file → name@version` for each gemspec, as `Gem::Specification.load` reads it.
fn load_specs(files: &[PathBuf]) -> BTreeMap<String, String> {
    let script =
        r##"ARGV.each { |f| s = Gem::Specification.load(f); puts "#{File.basename(f)}\t#{s.name}@#{s.version}" }"##;
    let out = support::run(Command::new("ruby").arg("-e").arg(script).args(files));
    out.lines().map(|l| l.split_once('\t').unwrap()).map(|(f, id)| (f.to_string(), id.to_string())).collect()
}

/// The cached build: `app/` (zipped as `function.zip`), `layer/` (zipped as `layer.zip`), and Ruby's view of them
/// in `lock.txt` (`name@version` a line) and `specs.json` (zip path → `name@version`). Built once per process.
fn build() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        support::cached("ruby-gems", |dir| {
            let app = dir.join("app");
            std::fs::create_dir_all(&app).unwrap();
            std::fs::write(app.join("Gemfile"), GEMFILE).unwrap();
            std::fs::write(app.join("app.rb"), "require 'sinatra'\nget('/') { 'hi' }\n").unwrap();
            support::run(
                Command::new("ruby")
                    .args(["-e", "load Gem.bin_path('bundler', 'bundle')", "--", "lock", "--local"])
                    .env("HOME", dir)
                    .current_dir(&app),
            );
            let script =
                r##"Bundler::LockfileParser.new(File.read("Gemfile.lock")).specs.each { |s| puts "#{s.name}@#{s.version}" }"##;
            let locked = support::run(Command::new("ruby").args(["-rbundler", "-e", script]).current_dir(&app));
            std::fs::write(dir.join("lock.txt"), &locked).unwrap();

            let mut specs: BTreeMap<String, String> = BTreeMap::new();
            // The app: the locked gems' specifications, where a deployment install puts them.
            let vendored = app.join("vendor/bundle/ruby/3.1.0/specifications");
            std::fs::create_dir_all(&vendored).unwrap();
            let (dirs, default) = spec_dirs();
            let available: Vec<PathBuf> = dirs.iter().flat_map(|d| gemspecs(d)).collect();
            let by_file = load_specs(&available);
            for path in &available {
                let file = path.file_name().unwrap().to_string_lossy().into_owned();
                if locked.lines().any(|id| by_file[&file] == id) {
                    std::fs::copy(path, vendored.join(&file)).unwrap();
                    specs.insert(format!("/var/task/vendor/bundle/ruby/3.1.0/specifications/{file}"), by_file[&file].clone());
                }
            }
            // The layer: every gemspec, default gems in `default/` as RubyGems keeps them.
            let layer_specs = dir.join("layer/ruby/gems/3.3.0/specifications");
            std::fs::create_dir_all(layer_specs.join("default")).unwrap();
            for (from, to, prefix) in [
                (available.clone(), layer_specs.clone(), "/opt/ruby/gems/3.3.0/specifications"),
                (gemspecs(&default), layer_specs.join("default"), "/opt/ruby/gems/3.3.0/specifications/default"),
            ] {
                for (file, id) in load_specs(&from) {
                    specs.insert(format!("{prefix}/{file}"), id);
                }
                for path in from {
                    std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
                }
            }
            std::fs::write(dir.join("specs.json"), serde_json::to_string_pretty(&specs).unwrap()).unwrap();
            support::zip_dir(&app, &dir.join("function.zip"));
            support::zip_dir(&dir.join("layer"), &dir.join("layer.zip"));
        })
    })
}

fn specs() -> BTreeMap<String, String> {
    serde_json::from_str(&std::fs::read_to_string(build().join("specs.json")).unwrap()).unwrap()
}

fn scan(specs: &[SourceSpec]) -> Vec<Package> {
    let artifact = Artifact::open(specs, Limits::default()).unwrap();
    let inventory = warden_inventory::scan(&artifact).unwrap();
    assert!(inventory.errors.is_empty(), "file errors: {:#?}", inventory.errors);
    inventory.packages.into_iter().filter(|p| p.ecosystem == Ecosystem::RubyGems).collect()
}

fn id(p: &Package) -> String {
    format!("{}@{}", p.name, p.version)
}

#[test]
fn app_lockfile_and_vendored_gems_match_bundler_and_rubygems() {
    let locked: BTreeSet<String> =
        std::fs::read_to_string(build().join("lock.txt")).unwrap().lines().map(str::to_string).collect();
    assert!(
        locked.contains("sinatra@3.0.5") && locked.contains("rack-protection@3.0.5") && locked.len() >= 6,
        "{locked:?}"
    );
    let packages = scan(&[SourceSpec::function(build().join("function.zip"))]);
    let got: BTreeSet<String> = packages.iter().map(id).collect();
    assert_eq!(got, locked, "differs from Bundler's view of Gemfile.lock");

    // Every locked gem is installed here: the gemspec is the kept copy, the lockfile a further location.
    let vendored: BTreeMap<String, String> =
        specs().into_iter().filter(|(path, _)| path.starts_with("/var/task/")).collect();
    assert_eq!(vendored.values().cloned().collect::<BTreeSet<_>>(), locked);
    for p in &packages {
        assert_eq!(p.package_manager, PackageManager::Gemspec, "{}", id(p));
        assert_eq!(p.extractor, "ruby/gemspec");
        assert_eq!(vendored.get(&p.file_path), Some(&id(p)), "{}", p.file_path);
        assert_eq!(p.also_found_in, ["/var/task/Gemfile.lock"], "{}", id(p));
        assert!(!p.dev);
    }
    let rack = packages.iter().find(|p| p.name == "rack").unwrap();
    assert_eq!(rack.purl, format!("pkg:gem/rack@{}", rack.version));
}

#[test]
fn layer_gemspecs_match_gem_specification_load() {
    let layer = format!("{LAYER_ARN}={}", build().join("layer.zip").display());
    let packages = scan(&[SourceSpec::layer(&layer)]);
    let want: BTreeMap<String, String> = specs().into_iter().filter(|(path, _)| path.starts_with("/opt/")).collect();
    assert!(want.len() > 80, "only {} gemspecs", want.len());
    assert!(want.values().any(|id| id == "sinatra@3.0.5") && want.values().any(|id| id == "json@2.6.1"));
    let mut got: BTreeMap<String, String> = BTreeMap::new();
    for p in &packages {
        assert_eq!(p.package_manager, PackageManager::Gemspec);
        assert_eq!(p.layer.as_deref(), Some(LAYER_ARN));
        for path in std::iter::once(&p.file_path).chain(&p.also_found_in) {
            assert!(got.insert(path.clone(), id(p)).is_none(), "{path} yielded twice");
        }
    }
    assert_eq!(got, want, "differs from Gem::Specification.load");
}
