//! # XML external entities
//!
//! ## What it finds
//! XML parsers created without turning off DTDs or external entities: `DocumentBuilderFactory`,
//! `SAXParserFactory`, `XMLInputFactory`, `TransformerFactory`, `SchemaFactory`, `XMLReaderFactory`, dom4j
//! `SAXReader` and JDOM `SAXBuilder`, when the same method (or, for a factory kept in a field, the class) never sets
//! `disallow-doctype-decl`, turns off `external-general-entities`/`external-parameter-entities`/`load-external-dtd`,
//! sets `XMLConstants.ACCESS_EXTERNAL_DTD` to `""`, turns off `XMLInputFactory.SUPPORT_DTD`/
//! `IS_SUPPORTING_EXTERNAL_ENTITIES`, or installs its own entity resolver (`setEntityResolver`, `setXMLResolver`).
//!
//! ## Why it matters
//! A document with a `DOCTYPE` can make the parser read local files (`file:///proc/self/environ`), call internal
//! URLs, or exhaust memory with entity expansion.
//!
//! ## Example
//! ```java
//! DocumentBuilder db = DocumentBuilderFactory.newInstance().newDocumentBuilder();
//! Document doc = db.parse(new InputSource(new StringReader(event.getBody())));
//! ```
//!
//! ## Fix
//! ```java
//! DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
//! dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
//! DocumentBuilder db = dbf.newDocumentBuilder();
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/611.html
//! - https://cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html

use super::shared::{call_parts, const_bool, const_str, dotted_text, function_exprs, new_type};
use crate::ir::{Expr, ExprKind, Module, Span};
use crate::lang::Lang;
use crate::rules::{Check, RawHit, Rule};
use warden_core::Severity;

const FACTORIES: &[&str] = &[
    "DocumentBuilderFactory.newInstance",
    "DocumentBuilderFactory.newDefaultInstance",
    "DocumentBuilderFactory.newNSInstance",
    "SAXParserFactory.newInstance",
    "SAXParserFactory.newDefaultInstance",
    "XMLInputFactory.newInstance",
    "XMLInputFactory.newFactory",
    "XMLInputFactory.newDefaultFactory",
    "TransformerFactory.newInstance",
    "TransformerFactory.newDefaultInstance",
    "SAXTransformerFactory.newInstance",
    "SchemaFactory.newInstance",
    "SchemaFactory.newDefaultInstance",
    "XMLReaderFactory.createXMLReader",
];

const NEW_PARSERS: &[&str] = &["SAXReader", "SAXBuilder"];

/// A call that makes a parser or factory (the call itself, not its callee, so each is reported once).
fn is_parser_creation(e: &Expr) -> bool {
    if !matches!(e.kind, ExprKind::Call { .. }) {
        return false;
    }
    if let Some(t) = new_type(e) {
        return NEW_PARSERS.contains(&t);
    }
    let Some(d) = dotted_text(e) else { return false };
    let d = d.trim_end_matches("()");
    FACTORIES.iter().any(|f| d == *f || d.ends_with(&format!(".{f}")))
}

/// The name of a feature or property: a literal, a constant, or the constant's name (`XMLConstants.ACCESS_EXTERNAL_DTD`).
fn key(module: &Module, e: &Expr) -> String {
    const_str(module, e).or_else(|| e.dotted()).unwrap_or_default()
}

/// A call that hardens a parser.
fn is_hardening(module: &Module, e: &Expr) -> bool {
    let Some((_, method, args, _)) = call_parts(e) else { return false };
    if matches!(method, "setEntityResolver" | "setXMLResolver")
        && args.first().is_some_and(|a| !matches!(a.value.kind, ExprKind::Null))
    {
        // The application's resolver decides what an external entity resolves to (Tomcat's blocks them all).
        return true;
    }
    let (Some(k), Some(v)) = (args.first(), args.get(1)) else { return false };
    let k = key(module, &k.value);
    let off = const_bool(&v.value) == Some(false);
    let on = const_bool(&v.value) == Some(true);
    let empty = v.value.as_str() == Some("");
    match method {
        "setFeature" | "setProperty" | "setAttribute" => {
            (k.contains("disallow-doctype-decl") && on)
                || ((k.contains("external-general-entities")
                    || k.contains("external-parameter-entities")
                    || k.contains("load-external-dtd")
                    || k.ends_with("SUPPORT_DTD")
                    || k.contains("supportDTD")
                    || k.ends_with("IS_SUPPORTING_EXTERNAL_ENTITIES")
                    || k.contains("isSupportingExternalEntities"))
                    && off)
                || ((k.ends_with("ACCESS_EXTERNAL_DTD")
                    || k.contains("accessExternalDTD")
                    || k.ends_with("ACCESS_EXTERNAL_SCHEMA")
                    || k.ends_with("ACCESS_EXTERNAL_STYLESHEET"))
                    && empty)
        }
        _ => false,
    }
}

fn unsafe_parsers(module: &Module, out: &mut Vec<RawHit>) {
    let mut module_hardened = false;
    let mut per_function: Vec<(Vec<Span>, bool, bool)> = Vec::new();
    for (i, func) in module.functions.iter().enumerate() {
        let mut created = Vec::new();
        let mut hardened = false;
        function_exprs(func, &mut |e| {
            if is_parser_creation(e) {
                created.push(e.span);
            }
            if is_hardening(module, e) {
                hardened = true;
            }
        });
        module_hardened |= hardened;
        per_function.push((created, hardened, i == 0));
    }
    for (created, hardened, top_level) in per_function {
        if hardened || (top_level && module_hardened) {
            continue;
        }
        for span in created {
            out.push(RawHit {
                span,
                message: "an XML parser that resolves DTDs and external entities".into(),
                trace: Vec::new(),
            });
        }
    }
}

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "xml-external-entity",
    name: "XML external entities",
    cwes: &["CWE-611"],
    severity: Severity::High,
    tags: &["injection", "xml", "xxe"],
    remediation: "Disallow DOCTYPE declarations (setFeature(\"http://apache.org/xml/features/disallow-doctype-decl\", true)) or turn off external entities and DTD loading on every parser factory before use.",
    references: &[
        "https://cwe.mitre.org/data/definitions/611.html",
        "https://cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html",
    ],
    checks: &[Check::Custom(unsafe_parsers)],
};
