//! # Sensitive information leak
//!
//! ## What it finds
//! The whole Lambda event written to logs (`puts event`, `logger.info(event.to_json)`, `puts "#{event}"`, `p
//! event.inspect`), and all request parameters of a Rails or Sinatra action (`logger.info(params.inspect)`).
//!
//! ## Why it matters
//! Events carry authorization headers, cookies, tokens and personal data; the logs keep them for anyone who can
//! read the log group.
//!
//! ## Example
//! ```ruby
//! def handler(event:, context:)
//!   puts "received: #{event.to_json}"
//! end
//! ```
//!
//! ## Fix
//! Log what identifies the request, not its content:
//! ```ruby
//!   puts "received request #{context.aws_request_id}"
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/200.html
//! - https://docs.aws.amazon.com/lambda/latest/dg/ruby-logging.html

use super::shared::{Hits, chain, each_expr};
use crate::ir::{Expr, ExprKind, Module};
use crate::lang::Lang;
use crate::rules::{Check, RawHit, Rule};
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "sensitive-information-leak",
    name: "Sensitive information leak",
    cwes: &["CWE-200", "CWE-532"],
    severity: Severity::Medium,
    tags: &["logging", "privacy"],
    remediation: "Log only the fields you need (a request id, a record count), never the whole event, which carries headers, tokens and personal data.",
    references: &[
        "https://cwe.mitre.org/data/definitions/200.html",
        "https://docs.aws.amazon.com/lambda/latest/dg/ruby-logging.html",
    ],
    checks: &[Check::Custom(whole_event_logged)],
};

/// Log calls the engine's event check does not see: the event as the receiver of a conversion
/// (`event.to_json`, `event.inspect`, `event.to_s`) inside a handler. (`puts event` and `JSON.dump(event)` are
/// reported by the engine.)
fn whole_event_logged(module: &Module, out: &mut Vec<RawHit>) {
    let mut hits = Hits::default();
    each_expr(module, &mut |f, e| {
        let ExprKind::Call { callee, args, .. } = &e.kind else { return };
        let is_log = match chain(callee).as_deref() {
            Some("puts" | "print" | "p" | "pp" | "warn") => true,
            Some(d) => {
                let mut parts = d.rsplit('.');
                let method = parts.next().unwrap_or_default();
                let recv = parts.next().unwrap_or_default();
                matches!(method, "debug" | "info" | "warn" | "error" | "fatal" | "unknown")
                    && matches!(recv, "logger" | "LOGGER" | "log" | "Logger")
            }
            None => false,
        };
        let events: Vec<&str> = f
            .params
            .iter()
            .filter(|p| {
                p.name == "event" && (f.name == "handler" || p.keyword || f.params.iter().any(|q| q.name == "context"))
            })
            .map(|p| p.name.as_str())
            .collect();
        if !is_log {
            return;
        }
        if args.iter().any(|a| converts_event(&a.value, &events) || whole_params(&a.value)) {
            hits.add(e.span, "the whole Lambda event is written to the logs");
        }
    });
    out.extend(hits.out);
}

/// Rails/Sinatra `params` (passwords and tokens included), whole: `params`, `params.inspect`, `"#{params}"`,
/// `request.headers.to_h`.
fn whole_params(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Name(n) => n == "params",
        ExprKind::Call { callee, args, .. } if args.is_empty() => match &callee.kind {
            ExprKind::Attr { obj, name } => {
                matches!(name.as_str(), "to_json" | "inspect" | "to_s" | "to_h" | "to_unsafe_h" | "to_yaml" | "permit!")
                    && (matches!(&obj.kind, ExprKind::Name(n) if n == "params")
                        || chain(obj).is_some_and(|d| d == "request.headers" || d == "request.env"))
            }
            ExprKind::Name(n) => n == "params",
            _ => false,
        },
        ExprKind::Concat(parts) => parts.iter().any(whole_params),
        _ => false,
    }
}

fn converts_event(e: &Expr, events: &[&str]) -> bool {
    match &e.kind {
        ExprKind::Call { callee, args, .. } if args.is_empty() => match &callee.kind {
            ExprKind::Attr { obj, name } => {
                matches!(name.as_str(), "to_json" | "inspect" | "to_s" | "to_h" | "to_yaml" | "pretty_inspect")
                    && matches!(&obj.kind, ExprKind::Name(n) if events.contains(&n.as_str()))
            }
            _ => false,
        },
        ExprKind::Concat(parts) => parts.iter().any(|p| converts_event(p, events)),
        _ => false,
    }
}
