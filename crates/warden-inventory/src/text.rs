//! Helpers shared by the text formats.

use crate::ExtractError;

/// The file as UTF-8 text (a leading byte-order mark dropped); malformed UTF-8 is a parse error.
pub fn utf8(bytes: &[u8]) -> Result<&str, ExtractError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| ExtractError::parse(format!("not UTF-8 text: {e}")))
}

/// Parses JSON into `T`, with the error a user can act on.
pub fn json<'a, T: serde::Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, ExtractError> {
    let text = utf8(bytes)?;
    serde_json::from_str(text).map_err(|e| ExtractError::parse(format!("invalid JSON: {e}")))
}

/// Parses TOML into `T`.
pub fn toml<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, ExtractError> {
    let text = utf8(bytes)?;
    toml::from_str(text).map_err(|e| ExtractError::parse(format!("invalid TOML: {e}")))
}

/// The last path component.
pub fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}
