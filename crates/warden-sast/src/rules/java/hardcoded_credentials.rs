//! # Hardcoded credentials
//!
//! ## What it finds
//! Credentials written in the source: AWS access keys, private keys, API tokens of well-known services, string
//! constants assigned to fields or variables named like passwords, secrets or keys (`private static final String
//! DB_PASSWORD = "…"`), and literals passed where an API takes a secret (`DriverManager.getConnection(url, user,
//! "…")`, `new BasicAWSCredentials(id, "…")`, `AwsBasicCredentials.create`, `setPassword("…")`,
//! `Algorithm.HMAC256("…")`, `new SecretKeySpec("…".getBytes(), …)`, `keyStore.load(in, "…".toCharArray())`).
//!
//! ## Why it matters
//! Anyone who can read the code or the deployment package (every function version, every layer) holds the credential.
//!
//! ## Example
//! ```java
//! private static final String DB_PASSWORD = "s3cr3t-Passw0rd";
//! ```
//!
//! ## Fix
//! Read secrets at run time from Secrets Manager or SSM Parameter Store:
//! ```java
//! String password = secrets.getSecretValue(r -> r.secretId("db")).secretString();
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/798.html

use super::shared::{call_parts, new_type};
use crate::ir::{Expr, ExprKind, Module};
use crate::lang::Lang;
use crate::rules::shared_walk::expressions;
use crate::rules::{Check, RawHit, Rule};
use warden_core::Severity;

/// Calls that take a secret, by method (or constructed type) and the secret's argument position.
const SECRET_ARGUMENTS: &[(&str, usize, &str)] = &[
    ("getConnection", 2, "a database password"),
    ("BasicAWSCredentials", 1, "an AWS secret key"),
    ("BasicSessionCredentials", 1, "an AWS secret key"),
    ("UsernamePasswordCredentials", 1, "a password"),
    ("PasswordAuthentication", 1, "a password"),
    ("UsernamePasswordAuthenticationToken", 1, "a password"),
    ("setPassword", 0, "a password"),
    ("password", 0, "a password"),
    ("withPassword", 0, "a password"),
    ("auth", 0, "a password"),
    ("HMAC256", 0, "a JWT signing secret"),
    ("HMAC384", 0, "a JWT signing secret"),
    ("HMAC512", 0, "a JWT signing secret"),
    ("setSigningKey", 0, "a JWT signing secret"),
    ("signWith", 1, "a JWT signing secret"),
    ("SecretKeySpec", 0, "an encryption key"),
    ("load", 1, "a key store password"),
];

/// Secrets that only come as `char[]` (`KeyStore.load(in, "…".toCharArray())`): a plain string there is something
/// else (`Props.load(loader, "build.properties")`).
const CHAR_ARRAY_ONLY: &[&str] = &["load"];

/// `AwsBasicCredentials.create(id, secret)`.
const STATIC_CREATE: &[&str] = &["AwsBasicCredentials", "AwsSessionCredentials"];

/// A literal that looks like a real secret, possibly as bytes or chars (`"s3cret".getBytes()`).
fn secret_literal(e: &Expr) -> bool {
    let text = match &e.kind {
        ExprKind::Str(s) => s.as_str(),
        ExprKind::Call { callee, args, .. } if args.is_empty() => match &callee.kind {
            ExprKind::Attr { obj, name } if matches!(name.as_str(), "getBytes" | "toCharArray") => match &obj.kind {
                ExprKind::Str(s) => s.as_str(),
                _ => return false,
            },
            _ => return false,
        },
        _ => return false,
    };
    let lower = text.to_ascii_lowercase();
    text.chars().count() >= 4
        && !text.contains("${")
        && !text.starts_with('<')
        && !text.chars().all(|c| c == text.chars().next().unwrap_or(' '))
        && !["changeme", "change-me", "password", "placeholder", "example", "secret", "your-secret", "xxxx", "todo"]
            .iter()
            .any(|p| lower == *p)
}

/// `"…".toCharArray()`.
fn to_char_array(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Call { callee, .. }
        if matches!(&callee.kind, ExprKind::Attr { name, .. } if name == "toCharArray"))
}

/// Secrets passed as literals to the APIs that take them (`DriverManager.getConnection(url, "app", "s3cret")`,
/// `new BasicAWSCredentials(id, "…")`, `Algorithm.HMAC256("…")`), where the shared scanner (which reads names and
/// token shapes) does not see them.
fn secret_arguments(module: &Module, out: &mut Vec<RawHit>) {
    let seen: Vec<u32> = crate::secrets::scan(module).iter().map(|h| h.span.start_line).collect();
    let mut local: Vec<RawHit> = Vec::new();
    expressions(module, &mut |e| {
        let Some((recv, method, args, _)) = call_parts(e) else { return };
        let name = new_type(e).unwrap_or(method);
        let mut hits: Vec<(usize, &str)> =
            SECRET_ARGUMENTS.iter().filter(|(m, _, _)| *m == name).map(|(_, i, what)| (*i, *what)).collect();
        if method == "create"
            && recv
                .and_then(|r| r.dotted())
                .is_some_and(|d| STATIC_CREATE.iter().any(|t| d == *t || d.ends_with(&format!(".{t}"))))
        {
            hits.push((1, "an AWS secret key"));
        }
        for (index, what) in hits {
            let chars_only = CHAR_ARRAY_ONLY.contains(&name);
            if args.get(index).is_some_and(|a| secret_literal(&a.value) && (!chars_only || to_char_array(&a.value)))
                && !seen.contains(&e.span.start_line)
                && !local.iter().any(|h| h.span.start_line == e.span.start_line)
            {
                local.push(RawHit { span: e.span, message: format!("{what} written in the code"), trace: Vec::new() });
            }
        }
    });
    out.extend(local);
}

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "hardcoded-credentials",
    name: "Hardcoded credentials",
    cwes: &["CWE-798"],
    severity: Severity::Critical,
    tags: &["secrets", "credentials"],
    remediation: "Remove the secret from the code, rotate it, and read it at run time from AWS Secrets Manager or SSM Parameter Store (or use the function's IAM role).",
    references: &["https://cwe.mitre.org/data/definitions/798.html"],
    checks: &[Check::Secrets, Check::Custom(secret_arguments)],
};
