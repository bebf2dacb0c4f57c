//! # Deserialization of untrusted data
//!
//! ## What it finds
//! Attacker-controlled bytes or text deserialized into arbitrary objects:
//! `ObjectInputStream.readObject`/`readUnshared` and `XMLDecoder` over request data, SnakeYAML `Yaml.load`, XStream
//! `fromXML`, Commons Lang `SerializationUtils.deserialize`; and Jackson polymorphic default typing
//! (`enableDefaultTyping`, `activateDefaultTyping` with a permissive validator).
//!
//! ## Why it matters
//! Gadget chains in the classpath turn deserialization into remote code execution.
//!
//! ## Example
//! ```java
//! ObjectInputStream in = new ObjectInputStream(request.getInputStream());
//! Order order = (Order) in.readObject();
//! ```
//!
//! ## Fix
//! Parse a data format into a fixed type instead:
//! ```java
//! Order order = new ObjectMapper().readValue(request.getInputStream(), Order.class);
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/502.html
//! - https://cheatsheetseries.owasp.org/cheatsheets/Deserialization_Cheat_Sheet.html

use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

/// `activateDefaultTyping(LaissezFaireSubTypeValidator.instance, …)`: any class may be named by the JSON.
fn laissez_faire(site: &CallSite) -> bool {
    site.arg(0, "")
        .and_then(|a| crate::rules::java::shared::dotted_text(&a.value))
        .is_some_and(|d| d.contains("LaissezFaire"))
}

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "untrusted-deserialization",
    name: "Deserialization of untrusted data",
    cwes: &["CWE-502"],
    severity: Severity::High,
    tags: &["deserialization", "owasp-top10"],
    remediation: "Do not deserialize Java objects from requests; parse JSON into fixed types, use SnakeYAML's SafeConstructor, and an ObjectInputFilter allow-list where serialization cannot be avoided.",
    references: &[
        "https://cwe.mitre.org/data/definitions/502.html",
        "https://cheatsheetseries.owasp.org/cheatsheets/Deserialization_Cheat_Sheet.html",
    ],
    checks: &[
        Check::Taint(Kind::Deserialization),
        Check::Call(CallCheck {
            pattern: "**.enableDefaultTyping",
            when: None,
            message: "Jackson default typing lets the JSON choose the classes to instantiate",
        }),
        Check::Call(CallCheck {
            pattern: "**.activateDefaultTyping",
            when: Some(laissez_faire),
            message: "Jackson default typing with a permissive validator",
        }),
    ],
};
