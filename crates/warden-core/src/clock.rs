//! Calendar dates from Unix time, without a date-time dependency (UTC, proleptic Gregorian).

use std::time::{SystemTime, UNIX_EPOCH};

/// Seconds since the Unix epoch, now (0 if the clock is before 1970).
pub fn now_epoch_seconds() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

/// The (year, month, day) of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`).
pub fn civil_date(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// `2026-11-29` for a time in seconds since the epoch.
pub fn date_utc(epoch_seconds: u64) -> String {
    let (y, m, d) = civil_date(i64::try_from(epoch_seconds / 86_400).unwrap_or(0));
    format!("{y:04}-{m:02}-{d:02}")
}

/// `2026-11-29T09:42:28Z` for a time in seconds since the epoch.
pub fn rfc3339(epoch_seconds: u64) -> String {
    let s = epoch_seconds % 86_400;
    format!("{}T{:02}:{:02}:{:02}Z", date_utc(epoch_seconds), s / 3600, s % 3600 / 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_dates() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_795_772_548), "2026-11-27T09:42:28Z");
        assert_eq!(date_utc(1_795_772_548), "2026-11-27");
        assert_eq!(civil_date(-1), (1969, 12, 31));
    }
}
