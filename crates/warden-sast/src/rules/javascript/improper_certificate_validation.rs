//! # Improper certificate validation
//!
//! ## What it finds
//! TLS certificate checks turned off: `rejectUnauthorized: false` in any options object (`https.Agent`,
//! `https.request`, `tls.connect`, axios `httpsAgent`, got `https`, database drivers' `ssl`), `strictSSL: false`
//! (request), `checkServerIdentity` that accepts any host, and `NODE_TLS_REJECT_UNAUTHORIZED=0` set in code.
//!
//! ## Why it matters
//! Without certificate checks anyone on the network path can impersonate the server and read or change the
//! traffic, credentials included.
//!
//! ## Example
//! ```javascript
//! const agent = new https.Agent({ rejectUnauthorized: false });
//! process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
//! ```
//!
//! ## Fix
//! Keep verification on; trust a private CA explicitly instead:
//! ```javascript
//! const agent = new https.Agent({ ca: fs.readFileSync('/opt/ca.pem') });
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/295.html

use super::shared::{dotted_assignments, hit, objects};
use crate::ir::{ExprKind, Module, Stmt};
use crate::lang::Lang;
use crate::rules::{Check, RawHit, Rule};
use warden_core::Severity;

fn falsy_literal(e: &crate::ir::Expr) -> bool {
    match &e.kind {
        ExprKind::Bool(false) | ExprKind::Null => true,
        ExprKind::Num(n) => n == "0",
        ExprKind::Str(s) => s == "0" || s.eq_ignore_ascii_case("false"),
        _ => false,
    }
}

fn unverified(module: &Module, out: &mut Vec<RawHit>) {
    objects(module, &mut |entries, _| {
        for (k, v) in entries {
            let Some(key) = k.as_ref().and_then(|k| k.as_str()) else { continue };
            match key {
                "rejectUnauthorized" | "strictSSL" | "verifySSL" | "verify_ssl" if falsy_literal(v) => {
                    hit(out, v.span, "TLS certificate verification is turned off");
                }
                "checkServerIdentity" => {
                    if let ExprKind::Lambda(id) = v.kind
                        && let Some(f) = module.functions.get(id)
                        && accepts_all(&f.body)
                    {
                        hit(out, v.span, "checkServerIdentity accepts any certificate");
                    }
                }
                _ => {}
            }
        }
    });
    dotted_assignments(module, &mut |path, value, span| {
        if path.ends_with("env.NODE_TLS_REJECT_UNAUTHORIZED") && falsy_literal(value) {
            hit(out, span, "NODE_TLS_REJECT_UNAUTHORIZED=0 turns off certificate checks for the whole process");
        }
    });
}

/// `() => {}`, `() => undefined`, `() => { return; }`.
fn accepts_all(body: &[Stmt]) -> bool {
    match body {
        [] => true,
        [Stmt::Return(None, _)] => true,
        [Stmt::Return(Some(e), _)] => matches!(e.kind, ExprKind::Null),
        _ => false,
    }
}

pub const RULE: Rule = Rule {
    lang: Lang::JavaScript,
    slug: "improper-certificate-validation",
    name: "Improper certificate validation",
    cwes: &["CWE-295"],
    severity: Severity::High,
    tags: &["tls", "cryptography"],
    remediation: "Keep certificate verification on (rejectUnauthorized defaults to true); to trust a private CA, \
                  pass it with the `ca` option.",
    references: &["https://cwe.mitre.org/data/definitions/295.html"],
    checks: &[Check::Custom(unverified)],
};
