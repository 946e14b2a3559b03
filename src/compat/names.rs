//! Builtin names CPython has and MicroPython lacks, and `metaclass=`: the edits (both backends)
//! that make them run on MicroPython without moving a line.
//!
//! * A name of [`NAMES`] used in a module that never binds it (no assignment, `def`, `class`,
//!   import, parameter, `except ... as`, `global` of that name anywhere in the file) is the
//!   builtin: it becomes `__import__("_gycompat").NAME`. `runtime_py/compat/_gycompat.py`
//!   holds them (CPython's own builtins when run on CPython).
//! * `class X(B, metaclass=M):` becomes `class X(B, __import__("_gycompat").metabase(M)):`
//!   (MicroPython's class statement takes no keywords): a base class standing for M; the compat
//!   `abc.ABCMeta` names `abc.ABC` as its base, so abstract classes still refuse to be
//!   instantiated. Only when `metaclass` is the class's only keyword (others are GY402).

use std::collections::HashSet;

use crate::edit::Edit;
use crate::parse::ast::{self, Expr, Ranged, Stmt};
use crate::parse::Source;
use crate::walk::{self, Visitor};

/// The compat module the edits refer to.
pub const MODULE: &str = "_gycompat";

/// What a rewritten name is prefixed with.
pub const PREFIX: &str = "__import__(\"_gycompat\").";

/// Builtins of CPython that MicroPython (1.2x) does not have, all defined by `_gycompat.py`.
/// (`WindowsError` is left alone: CPython on Linux has none either.)
pub const NAMES: &[&str] = &[
    "IOError", "EnvironmentError", "RecursionError", "ModuleNotFoundError", "UnboundLocalError",
    "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeTranslateError", "TabError", "BlockingIOError",
    "ChildProcessError", "ConnectionError", "BrokenPipeError", "ConnectionAbortedError", "ConnectionRefusedError",
    "ConnectionResetError", "FileExistsError", "FileNotFoundError", "InterruptedError", "IsADirectoryError",
    "NotADirectoryError", "PermissionError", "ProcessLookupError", "TimeoutError", "BufferError", "ReferenceError",
    "FloatingPointError", "Warning", "UserWarning", "DeprecationWarning", "PendingDeprecationWarning",
    "SyntaxWarning", "RuntimeWarning", "FutureWarning", "ImportWarning", "UnicodeWarning", "BytesWarning",
    "ResourceWarning", "EncodingWarning", "format", "vars", "ascii", "exit", "quit",
];

/// The edits for one module's statements (empty: nothing to do).
pub fn edits(source: &Source, suite: &[Stmt]) -> Vec<Edit> {
    let mut finder = Finder { source, bound: bound(suite), edits: Vec::new() };
    finder.visit_body(suite);
    finder.edits
}

/// Whether `class` keywords are only `metaclass=` (the form the rewrite handles).
pub fn only_metaclass(keywords: &[ast::Keyword]) -> bool {
    keywords.len() == 1 && keywords[0].arg.as_ref().is_some_and(|a| a.as_str() == "metaclass")
}

/// The names of [`NAMES`] the module binds somewhere, in any scope (they are its own).
pub fn bound(suite: &[Stmt]) -> HashSet<String> {
    let mut bound = Bound(HashSet::new());
    bound.visit_body(suite);
    bound.0
}

struct Bound(HashSet<String>);

impl Bound {
    fn add(&mut self, name: &str) {
        if NAMES.contains(&name) {
            self.0.insert(name.to_string());
        }
    }
}

impl<'a> Visitor<'a> for Bound {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(s) => self.add(s.name.as_str()),
            Stmt::AsyncFunctionDef(s) => self.add(s.name.as_str()),
            Stmt::ClassDef(s) => self.add(s.name.as_str()),
            Stmt::Import(s) => {
                for alias in &s.names {
                    let local = alias.asname.as_ref().map(|a| a.as_str()).unwrap_or_else(|| alias.name.split('.').next().unwrap_or(""));
                    self.add(local);
                }
            }
            Stmt::ImportFrom(s) => {
                for alias in &s.names {
                    self.add(alias.asname.as_ref().unwrap_or(&alias.name).as_str());
                }
            }
            Stmt::Global(s) => s.names.iter().for_each(|n| self.add(n.as_str())),
            Stmt::Nonlocal(s) => s.names.iter().for_each(|n| self.add(n.as_str())),
            Stmt::Try(s) => handler_names(self, &s.handlers),
            Stmt::TryStar(s) => handler_names(self, &s.handlers),
            _ => {}
        }
        walk::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if let Expr::Name(n) = expr {
            if !matches!(n.ctx, ast::ExprContext::Load) {
                self.add(n.id.as_str());
            }
        }
        walk::walk_expr(self, expr);
    }

    fn visit_arguments(&mut self, args: &'a ast::Arguments) {
        for arg in args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs) {
            self.add(arg.def.arg.as_str());
        }
        for arg in args.vararg.iter().chain(&args.kwarg) {
            self.add(arg.arg.as_str());
        }
        walk::walk_arguments(self, args);
    }
}

fn handler_names(bound: &mut Bound, handlers: &[ast::ExceptHandler]) {
    for ast::ExceptHandler::ExceptHandler(h) in handlers {
        if let Some(name) = &h.name {
            bound.add(name.as_str());
        }
    }
}

struct Finder<'s> {
    source: &'s Source,
    bound: HashSet<String>,
    edits: Vec<Edit>,
}

fn span(node: &impl Ranged) -> (usize, usize) {
    let r = node.range();
    (usize::from(r.start()), usize::from(r.end()))
}

impl Finder<'_> {
    /// `metaclass=M` becomes the first base, `metabase(M)`: CPython builds the MRO from the
    /// bases in order, and an explicit `object` before the stand-in would make it inconsistent.
    /// The keyword (with the comma before it) is taken out where it is; across lines (a header
    /// spread over several) it is replaced in place instead, so no line loses its text.
    fn metaclass(&mut self, class: &ast::StmtClassDef) {
        let keyword = &class.keywords[0];
        let (start, end) = span(keyword);
        let (vs, ve) = span(&keyword.value);
        let base = format!("{PREFIX}metabase({})", self.source.slice(vs, ve));
        let (Some(first), Some(last)) = (class.bases.first(), class.bases.last()) else {
            self.edits.push(Edit::replace(start, end, base));
            return;
        };
        let (first_start, _) = span(first);
        let (_, last_end) = span(last);
        if self.source.slice(first_start, end).contains(['\n', '\r']) || last_end > start {
            self.edits.push(Edit::replace(start, end, base));
            return;
        }
        self.edits.push(Edit::insert(first_start, format!("{base}, ")));
        self.edits.push(Edit::replace(last_end, end, ""));
    }
}

impl<'a> Visitor<'a> for Finder<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if let Stmt::ClassDef(class) = stmt {
            if only_metaclass(&class.keywords) {
                self.metaclass(class);
                // The keyword's value is kept as written (no edits inside the replaced range).
                class.decorator_list.iter().for_each(|e| self.visit_expr(e));
                class.bases.iter().for_each(|e| self.visit_expr(e));
                self.visit_body(&class.body);
                return;
            }
        }
        walk::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if let Expr::Name(n) = expr {
            let name = n.id.as_str();
            if matches!(n.ctx, ast::ExprContext::Load) && NAMES.contains(&name) && !self.bound.contains(name) {
                let (start, end) = span(n);
                self.edits.push(Edit::replace(start, end, format!("{PREFIX}{name}")));
            }
        }
        walk::walk_expr(self, expr);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply;
    use crate::parse::parse_suite;

    fn rewritten(text: &str) -> String {
        let suite = parse_suite(text, "m.py").expect("parses");
        let source = Source::new("m.py".into(), text.to_string());
        apply(text, &edits(&source, &suite)).expect("edits apply")
    }

    #[test]
    fn free_builtin_names_come_from_the_compat_module() {
        let text = "try:\n    f()\nexcept (IOError, TimeoutError) as e:\n    print(format(1, 'x'))\n";
        let want = "try:\n    f()\nexcept (__import__(\"_gycompat\").IOError, __import__(\"_gycompat\").TimeoutError) as e:\n    print(__import__(\"_gycompat\").format(1, 'x'))\n";
        assert_eq!(rewritten(text), want);
    }

    #[test]
    fn names_the_module_binds_are_its_own() {
        let text = "class TimeoutError(Exception):\n    pass\ndef f(format):\n    return format\nraise TimeoutError\nx.ConnectionError\n";
        assert_eq!(rewritten(text), text);
        let text = "try:\n    from socket import timeout as TimeoutError\nexcept ImportError:\n    pass\nraise TimeoutError\n";
        assert_eq!(rewritten(text), text);
    }

    #[test]
    fn metaclass_becomes_a_base_on_the_same_line() {
        let text = "class H(object, Base, metaclass=abc.ABCMeta):\n    x = IOError\nclass J(metaclass=M, flag=1):\n    pass\nclass K(metaclass=M):\n    pass\nclass L(\n    Base,\n    metaclass=M,\n):\n    pass\n";
        let want = "class H(__import__(\"_gycompat\").metabase(abc.ABCMeta), object, Base):\n    x = __import__(\"_gycompat\").IOError\nclass J(metaclass=M, flag=1):\n    pass\nclass K(__import__(\"_gycompat\").metabase(M)):\n    pass\nclass L(\n    Base,\n    __import__(\"_gycompat\").metabase(M),\n):\n    pass\n";
        assert_eq!(rewritten(text), want);
        // Its own output needs nothing more.
        assert_eq!(rewritten(want), want);
    }
}
