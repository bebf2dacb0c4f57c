//! JSON as npm-family tools write it by hand or by machine: `bun.lock` is JSONC (comments, trailing commas), and
//! hand-edited `package-lock.json` files often carry a trailing comma that `JSON.parse` would reject but whose
//! meaning is not in doubt. Strict JSON is tried first (no copy); only on failure are comments and trailing commas
//! removed and the text parsed again.

use crate::{ExtractError, text};
use serde::de::DeserializeOwned;

/// Parses JSON, or JSON with comments and trailing commas, into `T`.
pub(crate) fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ExtractError> {
    let text = text::utf8(bytes)?;
    match serde_json::from_str(text) {
        Ok(value) => Ok(value),
        Err(strict) => {
            let relaxed = strip(text);
            if relaxed.len() == text.len() && relaxed == text {
                return Err(ExtractError::parse(format!("invalid JSON: {strict}")));
            }
            serde_json::from_str(&relaxed).map_err(|e| ExtractError::parse(format!("invalid JSON: {e}")))
        }
    }
}

/// Removes `//` and `/* */` comments and commas directly before `}` or `]`, leaving strings untouched. Linear in
/// the input: the backward look for a comma only crosses whitespace written since the last token.
fn strip(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' => {
                // Copy the string through its closing quote, honouring escapes.
                let start = i;
                i += 1;
                while let Some(&c) = bytes.get(i) {
                    i += 1;
                    match c {
                        b'\\' => i += 1,
                        b'"' => break,
                        _ => {}
                    }
                }
                out.extend_from_slice(bytes.get(start..i.min(bytes.len())).unwrap_or_default());
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while bytes.get(i).is_some_and(|&c| c != b'\n') {
                    i += 1;
                }
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i < bytes.len() && !(bytes.get(i) == Some(&b'*') && bytes.get(i + 1) == Some(&b'/')) {
                    i += 1;
                }
                i += 2;
                out.push(b' ');
                continue;
            }
            b'}' | b']' => {
                let ws = out.iter().rev().take_while(|c| c.is_ascii_whitespace()).count();
                let comma = out.len().checked_sub(ws + 1);
                if let Some(at) = comma.filter(|&at| out.get(at) == Some(&b',')) {
                    out.remove(at);
                }
                out.push(b);
            }
            _ => out.push(b),
        }
        i += 1;
    }
    // Only ASCII bytes outside strings were dropped, so the text is still UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn trailing_commas_and_comments_are_accepted() {
        let v: Value =
            parse(b"{\n // note\n \"a\": [1, 2,], /* x */ \"b\": {\"c\": \"//not a comment,]\",},\n}").unwrap();
        assert_eq!(v["a"], serde_json::json!([1, 2]));
        assert_eq!(v["b"]["c"], "//not a comment,]");
    }

    #[test]
    fn escaped_quotes_do_not_end_strings() {
        let v: Value = parse(br#"{"a": "x\",]", }"#).unwrap();
        assert_eq!(v["a"], "x\",]");
    }

    #[test]
    fn malformed_text_is_an_error_not_a_panic() {
        assert!(parse::<Value>(b"{\"a\": \"unterminated").is_err());
        assert!(parse::<Value>(b"/* unterminated").is_err());
        assert!(parse::<Value>(b"this is not json!").is_err());
        assert!(parse::<Value>(b"\xff").is_err());
    }
}
