//! `--ignore-file`: vulnerabilities a team has decided to accept, each until a date if it likes.
//!
//! One entry a line: `ID [until YYYY-MM-DD] [# reason]`. Blank lines and lines starting with `#` are comments. The
//! id is compared, ignoring ASCII case, with a finding's `vulnerabilityId` and each of its
//! `relatedVulnerabilities`, so `GHSA-…` or `PYSEC-…` ignores the CVE finding it is an alias of. An entry with a
//! date ignores through that day (UTC) and no longer once it has passed: an expired entry is reported, never
//! silently kept.

use warden_core::Finding;

/// One line of an ignore file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IgnoreEntry {
    pub id: String,
    /// `YYYY-MM-DD`, inclusive.
    pub until: Option<String>,
    pub reason: Option<String>,
    /// 1-based.
    pub line: usize,
}

/// A line that is not `ID [until YYYY-MM-DD] [# reason]`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct IgnoreError {
    pub line: usize,
    pub message: String,
}

/// Every entry of an ignore file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IgnoreList {
    pub entries: Vec<IgnoreEntry>,
}

impl IgnoreList {
    pub fn parse(text: &str) -> Result<IgnoreList, IgnoreError> {
        let mut entries = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let (body, reason) = match raw.split_once('#') {
                Some((body, reason)) => (body, Some(reason.trim().to_string()).filter(|r| !r.is_empty())),
                None => (raw, None),
            };
            let words: Vec<&str> = body.split_whitespace().collect();
            let err = |message: &str| IgnoreError { line, message: message.to_string() };
            let (id, until) = match words.as_slice() {
                [] => continue,
                [id] => (*id, None),
                [id, "until", date] => {
                    if !is_date(date) {
                        return Err(err(&format!("{date:?} is not a date (YYYY-MM-DD)")));
                    }
                    (*id, Some(date.to_string()))
                }
                _ => return Err(err("expected `ID [until YYYY-MM-DD] [# reason]`")),
            };
            entries.push(IgnoreEntry { id: id.to_string(), until, reason, line });
        }
        Ok(IgnoreList { entries })
    }

    /// The entry that ignores `finding` on `today` (`YYYY-MM-DD`), if any.
    pub fn ignoring(&self, finding: &Finding, today: &str) -> Option<&IgnoreEntry> {
        let details = finding.package_vulnerability_details.as_ref()?;
        let ids: Vec<&str> = std::iter::once(details.vulnerability_id.as_str())
            .chain(details.related_vulnerabilities.iter().map(String::as_str))
            .collect();
        self.entries
            .iter()
            .filter(|e| !e.is_expired(today))
            .find(|e| ids.iter().any(|id| id.eq_ignore_ascii_case(&e.id)))
    }

    /// Entries whose date has passed.
    pub fn expired<'a>(&'a self, today: &'a str) -> impl Iterator<Item = &'a IgnoreEntry> {
        self.entries.iter().filter(move |e| e.is_expired(today))
    }
}

impl IgnoreEntry {
    pub fn is_expired(&self, today: &str) -> bool {
        self.until.as_deref().is_some_and(|until| until < today)
    }
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|d| d.parse::<u32>().ok()).unwrap_or(0);
    b.len() == 10
        && digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10)
        && (1..=12).contains(&num(5..7))
        && (1..=31).contains(&num(8..10))
}

/// Today's date in UTC, `YYYY-MM-DD`.
pub fn today_utc() -> String {
    warden_core::date_utc(warden_core::now_epoch_seconds())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn lines_parse_and_dates_expire() {
        let list = IgnoreList::parse(
            "# accepted risks\n\nCVE-2020-1747 until 2020-01-31 # old\nGHSA-xvch-5gv4-984h\nPYSEC-1 until 2999-12-31\n",
        )
        .unwrap();
        assert_eq!(list.entries.len(), 3);
        assert_eq!(list.entries[0].reason.as_deref(), Some("old"));
        assert_eq!(list.entries[0].line, 3);
        assert!(list.entries[0].is_expired("2024-01-01"));
        assert!(!list.entries[0].is_expired("2020-01-31"));
        assert!(!list.entries[1].is_expired("2024-01-01"));
        assert_eq!(list.expired("2024-01-01").count(), 1);
        assert!(IgnoreList::parse("CVE-1 until 2020-13-01").is_err());
        assert!(IgnoreList::parse("CVE-1 after 2020-01-01").is_err());
        assert_eq!(IgnoreList::parse("a b c d").unwrap_err().line, 1);
    }

    #[test]
    fn civil_dates() {
        assert_eq!(warden_core::date_utc(19_723 * 86_400), "2024-01-01");
        assert_eq!(warden_core::date_utc(19_782 * 86_400 + 86_399), "2024-02-29");
        assert_eq!(today_utc().len(), 10);
    }
}
