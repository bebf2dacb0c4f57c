//! Front ends: parse a file with its tree-sitter grammar, then lower the tree into [`crate::ir`]. One file per
//! language family; what they share (spans, text, the depth guard, literal decoding, the function table) is here.

mod csharp;
mod java;
mod javascript;
mod python;
mod ruby;

use crate::ir::{Expr, ExprKind, FuncId, Function, Module, Span};
use crate::lang::Lang;
use std::ops::ControlFlow;
use std::time::{Duration, Instant};
use tree_sitter::Node;

/// How much one file may cost.
#[derive(Debug, Clone, Copy)]
pub struct FileBudget {
    /// Larger files are not parsed (reported as skipped).
    pub max_bytes: usize,
    /// Parsing stops after this long (reported as a time-out).
    pub max_parse_time: Duration,
}

impl Default for FileBudget {
    fn default() -> Self {
        FileBudget { max_bytes: 8 * 1024 * 1024, max_parse_time: Duration::from_secs(10) }
    }
}

/// Why a file was not analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    TooLarge { bytes: usize, limit: usize },
    TimedOut { after: Duration },
    Failed,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParseError::TooLarge { bytes, limit } => {
                write!(f, "not analysed: {bytes} bytes is over the {limit}-byte limit for one source file")
            }
            ParseError::TimedOut { after } => write!(f, "not analysed: parsing took longer than {after:?}"),
            ParseError::Failed => write!(f, "not analysed: the parser gave up"),
        }
    }
}

/// Parses and lowers one file. `path` is how findings will name it; the module name is derived from it.
pub fn lower(lang: Lang, path: &str, source: &str, budget: FileBudget) -> Result<Module, ParseError> {
    if source.len() > budget.max_bytes {
        return Err(ParseError::TooLarge { bytes: source.len(), limit: budget.max_bytes });
    }
    let mut parser = tree_sitter::Parser::new();
    parser.set_language(&lang.grammar()).map_err(|_| ParseError::Failed)?;
    let started = Instant::now();
    let mut timed_out = false;
    let mut progress = |_: &tree_sitter::ParseState| {
        if started.elapsed() > budget.max_parse_time {
            timed_out = true;
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    };
    let bytes = source.as_bytes();
    let tree = parser.parse_with_options(
        &mut |offset, _| bytes.get(offset..).unwrap_or_default(),
        None,
        Some(tree_sitter::ParseOptions::new().progress_callback(&mut progress)),
    );
    let tree = match tree {
        Some(tree) => tree,
        None if timed_out => return Err(ParseError::TimedOut { after: budget.max_parse_time }),
        None => return Err(ParseError::Failed),
    };
    let mut cx = Cx::new(lang, path, source);
    match lang {
        Lang::Python => python::lower(&mut cx, tree.root_node()),
        Lang::JavaScript | Lang::TypeScript | Lang::Tsx => javascript::lower(&mut cx, tree.root_node()),
        Lang::Java => java::lower(&mut cx, tree.root_node()),
        Lang::CSharp => csharp::lower(&mut cx, tree.root_node()),
        Lang::Ruby => ruby::lower(&mut cx, tree.root_node()),
    }
    Ok(cx.module)
}

/// Deeper expressions are cut (their parts below this depth are dropped), so a hostile file cannot exhaust the stack
/// of the front end or the engine.
pub(crate) const MAX_DEPTH: u32 = 120;

/// The lowering context: the source, the module being built, and the current nesting.
pub(crate) struct Cx<'s> {
    pub src: &'s str,
    pub module: Module,
    /// Expression nesting depth, guarded by [`MAX_DEPTH`].
    pub depth: u32,
    /// The function whose body is being lowered.
    pub current: FuncId,
    /// The class whose body is being lowered.
    pub class: Option<String>,
    /// Statement-block nesting depth, guarded by [`MAX_DEPTH`].
    pub blocks: u32,
}

impl<'s> Cx<'s> {
    fn new(lang: Lang, path: &str, src: &'s str) -> Self {
        let mut module = Module::new(lang, path, &module_name(path));
        if let Some(top) = module.functions.first_mut() {
            top.span = Span {
                start_line: 1,
                end_line: src.lines().count().max(1) as u32,
                start_byte: 0,
                end_byte: src.len() as u32,
            };
        }
        Cx { src, module, depth: 0, current: 0, class: None, blocks: 0 }
    }

    pub fn text(&self, node: Node) -> &'s str {
        self.src.get(node.byte_range()).unwrap_or_default()
    }

    /// Adds a function and returns its id; its `parent` is the function being lowered.
    pub fn add_function(&mut self, mut f: Function) -> FuncId {
        f.parent = Some(self.current);
        self.module.functions.push(f);
        self.module.functions.len() - 1
    }

    /// Lowers a function body with `id` as the current function, restoring the previous one after.
    pub fn in_function<T>(&mut self, id: FuncId, f: impl FnOnce(&mut Self) -> T) -> T {
        let saved = std::mem::replace(&mut self.current, id);
        let saved_depth = std::mem::replace(&mut self.depth, 0);
        let out = f(self);
        self.current = saved;
        self.depth = saved_depth;
        out
    }

    /// Sets the body of a function added with [`Cx::add_function`].
    pub fn set_body(&mut self, id: FuncId, body: Vec<crate::ir::Stmt>) {
        if let Some(f) = self.module.functions.get_mut(id) {
            f.body = body;
        }
    }

    /// Runs `f` one level deeper, or returns `Other([])` at [`MAX_DEPTH`].
    pub fn deeper(&mut self, node: Node, f: impl FnOnce(&mut Self) -> Expr) -> Expr {
        if self.depth >= MAX_DEPTH {
            return Expr::new(ExprKind::Other(Vec::new()), span(node));
        }
        self.depth += 1;
        let e = f(self);
        self.depth -= 1;
        e
    }

    /// Enters a nested block of statements; `false` (and nothing entered) past [`MAX_DEPTH`], where the block is
    /// dropped. Pair with [`Cx::leave_block`].
    pub fn enter_block(&mut self) -> bool {
        if self.blocks >= MAX_DEPTH {
            return false;
        }
        self.blocks += 1;
        true
    }

    pub fn leave_block(&mut self) {
        self.blocks = self.blocks.saturating_sub(1);
    }

    pub fn import(&mut self, alias: &str, target: &str) {
        if !alias.is_empty() && !target.is_empty() {
            self.module.imports.push(crate::ir::Import { alias: alias.to_string(), target: target.to_string() });
        }
    }
}

pub(crate) fn span(node: Node) -> Span {
    Span {
        start_line: node.start_position().row as u32 + 1,
        end_line: node.end_position().row as u32 + 1,
        start_byte: node.start_byte() as u32,
        end_byte: node.end_byte() as u32,
    }
}

/// The named children of a node.
pub(crate) fn named_children(node: Node) -> Vec<Node> {
    let mut cursor = node.walk();
    node.named_children(&mut cursor).collect()
}

/// The named children of a node, comments left out.
pub(crate) fn code_children(node: Node) -> Vec<Node> {
    named_children(node).into_iter().filter(|n| !n.kind().contains("comment")).collect()
}

pub(crate) fn name_expr(name: &str, node: Node) -> Expr {
    Expr::new(ExprKind::Name(name.to_string()), span(node))
}

pub(crate) fn other(parts: Vec<Expr>, node: Node) -> Expr {
    Expr::new(ExprKind::Other(parts), span(node))
}

/// The content of a quoted literal with common backslash escapes decoded (`"a\nb"` → a, newline, b). Quotes of
/// one to three characters of the same kind are removed, with any prefix letters (`r`, `b`, `u`, `@`).
pub(crate) fn unquote(raw: &str) -> String {
    let body = raw.trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == '@');
    let quote = match body.chars().next() {
        Some(q @ ('"' | '\'' | '`')) => q,
        _ => return raw.to_string(),
    };
    let n = body.chars().take_while(|c| *c == quote).count().min(3);
    let n = if n == 2 { 1 } else { n };
    let inner = body.get(n..body.len().saturating_sub(n)).unwrap_or_default();
    let raw_prefix = raw.len() != body.len() && raw.starts_with(['r', 'R', '@']);
    if raw_prefix { inner.to_string() } else { decode_escapes(inner) }
}

/// Decodes `\n`, `\t`, `\\`, quotes; leaves other escapes as written.
pub(crate) fn decode_escapes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('0') => out.push('\0'),
            Some(c @ ('\\' | '\'' | '"' | '`' | '$')) => out.push(c),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// `handlers/orders.py` → `handlers.orders`; `/var/task/src/index.js` → `src.index`.
pub(crate) fn module_name(path: &str) -> String {
    let trimmed =
        ["/var/task/", "/opt/python/", "/opt/nodejs/node_modules/", "/opt/nodejs/", "/opt/ruby/lib/", "/opt/"]
            .iter()
            .find_map(|p| path.strip_prefix(p))
            .unwrap_or(path)
            .trim_start_matches("./")
            .trim_start_matches('/');
    let stem = trimmed.rsplit_once('.').map_or(trimmed, |(s, _)| s);
    let stem = stem.strip_suffix("/__init__").or_else(|| stem.strip_suffix("/index")).unwrap_or(stem);
    stem.replace(['/', '\\'], ".")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_are_unquoted() {
        assert_eq!(unquote("'abc'"), "abc");
        assert_eq!(unquote("\"a\\nb\""), "a\nb");
        assert_eq!(unquote("r'a\\nb'"), "a\\nb");
        assert_eq!(unquote("'''x'''"), "x");
        assert_eq!(unquote("\"\""), "");
        assert_eq!(unquote("b'\\x00'"), "\\x00");
    }

    #[test]
    fn module_names_follow_paths() {
        assert_eq!(module_name("/var/task/handlers/orders.py"), "handlers.orders");
        assert_eq!(module_name("/var/task/pkg/__init__.py"), "pkg");
        assert_eq!(module_name("src/index.js"), "src");
        assert_eq!(module_name("app.py"), "app");
    }

    /// `IR_DUMP=path/to/file cargo test -p warden-sast --lib frontend::tests::dump_ir -- --nocapture` prints the IR.
    #[test]
    fn dump_ir() {
        let Ok(path) = std::env::var("IR_DUMP") else { return };
        let text = std::fs::read_to_string(&path).unwrap();
        let lang = Lang::of_path(&path).unwrap();
        let module = lower(lang, &path, &text, FileBudget::default()).unwrap();
        println!("{module:#?}");
    }

    #[test]
    fn oversized_files_are_refused() {
        let budget = FileBudget { max_bytes: 4, ..FileBudget::default() };
        assert!(matches!(lower(Lang::Python, "a.py", "x = 12345", budget), Err(ParseError::TooLarge { .. })));
    }
}
