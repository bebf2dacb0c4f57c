//! # Deserialization of untrusted data
//!
//! ## What it finds
//! Attacker-controlled data deserialized with `pickle`, `marshal`, `dill`, `jsonpickle`, `shelve`,
//! `joblib`/`torch.load`, or PyYAML's `load`/`unsafe_load`/`full_load`; and `yaml.load` without a safe loader on
//! any input.
//!
//! ## Why it matters
//! These formats construct arbitrary objects: deserializing input runs the attacker's code.
//!
//! ## Example
//! ```python
//! def lambda_handler(event, context):
//!     return pickle.loads(base64.b64decode(event["body"]))
//! ```
//!
//! ## Fix
//! Use a data-only format:
//! ```python
//!     return json.loads(event["body"])
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/502.html
//! - https://docs.python.org/3/library/pickle.html

use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

/// `yaml.load(data)` or `yaml.load(data, Loader=yaml.Loader)`: not one of the safe loaders.
fn unsafe_loader(site: &CallSite) -> bool {
    let loader = site.arg(1, "Loader").and_then(|a| a.value.dotted()).unwrap_or_default();
    !(loader.ends_with("SafeLoader") || loader.ends_with("CSafeLoader") || loader.ends_with("BaseLoader"))
}

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "untrusted-deserialization",
    name: "Deserialization of untrusted data",
    cwes: &["CWE-502"],
    severity: Severity::High,
    tags: &["injection", "deserialization", "owasp-top10"],
    remediation: "Deserialize untrusted data only with data-only formats (json, yaml.safe_load); never pickle, marshal, jsonpickle or yaml.load it.",
    references: &["https://cwe.mitre.org/data/definitions/502.html"],
    checks: &[
        Check::Taint(Kind::Deserialization),
        Check::Call(CallCheck {
            pattern: "yaml.load",
            when: Some(unsafe_loader),
            message: "yaml.load without a safe Loader constructs arbitrary objects",
        }),
    ],
};
