//! Validated advisories indexed by (ecosystem, normalized package name).

use std::collections::HashMap;

use warden_core::{Ecosystem, normalize_name};

use crate::matcher::{Installed, Match, MatchOutcome, NameMatch, evaluate};
use crate::validate::Advisory;

/// One affected entry under a name key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Slot {
    advisory: u32,
    entry: u32,
    case_folded: bool,
}

/// The advisories, by id and by the packages they name.
#[derive(Debug, Default)]
pub struct Index {
    advisories: Vec<Advisory>,
    by_id: HashMap<String, usize>,
    by_name: HashMap<(Ecosystem, String), Vec<Slot>>,
}

impl Index {
    /// Indexes `advisories` (one per id: a later one with the same id replaces an earlier one).
    pub fn new(advisories: Vec<Advisory>) -> Index {
        let mut index = Index::default();
        for advisory in advisories {
            match index.by_id.get(&advisory.id).copied() {
                Some(at) => {
                    if let Some(slot) = index.advisories.get_mut(at) {
                        *slot = advisory;
                    }
                }
                None => {
                    index.by_id.insert(advisory.id.clone(), index.advisories.len());
                    index.advisories.push(advisory);
                }
            }
        }
        // Id order, so that matches come out in id order.
        index.advisories.sort_by(|a, b| a.id.cmp(&b.id));
        index.by_id = index.advisories.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
        for (a, advisory) in index.advisories.iter().enumerate() {
            let Ok(a) = u32::try_from(a) else { break };
            for (e, entry) in advisory.affected.iter().enumerate() {
                let Ok(e) = u32::try_from(e) else { break };
                let key = (entry.ecosystem, entry.normalized_name().to_string());
                index.by_name.entry(key).or_default().push(Slot { advisory: a, entry: e, case_folded: false });
                if entry.ecosystem == Ecosystem::Npm && !entry.has_version_list() {
                    let lower = entry.normalized_name().to_ascii_lowercase();
                    if lower != entry.normalized_name() {
                        let slot = Slot { advisory: a, entry: e, case_folded: true };
                        index.by_name.entry((Ecosystem::Npm, lower)).or_default().push(slot);
                    }
                }
            }
        }
        for slots in index.by_name.values_mut() {
            slots.sort_unstable();
            slots.shrink_to_fit();
        }
        index
    }

    /// The advisories that concern `name` at `version`: affected ones, and ones that could not be evaluated (see
    /// [`MatchOutcome::Undecidable`]); at most one [`Match`] per advisory (an affected entry before an undecidable
    /// one), withdrawn advisories skipped, in advisory-id order.
    pub fn affected<'a>(&'a self, ecosystem: Ecosystem, name: &str, version: &'a str) -> Vec<Match<'a>> {
        let key = (ecosystem, normalize_name(ecosystem, name));
        let Some(slots) = self.by_name.get(&key) else { return Vec::new() };
        let installed = Installed::new(ecosystem, version);
        let mut out: Vec<Match<'a>> = Vec::new();
        let mut current: Option<(u32, Match<'a>)> = None;
        for slot in slots {
            let Some(advisory) = self.advisories.get(slot.advisory as usize) else { continue };
            if advisory.is_withdrawn() {
                continue;
            }
            if let Some((a, best)) = &current
                && *a == slot.advisory
                && best.is_affected()
            {
                continue;
            }
            let Some(entry) = advisory.affected.get(slot.entry as usize) else { continue };
            let Some(outcome) = evaluate(entry, &installed) else { continue };
            let found = Match {
                advisory,
                entry_index: slot.entry as usize,
                entry,
                name_match: if slot.case_folded { NameMatch::CaseFolded } else { NameMatch::Normalized },
                outcome,
            };
            match current.take() {
                Some((a, best)) if a == slot.advisory => {
                    let affected = matches!(found.outcome, MatchOutcome::Affected { .. });
                    current = Some((a, if affected && !best.is_affected() { found } else { best }));
                }
                Some((_, best)) => {
                    out.push(best);
                    current = Some((slot.advisory, found));
                }
                None => current = Some((slot.advisory, found)),
            }
        }
        if let Some((_, best)) = current {
            out.push(best);
        }
        out
    }

    /// The advisory with this id (withdrawn ones included).
    pub fn get(&self, id: &str) -> Option<&Advisory> {
        self.by_id.get(id).and_then(|&i| self.advisories.get(i))
    }

    /// Every advisory, in id order.
    pub fn advisories(&self) -> &[Advisory] {
        &self.advisories
    }

    pub fn len(&self) -> usize {
        self.advisories.len()
    }

    pub fn is_empty(&self) -> bool {
        self.advisories.is_empty()
    }

    /// Whether any advisory names this package (under the ecosystem's name rule).
    pub fn knows(&self, ecosystem: Ecosystem, name: &str) -> bool {
        self.by_name.contains_key(&(ecosystem, normalize_name(ecosystem, name)))
    }

    /// How many distinct (ecosystem, normalized name) keys the index holds.
    pub fn package_count(&self) -> usize {
        self.by_name.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::osv::Osv;
    use crate::validate::validate;

    fn advisory(json: &str) -> Advisory {
        validate(Osv::parse(json.as_bytes()).unwrap(), None).advisory.unwrap()
    }

    fn index() -> Index {
        Index::new(vec![
            advisory(
                r#"{"id":"A-1","modified":"2024-01-01T00:00:00Z","affected":[
                {"package":{"ecosystem":"PyPI","name":"Py_Yaml"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.0"}]}]},
                {"package":{"ecosystem":"PyPI","name":"PY-YAML"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"2.0"}]}]}]}"#,
            ),
            advisory(
                r#"{"id":"A-2","modified":"2024-01-01T00:00:00Z","withdrawn":"2024-02-01T00:00:00Z","affected":[
                {"package":{"ecosystem":"PyPI","name":"py-yaml"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]}]}"#,
            ),
            advisory(
                r#"{"id":"A-3","modified":"2024-01-01T00:00:00Z","affected":[
                {"package":{"ecosystem":"NuGet","name":"Newtonsoft.Json"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"13.0.1"}]}]},
                {"package":{"ecosystem":"Maven","name":"org.yaml:snakeyaml"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"2.0"}]}]},
                {"package":{"ecosystem":"npm","name":"Axios"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"1.3.2"},{"fixed":"1.7.4"}]}]},
                {"package":{"ecosystem":"npm","name":"jQuery"},"versions":["1.7.2"],"ranges":[{"type":"SEMVER","events":[{"introduced":"0"}]}]}]}"#,
            ),
        ])
    }

    #[test]
    fn one_match_per_advisory_and_names_normalized() {
        let index = index();
        let m = index.affected(Ecosystem::PyPI, "PY.yaml", "1.5");
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!((m[0].id(), m[0].entry_index, m[0].fixed_in()), ("A-1", 1, Some("2.0")));
        let m = index.affected(Ecosystem::PyPI, "py_yaml", "0.5");
        assert_eq!((m.len(), m[0].entry_index, m[0].fixed_in()), (1, 0, Some("1.0")));
        assert!(index.affected(Ecosystem::PyPI, "py-yaml", "2.0").is_empty(), "withdrawn A-2 never matches");
        assert!(index.affected(Ecosystem::PyPI, "pyyaml", "0.5").is_empty(), "PEP 503 keeps letters apart");
        assert!(index.affected(Ecosystem::Npm, "py-yaml", "0.5").is_empty());
    }

    #[test]
    fn case_rules() {
        let index = index();
        assert_eq!(index.affected(Ecosystem::NuGet, "newtonsoft.json", "12.0.3").len(), 1);
        assert_eq!(index.affected(Ecosystem::NuGet, "NEWTONSOFT.JSON", "12.0.3").len(), 1);
        assert_eq!(index.affected(Ecosystem::Maven, "org.yaml:snakeyaml", "1.33").len(), 1);
        assert!(
            index.affected(Ecosystem::Maven, "org.yaml:SnakeYAML", "1.33").is_empty(),
            "Maven ids are case-sensitive"
        );
        let axios = index.affected(Ecosystem::Npm, "axios", "1.6.0");
        assert_eq!(axios.len(), 1);
        assert_eq!(axios[0].name_match, NameMatch::CaseFolded);
        assert_eq!(index.affected(Ecosystem::Npm, "Axios", "1.6.0")[0].name_match, NameMatch::Normalized);
        // jQuery lists versions of the legacy mixed-case package: it is not the lower-case jquery.
        assert_eq!(index.affected(Ecosystem::Npm, "jQuery", "1.7.2").len(), 1);
        assert!(index.affected(Ecosystem::Npm, "jquery", "1.7.2").is_empty());
    }
}
