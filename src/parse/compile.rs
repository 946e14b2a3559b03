//! What CPython's compiler refuses in a file that parses: `return`/`yield`/`await` outside a
//! function, `await` outside an async function, `break`/`continue` outside a loop,
//! `nonlocal` at module level or without a binding, invalid and starred assignment targets,
//! `from __future__` after other code. The parser accepts all of these; CPython does not
//! compile them, so greenify refuses them too, at CPython's position, in CPython's words.
//!
//! CPython finds these in four passes, and reports the first error of the first pass that has
//! one: the parser (assignment targets), the `__future__` check, the symbol table (`nonlocal`,
//! `yield` in a comprehension; bindings resolved last), the compiler (the rest). The checker
//! walks once and keeps the first error of each pass.

use std::collections::{HashMap, HashSet};

use rustpython_parser::ast::Ranged;

use rustpython_parser::ast::{self, Expr, Stmt};
use crate::walk::{self, Visitor};

const LATE_FUTURE: &str = "from __future__ imports must occur at the beginning of the file";

/// The pass of CPython that reports an error (earlier wins).
#[derive(Clone, Copy)]
enum Pass {
    Parser = 0,
    Future = 1,
    Symtable = 2,
    Bindings = 3,
    Compiler = 4,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Module,
    Class,
    Function { is_async: bool },
    Lambda,
}

/// One scope that can bind names (comprehensions are not kept: nothing can declare `nonlocal`
/// in them, and their targets bind nothing outside).
struct Scope {
    kind: Kind,
    parent: Option<usize>,
    bound: HashSet<String>,
    /// Names declared global, with where.
    globals: HashMap<String, usize>,
    params: HashSet<String>,
    /// Names read so far (a `global`/`nonlocal` after a use is an error).
    used: HashSet<String>,
    nonlocals: Vec<(String, usize)>,
    /// A `match` binds names through its patterns; such a scope is taken to bind every name
    /// (no false "no binding" error).
    has_match: bool,
    /// An async function with a `yield`: a `return` with a value in it is an error.
    has_yield: bool,
    returns_value: Option<usize>,
}

#[derive(Clone, Copy)]
struct Ctx {
    scope: usize,
    kind: Kind,
    in_loop: bool,
    /// The innermost comprehension being walked (index into `Checker::comprehensions`).
    comprehension: Option<usize>,
}

/// How an assignment target is used, for CPython's wording of an invalid one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Assign,
    Other,
    AugAssign,
    Delete,
}

struct Comprehension {
    awaits: bool,
    /// CPython's name for it ("list comprehension", "generator expression").
    kind: &'static str,
}

struct Checker {
    scopes: Vec<Scope>,
    comprehensions: Vec<Comprehension>,
    ctx: Ctx,
    first: [Option<(usize, String)>; 5],
}

/// The error CPython's compiler would report for `suite`, if any: byte offset and message.
pub fn check(suite: &[Stmt]) -> Option<(usize, String)> {
    let module = Scope::new(Kind::Module, None);
    let ctx = Ctx { scope: 0, kind: Kind::Module, in_loop: false, comprehension: None };
    let mut checker = Checker { scopes: vec![module], comprehensions: Vec::new(), ctx, first: Default::default() };
    checker.future(suite);
    checker.visit_body(suite);
    checker.resolve_nonlocals();
    checker.first.into_iter().flatten().next()
}

impl Scope {
    fn new(kind: Kind, parent: Option<usize>) -> Scope {
        Scope {
            kind,
            parent,
            bound: HashSet::new(),
            globals: HashMap::new(),
            params: HashSet::new(),
            used: HashSet::new(),
            nonlocals: Vec::new(),
            has_match: false,
            has_yield: false,
            returns_value: None,
        }
    }
}

fn start(node: &impl Ranged) -> usize {
    usize::from(node.start())
}

/// CPython's name for an expression that cannot be assigned to.
fn expr_name(expr: &Expr) -> &'static str {
    match expr {
        Expr::Call(_) => "function call",
        Expr::Constant(c) => match c.value {
            ast::Constant::None => "None",
            ast::Constant::Bool(true) => "True",
            ast::Constant::Bool(false) => "False",
            ast::Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Lambda(_) => "lambda",
        Expr::IfExp(_) => "conditional expression",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::GeneratorExp(_) => "generator expression",
        Expr::Await(_) => "await expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Compare(_) => "comparison",
        Expr::FormattedValue(_) | Expr::JoinedStr(_) => "f-string expression",
        Expr::NamedExpr(_) => "named expression",
        Expr::Tuple(_) => "tuple",
        Expr::List(_) => "list",
        Expr::Starred(_) => "starred",
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Name(_) => "name",
        Expr::Slice(_) => "slice",
    }
}

impl Checker {
    fn error(&mut self, pass: Pass, offset: usize, message: impl Into<String>) {
        let slot = &mut self.first[pass as usize];
        // Parser errors come in source order; the other passes report the first they meet.
        match slot {
            Some((at, _)) if matches!(pass, Pass::Parser) && offset < *at => *slot = Some((offset, message.into())),
            None => *slot = Some((offset, message.into())),
            Some(_) => {}
        }
    }

    fn scope(&mut self) -> &mut Scope {
        &mut self.scopes[self.ctx.scope]
    }

    fn bind(&mut self, name: &str) {
        self.scope().bound.insert(name.to_string());
    }

    /// `from __future__ import ...` is allowed only at the top of the module, after the
    /// docstring and other such imports; its features must exist.
    fn future(&mut self, suite: &[Stmt]) {
        let mut at_top = true;
        for (i, stmt) in suite.iter().enumerate() {
            match stmt {
                Stmt::ImportFrom(s) if is_future(s) => {
                    if !at_top {
                        self.error(Pass::Future, start(stmt), LATE_FUTURE);
                        continue;
                    }
                    for alias in &s.names {
                        match alias.name.as_str() {
                            "nested_scopes" | "generators" | "division" | "absolute_import" | "with_statement" | "print_function"
                            | "unicode_literals" | "barry_as_FLUFL" | "generator_stop" | "annotations" => {}
                            "braces" => self.error(Pass::Future, start(stmt), "not a chance"),
                            other => self.error(Pass::Future, start(stmt), format!("future feature {other} is not defined")),
                        }
                    }
                }
                Stmt::Expr(e) if i == 0 && matches!(&*e.value, Expr::Constant(c) if matches!(c.value, ast::Constant::Str(_))) => {}
                _ => at_top = false,
            }
        }
    }

    /// An assignment target: binds its names, checks what CPython refuses.
    fn target(&mut self, expr: &Expr, how: Target) {
        match expr {
            Expr::Name(n) => self.bind(n.id.as_str()),
            Expr::Attribute(a) => self.visit_expr(&a.value),
            Expr::Subscript(s) => {
                self.visit_expr(&s.value);
                self.slice(&s.slice);
            }
            Expr::Tuple(_) | Expr::List(_) if how == Target::AugAssign => {
                self.error(Pass::Parser, start(expr), format!("'{}' is an illegal expression for augmented assignment", expr_name(expr)));
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                let stars = elts.iter().filter(|e| matches!(e, Expr::Starred(_))).count();
                if stars > 1 && how != Target::Delete {
                    self.error(Pass::Compiler, start(expr), "multiple starred expressions in assignment");
                }
                for elt in elts {
                    match elt {
                        Expr::Starred(s) if how == Target::Delete => self.error(Pass::Parser, start(elt), "cannot delete starred"),
                        Expr::Starred(s) => self.target(&s.value, how),
                        _ => self.target(elt, how),
                    }
                }
            }
            Expr::Starred(_) if how == Target::Delete => self.error(Pass::Parser, start(expr), "cannot delete starred"),
            Expr::Starred(s) if how != Target::AugAssign => {
                self.error(Pass::Compiler, start(expr), "starred assignment target must be in a list or tuple");
                self.target(&s.value, how);
            }
            _ => {
                let what = expr_name(expr);
                let message = match how {
                    Target::AugAssign => format!("'{what}' is an illegal expression for augmented assignment"),
                    Target::Delete => format!("cannot delete {what}"),
                    _ if matches!(what, "None" | "True" | "False") => format!("cannot assign to {what}"),
                    Target::Assign => format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?"),
                    Target::Other => format!("cannot assign to {what}"),
                };
                self.error(Pass::Parser, start(expr), message);
            }
        }
    }

    fn with_ctx(&mut self, ctx: Ctx, f: impl FnOnce(&mut Checker)) {
        let saved = std::mem::replace(&mut self.ctx, ctx);
        f(self);
        self.ctx = saved;
    }

    fn loop_body(&mut self, body: &[Stmt], orelse: &[Stmt]) {
        let ctx = Ctx { in_loop: true, ..self.ctx };
        self.with_ctx(ctx, |c| c.visit_body(body));
        self.visit_body(orelse);
    }

    /// A function or lambda: a new scope with its parameters bound.
    fn function(&mut self, kind: Kind, args: &ast::Arguments, body: impl FnOnce(&mut Checker)) {
        walk::walk_arguments(self, args);
        let parent = self.ctx.scope;
        self.scopes.push(Scope::new(kind, Some(parent)));
        let ctx = Ctx { scope: self.scopes.len() - 1, kind, in_loop: false, comprehension: None };
        self.with_ctx(ctx, |c| {
            let all = args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs).map(|a| &a.def);
            for arg in all.chain(args.vararg.as_deref()).chain(args.kwarg.as_deref()) {
                c.scope().params.insert(arg.arg.to_string());
                c.bind(arg.arg.as_str());
            }
            body(c);
            let scope = c.scope();
            if let (Kind::Function { is_async: true }, true, Some(at)) = (scope.kind, scope.has_yield, scope.returns_value) {
                c.error(Pass::Compiler, at, "'return' with value in async generator");
            }
        });
    }

    fn declare(&mut self, stmt: &Stmt, names: &[ast::Identifier], nonlocal: bool) {
        if nonlocal && self.ctx.kind == Kind::Module {
            self.error(Pass::Symtable, start(stmt), "nonlocal declaration not allowed at module level");
            return;
        }
        let what = if nonlocal { "nonlocal" } else { "global" };
        for name in names {
            let scope = &self.scopes[self.ctx.scope];
            let name_str = name.as_str();
            let other = if nonlocal { scope.globals.contains_key(name_str) } else { scope.nonlocals.iter().any(|(n, _)| n == name_str) };
            // CPython reports a name declared both ways at its `global` statement.
            let at = if nonlocal { scope.globals.get(name_str).copied().unwrap_or(start(stmt)) } else { start(stmt) };
            let problem = if other {
                Some(format!("name '{name}' is nonlocal and global"))
            } else if scope.params.contains(name_str) {
                Some(format!("name '{name}' is parameter and {what}"))
            } else if scope.used.contains(name_str) {
                Some(format!("name '{name}' is used prior to {what} declaration"))
            } else if scope.bound.contains(name_str) {
                Some(format!("name '{name}' is assigned to before {what} declaration"))
            } else {
                None
            };
            if let Some(problem) = problem {
                self.error(Pass::Symtable, at, problem);
            }
            let scope = self.scope();
            if nonlocal {
                scope.nonlocals.push((name.to_string(), start(stmt)));
            } else {
                scope.globals.insert(name.to_string(), start(stmt));
            }
        }
    }

    /// Each `nonlocal` name must be bound in an enclosing function (classes are skipped, the
    /// module does not count).
    fn resolve_nonlocals(&mut self) {
        let mut missing = Vec::new();
        for scope in &self.scopes {
            for (name, at) in &scope.nonlocals {
                let mut up = scope.parent;
                let mut found = false;
                while let Some(index) = up {
                    let outer = &self.scopes[index];
                    let binds = outer.has_match || outer.bound.contains(name) || outer.nonlocals.iter().any(|(n, _)| n == name);
                    if matches!(outer.kind, Kind::Function { .. } | Kind::Lambda) && binds && !outer.globals.contains_key(name) {
                        found = true;
                        break;
                    }
                    up = outer.parent;
                }
                if !found {
                    missing.push((*at, format!("no binding for nonlocal '{name}' found")));
                }
            }
        }
        if let Some((at, message)) = missing.into_iter().min() {
            self.error(Pass::Bindings, at, message);
        }
    }

    fn comprehension(&mut self, expr: &Expr, generators: &[ast::Comprehension], elts: &[&Expr], kind: &'static str) {
        // The first iterable is evaluated outside the comprehension.
        if let Some(first) = generators.first() {
            self.visit_expr(&first.iter);
        }
        self.comprehensions.push(Comprehension { awaits: generators.iter().any(|g| g.is_async), kind });
        let index = self.comprehensions.len() - 1;
        let ctx = Ctx { comprehension: Some(index), ..self.ctx };
        self.with_ctx(ctx, |c| {
            for (i, generator) in generators.iter().enumerate() {
                if i > 0 {
                    c.visit_expr(&generator.iter);
                }
                c.comprehension_target(&generator.target);
                generator.ifs.iter().for_each(|e| c.visit_expr(e));
            }
            elts.iter().for_each(|e| c.visit_expr(e));
        });
        let awaits = self.comprehensions[index].awaits;
        let outer_async = matches!(self.ctx.kind, Kind::Function { is_async: true }) || self.ctx.comprehension.is_some();
        if awaits && kind != "generator expression" && !outer_async {
            self.error(Pass::Compiler, start(expr), "asynchronous comprehension outside of an asynchronous function");
        }
    }

    /// A comprehension's target binds in the comprehension only: checked, not bound.
    fn comprehension_target(&mut self, target: &Expr) {
        let saved = std::mem::take(&mut self.scopes[self.ctx.scope].bound);
        self.target(target, Target::Other);
        self.scopes[self.ctx.scope].bound = saved;
    }

    /// A subscript's slice: `a[*b]` and `a[x, *b]` are allowed.
    fn slice(&mut self, slice: &Expr) {
        match slice {
            Expr::Tuple(t) => self.elements(&t.elts),
            Expr::Starred(s) => self.visit_expr(&s.value),
            other => self.visit_expr(other),
        }
    }

    /// Elements where a starred expression is allowed (displays, call arguments).
    fn elements(&mut self, elts: &[Expr]) {
        for elt in elts {
            match elt {
                Expr::Starred(s) => self.visit_expr(&s.value),
                _ => self.visit_expr(elt),
            }
        }
    }
}

fn is_future(s: &ast::StmtImportFrom) -> bool {
    s.module.as_ref().is_some_and(|m| m.as_str() == "__future__") && s.level.is_none_or(|l| l.to_u32() == 0)
}

impl<'a> Visitor<'a> for Checker {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(s) => {
                s.decorator_list.iter().for_each(|e| self.visit_expr(e));
                self.bind(s.name.as_str());
                self.function(Kind::Function { is_async: false }, &s.args, |c| c.visit_body(&s.body));
            }
            Stmt::AsyncFunctionDef(s) => {
                s.decorator_list.iter().for_each(|e| self.visit_expr(e));
                self.bind(s.name.as_str());
                self.function(Kind::Function { is_async: true }, &s.args, |c| c.visit_body(&s.body));
            }
            Stmt::ClassDef(s) => {
                s.decorator_list.iter().for_each(|e| self.visit_expr(e));
                self.elements(&s.bases);
                s.keywords.iter().for_each(|k| self.visit_expr(&k.value));
                self.bind(s.name.as_str());
                let parent = self.ctx.scope;
                self.scopes.push(Scope::new(Kind::Class, Some(parent)));
                let ctx = Ctx { scope: self.scopes.len() - 1, kind: Kind::Class, in_loop: false, comprehension: None };
                self.with_ctx(ctx, |c| c.visit_body(&s.body));
            }
            Stmt::Return(s) => {
                if let Some(value) = &s.value {
                    self.visit_expr(value);
                }
                match self.ctx.kind {
                    Kind::Module | Kind::Class => self.error(Pass::Compiler, start(stmt), "'return' outside function"),
                    _ if s.value.is_some() => {
                        let scope = self.scope();
                        scope.returns_value = scope.returns_value.or(Some(start(stmt)));
                    }
                    _ => {}
                }
            }
            Stmt::Delete(s) => s.targets.iter().for_each(|t| self.target(t, Target::Delete)),
            Stmt::Assign(s) => {
                self.visit_expr(&s.value);
                s.targets.iter().for_each(|t| self.target(t, Target::Assign));
            }
            Stmt::AugAssign(s) => {
                self.visit_expr(&s.value);
                self.target(&s.target, Target::AugAssign);
            }
            Stmt::AnnAssign(s) => {
                if let Some(value) = &s.value {
                    self.visit_expr(value);
                }
                if let Expr::Name(n) = &*s.target {
                    let scope = &self.scopes[self.ctx.scope];
                    let declared = if scope.globals.contains_key(n.id.as_str()) {
                        Some("global")
                    } else if scope.nonlocals.iter().any(|(name, _)| name == n.id.as_str()) {
                        Some("nonlocal")
                    } else {
                        None
                    };
                    if let Some(declared) = declared {
                        self.error(Pass::Symtable, start(stmt), format!("annotated name '{}' can't be {declared}", n.id));
                    }
                }
                match &*s.target {
                    Expr::Tuple(_) => self.error(Pass::Parser, start(&*s.target), "only single target (not tuple) can be annotated"),
                    Expr::List(_) => self.error(Pass::Parser, start(&*s.target), "only single target (not list) can be annotated"),
                    target => self.target(target, Target::Other),
                }
                self.visit_expr(&s.annotation);
            }
            Stmt::For(ast::StmtFor { target, iter, body, orelse, .. }) | Stmt::AsyncFor(ast::StmtAsyncFor { target, iter, body, orelse, .. }) => {
                if matches!(stmt, Stmt::AsyncFor(_)) && !matches!(self.ctx.kind, Kind::Function { is_async: true }) {
                    self.error(Pass::Compiler, start(stmt), "'async for' outside async function");
                }
                self.visit_expr(iter);
                self.target(target, Target::Other);
                self.loop_body(body, orelse);
            }
            Stmt::While(s) => {
                self.visit_expr(&s.test);
                self.loop_body(&s.body, &s.orelse);
            }
            Stmt::With(ast::StmtWith { items, body, .. }) | Stmt::AsyncWith(ast::StmtAsyncWith { items, body, .. }) => {
                if matches!(stmt, Stmt::AsyncWith(_)) && !matches!(self.ctx.kind, Kind::Function { is_async: true }) {
                    self.error(Pass::Compiler, start(stmt), "'async with' outside async function");
                }
                for item in items {
                    self.visit_expr(&item.context_expr);
                    if let Some(vars) = &item.optional_vars {
                        self.target(vars, Target::Other);
                    }
                }
                self.visit_body(body);
            }
            Stmt::Break(_) if !self.ctx.in_loop => self.error(Pass::Compiler, start(stmt), "'break' outside loop"),
            Stmt::Continue(_) if !self.ctx.in_loop => self.error(Pass::Compiler, start(stmt), "'continue' not properly in loop"),
            Stmt::Nonlocal(s) => self.declare(stmt, &s.names, true),
            Stmt::Global(s) => self.declare(stmt, &s.names, false),
            Stmt::Import(s) => {
                for alias in &s.names {
                    let name = alias.asname.as_ref().unwrap_or(&alias.name);
                    let first = name.as_str().split('.').next().unwrap_or("");
                    self.bind(first);
                }
            }
            Stmt::ImportFrom(s) => {
                // `future` checks the module's own statements; one in a function or class is
                // the compiler's error.
                if is_future(s) && self.ctx.kind != Kind::Module {
                    self.error(Pass::Compiler, start(stmt), LATE_FUTURE);
                }
                if let Some(star) = s.names.iter().find(|a| a.name.as_str() == "*").filter(|_| self.ctx.kind != Kind::Module) {
                    self.error(Pass::Symtable, start(star), "import * only allowed at module level");
                }
                for alias in &s.names {
                    self.bind(alias.asname.as_ref().unwrap_or(&alias.name).as_str());
                }
            }
            Stmt::Try(ast::StmtTry { handlers, .. }) | Stmt::TryStar(ast::StmtTryStar { handlers, .. }) => {
                for handler in handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = handler;
                    if let Some(name) = &h.name {
                        self.bind(name.as_str());
                    }
                }
                walk::walk_stmt(self, stmt);
            }
            Stmt::Match(_) => {
                self.scope().has_match = true;
                walk::walk_stmt(self, stmt);
            }
            Stmt::Expr(s) => match &*s.value {
                Expr::Starred(_) => {
                    self.error(Pass::Compiler, start(&*s.value), "can't use starred expression here");
                    walk::walk_expr(self, &s.value);
                }
                _ => self.visit_expr(&s.value),
            },
            _ => walk::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Starred(s) => {
                self.error(Pass::Compiler, start(expr), "can't use starred expression here");
                self.visit_expr(&s.value);
            }
            Expr::Tuple(t) => self.elements(&t.elts),
            Expr::List(t) => self.elements(&t.elts),
            Expr::Set(t) => self.elements(&t.elts),
            Expr::Call(c) => {
                self.visit_expr(&c.func);
                self.elements(&c.args);
                c.keywords.iter().for_each(|k| self.visit_expr(&k.value));
            }
            Expr::Subscript(s) => {
                self.visit_expr(&s.value);
                self.slice(&s.slice);
            }
            Expr::Name(n) if self.ctx.comprehension.is_none() => {
                let name = n.id.to_string();
                self.scope().used.insert(name);
            }
            Expr::Await(a) => {
                match (self.ctx.comprehension, self.ctx.kind) {
                    (Some(index), _) => self.comprehensions[index].awaits = true,
                    (None, Kind::Module | Kind::Class) => self.error(Pass::Compiler, start(expr), "'await' outside function"),
                    (None, Kind::Lambda | Kind::Function { is_async: false }) => {
                        self.error(Pass::Compiler, start(expr), "'await' outside async function")
                    }
                    (None, Kind::Function { is_async: true }) => {}
                }
                self.visit_expr(&a.value);
            }
            Expr::Yield(_) | Expr::YieldFrom(_) => {
                if let Some(index) = self.ctx.comprehension {
                    let message = format!("'yield' inside {}", self.comprehensions[index].kind);
                    self.error(Pass::Symtable, start(expr), message);
                } else if matches!(self.ctx.kind, Kind::Module | Kind::Class) {
                    self.error(Pass::Compiler, start(expr), "'yield' outside function");
                } else {
                    self.scope().has_yield = true;
                }
                walk::walk_expr(self, expr);
            }
            Expr::Lambda(l) => self.function(Kind::Lambda, &l.args, |c| c.visit_expr(&l.body)),
            Expr::ListComp(e) => self.comprehension(expr, &e.generators, &[&e.elt], "list comprehension"),
            Expr::SetComp(e) => self.comprehension(expr, &e.generators, &[&e.elt], "set comprehension"),
            Expr::DictComp(e) => self.comprehension(expr, &e.generators, &[&e.key, &e.value], "dict comprehension"),
            Expr::GeneratorExp(e) => self.comprehension(expr, &e.generators, &[&e.elt], "generator expression"),
            Expr::NamedExpr(n) => {
                self.visit_expr(&n.value);
                match &*n.target {
                    Expr::Name(name) => {
                        // Bound in the enclosing function, also from inside a comprehension.
                        let name = name.id.to_string();
                        self.scope().bound.insert(name);
                    }
                    target => self.error(
                        Pass::Parser,
                        start(target),
                        format!("cannot use assignment expressions with {}", expr_name(target)),
                    ),
                }
            }
            _ => walk::walk_expr(self, expr),
        }
    }
}
