//! # Insecure temporary file
//!
//! ## What it finds
//! Temporary file names made with `Dir::Tmpname.create` or `Dir::Tmpname.make_tmpname`, which return a name without
//! creating the file, so the file is opened later by name.
//!
//! ## Why it matters
//! Between choosing the name and opening it another process can create the file or a symlink with that name, so the
//! program writes where the attacker wants or reads what they prepared.
//!
//! ## Example
//! ```ruby
//! path = Dir::Tmpname.create("report") { |p| p }
//! File.write(path, data)
//! ```
//!
//! ## Fix
//! Let Tempfile create and open the file in one step:
//! ```ruby
//! Tempfile.create("report") { |f| f.write(data) }
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/377.html
//! - https://ruby-doc.org/stdlib/libdoc/tempfile/rdoc/Tempfile.html

use crate::lang::Lang;
use crate::rules::{CallCheck, Check, Rule};
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "insecure-temp-file",
    name: "Insecure temporary file",
    cwes: &["CWE-377"],
    severity: Severity::Medium,
    tags: &["filesystem"],
    remediation: "Create temporary files with Tempfile.create / Tempfile.new or Dir.mktmpdir, which pick an unpredictable name and open it exclusively.",
    references: &[
        "https://cwe.mitre.org/data/definitions/377.html",
        "https://ruby-doc.org/stdlib/libdoc/tempfile/rdoc/Tempfile.html",
    ],
    checks: &[
        Check::Call(CallCheck { pattern: "Dir.Tmpname.create", when: None, message: MSG }),
        Check::Call(CallCheck { pattern: "Dir.Tmpname.make_tmpname", when: None, message: MSG }),
        Check::Call(CallCheck { pattern: "Dir::Tmpname.create", when: None, message: MSG }),
    ],
};

const MSG: &str = "a temporary file name chosen before the file is created";
