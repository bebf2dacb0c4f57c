//! The OSV schema (<https://ossf.github.io/osv-schema/>) as plain serde structs: exactly what a document says,
//! nothing checked yet. [`crate::validate`] turns an [`Osv`] into an [`crate::Advisory`]; nothing past that
//! boundary sees these types except the store, which keeps them so an open re-validates the same way an import did.
//!
//! Lists and optional fields default when absent or `null`; unknown fields are ignored (the schema grows). The
//! free-form `database_specific` and `ecosystem_specific` objects are kept as their JSON text.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::value::RawValue;

/// One OSV document.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Osv {
    pub id: String,
    #[serde(default, deserialize_with = "nullable")]
    pub modified: String,
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub withdrawn: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    pub aliases: Vec<String>,
    #[serde(default, deserialize_with = "nullable")]
    pub related: Vec<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub details: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    pub severity: Vec<Severity>,
    #[serde(default, deserialize_with = "nullable")]
    pub affected: Vec<Affected>,
    #[serde(default, deserialize_with = "nullable")]
    pub references: Vec<Reference>,
    #[serde(default)]
    pub database_specific: Option<Json>,
    /// Not part of OSV: set by the loader when the document did not parse as OSV, with the parser's message. Only
    /// `id` and the affected packages' ecosystem and name were recovered; validation turns every such entry into a
    /// "could not evaluate" gap rather than dropping it.
    #[serde(skip)]
    pub malformed: Option<String>,
}

/// `severity[]`: a scoring system and its score (a CVSS vector for the `CVSS_V*` types).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct Severity {
    #[serde(rename = "type", default, deserialize_with = "nullable")]
    pub kind: String,
    #[serde(default, deserialize_with = "nullable")]
    pub score: String,
}

/// `affected[]`: one package and the versions of it that are affected.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Affected {
    #[serde(default)]
    pub package: Option<Package>,
    #[serde(default, deserialize_with = "nullable")]
    pub severity: Vec<Severity>,
    #[serde(default, deserialize_with = "nullable")]
    pub ranges: Vec<Range>,
    #[serde(default, deserialize_with = "nullable")]
    pub versions: Vec<String>,
    #[serde(default)]
    pub ecosystem_specific: Option<Json>,
    #[serde(default)]
    pub database_specific: Option<Json>,
}

/// `affected[].package`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct Package {
    #[serde(default, deserialize_with = "nullable")]
    pub ecosystem: String,
    #[serde(default, deserialize_with = "nullable")]
    pub name: String,
    #[serde(default)]
    pub purl: Option<String>,
}

/// `affected[].ranges[]`: `type` is `ECOSYSTEM`, `SEMVER` or `GIT` (kept as written; validation refuses others).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Range {
    #[serde(rename = "type", default, deserialize_with = "nullable")]
    pub kind: String,
    #[serde(default)]
    pub repo: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    pub events: Vec<Event>,
    #[serde(default)]
    pub database_specific: Option<Json>,
}

/// `affected[].ranges[].events[]`: exactly one of the four should be set (validation checks).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct Event {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub introduced: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_affected: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<String>,
}

/// `references[]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct Reference {
    #[serde(rename = "type", default, deserialize_with = "nullable")]
    pub kind: String,
    #[serde(default, deserialize_with = "nullable")]
    pub url: String,
}

/// A free-form JSON value (`database_specific`, `ecosystem_specific`), kept as its text: nothing in matching reads
/// it, so it is not parsed further.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Json(String);

impl Json {
    /// The JSON text as the document wrote it.
    pub fn get(&self) -> &str {
        &self.0
    }

    /// Parses the text (it was valid JSON when it was read from an OSV document).
    pub fn value(&self) -> Result<serde_json::Value, serde_json::Error> {
        serde_json::from_str(&self.0)
    }

    pub fn into_string(self) -> String {
        self.0
    }

    /// Text read back from Warden's own store, which wrote it from a [`Json`].
    pub(crate) fn from_stored(text: String) -> Json {
        Json(text)
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        Ok(Json(raw.get().to_string()))
    }
}

impl Serialize for Json {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let raw = RawValue::from_string(self.0.clone()).map_err(serde::ser::Error::custom)?;
        raw.serialize(serializer)
    }
}

/// A field that may be `null` as well as absent: both become the default.
fn nullable<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

impl Osv {
    /// Parses one OSV document. When it is JSON but not a valid OSV document (a field of the wrong type, say), the
    /// `id` and the affected packages are recovered where possible and [`Osv::malformed`] says what was wrong, so
    /// that the packages it names still show up as "could not evaluate". `Err` only when nothing could be recovered
    /// (not JSON, or no `id`).
    pub fn parse(bytes: &[u8]) -> Result<Osv, String> {
        match serde_json::from_slice::<Osv>(bytes) {
            Ok(osv) => Ok(osv),
            Err(err) => {
                let message = err.to_string();
                let Ok(value) = serde_json::from_slice::<serde_json::Value>(bytes) else {
                    return Err(message);
                };
                recover(&value, message)
            }
        }
    }
}

/// The `id` and the affected packages of a document that is JSON but not valid OSV.
fn recover(value: &serde_json::Value, message: String) -> Result<Osv, String> {
    let Some(id) = value.get("id").and_then(|v| v.as_str()).filter(|id| !id.is_empty()) else {
        return Err(message);
    };
    let text = |v: &serde_json::Value, key: &str| v.get(key).and_then(|v| v.as_str()).map(str::to_string);
    let affected = value
        .get("affected")
        .and_then(|a| a.as_array())
        .map(|entries| {
            entries
                .iter()
                .filter_map(|entry| {
                    let package = entry.get("package")?;
                    Some(Affected {
                        package: Some(Package {
                            ecosystem: text(package, "ecosystem")?,
                            name: text(package, "name")?,
                            purl: text(package, "purl"),
                        }),
                        ..Affected::default()
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(Osv {
        id: id.to_string(),
        modified: text(value, "modified").unwrap_or_default(),
        withdrawn: text(value, "withdrawn"),
        summary: text(value, "summary"),
        affected,
        malformed: Some(message),
        ..Osv::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_document_with_nulls_and_unknown_fields() {
        let doc = br#"{"id":"X-1","modified":"2024-01-01T00:00:00Z","aliases":null,"schema_version":"1.6.0",
            "affected":[{"package":{"ecosystem":"PyPI","name":"a"},"ranges":[{"type":"ECOSYSTEM",
            "events":[{"introduced":"0"},{"fixed":"1.0"}]}],"versions":null,"database_specific":{"x":[1,2]}}],
            "future_field":{"a":1}}"#;
        let osv = Osv::parse(doc).unwrap();
        assert_eq!(osv.id, "X-1");
        assert!(osv.aliases.is_empty() && osv.malformed.is_none());
        let entry = &osv.affected[0];
        assert_eq!(entry.ranges[0].events.len(), 2);
        assert_eq!(entry.database_specific.as_ref().map(|j| j.get()), Some(r#"{"x":[1,2]}"#));
    }

    #[test]
    fn recovers_names_from_a_malformed_document() {
        let doc = br#"{"id":"X-2","affected":[{"package":{"ecosystem":"npm","name":"a"},"versions":[1,2]}]}"#;
        let osv = Osv::parse(doc).unwrap();
        assert!(osv.malformed.as_deref().is_some_and(|m| m.contains("invalid type")), "{:?}", osv.malformed);
        assert_eq!(osv.affected.len(), 1);
        assert!(osv.affected[0].versions.is_empty());
        assert!(Osv::parse(b"{\"affected\": 3}").is_err());
        assert!(Osv::parse(b"not json").is_err());
    }
}
