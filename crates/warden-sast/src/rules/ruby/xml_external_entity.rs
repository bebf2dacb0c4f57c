//! # XML external entity (XXE) processing
//!
//! ## What it finds
//! Attacker-controlled XML parsed with external entities or DTD loading enabled (Nokogiri or LibXML with
//! `NOENT`/`DTDLOAD`/`DTDATTR` options), and any Nokogiri parse configured with `config.noent` or `config.dtdload`
//! in its block.
//!
//! ## Why it matters
//! An entity that names a file or URL makes the parser read local files (credentials in `/proc/self/environ`) or
//! fetch internal URLs, and nested entities exhaust memory.
//!
//! ## Example
//! ```ruby
//! def handler(event:, context:)
//!   doc = Nokogiri::XML(event["body"], nil, nil, Nokogiri::XML::ParseOptions::NOENT)
//!   doc.at("name").text
//! end
//! ```
//!
//! ## Fix
//! Use the default options, which do not substitute entities:
//! ```ruby
//!   doc = Nokogiri::XML(event["body"]) { |config| config.strict.nonet }
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/611.html
//! - https://cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html

use super::shared::{Hits, each_expr, each_expr_of};
use crate::ir::{ExprKind, Module};
use crate::lang::Lang;
use crate::rules::{Check, RawHit, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "xml-external-entity",
    name: "XML external entity (XXE) processing",
    cwes: &["CWE-611"],
    severity: Severity::High,
    tags: &["injection", "xml", "xxe", "owasp-top10"],
    remediation: "Parse untrusted XML without entity substitution or DTD loading (Nokogiri's defaults, Nokogiri::XML(xml) { |c| c.strict.nonet }); never pass NOENT or DTDLOAD for input.",
    references: &[
        "https://cwe.mitre.org/data/definitions/611.html",
        "https://cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html",
    ],
    checks: &[Check::Taint(Kind::Xxe), Check::Custom(noent_block)],
};

const MSG: &str = "XML parsed with entity substitution or DTD loading enabled";

/// `Nokogiri::XML(xml) { |config| config.noent }`: the options set in the block (seen whatever the input).
fn noent_block(module: &Module, out: &mut Vec<RawHit>) {
    let mut hits = Hits::default();
    each_expr(module, &mut |_, e| {
        let ExprKind::Call { callee, args, .. } = &e.kind else { return };
        let name = callee.dotted().unwrap_or_default();
        if !(name.starts_with("Nokogiri.XML") || name.starts_with("Nokogiri.HTML") || name.starts_with("LibXML")) {
            return;
        }
        for a in args {
            let ExprKind::Lambda(id) = a.value.kind else { continue };
            let Some(f) = module.functions.get(id) else { continue };
            let mut enables = false;
            each_expr_of(f, &mut |x| {
                if let ExprKind::Attr { name, .. } = &x.kind
                    && matches!(name.as_str(), "noent" | "dtdload" | "dtdattr" | "huge")
                {
                    enables = true;
                }
            });
            if enables {
                hits.add(e.span, MSG);
            }
        }
    });
    out.extend(hits.out);
}
