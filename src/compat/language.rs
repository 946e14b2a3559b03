//! MicroPython language differences a program visibly relies on (GY402), and `except` clauses
//! for the errno subclasses of OSError, which MicroPython's own functions never raise (GY403).
//! Only what the source shows for certain: a call named `eval`, a `def __init_subclass__`...

use std::collections::HashSet;

use crate::diag::{Code, Diagnostic, Location};
use crate::parse::ast::{self, Expr, Ranged, Stmt};
use crate::parse::Source;
use crate::walk::{self, Visitor};

use super::names;

/// The OSError subclasses CPython picks by errno, with the errno names MicroPython's OSError
/// carries instead.
const ERRNO_CLASSES: &[(&str, &str)] = &[
    ("FileNotFoundError", "errno.ENOENT"),
    ("FileExistsError", "errno.EEXIST"),
    ("PermissionError", "errno.EACCES or errno.EPERM"),
    ("IsADirectoryError", "errno.EISDIR"),
    ("NotADirectoryError", "errno.ENOTDIR"),
    ("BlockingIOError", "errno.EAGAIN"),
    ("InterruptedError", "errno.EINTR"),
    ("TimeoutError", "errno.ETIMEDOUT"),
    ("ConnectionError", "errno.ECONNRESET, ECONNREFUSED, ECONNABORTED or EPIPE"),
    ("ConnectionResetError", "errno.ECONNRESET"),
    ("ConnectionRefusedError", "errno.ECONNREFUSED"),
    ("ConnectionAbortedError", "errno.ECONNABORTED"),
    ("BrokenPipeError", "errno.EPIPE"),
    ("ChildProcessError", "errno.ECHILD"),
    ("ProcessLookupError", "errno.ESRCH"),
];

/// GY402 and GY403 for one module.
pub fn differences(source: &Source, suite: &[Stmt]) -> Vec<Diagnostic> {
    let mut finder = Finder { source, bound: names::bound(suite), functions: 0, found: Vec::new() };
    finder.visit_body(suite);
    finder.found
}

struct Finder<'s> {
    source: &'s Source,
    bound: HashSet<String>,
    /// How many function bodies enclose the current node.
    functions: usize,
    found: Vec<Diagnostic>,
}

impl Finder<'_> {
    fn report(&mut self, code: Code, node: &impl Ranged, message: String, help: &str) {
        let r = node.range();
        let at = Location::range(self.source, usize::from(r.start())..usize::from(r.end()));
        self.found.push(Diagnostic::new(code, at, message).with_help(help));
    }

    fn class(&mut self, class: &ast::StmtClassDef) {
        for stmt in &class.body {
            let name = match stmt {
                Stmt::FunctionDef(f) => f.name.as_str(),
                Stmt::AsyncFunctionDef(f) => f.name.as_str(),
                _ => continue,
            };
            match name {
                "__init_subclass__" => self.report(
                    Code::LanguageDifference,
                    stmt,
                    format!("`{}.__init_subclass__` is never called by MicroPython when a subclass is made", class.name),
                    "register subclasses explicitly (a class decorator, or a call after each class)",
                ),
                "__class_getitem__" => self.report(
                    Code::LanguageDifference,
                    stmt,
                    format!("MicroPython does not call `{}.__class_getitem__`: `{}[...]` raises TypeError there", class.name, class.name),
                    "use a classmethod (`C.of(x)`) instead of subscripting the class",
                ),
                _ => {}
            }
        }
        if class.keywords.is_empty() {
            return;
        }
        if !names::only_metaclass(&class.keywords) {
            let first = &class.keywords[0];
            self.report(
                Code::LanguageDifference,
                first,
                format!("class `{}` takes keyword arguments: MicroPython's class statement takes none (TypeError when the class is made)", class.name),
                "set what the keywords carry as class attributes",
            );
            return;
        }
        let meta = &class.keywords[0].value;
        let is_abc = match meta {
            Expr::Name(n) => n.id.as_str() == "ABCMeta",
            Expr::Attribute(a) => a.attr.as_str() == "ABCMeta",
            _ => false,
        };
        if !is_abc {
            self.report(
                Code::LanguageDifference,
                &class.keywords[0],
                format!("MicroPython has no metaclasses: greenify gives class `{}` a plain base for `metaclass=`, and the metaclass's methods (`__new__`, `__init__`, `__call__`...) do not run there", class.name),
                "do what the metaclass does with a class decorator (`abc.ABCMeta` is supported)",
            );
        }
    }

    fn handler(&mut self, handler: &ast::ExceptHandlerExceptHandler) {
        let Some(kind) = &handler.type_ else { return };
        let listed: Vec<&Expr> = match &**kind {
            Expr::Tuple(t) => t.elts.iter().collect(),
            other => vec![other],
        };
        for expr in listed {
            let Expr::Name(n) = expr else { continue };
            let name = n.id.as_str();
            let Some((_, errno)) = ERRNO_CLASSES.iter().find(|(c, _)| *c == name) else { continue };
            if self.bound.contains(name) {
                continue;
            }
            self.report(
                Code::ErrnoException,
                n,
                format!("`except {name}`: MicroPython's own functions raise a plain `OSError` ({errno}), which this clause does not catch on the device"),
                &format!("catch `OSError as e` and test `e.errno` against {errno} (works on CPython too); a `{name}` the program raises itself is caught"),
            );
        }
    }
}

impl<'a> Visitor<'a> for Finder<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(_) | Stmt::AsyncFunctionDef(_) => {
                self.functions += 1;
                walk::walk_stmt(self, stmt);
                self.functions -= 1;
                return;
            }
            Stmt::ClassDef(class) => self.class(class),
            Stmt::Try(s) => s.handlers.iter().for_each(|ast::ExceptHandler::ExceptHandler(h)| self.handler(h)),
            Stmt::TryStar(s) => s.handlers.iter().for_each(|ast::ExceptHandler::ExceptHandler(h)| self.handler(h)),
            _ => {}
        }
        walk::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if let (Expr::Call(call), true) = (expr, self.functions > 0) {
            if let Expr::Name(f) = &*call.func {
                let name = f.id.as_str();
                let namespaces = call.args.len() > 1 || call.keywords.iter().any(|k| k.arg.is_some());
                if matches!(name, "eval" | "exec") && !namespaces {
                    self.report(
                        Code::LanguageDifference,
                        call,
                        format!("`{name}` in a function: MicroPython runs the code in the module's globals, so the function's local variables are not visible to it (and it cannot set them)"),
                        &format!("pass the names explicitly: `{name}(code, globals(), {{'x': x}})`"),
                    );
                } else if name == "locals" && call.args.is_empty() {
                    self.report(
                        Code::LanguageDifference,
                        call,
                        "`locals()` in a function: MicroPython returns the module's globals there, not the function's variables".to_string(),
                        "build the dict yourself (`{'x': x, 'y': y}`)",
                    );
                }
            }
        }
        if let Expr::Lambda(_) = expr {
            self.functions += 1;
            walk::walk_expr(self, expr);
            self.functions -= 1;
            return;
        }
        walk::walk_expr(self, expr);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_suite;

    fn found(text: &str) -> Vec<(Code, (usize, usize))> {
        let suite = parse_suite(text, "m.py").expect("parses");
        let source = Source::new("m.py".into(), text.to_string());
        let mut found: Vec<_> = differences(&source, &suite).iter().map(|d| (d.code, d.position().unwrap_or_default())).collect();
        found.sort_by_key(|(_, at)| *at);
        found
    }

    #[test]
    fn what_is_visible_is_reported() {
        let text = "eval('1')\ndef f(x):\n    eval('x + 1')\n    eval('x', {'x': x})\n    return locals()\nclass A(metaclass=M):\n    def __init_subclass__(cls):\n        pass\nclass B(Base, metaclass=abc.ABCMeta):\n    pass\nclass C(flag=1):\n    pass\n";
        let d = Code::LanguageDifference;
        assert_eq!(found(text), [(d, (3, 5)), (d, (5, 12)), (d, (6, 9)), (d, (7, 5)), (d, (11, 9))]);
    }

    #[test]
    fn errno_classes_in_except_clauses() {
        let text = "try:\n    open('x')\nexcept (FileNotFoundError, ValueError):\n    pass\nexcept OSError:\n    pass\n";
        assert_eq!(found(text), [(Code::ErrnoException, (3, 9))]);
        let own = "class TimeoutError(Exception):\n    pass\ntry:\n    f()\nexcept TimeoutError:\n    pass\n";
        assert_eq!(found(own), []);
    }
}
