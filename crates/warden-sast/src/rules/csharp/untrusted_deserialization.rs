//! # Deserialization of untrusted data
//!
//! ## What it finds
//! Attacker-controlled data read with `BinaryFormatter`, `SoapFormatter`, `NetDataContractSerializer`,
//! `LosFormatter`, `ObjectStateFormatter`, `JavaScriptSerializer` or an `XmlSerializer` of a type named by input,
//! and Json.NET `DeserializeObject` with `TypeNameHandling` other than `None`; and serializer settings that let the
//! data choose types wherever they are made (`TypeNameHandling.All/Auto/Objects/Arrays`,
//! `new JavaScriptSerializer(new SimpleTypeResolver())`).
//!
//! ## Why it matters
//! These formats let the sender choose the types created: gadget chains run code during deserialization.
//!
//! ## Example
//! ```csharp
//! var bytes = Convert.FromBase64String(request.Body);
//! var order = (Order)new BinaryFormatter().Deserialize(new MemoryStream(bytes));
//! ```
//!
//! ## Fix
//! ```csharp
//! var order = JsonSerializer.Deserialize<Order>(request.Body);
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/502.html
//! - https://learn.microsoft.com/dotnet/standard/serialization/binaryformatter-security-guide

use super::shared;
use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use warden_core::Severity;

use crate::ir::{Expr, ExprKind};
use crate::tables::Kind;

fn type_names(e: &Expr) -> bool {
    e.dotted().is_some_and(|d| d.contains("TypeNameHandling") && !d.ends_with(".None"))
        || matches!(&e.kind, ExprKind::Num(n) if n != "0")
}

fn settings_with_types(c: &CallSite) -> bool {
    c.args.iter().any(|a| a.name.as_deref() == Some("TypeNameHandling") && type_names(&a.value))
}

fn set_types(c: &CallSite) -> bool {
    c.arg(0, "").is_some_and(|a| type_names(&a.value))
}

fn simple_type_resolver(c: &CallSite) -> bool {
    c.args.iter().any(|a| {
        matches!(&a.value.kind, ExprKind::Call { callee, new: true, .. } if shared::last_name(callee) == Some("SimpleTypeResolver"))
    })
}

const TYPES: &str = "the serialized data chooses which .NET types are created";

const DESER_CHECKS: &[Check] = &[
    Check::Taint(Kind::Deserialization),
    Check::Call(CallCheck { pattern: "JsonSerializerSettings", when: Some(settings_with_types), message: TYPES }),
    Check::Call(CallCheck { pattern: "**.JsonSerializerSettings", when: Some(settings_with_types), message: TYPES }),
    Check::Call(CallCheck { pattern: "JsonSerializer", when: Some(settings_with_types), message: TYPES }),
    Check::Call(CallCheck { pattern: "**.set_TypeNameHandling", when: Some(set_types), message: TYPES }),
    Check::Call(CallCheck { pattern: "JavaScriptSerializer", when: Some(simple_type_resolver), message: TYPES }),
];

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "untrusted-deserialization",
    name: "Deserialization of untrusted data",
    cwes: &["CWE-502"],
    severity: Severity::High,
    tags: &["injection", "deserialization", "owasp-top10"],
    remediation: "Deserialize request data only with System.Text.Json or Json.NET with TypeNameHandling.None into fixed types; never BinaryFormatter.",
    references: &[
        "https://cwe.mitre.org/data/definitions/502.html",
        "https://learn.microsoft.com/dotnet/standard/serialization/binaryformatter-security-guide",
    ],
    checks: DESER_CHECKS,
};
