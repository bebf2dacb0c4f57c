//! A small, bounded XML tree for the XML manifests Warden reads: Maven's `pom.xml` here, and .NET's `*.csproj` and
//! `packages.config` (which reach it as `crate::java::shared_xml`).
//!
//! What it does: decodes the text (UTF-8 with or without a byte-order mark, UTF-16 with one, and the single-byte
//! encodings old POMs declare: ISO-8859-1, Windows-1252, US-ASCII), checks that the document is well formed (one root
//! element, matching end tags, legal element names), keeps each element's local name (namespace prefixes dropped),
//! attributes, text (the five predefined entities and character references resolved) and children.
//!
//! What it deliberately does not: read DTDs or expand entities they declare (an unknown `&name;` stays as written, so
//! no entity-expansion bomb is possible), resolve namespaces, or keep comments and processing instructions. Nesting
//! deeper than [`MAX_DEPTH`] is refused, so a hostile file cannot exhaust the stack.

use crate::ExtractError;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use std::borrow::Cow;

/// Deepest element nesting accepted (real manifests stay under 10).
pub(crate) const MAX_DEPTH: usize = 64;

/// One element: local name, attributes, text and children.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Element {
    pub(crate) name: String,
    attrs: Vec<(String, String)>,
    text: String,
    children: Vec<Element>,
}

impl Element {
    /// An attribute's value by local name, compared without regard to ASCII case (MSBuild attributes are
    /// case-insensitive; Maven's POM uses none that differ only by case).
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The element's own text, trimmed.
    pub(crate) fn text(&self) -> &str {
        self.text.trim()
    }

    /// Direct children.
    pub(crate) fn children(&self) -> &[Element] {
        &self.children
    }

    /// Direct children with this exact local name.
    pub(crate) fn named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The first direct child with this exact local name.
    pub(crate) fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// The trimmed text of the first child with this name, if it has any.
    pub(crate) fn child_text(&self, name: &str) -> Option<&str> {
        self.child(name).map(Element::text).filter(|t| !t.is_empty())
    }

    /// The elements reached by following `path` (each step: direct children with that name).
    pub(crate) fn at<'a>(&'a self, path: &'a [&'a str]) -> Vec<&'a Element> {
        let mut current = vec![self];
        for step in path {
            current = current.into_iter().flat_map(|e| e.named(step)).collect();
        }
        current
    }

    /// Every element below this one, depth first, in document order.
    pub(crate) fn descendants(&self) -> Vec<&Element> {
        let mut out = Vec::new();
        let mut stack: Vec<&Element> = self.children.iter().rev().collect();
        while let Some(e) = stack.pop() {
            out.push(e);
            stack.extend(e.children.iter().rev());
        }
        out
    }
}

/// Parses a whole document and returns its root element. `what` names the format in errors (`pom.xml`).
pub(crate) fn parse(bytes: &[u8], what: &str) -> Result<Element, ExtractError> {
    let text = decode(bytes, what)?;
    let mut reader = Reader::from_str(&text);
    let invalid = |reader: &Reader<&[u8]>, message: &dyn std::fmt::Display| {
        ExtractError::parse(format!("{what}: invalid XML at byte {}: {message}", reader.error_position()))
    };
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let event = reader.read_event().map_err(|e| invalid(&reader, &e))?;
        match event {
            Event::Start(_) | Event::Empty(_) if root.is_some() && stack.is_empty() => {
                return Err(invalid(&reader, &"more than one root element"));
            }
            Event::Start(start) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(invalid(&reader, &format!("elements nested deeper than {MAX_DEPTH} levels")));
                }
                stack.push(element(&start).map_err(|m| invalid(&reader, &m))?);
            }
            Event::Empty(start) => {
                let e = element(&start).map_err(|m| invalid(&reader, &m))?;
                attach(&mut stack, &mut root, e);
            }
            Event::End(_) => {
                let Some(done) = stack.pop() else {
                    return Err(invalid(&reader, &"end tag without a start tag"));
                };
                attach(&mut stack, &mut root, done);
            }
            Event::Text(t) => push_text(&mut stack, &t).map_err(|m| invalid(&reader, &m))?,
            Event::CData(t) => push_text(&mut stack, &t).map_err(|m| invalid(&reader, &m))?,
            Event::GeneralRef(r) => {
                let resolved: Cow<'_, str> = match r.resolve_char_ref() {
                    Ok(Some(c)) => Cow::Owned(c.to_string()),
                    Ok(None) => match &*r {
                        "lt" => Cow::Borrowed("<"),
                        "gt" => Cow::Borrowed(">"),
                        "amp" => Cow::Borrowed("&"),
                        "apos" => Cow::Borrowed("'"),
                        "quot" => Cow::Borrowed("\""),
                        other => Cow::Owned(format!("&{other};")),
                    },
                    Err(e) => return Err(invalid(&reader, &e)),
                };
                push_text(&mut stack, &resolved).map_err(|m| invalid(&reader, &m))?;
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if !stack.is_empty() {
        return Err(invalid(&reader, &"the document ends inside an element"));
    }
    root.ok_or_else(|| ExtractError::parse(format!("{what}: not an XML document (no root element)")))
}

fn attach(stack: &mut [Element], root: &mut Option<Element>, e: Element) {
    match stack.last_mut() {
        Some(parent) => parent.children.push(e),
        None => *root = Some(e),
    }
}

fn push_text(stack: &mut [Element], text: &str) -> Result<(), String> {
    match stack.last_mut() {
        Some(e) => {
            e.text.push_str(text);
            Ok(())
        }
        None if text.trim().is_empty() => Ok(()),
        None => Err("text outside the root element".to_string()),
    }
}

fn element(start: &BytesStart<'_>) -> Result<Element, String> {
    let name = local_name(start.name().as_ref())?;
    let mut attrs = Vec::new();
    for attr in start.attributes() {
        let attr = attr.map_err(|e| e.to_string())?;
        let key = local_name(attr.key.as_ref())?;
        let value = attr.normalized_value(XmlVersion::Implicit1_0).map_err(|e| e.to_string())?;
        attrs.push((key, value.into_owned()));
    }
    Ok(Element { name, attrs, text: String::new(), children: Vec::new() })
}

/// The part of a qualified name after any prefix, checked against XML's name rules (ASCII part only: letters,
/// digits, `_`, `-`, `.`, `:`, not starting with a digit, `-` or `.`); `<${id}.version>` is refused.
fn local_name(name: &str) -> Result<String, String> {
    let valid_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':') || !c.is_ascii();
    let starts_well = name.chars().next().is_some_and(|c| !c.is_ascii_digit() && !matches!(c, '-' | '.'));
    if !starts_well || !name.chars().all(valid_char) {
        return Err(format!("{name:?} is not a valid XML name"));
    }
    Ok(name.rsplit(':').next().unwrap_or(name).to_string())
}

/// The document as text: UTF-8 (a byte-order mark dropped), UTF-16 with a byte-order mark, or a single-byte encoding
/// named in the XML declaration.
fn decode<'a>(bytes: &'a [u8], what: &str) -> Result<Cow<'a, str>, ExtractError> {
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes, what).map(Cow::Owned);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes, what).map(Cow::Owned);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(_) if declares_single_byte_encoding(bytes) => {
            // ISO-8859-1 maps each byte to the code point of the same value; for Windows-1252 this differs only in
            // 0x80–0x9F (punctuation), which never appears in coordinates or versions.
            Ok(Cow::Owned(bytes.iter().map(|&b| char::from(b)).collect()))
        }
        Err(e) => Err(ExtractError::parse(format!("{what}: not UTF-8 text: {e}"))),
    }
}

fn declares_single_byte_encoding(bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(200)).unwrap_or_default();
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let Some(decl) = head.strip_prefix("<?xml").and_then(|d| d.split("?>").next()) else {
        return false;
    };
    ["iso-8859-1", "iso8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "us-ascii"]
        .iter()
        .any(|enc| decl.contains(&format!("\"{enc}\"")) || decl.contains(&format!("'{enc}'")))
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, what: &str) -> Result<String, ExtractError> {
    let units = bytes.chunks_exact(2).map(|p| unit([p.first().copied().unwrap_or(0), p.get(1).copied().unwrap_or(0)]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|e| ExtractError::parse(format!("{what}: not UTF-16 text: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_structure_text_and_attributes() {
        let xml = br#"<?xml version="1.0"?><p:project xmlns:p="urn:x"><a k="1 &amp; 2">x &lt; y<![CDATA[<z>]]>&#65;</a><b/><a>second</a></p:project>"#;
        let root = parse(xml, "t").unwrap();
        assert_eq!(root.name, "project");
        let first = root.child("a").unwrap();
        assert_eq!(first.attr("K"), Some("1 & 2"));
        assert_eq!(first.text(), "x < y<z>A");
        assert_eq!(root.named("a").count(), 2);
        assert_eq!(root.descendants().len(), 3);
    }

    #[test]
    fn refuses_what_is_not_a_document() {
        assert!(parse(b"not\nxml", "t").is_err());
        assert!(parse(b"", "t").is_err());
        assert!(parse(b"<a></b>", "t").is_err());
        assert!(parse(b"<a>", "t").is_err());
        assert!(parse(b"<a/><b/>", "t").is_err());
        assert!(parse(b"<a><${id}.v>1</${id}.v></a>", "t").is_err());
    }

    #[test]
    fn refuses_deep_nesting_without_recursing() {
        let deep = format!("{}{}", "<a>".repeat(100_000), "</a>".repeat(100_000));
        let err = parse(deep.as_bytes(), "t").unwrap_err().to_string();
        assert!(err.contains("nested deeper"), "{err}");
    }

    #[test]
    fn unknown_entities_are_not_expanded() {
        let xml = br#"<!DOCTYPE a [<!ENTITY e "boom">]><a>&e;</a>"#;
        assert_eq!(parse(xml, "t").unwrap().text(), "&e;");
    }

    #[test]
    fn decodes_latin1_and_utf16() {
        let latin1 = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf\xE9</a>";
        assert_eq!(parse(latin1, "t").unwrap().text(), "caf\u{e9}");
        assert!(parse(b"<a>caf\xE9</a>", "t").is_err());
        let utf16: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("<a>\u{e9}</a>".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(parse(&utf16, "t").unwrap().text(), "\u{e9}");
    }
}
