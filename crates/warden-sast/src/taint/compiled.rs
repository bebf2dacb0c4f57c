//! A language's tables and detectors indexed by the last segment of their patterns, built once, so a call is checked
//! against the few entries that can match it.

use crate::lang::Lang;
use crate::rules::{CallCheck, Check, Rule, registry};
use crate::tables::{self, Kind, Sanitizer, Sink, Source, Tables};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Entries grouped by the last segment of their pattern (`*` under the key `*`).
#[derive(Debug)]
pub struct ByLast<T: 'static> {
    map: HashMap<&'static str, Vec<T>>,
}

impl<T: Copy + 'static> ByLast<T> {
    fn new(items: impl IntoIterator<Item = (&'static str, T)>) -> Self {
        let mut map: HashMap<&'static str, Vec<T>> = HashMap::new();
        for (pattern, item) in items {
            let last = pattern.rsplit('.').next().unwrap_or(pattern);
            let last = last.strip_suffix("()").unwrap_or(last);
            map.entry(last).or_default().push(item);
        }
        ByLast { map }
    }

    /// Whether any entry ends with this segment (or with `*`): a cheap test before building a canonical name.
    pub fn may_end_with(&self, last: &str) -> bool {
        self.map.contains_key(last) || self.map.contains_key("*")
    }

    /// Entries whose pattern may match `name`, to be confirmed with [`tables::matches`].
    pub fn candidates(&self, name: &str) -> impl Iterator<Item = &T> {
        let last = name.rsplit('.').next().unwrap_or(name);
        let last = last.strip_suffix("()").unwrap_or(last);
        let last = last.strip_suffix("[]").unwrap_or(last);
        self.map.get(last).into_iter().chain(self.map.get("*")).flatten()
    }
}

/// A rule's own walk over a module.
pub type CustomCheck = fn(&crate::ir::Module, &mut Vec<crate::rules::RawHit>);

/// Everything about one language family the engine consults.
#[derive(Debug)]
pub struct Compiled {
    pub lang: Lang,
    pub tables: &'static Tables,
    pub sources: ByLast<&'static Source>,
    pub sinks: ByLast<&'static Sink>,
    pub sanitizers: ByLast<&'static Sanitizer>,
    pub logs: ByLast<&'static str>,
    pub calls: ByLast<(&'static Rule, &'static CallCheck)>,
    /// The rule for each taint kind.
    pub taint_rules: HashMap<Kind, &'static Rule>,
    pub secrets: Option<&'static Rule>,
    pub customs: Vec<(&'static Rule, CustomCheck)>,
}

impl Compiled {
    pub fn of(lang: Lang) -> &'static Compiled {
        static PYTHON: OnceLock<Compiled> = OnceLock::new();
        static JAVASCRIPT: OnceLock<Compiled> = OnceLock::new();
        static JAVA: OnceLock<Compiled> = OnceLock::new();
        static CSHARP: OnceLock<Compiled> = OnceLock::new();
        static RUBY: OnceLock<Compiled> = OnceLock::new();
        let family = lang.family();
        let cell = match family {
            Lang::Python => &PYTHON,
            Lang::Java => &JAVA,
            Lang::CSharp => &CSHARP,
            Lang::Ruby => &RUBY,
            _ => &JAVASCRIPT,
        };
        cell.get_or_init(|| build(family))
    }

    /// The rule a sink kind reports as, in this language (none when the language has no such detector).
    pub fn rule_for(&self, kind: Kind) -> Option<&'static Rule> {
        self.taint_rules.get(&kind).copied()
    }
}

fn build(lang: Lang) -> Compiled {
    let tables = Tables::of(lang);
    let rules = registry::of(lang);
    let mut taint_rules = HashMap::new();
    let mut calls = Vec::new();
    let mut secrets = None;
    let mut customs = Vec::new();
    for rule in rules.iter().copied() {
        for check in rule.checks {
            match check {
                Check::Taint(kind) => {
                    taint_rules.entry(*kind).or_insert(rule);
                }
                Check::Call(call) => calls.push((call.pattern, (rule, call))),
                Check::Secrets => secrets = Some(rule),
                Check::Custom(f) => customs.push((rule, *f)),
            }
        }
    }
    Compiled {
        lang,
        tables,
        sources: ByLast::new(tables.sources.iter().map(|s| (s.pattern, s))),
        sinks: ByLast::new(tables.sinks.iter().map(|s| (s.pattern, s))),
        sanitizers: ByLast::new(tables.sanitizers.iter().map(|s| (s.pattern, s))),
        logs: ByLast::new(tables.log_calls.iter().map(|p| (*p, *p))),
        calls: ByLast::new(calls),
        taint_rules,
        secrets,
        customs,
    }
}

/// Whether `name` matches `pattern` (re-exported for the engine).
pub fn matches(pattern: &str, name: &str) -> bool {
    tables::matches(pattern, name)
}
