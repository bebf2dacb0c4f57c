//! Entry names are untrusted: only relative names that stay inside the package are accepted.

/// Why a name is unsafe, or `None` when it is a plain relative path.
pub(crate) fn unsafe_reason(name: &str) -> Option<&'static str> {
    if name.contains('\0') {
        return Some("contains a NUL byte");
    }
    if name.starts_with('/') || name.starts_with('\\') {
        return Some("absolute path");
    }
    let bytes = name.as_bytes();
    if let (Some(first), Some(b':')) = (bytes.first(), bytes.get(1))
        && first.is_ascii_alphabetic()
    {
        return Some("absolute path with a drive letter");
    }
    if name.split(['/', '\\']).any(|part| part == "..") {
        return Some("`..` component escapes the package");
    }
    None
}

/// Whether a symbolic link at `name` pointing at `target` resolves inside the package root.
pub(crate) fn link_stays_inside(name: &str, target: &str) -> bool {
    if target.is_empty() || target.starts_with('/') || target.starts_with('\\') || target.contains('\0') {
        return false;
    }
    // Depth of the directory holding the link, then walk the target's components.
    let mut depth: i64 = name.trim_end_matches('/').split('/').filter(|p| !p.is_empty()).count() as i64 - 1;
    for part in target.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            _ => depth += 1,
        }
    }
    true
}

/// Joins a mount point and a relative entry name into the path the function sees.
pub(crate) fn mount_path(mount: &str, name: &str) -> String {
    let name = name.trim_start_matches("./");
    format!("{}/{}", mount.trim_end_matches('/'), name.trim_end_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_escaping_names() {
        assert_eq!(unsafe_reason("a/b.txt"), None);
        assert_eq!(unsafe_reason("a/..b/c"), None);
        assert!(unsafe_reason("../etc/passwd").is_some());
        assert!(unsafe_reason("a/../../b").is_some());
        assert!(unsafe_reason("/etc/passwd").is_some());
        assert!(unsafe_reason("C:/x").is_some());
        assert!(unsafe_reason("a\\..\\..\\x").is_some());
    }

    #[test]
    fn links_inside_and_out() {
        assert!(link_stays_inside("node_modules/.bin/x", "../x/cli.js"));
        assert!(link_stays_inside("a/b", "c"));
        assert!(!link_stays_inside("a/b", "../../etc/passwd"));
        assert!(!link_stays_inside("x", "/etc/passwd"));
        assert!(!link_stays_inside("x", "../y"));
    }
}
