//! Strict parsing of `METRIC:VALUE/METRIC:VALUE/…`, shared by every version.

use crate::CvssError;

/// One metric a version defines: its abbreviation, its allowed values, and whether it is a base metric (which
/// must appear).
pub(crate) struct MetricDef {
    pub name: &'static str,
    pub values: &'static [&'static str],
    pub required: bool,
}

/// A base metric.
pub(crate) const fn base(name: &'static str, values: &'static [&'static str]) -> MetricDef {
    MetricDef { name, values, required: true }
}

/// An optional metric (temporal, threat, environmental, supplemental).
pub(crate) const fn optional(name: &'static str, values: &'static [&'static str]) -> MetricDef {
    MetricDef { name, values, required: false }
}

/// The metrics of a valid vector.
pub(crate) struct Metrics<'a> {
    found: Vec<(&'static str, &'a str)>,
}

impl<'a> Metrics<'a> {
    /// The value of a metric.
    pub fn get(&self, name: &'static str) -> Result<&'a str, CvssError> {
        self.found.iter().find(|(n, _)| *n == name).map(|(_, v)| *v).ok_or(CvssError::MissingMetric(name))
    }

    /// The weight of a metric's value in `table`.
    pub fn weight(&self, name: &'static str, table: &[(&str, f64)]) -> Result<f64, CvssError> {
        let value = self.get(name)?;
        table.iter().find(|(v, _)| *v == value).map(|(_, w)| *w).ok_or_else(|| CvssError::InvalidValue {
            metric: name,
            value: excerpt(value),
            allowed: table.iter().map(|(v, _)| *v).collect::<Vec<_>>().join(", "),
        })
    }
}

/// Checks `metrics` (the vector without its `CVSS:x.y/` prefix) against `defs`: every component is
/// `METRIC:VALUE`, every metric is known and appears once, every value is allowed, and every base metric is there.
/// Names and values are case-sensitive, as the specifications write them.
pub(crate) fn parse<'a>(
    metrics: &'a str,
    version: &'static str,
    defs: &'static [MetricDef],
) -> Result<Metrics<'a>, CvssError> {
    let mut found: Vec<(&'static str, &'a str)> = Vec::new();
    if !metrics.is_empty() {
        for component in metrics.split('/') {
            let Some((name, value)) = component.split_once(':') else {
                return Err(CvssError::MalformedComponent(excerpt(component)));
            };
            if value.is_empty() || value.contains(':') {
                return Err(CvssError::MalformedComponent(excerpt(component)));
            }
            let Some(def) = defs.iter().find(|d| d.name == name) else {
                return Err(CvssError::UnknownMetric { version, metric: excerpt(name) });
            };
            if !def.values.contains(&value) {
                return Err(CvssError::InvalidValue {
                    metric: def.name,
                    value: excerpt(value),
                    allowed: def.values.join(", "),
                });
            }
            if found.iter().any(|(n, _)| *n == def.name) {
                return Err(CvssError::DuplicateMetric(def.name));
            }
            found.push((def.name, value));
        }
    }
    if let Some(missing) = defs.iter().find(|d| d.required && !found.iter().any(|(n, _)| *n == d.name)) {
        return Err(CvssError::MissingMetric(missing.name));
    }
    Ok(Metrics { found })
}

/// At most 40 characters of untrusted text, for an error message.
pub(crate) fn excerpt(text: &str) -> String {
    const MAX: usize = 40;
    let mut chars = text.chars();
    let mut out: String = chars.by_ref().take(MAX).collect();
    if chars.next().is_some() {
        out.push('…');
    }
    out
}
