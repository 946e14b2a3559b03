//! Every module a program names for import: `import a.b`, `from a import b` (level 0), also
//! inside functions, classes and `try:` blocks, and `importlib.import_module("a.b")` /
//! `__import__("a.b")` with a literal name. Relative imports (`from . import x`) stay inside SRC
//! and are not listed. Imports under `if TYPE_CHECKING:` never run and are not listed either.

use std::ops::Range;

use crate::parse::ast::{self, Expr, Ranged, Stmt};
use crate::walk::{self, Visitor};

/// How a module is named in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `import a.b` (one alias of the statement).
    Import,
    /// `from a.b import x, y`: `names` lists x, y (maybe submodules of `a.b`).
    From,
    /// `importlib.import_module("a.b")` or `__import__("a.b")`.
    Dynamic,
}

/// One module named for import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportUse {
    /// The dotted module name.
    pub module: String,
    /// What the diagnostics point at: the alias, the `from` statement, or the call.
    pub range: Range<usize>,
    pub form: Form,
    /// For `from M import a, b`: `a`, `b` (`*` included as is).
    pub names: Vec<String>,
    /// Inside the body of a `try:` that catches ImportError (or ModuleNotFoundError, Exception,
    /// BaseException, or everything): the program has a fallback.
    pub guarded: bool,
}

impl ImportUse {
    /// The modules this import loads: `a.b.c` loads `a`, `a.b` and `a.b.c`; `from a import x`
    /// may also load the submodule `a.x`.
    pub fn loaded(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut prefix = String::new();
        for part in self.module.split('.') {
            if !prefix.is_empty() {
                prefix.push('.');
            }
            prefix.push_str(part);
            out.push(prefix.clone());
        }
        if self.form == Form::From {
            out.extend(self.names.iter().filter(|n| n.as_str() != "*").map(|n| format!("{}.{n}", self.module)));
        }
        out
    }
}

/// The imports of one module's statements, in source order.
pub fn uses(suite: &[Stmt]) -> Vec<ImportUse> {
    let mut finder = Finder { guarded: 0, found: Vec::new() };
    finder.visit_body(suite);
    finder.found
}

struct Finder {
    /// How many enclosing `try:` bodies catch ImportError.
    guarded: usize,
    found: Vec<ImportUse>,
}

fn span(node: &impl Ranged) -> Range<usize> {
    let r = node.range();
    usize::from(r.start())..usize::from(r.end())
}

impl Finder {
    fn push(&mut self, module: String, range: Range<usize>, form: Form, names: Vec<String>) {
        if !module.is_empty() {
            self.found.push(ImportUse { module, range, form, names, guarded: self.guarded > 0 });
        }
    }
}

impl<'a> Visitor<'a> for Finder {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::Import(import) => {
                for alias in &import.names {
                    self.push(alias.name.to_string(), span(alias), Form::Import, Vec::new());
                }
            }
            Stmt::ImportFrom(from) => {
                let level = from.level.map_or(0, |l| l.to_u32());
                if let (0, Some(module)) = (level, &from.module) {
                    let names = from.names.iter().map(|a| a.name.to_string()).collect();
                    self.push(module.to_string(), span(from), Form::From, names);
                }
            }
            Stmt::If(s) if is_type_checking(&s.test) => {
                // Never runs; its `else:` does.
                self.visit_body(&s.orelse);
            }
            Stmt::Try(s) => self.visit_try(&s.body, &s.handlers, &s.orelse, &s.finalbody),
            Stmt::TryStar(s) => self.visit_try(&s.body, &s.handlers, &s.orelse, &s.finalbody),
            _ => walk::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if let Expr::Call(call) = expr {
            if let (true, Some(Expr::Constant(c))) = (is_dynamic_import(&call.func), call.args.first()) {
                if let ast::Constant::Str(name) = &c.value {
                    // A relative name (`.x`) needs a package argument: inside SRC, not listed.
                    if !name.starts_with('.') {
                        self.push(name.clone(), span(call), Form::Dynamic, Vec::new());
                    }
                }
            }
        }
        walk::walk_expr(self, expr);
    }
}

impl Finder {
    fn visit_try<'a>(&mut self, body: &'a [Stmt], handlers: &'a [ast::ExceptHandler], orelse: &'a [Stmt], finalbody: &'a [Stmt]) {
        let guards = handlers.iter().any(|ast::ExceptHandler::ExceptHandler(h)| h.type_.as_deref().is_none_or(catches_import_error));
        self.guarded += usize::from(guards);
        self.visit_body(body);
        self.guarded -= usize::from(guards);
        for ast::ExceptHandler::ExceptHandler(h) in handlers {
            if let Some(t) = &h.type_ {
                self.visit_expr(t);
            }
            self.visit_body(&h.body);
        }
        self.visit_body(orelse);
        self.visit_body(finalbody);
    }
}

/// `ImportError`, `ModuleNotFoundError`, `Exception`, `BaseException`, or a tuple holding one.
fn catches_import_error(expr: &Expr) -> bool {
    match expr {
        Expr::Name(n) => matches!(n.id.as_str(), "ImportError" | "ModuleNotFoundError" | "Exception" | "BaseException"),
        Expr::Attribute(a) => matches!(a.attr.as_str(), "ImportError" | "ModuleNotFoundError"),
        Expr::Tuple(t) => t.elts.iter().any(catches_import_error),
        _ => false,
    }
}

/// `TYPE_CHECKING` or `typing.TYPE_CHECKING` (any module alias).
fn is_type_checking(test: &Expr) -> bool {
    match test {
        Expr::Name(n) => n.id.as_str() == "TYPE_CHECKING",
        Expr::Attribute(a) => a.attr.as_str() == "TYPE_CHECKING",
        _ => false,
    }
}

/// `importlib.import_module`, `import_module` (from importlib), `__import__`.
fn is_dynamic_import(func: &Expr) -> bool {
    match func {
        Expr::Name(n) => matches!(n.id.as_str(), "import_module" | "__import__"),
        Expr::Attribute(a) => a.attr.as_str() == "import_module",
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_suite;

    fn found(text: &str) -> Vec<(String, Form, bool)> {
        let suite = parse_suite(text, "m.py").expect("parses");
        uses(&suite).into_iter().map(|u| (u.module, u.form, u.guarded)).collect()
    }

    #[test]
    fn every_form_is_found_also_in_functions() {
        let text = "import a.b as c, d\nfrom e import f\nfrom . import g\ndef h():\n    import i\n    importlib.import_module('j.k')\n    __import__(\"l\")\n    import_module(name)\n";
        let want = [
            ("a.b", Form::Import, false),
            ("d", Form::Import, false),
            ("e", Form::From, false),
            ("i", Form::Import, false),
            ("j.k", Form::Dynamic, false),
            ("l", Form::Dynamic, false),
        ];
        assert_eq!(found(text), want.map(|(m, f, g)| (m.to_string(), f, g)));
    }

    #[test]
    fn guarded_and_type_checking_imports() {
        let text = "try:\n    import ujson as json\nexcept ImportError:\n    import json\ntry:\n    import x\nexcept ValueError:\n    pass\nif TYPE_CHECKING:\n    import y\nelse:\n    import z\n";
        let want = [("ujson", true), ("json", false), ("x", false), ("z", false)];
        let got: Vec<(String, bool)> = found(text).into_iter().map(|(m, _, g)| (m, g)).collect();
        assert_eq!(got, want.map(|(m, g)| (m.to_string(), g)));
    }

    #[test]
    fn loaded_modules_include_parents_and_from_submodules() {
        let u = ImportUse { module: "os".into(), range: 0..0, form: Form::From, names: vec!["path".into(), "*".into()], guarded: false };
        assert_eq!(u.loaded(), ["os", "os.path"]);
        let u = ImportUse { module: "a.b.c".into(), range: 0..0, form: Form::Import, names: vec![], guarded: false };
        assert_eq!(u.loaded(), ["a", "a.b", "a.b.c"]);
    }
}
