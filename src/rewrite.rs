//! Turning the coloring into byte-range edits: `async ` before colored defs, `await ` before
//! blocking calls (parenthesised where a primary follows), the runtime's sleep for `time.sleep`,
//! `__gy.run(...)` around blocking calls at module top level, the runtime import, and the wait for
//! non-daemon threads at the end of the entry script.

use std::collections::HashSet;

use crate::color::{self, CallKind, CallSite, Coloring};
use crate::diag::{Diagnostic, Severity};
use crate::edit::{self, Edit};
use crate::parse::ast::{self, Expr, Ranged, Stmt};
use crate::project::{Module, Program};
use crate::resolve;
use crate::walk::{self, Visitor};

/// The alias of the runtime package in rewritten files.
pub const RUNTIME_ALIAS: &str = "__gy";

/// Line appended to the entry script: CPython waits for non-daemon threads at exit.
pub const EXIT_LINE: &str =
    "if __name__ == \"__main__\": import greenify as __gy; __gy.exit()  # greenify: wait for threads\n";

/// Where the runtime import cannot be placed without moving a line.
pub struct NoImportSpot;

/// Why a function is colored: one step of the chain from the function down to a blocking seed.
#[derive(Debug, Clone)]
pub struct Step {
    /// e.g. "calls `worker.fetch`" or "calls `Queue.get` (blocking)".
    pub what: String,
    pub rel: std::path::PathBuf,
    pub line: usize,
    pub col: usize,
}

/// `--explain` output for one colored function (or adapted call site).
#[derive(Debug, Clone)]
pub struct Explanation {
    /// Qualified name, e.g. `app.worker.Worker.run`.
    pub function: String,
    pub rel: std::path::PathBuf,
    pub line: usize,
    pub col: usize,
    /// From the function down to the seed.
    pub chain: Vec<Step>,
}

/// The whole green rewrite of a program.
pub struct Rewrite {
    /// New text per module (same order as `Program::modules`); `None` = unchanged, copy the bytes.
    pub texts: Vec<Option<String>>,
    pub diagnostics: Vec<Diagnostic>,
    pub explanations: Vec<Explanation>,
}

/// Analyses the program and produces the new text of every module that changes.
pub fn rewrite_program(program: &Program) -> Rewrite {
    let scopes = resolve::resolve(program);
    let coloring = color::color(program, &scopes);
    let entries = entry_modules(program);
    let mut result = Rewrite { texts: Vec::new(), diagnostics: Vec::new(), explanations: Vec::new() };
    for (index, module) in program.modules.iter().enumerate() {
        let file = &module.file;
        let text = match module_edits(index, module, &coloring, entries.contains(&index)) {
            Ok(edits) if edits.is_empty() => None,
            Ok(edits) => match edit::apply(&file.text, &edits) {
                Ok(text) => Some(text),
                Err(_) => {
                    result.diagnostics.push(Diagnostic {
                        severity: Severity::Error,
                        code: "GY999",
                        rel: file.rel.clone(),
                        line: 1,
                        col: 1,
                        message: "internal error: overlapping edits".into(),
                        help: "please report this file to the greenify developers".into(),
                        source_line: String::new(),
                    });
                    None
                }
            },
            Err(NoImportSpot) => {
                result.diagnostics.push(Diagnostic {
                    severity: Severity::Error,
                    code: "GY010",
                    rel: file.rel.clone(),
                    line: 1,
                    col: 1,
                    message: "no place for the runtime import that keeps every line where it is".into(),
                    help: "add a blank or comment line, or a docstring, at the top of the file".into(),
                    source_line: file.line_text(1).to_string(),
                });
                None
            }
        };
        result.texts.push(text);
    }
    result
}

/// Entry scripts: modules that test `__name__ == "__main__"`, or, when none does, top-level
/// modules that no other module of the program imports.
fn entry_modules(program: &Program) -> HashSet<usize> {
    let uses_threads = program.modules.iter().any(|m| m.file.text.contains("threading"));
    if !uses_threads {
        return HashSet::new();
    }
    let guarded: HashSet<usize> = program
        .modules
        .iter()
        .enumerate()
        .filter(|(_, m)| m.file.text.contains("__main__"))
        .map(|(i, _)| i)
        .collect();
    if !guarded.is_empty() {
        return guarded;
    }
    program
        .modules
        .iter()
        .enumerate()
        .filter(|(_, m)| !m.name.contains('.') && !m.is_package)
        .filter(|(_, m)| !program.modules.iter().any(|other| imports(&other.file.text, &m.name)))
        .map(|(i, _)| i)
        .collect()
}

/// Rough textual check used by the skeleton's entry detection.
fn imports(text: &str, name: &str) -> bool {
    text.lines().any(|line| {
        let line = line.trim_start();
        (line.starts_with("import ") || line.starts_with("from "))
            && line.split(|c: char| !c.is_alphanumeric() && c != '_').any(|w| w == name)
    })
}

/// The edits for one module.
pub fn module_edits(
    index: usize,
    module: &Module,
    coloring: &Coloring,
    is_entry: bool,
) -> Result<Vec<Edit>, NoImportSpot> {
    let mut edits = Vec::new();
    let parens = calls_needing_parens(&module.file.suite);
    let mut uses_runtime = false;

    let mut colored: Vec<_> = coloring.colored.iter().filter(|id| id.module == index).collect();
    colored.sort();
    for id in colored {
        edits.push(Edit::insert(id.start, "async "));
        if let Some(f) = coloring.functions.get(id) {
            for call in &f.calls {
                if coloring.blocks(call) {
                    uses_runtime |= await_call(call, &parens, &mut edits);
                }
            }
        }
    }
    for call in &coloring.top_level_calls[index] {
        if coloring.blocks(call) {
            uses_runtime = true;
            run_at_top_level(call, &mut edits);
        }
    }
    if uses_runtime {
        edits.push(import_edit(module)?);
    }
    if is_entry {
        let text = &module.file.text;
        let end = text.len();
        let sep = if text.is_empty() || text.ends_with('\n') { "" } else { "\n" };
        edits.push(Edit::insert(end, format!("{sep}{EXIT_LINE}")));
    }
    Ok(edits)
}

/// `await ` before the call (in parentheses where needed); for sleeps also the callee swap.
/// Returns whether the edit refers to the runtime alias.
fn await_call(call: &CallSite, parens: &HashSet<usize>, edits: &mut Vec<Edit>) -> bool {
    let wrap = parens.contains(&call.start);
    if wrap {
        edits.push(Edit::insert(call.start, "(await "));
        edits.push(Edit::insert(call.end, ")"));
    } else {
        edits.push(Edit::insert(call.start, "await "));
    }
    sleep_callee(call, edits)
}

fn sleep_callee(call: &CallSite, edits: &mut Vec<Edit>) -> bool {
    if let CallKind::Sleep(name) = call.kind {
        edits.push(Edit::replace(call.func_start, call.func_end, format!("{RUNTIME_ALIAS}.{name}")));
        return true;
    }
    false
}

fn run_at_top_level(call: &CallSite, edits: &mut Vec<Edit>) {
    edits.push(Edit::insert(call.start, format!("{RUNTIME_ALIAS}.run(")));
    edits.push(Edit::insert(call.end, ")"));
    sleep_callee(call, edits);
}

/// Calls that are the operand of a primary (`.attr`, `[i]`, `(...)`): `await` binds looser.
fn calls_needing_parens(suite: &[Stmt]) -> HashSet<usize> {
    struct Finder(HashSet<usize>);
    impl<'a> Visitor<'a> for Finder {
        fn visit_expr(&mut self, expr: &'a Expr) {
            let operand = match expr {
                Expr::Attribute(e) => Some(&*e.value),
                Expr::Subscript(e) => Some(&*e.value),
                Expr::Call(e) => Some(&*e.func),
                _ => None,
            };
            if let Some(Expr::Call(call)) = operand {
                self.0.insert(usize::from(call.range.start()));
            }
            walk::walk_expr(self, expr);
        }
    }
    let mut finder = Finder(HashSet::new());
    finder.visit_body(suite);
    finder.0
}

/// `import greenify as __gy` placed on an existing line (see docs/ARCHITECTURE.md).
fn import_edit(module: &Module) -> Result<Edit, NoImportSpot> {
    let suite = &module.file.suite;
    let mut index = 0;
    while index < suite.len() && (is_docstring(&suite[index], index) || is_future_import(&suite[index])) {
        index += 1;
    }
    if let Some(stmt) = first_simple_statement(&suite[index..]) {
        return Ok(Edit::insert(usize::from(stmt.range().start()), format!("import greenify as {RUNTIME_ALIAS}; ")));
    }
    if index > 0 {
        let end = usize::from(suite[index - 1].range().end());
        return Ok(Edit::insert(end, format!("; import greenify as {RUNTIME_ALIAS}")));
    }
    Err(NoImportSpot)
}

/// The first statement to run, if it is a simple statement (descending into a leading `try:`).
fn first_simple_statement(suite: &[Stmt]) -> Option<&Stmt> {
    let first = suite.first()?;
    match first {
        Stmt::Try(t) => first_simple_statement(&t.body),
        Stmt::FunctionDef(_)
        | Stmt::AsyncFunctionDef(_)
        | Stmt::ClassDef(_)
        | Stmt::For(_)
        | Stmt::AsyncFor(_)
        | Stmt::While(_)
        | Stmt::If(_)
        | Stmt::With(_)
        | Stmt::AsyncWith(_)
        | Stmt::Match(_)
        | Stmt::TryStar(_) => None,
        _ => Some(first),
    }
}

fn is_docstring(stmt: &Stmt, index: usize) -> bool {
    index == 0
        && matches!(stmt, Stmt::Expr(e) if matches!(&*e.value, Expr::Constant(c) if matches!(c.value, ast::Constant::Str(_))))
}

fn is_future_import(stmt: &Stmt) -> bool {
    matches!(stmt, Stmt::ImportFrom(f) if f.module.as_ref().is_some_and(|m| m.as_str() == "__future__"))
}
