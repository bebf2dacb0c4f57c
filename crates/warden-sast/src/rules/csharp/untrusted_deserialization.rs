//! # Deserialization of untrusted data
//!
//! ## What it finds
//! Attacker-controlled data read with `BinaryFormatter`, `SoapFormatter`, `NetDataContractSerializer`,
//! `LosFormatter`, `ObjectStateFormatter`, `JavaScriptSerializer` or an `XmlSerializer` of a type named by input,
//! and Json.NET `DeserializeObject` with `TypeNameHandling` other than `None`; and serializer settings that let the
//! data choose types wherever they are made (`TypeNameHandling.All/Auto/Objects/Arrays`,
//! `new JavaScriptSerializer(new SimpleTypeResolver())`). Settings made inside a call that only writes JSON
//! (`JsonConvert.SerializeObject(x, new JsonSerializerSettings { … })`) and a value copied from other settings
//! (`serializer.TypeNameHandling = settings.TypeNameHandling`) are not reported.
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

use crate::ir::{Expr, ExprKind, Module};
use crate::rules::RawHit;
use crate::tables::Kind;

/// A `TypeNameHandling` member other than `None` (`TypeNameHandling.Auto`, `TypeNameHandling.Objects |
/// TypeNameHandling.Arrays`, a conditional choosing one) or a non-zero number. A value copied from other settings
/// (`serializer.TypeNameHandling = settings.TypeNameHandling`) is no choice made here.
fn type_names(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Num(n) if n != "0")
        || shared::any_part(e, &|x| {
            matches!(&x.kind, ExprKind::Attr { obj, name }
                if name != "None" && shared::last_name(obj) == Some("TypeNameHandling"))
        })
}

/// Calls that only write JSON: `$type` written out creates nothing.
const WRITERS: &[&str] = &["SerializeObject", "SerializeObjectAsync", "SerializeXmlNode", "SerializeXNode"];

/// `new JsonSerializerSettings { TypeNameHandling = … }` and `new JsonSerializer { TypeNameHandling = … }` letting the
/// data choose types, except settings made inside a call that only writes JSON
/// (`JsonConvert.SerializeObject(x, new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All })`).
fn settings_with_types(m: &Module, out: &mut Vec<RawHit>) {
    let mut writing = Vec::new();
    shared::each_expr(m, &mut |e| {
        if let ExprKind::Call { callee, args, .. } = &e.kind
            && shared::last_name(callee).is_some_and(|n| WRITERS.contains(&n))
        {
            writing.extend(args.iter().map(|a| (a.value.span.start_byte, a.value.span.end_byte)));
        }
    });
    shared::each_expr(m, &mut |e| {
        let ExprKind::Call { callee, args, new: true } = &e.kind else { return };
        if matches!(shared::last_name(callee), Some("JsonSerializerSettings" | "JsonSerializer"))
            && args.iter().any(|a| a.name.as_deref() == Some("TypeNameHandling") && type_names(&a.value))
            && !writing.contains(&(e.span.start_byte, e.span.end_byte))
        {
            shared::push_hit(out, e.span, TYPES);
        }
    });
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
    Check::Custom(settings_with_types),
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
