//! A function's variables: access paths (`x`, `x.f`, `x[k]`) to values, with a fast answer to "does `x` have
//! parts of its own?" so that reading a plain variable never scans the whole environment.

use super::value::{Taint, Value, join};
use rustc_hash::{FxHashMap, FxHashSet};

#[derive(Debug, Clone, Default)]
pub struct Env {
    map: FxHashMap<String, Value>,
    /// Root variables that have (or had) entries below them (`d` for `d[k]`); a superset is fine.
    nested: FxHashSet<String>,
}

/// `x` of `x.f[k]`.
fn root(path: &str) -> &str {
    path.find(['.', '[']).map_or(path, |i| path.get(..i).unwrap_or(path))
}

impl Env {
    pub fn get(&self, path: &str) -> Option<&Value> {
        self.map.get(path)
    }

    pub fn get_mut(&mut self, path: &str) -> Option<&mut Value> {
        self.map.get_mut(path)
    }

    pub fn contains_key(&self, path: &str) -> bool {
        self.map.contains_key(path)
    }

    pub fn insert(&mut self, path: String, value: Value) -> Option<Value> {
        let r = root(&path);
        if r.len() != path.len() && !self.nested.contains(r) {
            self.nested.insert(r.to_string());
        }
        self.map.insert(path, value)
    }

    pub fn remove(&mut self, path: &str) -> Option<Value> {
        self.map.remove(path)
    }

    /// Removes the entries below `path` (`path.…` and `path[…]`), keeping `path` itself.
    pub fn remove_parts(&mut self, path: &str) {
        if !self.nested.contains(root(path)) {
            return;
        }
        let dot = format!("{path}.");
        let idx = format!("{path}[");
        self.map.retain(|k, _| !k.starts_with(&dot) && !k.starts_with(&idx));
    }

    /// The keys below `path`.
    pub fn parts(&self, path: &str) -> Vec<String> {
        if !self.nested.contains(root(path)) {
            return Vec::new();
        }
        let dot = format!("{path}.");
        let idx = format!("{path}[");
        self.map.keys().filter(|k| k.starts_with(&dot) || k.starts_with(&idx)).cloned().collect()
    }

    /// The taint of the entries below `path`, joined.
    pub fn parts_taint(&self, path: &str) -> Option<Taint> {
        if !self.nested.contains(root(path)) {
            return None;
        }
        let dot = format!("{path}.");
        let idx = format!("{path}[");
        let mut out = None;
        for (k, v) in &self.map {
            if v.taint.is_some() && (k.starts_with(&dot) || k.starts_with(&idx)) {
                out = join(out, v.taint.clone());
            }
        }
        out
    }

    /// Entries whose key starts with `prefix`, counted.
    pub fn count_prefixed(&self, prefix: &str) -> usize {
        if !self.nested.contains(root(prefix)) {
            return 0;
        }
        self.map.keys().filter(|k| k.starts_with(prefix)).count()
    }

    /// Both environments joined: a variable set on one path only keeps its value but loses its constant.
    pub fn join(mut self, other: Env) -> Env {
        for (k, v) in other.map {
            match self.map.remove(&k) {
                Some(old) => {
                    self.map.insert(k, old.join(v));
                }
                None => {
                    self.map.insert(k, Value { konst: None, ..v });
                }
            }
        }
        self.nested.extend(other.nested);
        self
    }

    /// Every entry.
    pub fn iter_values(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.map.iter()
    }

    pub fn into_map(self) -> FxHashMap<String, Value> {
        self.map
    }
}
