//! # Stack trace exposure
//!
//! ## What it finds
//! Exception details (the caught exception, its message, `ExceptionUtils.getStackTrace`) sent back to the caller:
//! returned by a Lambda handler, put in an API Gateway response body (`withBody`, `setBody`), a Spring
//! `ResponseEntity`, `sendError`, written to the servlet response, or `printStackTrace(response.getWriter())`; and
//! Spring `@ExceptionHandler` methods that return the exception's message or stack trace.
//!
//! ## Why it matters
//! Stack traces and messages reveal class names, library versions, SQL and file paths that help an attacker aim the
//! next request.
//!
//! ## Example
//! ```java
//! } catch (Exception e) {
//!     return new APIGatewayProxyResponseEvent().withStatusCode(500).withBody(e.getMessage());
//! }
//! ```
//!
//! ## Fix
//! Log the details and return a generic message:
//! ```java
//! } catch (Exception e) {
//!     log.error("order failed", e);
//!     return new APIGatewayProxyResponseEvent().withStatusCode(500).withBody("internal error");
//! }
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/209.html

use super::shared::call_parts;
use crate::ir::{Expr, ExprKind, Module, Stmt};
use crate::lang::Lang;
use crate::rules::shared_walk::{walk_expr, walk_stmts};
use crate::rules::{Check, RawHit, Rule};
use crate::tables::Kind;
use warden_core::Severity;

const DETAILS: &[&str] = &["getMessage", "getLocalizedMessage", "toString", "getStackTrace", "getCause"];

/// Whether `e` shows the exception held in `name`: its message, text, stack trace, or the exception pasted into text.
fn shows(e: &Expr, name: &str) -> bool {
    let mut found = false;
    walk_expr(e, &mut |x| match &x.kind {
        ExprKind::Call { .. } => {
            if let Some((Some(recv), method, _, _)) = call_parts(x)
                && matches!(&recv.kind, ExprKind::Name(n) if n == name)
                && DETAILS.contains(&method)
            {
                found = true;
            }
        }
        ExprKind::Binary { op, left, right }
            if op == "+" && [left, right].iter().any(|side| matches!(&side.kind, ExprKind::Name(n) if n == name)) =>
        {
            found = true;
        }
        _ => {}
    });
    found
}

/// Spring `@ExceptionHandler` methods that return the exception's details to the client.
fn exception_handlers(module: &Module, out: &mut Vec<RawHit>) {
    for func in &module.functions {
        let handler = func.decorators.iter().any(|d| {
            let callee = match &d.kind {
                ExprKind::Call { callee, .. } => callee.dotted(),
                _ => d.dotted(),
            };
            callee.is_some_and(|c| c == "ExceptionHandler" || c.ends_with(".ExceptionHandler"))
        });
        if !handler {
            continue;
        }
        let exceptions: Vec<&str> = func
            .params
            .iter()
            .filter(|p| {
                p.ty.as_deref().is_some_and(|t| {
                    let t = t.rsplit('.').next().unwrap_or(t);
                    t.ends_with("Exception") || t.ends_with("Throwable") || t.ends_with("Error")
                })
            })
            .map(|p| p.name.as_str())
            .collect();
        walk_stmts(&func.body, &mut |s| {
            if let Stmt::Return(Some(e), span) = s
                && exceptions.iter().any(|p| shows(e, p))
            {
                out.push(RawHit {
                    span: *span,
                    message: "an exception handler returns the exception's details".into(),
                    trace: Vec::new(),
                });
            }
        });
    }
}

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "stack-trace-exposure",
    name: "Stack trace exposure",
    cwes: &["CWE-209"],
    severity: Severity::Medium,
    tags: &["information-disclosure", "errors"],
    remediation: "Log exceptions on the server side and return a generic error message with a correlation id.",
    references: &["https://cwe.mitre.org/data/definitions/209.html"],
    checks: &[Check::Taint(Kind::StackTrace), Check::Custom(exception_handlers)],
};
