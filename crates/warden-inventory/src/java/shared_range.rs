//! The version a declared requirement resolves to, for the two ecosystems that write requirements in interval notation:
//! Maven (`pom.xml`) and NuGet (`*.csproj`, which reaches it as `crate::java::shared_range`).
//!
//! Both resolve a plain version (`1.2.3`: Maven's "soft" requirement, NuGet's minimum) to that version, and an interval
//! whose lower bound is inclusive (`[1.2.3,2.0)`, `[1.2.3]`) to that lower bound: NuGet always picks the lowest version
//! that satisfies a range, and for Maven the lower bound is the version the author tested. What has no inclusive
//! lower bound (`(1.0,2.0)`, `(,2.0]`), floats (`1.*`, `*`) or still holds a property reference (`${x}`, `$(X)`)
//! resolves to nothing: the caller keeps the requirement as a constraint or drops it.

/// The version `requirement` resolves to, if it names one.
pub(crate) fn lowest_version(requirement: &str) -> Option<&str> {
    let req = requirement.trim();
    if req.is_empty() || req.contains('*') || req.contains("${") || req.contains("$(") {
        return None;
    }
    let version = match req.strip_prefix('[') {
        Some(interval) => interval.split([',', ']', ')']).next().unwrap_or_default().trim(),
        None if req.starts_with('(') => return None,
        None => req,
    };
    let plausible = version.chars().all(|c| !c.is_whitespace() && !matches!(c, '[' | ']' | '(' | ')' | ','));
    (!version.is_empty() && plausible).then_some(version)
}

/// Whether the requirement is written as a range (so the resolved version is a lower bound, not a pin).
pub(crate) fn is_range(requirement: &str) -> bool {
    let req = requirement.trim();
    req.starts_with('[') || req.starts_with('(') || req.contains('*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_pins_and_inclusive_lower_bounds() {
        assert_eq!(lowest_version("1.2.3"), Some("1.2.3"));
        assert_eq!(lowest_version(" [9.4.35.v20201120,9.5) "), Some("9.4.35.v20201120"));
        assert_eq!(lowest_version("[1.0]"), Some("1.0"));
        assert_eq!(lowest_version("[1.0, )"), Some("1.0"));
        assert_eq!(lowest_version("[1.0,2.0),[3.0,)"), Some("1.0"));
    }

    #[test]
    fn leaves_what_names_no_version() {
        for req in ["", "(1.0,2.0)", "(,2.0]", "[,2.0]", "1.*", "*", "${x}", "$(Ver)", "1.0 2.0"] {
            assert_eq!(lowest_version(req), None, "{req}");
        }
        assert!(is_range("[1,2)") && is_range("1.*") && !is_range("1.0"));
    }
}
