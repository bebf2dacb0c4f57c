//! What the engine knows about a value: its taint (labels, the parameters it came from, the kinds it was cleaned
//! for, how it got here), its constant value and its type.

use crate::ir::Span;
use crate::rules::Const;
use crate::tables::{Kind, Kinds, Label};
use std::sync::Arc;

pub const INPUT: u8 = 1;
pub const EXCEPTION: u8 = 2;
pub const CREDENTIAL: u8 = 4;

/// Parameter bits from here up stand for fields of the object a method is called on: a method reading a field its
/// class's constructor set from its arguments reads what that object was constructed with, which the call site knows.
/// The fields of a module's constructors take the slots in name order (the last slot holds the rest); parameters past
/// this one are not tracked.
pub const FIRST_FIELD_SLOT: usize = 48;
pub const FIELD_SLOTS: usize = 64 - FIRST_FIELD_SLOT;
/// The parameter bits of the field slots.
pub const FIELD_BITS: u64 = !0 << FIRST_FIELD_SLOT;

/// What a package constructor put in each field of the object it returned (`new ContextName(path, version)`), by
/// field name: a method called on it reads these, not whatever other objects of the class hold.
#[derive(Debug, Clone, Default)]
pub struct Fields(Vec<(String, Taint)>);

impl Fields {
    pub fn get(&self, field: &str) -> Option<&Taint> {
        self.0.iter().find(|(f, _)| f == field).map(|(_, t)| t)
    }

    pub fn add(&mut self, field: &str, t: Option<Taint>) {
        let Some(t) = t else { return };
        match self.0.iter_mut().find(|(f, _)| f == field) {
            Some((_, old)) => {
                if let Some(joined) = join(Some(old.clone()), Some(t)) {
                    *old = joined;
                }
            }
            None => self.0.push((field.to_string(), t)),
        }
    }

    fn join(a: &Fields, b: &Fields) -> Fields {
        let mut out = a.clone();
        for (f, t) in &b.0 {
            out.add(f, Some(t.clone()));
        }
        out
    }
}

pub fn label_bit(label: Label) -> u8 {
    match label {
        Label::Input => INPUT,
        Label::Exception => EXCEPTION,
        Label::Credential => CREDENTIAL,
    }
}

/// One step of how a value got where it is, newest first (a persistent list: cloning is cheap).
#[derive(Debug)]
pub struct Step {
    pub module: usize,
    pub span: Span,
    pub note: String,
    pub prev: Option<Arc<Step>>,
}

/// The maximum steps kept in a trace; older steps are dropped from the middle when shown.
const MAX_STEPS: usize = 24;

/// Parameters whose cleaning is tracked one by one (the others share [`Taint::sanitized`]).
const TRACKED_PARAMS: usize = 6;
/// The three real labels (by their bit: input, exception, credential), then the tracked parameters.
const SOURCES: usize = 3 + TRACKED_PARAMS;

/// Kinds each parameter's data was cleaned for: the tracked parameters one by one, then the rest together.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ParamCleaning([Kinds; TRACKED_PARAMS + 1]);

impl ParamCleaning {
    pub fn of(&self, i: usize) -> Kinds {
        self.0.get(i.min(TRACKED_PARAMS)).copied().unwrap_or(0)
    }
}

#[derive(Debug, Clone)]
pub struct Taint {
    /// Real sources: [`INPUT`], [`EXCEPTION`], [`CREDENTIAL`].
    pub labels: u8,
    /// Symbolic sources: bit `i` is parameter `i` of the function being analysed (for its summary).
    pub params: u64,
    /// Kinds this value's data from later parameters (see [`TRACKED_PARAMS`]) has been cleaned for.
    pub sanitized: Kinds,
    /// Kinds each real source's and each of the first parameters' data has been cleaned for: joining cleaned data
    /// with other data (`${name}=${encodeURIComponent(value)}`) keeps what was cleaned.
    by_source: [Kinds; SOURCES],
    pub trace: Option<Arc<Step>>,
    pub depth: usize,
    /// The value begins with a clean part that fixes where it points (`"/orders?q=" + x`, `base_url + x`): a
    /// redirect or request built from it cannot leave the intended host, whatever real source it carries.
    pub fixed_host: bool,
    /// The parameters that may decide where the value points (a subset of `params`): `add_preserved_filters(ctx,
    /// url)` returns data of both, but only `url` decides the host, so a call with a clean `url` is host-fixed.
    pub host_params: u64,
}

impl Taint {
    pub fn source(label: u8, module: usize, span: Span, note: String) -> Taint {
        Taint {
            labels: label,
            params: 0,
            sanitized: 0,
            by_source: [0; SOURCES],
            trace: Some(Arc::new(Step { module, span, note, prev: None })),
            depth: 1,
            fixed_host: false,
            host_params: 0,
        }
    }

    pub fn param(index: usize, module: usize, span: Span, note: String) -> Taint {
        let bit = if index < 64 { 1u64 << index } else { 0 };
        Taint {
            labels: 0,
            params: bit,
            sanitized: 0,
            by_source: [0; SOURCES],
            trace: Some(Arc::new(Step { module, span, note, prev: None })),
            depth: 1,
            fixed_host: false,
            host_params: bit,
        }
    }

    /// Where the value points is fixed by a clean part: no source, real or parameter, decides its host.
    pub fn fix_host(&mut self) {
        self.fixed_host = true;
        self.host_params = 0;
    }

    /// Cleans the value for `kinds`; cleaned for redirects and requests, it points where it should. A label only one
    /// kind reads (credentials for logged credentials, exceptions for stack traces) is dropped with it, so the
    /// cleaning survives a join with other data (`{ owner, status: response.status }`).
    pub fn clean(&mut self, kinds: Kinds) {
        self.sanitized |= kinds;
        for slot in &mut self.by_source {
            *slot |= kinds;
        }
        for kind in [Kind::LoggedCredential, Kind::StackTrace] {
            if kinds & kind.bit() != 0 {
                self.labels &= !label_bit(kind.label());
            }
        }
        let both = Kind::Redirect.bit() | Kind::Ssrf.bit();
        if kinds & both == both {
            self.fix_host();
        }
    }

    /// Whether no real source of this value decides where it points: its host is fixed, it has no real source,
    /// or it was cleaned for redirects and requests (`reverse()`, a validated URL).
    pub fn host_held(&self) -> bool {
        let both = Kind::Redirect.bit() | Kind::Ssrf.bit();
        self.fixed_host || self.labels == 0 || self.clean_for(both)
    }

    /// Whether all of the value's data has been cleaned for `kinds`.
    pub fn clean_for(&self, kinds: Kinds) -> bool {
        let untracked = self.params >> TRACKED_PARAMS != 0;
        self.by_source.iter().enumerate().all(|(i, k)| !self.has_slot(i) || k & kinds == kinds)
            && (!untracked || self.sanitized & kinds == kinds)
    }

    /// Kinds the data of parameter `i` has been cleaned for.
    pub fn param_sanitized(&self, i: usize) -> Kinds {
        if i < TRACKED_PARAMS { self.by_source.get(3 + i).copied().unwrap_or(0) } else { self.sanitized }
    }

    /// Kinds each parameter's data has been cleaned for (for a summary of what a function returns).
    pub fn param_cleaning(&self) -> ParamCleaning {
        let mut out = [0; TRACKED_PARAMS + 1];
        for (i, slot) in out.iter_mut().enumerate() {
            *slot = self.param_sanitized(i);
        }
        ParamCleaning(out)
    }

    /// The parameters that matter at a sink of `kind`: for redirects and requests only those deciding the host.
    pub fn params_for(&self, kind: Kind) -> u64 {
        if matches!(kind, Kind::Redirect | Kind::Ssrf) { self.host_params } else { self.params }
    }

    /// The same taint with one more step.
    pub fn step(&self, module: usize, span: Span, note: impl Into<String>) -> Taint {
        if self.depth >= MAX_STEPS {
            return self.clone();
        }
        let mut t = self.clone();
        t.trace = Some(Arc::new(Step { module, span, note: note.into(), prev: self.trace.clone() }));
        t.depth += 1;
        t
    }

    /// Whether a sink of `kind` fires on this value (a real label, not cleaned for the kind).
    pub fn fires(&self, kind: Kind) -> bool {
        let label = label_bit(kind.label());
        self.labels & label != 0
            && self.by_source.get(label.trailing_zeros() as usize).is_some_and(|k| k & kind.bit() == 0)
            && !self.host_fixed_for(kind)
    }

    /// Whether the value reaches a sink of `kind` from a parameter (for summaries).
    pub fn reaches_from_params(&self, kind: Kind) -> bool {
        self.params_reaching(kind) != 0
    }

    /// The parameters whose data reaches a sink of `kind` here: those that matter for it, not cleaned for it.
    pub fn params_reaching(&self, kind: Kind) -> u64 {
        let params = self.params_for(kind);
        let tracked = (0..TRACKED_PARAMS)
            .filter(|i| params & (1 << i) != 0 && self.param_sanitized(*i) & kind.bit() == 0)
            .fold(0, |acc, i| acc | 1 << i);
        let untracked = if self.sanitized & kind.bit() == 0 { params >> TRACKED_PARAMS << TRACKED_PARAMS } else { 0 };
        tracked | untracked
    }

    fn host_fixed_for(&self, kind: Kind) -> bool {
        self.fixed_host && matches!(kind, Kind::Redirect | Kind::Ssrf)
    }

    /// Whether the value carries the source of slot `i` of `by_source`: the label bits, then the tracked parameters.
    fn has_slot(&self, i: usize) -> bool {
        i < SOURCES && (u64::from(self.labels) | self.params << 3) & (1 << i) != 0
    }

    pub fn is_empty(&self) -> bool {
        self.labels == 0 && self.params == 0
    }

    /// The steps, oldest first.
    pub fn steps(&self) -> Vec<(usize, Span, String)> {
        let mut out = Vec::new();
        let mut cur = self.trace.as_deref();
        while let Some(step) = cur {
            out.push((step.module, step.span, step.note.clone()));
            cur = step.prev.as_deref();
        }
        out.reverse();
        out
    }
}

/// The union of two taints: labels and parameters add up, a value is clean for a kind only if both were; the
/// shorter trace with a real label is kept.
pub fn join(a: Option<Taint>, b: Option<Taint>) -> Option<Taint> {
    match (a, b) {
        (None, x) | (x, None) => x,
        (Some(a), Some(b)) => {
            let keep_a = match (a.labels != 0, b.labels != 0) {
                (true, false) => true,
                (false, true) => false,
                _ => a.depth <= b.depth,
            };
            let fixed_host = a.host_held() && b.host_held();
            let mut by_source = [0; SOURCES];
            for (i, (slot, (x, y))) in by_source.iter_mut().zip(a.by_source.iter().zip(&b.by_source)).enumerate() {
                *slot = match (a.has_slot(i), b.has_slot(i)) {
                    (true, true) => x & y,
                    (true, false) => *x,
                    (false, true) => *y,
                    (false, false) => 0,
                };
            }
            let untracked = |t: &Taint| t.params >> TRACKED_PARAMS != 0;
            let sanitized = match (untracked(&a), untracked(&b)) {
                (true, false) => a.sanitized,
                (false, true) => b.sanitized,
                _ => a.sanitized & b.sanitized,
            };
            let (mut keep, other) = if keep_a { (a, b) } else { (b, a) };
            keep.labels |= other.labels;
            keep.params |= other.params;
            keep.sanitized = sanitized;
            keep.by_source = by_source;
            keep.fixed_host = fixed_host;
            keep.host_params |= other.host_params;
            Some(keep)
        }
    }
}

/// A value as the engine tracks it.
#[derive(Debug, Clone, Default)]
pub struct Value {
    pub taint: Option<Taint>,
    pub konst: Option<Const>,
    /// The type (a declared type's simple name, `T` of `new T()`, or the canonical name of the call that made it
    /// followed by `()`): used to name method calls on it.
    pub ty: Option<String>,
    /// The function this value is, when it is a lambda or a named user function (for callbacks).
    pub func: Option<(usize, usize)>,
    /// An object a package constructor returned: what it put in each field.
    pub fields: Option<Arc<Fields>>,
}

impl Value {
    pub fn tainted(taint: Option<Taint>) -> Value {
        Value { taint, ..Value::default() }
    }

    pub fn konst(c: Const) -> Value {
        Value { konst: Some(c), ..Value::default() }
    }

    /// The union of two values that may both flow here (branches, elements): constants only survive when equal.
    pub fn join(self, other: Value) -> Value {
        Value {
            taint: join(self.taint, other.taint),
            konst: if self.konst == other.konst { self.konst } else { None },
            ty: self.ty.or(other.ty),
            func: self.func.or(other.func),
            fields: match (&self.fields, &other.fields) {
                (Some(a), Some(b)) if Arc::ptr_eq(a, b) => self.fields,
                (Some(a), Some(b)) => Some(Arc::new(Fields::join(a, b))),
                _ => None,
            },
        }
    }

    /// Clean for `kinds` (a sanitizer's result).
    pub fn sanitize(mut self, kinds: Kinds) -> Value {
        if let Some(t) = self.taint.as_mut() {
            t.clean(kinds);
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_objects_hold_both_fields_data() {
        let span = Span::default();
        let mut a = Fields::default();
        a.add("path", Some(Taint::source(INPUT, 0, span, "input".into())));
        let b = Fields::default();
        let joined = Value { fields: Some(Arc::new(a)), ..Value::default() }
            .join(Value { fields: Some(Arc::new(b)), ..Value::default() });
        let fields = joined.fields.expect("both sides are objects a constructor built");
        assert_eq!(fields.get("path").map(|t| t.labels), Some(INPUT));
        assert!(fields.get("version").is_none());
        // An object of unknown make joined in: its fields could hold anything (the whole value's data).
        let unknown = Value { fields: Some(Arc::new(Fields::default())), ..Value::default() }.join(Value::default());
        assert!(unknown.fields.is_none());
    }
}
