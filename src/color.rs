//! Coloring: which functions can block. A function is colored when it contains a blocking call
//! (a seed) or a call to a colored function; colors propagate over the call graph to a fixpoint.
//!
//! WALKING SKELETON: resolution here is by name within one module (module functions, methods via
//! `self.`), seeds by callee shape. The full resolver (imports across modules, inferred receiver
//! kinds) replaces `classify_call`.

use std::collections::{HashMap, HashSet};

use crate::parse::ast::{self, Expr, Stmt};
use crate::project::Program;
use crate::resolve::{ModuleScope, Target};
use crate::walk::{self, Visitor};

/// A function of the program: module index and the byte offset of its `def`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FuncId {
    pub module: usize,
    pub start: usize,
}

/// What a call does, as far as coloring is concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallKind {
    /// `time.sleep` & co: the callee is replaced by the runtime's awaitable sleep.
    Sleep(&'static str),
    /// A blocking method of a runtime object (`q.get()`, `t.join()`), awaited as is.
    BlockingMethod(String),
    /// A call of functions of the program.
    Calls(Vec<FuncId>),
}

/// A call site: where it is and what it does.
#[derive(Debug, Clone)]
pub struct CallSite {
    pub start: usize,
    pub end: usize,
    /// Byte range of the callee expression (replaced for `Sleep`).
    pub func_start: usize,
    pub func_end: usize,
    pub kind: CallKind,
}

/// One function's facts.
#[derive(Debug, Clone)]
pub struct Function {
    pub id: FuncId,
    pub name: String,
    pub calls: Vec<CallSite>,
}

/// The result: every function, which are colored, and why.
pub struct Coloring {
    pub functions: HashMap<FuncId, Function>,
    pub colored: HashSet<FuncId>,
    /// Calls at module top level (outside any def), per module.
    pub top_level_calls: Vec<Vec<CallSite>>,
}

impl Coloring {
    /// Whether this call site blocks: a seed, or a call of a colored function.
    pub fn blocks(&self, call: &CallSite) -> bool {
        match &call.kind {
            CallKind::Sleep(_) | CallKind::BlockingMethod(_) => true,
            CallKind::Calls(ids) => ids.iter().any(|id| self.colored.contains(id)),
        }
    }
}

pub fn color(program: &Program, scopes: &[ModuleScope]) -> Coloring {
    let mut functions = HashMap::new();
    let mut top_level_calls = Vec::new();
    for (index, module) in program.modules.iter().enumerate() {
        let mut collector = Collector { module: index, scope: &scopes[index], stack: Vec::new(), functions: &mut functions, top: Vec::new() };
        collector.visit_body(&module.file.suite);
        top_level_calls.push(collector.top);
    }
    let mut colored = HashSet::new();
    loop {
        let before = colored.len();
        for f in functions.values() {
            if colored.contains(&f.id) {
                continue;
            }
            let blocks = f.calls.iter().any(|c| match &c.kind {
                CallKind::Sleep(_) | CallKind::BlockingMethod(_) => true,
                CallKind::Calls(ids) => ids.iter().any(|id| colored.contains(id)),
            });
            if blocks {
                colored.insert(f.id);
            }
        }
        if colored.len() == before {
            break;
        }
    }
    Coloring { functions, colored, top_level_calls }
}

struct Collector<'a, 'm> {
    module: usize,
    scope: &'m ModuleScope,
    /// The functions being walked, innermost last.
    stack: Vec<FuncId>,
    functions: &'a mut HashMap<FuncId, Function>,
    top: Vec<CallSite>,
}

impl<'a> Visitor<'a> for Collector<'_, '_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if let Stmt::FunctionDef(def) = stmt {
            let id = FuncId { module: self.module, start: usize::from(def.range.start()) };
            self.functions.insert(id, Function { id, name: def.name.to_string(), calls: Vec::new() });
            def.decorator_list.iter().for_each(|e| self.visit_expr(e));
            self.visit_arguments(&def.args);
            self.stack.push(id);
            self.visit_body(&def.body);
            self.stack.pop();
            return;
        }
        walk::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if let Expr::Call(call) = expr {
            if let Some(kind) = classify_call(self.scope, call) {
                let site = CallSite {
                    start: usize::from(call.range.start()),
                    end: usize::from(call.range.end()),
                    func_start: usize::from(ast::Ranged::range(&*call.func).start()),
                    func_end: usize::from(ast::Ranged::range(&*call.func).end()),
                    kind,
                };
                match self.stack.last() {
                    Some(id) => {
                        if let Some(f) = self.functions.get_mut(id) {
                            f.calls.push(site);
                        }
                    }
                    None => self.top.push(site),
                }
            }
        }
        walk::walk_expr(self, expr);
    }
}

const BLOCKING_METHODS: &[&str] = &["join", "get", "put", "acquire", "wait", "wait_for"];

/// SKELETON RULE: a method with a blocking name on a receiver that is not a literal is blocking
/// unless an argument makes it non-blocking (`block=False`, `blocking=False`, first arg `False`).
fn classify_call(scope: &ModuleScope, call: &ast::ExprCall) -> Option<CallKind> {
    match scope.target_of(&call.func) {
        Target::Sleep(name) => return Some(CallKind::Sleep(name)),
        Target::Functions(ids) => return Some(CallKind::Calls(ids)),
        Target::Unknown => {}
    }
    let Expr::Attribute(attr) = &*call.func else { return None };
    let method = attr.attr.as_str();
    if !BLOCKING_METHODS.contains(&method) || matches!(&*attr.value, Expr::Constant(_)) {
        return None;
    }
    let false_kw = call.keywords.iter().any(|k| {
        k.arg.as_ref().is_some_and(|a| a.as_str() == "block" || a.as_str() == "blocking") && is_false(&k.value)
    });
    let false_first = method != "join" && call.args.first().is_some_and(is_false);
    if false_kw || false_first {
        return None;
    }
    Some(CallKind::BlockingMethod(method.to_string()))
}

fn is_false(expr: &Expr) -> bool {
    matches!(expr, Expr::Constant(c) if matches!(c.value, ast::Constant::Bool(false)))
}
