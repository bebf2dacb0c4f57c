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

fn verification_disabled(module: &Module, out: &mut Vec<RawHit>) {
    let mut hits = Hits::default();
    let mut compared: Vec<Span> = Vec::new();
    walk(module, &mut |_, v| match v {
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
    });
    out.extend(hits.out);
}
