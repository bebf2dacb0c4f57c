//! Code scanning: each source file of a function and its layers is parsed with tree-sitter and lowered to a small
//! language-neutral IR ([`ir`]); handlers are found ([`handler`]); a taint engine ([`taint`]) follows attacker
//! data from the handler's event and from web-framework requests through assignments, string building, containers,
//! fields and calls (with per-function summaries across the package) to the sinks of the language's [`tables`];
//! detectors ([`rules`]) turn what it finds, and what the call and secret checks find, into findings.

mod analysis;
pub mod frontend;
pub mod handler;
pub mod ir;
pub mod lang;
pub mod rules;
pub mod secrets;
pub mod tables;
pub mod taint;
pub mod templates;

pub use analysis::{Analysis, CodeFinding, FileError, Options, SourceFile, analyze};
pub use frontend::FileBudget;
pub use handler::HandlerSpec;
pub use lang::Lang;

/// Whether code scanning reads this file: source code of a supported language, or a template it renders.
pub fn is_analysed(path: &str) -> bool {
    Lang::of_path(path).is_some() || templates::syntax_of(path).is_some()
}
