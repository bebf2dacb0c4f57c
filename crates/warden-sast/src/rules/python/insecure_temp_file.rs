//! # Insecure temporary file
//!
//! ## What it finds
//! Temporary file names made first and opened later (`tempfile.mktemp`, `os.tempnam`, `os.tmpnam`).
//!
//! ## Why it matters
//! Between choosing the name and opening it another process can create the file or a symlink there and read or
//! redirect what is written.
//!
//! ## Example
//! ```python
//! path = tempfile.mktemp()
//! ```
//!
//! ## Fix
//! Let tempfile open the file:
//! ```python
//! with tempfile.NamedTemporaryFile() as f:
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/377.html

use crate::lang::Lang;
use crate::rules::{CallCheck, Check, Rule};
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "insecure-temp-file",
    name: "Insecure temporary file",
    cwes: &["CWE-377"],
    severity: Severity::Medium,
    tags: &["filesystem"],
    remediation: "Create temporary files with tempfile.NamedTemporaryFile, mkstemp or TemporaryDirectory, which pick an unused name and open it atomically.",
    references: &["https://cwe.mitre.org/data/definitions/377.html"],
    checks: &[
        Check::Call(CallCheck { pattern: "tempfile.mktemp", when: None, message: "mktemp returns a name, not a file" }),
        Check::Call(CallCheck { pattern: "os.tempnam", when: None, message: "tempnam returns a name, not a file" }),
        Check::Call(CallCheck { pattern: "os.tmpnam", when: None, message: "tmpnam returns a name, not a file" }),
    ],
};
