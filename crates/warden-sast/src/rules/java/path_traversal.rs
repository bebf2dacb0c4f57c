//! # Path traversal
//!
//! ## What it finds
//! A file path built from attacker-controlled data and used to open, write, list or delete files: `new File(...)`,
//! `FileInputStream`/`FileOutputStream`/`FileReader`/`FileWriter`/`RandomAccessFile`,
//! `Paths.get`/`Path.of`/`Path.resolve`, `Files.*` (`readAllBytes`, `newInputStream`, `write`, `delete`, …) and
//! Commons IO `FileUtils`. `FilenameUtils.getName` and a normalise-then-`startsWith` check clean the value.
//!
//! ## Why it matters
//! `../` sequences or absolute paths let the caller read or overwrite files outside the intended directory, such as
//! `/proc/self/environ` with the function's credentials.
//!
//! ## Example
//! ```java
//! String name = event.getPathParameters().get("name");
//! byte[] data = Files.readAllBytes(Paths.get("/tmp/reports/" + name));
//! ```
//!
//! ## Fix
//! Keep only the file name, or normalise and check the prefix:
//! ```java
//! Path p = BASE.resolve(name).normalize();
//! if (!p.startsWith(BASE)) throw new SecurityException("bad path");
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/22.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "path-traversal",
    name: "Path traversal",
    cwes: &["CWE-22"],
    severity: Severity::High,
    tags: &["injection", "path", "owasp-top10"],
    remediation: "Use only the file name (FilenameUtils.getName) or normalise the path and check that it stays under the base directory before using it.",
    references: &["https://cwe.mitre.org/data/definitions/22.html"],
    checks: &[Check::Taint(Kind::Path)],
};
