//! A small borrowed walker over the AST. rustpython-ast's own `Visitor` takes nodes by value; the
//! passes here only read, so they implement `Visitor` and override what they care about, calling
//! the `walk_*` functions to descend.

// The syntax tree's types straight from the parser crate (as `parse::ast` re-exports them), so that
// `parse` itself can walk trees without an import cycle.
use rustpython_parser::ast::{self, Expr, Stmt};

pub trait Visitor<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        walk_stmt(self, stmt);
    }
    fn visit_expr(&mut self, expr: &'a Expr) {
        walk_expr(self, expr);
    }
    fn visit_body(&mut self, body: &'a [Stmt]) {
        for stmt in body {
            self.visit_stmt(stmt);
        }
    }
    fn visit_arguments(&mut self, args: &'a ast::Arguments) {
        walk_arguments(self, args);
    }
}

pub fn walk_arguments<'a, V: Visitor<'a> + ?Sized>(v: &mut V, args: &'a ast::Arguments) {
    let all = args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs);
    for arg in all {
        if let Some(default) = &arg.default {
            v.visit_expr(default);
        }
    }
}

pub fn walk_stmt<'a, V: Visitor<'a> + ?Sized>(v: &mut V, stmt: &'a Stmt) {
    match stmt {
        Stmt::FunctionDef(s) => {
            s.decorator_list.iter().for_each(|e| v.visit_expr(e));
            v.visit_arguments(&s.args);
            v.visit_body(&s.body);
        }
        Stmt::AsyncFunctionDef(s) => {
            s.decorator_list.iter().for_each(|e| v.visit_expr(e));
            v.visit_arguments(&s.args);
            v.visit_body(&s.body);
        }
        Stmt::ClassDef(s) => {
            s.decorator_list.iter().for_each(|e| v.visit_expr(e));
            s.bases.iter().for_each(|e| v.visit_expr(e));
            s.keywords.iter().for_each(|k| v.visit_expr(&k.value));
            v.visit_body(&s.body);
        }
        Stmt::Return(s) => s.value.iter().for_each(|e| v.visit_expr(e)),
        Stmt::Delete(s) => s.targets.iter().for_each(|e| v.visit_expr(e)),
        Stmt::Assign(s) => {
            v.visit_expr(&s.value);
            s.targets.iter().for_each(|e| v.visit_expr(e));
        }
        Stmt::TypeAlias(s) => v.visit_expr(&s.value),
        Stmt::AugAssign(s) => {
            v.visit_expr(&s.target);
            v.visit_expr(&s.value);
        }
        Stmt::AnnAssign(s) => {
            s.value.iter().for_each(|e| v.visit_expr(e));
            v.visit_expr(&s.target);
        }
        Stmt::For(s) => {
            v.visit_expr(&s.iter);
            v.visit_expr(&s.target);
            v.visit_body(&s.body);
            v.visit_body(&s.orelse);
        }
        Stmt::AsyncFor(s) => {
            v.visit_expr(&s.iter);
            v.visit_expr(&s.target);
            v.visit_body(&s.body);
            v.visit_body(&s.orelse);
        }
        Stmt::While(s) => {
            v.visit_expr(&s.test);
            v.visit_body(&s.body);
            v.visit_body(&s.orelse);
        }
        Stmt::If(s) => {
            v.visit_expr(&s.test);
            v.visit_body(&s.body);
            v.visit_body(&s.orelse);
        }
        Stmt::With(s) => {
            for item in &s.items {
                v.visit_expr(&item.context_expr);
                item.optional_vars.iter().for_each(|e| v.visit_expr(e));
            }
            v.visit_body(&s.body);
        }
        Stmt::AsyncWith(s) => {
            for item in &s.items {
                v.visit_expr(&item.context_expr);
                item.optional_vars.iter().for_each(|e| v.visit_expr(e));
            }
            v.visit_body(&s.body);
        }
        Stmt::Match(s) => {
            v.visit_expr(&s.subject);
            for case in &s.cases {
                case.guard.iter().for_each(|e| v.visit_expr(e));
                v.visit_body(&case.body);
            }
        }
        Stmt::Raise(s) => {
            s.exc.iter().for_each(|e| v.visit_expr(e));
            s.cause.iter().for_each(|e| v.visit_expr(e));
        }
        Stmt::Try(s) => walk_try(v, &s.body, &s.handlers, &s.orelse, &s.finalbody),
        Stmt::TryStar(s) => walk_try(v, &s.body, &s.handlers, &s.orelse, &s.finalbody),
        Stmt::Assert(s) => {
            v.visit_expr(&s.test);
            s.msg.iter().for_each(|e| v.visit_expr(e));
        }
        Stmt::Expr(s) => v.visit_expr(&s.value),
        Stmt::Import(_)
        | Stmt::ImportFrom(_)
        | Stmt::Global(_)
        | Stmt::Nonlocal(_)
        | Stmt::Pass(_)
        | Stmt::Break(_)
        | Stmt::Continue(_) => {}
    }
}

fn walk_try<'a, V: Visitor<'a> + ?Sized>(
    v: &mut V,
    body: &'a [Stmt],
    handlers: &'a [ast::ExceptHandler],
    orelse: &'a [Stmt],
    finalbody: &'a [Stmt],
) {
    v.visit_body(body);
    for handler in handlers {
        let ast::ExceptHandler::ExceptHandler(h) = handler;
        h.type_.iter().for_each(|e| v.visit_expr(e));
        v.visit_body(&h.body);
    }
    v.visit_body(orelse);
    v.visit_body(finalbody);
}

fn walk_generators<'a, V: Visitor<'a> + ?Sized>(v: &mut V, gens: &'a [ast::Comprehension]) {
    for comp in gens {
        v.visit_expr(&comp.iter);
        v.visit_expr(&comp.target);
        comp.ifs.iter().for_each(|e| v.visit_expr(e));
    }
}

pub fn walk_expr<'a, V: Visitor<'a> + ?Sized>(v: &mut V, expr: &'a Expr) {
    match expr {
        Expr::BoolOp(e) => e.values.iter().for_each(|x| v.visit_expr(x)),
        Expr::NamedExpr(e) => {
            v.visit_expr(&e.value);
            v.visit_expr(&e.target);
        }
        Expr::BinOp(e) => {
            v.visit_expr(&e.left);
            v.visit_expr(&e.right);
        }
        Expr::UnaryOp(e) => v.visit_expr(&e.operand),
        Expr::Lambda(e) => {
            v.visit_arguments(&e.args);
            v.visit_expr(&e.body);
        }
        Expr::IfExp(e) => {
            v.visit_expr(&e.test);
            v.visit_expr(&e.body);
            v.visit_expr(&e.orelse);
        }
        Expr::Dict(e) => {
            e.keys.iter().flatten().for_each(|x| v.visit_expr(x));
            e.values.iter().for_each(|x| v.visit_expr(x));
        }
        Expr::Set(e) => e.elts.iter().for_each(|x| v.visit_expr(x)),
        Expr::ListComp(e) => {
            walk_generators(v, &e.generators);
            v.visit_expr(&e.elt);
        }
        Expr::SetComp(e) => {
            walk_generators(v, &e.generators);
            v.visit_expr(&e.elt);
        }
        Expr::DictComp(e) => {
            walk_generators(v, &e.generators);
            v.visit_expr(&e.key);
            v.visit_expr(&e.value);
        }
        Expr::GeneratorExp(e) => {
            walk_generators(v, &e.generators);
            v.visit_expr(&e.elt);
        }
        Expr::Await(e) => v.visit_expr(&e.value),
        Expr::Yield(e) => e.value.iter().for_each(|x| v.visit_expr(x)),
        Expr::YieldFrom(e) => v.visit_expr(&e.value),
        Expr::Compare(e) => {
            v.visit_expr(&e.left);
            e.comparators.iter().for_each(|x| v.visit_expr(x));
        }
        Expr::Call(e) => {
            v.visit_expr(&e.func);
            e.args.iter().for_each(|x| v.visit_expr(x));
            e.keywords.iter().for_each(|k| v.visit_expr(&k.value));
        }
        Expr::FormattedValue(e) => {
            v.visit_expr(&e.value);
            e.format_spec.iter().for_each(|x| v.visit_expr(x));
        }
        Expr::JoinedStr(e) => e.values.iter().for_each(|x| v.visit_expr(x)),
        Expr::Attribute(e) => v.visit_expr(&e.value),
        Expr::Subscript(e) => {
            v.visit_expr(&e.value);
            v.visit_expr(&e.slice);
        }
        Expr::Starred(e) => v.visit_expr(&e.value),
        Expr::List(e) => e.elts.iter().for_each(|x| v.visit_expr(x)),
        Expr::Tuple(e) => e.elts.iter().for_each(|x| v.visit_expr(x)),
        Expr::Slice(e) => {
            e.lower.iter().for_each(|x| v.visit_expr(x));
            e.upper.iter().for_each(|x| v.visit_expr(x));
            e.step.iter().for_each(|x| v.visit_expr(x));
        }
        Expr::Constant(_) | Expr::Name(_) => {}
    }
}
