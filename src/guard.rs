//! The starvation guard: the loops of the program and where a time-slice check can go in each.
//!
//! Green threads switch only where they wait. A loop that never waits keeps every other thread
//! from running, which CPython's preemptive threads never do: a busy-wait for a flag another
//! thread sets (`while not done: pass`) hangs, a CPU-bound worker stops a ticker. The rewriter
//! puts a cheap check on such loops (`__gy.tick(...) and await __gy.yield_()`), which yields to
//! the scheduler once the thread has run longer than a time slice.
//!
//! This module finds, per loop: the code it runs in, whether it *polls* (a `while` loop whose way
//! out no statement of the loop brings about: it waits for another thread), the top-level simple
//! statements of its body (where `rewrite` looks for a wait that happens on every iteration),
//! and the spot for the check. `color` makes the functions of polling loops and the loops of
//! thread bodies async; `rewrite` inserts the check. docs/REWRITER.md ("Starvation guard") states
//! the rules in prose.

use std::collections::HashSet;

use crate::parse::ast::{self, Expr, Ranged, Stmt};
use crate::project::Program;
use crate::resolve::Owner;
use crate::scopes::FuncId;
use crate::walk::{self, Visitor};

/// One `while` or `for` loop of the program.
#[derive(Debug, Clone)]
pub struct LoopFact {
    pub module: usize,
    /// The function whose code it is (or the module's top level, class bodies there included).
    pub owner: Owner,
    /// The loop statement, from its keyword to the end of its body.
    pub start: usize,
    pub end: usize,
    /// 1-based line of the keyword (the runtime's stall report names it).
    pub line: usize,
    pub is_while: bool,
    /// A `while` loop that waits for other threads: see [`polls`].
    pub polls: bool,
    /// In a class body inside a function (no `await` can go there).
    pub in_local_class: bool,
    /// Byte ranges of the simple statements directly in the body.
    pub top_simple: Vec<(usize, usize)>,
    /// Where the check goes; `None`: nowhere that keeps every line (or a check is there already).
    pub spot: Option<Spot>,
}

/// Where the check is inserted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spot {
    /// A `while`/`if` test, which runs on every iteration: `while CHECK or (TEST):`.
    Test { start: usize, end: usize },
    /// Before a simple statement of the body: `CHECK; stmt`.
    Before(usize),
}

/// Every loop of the program, in module order.
pub fn loops(program: &Program) -> Vec<LoopFact> {
    let mut out = Vec::new();
    for (module, m) in program.modules.iter().enumerate() {
        let text = m.file.text.as_str();
        let mut finder = Finder { module, text, owner: Owner::Top(module), in_local_class: false, lines: LineStarts::new(text), out: &mut out };
        finder.visit_body(&m.file.suite);
    }
    out
}

struct Finder<'o, 't> {
    module: usize,
    text: &'t str,
    owner: Owner,
    in_local_class: bool,
    lines: LineStarts,
    out: &'o mut Vec<LoopFact>,
}

impl Finder<'_, '_> {
    fn record(&mut self, stmt: &Stmt, body: &[Stmt], while_test: Option<&Expr>, polls: bool) {
        let start = usize::from(stmt.range().start());
        let spot = match while_test {
            Some(test) => Some(Spot::Test { start: usize::from(test.range().start()), end: usize::from(test.range().end()) }),
            None => body_spot(body),
        };
        let spot = spot.filter(|s| !self.guarded(*s));
        let top_simple = body.iter().filter(|s| is_simple(s)).map(|s| (usize::from(s.range().start()), usize::from(s.range().end()))).collect();
        self.out.push(LoopFact {
            module: self.module,
            owner: self.owner,
            start,
            end: usize::from(stmt.range().end()),
            line: self.lines.line(start),
            is_while: while_test.is_some(),
            polls,
            in_local_class: self.in_local_class,
            top_simple,
            spot,
        });
    }

    /// Whether a check is already at the spot (greenify's own output given as SRC).
    fn guarded(&self, spot: Spot) -> bool {
        let at = match spot {
            Spot::Test { start, .. } | Spot::Before(start) => start,
        };
        self.text.get(at..).is_some_and(|rest| rest.starts_with(GUARD_CALL))
    }

    fn function(&mut self, start: usize, body: &'_ [Stmt]) {
        let saved = (self.owner, self.in_local_class);
        self.owner = Owner::Func(FuncId { module: self.module, start });
        self.in_local_class = false;
        for stmt in body {
            self.visit_stmt(stmt);
        }
        (self.owner, self.in_local_class) = saved;
    }
}

/// How every check starts (see `rewrite`): what marks a loop as already guarded.
pub const GUARD_CALL: &str = "__gy.tick(";

impl<'a> Visitor<'a> for Finder<'_, '_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(d) => {
                d.decorator_list.iter().for_each(|e| self.visit_expr(e));
                self.function(usize::from(d.range.start()), &d.body);
            }
            Stmt::AsyncFunctionDef(d) => {
                d.decorator_list.iter().for_each(|e| self.visit_expr(e));
                self.function(usize::from(d.range.start()), &d.body);
            }
            Stmt::ClassDef(c) => {
                let saved = self.in_local_class;
                self.in_local_class = saved || matches!(self.owner, Owner::Func(_));
                self.visit_body(&c.body);
                self.in_local_class = saved;
            }
            Stmt::While(w) => {
                self.record(stmt, &w.body, Some(&w.test), polls(w));
                walk::walk_stmt(self, stmt);
            }
            Stmt::For(f) => {
                self.record(stmt, &f.body, None, false);
                walk::walk_stmt(self, stmt);
            }
            _ => walk::walk_stmt(self, stmt),
        }
    }
    // Loops are statements: expressions (lambdas, comprehensions) hold none.
    fn visit_expr(&mut self, _expr: &'a Expr) {}
}

/// Byte offsets of line starts, for 1-based line numbers.
struct LineStarts(Vec<usize>);

impl LineStarts {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineStarts(starts)
    }
    fn line(&self, offset: usize) -> usize {
        self.0.partition_point(|&s| s <= offset)
    }
}

fn is_simple(stmt: &Stmt) -> bool {
    !matches!(
        stmt,
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
            | Stmt::Try(_)
            | Stmt::TryStar(_)
    )
}

/// The spot for a `for` loop's check: before the body's first simple statement; else the test
/// of a leading `if`/`while`; else inside a leading `try`/`with`.
fn body_spot(body: &[Stmt]) -> Option<Spot> {
    if let Some(stmt) = body.iter().find(|s| is_simple(s)) {
        return Some(Spot::Before(usize::from(stmt.range().start())));
    }
    match body.first()? {
        Stmt::If(i) => Some(Spot::Test { start: usize::from(i.test.range().start()), end: usize::from(i.test.range().end()) }),
        Stmt::While(w) => Some(Spot::Test { start: usize::from(w.test.range().start()), end: usize::from(w.test.range().end()) }),
        Stmt::Try(t) => body_spot(&t.body),
        Stmt::With(w) => body_spot(&w.body),
        _ => None,
    }
}

/// Whether a `while` loop polls: it has a way out (its test, or the test of an `if` that leads
/// to `break`/`return`/`raise`) and no statement of the loop changes what that way out reads
/// (no assignment to a name or attribute it reads, no method call on one, no call of a program
/// function), or it has no way out at all (`while True:` without `break`). A `break` directly
/// in a `try` body (the loop ends once a call stops raising) polls too. Loops that leave from
/// an `except` handler or with an unconditional `break` do not (drain and retry loops).
pub fn polls(w: &ast::StmtWhile) -> bool {
    let mut exits: Vec<&Expr> = Vec::new();
    if !is_constant(&w.test) {
        exits.push(&w.test);
    }
    let mut shape = Shape::default();
    collect_exits(&w.body, &mut exits, &mut shape, Place::Body);
    if shape.unconditional {
        return false;
    }
    if shape.in_try_body {
        return true;
    }
    if exits.is_empty() {
        return true;
    }
    let mut writes = Writes::default();
    for e in &exits {
        writes.walrus_in(e);
    }
    let exit_ranges: Vec<(usize, usize)> = exits.iter().map(|e| (usize::from(e.range().start()), usize::from(e.range().end()))).collect();
    writes.exits = exit_ranges;
    writes.visit_body(&w.body);
    if writes.opaque_call {
        return false;
    }
    let mut reads = Vec::new();
    for e in &exits {
        read_paths(e, &mut reads);
    }
    !reads.iter().any(|r| writes.paths.iter().any(|w| covers(w, r)))
}

fn is_constant(e: &Expr) -> bool {
    matches!(e, Expr::Constant(_))
}

#[derive(Default)]
struct Shape {
    /// A `break`/`return` that no `if` guards (or in an `except` handler).
    unconditional: bool,
    /// A `break`/`return` directly in a `try` body.
    in_try_body: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Body,
    UnderIf,
    TryBody,
}

/// The tests of `if`s that lead out of the loop, and how other ways out are placed.
fn collect_exits<'a>(body: &'a [Stmt], exits: &mut Vec<&'a Expr>, shape: &mut Shape, place: Place) {
    for stmt in body {
        match stmt {
            Stmt::Break(_) | Stmt::Return(_) => match place {
                Place::Body => shape.unconditional = true,
                Place::TryBody => shape.in_try_body = true,
                Place::UnderIf => {}
            },
            Stmt::If(i) => {
                if leaves(&i.body) || leaves(&i.orelse) {
                    exits.push(&i.test);
                }
                let inner = if place == Place::TryBody { Place::TryBody } else { Place::UnderIf };
                collect_exits(&i.body, exits, shape, inner);
                collect_exits(&i.orelse, exits, shape, inner);
            }
            Stmt::Try(t) => {
                collect_exits(&t.body, exits, shape, Place::TryBody);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    collect_exits(&h.body, exits, shape, if place == Place::UnderIf { Place::UnderIf } else { Place::Body });
                }
                collect_exits(&t.orelse, exits, shape, place);
                collect_exits(&t.finalbody, exits, shape, place);
            }
            Stmt::With(w) => collect_exits(&w.body, exits, shape, place),
            _ => {}
        }
    }
}

/// Whether a block leaves the loop (`break`, `return`, `raise`), not counting inner loops.
fn leaves(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::Break(_) | Stmt::Return(_) | Stmt::Raise(_) => true,
        Stmt::If(i) => leaves(&i.body) || leaves(&i.orelse),
        Stmt::With(w) => leaves(&w.body),
        Stmt::Try(t) => leaves(&t.body) || leaves(&t.orelse) || leaves(&t.finalbody),
        _ => false,
    })
}

/// `a.b.c` as a dotted path, for names and attribute chains on a name.
fn path(e: &Expr) -> Option<String> {
    match e {
        Expr::Name(n) => Some(n.id.to_string()),
        Expr::Attribute(a) => path(&a.value).map(|p| format!("{p}.{}", a.attr)),
        _ => None,
    }
}

/// The longest paths an expression reads (`self.other.ready`, not `self`).
fn read_paths(e: &Expr, out: &mut Vec<String>) {
    struct Reads<'o>(&'o mut Vec<String>);
    impl<'a> Visitor<'a> for Reads<'_> {
        fn visit_expr(&mut self, e: &'a Expr) {
            if let Some(p) = path(e) {
                self.0.push(p);
                return;
            }
            walk::walk_expr(self, e);
        }
    }
    Reads(out).visit_expr(e);
}

/// Whether writing `w` may change what reading `r` gives: the same path, or `w` is a prefix.
fn covers(w: &str, r: &str) -> bool {
    r == w || (r.starts_with(w) && r.as_bytes().get(w.len()) == Some(&b'.'))
}

/// Builtins a loop can call without changing any state it reads.
const PURE_BUILTINS: &[&str] = &[
    "print", "len", "str", "int", "float", "bool", "repr", "abs", "min", "max", "sum", "sorted", "list", "dict",
    "tuple", "set", "isinstance", "hasattr", "getattr", "range", "enumerate", "zip", "id", "hash", "type", "ord",
    "chr", "hex", "round", "any", "all", "format", "divmod", "pow", "bytes", "bytearray",
];

/// What the statements of a loop write: paths assigned or mutated through a method call, and
/// whether it calls a program function (which may write anything).
#[derive(Default)]
struct Writes {
    paths: HashSet<String>,
    opaque_call: bool,
    /// The ways out: calls there are reads, not progress.
    exits: Vec<(usize, usize)>,
}

impl Writes {
    fn target(&mut self, t: &Expr) {
        match t {
            Expr::Name(_) | Expr::Attribute(_) => self.paths.extend(path(t)),
            Expr::Subscript(s) => self.target(&s.value),
            Expr::Tuple(t) => t.elts.iter().for_each(|e| self.target(e)),
            Expr::List(t) => t.elts.iter().for_each(|e| self.target(e)),
            Expr::Starred(s) => self.target(&s.value),
            _ => {}
        }
    }

    fn walrus_in(&mut self, e: &Expr) {
        struct Walrus<'w>(&'w mut Writes);
        impl<'a> Visitor<'a> for Walrus<'_> {
            fn visit_expr(&mut self, e: &'a Expr) {
                if let Expr::NamedExpr(n) = e {
                    self.0.target(&n.target);
                }
                walk::walk_expr(self, e);
            }
        }
        Walrus(self).visit_expr(e);
    }

    fn in_exit(&self, e: &Expr) -> bool {
        let (s, end) = (usize::from(e.range().start()), usize::from(e.range().end()));
        self.exits.iter().any(|&(a, b)| a <= s && end <= b)
    }
}

impl<'a> Visitor<'a> for Writes {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            // Code defined in the loop runs when called, not here.
            Stmt::FunctionDef(_) | Stmt::AsyncFunctionDef(_) | Stmt::ClassDef(_) => return,
            Stmt::Assign(s) => s.targets.iter().for_each(|t| self.target(t)),
            Stmt::AugAssign(s) => self.target(&s.target),
            Stmt::AnnAssign(s) => self.target(&s.target),
            Stmt::Delete(s) => s.targets.iter().for_each(|t| self.target(t)),
            Stmt::For(f) => self.target(&f.target),
            Stmt::With(w) => w.items.iter().filter_map(|i| i.optional_vars.as_deref()).for_each(|t| self.target(t)),
            Stmt::Import(i) => i.names.iter().for_each(|a| {
                self.paths.insert(a.asname.as_ref().unwrap_or(&a.name).to_string());
            }),
            Stmt::ImportFrom(i) => i.names.iter().for_each(|a| {
                self.paths.insert(a.asname.as_ref().unwrap_or(&a.name).to_string());
            }),
            _ => {}
        }
        walk::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, e: &'a Expr) {
        match e {
            Expr::Lambda(_) => return,
            Expr::NamedExpr(n) => self.target(&n.target),
            Expr::Call(c) if !self.in_exit(e) => match &*c.func {
                Expr::Name(n) if PURE_BUILTINS.contains(&n.id.as_str()) => {}
                Expr::Name(_) => self.opaque_call = true,
                Expr::Attribute(a) => self.paths.extend(path(&a.value)),
                _ => self.opaque_call = true,
            },
            _ => {}
        }
        walk::walk_expr(self, e);
    }
}
