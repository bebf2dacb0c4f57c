//! # Deserialization of untrusted data
//!
//! ## What it finds
//! Request data passed to deserializers that can run code: `node-serialize` `unserialize` (IIFE payloads),
//! `serialize-to-js` `deserialize`, `funcster`, `cryo`, `v8.deserialize`, and js-yaml `load`/`loadAll` without a safe
//! schema (js-yaml 3 builds `!!js/function`).
//!
//! ## Why it matters
//! A crafted payload executes JavaScript during deserialization with the function's permissions.
//!
//! ## Example
//! ```javascript
//! const serialize = require('node-serialize');
//! exports.handler = async (event) => {
//!   const session = serialize.unserialize(Buffer.from(event.headers.cookie, 'base64').toString());
//! };
//! ```
//!
//! ## Fix
//! Parse data as JSON:
//! ```javascript
//!   const session = JSON.parse(Buffer.from(event.headers.cookie, 'base64').toString());
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/502.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::JavaScript,
    slug: "untrusted-deserialization",
    name: "Deserialization of untrusted data",
    cwes: &["CWE-502"],
    severity: Severity::High,
    tags: &["injection", "deserialization", "owasp-top10"],
    remediation: "Use `JSON.parse` for data; never `node-serialize`'s `unserialize` on input; load YAML with js-yaml 4 `load` or `safeLoad`/`JSON_SCHEMA`.",
    references: &["https://cwe.mitre.org/data/definitions/502.html"],
    checks: &[Check::Taint(Kind::Deserialization)],
};
