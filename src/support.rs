//! APIs of `threading` the runtime provides in name only on MicroPython: using them is not an
//! error (the program runs), but it does not behave as on CPython, so greenify warns (GY020).
//!
//! Used for the thread backend, whose files are copied unchanged: this check is all greenify
//! says about them. The table is the single place that lists such APIs.

use std::collections::HashSet;

use crate::diag::{Code, Diagnostic, Location};
use crate::parse::ast::{self, Expr, Stmt};
use crate::project::Module;
use crate::walk::{self, Visitor};

/// (module, name, what happens on MicroPython)
const NAME_ONLY: &[(&str, &str, &str)] = &[
    ("threading", "settrace", TRACE),
    ("threading", "settrace_all_threads", TRACE),
    ("threading", "setprofile", PROFILE),
    ("threading", "setprofile_all_threads", PROFILE),
];
const TRACE: &str = "works only on MicroPython builds with sys.settrace (most have none): elsewhere the hook is kept, never called";
const PROFILE: &str = "does nothing on MicroPython (it has no profiler): the hook is kept, never called";

fn lookup(module: &str, name: &str) -> Option<&'static str> {
    NAME_ONLY.iter().find(|(m, n, _)| *m == module && *n == name).map(|(_, _, why)| *why)
}

/// Warnings for every use of a name-only API in `module`: `threading.settrace(...)` through any
/// alias of the module, and `from threading import settrace`.
pub fn name_only_uses(module: &Module) -> Vec<Diagnostic> {
    let mut finder = Finder { module, aliases: HashSet::new(), found: Vec::new() };
    // Aliases first (an import anywhere in the file counts), then the uses.
    finder.collect_aliases(&module.file.suite);
    finder.visit_body(&module.file.suite);
    finder.found
}

struct Finder<'m> {
    module: &'m Module,
    /// Local names bound to a module of the table: local name -> module name.
    aliases: HashSet<(String, &'static str)>,
    found: Vec<Diagnostic>,
}

impl Finder<'_> {
    fn collect_aliases(&mut self, body: &[Stmt]) {
        struct Imports<'f>(&'f mut HashSet<(String, &'static str)>);
        impl<'a> Visitor<'a> for Imports<'_> {
            fn visit_stmt(&mut self, stmt: &'a Stmt) {
                if let Stmt::Import(import) = stmt {
                    for alias in &import.names {
                        if let Some(module) = table_module(alias.name.as_str()) {
                            let local = alias.asname.as_ref().unwrap_or(&alias.name);
                            self.0.insert((local.to_string(), module));
                        }
                    }
                }
                walk::walk_stmt(self, stmt);
            }
        }
        Imports(&mut self.aliases).visit_body(body);
    }

    fn warn(&mut self, range: crate::parse::TextRange, module: &str, name: &str, why: &str) {
        let at = Location::range(&self.module.file.source, usize::from(range.start())..usize::from(range.end()));
        let message = format!("`{module}.{name}` {why}");
        self.found.push(Diagnostic::new(Code::NameOnlyApi, at, message).with_help("do not rely on it on the device"));
    }
}

fn table_module(name: &str) -> Option<&'static str> {
    NAME_ONLY.iter().map(|(m, _, _)| *m).find(|m| *m == name)
}

impl<'a> Visitor<'a> for Finder<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if let Stmt::ImportFrom(from) = stmt {
            let level = from.level.map_or(0, |l| l.to_u32());
            let module = from.module.as_ref().map(|m| m.as_str()).and_then(table_module);
            if let (0, Some(module)) = (level, module) {
                for alias in &from.names {
                    if let Some(why) = lookup(module, alias.name.as_str()) {
                        self.warn(ast::Ranged::range(alias), module, alias.name.as_str(), why);
                    }
                }
            }
        }
        walk::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if let Expr::Attribute(attr) = expr {
            if let Expr::Name(base) = &*attr.value {
                let module = self.aliases.iter().find(|(local, _)| local == base.id.as_str()).map(|(_, m)| *m);
                if let Some(module) = module {
                    if let Some(why) = lookup(module, attr.attr.as_str()) {
                        self.warn(attr.range, module, attr.attr.as_str(), why);
                    }
                }
            }
        }
        walk::walk_expr(self, expr);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::Program;
    use std::path::PathBuf;

    #[test]
    fn finds_module_attributes_and_from_imports() {
        let text = "import threading as th\nfrom threading import setprofile, Thread\nth.settrace(None)\nth.Thread\n";
        let program = Program::from_sources(vec![(PathBuf::from("m.py"), text.as_bytes().to_vec())], Vec::new());
        let found = name_only_uses(&program.modules[0]);
        let at: Vec<Option<(usize, usize)>> = found.iter().map(|d| d.position()).collect();
        assert_eq!(at, [Some((2, 23)), Some((3, 1))]);
        assert!(found.iter().all(|d| d.code == Code::NameOnlyApi && !d.is_error()));
    }
}
