//! # Improper certificate validation
//!
//! ## What it finds
//! TLS certificate verification turned off: `OpenSSL::SSL::VERIFY_NONE` (`http.verify_mode = …`, `verify_mode: …`),
//! HTTParty `verify: false`, Faraday `ssl: { verify: false }`, RestClient `verify_ssl: false`, Excon
//! `ssl_verify_peer: false`, Typhoeus `ssl_verifypeer: false`.
//!
//! ## Why it matters
//! Without verification anyone on the network path can impersonate the server, read the traffic and change
//! responses, including credentials sent with it.
//!
//! ## Example
//! ```ruby
//! http = Net::HTTP.new(host, 443)
//! http.use_ssl = true
//! http.verify_mode = OpenSSL::SSL::VERIFY_NONE
//! ```
//!
//! ## Fix
//! Verify certificates, trusting your CA if needed:
//! ```ruby
//! http.verify_mode = OpenSSL::SSL::VERIFY_PEER
//! http.ca_file = "/var/task/certs/internal-ca.pem"
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/295.html
//! - https://ruby-doc.org/stdlib/libdoc/openssl/rdoc/OpenSSL/SSL.html

use super::shared::{Hits, Visit, key_str, walk};
use crate::ir::{Expr, ExprKind, Module, Span, Stmt};
use crate::lang::Lang;
use crate::rules::{Check, RawHit, Rule};
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "improper-certificate-validation",
    name: "Improper certificate validation",
    cwes: &["CWE-295"],
    severity: Severity::High,
    tags: &["cryptography", "tls"],
    remediation: "Keep certificate verification on (OpenSSL::SSL::VERIFY_PEER, the default of Net::HTTP and the HTTP gems); to trust a private CA, set ca_file or cert_store instead of disabling checks.",
    references: &[
        "https://cwe.mitre.org/data/definitions/295.html",
        "https://ruby-doc.org/stdlib/libdoc/openssl/rdoc/OpenSSL/SSL.html",
    ],
    checks: &[Check::Custom(verification_disabled)],
};

const MSG: &str = "TLS certificate verification is disabled";
const VERIFY_KEYS: &[&str] =
    &["verify", "verify_ssl", "ssl_verify", "ssl_verify_peer", "ssl_verifypeer", "verify_peer", "verify_certificate"];

fn is_false(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Bool(false)) || matches!(&e.kind, ExprKind::Num(n) if n == "0")
}

/// Whether an expression names `VERIFY_PEER` (`OpenSSL::SSL::VERIFY_PEER | VERIFY_FAIL_IF_NO_PEER_CERT`).
fn mentions_peer(e: &Expr) -> bool {
    let mut stack = vec![e];
    while let Some(e) = stack.pop() {
        if matches!(&e.kind, ExprKind::Attr { name, .. } | ExprKind::Name(name) if name == "VERIFY_PEER") {
            return true;
        }
        stack.extend(e.children());
    }
    false
}

/// The spans of `VERIFY_NONE` given as the value a branch picks (the last statement of a branch).
fn none_values(stmts: &[Stmt], out: &mut Vec<Span>) {
    let value = match stmts.last() {
        Some(Stmt::Expr(e) | Stmt::Return(Some(e), _)) => e,
        Some(Stmt::Assign { value: Some(e), .. }) => e,
        _ => return,
    };
    if matches!(&value.kind, ExprKind::Attr { name, .. } | ExprKind::Name(name) if name == "VERIFY_NONE") {
        out.push(value.span);
    }
}

fn branch_mentions_peer(stmts: &[Stmt]) -> bool {
    match stmts.last() {
        Some(Stmt::Expr(e) | Stmt::Return(Some(e), _)) => mentions_peer(e),
        Some(Stmt::Assign { value: Some(e), .. }) => mentions_peer(e),
        _ => false,
    }
}

/// `if ssl.fetch(:verify, true) then VERIFY_PEER else VERIFY_NONE end`, `opts[:verify] ? VERIFY_PEER : VERIFY_NONE`:
/// a caller's setting mapped to a mode. The switch-off is where `verify: false` is given (reported there), not here.
fn mapped_settings(v: Visit, out: &mut Vec<Span>) {
    match v {
        Visit::Stmt(Stmt::If { then, otherwise, .. }) => {
            if branch_mentions_peer(then) {
                none_values(otherwise, out);
            }
            if branch_mentions_peer(otherwise) {
                none_values(then, out);
            }
        }
        Visit::Expr(Expr { kind: ExprKind::Cond { then, otherwise, .. }, .. }) => {
            for (a, b) in [(then, otherwise), (otherwise, then)] {
                if mentions_peer(a)
                    && matches!(&b.kind, ExprKind::Attr { name, .. } | ExprKind::Name(name) if name == "VERIFY_NONE")
                {
                    out.push(b.span);
                }
            }
        }
        // `x = begin if … end end`, `a || if … end`: an `if` used as a value keeps its branch values side by side.
        Visit::Expr(Expr { kind: ExprKind::Other(items), .. }) if items.iter().any(mentions_peer) => {
            for i in items {
                if matches!(&i.kind, ExprKind::Attr { name, .. } | ExprKind::Name(name) if name == "VERIFY_NONE") {
                    out.push(i.span);
                }
            }
        }
        _ => {}
    }
}

fn verification_disabled(module: &Module, out: &mut Vec<RawHit>) {
    let mut hits = Hits::default();
    let mut compared: Vec<Span> = Vec::new();
    walk(module, &mut |_, v| {
        mapped_settings(v, &mut compared);
        check(v, &mut hits, &mut compared);
    });
    out.extend(hits.out);
}

fn check(v: Visit, hits: &mut Hits, compared: &mut Vec<Span>) {
    match v {
        Visit::Stmt(s) => {
            // `conn.ssl[:verify] = false`, `http.verify_ssl = false`
            if let Stmt::Assign { target, value: Some(v), span, .. } = s {
                let name = match &target.kind {
                    ExprKind::Attr { name, .. } => Some(name.as_str()),
                    ExprKind::Index { index, .. } => index.as_str(),
                    _ => None,
                };
                if name.is_some_and(|n| VERIFY_KEYS.contains(&n)) && is_false(v) {
                    hits.add(*span, MSG);
                }
            }
        }
        Visit::Expr(e) => match &e.kind {
            // `if ctx.verify_mode != VERIFY_NONE` only reads the setting.
            ExprKind::Binary { op, left, right } if matches!(op.as_str(), "==" | "!=" | "===" | "equal?") => {
                compared.push(left.span);
                compared.push(right.span);
            }
            ExprKind::Attr { name, .. } | ExprKind::Name(name)
                if name == "VERIFY_NONE" && !compared.contains(&e.span) =>
            {
                hits.add(e.span, MSG)
            }
            ExprKind::Call { args, .. } => {
                for a in args {
                    if a.name.as_deref().is_some_and(|n| VERIFY_KEYS.contains(&n)) && is_false(&a.value) {
                        hits.add(a.value.span, MSG);
                    }
                }
            }
            ExprKind::Dict(entries) => {
                for (k, v) in entries {
                    if key_str(k).is_some_and(|n| VERIFY_KEYS.contains(&n)) && is_false(v) {
                        hits.add(v.span, MSG);
                    }
                }
            }
            _ => {}
        },
    }
}
