//! # Insecure hashing
//!
//! ## What it finds
//! MD5 or SHA-1 (`hashlib.md5`, `hashlib.sha1`, `hashlib.new('md5')`, PyCryptodome `MD5`/`SHA1`, `cryptography`
//! `hashes.MD5`/`SHA1`) used for passwords, secrets or signatures: the hashed value's name says it is a password,
//! secret, token, key or salt; the function's name says it hashes a password or signs; or the hash is the digest of
//! an HMAC or a signature. A checksum, cache key or ETag (and anything marked `usedforsecurity=False`) is not
//! reported.
//!
//! ## Why it matters
//! Both are broken for collision resistance: signatures built on them can be forged, and they are far too fast
//! for passwords: a leaked table of MD5 password hashes is cracked in hours.
//!
//! ## Example
//! ```python
//! def store_user(name, password):
//!     db.save(name, hashlib.md5(password.encode()).hexdigest())
//! ```
//!
//! ## Fix
//! Hash passwords with a password hash, and sign with SHA-256 or better:
//! ```python
//!     db.save(name, bcrypt.hashpw(password.encode(), bcrypt.gensalt()))
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/328.html
//! - https://cwe.mitre.org/data/definitions/916.html

use crate::ir::{Expr, ExprKind, Function, Module};
use crate::lang::Lang;
use crate::rules::shared_walk::{function_expressions, walk_expr};
use crate::rules::{Check, RawHit, Rule};
use warden_core::Severity;

/// Weak hash constructors, as imported names resolve (`hashlib.md5`, `Crypto.Hash.MD5.new`).
const WEAK: &[(&str, &str)] = &[
    ("hashlib.md5", "MD5"),
    ("hashlib.sha1", "SHA-1"),
    ("Crypto.Hash.MD5.new", "MD5"),
    ("Crypto.Hash.SHA.new", "SHA-1"),
    ("Crypto.Hash.SHA1.new", "SHA-1"),
    ("Cryptodome.Hash.MD5.new", "MD5"),
    ("Cryptodome.Hash.SHA1.new", "SHA-1"),
    ("cryptography.hazmat.primitives.hashes.MD5", "MD5"),
    ("cryptography.hazmat.primitives.hashes.SHA1", "SHA-1"),
];

/// Words that make a name security-relevant.
const SECRET_WORDS: &[&str] = &[
    "password",
    "passwd",
    "pwd",
    "passphrase",
    "secret",
    "token",
    "salt",
    "credential",
    "apikey",
    "api_key",
    "otp",
    "pin",
];
const SIGNING_WORDS: &[&str] =
    &["sign", "signature", "hmac", "mac", "verify", "auth", "password", "passwd", "credential"];

fn has_word(name: &str, words: &[&str]) -> bool {
    let lower = name.to_ascii_lowercase();
    words.iter().any(|w| lower.contains(w))
}

/// The dotted name a callee stands for, imports resolved.
fn resolved(module: &Module, callee: &Expr) -> Option<String> {
    let dotted = callee.dotted()?;
    let (head, rest) = dotted.split_once('.').map_or((dotted.as_str(), ""), |(h, r)| (h, r));
    Some(match module.import(head) {
        Some(target) if rest.is_empty() => target.to_string(),
        Some(target) => format!("{target}.{rest}"),
        None => dotted,
    })
}

/// Which weak algorithm a call makes, if any: `hashlib.md5(...)`, `hashlib.new("sha1", ...)`.
fn weak_call(module: &Module, e: &Expr) -> Option<&'static str> {
    let ExprKind::Call { callee, args, .. } = &e.kind else { return None };
    if args
        .iter()
        .any(|a| a.name.as_deref() == Some("usedforsecurity") && matches!(a.value.kind, ExprKind::Bool(false)))
    {
        return None;
    }
    let name = resolved(module, callee)?;
    if let Some((_, algo)) = WEAK.iter().find(|(w, _)| *w == name) {
        return Some(algo);
    }
    if name == "hashlib.new" {
        let algo = args.first()?.value.as_str()?.to_ascii_lowercase();
        return match algo.as_str() {
            "md5" | "md4" | "md2" => Some("MD5"),
            "sha1" | "sha-1" => Some("SHA-1"),
            _ => None,
        };
    }
    None
}

/// Whether an expression reads a name that says it holds a secret.
fn mentions_secret(e: &Expr) -> bool {
    let mut found = false;
    walk_expr(e, &mut |x| match &x.kind {
        ExprKind::Name(n) | ExprKind::Attr { name: n, .. } if has_word(n, SECRET_WORDS) => found = true,
        _ => {}
    });
    found
}

/// `hmac.new(key, msg, hashlib.md5)`, `digestmod=hashlib.sha1`: a weak hash as the digest of a MAC.
fn weak_digest_argument(module: &Module, e: &Expr) -> Option<&'static str> {
    let ExprKind::Call { callee, args, .. } = &e.kind else { return None };
    let name = resolved(module, callee)?;
    if !(name.starts_with("hmac.") || name.ends_with(".HMAC") || has_word(&name, &["sign"])) {
        return None;
    }
    args.iter().find_map(|a| {
        let d = resolved(module, &a.value)?;
        WEAK.iter().find(|(w, _)| *w == d).map(|(_, algo)| *algo).or(match a.value.as_str() {
            Some("md5") => Some("MD5"),
            Some("sha1") => Some("SHA-1"),
            _ => None,
        })
    })
}

fn check_function(module: &Module, f: &Function, out: &mut Vec<RawHit>) {
    let signing_function = has_word(&f.name, SIGNING_WORDS) || has_word(&f.name, &["hash_password", "password"]);
    function_expressions(f, &mut |e| {
        if let Some(algo) = weak_digest_argument(module, e) {
            out.push(RawHit {
                span: e.span,
                message: format!("{algo} is the digest of a signature"),
                trace: Vec::new(),
            });
            return;
        }
        let Some(algo) = weak_call(module, e) else { return };
        let ExprKind::Call { args, .. } = &e.kind else { return };
        if args.iter().any(|a| mentions_secret(&a.value)) {
            out.push(RawHit { span: e.span, message: format!("{algo} hashes a secret"), trace: Vec::new() });
        } else if signing_function {
            out.push(RawHit { span: e.span, message: format!("{algo} used in `{}`", f.name), trace: Vec::new() });
        }
    });
}

/// MD5/SHA-1 where the purpose is a password, a secret or a signature.
fn weak_hash_for_security(module: &Module, out: &mut Vec<RawHit>) {
    for f in &module.functions {
        check_function(module, f, out);
    }
}

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "insecure-hashing",
    name: "Insecure hashing",
    cwes: &["CWE-327", "CWE-328"],
    severity: Severity::Medium,
    tags: &["cryptography"],
    remediation: "Hash passwords with a password hash (bcrypt, scrypt, argon2, hashlib.pbkdf2_hmac) and sign with \
                  SHA-256 or better; pass usedforsecurity=False where MD5/SHA-1 is only a checksum.",
    references: &["https://cwe.mitre.org/data/definitions/328.html"],
    checks: &[Check::Custom(weak_hash_for_security)],
};
