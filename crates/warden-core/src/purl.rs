//! Package URLs (<https://github.com/package-url/purl-spec>) for each ecosystem.

use crate::Ecosystem;
use crate::names::pep503;

/// The purl of a package: `pkg:pypi/jinja2@2.10`, `pkg:npm/%40babel/core@7.0.0`, `pkg:maven/g/a@v`.
pub fn purl(ecosystem: Ecosystem, name: &str, version: &str) -> String {
    let mut out = format!("pkg:{}/", ecosystem.purl_type());
    match ecosystem {
        Ecosystem::PyPI => out.push_str(&encode(&pep503(name))),
        Ecosystem::Npm => match name.strip_prefix('@').and_then(|n| n.split_once('/')) {
            Some((scope, pkg)) => {
                out.push_str("%40");
                out.push_str(&encode(scope));
                out.push('/');
                out.push_str(&encode(pkg));
            }
            None => out.push_str(&encode(name)),
        },
        Ecosystem::Maven => match name.split_once(':') {
            Some((group, artifact)) => {
                out.push_str(&encode(group));
                out.push('/');
                out.push_str(&encode(artifact));
            }
            None => out.push_str(&encode(name)),
        },
        Ecosystem::Go | Ecosystem::Packagist => {
            let segments: Vec<String> = name.split('/').map(encode).collect();
            out.push_str(&segments.join("/"));
        }
        Ecosystem::NuGet | Ecosystem::RubyGems | Ecosystem::CratesIo => out.push_str(&encode(name)),
    }
    if !version.is_empty() {
        out.push('@');
        out.push_str(&encode(version));
    }
    out
}

/// Percent-encodes everything outside the purl-safe set.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b'~' | b'+') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn purls_per_ecosystem() {
        assert_eq!(purl(Ecosystem::PyPI, "Jinja2", "2.10"), "pkg:pypi/jinja2@2.10");
        assert_eq!(purl(Ecosystem::PyPI, "zope.interface", "5.0"), "pkg:pypi/zope-interface@5.0");
        assert_eq!(purl(Ecosystem::Npm, "@babel/core", "7.0.0"), "pkg:npm/%40babel/core@7.0.0");
        assert_eq!(purl(Ecosystem::Npm, "lodash", "4.17.15"), "pkg:npm/lodash@4.17.15");
        assert_eq!(purl(Ecosystem::Maven, "org.slf4j:slf4j-api", "1.7.25"), "pkg:maven/org.slf4j/slf4j-api@1.7.25");
        assert_eq!(purl(Ecosystem::Go, "golang.org/x/net", "v0.1.0"), "pkg:golang/golang.org/x/net@v0.1.0");
        assert_eq!(purl(Ecosystem::Packagist, "sentry/sdk", "2.0.4"), "pkg:composer/sentry/sdk@2.0.4");
        assert_eq!(purl(Ecosystem::CratesIo, "serde", ""), "pkg:cargo/serde");
        assert_eq!(purl(Ecosystem::RubyGems, "rack", "2.2.3"), "pkg:gem/rack@2.2.3");
    }
}
