//! `@dataclass` on MicroPython: the edit (both backends) that keeps a data class's fields.
//!
//! MicroPython drops annotations (`id: int` in a class body leaves nothing) and a class's
//! namespace is not ordered, so the compat `dataclasses` module cannot find the fields at run
//! time. In the body of a class with a decorator named `dataclass` (`@dataclass`,
//! `@dataclass(order=True)`, `@dataclasses.dataclass`...), each annotated statement of the body
//! itself (`name: ann` or `name: ann = value`) gets `; __gyann__ = (("name", "ann"),)` (the
//! first) or `; __gyann__ += (("name", "ann"),)` (the others) at its end: an ordered tuple of the
//! field names and annotation texts, on the statement's own last line. The compat module reads
//! and deletes it; CPython's `dataclasses` ignores it (a plain class attribute, not annotated).

use crate::edit::Edit;
use crate::parse::ast::{self, Expr, Ranged, Stmt};
use crate::parse::Source;
use crate::walk::{self, Visitor};

/// The class attribute the edits build.
pub const ATTRIBUTE: &str = "__gyann__";

/// The edits for one module (empty: no data class).
pub fn edits(source: &Source, suite: &[Stmt]) -> Vec<Edit> {
    let mut finder = Finder { source, edits: Vec::new() };
    finder.visit_body(suite);
    finder.edits
}

/// Whether a decorator is `dataclass` by its name: `dataclass`, `x.dataclass`, either called.
fn is_dataclass(decorator: &Expr) -> bool {
    let callee = match decorator {
        Expr::Call(c) => &*c.func,
        other => other,
    };
    match callee {
        Expr::Name(n) => n.id.as_str() == "dataclass",
        Expr::Attribute(a) => a.attr.as_str() == "dataclass",
        _ => false,
    }
}

/// A Python string literal of `text`, on one line.
fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    let mut last_space = false;
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' | ' ' => {
                if !last_space {
                    out.push(' ');
                }
                last_space = true;
                continue;
            }
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c => out.push(c),
        }
        last_space = false;
    }
    out.push('"');
    out
}

/// Whether a statement is `__gyann__ = ...` or `__gyann__ += ...` (an edit made before).
fn assigns_fields(stmt: &Stmt) -> bool {
    let target = match stmt {
        Stmt::Assign(a) if a.targets.len() == 1 => &a.targets[0],
        Stmt::AugAssign(a) => &*a.target,
        _ => return false,
    };
    matches!(target, Expr::Name(n) if n.id.as_str() == ATTRIBUTE)
}

struct Finder<'s> {
    source: &'s Source,
    edits: Vec<Edit>,
}

impl Finder<'_> {
    fn fields(&mut self, class: &ast::StmtClassDef) {
        if class.body.iter().any(assigns_fields) {
            // greenify's own output: the fields are listed already.
            return;
        }
        let mut first = true;
        for stmt in &class.body {
            let Stmt::AnnAssign(a) = stmt else { continue };
            let Expr::Name(target) = &*a.target else { continue };
            let ann = a.annotation.range();
            let ann = self.source.slice(usize::from(ann.start()), usize::from(ann.end()));
            let op = if first { "=" } else { "+=" };
            first = false;
            let text = format!("; {ATTRIBUTE} {op} ((\"{}\", {}),)", target.id.as_str(), literal(ann.trim()));
            self.edits.push(Edit::insert(usize::from(stmt.range().end()), text));
        }
    }
}

impl<'a> Visitor<'a> for Finder<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if let Stmt::ClassDef(class) = stmt {
            if class.decorator_list.iter().any(is_dataclass) {
                self.fields(class);
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

    fn rewritten(text: &str) -> String {
        let suite = parse_suite(text, "m.py").expect("parses");
        let source = Source::new("m.py".into(), text.to_string());
        apply(text, &edits(&source, &suite)).expect("edits apply")
    }

    #[test]
    fn fields_of_a_data_class_are_listed_in_order_on_their_lines() {
        let text = "@dataclass\nclass T:\n    id: int\n    name: 'str' = \"x\"  # c\n    def f(self):\n        y: int = 1\n    tags: list = field(\n        default_factory=list)\n";
        let want = "@dataclass\nclass T:\n    id: int; __gyann__ = ((\"id\", \"int\"),)\n    name: 'str' = \"x\"; __gyann__ += ((\"name\", \"'str'\"),)  # c\n    def f(self):\n        y: int = 1\n    tags: list = field(\n        default_factory=list); __gyann__ += ((\"tags\", \"list\"),)\n";
        assert_eq!(rewritten(text), want);
    }

    #[test]
    fn only_classes_decorated_dataclass() {
        let text = "class P:\n    x: int\n@dataclasses.dataclass(order=True)\nclass Q:\n    a: Dict[str, \"Q\"]\n@other\nclass R:\n    b: int\n";
        let want = "class P:\n    x: int\n@dataclasses.dataclass(order=True)\nclass Q:\n    a: Dict[str, \"Q\"]; __gyann__ = ((\"a\", \"Dict[str, \\\"Q\\\"]\"),)\n@other\nclass R:\n    b: int\n";
        assert_eq!(rewritten(text), want);
        let nested = "def f():\n    @dataclass\n    class N:\n        v: int\n    return N\n";
        assert!(rewritten(nested).contains("v: int; __gyann__ = ((\"v\", \"int\"),)\n"));
    }

    #[test]
    fn own_output_is_left_as_it_is() {
        let once = rewritten("@dataclass\nclass T:\n    id: int\n    name: str = 'x'\n");
        assert_eq!(rewritten(&once), once);
    }
}
