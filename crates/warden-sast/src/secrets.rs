//! Hardcoded secrets: provider tokens recognised by their shape in any string literal (AWS access key ids, private
//! keys, GitHub, Slack, Stripe, Google, SendGrid, npm and OpenAI tokens, credentials inside connection strings), and
//! literals assigned to a name that says it holds a secret (`password = "…"`, `"apiKey": "…"`, `secret_key=`).
//!
//! Placeholders are told apart: AWS's documented example keys (`AKIAIOSFODNN7EXAMPLE`,
//! `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`) are reported at LOW severity as placeholders; values that are plainly
//! not secrets (`changeme`, `<password>`, `${DB_PASSWORD}`, `****`, empty or one repeated character, a value equal
//! to its own name, a plain lower-case word for a token or key, a word naming the password field it labels) are not
//! reported. The same patterns redact snippets ([`redact`]).

use crate::ir::{Expr, ExprKind, Module, Span, Stmt};
use regex::Regex;
use std::sync::OnceLock;

/// A hardcoded secret.
#[derive(Debug, Clone, PartialEq)]
pub struct SecretHit {
    pub span: Span,
    pub message: String,
    /// A documented example value: reported at LOW severity.
    pub placeholder: bool,
}

struct Patterns {
    tokens: Vec<(&'static str, Regex)>,
    name: Option<Regex>,
    assignment: Option<Regex>,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let tokens = [
            ("an AWS access key id", r"\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b"),
            ("a private key", r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----"),
            ("a GitHub token", r"\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{60,})\b"),
            ("a Slack token", r"\bxox[abprs]-[0-9A-Za-z-]{10,}"),
            ("a Slack webhook", r"https://hooks\.slack\.com/services/T[A-Za-z0-9_]+/B[A-Za-z0-9_]+/[A-Za-z0-9_]+"),
            ("a Stripe secret key", r"\b(?:sk|rk)_live_[0-9A-Za-z]{16,}"),
            ("a Google API key", r"\bAIza[0-9A-Za-z_\-]{35}\b"),
            ("a SendGrid API key", r"\bSG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}\b"),
            ("an npm token", r"\bnpm_[A-Za-z0-9]{36}\b"),
            ("an OpenAI API key", r"\bsk-(?:proj-)?[A-Za-z0-9_\-]{20,}T3BlbkFJ[A-Za-z0-9_\-]{20,}"),
            ("a Twilio API key", r"\bSK[0-9a-f]{32}\b"),
            (
                "a password in a connection string",
                r"\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver|oracle)://[^:/@\s]+:([^@/\s$<{]{3,})@",
            ),
            ("a password in a connection string", r#"(?i)(?:^|;)\s*(?:password|pwd)\s*=\s*([^;'"\s$<{]{3,})"#),
        ];
        Patterns {
            tokens: tokens.into_iter().filter_map(|(what, re)| Regex::new(re).ok().map(|r| (what, r))).collect(),
            name: Regex::new(
                r"(?i)(?:password|passwd|passphrase|pwd|secret|api[_\-]?key|apikey|access[_\-]?key|access[_\-]?token|auth[_\-]?token|private[_\-]?key|client[_\-]?secret|secret[_\-]?key|bearer|token|credentials?)$",
            )
            .ok(),
            assignment: Regex::new(
                r#"(?i)((?:password|passwd|pwd|secret|api_?key|apikey|token|private_?key|access_?key)[A-Za-z_]*["']?\s*(?:=|:|=>)\s*)(["'])([^"']{4,})(["'])"#,
            )
            .ok(),
        }
    })
}

const AWS_EXAMPLES: &[&str] = &[
    "AKIAIOSFODNN7EXAMPLE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "AKIAI44QH8DHBEXAMPLE",
    "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
];

/// Every hardcoded secret of a module.
pub fn scan(module: &Module) -> Vec<SecretHit> {
    let mut out = Vec::new();
    for f in &module.functions {
        for d in &f.decorators {
            visit_expr(d, &mut out);
        }
        for p in &f.params {
            if let Some(d) = &p.default {
                named_value(&p.name, d, &mut out);
                visit_expr(d, &mut out);
            }
        }
        visit_block(&f.body, &mut out);
    }
    out.sort_by_key(|h| (h.span.start_line, h.span.start_byte));
    out.dedup_by(|a, b| a.span.start_line == b.span.start_line);
    out
}

fn visit_block(stmts: &[Stmt], out: &mut Vec<SecretHit>) {
    for s in stmts {
        match s {
            Stmt::Expr(e) => visit_expr(e, out),
            Stmt::Assign { target, value, .. } => {
                if let Some(v) = value {
                    if let Some(name) = last_name(target) {
                        named_value(&name, v, out);
                    }
                    visit_expr(v, out);
                }
            }
            Stmt::Return(e, _) | Stmt::Throw(e, _) => {
                if let Some(e) = e {
                    visit_expr(e, out);
                }
            }
            Stmt::If { cond, then, otherwise, .. } => {
                visit_expr(cond, out);
                visit_block(then, out);
                visit_block(otherwise, out);
            }
            Stmt::Loop { var, iter, cond, body, .. } => {
                for e in [var, iter, cond].into_iter().flatten() {
                    visit_expr(e, out);
                }
                visit_block(body, out);
            }
            Stmt::Try { body, catches, finally, .. } => {
                visit_block(body, out);
                for c in catches {
                    visit_block(&c.body, out);
                }
                visit_block(finally, out);
            }
            Stmt::Block(b) => visit_block(b, out),
            Stmt::Def(_) => {}
        }
    }
}

fn visit_expr(e: &Expr, out: &mut Vec<SecretHit>) {
    match &e.kind {
        ExprKind::Str(s) => literal(s, e.span, out),
        ExprKind::Dict(entries) => {
            for (k, v) in entries {
                let key = k.as_ref().and_then(|k| k.as_str().map(str::to_string).or_else(|| k.dotted()));
                if let Some(key) = key.filter(|k| is_key_name(k)) {
                    named_value(&key, v, out);
                }
            }
        }
        ExprKind::Call { args, callee, .. } => {
            for a in args {
                // Ruby `put "/disk/:encoded_token" => "disk#update"` passes a route as a hash argument.
                if let Some(n) = a.name.as_deref().filter(|n| is_key_name(n)) {
                    named_value(n, &a.value, out);
                }
            }
            // setPassword("…"), withSecretKey("…"), put("password", "…")
            if let ExprKind::Attr { name, .. } = &callee.kind {
                let setter = name.strip_prefix("set").or_else(|| name.strip_prefix("with")).unwrap_or_default();
                if !setter.is_empty()
                    && let [only] = args.as_slice()
                {
                    named_value(setter, &only.value, out);
                }
                // ActiveModel's `errors.add(:password, :blank)` names a field and an error.
                let errors = matches!(&callee.kind, ExprKind::Attr { obj, .. } if is_errors(obj));
                if matches!(name.as_str(), "put" | "setProperty" | "set" | "Add" | "add" | "__setitem__")
                    && !errors
                    && let [k, v] = args.as_slice()
                    && let Some(key) = k.value.as_str()
                {
                    named_value(key, &v.value, out);
                }
            }
        }
        _ => {}
    }
    for c in e.children() {
        visit_expr(c, out);
    }
}

/// A hash key or argument name that can name a field: `"/disk/:encoded_token" => "disk#update"` is a route.
fn is_key_name(key: &str) -> bool {
    !key.contains(['/', ' '])
}

/// ActiveModel's `errors` (`errors`, `record.errors`, `record.errors()`).
fn is_errors(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Call { callee, args, .. } if args.is_empty() => is_errors(callee),
        ExprKind::Attr { name, .. } => name == "errors",
        ExprKind::Name(n) => n == "errors",
        _ => false,
    }
}

fn last_name(target: &Expr) -> Option<String> {
    match &target.kind {
        ExprKind::Name(n) => Some(n.clone()),
        ExprKind::Attr { name, .. } => Some(name.clone()),
        ExprKind::Index { index, .. } => index.as_str().map(str::to_string),
        _ => None,
    }
}

/// Secrets by shape, in any literal.
fn literal(s: &str, span: Span, out: &mut Vec<SecretHit>) {
    if s.len() < 8 {
        return;
    }
    for (what, re) in &patterns().tokens {
        if let Some(m) = re.captures(s) {
            let value = m.get(1).or_else(|| m.get(0)).map_or("", |g| g.as_str());
            if what.starts_with("a password") && is_placeholder(value, "password") {
                continue;
            }
            if what == &"a private key" && s.trim().trim_end_matches("\\n").ends_with("-----") {
                // `BEGIN_KEY = "-----BEGIN PRIVATE KEY-----\n"`: the header a PEM writer prints, no key in it.
                continue;
            }
            let placeholder = AWS_EXAMPLES.iter().any(|x| s.contains(x)) || value.contains("EXAMPLE");
            out.push(SecretHit { span, message: format!("{what} is hardcoded"), placeholder });
            return;
        }
    }
}

/// A literal assigned to (or passed as, or keyed by) a name that says it is a secret.
fn named_value(name: &str, value: &Expr, out: &mut Vec<SecretHit>) {
    let Some(v) = value.as_str() else { return };
    if !patterns().name.as_ref().is_some_and(|re| re.is_match(name)) || is_not_a_secret_name(name) {
        return;
    }
    if is_placeholder(v, name) || is_plain_word_for(v, name) {
        return;
    }
    let placeholder = AWS_EXAMPLES.contains(&v);
    out.push(SecretHit { span: value.span, message: format!("a secret is hardcoded in `{name}`"), placeholder });
}

/// Names that end like secrets but hold none (`token_url`, `password_field`, `secret_name`, `TOKEN_HEADER`).
fn is_not_a_secret_name(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    [
        "url",
        "uri",
        "endpoint",
        "name",
        "field",
        "label",
        "header",
        "param",
        "type",
        "length",
        "path",
        "file",
        "prompt",
        "policy",
        "regex",
        "pattern",
        "id_key",
        "arn",
        "format",
        "hash_key",
        "range_key",
        "partition",
        "allow",
        "control",
        "provider",
        "type",
        "mode",
        "scope",
        "expir",
        "ttl",
        "policy",
    ]
    .iter()
    .any(|w| n.contains(w) && !n.ends_with("key") || n.ends_with(w))
}

/// Values that are plainly not real secrets.
fn is_placeholder(v: &str, name: &str) -> bool {
    let t = v.trim();
    let lower = t.to_ascii_lowercase();
    let name_lower = name.to_ascii_lowercase();
    t.len() < 4
        || t.chars().all(|c| c == t.chars().next().unwrap_or(' '))
        || t.contains(char::is_whitespace) && t.split_whitespace().count() > 2
        || lower == name_lower
        // `token: "https://api.example/oauth/token"`: an endpoint, unless it carries `user:pass@`.
        || (lower.starts_with("http://") || lower.starts_with("https://")) && !t.contains('@')
        // fetch's `credentials: "omit" | "same-origin" | "include"`.
        || matches!(lower.as_str(), "omit" | "same-origin" | "include")
        // `KEY_PASSWORD = "password"`, `ElemPassword = "password"`, `InitPassword = "Password:  "`: the constant
        // holds the field's name or label, not a password.
        || is_label_of(&lower, &name_lower)
        || [
            "changeme",
            "change_me",
            "change-me",
            "placeholder",
            "your_",
            "your-",
            "yourpassword",
            "<",
            "${",
            "{{",
            "%s",
            "%(",
            "xxxx",
            "****",
            "dummy",
            "redacted",
            "replace",
            "todo",
            "secret_here",
            "password_here",
            "none",
            "null",
            "undefined",
            "process.env",
            "os.environ",
            "env[",
            "test",
            "true",
            "false",
            "arn:aws",
            "ssm:",
            "secretsmanager",
            "{",
            "fake",
            "sample",
            "not-a-",
            "notreal",
            "example.com",
        ]
        .iter()
        .any(|p| lower.contains(p))
        || t.starts_with('$')
        || t.starts_with('%')
        || t.starts_with('/')
        || t.starts_with("./")
        || looks_like_a_name(t)
}

/// A plain lower-case word (letters only) that cannot be what the name holds: a key, token or bearer value is
/// generated (mixed case, digits), so `(token = 'item') => …` (Nest's provider token, a display name) and
/// `apiKey: "apikey"` are names. People choose passwords and secrets, so `password = "hunter"`, `"PASSWORD":
/// "somepassword"` and `secret_key = "supersecretkey"` still count, unless the word names the password field it is
/// assigned to ([`names_password_field`]).
fn is_plain_word_for(value: &str, name: &str) -> bool {
    let v = value.trim();
    if v.is_empty() || !v.chars().all(|c| c.is_ascii_lowercase()) {
        return false;
    }
    let n = name.to_ascii_lowercase();
    let chosen_by_people = ["pass", "pwd", "secret", "credential"].iter().any(|w| n.contains(w));
    !chosen_by_people || names_password_field(v, name)
}

/// `IoCredPassword = "iopassword"`, `ElemEntryHistoryItemPassword = "oldpassword"` (a command-line option, an XML
/// element): the password word the name ends with, after a word of the name itself or one that tells which password
/// field of a form it is (old, new, confirm, …).
fn names_password_field(value: &str, name: &str) -> bool {
    const FIELDS: &[&str] =
        &["old", "new", "current", "previous", "confirm", "confirmation", "repeat", "retype", "verify", "initial"];
    let words = name_words(name);
    ["password", "passwd", "passphrase"].iter().any(|w| {
        value.strip_suffix(w).is_some_and(|q| {
            words.last().is_some_and(|last| last == w)
                && (FIELDS.contains(&q) || words.iter().rev().skip(1).any(|n| n == q))
        })
    })
}

/// The lower-case words of an identifier: `IoCredPassword` → `io cred password`, `DB_PASSWORD` → `db password`.
fn name_words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if !c.is_ascii_alphanumeric() {
            prev_lower = false;
            words.push(String::new());
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower || words.is_empty() {
            words.push(String::new());
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        if let Some(w) = words.last_mut() {
            w.push(c.to_ascii_lowercase());
        }
    }
    words.retain(|w| !w.is_empty());
    words
}

/// A generic secret word, as the label or key name of the field it is assigned to.
fn is_label_of(value: &str, name: &str) -> bool {
    let word = value.trim().trim_end_matches(':').trim();
    ["password", "passwd", "pass", "pwd", "secret", "token", "apikey", "api_key", "key", "passphrase"].contains(&word)
        && name.contains(word)
}

/// `_password_reset_token`, `make.bat`, `is not`, `session-id`: identifiers, file names and words, not secrets.
fn looks_like_a_name(t: &str) -> bool {
    // `AWSAccessKeyId`, `SecretAccessKey`: a CamelCase key name.
    let camel = t.chars().all(|c| c.is_ascii_alphabetic())
        && t.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && t.chars().filter(char::is_ascii_uppercase).count() >= 2
        && t.chars().any(|c| c.is_ascii_lowercase());
    let env_var_name = t.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_') && t.contains('_');
    // `org.apache.tomcat.websocket.WS_AUTHENTICATION_PASSWORD`: a property name.
    let dotted = t.matches('.').count() >= 2
        && t.split('.').all(|seg| {
            seg.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && seg.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        });
    env_var_name
        || camel
        || dotted
        || t.contains(' ')
        || (t.chars().all(|c| c.is_ascii_lowercase() || matches!(c, '_' | '.' | '-' | ':'))
            && t.chars().any(|c| matches!(c, '_' | '.' | '-' | ':')))
}

/// A line with secrets replaced by `****` (provider tokens, connection-string passwords, and literals assigned to
/// secret-looking names).
pub fn redact(line: &str) -> String {
    let p = patterns();
    let mut out = line.to_string();
    for (_, re) in &p.tokens {
        out = re
            .replace_all(&out, |c: &regex::Captures| match (c.get(0), c.get(1)) {
                (Some(all), Some(group)) => {
                    let start = group.start() - all.start();
                    let end = group.end() - all.start();
                    let a = all.as_str();
                    format!("{}****{}", a.get(..start).unwrap_or_default(), a.get(end..).unwrap_or_default())
                }
                (Some(all), None) => mask(all.as_str()),
                _ => String::new(),
            })
            .into_owned();
    }
    match &p.assignment {
        Some(re) => re
            .replace_all(&out, |c: &regex::Captures| {
                let get = |i| c.get(i).map_or("", |m| m.as_str());
                format!("{}{}****{}", get(1), get(2), get(4))
            })
            .into_owned(),
        None => out,
    }
}

/// Keeps a recognisable prefix of a token (`AKIA****`).
fn mask(token: &str) -> String {
    let keep: String = token.chars().take(4).collect();
    format!("{keep}****")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_hides_tokens_and_assigned_secrets() {
        assert_eq!(redact(r#"key = "AKIAABCDEFGHIJKLMNOP""#), r#"key = "AKIA****""#);
        assert_eq!(redact(r#"password = "hunter2hunter2""#), r#"password = "****""#);
        assert_eq!(redact("url = 'postgres://app:s3cr3tpw@db:5432/x'"), "url = 'postgres://app:****@db:5432/x'");
        assert_eq!(redact("x = compute(1)"), "x = compute(1)");
    }

    #[test]
    fn placeholders_are_not_secrets() {
        assert!(is_placeholder("changeme", "password"));
        assert!(is_placeholder("${DB_PASSWORD}", "password"));
        assert!(is_placeholder("password", "password"));
        assert!(!is_placeholder("Tr0ub4dor&3", "password"));
        assert!(is_placeholder("password", "KEY_PASSWORD"));
        assert!(is_placeholder("Password:     ", "InitPassword"));
        assert!(is_placeholder("pass", "ElemEntryPassword"));
        assert!(!is_placeholder("hunter2", "ElemEntryPassword"));
        assert!(is_placeholder("org.apache.tomcat.websocket.WS_AUTHENTICATION_PASSWORD", "WS_AUTHENTICATION_PASSWORD"));
        assert!(!is_placeholder("s3cr3t.Pass.w0rd!", "password"));
    }

    #[test]
    fn plain_words_are_names_unless_people_choose_them() {
        assert!(is_plain_word_for("iopassword", "IoCredPassword"));
        assert!(is_plain_word_for("oldpassword", "ElemEntryHistoryItemPassword"));
        assert!(is_plain_word_for("item", "token"));
        assert!(is_plain_word_for("apikey", "apiKey"));
        assert!(!is_plain_word_for("hunter", "password"));
        assert!(!is_plain_word_for("supersecretkey", "secret_key"));
        assert!(!is_plain_word_for("hunter2!", "password"));
        assert!(!is_plain_word_for("P@ssw0rd", "DbPassword"));
        assert!(!is_plain_word_for("s3cr3t-value", "secret"));
        assert!(!is_plain_word_for("Xk9mQ2vLp8", "token"));
        assert!(!is_plain_word_for("somepassword", "PASSWORD"));
        assert!(!is_plain_word_for("mypassword", "MasterUserPassword"));
        assert!(is_plain_word_for("dbpassword", "DB_PASSWORD"));
        assert!(is_plain_word_for("newpassword", "newPassword"));
    }

    #[test]
    fn identifiers_split_into_words() {
        assert_eq!(name_words("IoCredPassword"), ["io", "cred", "password"]);
        assert_eq!(name_words("DB_PASSWORD"), ["db", "password"]);
        assert_eq!(name_words("old_password"), ["old", "password"]);
    }

    #[test]
    fn a_pem_header_alone_is_no_key() {
        let mut out = Vec::new();
        literal("-----BEGIN PRIVATE KEY-----\n", Span::default(), &mut out);
        assert!(out.is_empty());
        literal("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7", Span::default(), &mut out);
        assert_eq!(out.len(), 1);
    }
}
