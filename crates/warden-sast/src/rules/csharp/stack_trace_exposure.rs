//! # Stack trace exposure
//!
//! ## What it finds
//! An exception (its `ToString()`, `StackTrace`, `Message`) returned to the caller: in a Lambda handler's response,
//! or through `Ok`, `BadRequest`, `Problem`, `StatusCode(500, …)`, `Content`, `Results.*`, `Response.WriteAsync`;
//! and `UseDeveloperExceptionPage()` outside an `IsDevelopment()` check.
//!
//! ## Why it matters
//! Stack traces reveal code paths, library versions, file paths and sometimes data, which help an attacker.
//!
//! ## Example
//! ```csharp
//! catch (Exception ex)
//! {
//!     return StatusCode(500, ex.ToString());
//! }
//! ```
//!
//! ## Fix
//! ```csharp
//! catch (Exception ex)
//! {
//!     _logger.LogError(ex, "order failed");
//!     return StatusCode(500, "internal error");
//! }
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/209.html
//! - https://owasp.org/www-community/Improper_Error_Handling

use super::shared;
use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

use crate::ir::{Expr, ExprKind, Module, Stmt};
use crate::rules::RawHit;

fn development_check(cond: &Expr) -> bool {
    shared::any_part(cond, &|x| {
        matches!(shared::last_name(x), Some("IsDevelopment" | "IsLocal" | "IsStaging"))
            || matches!(&x.kind, ExprKind::Call { callee, .. } if matches!(shared::last_name(callee), Some("IsDevelopment" | "IsEnvironment")))
    })
}

fn walk(body: &[Stmt], guarded: bool, out: &mut Vec<RawHit>, depth: u32) {
    if depth > 100 {
        return;
    }
    for s in body {
        match s {
            Stmt::If { cond, then, otherwise, .. } => {
                let dev = development_check(cond);
                walk(then, guarded || dev, out, depth + 1);
                walk(otherwise, guarded, out, depth + 1);
            }
            Stmt::Block(b) | Stmt::Loop { body: b, .. } => walk(b, guarded, out, depth + 1),
            Stmt::Try { body, catches, finally, .. } => {
                walk(body, guarded, out, depth + 1);
                for c in catches {
                    walk(&c.body, guarded, out, depth + 1);
                }
                walk(finally, guarded, out, depth + 1);
            }
            Stmt::Expr(e)
                if !guarded
                    && shared::any_part(
                        e,
                        &|x| matches!(&x.kind, ExprKind::Call { callee, .. } if shared::last_name(callee) == Some("UseDeveloperExceptionPage")),
                    ) =>
            {
                shared::push_hit(out, e.span, "the developer exception page shows stack traces to every caller");
            }
            _ => {}
        }
    }
}

/// `app.UseDeveloperExceptionPage()` not guarded by `env.IsDevelopment()`.
fn developer_pages(m: &Module, out: &mut Vec<RawHit>) {
    for f in &m.functions {
        walk(&f.body, false, out, 0);
    }
}

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "stack-trace-exposure",
    name: "Stack trace exposure",
    cwes: &["CWE-209"],
    severity: Severity::Medium,
    tags: &["information-leak", "errors"],
    remediation: "Log the exception and return a generic error message with a correlation id.",
    references: &[
        "https://cwe.mitre.org/data/definitions/209.html",
        "https://owasp.org/www-community/Improper_Error_Handling",
    ],
    checks: &[Check::Taint(Kind::StackTrace), Check::Custom(developer_pages)],
};
