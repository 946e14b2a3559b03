//! Enum classes on MicroPython: the edit (both backends) that seals a class's members when the
//! class is made.
//!
//! MicroPython has no metaclasses, so the compat `enum` turns a class's plain attributes
//! (`RED = 1`) into members only when something runs after the class body. Values with
//! `__set_name__` do (every `auto()`); a class of literal values read as `Color.RED` before any
//! `Color(1)` would still hold the int. In the body of every class whose base is an enum class,
//! the first simple statement gets, at its end (its own line),
//! `; __gy_seal__ = __import__("enum").__dict__.get("_gy_order", lambda *n: None)("RED", ...)`
//! naming the body's assigned names in order: the compat module's `_gy_order` returns an object
//! whose `__set_name__` seals the class (members in definition order, which MicroPython's
//! unordered class dict has lost) and deletes the name. On CPython (host runs, the real `enum`)
//! the value is None, and a dunder name is never a member, so nothing changes there.
//!
//! Which bases are enum classes is decided by name, program-wide: `Enum`, `IntEnum`, `StrEnum`,
//! `Flag`, `IntFlag`, `ReprEnum` (bare or as `x.Enum`), the names they are imported as
//! (`from enum import Enum as E`), and every class of SRC that derives from one of those,
//! transitively, found by its name (`class State(base.StatusEnum)`). A class wrongly taken for an
//! enum costs one attribute that the compat module removes without sealing (it checks the class).

use std::collections::BTreeSet;

use crate::edit::Edit;
use crate::parse::ast::{self, Expr, Ranged, Stmt};
use crate::walk::{self, Visitor};

/// The class attribute the edit assigns.
pub const ATTRIBUTE: &str = "__gy_seal__";

/// What the edit appends to a statement, before the names.
const SEAL: &str = "; __gy_seal__ = __import__(\"enum\").__dict__.get(\"_gy_order\", lambda *n: None)(";

/// The seal text for a class body: the names it assigns, in order.
fn seal(body: &[Stmt]) -> String {
    let mut text = SEAL.to_string();
    let mut first = true;
    for stmt in body {
        let targets: Vec<&Expr> = match stmt {
            Stmt::Assign(a) => a.targets.iter().collect(),
            Stmt::AnnAssign(a) if a.value.is_some() => vec![&*a.target],
            _ => continue,
        };
        for target in targets {
            if let Expr::Name(n) = target {
                if !first {
                    text.push_str(", ");
                }
                first = false;
                text.push('"');
                text.push_str(n.id.as_str());
                text.push('"');
            }
        }
    }
    text.push(')');
    text
}

/// The enum classes of the `enum` module.
const STANDARD: &[&str] = &["Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "ReprEnum"];

/// The names that stand for enum classes in the given modules: [`STANDARD`], their import
/// aliases, and the names of classes deriving from any of these (to a fixed point).
pub fn enum_names<'a>(suites: impl Iterator<Item = &'a [Stmt]> + Clone) -> BTreeSet<String> {
    let mut names: BTreeSet<String> = STANDARD.iter().map(|s| s.to_string()).collect();
    let mut classes = Classes(Vec::new());
    for suite in suites.clone() {
        let mut aliases = Aliases(&mut names);
        aliases.visit_body(suite);
        classes.visit_body(suite);
    }
    loop {
        let before = names.len();
        for (name, bases) in &classes.0 {
            if !names.contains(name) && bases.iter().any(|b| names.contains(b)) {
                names.insert(name.clone());
            }
        }
        if names.len() == before {
            return names;
        }
    }
}

/// The edits for one module, given the enum class names of the whole program.
pub fn edits(suite: &[Stmt], names: &BTreeSet<String>) -> Vec<Edit> {
    let mut finder = Finder { names, edits: Vec::new() };
    finder.visit_body(suite);
    finder.edits
}

/// The name a base expression is known by: `Enum` for `Enum` and for `enum.Enum`.
fn base_name(base: &Expr) -> Option<&str> {
    match base {
        Expr::Name(n) => Some(n.id.as_str()),
        Expr::Attribute(a) => Some(a.attr.as_str()),
        _ => None,
    }
}

fn is_docstring(stmt: &Stmt) -> bool {
    matches!(stmt, Stmt::Expr(e) if matches!(&*e.value, Expr::Constant(c) if matches!(c.value, ast::Constant::Str(_))))
}

/// Whether a statement may take `; more` after it on its line (not a compound statement).
fn is_simple(stmt: &Stmt) -> bool {
    !matches!(
        stmt,
        Stmt::FunctionDef(_)
            | Stmt::AsyncFunctionDef(_)
            | Stmt::ClassDef(_)
            | Stmt::If(_)
            | Stmt::For(_)
            | Stmt::AsyncFor(_)
            | Stmt::While(_)
            | Stmt::With(_)
            | Stmt::AsyncWith(_)
            | Stmt::Try(_)
            | Stmt::TryStar(_)
            | Stmt::Match(_)
    )
}

/// Whether the body assigns `__gy_seal__` already (greenify's own output).
fn sealed(body: &[Stmt]) -> bool {
    body.iter().any(|s| {
        matches!(s, Stmt::Assign(a) if a.targets.iter().any(|t| matches!(t, Expr::Name(n) if n.id.as_str() == ATTRIBUTE)))
    })
}

/// `from enum import Enum as E`: E names an enum class.
struct Aliases<'n>(&'n mut BTreeSet<String>);

impl<'a> Visitor<'a> for Aliases<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if let Stmt::ImportFrom(from) = stmt {
            if from.module.as_ref().is_some_and(|m| m.as_str() == "enum") {
                for alias in &from.names {
                    if let (true, Some(asname)) = (STANDARD.contains(&alias.name.as_str()), &alias.asname) {
                        self.0.insert(asname.to_string());
                    }
                }
            }
        }
        walk::walk_stmt(self, stmt);
    }
}

/// Every class of the modules, with the names of its bases.
struct Classes(Vec<(String, Vec<String>)>);

impl<'a> Visitor<'a> for Classes {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if let Stmt::ClassDef(class) = stmt {
            let bases = class.bases.iter().filter_map(base_name).map(str::to_string).collect();
            self.0.push((class.name.to_string(), bases));
        }
        walk::walk_stmt(self, stmt);
    }
}

struct Finder<'n> {
    names: &'n BTreeSet<String>,
    edits: Vec<Edit>,
}

impl<'a> Visitor<'a> for Finder<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if let Stmt::ClassDef(class) = stmt {
            let is_enum = class.bases.iter().filter_map(base_name).any(|b| self.names.contains(b));
            if is_enum && !sealed(&class.body) {
                // The first simple statement after the docstring, else the docstring itself; a
                // body of methods only has no member to seal.
                let skip = usize::from(class.body.first().is_some_and(is_docstring));
                let at = class.body.iter().skip(skip).find(|s| is_simple(s)).or(class.body.first().filter(|s| is_docstring(s)));
                if let Some(at) = at {
                    self.edits.push(Edit::insert(usize::from(at.range().end()), seal(&class.body)));
                }
            }
        }
        walk::walk_stmt(self, stmt);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply;
    use crate::parse::parse_suite;

    fn rewritten(files: &[&str]) -> Vec<String> {
        let suites: Vec<Vec<Stmt>> = files.iter().map(|t| parse_suite(t, "m.py").expect("parses")).collect();
        let names = enum_names(suites.iter().map(Vec::as_slice));
        files.iter().zip(&suites).map(|(t, s)| apply(t, &edits(s, &names)).expect("edits apply")).collect()
    }

    #[test]
    fn enum_classes_get_the_seal_on_their_first_simple_statement() {
        let text = "from enum import Enum, IntFlag as F\nclass State(Enum):\n    \"\"\"doc\"\"\"\n    IDLE = 0  # c\n    BUSY = 1\nclass P(F):\n    def f(self): pass\n    R = 4\nclass Q:\n    X = 1\n";
        let got = &rewritten(&[text])[0];
        let want = text
            .replace("IDLE = 0  # c", &format!("IDLE = 0{SEAL}\"IDLE\", \"BUSY\")  # c"))
            .replace("    R = 4", &format!("    R = 4{SEAL}\"R\")"));
        assert_eq!(got, &want);
    }

    #[test]
    fn subclasses_across_modules_and_attribute_bases() {
        let base = "import enum\nclass Base(enum.Enum):\n    def describe(self): return self.name\n";
        let user = "from base import Base\nclass Color(Base):\n    \"\"\"only a docstring\"\"\"\nclass Mode(Color): A = 1\nclass Other(object):\n    A = 1\n";
        let got = rewritten(&[base, user]);
        assert_eq!(got[0], base, "a body of methods only is left alone");
        assert!(got[1].contains(&format!("\"\"\"only a docstring\"\"\"{SEAL})\n")), "{}", got[1]);
        assert!(got[1].contains(&format!("class Mode(Color): A = 1{SEAL}\"A\")\n")), "{}", got[1]);
        assert!(got[1].contains("class Other(object):\n    A = 1\n"));
    }

    #[test]
    fn own_output_is_left_as_it_is() {
        let once = rewritten(&["from enum import Enum\nclass S(Enum):\n    A = 1\n"]).remove(0);
        assert_eq!(rewritten(&[&once])[0], once);
    }
}
