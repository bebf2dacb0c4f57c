//! # Insecure random numbers
//!
//! ## What it finds
//! `java.util.Random`, `Math.random()`, `ThreadLocalRandom` and Commons Lang `RandomStringUtils.random*` used to
//! make a value whose name says it is secret (a token, password, key, salt, nonce, OTP, session id or reset code),
//! directly or through variables of the same method, and secret-named methods that return such a value.
//!
//! ## Why it matters
//! `java.util.Random` is a 48-bit linear congruential generator: two outputs are enough to predict every later
//! one, so tokens made with it can be guessed.
//!
//! ## Example
//! ```java
//! String resetToken = Long.toHexString(new Random().nextLong());
//! ```
//!
//! ## Fix
//! ```java
//! byte[] bytes = new byte[32];
//! new SecureRandom().nextBytes(bytes);
//! String resetToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/338.html

use super::shared::{call_parts, new_type};
use crate::ir::{Expr, ExprKind, Module, Span, Stmt};
use crate::lang::Lang;
use crate::rules::shared_walk::{walk_expr, walk_stmts};
use crate::rules::{Check, RawHit, Rule};
use warden_core::Severity;

const WORDS: &[&str] = &[
    "token",
    "password",
    "passwd",
    "secret",
    "salt",
    "nonce",
    "otp",
    "session",
    "apikey",
    "api_key",
    "csrf",
    "reset",
    "verification",
    "credential",
    "rememberme",
    "remember_me",
    "pin",
    "key",
    "iv",
    "auth",
];

fn is_secret_name(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    WORDS.iter().any(|w| if *w == "iv" || *w == "pin" { n == *w } else { n.contains(w) })
        && ![
            "keyword",
            "keys",
            "keyname",
            "monkey",
            "hotkey",
            "sortkey",
            "partitionkey",
            "primarykey",
            "key_name",
            "cachekey",
            "mapkey",
        ]
        .iter()
        .any(|w| n.contains(w))
}

/// Declared types of variables and fields (`Random rnd`, `SecureRandom rng`), by access path.
fn declared_types(module: &Module, func: &crate::ir::Function) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for f in [module.functions.first(), Some(func)].into_iter().flatten() {
        walk_stmts(&f.body, &mut |s| {
            if let Stmt::Assign { target, ty: Some(ty), .. } = s
                && let Some(p) = target.dotted()
            {
                out.push((p, ty.clone()));
            }
        });
    }
    out
}

/// Variables and fields assigned a `SecureRandom` anywhere in the module (`Random random = null; … random = new
/// SecureRandom();`): whatever their declared type says, they are strong. Paths without `this.`.
fn secure_paths(module: &Module) -> Vec<String> {
    let mut out = Vec::new();
    for f in &module.functions {
        walk_stmts(&f.body, &mut |s| {
            if let Stmt::Assign { target, value: Some(v), .. } = s
                && is_secure_random(v)
                && let Some(p) = target.dotted()
            {
                out.push(p.strip_prefix("this.").unwrap_or(&p).to_string());
            }
        });
    }
    out
}

/// `new SecureRandom(…)`, `SecureRandom.getInstance(…)`, `SecureRandom.getInstanceStrong()`.
fn is_secure_random(e: &Expr) -> bool {
    if matches!(new_type(e), Some("SecureRandom")) {
        return true;
    }
    call_parts(e).is_some_and(|(recv, method, _, new)| {
        !new && method.starts_with("getInstance")
            && recv.and_then(|r| r.dotted()).is_some_and(|d| d == "SecureRandom" || d.ends_with(".SecureRandom"))
    })
}

/// A receiver that is a `java.util.Random` by its declared type, or, with no type known, by its name; never one the
/// module assigns a `SecureRandom`.
fn weak_receiver(recv_text: &str, recv_last: &str, types: &[(String, String)], secure: &[String]) -> bool {
    let bare = recv_text.strip_prefix("this.").unwrap_or(recv_text);
    if secure.iter().any(|p| p == bare) {
        return false;
    }
    let declared = types.iter().rev().find(|(p, _)| p == recv_text || p.strip_prefix("this.") == Some(recv_text));
    match declared {
        Some((_, ty)) => {
            let ty = ty.rsplit('.').next().unwrap_or(ty);
            ty == "Random" || ty == "ThreadLocalRandom"
        }
        None => {
            (recv_last.contains("rand") || recv_last == "rng" || recv_last == "rnd") && !recv_last.contains("secure")
        }
    }
}

/// A call producing predictable randomness, or a read of a variable holding it.
fn weak_random_span(
    e: &Expr,
    weak_vars: &[(String, Span)],
    types: &[(String, String)],
    secure: &[String],
) -> Option<Span> {
    let mut found = None;
    walk_expr(e, &mut |x| {
        if found.is_some() {
            return;
        }
        if let Some((recv, method, _, new)) = call_parts(x) {
            let recv_text = recv.and_then(|r| r.dotted()).unwrap_or_default();
            let recv_last = recv_text.rsplit('.').next().unwrap_or_default().to_ascii_lowercase();
            let weak = (new && matches!(new_type(x), Some("Random")))
                || (recv_text.ends_with("Math") && method == "random")
                || recv_text.ends_with("RandomStringUtils")
                || (recv.is_some_and(|r| matches!(new_type(r), Some("Random"))) && method.starts_with("next"))
                || (recv.is_some_and(|r| matches!(&r.kind, ExprKind::Call { callee, .. } if callee.dotted().is_some_and(|d| d.ends_with("ThreadLocalRandom.current")))))
                || (method.starts_with("next") && weak_receiver(&recv_text, &recv_last, types, secure));
            if weak {
                found = Some(x.span);
                return;
            }
        }
        if let ExprKind::Name(n) = &x.kind
            && let Some((_, s)) = weak_vars.iter().find(|(v, _)| v == n)
        {
            found = Some(*s);
        }
    });
    found
}

fn target_name(target: &Expr) -> Option<&str> {
    match &target.kind {
        ExprKind::Name(n) => Some(n),
        ExprKind::Attr { name, .. } => Some(name),
        _ => None,
    }
}

fn weak_secrets(module: &Module, out: &mut Vec<RawHit>) {
    let mut local = Vec::new();
    let secure = secure_paths(module);
    for func in &module.functions {
        let secret_function = is_secret_name(&func.name);
        let types = declared_types(module, func);
        let mut weak_vars: Vec<(String, Span)> = Vec::new();
        walk_stmts(&func.body, &mut |s| match s {
            Stmt::Assign { target, value: Some(v), .. } => {
                let Some(origin) = weak_random_span(v, &weak_vars, &types, &secure) else { return };
                if let Some(name) = target_name(target) {
                    // A `Random` object itself is not a secret: its outputs are.
                    let is_generator = matches!(new_type(v), Some("Random"));
                    if is_secret_name(name) && !is_generator {
                        local.push(RawHit {
                            span: origin,
                            message: format!("`{name}` is made with a predictable random generator"),
                            trace: Vec::new(),
                        });
                    }
                    if !is_generator {
                        weak_vars.push((name.to_string(), origin));
                    }
                }
            }
            Stmt::Expr(e) => {
                // random.nextBytes(salt)
                if let Some((Some(recv), "nextBytes", args, _)) = call_parts(e)
                    && let Some(recv_text) = recv.dotted()
                    && weak_receiver(
                        &recv_text,
                        &recv_text.rsplit('.').next().unwrap_or_default().to_ascii_lowercase(),
                        &types,
                        &secure,
                    )
                    && args.first().and_then(|a| target_name(&a.value)).is_some_and(is_secret_name)
                {
                    local.push(RawHit {
                        span: e.span,
                        message: "secret bytes from a predictable random generator".into(),
                        trace: Vec::new(),
                    });
                }
            }
            Stmt::Return(Some(e), _) if secret_function => {
                if let Some(origin) = weak_random_span(e, &weak_vars, &types, &secure) {
                    local.push(RawHit {
                        span: origin,
                        message: format!("`{}` returns a predictable random value", func.name),
                        trace: Vec::new(),
                    });
                }
            }
            _ => {}
        });
    }
    local.sort_by_key(|h| (h.span.start_line, h.span.start_byte));
    local.dedup_by_key(|h| h.span.start_line);
    out.extend(local);
}

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "insecure-random",
    name: "Insecure random numbers",
    cwes: &["CWE-330", "CWE-338"],
    severity: Severity::Medium,
    tags: &["cryptography", "random"],
    remediation: "Use java.security.SecureRandom (or UUID.randomUUID()) for tokens, passwords, keys, salts and session ids.",
    references: &["https://cwe.mitre.org/data/definitions/338.html"],
    checks: &[Check::Custom(weak_secrets)],
};
