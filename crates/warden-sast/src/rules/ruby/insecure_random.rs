//! # Insecure random numbers for security values
//!
//! ## What it finds
//! Tokens, passwords, session ids, nonces, salts, OTPs and keys generated with the non-cryptographic generator:
//! `rand`, `Random.rand`, `Random.new.rand`, `Kernel.rand`, `Array#sample`/`shuffle`, in an assignment to a
//! security-looking name or inside a method whose name says it makes one (`generate_token`).
//!
//! ## Why it matters
//! `rand` is a Mersenne Twister: its output can be predicted from a few observed values, so an attacker can guess
//! the next reset token or session id.
//!
//! ## Example
//! ```ruby
//! def reset_token
//!   token = rand(36**32).to_s(36)
//!   token
//! end
//! ```
//!
//! ## Fix
//! Use the secure generator:
//! ```ruby
//!   token = SecureRandom.urlsafe_base64(32)
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/338.html
//! - https://ruby-doc.org/stdlib/libdoc/securerandom/rdoc/SecureRandom.html

use super::shared::{Hits, each_stmt, enclosing_name, target_name};
use crate::ir::{Expr, ExprKind, Module, Stmt};
use crate::lang::Lang;
use crate::rules::{Check, RawHit, Rule};
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "insecure-random",
    name: "Insecure random numbers for security values",
    cwes: &["CWE-330", "CWE-338"],
    severity: Severity::Medium,
    tags: &["cryptography", "random"],
    remediation: "Generate tokens, passwords, salts and IVs with SecureRandom (SecureRandom.hex, urlsafe_base64, uuid, random_number).",
    references: &[
        "https://cwe.mitre.org/data/definitions/338.html",
        "https://ruby-doc.org/stdlib/libdoc/securerandom/rdoc/SecureRandom.html",
    ],
    checks: &[Check::Custom(weak_random_secret)],
};

const MSG: &str = "a security value from a non-cryptographic random generator";

/// Whether a name is about a secret value (`reset_token`, `password`, `session_id`, `otp`, `salt`, `api_key`).
fn security_name(name: &str) -> bool {
    let n = name.trim_start_matches('@').to_ascii_lowercase();
    let words: Vec<&str> = n.split(|c: char| !c.is_ascii_alphanumeric()).collect();
    words.iter().any(|w| {
        matches!(
            *w,
            "token"
                | "tokens"
                | "secret"
                | "password"
                | "passwd"
                | "pwd"
                | "passphrase"
                | "nonce"
                | "salt"
                | "otp"
                | "totp"
                | "pin"
                | "csrf"
                | "xsrf"
                | "sid"
                | "session"
                | "apikey"
                | "iv"
                | "key"
                | "otp_code"
                | "verification"
                | "reset"
                | "auth"
                | "authcode"
                | "challenge"
        )
    }) && !words.iter().any(|w| matches!(*w, "cache" | "partition" | "sort" | "object" | "s3" | "file" | "idempotency"))
}

/// A method that makes a secret (`generate_token`, `random_password`, `new_otp`): stricter than variable names.
fn security_function(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    let words: Vec<&str> = n.split(|c: char| !c.is_ascii_alphanumeric()).collect();
    words.iter().any(|w| {
        matches!(
            *w,
            "token"
                | "secret"
                | "password"
                | "passwd"
                | "passphrase"
                | "nonce"
                | "salt"
                | "otp"
                | "totp"
                | "csrf"
                | "apikey"
                | "code"
        )
    })
}

/// `rand(...)`, `Random.rand`, `Random.new.rand`, `chars.sample`, `shuffle`.
fn weak_random(e: &Expr) -> Option<&Expr> {
    let mut stack = vec![e];
    while let Some(e) = stack.pop() {
        if let ExprKind::Call { callee, .. } = &e.kind {
            let weak = match &callee.kind {
                ExprKind::Name(n) => matches!(n.as_str(), "rand" | "srand"),
                ExprKind::Attr { obj, name } => {
                    let recv = obj.dotted().unwrap_or_default();
                    let recv_new_random = matches!(&obj.kind, ExprKind::Call { callee, new: true, .. } if callee.dotted().as_deref() == Some("Random"));
                    (matches!(name.as_str(), "rand" | "bytes" | "random_number")
                        && (matches!(recv.as_str(), "Random" | "Kernel") || recv_new_random))
                        || (matches!(name.as_str(), "sample" | "shuffle") && recv != "SecureRandom")
                }
                _ => false,
            };
            if weak {
                return Some(e);
            }
        }
        stack.extend(e.children());
    }
    None
}

fn weak_random_secret(module: &Module, out: &mut Vec<RawHit>) {
    let mut hits = Hits::default();
    each_stmt(module, &mut |f, s| {
        let (value, named) = match s {
            Stmt::Assign { target, value: Some(v), .. } => (v, target_name(target).is_some_and(security_name)),
            Stmt::Return(Some(v), _) => (v, false),
            Stmt::Expr(v) => (v, false),
            _ => return,
        };
        let in_security_fn = security_function(enclosing_name(module, f));
        if (named || in_security_fn)
            && let Some(call) = weak_random(value)
        {
            hits.add(call.span, MSG);
        }
    });
    out.extend(hits.out);
}
