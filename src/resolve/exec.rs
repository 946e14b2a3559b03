//! Statements: what each kind of statement does to the store (assignments and unpacking,
//! `for`, `with`, `try`, imports, `def` with its defaults and decorators, `class` with its bases
//! and class attributes), and the units of work (a module's top level, a function's body).

use super::eval::{Ctx, Eval};
use super::facts::{DecoratorFact, Owner, WithFact, WithItemFact};
use super::state::{Key, State};
use super::value::{external, one, ObjId, ObjTag, Val, ValSet};
use crate::{kinds, outside};
use crate::parse::ast::{self, Expr, Stmt};
use crate::scopes::{end_of, start_of, ClassId, FuncId, FuncNode, MethodKind, ScopeKind};

impl<'p> Eval<'p, '_> {
    fn exec_body(&mut self, body: &'p [Stmt], ctx: &Ctx) {
        for stmt in body {
            self.exec(stmt, ctx);
        }
    }

    fn exec(&mut self, stmt: &'p Stmt, ctx: &Ctx) {
        match stmt {
            Stmt::FunctionDef(d) => self.define_function(start_of(stmt), &d.name, &d.decorator_list, ctx),
            Stmt::AsyncFunctionDef(d) => self.define_function(start_of(stmt), &d.name, &d.decorator_list, ctx),
            Stmt::ClassDef(c) => self.define_class(c, ctx),
            Stmt::Return(r) => {
                if let Some(value) = &r.value {
                    let vals = self.eval(value, ctx);
                    if let Owner::Func(id) = ctx.owner {
                        self.state.add_return(id, &vals);
                    }
                }
            }
            Stmt::Delete(d) => d.targets.iter().for_each(|t| {
                self.eval(t, ctx);
                self.forget_value_ref(t);
            }),
            Stmt::Assign(a) => {
                let vals = self.eval(&a.value, ctx);
                for target in &a.targets {
                    self.assign(target, &vals, ctx);
                }
            }
            Stmt::AugAssign(a) => {
                let vals = self.eval(&a.value, ctx);
                self.aug_assign(&a.target, vals, ctx);
            }
            Stmt::AnnAssign(a) => {
                if let Some(value) = &a.value {
                    let vals = self.eval(value, ctx);
                    self.assign(&a.target, &vals, ctx);
                }
            }
            Stmt::TypeAlias(_) => {}
            Stmt::For(f) => {
                let iter = self.eval_for_iter(start_of(stmt)..end_of(stmt), false, &f.iter, ctx);
                let elems = self.iterate(&iter);
                self.assign(&f.target, &elems, ctx);
                self.exec_body(&f.body, ctx);
                self.exec_body(&f.orelse, ctx);
            }
            Stmt::AsyncFor(f) => {
                let iter = self.eval_for_iter(start_of(stmt)..end_of(stmt), true, &f.iter, ctx);
                let elems = self.iterate(&iter);
                self.assign(&f.target, &elems, ctx);
                self.exec_body(&f.body, ctx);
                self.exec_body(&f.orelse, ctx);
            }
            Stmt::While(w) => {
                self.eval(&w.test, ctx);
                self.exec_body(&w.body, ctx);
                self.exec_body(&w.orelse, ctx);
            }
            Stmt::If(i) => {
                self.eval(&i.test, ctx);
                self.exec_body(&i.body, ctx);
                self.exec_body(&i.orelse, ctx);
            }
            Stmt::With(w) => self.exec_with(start_of(stmt)..end_of(stmt), false, &w.items, &w.body, ctx),
            Stmt::AsyncWith(w) => self.exec_with(start_of(stmt)..end_of(stmt), true, &w.items, &w.body, ctx),
            Stmt::Match(m) => {
                self.eval(&m.subject, ctx);
                for case in &m.cases {
                    if let Some(g) = &case.guard {
                        self.eval(g, ctx);
                    }
                    self.exec_body(&case.body, ctx);
                }
            }
            Stmt::Raise(r) => {
                r.exc.iter().chain(&r.cause).for_each(|e| {
                    self.eval(e, ctx);
                });
            }
            Stmt::Try(t) => self.exec_try(&t.body, &t.handlers, &t.orelse, &t.finalbody, ctx),
            Stmt::TryStar(t) => self.exec_try(&t.body, &t.handlers, &t.orelse, &t.finalbody, ctx),
            Stmt::Assert(a) => {
                self.eval(&a.test, ctx);
                if let Some(m) = &a.msg {
                    self.eval(m, ctx);
                }
            }
            Stmt::Import(i) => self.exec_import(i, ctx),
            Stmt::ImportFrom(i) => self.exec_import_from(i, ctx),
            Stmt::Expr(e) => {
                self.eval(&e.value, ctx);
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
        }
    }

    /// `target op= vals`: the target's parts (`x.attr`, `d[key()]`) are evaluated once, as
    /// Python does, then read and written.
    fn aug_assign(&mut self, target: &'p Expr, mut vals: ValSet, ctx: &Ctx) {
        let (old, base) = match target {
            Expr::Attribute(a) => {
                let base = self.eval(&a.value, ctx);
                (self.attribute(&base, a.attr.as_str()), Some(base))
            }
            Expr::Subscript(s) => {
                let base = self.eval(&s.value, ctx);
                self.eval(&s.slice, ctx);
                (self.subscript(&base, &s.slice), Some(base))
            }
            _ => (self.eval(target, ctx), None),
        };
        // `items += [f]` extends the list in place.
        for v in &old {
            if let Val::Container(obj) = v {
                let elems = self.iterate(&vals);
                self.state.add_elem((*obj, None), &elems);
            }
        }
        vals.extend(old);
        match (target, base) {
            (Expr::Attribute(a), Some(base)) => {
                self.store_attribute(&base, a.attr.as_str(), &vals, start_of(target)..end_of(target), ctx);
            }
            (Expr::Subscript(_), Some(base)) => {
                for v in &base {
                    if let Val::Container(obj) = v {
                        self.state.add_elem((*obj, None), &vals);
                    }
                }
            }
            _ => self.assign(target, &vals, ctx),
        }
    }

    fn exec_try(
        &mut self,
        body: &'p [Stmt],
        handlers: &'p [ast::ExceptHandler],
        orelse: &'p [Stmt],
        finalbody: &'p [Stmt],
        ctx: &Ctx,
    ) {
        self.exec_body(body, ctx);
        for h in handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            if let Some(t) = &h.type_ {
                self.eval(t, ctx);
            }
            if let Some(name) = &h.name {
                self.store_name(name.as_str(), &one(Val::Foreign), ctx);
            }
            self.exec_body(&h.body, ctx);
        }
        self.exec_body(orelse, ctx);
        self.exec_body(finalbody, ctx);
    }

    fn exec_with(&mut self, range: std::ops::Range<usize>, is_async: bool, items: &'p [ast::WithItem], body: &'p [Stmt], ctx: &Ctx) {
        let mut fact = WithFact { module: ctx.module, start: range.start, end: range.end, owner: ctx.owner, is_async, is_for: false, items: Vec::new() };
        for item in items {
            let vals = self.eval(&item.context_expr, ctx);
            for v in &vals {
                if let Val::Instance(c) = v {
                    self.state.note_reader(Key::Class(*c));
                }
            }
            let lock = vals.iter().find_map(|v| match v {
                Val::Runtime(k, _) if k.with_blocks() => Some(*k),
                Val::Instance(c) => self.hierarchy.runtime_base.get(c).copied().filter(|k| k.with_blocks()),
                _ => None,
            });
            fact.items.push(WithItemFact { lock, range: start_of(&item.context_expr)..end_of(&item.context_expr) });
            if let Some(target) = &item.optional_vars {
                let entered = self.entered(&vals);
                self.assign(target, &entered, ctx);
            }
        }
        self.recorded.withs.push(fact);
        self.exec_body(body, ctx);
    }

    /// What `with x as y` binds to `y`.
    fn entered(&mut self, vals: &ValSet) -> ValSet {
        let mut out = ValSet::new();
        for v in vals {
            match v {
                Val::Runtime(..) => {
                    out.insert(v.clone());
                }
                Val::Instance(c) => {
                    for id in self.family_methods(*c, "__enter__") {
                        out.extend(self.state.ret(id));
                    }
                }
                _ => {
                    out.insert(Val::Foreign);
                }
            }
        }
        out
    }

    fn define_function(&mut self, start: usize, name: &str, decorators: &'p [Expr], ctx: &Ctx) {
        let id = FuncId { module: ctx.module, start };
        let Some(info) = self.index.functions.get(&id) else { return };
        // Defaults and decorators run where the def is.
        let args = info.args();
        self.eval_params(id, args, ctx);
        let mut vals = one(Val::Func { id, bound: false });
        for deco in decorators.iter().rev() {
            vals = self.decorate(id, deco, vals, ctx);
        }
        self.store_name(name, &vals, ctx);
        // The body is its own unit of work (`run_unit`).
    }

    /// Evaluates one unit: a module's top level, or a function's body.
    pub(super) fn run_unit(&mut self, unit: Owner) {
        match unit {
            Owner::Top(m) => {
                let ctx = Ctx { module: m, scope: self.index.globals_of(m), owner: unit, class: None, in_comprehension: false, in_class_body: false };
                self.exec_body(&self.program.modules[m].file.suite, &ctx);
            }
            Owner::Func(id) => {
                let Some(info) = self.index.functions.get(&id) else { return };
                let body: &'p [Stmt] = match info.node {
                    FuncNode::Def(d) => &d.body,
                    FuncNode::AsyncDef(d) => &d.body,
                    FuncNode::Lambda(_) => return,
                };
                let ctx = Ctx { module: id.module, scope: info.scope, owner: unit, class: self.enclosing_class(id), in_comprehension: false, in_class_body: false };
                self.exec_body(body, &ctx);
            }
        }
    }

    /// The class whose method `id` is, or whose method `id` is nested in (for `super()`).
    fn enclosing_class(&self, id: FuncId) -> Option<ClassId> {
        let mut scope = self.index.functions.get(&id).map(|f| f.scope);
        while let Some(s) = scope {
            if let ScopeKind::Function(f) = self.index.scopes[s].kind {
                if let Some(class) = self.index.functions.get(&f).and_then(|f| f.class) {
                    return Some(class);
                }
            }
            scope = self.index.scopes[s].parent;
        }
        None
    }

    /// Parameter defaults and the implicit `self`/`cls`.
    pub(super) fn eval_params(&mut self, id: FuncId, args: &'p ast::Arguments, ctx: &Ctx) {
        let Some(info) = self.index.functions.get(&id) else { return };
        let scope = info.scope;
        for a in args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs) {
            if let Some(default) = &a.default {
                let vals = self.eval(default, ctx);
                self.state.add_var(scope, a.def.arg.as_str(), &vals);
            }
        }
        if let Some(first) = args.posonlyargs.iter().chain(&args.args).next() {
            let receiver = match (info.method, info.class) {
                (MethodKind::Instance | MethodKind::Property, Some(c)) => Some(Val::Instance(c)),
                (MethodKind::Class, Some(c)) => Some(Val::Class(c)),
                _ => None,
            };
            if let Some(r) = receiver {
                self.state.add_var(scope, first.def.arg.as_str(), &one(r));
            }
        }
        if let Some(v) = &args.vararg {
            let obj = ObjId { module: id.module, start: id.start, tag: ObjTag::VarArgs };
            self.state.add_var(scope, v.arg.as_str(), &one(Val::Container(obj)));
        }
        if let Some(k) = &args.kwarg {
            let obj = ObjId { module: id.module, start: id.start, tag: ObjTag::KwArgs };
            self.state.add_var(scope, k.arg.as_str(), &one(Val::Container(obj)));
        }
    }

    /// Applies one decorator to the values of a decorated def.
    fn decorate(&mut self, func: FuncId, deco: &'p Expr, vals: ValSet, ctx: &Ctx) -> ValSet {
        let callee = self.eval(deco, ctx);
        let mut out = ValSet::new();
        let mut unknown = false;
        for c in &callee {
            match c {
                Val::External(q) => {
                    let q = q.strip_prefix("builtins.").unwrap_or(q);
                    let property = matches!(q, "property" | "functools.cached_property");
                    if !outside::decorator_passes_coroutines(q) && !property {
                        unknown = true;
                    }
                    out.extend(vals.iter().cloned());
                }
                Val::Func { id, bound } => {
                    self.bind_call(*id, *bound, std::slice::from_ref(&vals), &[], None);
                    out.extend(self.result_of(*id));
                }
                Val::Class(c) => {
                    // A class as decorator: the def becomes an instance built with it
                    // (`self.fn = fn` in `__init__`), called through `__call__`.
                    for init in self.class_methods(*c, "__init__") {
                        self.bind_call(init, true, std::slice::from_ref(&vals), &[], None);
                    }
                    out.insert(Val::Instance(*c));
                }
                Val::Instance(c) => {
                    // `@Retry(3)`: the instance's `__call__` gets the def and returns the result.
                    for call in self.family_methods(*c, "__call__") {
                        self.bind_call(call, true, std::slice::from_ref(&vals), &[], None);
                        out.extend(self.result_of(call));
                    }
                }
                Val::Foreign => {
                    // `@prop.setter` and `@functools.wraps(f)` are fine; `@app.route(...)` from
                    // outside SRC is not known.
                    let wraps = match deco {
                        Expr::Call(c) => self.peek(&c.func, ctx).iter().any(|v| matches!(v, Val::External(q) if outside::decorator_passes_coroutines(q))),
                        _ => false,
                    };
                    unknown |= !is_property_accessor(deco) && !wraps;
                    out.extend(vals.iter().cloned());
                }
                _ => out.extend(vals.iter().cloned()),
            }
        }
        if callee.is_empty() {
            unknown = true;
            out = vals;
        }
        if unknown {
            self.recorded.decorators.push(DecoratorFact { func, start: start_of(deco), end: end_of(deco), text: self.text(ctx.module, deco) });
        }
        out
    }

    fn define_class(&mut self, c: &'p ast::StmtClassDef, ctx: &Ctx) {
        let id = ClassId { module: ctx.module, start: start_of(c) };
        for d in &c.decorator_list {
            self.eval(d, ctx);
        }
        let mut bases = ValSet::new();
        for b in &c.bases {
            bases.extend(self.eval(b, ctx));
        }
        for k in &c.keywords {
            self.eval(&k.value, ctx);
        }
        let entry = self.state.bases.entry(id).or_default();
        if State::add(entry, &bases) {
            self.state.bases_changed = true;
        }
        self.store_name(c.name.as_str(), &one(Val::Class(id)), ctx);
        let Some(info) = self.index.classes.get(&id) else { return };
        let inner = Ctx {
            module: ctx.module,
            scope: info.scope,
            owner: ctx.owner,
            class: Some(id),
            in_comprehension: false,
            in_class_body: matches!(ctx.owner, Owner::Func(_)),
        };
        for stmt in &c.body {
            self.exec(stmt, &inner);
            // Class attributes (`lock = Lock()`, `lock: Lock = Lock()`, a nested class) are
            // attributes of the class.
            let names: Vec<&str> = match stmt {
                Stmt::Assign(a) => a.targets.iter().filter_map(|t| if let Expr::Name(n) = t { Some(n.id.as_str()) } else { None }).collect(),
                Stmt::AnnAssign(a) if a.value.is_some() => match &*a.target {
                    Expr::Name(n) => vec![n.id.as_str()],
                    _ => Vec::new(),
                },
                Stmt::ClassDef(inner) => vec![inner.name.as_str()],
                _ => Vec::new(),
            };
            for name in names {
                let vals = self.state.var(info.scope, name);
                let rep = self.hierarchy.rep(id);
                self.state.add_attr(rep, name, &vals);
            }
        }
    }

    fn exec_import(&mut self, import: &'p ast::StmtImport, ctx: &Ctx) {
        for alias in &import.names {
            let full = alias.name.as_str();
            match &alias.asname {
                Some(asname) => {
                    let v = self.module_value(full, ctx.module);
                    self.store_name(asname.as_str(), &one(v), ctx);
                }
                None => {
                    let first = full.split('.').next().unwrap_or(full);
                    let v = self.module_value(first, ctx.module);
                    self.store_name(first, &one(v), ctx);
                }
            }
        }
    }

    /// The value of an imported module. The modules greenify knows (`time`, `socket`, `select`
    /// and their MicroPython `u` names) are built into MicroPython, which loads them before any
    /// file of the same name in SRC (such files are CPython stand-ins): they stay external.
    pub(super) fn module_value(&mut self, dotted: &str, from: usize) -> Val {
        if kinds::is_known_module(kinds::canonical_module(dotted)) {
            return external(kinds::canonical_module(dotted));
        }
        match self.index.module_names.get(dotted) {
            Some(m) => {
                self.recorded.imports.entry(from).or_default().insert(*m);
                Val::Module(*m)
            }
            None => external(kinds::canonical_module(dotted)),
        }
    }

    fn exec_import_from(&mut self, import: &'p ast::StmtImportFrom, ctx: &Ctx) {
        let level = import.level.map_or(0, |l| l.to_u32() as usize);
        let module = import.module.as_ref().map(|m| m.as_str()).unwrap_or("");
        let base = if level == 0 {
            module.to_string()
        } else {
            let current = &self.program.modules[ctx.module];
            let mut parts: Vec<&str> = current.name.split('.').filter(|p| !p.is_empty()).collect();
            if !current.is_package {
                parts.pop();
            }
            for _ in 1..level {
                parts.pop();
            }
            if !module.is_empty() {
                parts.push(module);
            }
            parts.join(".")
        };
        let source = self.module_value(&base, ctx.module);
        for alias in &import.names {
            let name = alias.name.as_str();
            if name == "*" {
                self.state.add_var(ctx.scope, "*", &one(source.clone()));
                continue;
            }
            let local = alias.asname.as_ref().unwrap_or(&alias.name).as_str();
            let sub = if base.is_empty() { name.to_string() } else { format!("{base}.{name}") };
            let vals = match self.index.module_names.get(&sub).copied() {
                Some(m) => {
                    self.recorded.imports.entry(ctx.module).or_default().insert(m);
                    one(Val::Module(m))
                }
                None => self.attribute(&one(source.clone()), name),
            };
            self.store_name(local, &vals, ctx);
        }
    }

    /// Assigns `vals` to a target expression.
    pub(super) fn assign(&mut self, target: &'p Expr, vals: &ValSet, ctx: &Ctx) {
        match target {
            Expr::Name(n) => self.store_name(n.id.as_str(), vals, ctx),
            Expr::Attribute(a) => {
                let base = self.eval(&a.value, ctx);
                self.store_attribute(&base, a.attr.as_str(), vals, start_of(target)..end_of(target), ctx);
            }
            Expr::Subscript(s) => {
                let base = self.eval(&s.value, ctx);
                self.eval(&s.slice, ctx);
                for v in &base {
                    if let Val::Container(obj) = v {
                        self.state.add_elem((*obj, None), vals);
                    }
                }
            }
            Expr::Tuple(t) => self.unpack(&t.elts, vals, ctx),
            Expr::List(t) => self.unpack(&t.elts, vals, ctx),
            Expr::Starred(s) => self.assign(&s.value, vals, ctx),
            _ => {
                self.eval(target, ctx);
            }
        }
    }

    fn unpack(&mut self, targets: &'p [Expr], vals: &ValSet, ctx: &Ctx) {
        for (i, target) in targets.iter().enumerate() {
            let mut part = ValSet::new();
            for v in vals {
                match v {
                    Val::Container(obj) => {
                        let slot = self.state.elem(*obj, Some(i));
                        if slot.is_empty() || matches!(target, Expr::Starred(_)) {
                            part.extend(self.state.elem(*obj, None));
                        } else {
                            part.extend(slot);
                        }
                    }
                    other => {
                        part.insert(other.clone());
                    }
                }
            }
            self.assign(target, &part, ctx);
        }
    }
}

fn is_property_accessor(deco: &Expr) -> bool {
    matches!(deco, Expr::Attribute(a) if matches!(a.attr.as_str(), "setter" | "getter" | "deleter"))
}
