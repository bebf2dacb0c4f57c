//! # Path traversal
//!
//! ## What it finds
//! A file path built from attacker-controlled data (including through `Path.Combine`) opened, read, written,
//! copied or deleted with `System.IO` (`File.*`, `Directory.*`, `FileStream`, `StreamReader(path)`, `FileInfo`), or
//! served with `PhysicalFile`.
//!
//! ## Why it matters
//! `../` sequences or an absolute path reach any file the function can read: `/proc/self/environ` holds its AWS credentials.
//!
//! ## Example
//! ```csharp
//! var name = request.QueryStringParameters["name"];
//! var text = File.ReadAllText(Path.Combine("/tmp/reports", name));
//! ```
//!
//! ## Fix
//! ```csharp
//! var full = Path.GetFullPath(Path.Combine(BaseDir, name));
//! if (!full.StartsWith(BaseDir + Path.DirectorySeparatorChar)) return BadRequest();
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/22.html
//! - https://owasp.org/Top10/A03_2021-Injection/

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "path-traversal",
    name: "Path traversal",
    cwes: &["CWE-22"],
    severity: Severity::High,
    tags: &["injection", "path", "owasp-top10"],
    remediation: "Reduce the input to a file name with Path.GetFileName, or resolve Path.GetFullPath and check it starts with the base directory.",
    references: &["https://cwe.mitre.org/data/definitions/22.html", "https://owasp.org/Top10/A03_2021-Injection/"],
    checks: &[Check::Taint(Kind::Path)],
};
