//! CycloneDX 1.5 JSON (<https://cyclonedx.org/docs/1.5/json/>).

use crate::SbomSubject;
use serde_json::{Value, json};
use std::collections::HashSet;
use warden_core::rfc3339;
use warden_core::{Ecosystem, Package, ScanResult};

/// A CycloneDX 1.5 BOM of the packages: one `library` component each, with its purl, and where it was found as
/// properties (`warden:filePath`, `warden:packageManager`, `aws:lambda:layerArn`); dev-only ones have scope
/// `excluded`.
pub fn cyclonedx(result: &ScanResult, subject: &SbomSubject) -> String {
    let mut refs = HashSet::new();
    let components: Vec<Value> = result.packages.iter().map(|p| component(p, &mut refs)).collect();
    let bom = json!({
        "$schema": "http://cyclonedx.org/schema/bom-1.5.schema.json",
        "bomFormat": "CycloneDX",
        "specVersion": "1.5",
        "serialNumber": format!("urn:uuid:{}", subject.stamp.uuid()),
        "version": 1,
        "metadata": {
            "timestamp": rfc3339(subject.stamp.epoch_seconds),
            "tools": {"components": [{"type": "application", "name": "warden", "version": env!("CARGO_PKG_VERSION")}]},
            "component": {"type": "application", "bom-ref": "lambda-function", "name": subject.name},
        },
        "components": components,
        "dependencies": [{"ref": "lambda-function", "dependsOn": refs_in_order(&components)}],
    });
    serde_json::to_string_pretty(&bom).unwrap_or_default()
}

fn refs_in_order(components: &[Value]) -> Vec<Value> {
    components.iter().filter_map(|c| c.get("bom-ref").cloned()).collect()
}

fn component(p: &Package, refs: &mut HashSet<String>) -> Value {
    let mut bom_ref = p.purl.clone();
    let mut n = 1;
    while !refs.insert(bom_ref.clone()) {
        n += 1;
        bom_ref = format!("{}#{n}", p.purl);
    }
    let (group, name) = split_group(p.ecosystem, &p.name);
    let mut properties = vec![
        json!({"name": "warden:filePath", "value": p.file_path}),
        json!({"name": "warden:packageManager", "value": p.package_manager.as_str()}),
        json!({"name": "warden:ecosystem", "value": p.ecosystem.as_str()}),
    ];
    if let Some(layer) = &p.layer {
        properties.push(json!({"name": "aws:lambda:layerArn", "value": layer}));
    }
    if let Some(c) = &p.constraint {
        properties.push(json!({"name": "warden:constraint", "value": c}));
    }
    let mut c = json!({
        "type": "library",
        "bom-ref": bom_ref,
        "name": name,
        "purl": p.purl,
        "scope": if p.dev { "excluded" } else { "required" },
        "properties": properties,
    });
    if let Some(obj) = c.as_object_mut() {
        if let Some(g) = group {
            obj.insert("group".to_string(), json!(g));
        }
        if !p.version.is_empty() {
            obj.insert("version".to_string(), json!(p.version));
        }
    }
    c
}

/// CycloneDX keeps a Maven group id and an npm scope apart from the name.
fn split_group(ecosystem: Ecosystem, name: &str) -> (Option<&str>, &str) {
    match ecosystem {
        Ecosystem::Maven => name.split_once(':').map_or((None, name), |(g, a)| (Some(g), a)),
        Ecosystem::Npm if name.starts_with('@') => name.split_once('/').map_or((None, name), |(g, a)| (Some(g), a)),
        Ecosystem::Packagist => name.split_once('/').map_or((None, name), |(g, a)| (Some(g), a)),
        _ => (None, name),
    }
}
