//! SPDX 2.3 JSON (<https://spdx.github.io/spdx-spec/v2.3/>).

use crate::SbomSubject;
use serde_json::{Value, json};
use warden_core::rfc3339;
use warden_core::{Package, ScanResult};

/// An SPDX 2.3 document: the function as the described package, which CONTAINS one package per inventory entry,
/// each with its purl as a `PACKAGE-MANAGER` external reference and where it was found in `sourceInfo`.
pub fn spdx(result: &ScanResult, subject: &SbomSubject) -> String {
    let root = "SPDXRef-LambdaFunction";
    let mut packages = vec![json!({
        "SPDXID": root,
        "name": subject.name,
        "downloadLocation": "NOASSERTION",
        "filesAnalyzed": false,
        "primaryPackagePurpose": "APPLICATION",
    })];
    let mut relationships =
        vec![json!({"spdxElementId": "SPDXRef-DOCUMENT", "relationshipType": "DESCRIBES", "relatedSpdxElement": root})];
    for (i, p) in result.packages.iter().enumerate() {
        let id = format!("SPDXRef-Package-{}", i + 1);
        packages.push(package(p, &id));
        let kind = if p.dev { "DEV_DEPENDENCY_OF" } else { "CONTAINS" };
        relationships.push(if p.dev {
            json!({"spdxElementId": id, "relationshipType": kind, "relatedSpdxElement": root})
        } else {
            json!({"spdxElementId": root, "relationshipType": kind, "relatedSpdxElement": id})
        });
    }
    let doc = json!({
        "spdxVersion": "SPDX-2.3",
        "dataLicense": "CC0-1.0",
        "SPDXID": "SPDXRef-DOCUMENT",
        "name": subject.name,
        "documentNamespace": format!("https://warden.invalid/spdx/{}", subject.stamp.uuid()),
        "creationInfo": {
            "created": rfc3339(subject.stamp.epoch_seconds),
            "creators": [format!("Tool: warden-{}", env!("CARGO_PKG_VERSION"))],
        },
        "packages": packages,
        "relationships": relationships,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

fn package(p: &Package, id: &str) -> Value {
    let mut source = format!("{} ({}) found in {}", p.ecosystem, p.package_manager, p.file_path);
    if let Some(layer) = &p.layer {
        source.push_str(&format!(" of layer {layer}"));
    }
    let mut v = json!({
        "SPDXID": id,
        "name": p.name,
        "downloadLocation": "NOASSERTION",
        "filesAnalyzed": false,
        "licenseConcluded": "NOASSERTION",
        "licenseDeclared": "NOASSERTION",
        "copyrightText": "NOASSERTION",
        "sourceInfo": source,
        "primaryPackagePurpose": "LIBRARY",
        "externalRefs": [{"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl", "referenceLocator": p.purl}],
    });
    if let (Some(obj), false) = (v.as_object_mut(), p.version.is_empty()) {
        obj.insert("versionInfo".to_string(), json!(p.version));
    }
    v
}
