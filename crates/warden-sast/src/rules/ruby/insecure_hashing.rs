//! # Weak hashing algorithm
//!
//! ## What it finds
//! MD5 or SHA-1 used for a password, a secret or a signature: `Digest::MD5.hexdigest(password + salt)`,
//! `token = Digest::SHA1.hexdigest(...)`, `OpenSSL::Digest.new("SHA1")` in a method that signs or authenticates,
//! HMAC-MD5 and HMAC-SHA1 (`OpenSSL::HMAC.hexdigest("md5", key, data)`), and any MD5/SHA-1 in authentication code
//! (a file or directory named for authentication, passwords, credentials or signatures). A checksum, an ETag or a
//! cache key (`Digest::MD5.file(path).base64digest == checksum`) is not reported: nothing depends on it being hard to
//! forge.
//!
//! ## Why it matters
//! MD5 and SHA-1 have practical collisions and are fast to brute-force: password hashes built on them are reversed
//! with a GPU in hours, and signatures and tokens built on them can be forged.
//!
//! ## Example
//! ```ruby
//! def hash_password(password, salt)
//!   Digest::SHA1.hexdigest(salt + password)
//! end
//! ```
//!
//! ## Fix
//! Hash passwords with a password hash (bcrypt, scrypt, Argon2) and sign with SHA-256 or better:
//! ```ruby
//!   BCrypt::Password.create(password)
//!   OpenSSL::HMAC.hexdigest("SHA256", key, data)
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/328.html
//! - https://ruby-doc.org/stdlib/libdoc/digest/rdoc/Digest.html

use super::shared::{Hits, Visit, enclosing_name, target_name, walk};
use crate::ir::{Expr, ExprKind, Module, Stmt};
use crate::lang::Lang;
use crate::rules::{Check, RawHit, Rule};
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "insecure-hashing",
    name: "Weak hashing algorithm",
    cwes: &["CWE-327", "CWE-328"],
    severity: Severity::Medium,
    tags: &["cryptography", "hashing"],
    remediation: "Hash passwords with bcrypt, scrypt or Argon2 and sign with SHA-256 or better (OpenSSL::HMAC.hexdigest(\"SHA256\", key, data), Digest::SHA256); MD5/SHA-1 stay fine for checksums and cache keys.",
    references: &[
        "https://cwe.mitre.org/data/definitions/328.html",
        "https://ruby-doc.org/stdlib/libdoc/digest/rdoc/Digest.html",
    ],
    checks: &[Check::Custom(weak_hash_for_security)],
};

/// Words of a value's name that say it is a secret.
const SECRET_WORDS: &[&str] = &[
    "password",
    "passwd",
    "pwd",
    "passphrase",
    "secret",
    "secrets",
    "token",
    "tokens",
    "salt",
    "credential",
    "credentials",
    "apikey",
    "otp",
    "pin",
    "nonce",
    "cnonce",
    "signature",
];

/// Words of a method's name that say it signs, authenticates or makes a secret.
const PURPOSE_WORDS: &[&str] = &[
    "sign",
    "signed",
    "signature",
    "hmac",
    "mac",
    "password",
    "passwd",
    "credential",
    "credentials",
    "auth",
    "authenticate",
    "authentication",
    "token",
    "secret",
    "salt",
    "otp",
    "nonce",
    "encrypt",
    "crypt",
];

/// Words of a file's path that make it authentication code.
const PATH_WORDS: &[&str] = &[
    "auth",
    "authentication",
    "authenticator",
    "password",
    "passwords",
    "passwd",
    "credential",
    "credentials",
    "signature",
    "signatures",
    "signing",
    "signer",
    "oauth",
    "oauth2",
    "jwt",
    "hmac",
];

/// The lower-case words of an identifier or path (`reset_password_token`, `SecretKey`, `rack/auth/digest/md5.rb`).
fn words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if !c.is_ascii_alphanumeric() {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            prev_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower && !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        word.push(c.to_ascii_lowercase());
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

fn has_word(name: &str, set: &[&str]) -> bool {
    let w = words(name);
    w.iter().any(|w| set.contains(&w.as_str()))
        || w.windows(2).any(|p| matches!(p, [a, b] if b == "key" && matches!(a.as_str(), "api" | "private" | "signing")))
}

fn weak_name(s: &str) -> Option<&'static str> {
    match s.to_ascii_lowercase().replace(['-', '_'], "").as_str() {
        "md5" | "md4" | "md2" => Some("MD5"),
        "sha1" | "sha" | "ripemd160" | "rmd160" => Some("SHA-1"),
        _ => None,
    }
}

fn weak_class(dotted: &str) -> Option<&'static str> {
    match dotted {
        "Digest.MD5" | "OpenSSL.Digest.MD5" => Some("MD5"),
        "Digest.SHA1" | "OpenSSL.Digest.SHA1" => Some("SHA-1"),
        _ => None,
    }
}

/// Which weak algorithm a call computes: `Digest::MD5.new`, `Digest::SHA1.hexdigest(x)`, `Digest::MD5.file(p)`,
/// `OpenSSL::Digest.new("SHA1")`, `OpenSSL::Digest.digest("MD5", x)`. A call on an instance (`md5.update(x)`) is
/// judged where the instance is made.
fn weak_call(e: &Expr) -> Option<&'static str> {
    let ExprKind::Call { callee, args, new } = &e.kind else { return None };
    let first_name = || args.first().and_then(|a| a.value.as_str()).and_then(weak_name);
    if *new {
        let d = callee.dotted()?;
        return weak_class(&d).or_else(|| if d == "OpenSSL.Digest" { first_name() } else { None });
    }
    let ExprKind::Attr { obj, name } = &callee.kind else { return None };
    if !matches!(name.as_str(), "hexdigest" | "digest" | "base64digest" | "file" | "bubblebabble") || args.is_empty() {
        return None;
    }
    let d = obj.dotted()?;
    weak_class(&d).or_else(|| if d == "OpenSSL.Digest" { first_name() } else { None })
}

/// `OpenSSL::HMAC.hexdigest("md5", key, data)`, `OpenSSL::HMAC.digest(OpenSSL::Digest::SHA1.new, key, data)`:
/// the weak digest of a MAC.
fn weak_hmac(e: &Expr) -> Option<&'static str> {
    let ExprKind::Call { callee, args, .. } = &e.kind else { return None };
    let d = callee.dotted()?;
    if !(d == "OpenSSL.HMAC" || d.starts_with("OpenSSL.HMAC.")) {
        return None;
    }
    let first = &args.first()?.value;
    first.as_str().and_then(weak_name).or_else(|| weak_call(first)).or_else(|| first.dotted().as_deref().and_then(weak_class))
}

/// Whether an expression reads a value whose name says it is a secret (`password`, `@salt`, `params[:token]`).
fn mentions_secret(e: &Expr) -> bool {
    let mut stack = vec![e];
    while let Some(e) = stack.pop() {
        let hit = match &e.kind {
            ExprKind::Name(n) | ExprKind::Attr { name: n, .. } => has_word(n, SECRET_WORDS),
            ExprKind::Index { index, .. } => index.as_str().is_some_and(|k| has_word(k, SECRET_WORDS)),
            _ => false,
        };
        if hit {
            return true;
        }
        stack.extend(e.children());
    }
    false
}

fn weak_hash_for_security(module: &Module, out: &mut Vec<RawHit>) {
    let mut hits = Hits::default();
    let auth_file = has_word(&module.path, PATH_WORDS);
    // Weak hashes whose result is assigned to a secret's name (`token = Digest::SHA1.hexdigest(…)`).
    let mut named: Vec<crate::ir::Span> = Vec::new();
    walk(module, &mut |f, v| match v {
        Visit::Stmt(Stmt::Assign { target, value: Some(value), .. })
            if target_name(target).is_some_and(|n| has_word(n, SECRET_WORDS)) =>
        {
            named.push(value.span);
        }
        Visit::Expr(e) => {
            if let Some(algo) = weak_hmac(e) {
                hits.add(e.span, &format!("{algo} is the digest of a signature (HMAC)"));
                return;
            }
            let Some(algo) = weak_call(e) else { return };
            let ExprKind::Call { args, .. } = &e.kind else { return };
            let purpose = enclosing_name(module, f);
            if args.iter().any(|a| mentions_secret(&a.value)) {
                hits.add(e.span, &format!("{algo} hashes a secret"));
            } else if named.iter().any(|s| s.start_byte <= e.span.start_byte && e.span.end_byte <= s.end_byte) {
                hits.add(e.span, &format!("{algo} makes a secret value"));
            } else if has_word(purpose, PURPOSE_WORDS) {
                hits.add(e.span, &format!("{algo} used in `{purpose}`"));
            } else if auth_file {
                hits.add(e.span, &format!("{algo} used in authentication code"));
            }
        }
        _ => {}
    });
    out.extend(hits.out);
}
