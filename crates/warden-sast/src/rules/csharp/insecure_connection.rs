//! # Insecure connection
//!
//! ## What it finds
//! HTTP calls to plain `http://` URLs written in the code (`HttpClient.GetAsync("http://…")`, `BaseAddress`,
//! `WebRequest.Create`, `WebClient`, `RestClient`), `ftp://` URLs, and mail or FTP clients with `EnableSsl = false`;
//! localhost and the Lambda/ECS local endpoints are left out.
//!
//! ## Why it matters
//! Traffic in clear text can be read and changed on the way, including tokens and personal data.
//!
//! ## Example
//! ```csharp
//! var resp = await http.GetAsync("http://api.partner.example.com/orders");
//! ```
//!
//! ## Fix
//! ```csharp
//! var resp = await http.GetAsync("https://api.partner.example.com/orders");
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/319.html
//! - https://owasp.org/Top10/A02_2021-Cryptographic_Failures/

use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use warden_core::Severity;

use crate::ir::{Expr, ExprKind};

/// Whether `e` is (or starts with, or wraps in `new Uri(…)`) a literal `http://` URL to a remote host.
fn plain_http(e: &Expr) -> bool {
    let text = match &e.kind {
        ExprKind::Str(s) => Some(s.as_str()),
        ExprKind::Concat(parts) => parts.first().and_then(Expr::as_str),
        ExprKind::Binary { left, .. } => return plain_http(left),
        ExprKind::Call { callee, args, new: true }
            if callee.dotted().is_some_and(|d| d == "Uri" || d.ends_with(".Uri")) =>
        {
            return args.first().is_some_and(|a| plain_http(&a.value));
        }
        _ => None,
    };
    text.is_some_and(|s| {
        let s = s.trim().to_ascii_lowercase();
        (s.starts_with("http://") || s.starts_with("ftp://"))
            && ![
                "http://localhost",
                "http://127.",
                "http://0.0.0.0",
                "http://169.254.",
                "http://[::1]",
                "http://host.docker.internal",
            ]
            .iter()
            .any(|l| s.starts_with(l))
    })
}

fn first_plain(c: &CallSite) -> bool {
    c.arg(0, "").is_some_and(|a| plain_http(&a.value))
}

fn second_plain(c: &CallSite) -> bool {
    c.arg(1, "").is_some_and(|a| plain_http(&a.value))
}

fn base_plain(c: &CallSite) -> bool {
    c.args.iter().any(|a| matches!(a.name.as_deref(), Some("BaseAddress" | "RequestUri")) && plain_http(&a.value))
}

const MESSAGE: &str = "a plain http:// URL sends data unencrypted";

const fn check(pattern: &'static str, when: fn(&CallSite) -> bool) -> Check {
    Check::Call(CallCheck { pattern, when: Some(when), message: MESSAGE })
}

fn ssl_off(c: &CallSite) -> bool {
    c.arg(0, "").is_some_and(|a| matches!(a.value.kind, ExprKind::Bool(false)))
}

fn ssl_off_named(c: &CallSite) -> bool {
    c.args.iter().any(|a| a.name.as_deref() == Some("EnableSsl") && matches!(a.value.kind, ExprKind::Bool(false)))
}

/// AWS SDK client configs pointed at `http://` or told to use HTTP.
fn plain_service_url(c: &CallSite) -> bool {
    c.args.iter().any(|a| match a.name.as_deref() {
        Some("ServiceURL") => plain_http(&a.value),
        Some("UseHttp") => matches!(a.value.kind, ExprKind::Bool(true)),
        _ => false,
    })
}

fn set_plain_url(c: &CallSite) -> bool {
    c.arg(0, "").is_some_and(|a| plain_http(&a.value))
}

fn set_true(c: &CallSite) -> bool {
    c.arg(0, "").is_some_and(|a| matches!(a.value.kind, ExprKind::Bool(true)))
}

const CONNECTION_CHECKS: &[Check] = &[
    Check::Call(CallCheck { pattern: "*", when: Some(plain_service_url), message: MESSAGE }),
    Check::Call(CallCheck { pattern: "**.set_ServiceURL", when: Some(set_plain_url), message: MESSAGE }),
    Check::Call(CallCheck { pattern: "**.set_UseHttp", when: Some(set_true), message: MESSAGE }),
    Check::Call(CallCheck {
        pattern: "**.set_EnableSsl",
        when: Some(ssl_off),
        message: "SMTP/FTP without TLS (EnableSsl = false)",
    }),
    Check::Call(CallCheck {
        pattern: "SmtpClient",
        when: Some(ssl_off_named),
        message: "SMTP/FTP without TLS (EnableSsl = false)",
    }),
    check("**.GetAsync", first_plain),
    check("**.GetStringAsync", first_plain),
    check("**.GetByteArrayAsync", first_plain),
    check("**.GetStreamAsync", first_plain),
    check("**.GetFromJsonAsync", first_plain),
    check("**.PostAsync", first_plain),
    check("**.PostAsJsonAsync", first_plain),
    check("**.PutAsync", first_plain),
    check("**.DeleteAsync", first_plain),
    check("**.PatchAsync", first_plain),
    check("HttpRequestMessage", second_plain),
    check("HttpRequestMessage", base_plain),
    check("HttpClient", base_plain),
    check("**.set_BaseAddress", first_plain),
    check("WebRequest.Create", first_plain),
    check("WebRequest.CreateHttp", first_plain),
    check("HttpWebRequest.Create", first_plain),
    check("**.DownloadString", first_plain),
    check("**.DownloadStringTaskAsync", first_plain),
    check("**.DownloadData", first_plain),
    check("**.UploadString", first_plain),
    check("RestClient", first_plain),
];

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "insecure-connection",
    name: "Insecure connection",
    cwes: &["CWE-319"],
    severity: Severity::Medium,
    tags: &["encryption", "transport"],
    remediation: "Use https:// URLs for every remote call.",
    references: &[
        "https://cwe.mitre.org/data/definitions/319.html",
        "https://owasp.org/Top10/A02_2021-Cryptographic_Failures/",
    ],
    checks: CONNECTION_CHECKS,
};
