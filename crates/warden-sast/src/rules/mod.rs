//! Detectors: one file per rule under `rules/<language>/<slug>.rs`, listed in that language's `mod.rs` and gathered
//! by [`registry`]. A rule is metadata (what Inspector shows) plus the checks that find it: a taint kind whose sinks
//! live in the language's [`crate::tables`], call checks with a predicate on constant arguments, the shared secret
//! scanner, or a custom walk over the IR.

/// Declares a language's detector files: the thirty every language has, then its own (`missing_host_key_verification`
/// in Python and Ruby).
macro_rules! detectors {
    ($($extra:ident),* $(,)?) => {
        super::detector_files! {
            aws_logged_credentials,
            code_injection,
            cross_site_scripting,
            hardcoded_credentials,
            header_injection,
            improper_certificate_validation,
            insecure_connection,
            insecure_cookie,
            insecure_cors_policy,
            insecure_cryptography,
            insecure_hashing,
            insecure_random,
            insecure_temp_file,
            insecure_tls_version,
            ldap_injection,
            log_injection,
            loose_file_permissions,
            nosql_injection,
            open_redirect,
            os_command_injection,
            path_traversal,
            sensitive_information_leak,
            server_side_request_forgery,
            sql_injection,
            stack_trace_exposure,
            unencrypted_aws_resource,
            untrusted_deserialization,
            weak_key_size,
            xml_external_entity,
            xpath_injection,
            $($extra),*
        }
    };
}
use detectors;

/// Declares detector files (`mod x;` each) and lists their rules in `RULES`.
macro_rules! detector_files {
    ($($file:ident),* $(,)?) => {
        $(mod $file;)*

        /// Every detector of this language; a test checks that each file of this directory is listed.
        pub const RULES: &[&$crate::rules::Rule] = &[$(&$file::RULE),*];
    };
}
use detector_files;

pub mod csharp;
pub mod java;
pub mod javascript;
pub mod python;
pub mod registry;
pub mod ruby;
pub mod shared_kms;
pub mod shared_random;
pub mod shared_walk;

use crate::ir::{Arg, ExprKind, Module, Span};
use crate::lang::Lang;
use crate::tables::Kind;
use warden_core::Severity;

/// A detector.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// The language family (`Lang::JavaScript` covers TypeScript).
    pub lang: Lang,
    /// `sql-injection`: the id is `<language>/<slug>@v1.0`.
    pub slug: &'static str,
    /// `SQL injection`: the finding title is `"<first CWE> - <name>"`.
    pub name: &'static str,
    /// `["CWE-89"]`.
    pub cwes: &'static [&'static str],
    pub severity: Severity,
    /// `["injection", "sql", "owasp-top10"]`.
    pub tags: &'static [&'static str],
    /// What to do, one or two sentences (the finding's `remediation.recommendation.text`).
    pub remediation: &'static str,
    pub references: &'static [&'static str],
    pub checks: &'static [Check],
}

impl Rule {
    /// `python/sql-injection@v1.0`.
    pub fn id(&self) -> String {
        format!("{}/{}@v1.0", self.lang.rule_prefix(), self.slug)
    }

    /// `python/sql-injection` (the form fixtures use).
    pub fn short_id(&self) -> String {
        format!("{}/{}", self.lang.rule_prefix(), self.slug)
    }
}

/// How a rule finds what it reports.
#[derive(Debug, Clone, Copy)]
pub enum Check {
    /// Tainted data reaching a sink of this kind (the language's sink table).
    Taint(Kind),
    /// A call matching `pattern` (as sinks match) for which `when` holds, tainted or not.
    Call(CallCheck),
    /// Hardcoded secrets in string literals and assignments (the shared scanner in [`crate::secrets`]).
    Secrets,
    /// A walk of its own over a module.
    Custom(fn(&Module, &mut Vec<RawHit>)),
}

/// A call pattern with a condition on the call site.
#[derive(Debug, Clone, Copy)]
pub struct CallCheck {
    pub pattern: &'static str,
    /// `None`: every matching call.
    pub when: Option<fn(&CallSite) -> bool>,
    /// What is wrong here, shown with the finding (`MD5 is broken for signatures`).
    pub message: &'static str,
}

/// A call as the engine sees it when checking sinks and call checks.
#[derive(Debug)]
pub struct CallSite<'a> {
    /// The canonical callee name (see [`crate::tables`]).
    pub callee: &'a str,
    pub args: &'a [Arg],
    /// The constant value of each argument, if the engine knows it (literals, constant variables, folded concats).
    pub consts: &'a [Option<Const>],
    /// Constant values of the receiver's known fields/setters are not tracked; the receiver's constant (a literal
    /// receiver: `"md5".hash`) is.
    pub receiver: Option<&'a Const>,
    pub new: bool,
    pub span: Span,
}

/// A constant the engine folded.
#[derive(Debug, Clone, PartialEq)]
pub enum Const {
    Str(String),
    Num(f64),
    Bool(bool),
    Null,
    /// A dict/object literal's constant entries (`{"ACL": "public-read"}`), keys as strings.
    Dict(Vec<(String, Const)>),
    List(Vec<Const>),
}

impl Const {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Const::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Truthiness as the languages mostly agree on it (`0`, `""`, `false`, `null`, empty containers are false).
    pub fn truthy(&self) -> bool {
        match self {
            Const::Str(s) => !s.is_empty(),
            Const::Num(n) => *n != 0.0,
            Const::Bool(b) => *b,
            Const::Null => false,
            Const::Dict(d) => !d.is_empty(),
            Const::List(l) => !l.is_empty(),
        }
    }

    pub fn get(&self, key: &str) -> Option<&Const> {
        match self {
            Const::Dict(entries) => entries.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

impl<'a> CallSite<'a> {
    /// The position of the argument at `index` (positional) or named `name` (keyword).
    pub fn position(&self, index: usize, name: &str) -> Option<usize> {
        if !name.is_empty()
            && let Some(i) = self.args.iter().position(|a| a.name.as_deref() == Some(name))
        {
            return Some(i);
        }
        let mut positional = self.args.iter().enumerate().filter(|(_, a)| a.name.is_none());
        positional.nth(index).map(|(i, _)| i)
    }

    pub fn arg(&self, index: usize, name: &str) -> Option<&Arg> {
        self.position(index, name).and_then(|i| self.args.get(i))
    }

    /// The constant value of an argument.
    pub fn konst(&self, index: usize, name: &str) -> Option<&Const> {
        self.position(index, name).and_then(|i| self.consts.get(i)).and_then(Option::as_ref)
    }

    /// The keyword argument `name`, constant.
    pub fn keyword(&self, name: &str) -> Option<&Const> {
        let i = self.args.iter().position(|a| a.name.as_deref() == Some(name))?;
        self.consts.get(i).and_then(Option::as_ref)
    }

    pub fn has_keyword(&self, name: &str) -> bool {
        self.args.iter().any(|a| a.name.as_deref() == Some(name))
    }

    /// The constant string argument at `index`/`name`.
    pub fn str_arg(&self, index: usize, name: &str) -> Option<&str> {
        self.konst(index, name).and_then(Const::as_str)
    }

    /// The number of positional arguments.
    pub fn positional(&self) -> usize {
        self.args.iter().filter(|a| a.name.is_none()).count()
    }

    /// Whether argument `index` is a literal (not a variable): a string literal or a template with no holes.
    pub fn is_literal(&self, index: usize, name: &str) -> bool {
        self.arg(index, name).is_some_and(|a| matches!(a.value.kind, ExprKind::Str(_) | ExprKind::Num(_)))
    }

    /// The last segment of the callee (`execute`).
    pub fn method(&self) -> &str {
        self.callee.rsplit('.').next().unwrap_or(self.callee).trim_end_matches("()")
    }
}

/// A finding before it is dressed as a finding: which check fired, where, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct RawHit {
    pub span: Span,
    /// What is wrong here in a sentence (shown with the finding's description).
    pub message: String,
    /// Source → steps → sink, for taint findings; empty otherwise.
    pub trace: Vec<TraceStep>,
}

/// One step of a taint trace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraceStep {
    /// The file the step is in (steps may cross files through calls).
    pub file: String,
    pub span: Span,
    /// `event["body"] is attacker-controlled`, `flows into q`, `passed to run_query(sql)`, `reaches cursor.execute`.
    pub note: String,
}
