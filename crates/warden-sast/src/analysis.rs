//! One analysis of a package: parse every file (in parallel), analyse each language family as one program, add the
//! per-module checks (secrets, custom walks), and dress the hits as findings.

use crate::frontend::{self, FileBudget};
use crate::handler::HandlerSpec;
use crate::ir::Module;
use crate::lang::Lang;
use crate::rules::{Rule, TraceStep};
use crate::taint::{self, Compiled};
use crate::templates::{self, Syntax};
use rayon::prelude::*;
use warden_core::Severity;

/// A source file to analyse.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// How findings name it (`/var/task/app.py`, or the path as given).
    pub path: String,
    pub text: String,
    /// The layer version ARN (or name) it came from; `None` for the function's own code.
    pub layer: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Lambda's `Handler` setting.
    pub handler: Option<HandlerSpec>,
    /// Lambda's runtime (`python3.12`, `nodejs20.x`, `java21`, `dotnet8`, `ruby3.3`): only its language is analysed.
    pub runtime: Option<String>,
    pub budget: FileBudget,
}

/// A flaw in the code.
#[derive(Debug, Clone)]
pub struct CodeFinding {
    pub rule: &'static Rule,
    pub severity: Severity,
    pub path: String,
    pub layer: Option<String>,
    pub start_line: u32,
    pub end_line: u32,
    pub message: String,
    /// Source → steps → sink (taint findings only).
    pub trace: Vec<TraceStep>,
}

/// A file that was not analysed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub path: String,
    pub message: String,
}

#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub findings: Vec<CodeFinding>,
    pub errors: Vec<FileError>,
    pub files: usize,
    pub lines: usize,
    pub bytes: usize,
}

/// The threads analysis runs on, made once: the front ends and the engine recurse (bounded by the depth guards), so
/// they get room for that.
fn pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    POOL.get_or_init(|| rayon::ThreadPoolBuilder::new().stack_size(64 * 1024 * 1024).build().ok()).as_ref()
}

/// The language a runtime name runs.
fn runtime_lang(runtime: &str) -> Option<Lang> {
    let r = runtime.to_ascii_lowercase();
    Some(if r.starts_with("python") {
        Lang::Python
    } else if r.starts_with("nodejs") {
        Lang::JavaScript
    } else if r.starts_with("java") {
        Lang::Java
    } else if r.starts_with("dotnet") {
        Lang::CSharp
    } else if r.starts_with("ruby") {
        Lang::Ruby
    } else {
        return None;
    })
}

/// Analyses the files of one function (and its layers) as one package.
pub fn analyze(files: &[SourceFile], options: &Options) -> Analysis {
    let only = options.runtime.as_deref().and_then(runtime_lang);
    let wanted: Vec<(Lang, Option<Syntax>, &SourceFile)> = files
        .iter()
        .filter_map(|f| match Lang::of_path(&f.path) {
            Some(l) => Some((l, None, f)),
            None => templates::syntax_for(&f.path, &f.text).map(|(l, s)| (l, Some(s), f)),
        })
        .filter(|(l, _, _)| only.is_none_or(|o| o == l.family()))
        .collect();
    let pool = pool();
    let parse = || -> Vec<(Lang, &SourceFile, Result<Module, frontend::ParseError>)> {
        wanted
            .par_iter()
            .map(|(lang, syntax, f)| {
                let module = match syntax {
                    Some(syntax) => Ok(templates::lower(*lang, *syntax, &f.path, &f.text)),
                    None => frontend::lower(*lang, &f.path, &f.text, options.budget),
                };
                (*lang, *f, module)
            })
            .collect()
    };
    let parsed = match pool {
        Some(pool) => pool.install(parse),
        None => parse(),
    };
    let mut out = Analysis::default();
    let mut families: Vec<(Lang, Vec<Module>, Vec<&SourceFile>)> = Vec::new();
    for (lang, file, result) in parsed {
        out.files += 1;
        out.bytes += file.text.len();
        out.lines += file.text.lines().count();
        match result {
            Ok(module) => {
                let family = lang.family();
                match families.iter_mut().find(|(l, _, _)| *l == family) {
                    Some((_, modules, srcs)) => {
                        modules.push(module);
                        srcs.push(file);
                    }
                    None => families.push((family, vec![module], vec![file])),
                }
            }
            Err(e) => out.errors.push(FileError { path: file.path.clone(), message: e.to_string() }),
        }
    }
    let run = || -> Vec<Vec<CodeFinding>> {
        families.par_iter().map(|(_, modules, srcs)| family_findings(modules, srcs, options.handler.as_ref())).collect()
    };
    let per_family = match pool {
        Some(pool) => pool.install(run),
        None => run(),
    };
    out.findings = per_family.into_iter().flatten().collect();
    // One finding per detector and line: a taint flow and a call check of the same detector on one line
    // (`DeserializeObject(payload, new JsonSerializerSettings { TypeNameHandling = All })`) are one flaw to a reader;
    // the one with a trace is kept.
    out.findings.sort_by(|a, b| {
        (&a.path, a.start_line, a.rule.slug, a.trace.is_empty()).cmp(&(
            &b.path,
            b.start_line,
            b.rule.slug,
            b.trace.is_empty(),
        ))
    });
    out.findings.dedup_by(|b, a| a.path == b.path && a.start_line == b.start_line && a.rule.slug == b.rule.slug);
    out
}

fn family_findings(modules: &[Module], files: &[&SourceFile], spec: Option<&HandlerSpec>) -> Vec<CodeFinding> {
    let path_of = |m: usize| modules.get(m).map_or(String::new(), |m| m.path.clone());
    let layer_of = |m: usize| files.get(m).and_then(|f| f.layer.clone());
    let mut out = Vec::new();
    for hit in taint::analyze(modules, spec) {
        out.push(CodeFinding {
            rule: hit.rule,
            severity: hit.rule.severity,
            path: path_of(hit.module),
            layer: layer_of(hit.module),
            start_line: hit.span.start_line,
            end_line: hit.span.end_line,
            message: hit.message,
            trace: compact(
                hit.trace.into_iter().map(|(m, span, note)| TraceStep { file: path_of(m), span, note }).collect(),
            ),
        });
    }
    for (m, module) in modules.iter().enumerate() {
        let comp = Compiled::of(module.lang);
        if let Some(rule) = comp.secrets {
            for s in crate::secrets::scan(module) {
                out.push(CodeFinding {
                    rule,
                    severity: if s.placeholder { Severity::Low } else { rule.severity },
                    path: path_of(m),
                    layer: layer_of(m),
                    start_line: s.span.start_line,
                    end_line: s.span.end_line,
                    message: if s.placeholder {
                        format!("{} (AWS's documented example value: a placeholder, still remove it)", s.message)
                    } else {
                        s.message
                    },
                    trace: Vec::new(),
                });
            }
        }
        for (rule, check) in &comp.customs {
            let mut hits = Vec::new();
            check(module, &mut hits);
            for h in hits {
                out.push(CodeFinding {
                    rule,
                    severity: rule.severity,
                    path: path_of(m),
                    layer: layer_of(m),
                    start_line: h.span.start_line,
                    end_line: h.span.end_line,
                    message: h.message,
                    trace: h.trace,
                });
            }
        }
    }
    out
}

/// Consecutive steps on the same line say one thing: the first is kept (the sink, last, always is).
fn compact(steps: Vec<TraceStep>) -> Vec<TraceStep> {
    let last = steps.len().saturating_sub(1);
    let mut out: Vec<TraceStep> = Vec::with_capacity(steps.len());
    for (i, step) in steps.into_iter().enumerate() {
        match out.last_mut() {
            Some(prev) if prev.file == step.file && prev.span.start_line == step.span.start_line => {
                if i == last {
                    *prev = TraceStep { note: format!("{}; {}", prev.note, step.note), ..step };
                }
            }
            _ => out.push(step),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_finding_per_detector_and_line() {
        let text = "using Microsoft.AspNetCore.Mvc;\nusing Newtonsoft.Json;\npublic class ImportController : ControllerBase {\n    [HttpPost]\n    public IActionResult Import([FromBody] string payload) {\n        var o = JsonConvert.DeserializeObject(payload, new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All });\n        return Ok(o);\n    }\n}\n";
        let files = [SourceFile { path: "ImportController.cs".into(), text: text.into(), layer: None }];
        let found = analyze(&files, &Options::default());
        let lines: Vec<(u32, &str)> = found.findings.iter().map(|f| (f.start_line, f.rule.slug)).collect();
        assert_eq!(lines, vec![(6, "untrusted-deserialization")]);
        assert!(found.findings.first().is_some_and(|f| !f.trace.is_empty()), "the taint finding is the one kept");
    }
}
