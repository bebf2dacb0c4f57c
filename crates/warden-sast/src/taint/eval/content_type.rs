//! The response's content type: a function that sets a constant non-HTML type (`setContentType("text/plain")`,
//! `res.type("json")`, `Response.ContentType = "application/json"`, `MediaType.TEXT_PLAIN_VALUE`) and never an HTML
//! one writes text a browser does not render, so what it (and the helpers it hands its writer to) writes is not
//! cross-site scripting. The type is also followed along the path (`content_now`): a write or a helper call after a
//! non-HTML type in the same branch is not cross-site scripting either, and a helper that writes into a writer it was
//! given, with no type of its own, leaves the finding to its callers (`Summary::deferred`).

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
        // A type from a variable, in the branch for a MIME constant (`case TEXT_JSON: setContentType(contentType)`),
        // is the one that branch handles.
        let at = |i: usize| site.arg(i, "").and_then(|a| leading_literal(&a.value).or(self.case_type));
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
            self.content_now = Some(true);
        } else if [
            "text/plain",
            "application/json",
            "text/json",
            "json",
            "text",
            "text/csv",
            "application/octet-stream",
        ]
        .iter()
        .any(|t| {
            v == *t
                || v.starts_with(&format!("{t};"))
                || v.starts_with(&format!("{t} "))
                || v.starts_with(&format!("{t},"))
        }) {
            self.plain_type = true;
            self.content_now = Some(false);
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
        self.deferred.clear();
    }
}

/// The literal a string starts with: `"text/plain; charset=" + CHARSET` → `text/plain; charset=`; or the type a
/// library's constant names (Spring's `MediaType.APPLICATION_JSON_VALUE`, Jetty's `MimeTypes.Type.TEXT_PLAIN.asString()`,
/// ASP.NET's `MediaTypeNames.Text.Plain`).
fn leading_literal(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Str(s) => Some(s),
        ExprKind::Binary { op, left, .. } if op == "+" => leading_literal(left),
        ExprKind::Concat(parts) => parts.first().and_then(leading_literal),
        ExprKind::Attr { obj, name } => named_type(name).or_else(|| leading_literal(obj)),
        ExprKind::Call { callee, args, .. } if args.is_empty() => leading_literal(callee),
        _ => None,
    }
}

/// The content type a branch's test names: `type == TEXT_JSON` (a `case TEXT_JSON:`), `MimeTypes.Type.TEXT_PLAIN
/// == type`.
pub(super) fn case_type(cond: &Expr) -> Option<&'static str> {
    let ExprKind::Binary { op, left, right } = &cond.kind else { return None };
    let constant = |e: &Expr| match &e.kind {
        ExprKind::Name(n) | ExprKind::Attr { name: n, .. } => named_type(n),
        _ => None,
    };
    (op == "==").then(|| constant(right).or_else(|| constant(left))).flatten()
}

/// The content type a constant's name stands for.
fn named_type(name: &str) -> Option<&'static str> {
    Some(match name.trim_end_matches("_VALUE").trim_end_matches("_UTF_8").trim_end_matches("_UTF8") {
        "TEXT_PLAIN" => "text/plain",
        "APPLICATION_JSON" | "TEXT_JSON" => "application/json",
        "TEXT_HTML" | "APPLICATION_XHTML_XML" => "text/html",
        "APPLICATION_OCTET_STREAM" => "application/octet-stream",
        "TEXT_CSV" => "text/csv",
        _ => return None,
    })
}
