//! Expressions: what each kind of expression evaluates to (names, attributes, literals and
//! containers, subscripts, lambdas, comprehensions), and calls: arguments fed into a program
//! function's parameters, its result, and the call's fact.

use super::eval::{Ctx, Eval};
use super::facts::{blocking_library_function, CallFact, Callback, Callee, Owner, ValueRefFact};
use super::value::{one, ObjId, ObjTag, Val, ValSet};
use crate::kinds::{self, Kind};
use crate::parse::ast::{self, Expr};
use crate::scopes::{comprehension_generators, end_of, start_of, FuncId};
use crate::walk;

/// A call being evaluated: the call, where it is, its evaluated arguments, and what it yields so
/// far (the fact recorded for it and the values it returns). Each possible callee adds to these.
pub struct Call<'c, 'p> {
    pub node: &'p ast::ExprCall,
    pub ctx: &'c Ctx,
    /// Positional argument sets, up to the first starred argument.
    pub args: &'c [ValSet],
    /// Every value from the first starred argument on, merged (`f(a, *rest)`).
    pub spread: Option<&'c ValSet>,
    pub keywords: &'c [(Option<String>, ValSet)],
    /// The call's place: objects the call builds are keyed on it.
    pub site: ObjId,
    pub fact: CallFact,
    pub result: ValSet,
}

impl<'p> Eval<'p, '_> {
    pub(super) fn text(&self, module: usize, expr: &Expr) -> String {
        let text = &self.program.modules[module].file.text;
        text.get(start_of(expr)..end_of(expr)).unwrap_or("").to_string()
    }

    pub(super) fn eval(&mut self, expr: &'p Expr, ctx: &Ctx) -> ValSet {
        match expr {
            Expr::Name(n) => {
                let vals = self.load_name(n.id.as_str(), ctx);
                self.note_value_ref(expr, &vals, ctx);
                vals
            }
            Expr::Attribute(a) => {
                let base = self.eval(&a.value, ctx);
                let vals = self.attribute(&base, a.attr.as_str());
                self.note_value_ref(expr, &vals, ctx);
                vals
            }
            Expr::Call(call) => self.eval_call(call, ctx),
            Expr::Constant(c) => match c.value {
                ast::Constant::None => one(Val::None),
                _ => one(Val::Literal),
            },
            Expr::Tuple(t) => self.container(start_of(expr), ctx.module, &t.elts, ctx, true),
            Expr::List(t) => self.container(start_of(expr), ctx.module, &t.elts, ctx, false),
            Expr::Set(t) => self.container(start_of(expr), ctx.module, &t.elts, ctx, false),
            Expr::Dict(d) => {
                let obj = ObjId { module: ctx.module, start: start_of(expr), tag: ObjTag::Literal };
                for k in d.keys.iter().flatten() {
                    self.eval(k, ctx);
                }
                for (k, v) in d.keys.iter().zip(&d.values) {
                    let vals = self.eval(v, ctx);
                    match k {
                        // `{**other}` merges the other dict's values.
                        None => {
                            let elems = self.iterate(&vals);
                            self.state.add_elem((obj, None), &elems);
                        }
                        Some(_) => self.state.add_elem((obj, None), &vals),
                    }
                }
                one(Val::Container(obj))
            }
            Expr::Subscript(s) => {
                let base = self.eval(&s.value, ctx);
                self.eval(&s.slice, ctx);
                self.subscript(&base, &s.slice)
            }
            Expr::Lambda(l) => {
                let id = FuncId { module: ctx.module, start: start_of(expr) };
                self.eval_params(id, &l.args, ctx);
                if let Some(info) = self.index.functions.get(&id) {
                    let inner = Ctx { module: ctx.module, scope: info.scope, owner: Owner::Func(id), class: ctx.class, in_comprehension: false, in_class_body: false };
                    let vals = self.eval(&l.body, &inner);
                    self.state.add_return(id, &vals);
                }
                one(Val::Func { id, bound: false })
            }
            Expr::IfExp(e) => {
                self.eval(&e.test, ctx);
                let mut out = self.eval(&e.body, ctx);
                out.extend(self.eval(&e.orelse, ctx));
                out
            }
            Expr::BoolOp(e) => {
                let mut out = ValSet::new();
                for v in &e.values {
                    out.extend(self.eval(v, ctx));
                }
                out
            }
            Expr::NamedExpr(e) => {
                let vals = self.eval(&e.value, ctx);
                self.assign(&e.target, &vals, ctx);
                vals
            }
            Expr::Await(e) => {
                if let Expr::Call(c) = &*e.value {
                    self.recorded.awaited.insert((ctx.module, start_of(c)));
                }
                // `await f()` gives what `f` returns (its coroutine's result).
                self.eval(&e.value, ctx)
            }
            Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::GeneratorExp(_) => {
                self.eval_comprehension(expr, ctx)
            }
            Expr::Starred(s) => self.eval(&s.value, ctx),
            Expr::BinOp(e) => {
                let left = self.eval(&e.left, ctx);
                let right = self.eval(&e.right, ctx);
                // `"%s" % x`, `"a" + b`, `n * 2` on str, bytes and numbers give one of them.
                let literal = |s: &ValSet| !s.is_empty() && s.iter().all(|v| matches!(v, Val::Literal));
                if literal(&left) && (literal(&right) || matches!(e.op, ast::Operator::Mod)) {
                    return one(Val::Literal);
                }
                // `list + list` keeps the elements (a fresh container would too, roughly).
                let mut out: ValSet = left.into_iter().filter(|v| matches!(v, Val::Container(_))).collect();
                out.extend(right.into_iter().filter(|v| matches!(v, Val::Container(_))));
                out.insert(Val::Foreign);
                out
            }
            _ => {
                // Everything else evaluates its parts for their calls and yields a plain value.
                struct Parts<'e>(Vec<&'e Expr>);
                impl<'e> walk::Visitor<'e> for Parts<'e> {
                    fn visit_expr(&mut self, expr: &'e Expr) {
                        self.0.push(expr);
                    }
                }
                let mut parts = Parts(Vec::new());
                walk::walk_expr(&mut parts, expr);
                for p in parts.0 {
                    self.eval(p, ctx);
                }
                one(Val::Literal)
            }
        }
    }

    /// A dotted name (`sleep`, `time.sleep`) that is a blocking library function, used as a
    /// value: the runtime's takes its place. Every such value comes from one of these, so the
    /// values it flows to elsewhere (`self.nap`, `jobs[0]`) are the runtime's too. (A callee is
    /// replaced as part of its call: `eval_call` takes the fact back.)
    fn note_value_ref(&mut self, expr: &'p Expr, vals: &ValSet, ctx: &Ctx) {
        if vals.is_empty() {
            return;
        }
        let mut replace = None;
        for v in vals {
            let Val::External(q) = v else { return };
            let Some(r) = blocking_library_function(q) else { return };
            if replace.is_some_and(|old| old != r) {
                return;
            }
            replace = Some(r);
        }
        // Looked at only for a blocking library function: it walks the whole dotted name, and
        // on every link of a long chain (`a.b.b.b...`) that would be quadratic.
        if let Some(replace) = replace.filter(|_| self.names_library_function(expr, ctx)) {
            self.recorded.value_refs.push(ValueRefFact { module: ctx.module, start: start_of(expr), end: end_of(expr), replace });
        }
    }

    /// Whether `expr` names a library function where it comes from: a name `from m import name`
    /// bound (or a star import), or an attribute of a module (`time.sleep`, `t.sleep`); not a
    /// variable or attribute holding it (`self.nap`, a parameter).
    fn names_library_function(&mut self, expr: &'p Expr, ctx: &Ctx) -> bool {
        match expr {
            Expr::Name(n) => match self.index.home(ctx.scope, n.id.as_str()) {
                Some(scope) => self.index.scopes[scope].is_import_alias(n.id.as_str()),
                None => true,
            },
            Expr::Attribute(a) if is_dotted_name(&a.value) => {
                let base = self.peek(&a.value, ctx);
                !base.is_empty() && base.iter().all(|v| matches!(v, Val::Module(_)) || matches!(v, Val::External(q) if kinds::is_module_name(q)))
            }
            _ => false,
        }
    }

    /// Forgets the value fact of `expr` (a callee, a `del` target): it is not a value there.
    pub(super) fn forget_value_ref(&mut self, expr: &Expr) {
        let (start, end) = (start_of(expr), end_of(expr));
        if self.recorded.value_refs.last().is_some_and(|r| r.start == start && r.end == end) {
            self.recorded.value_refs.pop();
        }
    }

    /// `base[slice]` for every value in `base` (the slice already evaluated): an element of a
    /// container (the i-th of a tuple for a constant index), a slice of it, a character of a str.
    pub(super) fn subscript(&mut self, base: &ValSet, slice: &Expr) -> ValSet {
        let index = match slice {
            Expr::Constant(c) => match &c.value {
                ast::Constant::Int(i) => i.to_string().parse::<usize>().ok(),
                _ => None,
            },
            _ => None,
        };
        let mut out = ValSet::new();
        for v in base {
            match v {
                Val::Container(obj) => {
                    if matches!(slice, Expr::Slice(_)) {
                        out.insert(v.clone());
                        continue;
                    }
                    let slot = index.map(|i| self.state.elem(*obj, Some(i))).unwrap_or_default();
                    if slot.is_empty() {
                        out.extend(self.state.elem(*obj, None));
                    } else {
                        out.extend(slot);
                    }
                }
                Val::None => {}
                Val::Literal => {
                    out.insert(Val::Literal);
                }
                _ => {
                    out.insert(Val::Foreign);
                }
            }
        }
        out
    }

    fn container(&mut self, start: usize, module: usize, elts: &'p [Expr], ctx: &Ctx, positional: bool) -> ValSet {
        let obj = ObjId { module, start, tag: ObjTag::Literal };
        for (i, e) in elts.iter().enumerate() {
            let vals = self.eval(e, ctx);
            if let Expr::Starred(_) = e {
                let inner = self.iterate(&vals);
                self.state.add_elem((obj, None), &inner);
                continue;
            }
            if positional {
                self.state.add_elem((obj, Some(i)), &vals);
            }
            self.state.add_elem((obj, None), &vals);
        }
        one(Val::Container(obj))
    }

    fn eval_comprehension(&mut self, expr: &'p Expr, ctx: &Ctx) -> ValSet {
        let generators = comprehension_generators(expr);
        let inside = Ctx { in_comprehension: true, ..ctx.clone() };
        for (i, comp) in generators.iter().enumerate() {
            // The first iterable is evaluated outside the comprehension.
            let iter = self.eval(&comp.iter, if i == 0 { ctx } else { &inside });
            let elems = self.iterate(&iter);
            self.assign(&comp.target, &elems, &inside);
            for cond in &comp.ifs {
                self.eval(cond, &inside);
            }
        }
        let obj = ObjId { module: ctx.module, start: start_of(expr), tag: ObjTag::Literal };
        let vals = match expr {
            Expr::ListComp(e) => self.eval(&e.elt, &inside),
            Expr::SetComp(e) => self.eval(&e.elt, &inside),
            Expr::GeneratorExp(e) => self.eval(&e.elt, &inside),
            Expr::DictComp(e) => {
                self.eval(&e.key, &inside);
                self.eval(&e.value, &inside)
            }
            _ => ValSet::new(),
        };
        self.state.add_elem((obj, None), &vals);
        one(Val::Container(obj))
    }

    pub(super) fn result_of(&mut self, id: FuncId) -> ValSet {
        // A generator's call gives a generator; an `async def`'s call is awaited in greenify's
        // output, which gives what the function returns.
        let generator = self.index.functions.get(&id).is_some_and(|f| f.is_generator);
        if generator {
            return one(Val::Foreign);
        }
        self.state.ret(id)
    }

    /// Feeds call arguments into a program function's parameters.
    /// `args` are the positional argument sets (starred arguments already spread into `spread`).
    pub(super) fn bind_call(&mut self, id: FuncId, bound: bool, args: &[ValSet], keywords: &[(Option<String>, ValSet)], spread: Option<&ValSet>) {
        let Some(info) = self.index.functions.get(&id) else { return };
        let scope = info.scope;
        let fargs = info.args();
        let positional: Vec<&str> = info.positional().collect();
        let skip = usize::from(bound && !positional.is_empty());
        for (i, vals) in args.iter().enumerate() {
            match positional.get(i + skip) {
                Some(name) => self.state.add_var(scope, name, vals),
                None => {
                    let obj = ObjId { module: id.module, start: id.start, tag: ObjTag::VarArgs };
                    self.state.add_elem((obj, None), vals);
                }
            }
        }
        if let Some(spread) = spread {
            for name in positional.iter().skip(skip + args.len()) {
                self.state.add_var(scope, name, spread);
            }
            let obj = ObjId { module: id.module, start: id.start, tag: ObjTag::VarArgs };
            self.state.add_elem((obj, None), spread);
        }
        let kwonly: Vec<&str> = fargs.kwonlyargs.iter().map(|a| a.def.arg.as_str()).collect();
        for (name, vals) in keywords {
            match name {
                Some(name) if positional.contains(&name.as_str()) || kwonly.contains(&name.as_str()) => {
                    self.state.add_var(scope, name, vals);
                }
                Some(_) => {
                    let obj = ObjId { module: id.module, start: id.start, tag: ObjTag::KwArgs };
                    self.state.add_elem((obj, None), vals);
                }
                None => {
                    // `**kwargs`: any parameter may receive any value.
                    let elems = self.iterate(vals);
                    for name in positional.iter().skip(skip).chain(&kwonly) {
                        self.state.add_var(scope, name, &elems);
                    }
                }
            }
        }
    }

    /// A call: evaluates the callee and the arguments, then what each possible callee does with
    /// them (program functions get the arguments in their parameters; runtime objects and code
    /// outside SRC are modelled in `models`); records the call's fact.
    fn eval_call(&mut self, node: &'p ast::ExprCall, ctx: &Ctx) -> ValSet {
        let start = start_of(node);
        let func_vals = self.eval(&node.func, ctx);
        self.forget_value_ref(&node.func);
        let adapter = func_vals.iter().any(|v| matches!(v, Val::External(q) if matches!(q.as_ref(), "greenify.run" | "greenify.maybe")));
        if adapter {
            if let Some(Expr::Call(inner)) = node.args.first() {
                self.recorded.adapted.insert((ctx.module, start_of(inner)));
            }
        }
        // Arguments: positional sets, starred spread, keywords.
        let mut args: Vec<ValSet> = Vec::new();
        let mut spread: Option<ValSet> = None;
        for a in &node.args {
            let vals = self.eval(a, ctx);
            if let Expr::Starred(_) = a {
                let elems = self.iterate(&vals);
                spread.get_or_insert_with(ValSet::new).extend(elems);
            } else if spread.is_some() {
                spread.get_or_insert_with(ValSet::new).extend(vals);
            } else {
                args.push(vals);
            }
        }
        let mut keywords: Vec<(Option<String>, ValSet)> = Vec::new();
        for k in &node.keywords {
            let vals = self.eval(&k.value, ctx);
            keywords.push((k.arg.as_ref().map(|a| a.to_string()), vals));
        }

        let fact = CallFact {
            module: ctx.module,
            start,
            end: end_of(node),
            func_start: start_of(&*node.func),
            func_end: end_of(&*node.func),
            callee_is_reference: matches!(&*node.func, Expr::Name(_) | Expr::Attribute(_)),
            owner: ctx.owner,
            in_comprehension: ctx.in_comprehension,
            in_class_body: ctx.in_class_body,
            awaited: self.recorded.awaited.contains(&(ctx.module, start)),
            adapted: self.recorded.adapted.contains(&(ctx.module, start)),
            callees: Vec::new(),
            constructor: None,
            callbacks: Vec::new(),
            handed_to: Vec::new(),
            unknown_receiver: None,
            unresolved_attribute: None,
        };
        let site = ObjId { module: ctx.module, start, tag: ObjTag::CallResult };
        let mut call = Call { node, ctx, args: &args, spread: spread.as_ref(), keywords: &keywords, site, fact, result: ValSet::new() };
        // A foreign object held where a runtime object with this blocking method is held too
        // (`self.sock = ssl.wrap_socket(self.sock)`) is taken to be a wrapper of it.
        let runtime_blocks = func_vals.iter().any(|v| matches!(v, Val::RuntimeMethod(k, _, m) if k.blocks(m)));
        for callee in &func_vals {
            if runtime_blocks && *callee == Val::Foreign {
                continue;
            }
            let before = call.fact.callbacks.len();
            self.call_value(callee, &mut call);
            if call.fact.callbacks.len() > before {
                if let Val::External(q) = callee {
                    call.fact.handed_to.push(q.strip_prefix("builtins.").unwrap_or(q).to_string());
                }
            }
        }
        if func_vals.is_empty() || func_vals.iter().all(|v| matches!(v, Val::None)) {
            self.note_unknown_callee(&mut call);
        }
        let Call { mut fact, result, .. } = call;
        fact.callees.sort();
        fact.callees.dedup();
        // `put` of an unbounded queue never blocks: the runtime's put completes when called, so
        // outside code may call it without `await`.
        let unbounded = &self.state.unbounded_queues;
        fact.callbacks.retain(|c| !matches!(c, Callback::Runtime { kind: Kind::Queue, obj, method } if &**method == "put" && unbounded.contains(obj)));
        // A class handed over is built by outside code with the `__init__` Python calls.
        for c in &mut fact.callbacks {
            if let Callback::Class { class, init } = c {
                *init = self.nearest_init(*class);
            }
        }
        fact.callbacks.retain(|c| !matches!(c, Callback::Class { init: None, .. }));
        fact.callbacks.sort();
        fact.callbacks.dedup();
        fact.handed_to.sort();
        fact.handed_to.dedup();
        self.recorded.calls.push(fact);
        result
    }

    /// A call whose callee has no known value: an unknown receiver with a blocking method name, or
    /// an attribute of a program object never set in SRC.
    fn note_unknown_callee(&mut self, call: &mut Call<'_, 'p>) {
        let Expr::Attribute(a) = &*call.node.func else { return };
        let receiver = self.peek(&a.value, call.ctx);
        let method = a.attr.as_str();
        if receiver.is_empty() {
            if let Some(kind) = kinds::is_blocking_name(method) {
                call.fact.unknown_receiver = Some((method.to_string(), kind));
            }
        } else if receiver.iter().any(|v| matches!(v, Val::Instance(_))) {
            call.fact.unresolved_attribute = Some(method.to_string());
        }
    }

    /// The values of a simple expression (name or attribute chain) without recording anything.
    pub(super) fn peek(&mut self, expr: &'p Expr, ctx: &Ctx) -> ValSet {
        match expr {
            Expr::Name(n) => self.load_name(n.id.as_str(), ctx),
            Expr::Attribute(a) => {
                let base = self.peek(&a.value, ctx);
                self.attribute(&base, a.attr.as_str())
            }
            _ => one(Val::Foreign),
        }
    }

    /// What calling one possible callee does.
    fn call_value(&mut self, callee: &Val, call: &mut Call<'_, 'p>) {
        match callee {
            Val::Func { id, bound } => {
                self.bind_call(*id, *bound, call.args, call.keywords, call.spread);
                call.result.extend(self.result_of(*id));
                call.fact.callees.push(Callee::Function(*id));
            }
            Val::Class(c) => {
                call.result.insert(Val::Instance(*c));
                for init in self.class_methods(*c, "__init__") {
                    self.bind_call(init, true, call.args, call.keywords, call.spread);
                }
                if let Some(kind) = self.hierarchy.runtime_base.get(c).copied() {
                    self.recorded.kinds_built.insert(kind);
                    self.runtime_init(kind, Some(*c), call, 0);
                }
                // Python calls the nearest `__init__`; when it blocks, so does the construction.
                match self.nearest_init(*c) {
                    Some(init) => call.fact.callees.push(Callee::Construct(init)),
                    None => call.fact.callees.push(Callee::Plain),
                }
            }
            Val::Instance(c) => {
                let methods = self.family_methods(*c, "__call__");
                for id in &methods {
                    self.bind_call(*id, true, call.args, call.keywords, call.spread);
                    call.result.extend(self.result_of(*id));
                    call.fact.callees.push(Callee::Function(*id));
                }
                if methods.is_empty() {
                    call.fact.callees.push(Callee::Plain);
                }
            }
            Val::External(q) => self.call_external(q, call),
            Val::RuntimeMethod(kind, obj, method) => self.call_runtime_method(*kind, *obj, method, call),
            Val::ContainerMethod(obj, method) => {
                self.call_container_method(*obj, method, call);
                call.fact.callees.push(Callee::Plain);
            }
            Val::None => {}
            Val::Literal => {
                // A method of a str, bytes or number (`"job {}".format(f)`): it formats or
                // compares its arguments, never calls them.
                call.result.insert(Val::Foreign);
                call.fact.callees.push(Callee::Plain);
            }
            Val::Super(_) | Val::Module(_) | Val::Runtime(..) | Val::Container(_) | Val::Foreign => {
                call.result.insert(Val::Foreign);
                call.fact.callees.push(Callee::Plain);
                call.fact.callbacks.extend(Callback::in_call(call.args, call.keywords));
            }
        }
    }
}

/// `name` or `a.b.c`: an expression that only names something.
fn is_dotted_name(expr: &Expr) -> bool {
    match expr {
        Expr::Name(_) => true,
        Expr::Attribute(a) => is_dotted_name(&a.value),
        _ => false,
    }
}
