//! Non-cryptographic random numbers used for secrets, for every language: a value whose name says it is a token,
//! password, key, salt, nonce, OTP, session id or reset code, made with a predictable generator.

use super::RawHit;
use super::shared_walk::{assignments, expressions, walk_expr, walk_stmts};
use crate::ir::{Expr, ExprKind, Module, Span, Stmt};

/// Dotted callees of predictable generators (after nothing is resolved: as written).
const WEAK: &[&str] = &[
    "random.random",
    "random.randint",
    "random.choice",
    "random.choices",
    "random.randrange",
    "random.getrandbits",
    "random.sample",
    "random.shuffle",
    "random.uniform",
    "Math.random",
    "rand",
    "Random.rand",
    "Kernel.rand",
    "Random.new.rand",
    "Random",
    "java.util.Random",
    "RandomStringUtils.random",
    "RandomStringUtils.randomAlphanumeric",
    "RandomStringUtils.randomAlphabetic",
    "RandomStringUtils.randomNumeric",
    "_.random",
    "lodash.random",
    "srand",
];

/// Methods of a `Random` object (Java, C#).
const WEAK_METHODS: &[&str] =
    &["nextInt", "nextLong", "nextDouble", "nextBytes", "Next", "NextBytes", "NextDouble", "NextInt64"];

fn is_secret_name(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    [
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
        "key",
    ]
    .iter()
    .any(|w| n.contains(w))
        && !["keyword", "keys", "key_name", "keyname", "monkey", "hotkey", "sort_key", "sortkey", "partition"]
            .iter()
            .any(|w| n.contains(w))
}

fn uses_weak_random(e: &Expr) -> bool {
    let mut found = false;
    walk_expr(e, &mut |x| {
        if let ExprKind::Call { callee, new, .. } = &x.kind {
            let d = callee.dotted().unwrap_or_default();
            let method = d.rsplit('.').next().unwrap_or_default();
            if WEAK.contains(&d.as_str()) && (d != "Random" && d != "java.util.Random" || *new)
                || WEAK_METHODS.contains(&method) && d.to_ascii_lowercase().contains("rand")
                || matches!(&callee.kind, ExprKind::Attr { obj, name } if WEAK_METHODS.contains(&name.as_str()) && matches!(&obj.kind, ExprKind::Call { new: true, callee: c, .. } if c.dotted().is_some_and(|n| n.ends_with("Random"))))
            {
                found = true;
            }
        }
    });
    found
}

fn last_name(target: &Expr) -> Option<&str> {
    match &target.kind {
        ExprKind::Name(n) => Some(n),
        ExprKind::Attr { name, .. } => Some(name),
        ExprKind::Index { index, .. } => index.as_str(),
        _ => None,
    }
}

/// Assignments to secret-looking names, and returns of secret-looking functions, that use a weak generator.
pub fn check(module: &Module, out: &mut Vec<RawHit>) {
    assignments(module, &mut |target, value, span| {
        if last_name(target).is_some_and(is_secret_name) && uses_weak_random(value) {
            out.push(RawHit {
                span,
                message: "a secret value made with a predictable random generator".into(),
                trace: Vec::new(),
            });
        }
    });
    // `res.cookie("token", Math.random())`, `{ resetCode: rand(1e6) }`: a value given under a secret's name.
    expressions(module, &mut |e| {
        let spans: Vec<Span> = match &e.kind {
            ExprKind::Call { args, .. } => {
                let cookie = args.first().and_then(|a| a.value.as_str()).is_some_and(is_secret_name)
                    && args.iter().skip(1).any(|a| uses_weak_random(&a.value));
                let named =
                    args.iter().any(|a| a.name.as_deref().is_some_and(is_secret_name) && uses_weak_random(&a.value));
                if cookie || named { vec![e.span] } else { Vec::new() }
            }
            ExprKind::Dict(entries) => entries
                .iter()
                .filter(|(k, v)| {
                    k.as_ref()
                        .and_then(|k| k.as_str().map(str::to_string).or_else(|| k.dotted()))
                        .is_some_and(|k| is_secret_name(&k))
                        && uses_weak_random(v)
                })
                .map(|(_, v)| v.span)
                .collect(),
            _ => Vec::new(),
        };
        for span in spans {
            out.push(RawHit {
                span,
                message: "a secret value made with a predictable random generator".into(),
                trace: Vec::new(),
            });
        }
    });
    for f in &module.functions {
        if !is_secret_name(&f.name) {
            continue;
        }
        walk_stmts(&f.body, &mut |s| {
            if let Stmt::Return(Some(e), span) = s
                && uses_weak_random(e)
            {
                out.push(RawHit {
                    span: *span,
                    message: format!("`{}` returns a predictable random value", f.name),
                    trace: Vec::new(),
                });
            }
        });
    }
}
