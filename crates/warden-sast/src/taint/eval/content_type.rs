//! The response's content type: a function that sets a constant non-HTML type (`setContentType("text/plain")`,
//! `res.type("json")`, `Response.ContentType = "application/json"`) and never an HTML one writes text a browser
//! does not render, so what it (and the helpers it hands its writer to) writes is not cross-site scripting.

use super::Fx;
use crate::ir::{Expr, ExprKind};
use crate::lang::Lang;
use crate::rules::CallSite;
use crate::tables::Kind;
use crate::taint::value::Value;

impl Fx<'_, '_> {
    /// Notes a content type set by a call: `setContentType(t)`, `setHeader("Content-Type", t)`, `res.type(t)`,
    /// `res.set("Content-Type", t)`, `headers.set/add("Content-Type", t)`.
    pub(super) fn note_content_type(&mut self, site: &CallSite) {
        let at = |i: usize| site.arg(i, "").and_then(|a| leading_literal(&a.value));
        let value = match site.method() {
            "setContentType" | "type" | "contentType" => at(0),
            // Java's `Map.of("Content-Type", "text/html", …)` for a Lambda response's headers.
            "of" => (0..site.args.len())
                .step_by(2)
                .find(|&i| site.str_arg(i, "").is_some_and(|k| k.eq_ignore_ascii_case("content-type")))
                .and_then(|i| at(i + 1)),
            "setHeader" | "addHeader" | "set" | "header" | "add" | "Add" | "Append" | "put" => {
                match site.str_arg(0, "") {
                    Some(name) if name.eq_ignore_ascii_case("content-type") => at(1),
                    _ => None,
                }
            }
            _ => None,
        };
        if let Some(v) = value {
            self.note_content_type_value(v);
        }
    }

    /// Notes a content type assigned (`response.ContentType = "text/plain"`).
    pub(super) fn note_content_type_value(&mut self, v: &str) {
        let v = v.trim().to_ascii_lowercase();
        if v.contains("html") || v.contains("xml") || v.contains("svg") {
            self.html_type = true;
        } else if ["text/plain", "application/json", "json", "text", "text/csv", "application/octet-stream"].iter().any(
            |t| {
                v == *t
                    || v.starts_with(&format!("{t};"))
                    || v.starts_with(&format!("{t} "))
                    || v.starts_with(&format!("{t},"))
            },
        ) {
            self.plain_type = true;
        }
    }

    /// A Java Lambda handler's API Gateway response (`new APIGatewayProxyResponseEvent().withHeaders(html).withBody(x)`,
    /// `response.setBody(x)`) in a function that declared an HTML content type: the body is a page.
    pub(super) fn lambda_html_body(&mut self, site: &CallSite, vals: &[Value]) {
        if self.module.lang.family() != Lang::Java
            || !self.html_type
            || !matches!(site.method(), "withBody" | "setBody")
            || !site.callee.contains("Response")
        {
            return;
        }
        // Reported on the body's line: a builder chain starts lines above it.
        if let (Some(t), Some(arg)) = (vals.first().and_then(|v| v.taint.as_ref()), site.args.first()) {
            self.sink_hit(Kind::Xss, t, site.callee, arg.value.span);
        }
    }

    /// At the end of the function: with only a non-HTML type set, its cross-site scripting findings and summary
    /// entries go.
    pub(super) fn drop_xss_if_plain(&mut self) {
        if !self.plain_type || self.html_type {
            return;
        }
        let Some(xss) = self.comp.rule_for(Kind::Xss) else { return };
        self.hits.retain(|h| !std::ptr::eq(h.rule, xss));
        self.sinks.retain(|s| s.kind != Kind::Xss);
    }
}

/// The literal a string starts with: `"text/plain; charset=" + CHARSET` → `text/plain; charset=`.
fn leading_literal(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Str(s) => Some(s),
        ExprKind::Binary { op, left, .. } if op == "+" => leading_literal(left),
        ExprKind::Concat(parts) => parts.first().and_then(leading_literal),
        _ => None,
    }
}
