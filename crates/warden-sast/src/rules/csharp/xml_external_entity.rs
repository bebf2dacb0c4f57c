//! # XML external entity
//!
//! ## What it finds
//! XML parsers configured to resolve external entities: `XmlReaderSettings { DtdProcessing = DtdProcessing.Parse }`,
//! `settings.DtdProcessing = DtdProcessing.Parse`, `ProhibitDtd = false`, an `XmlResolver` (`XmlUrlResolver`)
//! set on `XmlDocument`, `XmlTextReader` or `XmlReaderSettings`; and request data parsed with `XmlTextReader`, which
//! processes DTDs unless configured not to.
//!
//! ## Why it matters
//! A document from the caller reads local files (`file:///proc/self/environ`) or makes requests from the function.
//!
//! ## Example
//! ```csharp
//! var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse };
//! using var reader = XmlReader.Create(new StringReader(request.Body), settings);
//! ```
//!
//! ## Fix
//! ```csharp
//! var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/611.html
//! - https://cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html

use super::shared;
use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use warden_core::Severity;

use crate::ir::{Expr, ExprKind};

fn parse(e: &Expr) -> bool {
    e.dotted().is_some_and(|d| d.ends_with("DtdProcessing.Parse"))
}

fn resolver(e: &Expr) -> bool {
    !matches!(e.kind, ExprKind::Null)
        && (shared::any_part(e, &|x| {
            matches!(&x.kind, ExprKind::Call { callee, new: true, .. }
                if callee.dotted().is_some_and(|d| d.ends_with("XmlUrlResolver") || d.ends_with("XmlSecureResolver")))
        }) || e.dotted().is_some_and(|d| d.to_ascii_lowercase().contains("resolver")))
}

fn named_parse(c: &CallSite) -> bool {
    c.args.iter().any(|a| match a.name.as_deref() {
        Some("DtdProcessing") => parse(&a.value),
        Some("ProhibitDtd") => matches!(a.value.kind, ExprKind::Bool(false)),
        Some("XmlResolver") => resolver(&a.value),
        _ => false,
    })
}

fn set_parse(c: &CallSite) -> bool {
    c.arg(0, "").is_some_and(|a| parse(&a.value))
}

fn set_resolver(c: &CallSite) -> bool {
    c.arg(0, "").is_some_and(|a| resolver(&a.value))
}

fn set_false(c: &CallSite) -> bool {
    c.arg(0, "").is_some_and(|a| matches!(a.value.kind, ExprKind::Bool(false)))
}

const MESSAGE: &str = "XML parser resolves external entities (DTD processing or an XmlResolver enabled)";

const fn check(pattern: &'static str, when: fn(&CallSite) -> bool) -> Check {
    Check::Call(CallCheck { pattern, when: Some(when), message: MESSAGE })
}

const XXE_CHECKS: &[Check] = &[
    Check::Taint(crate::tables::Kind::Xxe),
    check("XmlReaderSettings", named_parse),
    check("**.XmlReaderSettings", named_parse),
    check("XmlDocument", named_parse),
    check("XmlTextReader", named_parse),
    check("**.set_DtdProcessing", set_parse),
    check("**.set_XmlResolver", set_resolver),
    check("**.set_ProhibitDtd", set_false),
];

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "xml-external-entity",
    name: "XML external entity",
    cwes: &["CWE-611"],
    severity: Severity::High,
    tags: &["injection", "xml", "owasp-top10"],
    remediation: "Keep DTD processing off (DtdProcessing.Prohibit, the default) and XmlResolver null when parsing untrusted XML.",
    references: &[
        "https://cwe.mitre.org/data/definitions/611.html",
        "https://cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html",
    ],
    checks: XXE_CHECKS,
};
