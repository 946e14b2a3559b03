//! Turning the coloring into byte-range edits: `async ` before colored defs, `await ` before
//! blocking calls (parenthesised where a primary follows), the runtime's sleep for `time.sleep`,
//! `__gy.run(...)` around blocking calls at module top level, the runtime import, and the wait for
//! non-daemon threads at the end of the entry script. The edits are applied by `edit`.

use std::collections::{BTreeSet, HashSet};

use crate::color::{Coloring, Conversion};
use crate::diag::{Code, Diagnostic, Location};
use crate::edit::Edit;
use crate::guard::{LoopFact, Spot, GUARD_CALL};
use crate::parse::ast::{self, Expr, Ranged, Stmt};
use crate::parse::Source;
use crate::project::{Module, Program};
use crate::resolve::{Callee, FuncId, Owner, Resolution, ValueRefFact};
use crate::walk::{self, Visitor};

/// The alias of the runtime package in rewritten files.
pub const RUNTIME_ALIAS: &str = "__gy";

/// Line appended to the entry script: CPython waits for non-daemon threads at exit.
pub const EXIT_LINE: &str =
    "if __name__ == \"__main__\": import greenify as __gy; __gy.exit()  # greenify: wait for threads\n";

/// Where the runtime import cannot be placed without moving a line.
#[derive(Debug)]
pub struct NoImportSpot;

impl NoImportSpot {
    /// GY010, at the top of the file.
    pub fn diagnostic(&self, source: &Source) -> Diagnostic {
        Diagnostic::new(Code::NoImportSpot, Location::range(source, 0..0), "no place for the runtime import that keeps every line where it is")
            .with_help("add a blank or comment line, or a docstring, at the top of the file")
    }
}

/// The edits of every module (same order as `Program::modules`), or why a module cannot get
/// them.
pub fn edits(program: &Program, res: &Resolution, coloring: &Coloring) -> Vec<Result<Vec<Edit>, NoImportSpot>> {
    let builds_threads = res.kinds_built.iter().any(|k| k.is_thread());
    let entries = if builds_threads { entry_modules(program, res) } else { HashSet::new() };
    let mut plan = Plan::new(res, coloring, program.modules.len());
    plan.guard_top = builds_threads;
    program.modules.iter().enumerate().map(|(index, module)| plan.module_edits(index, module, entries.contains(&index))).collect()
}

/// Entry scripts: modules that test `__name__ == "__main__"` at top level, and `main.py` at the
/// top of SRC (what MicroPython runs); when there is neither, the top-level modules that no other
/// module of the program imports. (The exit line is itself guarded by `__name__`, so an entry
/// that is also imported does nothing more.)
fn entry_modules(program: &Program, res: &Resolution) -> HashSet<usize> {
    let entries: HashSet<usize> = program
        .modules
        .iter()
        .enumerate()
        .filter(|(_, m)| tests_main(&m.file.suite) || (m.name == "main" && !m.is_package))
        .map(|(i, _)| i)
        .collect();
    if !entries.is_empty() {
        return entries;
    }
    let imported: HashSet<usize> = res.imports.values().flat_map(|to| to.iter().copied()).collect();
    program
        .modules
        .iter()
        .enumerate()
        .filter(|(i, m)| !m.name.contains('.') && !m.is_package && !imported.contains(i))
        .map(|(i, _)| i)
        .collect()
}

/// Whether a module has a top-level `if __name__ == "__main__":`.
fn tests_main(suite: &[Stmt]) -> bool {
    suite.iter().any(|stmt| {
        let Stmt::If(i) = stmt else { return false };
        let Expr::Compare(c) = &*i.test else { return false };
        let mut operands = std::iter::once(&*c.left).chain(&c.comparators);
        let name = operands.clone().any(|e| matches!(e, Expr::Name(n) if n.id.as_str() == "__name__"));
        let main = operands.any(|e| matches!(e, Expr::Constant(k) if matches!(&k.value, ast::Constant::Str(s) if s == "__main__")));
        name && main
    })
}

/// The edits, indexed by module.
struct Plan<'r> {
    res: &'r Resolution<'r>,
    coloring: &'r Coloring,
    /// Per module: indices of its call facts, its with facts, and its colored functions.
    calls: Vec<Vec<usize>>,
    withs: Vec<Vec<usize>>,
    colored: Vec<Vec<FuncId>>,
    /// Per module: the library functions used as values (`Thread(target=time.sleep)`).
    value_refs: Vec<Vec<&'r ValueRefFact>>,
    /// Per module: indices of its loops (`Coloring::loops`).
    loops: Vec<Vec<usize>>,
    /// Whether loops at module top level get the guard (the program starts threads).
    guard_top: bool,
}

impl<'r> Plan<'r> {
    fn new(res: &'r Resolution<'r>, coloring: &'r Coloring, modules: usize) -> Self {
        let mut plan = Plan {
            res,
            coloring,
            calls: vec![Vec::new(); modules],
            withs: vec![Vec::new(); modules],
            colored: vec![Vec::new(); modules],
            value_refs: vec![Vec::new(); modules],
            loops: vec![Vec::new(); modules],
            guard_top: false,
        };
        for (i, l) in coloring.loops.iter().enumerate() {
            if let Some(list) = plan.loops.get_mut(l.module) {
                list.push(i);
            }
        }
        for r in &res.value_refs {
            if let Some(list) = plan.value_refs.get_mut(r.module) {
                list.push(r);
            }
        }
        for (i, call) in res.calls.iter().enumerate() {
            if let Some(list) = plan.calls.get_mut(call.module) {
                list.push(i);
            }
        }
        for (i, w) in res.withs.iter().enumerate() {
            if let Some(list) = plan.withs.get_mut(w.module) {
                list.push(i);
            }
        }
        for id in &coloring.colored {
            if let Some(list) = plan.colored.get_mut(id.module) {
                list.push(*id);
            }
        }
        plan
    }

    /// The edits for one module.
    fn module_edits(&self, index: usize, module: &Module, is_entry: bool) -> Result<Vec<Edit>, NoImportSpot> {
        let mut edits = Vec::new();
        let parens = calls_needing_parens(&module.file.suite);
        let text = &module.file.text;
        let mut uses_runtime = false;

        // The guard's openings go first: at one offset they come before `await ` of a call.
        let closes = self.guard_edits(index, module, &mut edits);
        uses_runtime |= !edits.is_empty();

        let mut colored: Vec<&FuncId> = self.colored[index].iter().collect();
        colored.sort();
        for id in colored {
            let Some(f) = self.res.index.functions.get(id) else { continue };
            if !f.is_async && !f.is_lambda() && !f.is_generator {
                edits.push(Edit::insert(id.start, "async "));
            }
        }
        // Outer calls first: at one offset, `await ` of `f().g()` goes before `(await ` of `f()`.
        let mut order: Vec<usize> = self.calls[index].clone();
        order.sort_by_key(|&i| (self.res.calls[i].start, std::cmp::Reverse(self.res.calls[i].end)));
        for i in order {
            let call = &self.res.calls[i];
            let conv = self.coloring.conversions[i];
            if let Some(ctor) = call.constructor {
                uses_runtime |= replace_callee(text, call.func_start, call.func_end, ctor, &mut edits);
            }
            if conv == Conversion::Plain || call.awaited || call.adapted {
                continue;
            }
            let in_colored = match call.owner {
                Owner::Func(f) => {
                    self.coloring.colored.contains(&f)
                        && !call.in_class_body
                        && self.res.index.functions.get(&f).is_some_and(|f| !f.is_lambda() && !f.is_generator)
                }
                Owner::Top(_) => false,
            };
            let (open, close) = match (call.owner, conv) {
                (Owner::Top(_), Conversion::Maybe) => (format!("{RUNTIME_ALIAS}.run({RUNTIME_ALIAS}.maybe("), "))"),
                (Owner::Top(_), _) => (format!("{RUNTIME_ALIAS}.run("), ")"),
                (Owner::Func(_), Conversion::Maybe) if parens.contains(&(call.start, call.end)) => (format!("(await {RUNTIME_ALIAS}.maybe("), "))"),
                (Owner::Func(_), Conversion::Maybe) => (format!("await {RUNTIME_ALIAS}.maybe("), ")"),
                (Owner::Func(_), _) if parens.contains(&(call.start, call.end)) => ("(await ".to_string(), ")"),
                (Owner::Func(_), _) => ("await ".to_string(), ""),
            };
            if matches!(call.owner, Owner::Func(_)) && !in_colored {
                // A lambda or other function that cannot be converted: reported as an error.
                continue;
            }
            uses_runtime |= open.contains(RUNTIME_ALIAS);
            edits.push(Edit::insert(call.start, open));
            if !close.is_empty() {
                edits.push(Edit::insert(call.end, close));
            }
            // A class whose constructor blocks is built by the runtime's factory, which awaits
            // its `__init__`: `await __gy.new(Conn)(host)` (a callee that may also be a function
            // is handed back as it is).
            if call.callees.iter().any(|c| matches!(c, Callee::Construct(init) if self.coloring.colored.contains(init))) {
                uses_runtime = true;
                edits.push(Edit::insert(call.func_start, format!("{RUNTIME_ALIAS}.new(")));
                edits.push(Edit::insert(call.func_end, ")"));
            }
            let seeds: BTreeSet<&'static str> = call
                .callees
                .iter()
                .filter_map(|c| match c {
                    Callee::Seed { replace: Some(r), .. } => Some(*r),
                    _ => None,
                })
                .collect();
            // Only a callee that names the function is replaced (`sleep(1)`, `time.sleep(1)`); a
            // looked-up one (`handlers["nap"](1)`) got the runtime's where its value was taken.
            let all_seeds = call.callees.iter().all(|c| matches!(c, Callee::Seed { replace: Some(_), .. }));
            if seeds.len() == 1 && all_seeds && call.callee_is_reference {
                if let Some(r) = seeds.first() {
                    uses_runtime |= replace_callee(text, call.func_start, call.func_end, r, &mut edits);
                }
            }
        }
        edits.extend(closes);
        for r in &self.value_refs[index] {
            uses_runtime |= replace_callee(text, r.start, r.end, r.replace, &mut edits);
        }
        for &i in &self.withs[index] {
            let w = &self.res.withs[i];
            if self.coloring.async_withs[i] {
                edits.push(Edit::insert(w.start, "async "));
            }
        }
        if uses_runtime && !imports_runtime(&module.file.suite) {
            let aliases = self.mangled_aliases(index, &edits);
            let edit = import_edit(module, &aliases, &edits)?;
            edits.push(edit);
        }
        if is_entry && !text.contains(EXIT_LINE.trim_end()) {
            let end = text.len();
            let sep = if text.is_empty() || text.ends_with('\n') { "" } else { "\n" };
            edits.push(Edit::insert(end, format!("{sep}{EXIT_LINE}")));
        }
        Ok(edits)
    }
}

impl Plan<'_> {
    /// The starvation guard's edits for one module: the openings are pushed on `edits`, the
    /// closing parentheses returned (they go after every other edit at their offset).
    fn guard_edits(&self, index: usize, module: &Module, edits: &mut Vec<Edit>) -> Vec<Edit> {
        let mut closes = Vec::new();
        for &i in &self.loops[index] {
            let l = &self.coloring.loops[i];
            let Some(spot) = l.spot else { continue };
            if l.in_local_class || self.waits_every_iteration(index, l) || self.iterates_results(index, l) {
                continue;
            }
            let yield_ = match l.owner {
                Owner::Func(f) => {
                    let convertible = self.coloring.colored.contains(&f)
                        && self.res.index.functions.get(&f).is_some_and(|f| !f.is_async && !f.is_lambda() && !f.is_generator);
                    if !convertible {
                        continue;
                    }
                    format!("await {RUNTIME_ALIAS}.yield_()")
                }
                Owner::Top(_) if self.guard_top => format!("{RUNTIME_ALIAS}.run({RUNTIME_ALIAS}.yield_())"),
                Owner::Top(_) => continue,
            };
            let rel = module.file.rel.to_string_lossy().replace('\\', "/").replace('\'', "");
            let check = format!("{GUARD_CALL}'{rel}:{}') and {yield_}", l.line);
            match spot {
                Spot::Test { start, end } => {
                    edits.push(Edit::insert(start, format!("{check} or (")));
                    closes.push(Edit::insert(end, ")"));
                }
                Spot::Before(at) => edits.push(Edit::insert(at, format!("{check}; "))),
            }
        }
        closes
    }

    /// Whether a loop is a `for` over thread pool results, which waits for each one.
    fn iterates_results(&self, index: usize, l: &LoopFact) -> bool {
        self.withs[index].iter().any(|&i| self.res.withs[i].is_for && self.res.withs[i].start == l.start)
    }

    /// Whether a loop waits on every iteration anyway: a blocking call in a statement directly
    /// in its body (or in a `while` test). A wait that may be skipped (inside an `if`) does not
    /// count, nor does `with lock:` (a free lock is taken without switching).
    fn waits_every_iteration(&self, index: usize, l: &LoopFact) -> bool {
        let test = match l.spot {
            Some(Spot::Test { start, end }) if l.is_while => Some((start, end)),
            _ => None,
        };
        self.calls[index].iter().any(|&c| {
            let call = &self.res.calls[c];
            // Already converted (greenify's own output): `await f()`, `__gy.run(f())`.
            let blocks = self.coloring.conversions[c] != Conversion::Plain || call.awaited || call.adapted;
            blocks
                && call.owner == l.owner
                && l.top_simple.iter().chain(test.iter()).any(|&(s, e)| s <= call.start && call.end <= e)
        })
    }

    /// Inside a class body CPython mangles `__gy` to `_ClassName__gy` (MicroPython does not): the
    /// mangled names of the classes whose bodies hold an edit that uses the alias.
    fn mangled_aliases(&self, module: usize, edits: &[Edit]) -> Vec<String> {
        let mut classes: Vec<(usize, usize, &str)> = self
            .res
            .index
            .classes
            .values()
            .filter(|c| c.id.module == module)
            .map(|c| (c.id.start, usize::from(c.node.range.end()), c.node.name.as_str()))
            .collect();
        classes.sort_unstable();
        let mut uses: Vec<usize> = edits.iter().filter(|e| e.text.contains(RUNTIME_ALIAS)).map(|e| e.start).collect();
        uses.sort_unstable();
        // One sweep over both in order (class bodies nest): the classes open at a use, innermost
        // last. Comparing every use with every class was quadratic in a big file.
        let mut aliases = BTreeSet::new();
        let mut open: Vec<(usize, usize, &str)> = Vec::new();
        let mut next = 0;
        for at in uses {
            while let Some(&class) = classes.get(next).filter(|c| c.0 < at) {
                while open.last().is_some_and(|o| o.1 <= class.0) {
                    open.pop();
                }
                open.push(class);
                next += 1;
            }
            while open.last().is_some_and(|o| o.1 <= at) {
                open.pop();
            }
            if let Some((_, _, name)) = open.last() {
                let stripped = name.trim_start_matches('_');
                if !stripped.is_empty() {
                    aliases.insert(format!("_{stripped}{RUNTIME_ALIAS}"));
                }
            }
        }
        aliases.into_iter().collect()
    }
}

/// Replaces a callee with the runtime's (`time.sleep` -> `__gy.sleep`) unless it already is.
/// Returns whether the runtime alias is used.
fn replace_callee(text: &str, start: usize, end: usize, runtime_name: &str, edits: &mut Vec<Edit>) -> bool {
    let mut new = format!("{RUNTIME_ALIAS}.{runtime_name}");
    let old = text.get(start..end).unwrap_or("");
    if old != new {
        // A name split over lines (`(time\n .sleep)`) keeps its line breaks, as joined lines.
        for _ in old.matches('\n') {
            new.push_str("\\\n");
        }
        edits.push(Edit::replace(start, end, new));
    }
    true
}

/// Whether the module already has `import greenify as __gy` (greenify's own output).
fn imports_runtime(suite: &[Stmt]) -> bool {
    suite.iter().any(|stmt| match stmt {
        Stmt::Import(i) => i.names.iter().any(|a| a.name.as_str() == "greenify" && a.asname.as_ref().is_some_and(|n| n.as_str() == RUNTIME_ALIAS)),
        Stmt::Try(t) => imports_runtime(&t.body),
        _ => false,
    })
}

/// Calls that are the operand of a primary (`.attr`, `[i]`, `(...)`): `await` binds looser.
fn calls_needing_parens(suite: &[Stmt]) -> HashSet<(usize, usize)> {
    struct Finder(HashSet<(usize, usize)>);
    impl<'a> Visitor<'a> for Finder {
        fn visit_expr(&mut self, expr: &'a Expr) {
            let operand = match expr {
                Expr::Attribute(e) => Some(&*e.value),
                Expr::Subscript(e) => Some(&*e.value),
                Expr::Call(e) => Some(&*e.func),
                _ => None,
            };
            if let Some(Expr::Call(call)) = operand {
                self.0.insert((usize::from(call.range.start()), usize::from(call.range.end())));
            }
            walk::walk_expr(self, expr);
        }
    }
    let mut finder = Finder(HashSet::new());
    finder.visit_body(suite);
    finder.0
}

/// `import greenify as __gy` placed on an existing line (see docs/ARCHITECTURE.md).
/// The import statement(s) put in: `import greenify as __gy`, and for each class whose body uses
/// the alias, the name CPython's private-name mangling turns it into there (`_Client__gy = __gy`).
fn import_text(aliases: &[String]) -> String {
    let mut text = format!("import greenify as {RUNTIME_ALIAS}");
    for alias in aliases {
        text.push_str(&format!("; {alias} = {RUNTIME_ALIAS}"));
    }
    text
}

fn import_edit(module: &Module, aliases: &[String], edits: &[Edit]) -> Result<Edit, NoImportSpot> {
    let suite = &module.file.suite;
    let mut index = 0;
    while index < suite.len() && (is_docstring(&suite[index], index) || is_future_import(&suite[index])) {
        index += 1;
    }
    if let Some(stmt) = first_simple_statement(&suite[index..]) {
        return Ok(Edit::insert(usize::from(stmt.range().start()), format!("{}; ", import_text(aliases))));
    }
    if index > 0 {
        let end = usize::from(suite[index - 1].range().end());
        return Ok(Edit::insert(end, format!("; {}", import_text(aliases))));
    }
    own_line_edit(module, aliases, edits).ok_or(NoImportSpot)
}

/// The import on a line of its own, for a module that starts with a compound statement (`def`,
/// `class`, `if`...): on an empty line or a column-0 comment line between top-level statements
/// (before the comment), or appended
/// as a new last line. Either must come before the first use of the alias that runs when the
/// module is imported: an edit outside every function body (a call at top level, a decorator, a
/// default value); uses inside function bodies run only when the function is called, after the
/// import has run.
fn own_line_edit(module: &Module, aliases: &[String], edits: &[Edit]) -> Option<Edit> {
    let file = &module.file;
    let text = &file.text;
    let mut bodies = Vec::new();
    function_bodies(&file.suite, &mut bodies);
    // Nested bodies lie inside outer ones: their union, sorted and disjoint, is searched by
    // halves (a scan of every body per edit was quadratic in a big file).
    bodies.sort_unstable_by_key(|b| b.start);
    let mut union: Vec<std::ops::Range<usize>> = Vec::new();
    for body in bodies {
        match union.last_mut() {
            Some(last) if body.start < last.end => last.end = last.end.max(body.end),
            _ => union.push(body),
        }
    }
    let in_body = |at: usize| {
        let i = union.partition_point(|b| b.start <= at);
        i > 0 && at < union[i - 1].end
    };
    let first_use = edits
        .iter()
        .filter(|e| e.text.contains(RUNTIME_ALIAS))
        .map(|e| e.start)
        .filter(|&at| !in_body(at))
        .min()
        .unwrap_or(text.len() + 1);
    let statements: Vec<std::ops::Range<usize>> = file.suite.iter().map(statement_range).collect();
    for line in 1..=file.line_count() {
        let range = file.line_range(line);
        if range.end > first_use {
            break;
        }
        // An empty line, or a comment at column 0 (the import then keeps the line's indentation).
        let content = text.get(range.clone()).unwrap_or("").trim_end();
        let free = content.is_empty() || (content.starts_with('#') && !is_magic_comment(line, content));
        let outside = !statements.iter().any(|s| s.start < range.end && range.start < s.end);
        if free && outside {
            return Some(Edit::insert(range.start, format!("{}  ", import_text(aliases))));
        }
    }
    if first_use > text.len() {
        let sep = if text.is_empty() || text.ends_with('\n') { "" } else { "\n" };
        return Some(Edit::insert(text.len(), format!("{sep}{}\n", import_text(aliases))));
    }
    None
}

/// A statement's byte range, its decorators included (a blank line may sit between them).
fn statement_range(stmt: &Stmt) -> std::ops::Range<usize> {
    let decorators = match stmt {
        Stmt::FunctionDef(f) => &f.decorator_list,
        Stmt::AsyncFunctionDef(f) => &f.decorator_list,
        Stmt::ClassDef(c) => &c.decorator_list,
        _ => return usize::from(stmt.range().start())..usize::from(stmt.range().end()),
    };
    let start = decorators.iter().map(|d| usize::from(d.range().start())).chain([usize::from(stmt.range().start())]).min();
    start.unwrap_or(0)..usize::from(stmt.range().end())
}

/// A `#!` line or an encoding declaration: they must stay comment-only lines.
fn is_magic_comment(line: usize, content: &str) -> bool {
    line <= 2 && (content.starts_with("#!") || content.contains("coding:") || content.contains("coding="))
}

/// The byte ranges of every function body in `suite` (nested functions lie inside their outer one).
fn function_bodies(suite: &[Stmt], out: &mut Vec<std::ops::Range<usize>>) {
    for stmt in suite {
        match stmt {
            Stmt::FunctionDef(f) => out.extend(body_range(&f.body)),
            Stmt::AsyncFunctionDef(f) => out.extend(body_range(&f.body)),
            Stmt::ClassDef(c) => function_bodies(&c.body, out),
            Stmt::If(s) => {
                function_bodies(&s.body, out);
                function_bodies(&s.orelse, out);
            }
            Stmt::For(s) => {
                function_bodies(&s.body, out);
                function_bodies(&s.orelse, out);
            }
            Stmt::While(s) => {
                function_bodies(&s.body, out);
                function_bodies(&s.orelse, out);
            }
            Stmt::With(s) => function_bodies(&s.body, out),
            Stmt::Try(s) => {
                function_bodies(&s.body, out);
                for handler in &s.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = handler;
                    function_bodies(&h.body, out);
                }
                function_bodies(&s.orelse, out);
                function_bodies(&s.finalbody, out);
            }
            _ => {}
        }
    }
}

fn body_range(body: &[Stmt]) -> Option<std::ops::Range<usize>> {
    let first = body.first()?;
    let last = body.last()?;
    Some(usize::from(first.range().start())..usize::from(last.range().end()))
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
