//! # Insecure temporary file
//!
//! ## What it finds
//! `Path.GetTempFileName()`: a predictable file in the shared temporary directory.
//!
//! ## Why it matters
//! Other code in the same environment can guess, pre-create or read the file; `/tmp` survives between Lambda invocations.
//!
//! ## Example
//! ```csharp
//! var tmp = Path.GetTempFileName();
//! File.WriteAllText(tmp, report);
//! ```
//!
//! ## Fix
//! ```csharp
//! var tmp = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName());
//! using var fs = new FileStream(tmp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose);
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/377.html
//! - https://learn.microsoft.com/dotnet/api/system.io.path.gettempfilename

use crate::lang::Lang;
use crate::rules::{CallCheck, Check, Rule};
use warden_core::Severity;

const MESSAGE: &str = "Path.GetTempFileName creates a predictable shared temporary file";

const TEMP_CHECKS: &[Check] = &[
    Check::Call(CallCheck { pattern: "Path.GetTempFileName", when: None, message: MESSAGE }),
    Check::Call(CallCheck { pattern: "**.Path.GetTempFileName", when: None, message: MESSAGE }),
];

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "insecure-temp-file",
    name: "Insecure temporary file",
    cwes: &["CWE-377"],
    severity: Severity::Medium,
    tags: &["files"],
    remediation: "Create temporary files in a private directory with a random name and FileOptions.DeleteOnClose, or keep the data in memory.",
    references: &[
        "https://cwe.mitre.org/data/definitions/377.html",
        "https://learn.microsoft.com/dotnet/api/system.io.path.gettempfilename",
    ],
    checks: TEMP_CHECKS,
};
