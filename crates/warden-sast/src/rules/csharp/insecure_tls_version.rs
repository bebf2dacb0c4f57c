//! # Insecure TLS version
//!
//! ## What it finds
//! SSL 2/3 and TLS 1.0/1.1 enabled: `SslProtocols.Tls`, `SslProtocols.Tls11`, `SslProtocols.Ssl3`,
//! `SecurityProtocolType.Tls`, `SecurityProtocolType.Ssl3` in handler settings or `ServicePointManager`.
//!
//! ## Why it matters
//! These protocol versions have known attacks (POODLE, BEAST) and are rejected by modern services.
//!
//! ## Example
//! ```csharp
//! handler.SslProtocols = SslProtocols.Tls | SslProtocols.Tls11;
//! ```
//!
//! ## Fix
//! ```csharp
//! handler.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/327.html
//! - https://learn.microsoft.com/dotnet/framework/network-programming/tls

use super::shared;
use crate::lang::Lang;
use crate::rules::{Check, Rule};
use warden_core::Severity;

use crate::ir::Module;
use crate::rules::RawHit;

const OLD: &[&str] = &[
    "SslProtocols.Tls",
    "SslProtocols.Tls11",
    "SslProtocols.Ssl2",
    "SslProtocols.Ssl3",
    "SecurityProtocolType.Tls",
    "SecurityProtocolType.Tls11",
    "SecurityProtocolType.Ssl3",
];

fn check(m: &Module, out: &mut Vec<RawHit>) {
    shared::each_expr(m, &mut |e| {
        if let Some(d) = e.dotted()
            && OLD.iter().any(|o| d == *o || d.ends_with(&format!(".{o}")))
        {
            shared::push_hit(out, e.span, "SSL 3 and TLS 1.0/1.1 are obsolete");
        }
    });
}

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "insecure-tls-version",
    name: "Insecure TLS version",
    cwes: &["CWE-327"],
    severity: Severity::Medium,
    tags: &["cryptography", "tls"],
    remediation: "Let the OS choose (SslProtocols.None / SecurityProtocolType.SystemDefault) or require TLS 1.2 and 1.3.",
    references: &[
        "https://cwe.mitre.org/data/definitions/327.html",
        "https://learn.microsoft.com/dotnet/framework/network-programming/tls",
    ],
    checks: &[Check::Custom(check)],
};
