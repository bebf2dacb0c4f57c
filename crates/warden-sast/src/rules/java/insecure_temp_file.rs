//! # Insecure temporary file
//!
//! ## What it finds
//! `File.createTempFile`, which creates the file with the process's default permissions (often readable by every
//! user) in the shared temporary directory, and Guava's deprecated `Files.createTempDir`.
//!
//! ## Why it matters
//! Other users and processes on the host can read the file, or race to replace it before it is used.
//!
//! ## Example
//! ```java
//! File tmp = File.createTempFile("report", ".csv");
//! ```
//!
//! ## Fix
//! `java.nio.file.Files.createTempFile` creates the file readable by its owner only on POSIX systems:
//! ```java
//! Path tmp = Files.createTempFile("report", ".csv");
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/377.html

use crate::lang::Lang;
use crate::rules::{CallCheck, Check, Rule};
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "insecure-temp-file",
    name: "Insecure temporary file",
    cwes: &["CWE-377"],
    severity: Severity::Medium,
    tags: &["filesystem"],
    remediation: "Use java.nio.file.Files.createTempFile (owner-only permissions on POSIX) or pass PosixFilePermissions.asFileAttribute(fromString(\"rw-------\")).",
    references: &["https://cwe.mitre.org/data/definitions/377.html"],
    checks: &[
        Check::Call(CallCheck {
            pattern: "**.File.createTempFile",
            when: None,
            message: "a temporary file with default permissions",
        }),
        Check::Call(CallCheck {
            pattern: "com.google.common.io.Files.createTempDir",
            when: None,
            message: "a temporary directory with default permissions",
        }),
    ],
};
