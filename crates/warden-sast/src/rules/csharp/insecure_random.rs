//! # Insecure random numbers
//!
//! ## What it finds
//! `System.Random` (`new Random()`, `Random.Shared`) used to make security values: assigned to variables or fields
//! named like tokens, passwords, secrets, keys, salts, nonces, OTPs or codes, or returned from methods named so
//! (`GenerateToken`).
//!
//! ## Why it matters
//! `System.Random` is predictable: seen outputs give away the next ones, so tokens and codes can be guessed.
//!
//! ## Example
//! ```csharp
//! var random = new Random();
//! var resetToken = random.Next(100000, 999999).ToString();
//! ```
//!
//! ## Fix
//! ```csharp
//! var resetToken = RandomNumberGenerator.GetInt32(100000, 1000000).ToString();
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/338.html
//! - https://learn.microsoft.com/dotnet/api/system.security.cryptography.randomnumbergenerator

use super::shared;
use crate::lang::Lang;
use crate::rules::{Check, Rule};
use warden_core::Severity;

use crate::ir::{Expr, ExprKind, Module, Stmt};
use crate::rules::RawHit;

const SECURITY_WORDS: &[&str] = &[
    "token", "password", "passwd", "secret", "key", "salt", "nonce", "otp", "code", "pin", "session", "csrf", "iv",
    "apikey",
];

fn security_name(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    SECURITY_WORDS.iter().any(|w| n.contains(w)) && !n.contains("keyboard") && !n.contains("monkey")
}

fn is_random_ctor(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Call { callee, new: true, .. } if callee.dotted().is_some_and(|d| d == "Random" || d.ends_with(".Random")))
}

/// Whether `e` draws from `System.Random` (a known instance, `Random.Shared`, `new Random().Next()`).
fn draws_random(e: &Expr, instances: &[String]) -> bool {
    shared::any_part(e, &|x| {
        let ExprKind::Call { callee, .. } = &x.kind else { return false };
        let ExprKind::Attr { obj, name } = &callee.kind else { return false };
        if !matches!(name.as_str(), "Next" | "NextBytes" | "NextDouble" | "NextInt64" | "GetItems" | "NextSingle") {
            return false;
        }
        is_random_ctor(obj)
            || obj
                .dotted()
                .is_some_and(|d| d == "Random.Shared" || d.ends_with(".Random.Shared") || instances.contains(&d))
    })
}

fn check(m: &Module, out: &mut Vec<RawHit>) {
    // Variables and fields holding a System.Random.
    let mut instances = Vec::new();
    shared::each_stmt(m, &mut |s| {
        if let Stmt::Assign { target, value: Some(v), ty, .. } = s
            && (is_random_ctor(v) || ty.as_deref() == Some("Random"))
            && let Some(d) = target.dotted()
        {
            instances.push(d);
        }
    });
    let message = "System.Random is predictable; use RandomNumberGenerator for security values";
    for f in &m.functions {
        let function_is_security = security_name(&f.name);
        shared::stmts_of(&f.body, &mut |s| match s {
            Stmt::Assign { target, value: Some(v), span, .. } => {
                let name = shared::last_name(target).unwrap_or_default();
                if security_name(name) && draws_random(v, &instances) {
                    shared::push_hit(out, *span, message);
                }
            }
            Stmt::Return(Some(v), span) if function_is_security && draws_random(v, &instances) => {
                shared::push_hit(out, *span, message);
            }
            _ => {}
        });
    }
}

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "insecure-random",
    name: "Insecure random numbers",
    cwes: &["CWE-330", "CWE-338"],
    severity: Severity::Medium,
    tags: &["cryptography", "random"],
    remediation: "Use RandomNumberGenerator (GetBytes, GetInt32, GetHexString) for tokens, passwords, keys and codes.",
    references: &[
        "https://cwe.mitre.org/data/definitions/338.html",
        "https://learn.microsoft.com/dotnet/api/system.security.cryptography.randomnumbergenerator",
    ],
    checks: &[Check::Custom(check)],
};
