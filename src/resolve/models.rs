//! Models of code outside SRC: what calling a builtin, a library function, a runtime object's
//! method or a container's method does to the values the analysis tracks (what it returns, what
//! it stores, which callables it calls or runs as threads).
//!
//! What *blocks* is catalogued in `kinds.rs` (constructors, blocking methods and module
//! functions); this file models the *values*. To model another function outside SRC, add an
//! arm to [`Eval::builtin_call`] (a builtin) or [`Eval::library_call`] (any other module's
//! function) that calls a small function of its own: it feeds the store (`self.state`) and the
//! call's result (`call.result`), and, when the function calls a callable it is given, adds it
//! to `call.fact.callbacks` (a blocking one is then reported, GY106). Anything not modelled is
//! opaque: it returns a foreign object and calls every callable it is handed.

use super::eval::Eval;
use super::expr::Call;
use super::facts::{Callback, Callee};
use super::value::{external, one, split_qualified, ObjId, ObjTag, Val, ValSet};
use crate::kinds::{self, External, Kind, ThreadParams};
use crate::outside;
use crate::parse::ast::{self, Expr};
use crate::scopes::ClassId;
use crate::scopes::{end_of, start_of};

impl<'p> Eval<'p, '_> {
    /// A call of `q`, a dotted name outside SRC (`threading.Thread`, `builtins.sorted`).
    pub(super) fn call_external(&mut self, q: &str, call: &mut Call<'_, 'p>) {
        let (module, name) = split_qualified(q);
        if self.catalog_call(module, name, call)
            || self.runtime_helper_call(module, name, call)
            || self.runtime_class_method_call(module, name, call)
            || self.futures_call(module, name, call)
        {
            return;
        }
        call.fact.callees.push(Callee::Plain);
        if module == "builtins" {
            if !self.builtin_call(name, call) {
                other_builtin(name, call);
            }
        } else if !self.library_call(q, module, name, call) {
            opaque_call(q, call);
        }
    }

    /// The functions `kinds.rs` knows: runtime constructors, blocking module functions,
    /// `current_thread()`.
    fn catalog_call(&mut self, module: &str, name: &str, call: &mut Call<'_, 'p>) -> bool {
        match kinds::external_function(module, name) {
            Some(External::Constructor { kind, replace }) => {
                self.recorded.kinds_built.insert(kind);
                call.result.insert(Val::Runtime(kind, call.site));
                if kind == Kind::Queue && kinds::queue_unbounded(name, call.node) {
                    self.state.unbounded_queues.insert(call.site);
                }
                call.fact.constructor = replace;
                call.fact.callees.push(Callee::Plain);
                if let Some(params) = kinds::thread_target_params(module, name) {
                    self.thread_target(call, 0, Some(params));
                }
                // Other constructors (`Barrier(n, action=f)`, `Condition(lock)`) take no callable
                // the runtime would call without awaiting it: a Barrier's action is awaited.
            }
            Some(External::Blocking { replace, returns }) => {
                let what = format!("{}.{}", module, name);
                call.fact.callees.push(Callee::Seed { what, replace: Some(replace) });
                match returns {
                    Some(kind) => {
                        self.recorded.kinds_built.insert(kind);
                        call.result.insert(Val::Runtime(kind, call.site));
                    }
                    None if replace == "gselect.select" => self.select_result(call),
                    None => {
                        call.result.insert(Val::Foreign);
                    }
                }
            }
            Some(External::CurrentThread) => {
                call.result.insert(Val::Runtime(Kind::Thread, call.site));
                call.fact.callees.push(Callee::Plain);
            }
            None => return false,
        }
        true
    }

    /// `select.select(r, w, x[, timeout])`: a tuple of three lists holding objects of the lists
    /// given (`for s in readable: s.recv(...)` gets the sockets of `r`).
    fn select_result(&mut self, call: &mut Call<'_, 'p>) {
        let tuple = call.site.with_tag(ObjTag::Builtin);
        for (i, arg) in call.node.args.iter().take(3).enumerate() {
            let list = ObjId { module: call.site.module, start: start_of(arg), tag: ObjTag::SelectResult };
            let elems = call.args.get(i).map(|a| self.iterate(a)).unwrap_or_default();
            self.state.add_elem((list, None), &elems);
            let vals = one(Val::Container(list));
            self.state.add_elem((tuple, Some(i)), &vals);
            self.state.add_elem((tuple, None), &vals);
        }
        call.result.insert(Val::Container(tuple));
    }

    /// The runtime's own helpers in greenify's output: `__gy.run(x)`, `__gy.maybe(x)` give what
    /// `x` gives, `__gy.new(C)` gives C (its call builds a C).
    fn runtime_helper_call(&mut self, module: &str, name: &str, call: &mut Call<'_, 'p>) -> bool {
        if module != "greenify" {
            return false;
        }
        call.fact.callees.push(Callee::Plain);
        match name {
            "run" | "maybe" | "new" => call.result.extend(call.args.first().cloned().unwrap_or_default()),
            _ => {
                call.result.insert(Val::Foreign);
            }
        }
        true
    }

    /// A runtime class's blocking method called through the class: `threading.Thread.join(t)`
    /// (the shims make these the green classes; `socket.socket` stays the native one).
    fn runtime_class_method_call(&mut self, module: &str, name: &str, call: &mut Call<'_, 'p>) -> bool {
        let (class_module, class_name) = split_qualified(module);
        let Some(External::Constructor { kind, .. }) = kinds::external_function(class_module, class_name) else { return false };
        let green_class = matches!(kinds::canonical_module(class_module), "threading" | "queue");
        if !(green_class && kind.blocks(name) && !kinds::non_blocking_call_at(kind, name, call.node, 1)) {
            return false;
        }
        call.fact.callees.push(Callee::Seed { what: format!("{}.{}", kind.name(), name), replace: None });
        call.result.insert(Val::Foreign);
        true
    }

    // ---------------------------------------------------------------------------------------
    // Builtins

    /// The builtins modelled one by one; false for the others.
    fn builtin_call(&mut self, name: &str, call: &mut Call<'_, 'p>) -> bool {
        match name {
            "super" => self.builtin_super(call),
            "list" | "tuple" | "set" | "frozenset" | "sorted" | "reversed" | "iter" => self.builtin_collection(name, call),
            "dict" => self.builtin_dict(call),
            "type" if call.args.len() == 1 && call.node.keywords.is_empty() => builtin_type(call),
            "staticmethod" | "classmethod" => builtin_method_wrapper(name, call),
            "next" => self.builtin_next(call),
            "enumerate" | "zip" => self.builtin_enumerate_zip(name, call),
            "getattr" => return self.builtin_getattr(call),
            "setattr" => self.builtin_setattr(call),
            _ => return false,
        }
        true
    }

    /// `super()` in a method: the ancestors of its class.
    fn builtin_super(&mut self, call: &mut Call<'_, 'p>) {
        if let Some(c) = call.ctx.class {
            call.result.insert(Val::Super(c));
        }
    }

    /// `list(xs)`, `sorted(xs, key=f)`, `iter(f, sentinel)`...: a new container of the
    /// elements; `key=` functions and `iter`'s callable are called.
    fn builtin_collection(&mut self, name: &str, call: &mut Call<'_, 'p>) {
        call.fact.callbacks.extend(call.keywords.iter().flat_map(|(_, v)| Callback::found_in(v)));
        if name == "iter" && call.args.len() == 2 {
            call.fact.callbacks.extend(Callback::found_in(&call.args[0]));
        }
        let obj = call.site.with_tag(ObjTag::Builtin);
        let elems = call.args.first().map(|a| self.iterate(a)).unwrap_or_default();
        self.state.add_elem((obj, None), &elems);
        call.result.insert(Val::Container(obj));
    }

    /// `dict(other, k=v)`: a new dict of the values.
    fn builtin_dict(&mut self, call: &mut Call<'_, 'p>) {
        let obj = call.site.with_tag(ObjTag::Builtin);
        for (_, vals) in call.keywords {
            self.state.add_elem((obj, None), vals);
        }
        if let Some(a) = call.args.first() {
            for v in a {
                if let Val::Container(o) = v {
                    let elems = self.state.elem(*o, None);
                    self.state.add_elem((obj, None), &elems);
                }
            }
        }
        call.result.insert(Val::Container(obj));
    }

    /// `next(it, default)`: an element, or the default.
    fn builtin_next(&mut self, call: &mut Call<'_, 'p>) {
        let mut out = call.args.first().map(|a| self.iterate(a)).unwrap_or_default();
        out.extend(call.args.get(1).cloned().unwrap_or_default());
        call.result.extend(out);
    }

    /// Iterating `enumerate(xs)` / `zip(a, b)` yields tuples: (index, element) or one element
    /// per argument.
    fn builtin_enumerate_zip(&mut self, name: &str, call: &mut Call<'_, 'p>) {
        let outer = call.site.with_tag(ObjTag::Builtin);
        let pair = call.site.with_tag(ObjTag::Pair);
        let offset = usize::from(name == "enumerate");
        for (i, a) in call.args.iter().enumerate() {
            let elems = self.iterate(a);
            self.state.add_elem((pair, Some(i + offset)), &elems);
            self.state.add_elem((pair, None), &elems);
        }
        if offset == 1 {
            self.state.add_elem((pair, Some(0)), &one(Val::Literal));
        }
        self.state.add_elem((outer, None), &one(Val::Container(pair)));
        call.result.insert(Val::Container(outer));
    }

    /// `getattr(obj, "name"[, default])` with a constant name is `obj.name`; false otherwise.
    fn builtin_getattr(&mut self, call: &mut Call<'_, 'p>) -> bool {
        let (Some(base), Some(Expr::Constant(c))) = (call.args.first(), call.node.args.get(1)) else { return false };
        let ast::Constant::Str(attr) = &c.value else { return false };
        call.result.extend(self.attribute(base, attr));
        call.result.extend(call.args.get(2).cloned().unwrap_or_default());
        true
    }

    /// `setattr(obj, "name", value)` with a constant name is `obj.name = value`.
    fn builtin_setattr(&mut self, call: &mut Call<'_, 'p>) {
        if let (Some(base), Some(Expr::Constant(c)), Some(vals)) = (call.args.first(), call.node.args.get(1), call.args.get(2)) {
            if let ast::Constant::Str(attr) = &c.value {
                self.store_attribute(base, attr, vals, start_of(call.node)..end_of(call.node), call.ctx);
            }
        }
        call.result.insert(Val::None);
    }

    // ---------------------------------------------------------------------------------------
    // Library functions

    /// The library functions modelled one by one; false for the others.
    fn library_call(&mut self, q: &str, module: &str, name: &str, call: &mut Call<'_, 'p>) -> bool {
        if name == "__init__" {
            // `threading.Thread.__init__(self, target=self.work)` in a Thread subclass.
            let (m, n) = split_qualified(module);
            if let Some(External::Constructor { kind, .. }) = kinds::external_function(m, n).filter(|_| kinds::thread_target_params(m, n).is_some()) {
                let classes: Vec<ClassId> = call.args.first().into_iter().flatten().filter_map(|v| match v {
                    Val::Instance(c) => Some(*c),
                    _ => None,
                }).collect();
                self.runtime_init(kind, None, call, 1);
                for c in classes {
                    self.timer_attributes(kind, c, call, 1);
                }
                call.result.insert(Val::None);
                return true;
            }
        }
        if q == "functools.partial" {
            functools_partial(call);
            return true;
        }
        if q == "importlib.import_module" {
            self.import_module(call);
            return true;
        }
        if q == "signal.signal" {
            // The green runtime runs a SIGINT handler in the main thread and awaits it (the
            // compat signal module, docs/RUNTIME.md): a handler may block, like a thread target.
            call.result.insert(Val::Foreign);
            return true;
        }
        if matches!(q, "logging.getLogger" | "logging.Logger" | "logging.getLoggerClass") {
            // A logger: an object of the outside class `logging.Logger`, named by its class, so
            // that its methods are the catalog's (`log.info("%s", f)` formats f).
            call.result.insert(external("logging.Logger"));
            return true;
        }
        false
    }

    /// `importlib.import_module(name, package=None)` (compat-core, issue 11): the modules of SRC
    /// it can return, so calls through the result reach their functions (converted ones are
    /// awaited): the one a literal name names (relative to a literal `package`), those under a
    /// literal prefix (`"plugins." + name`, `f"plugins.{name}"`), or, for a name not seen, every
    /// module of SRC and a module from outside.
    fn import_module(&mut self, call: &mut Call<'_, 'p>) {
        let from = call.ctx.module;
        let package = call.node.args.get(1).and_then(literal_str);
        let named = call.node.args.first().map(module_name_pattern).unwrap_or(NamePattern::Unknown);
        let prefix = match named {
            NamePattern::Literal(name) => {
                let name = match (name.strip_prefix('.'), package) {
                    (Some(_), Some(package)) => relative_module(&name, &package),
                    _ => name,
                };
                call.result.insert(self.module_value(&name, from));
                return;
            }
            NamePattern::Prefix(prefix) => prefix,
            NamePattern::Unknown => {
                call.result.insert(Val::Foreign);
                String::new()
            }
        };
        let names: Vec<String> =
            self.program.modules.iter().map(|m| m.name.clone()).filter(|n| n.starts_with(&prefix) && n.len() > prefix.len()).collect();
        for name in names {
            let value = self.module_value(&name, from);
            call.result.insert(value);
        }
    }

    /// A thread or timer being built (`Worker(...)` of a Thread subclass, `super().__init__(...)`
    /// in one): its target is a thread body fed by its arguments; a Timer subclass's instance
    /// holds its function, args, kwargs and interval as attributes (`self.function(*self.args)`).
    pub(super) fn runtime_init(&mut self, kind: Kind, class: Option<ClassId>, call: &Call<'_, 'p>, skip: usize) {
        if !kind.is_thread() {
            return;
        }
        self.thread_target(call, skip, kinds::thread_target_params("threading", kind.name()));
        if let Some(c) = class {
            self.timer_attributes(kind, c, call, skip);
        }
    }

    /// The attributes `Timer.__init__` sets on an instance of class `c`.
    fn timer_attributes(&mut self, kind: Kind, c: ClassId, call: &Call<'_, 'p>, skip: usize) {
        if kind != Kind::Timer {
            return;
        }
        let rep = self.hierarchy.rep(c);
        for (i, attr) in ["interval", "function", "args", "kwargs"].iter().enumerate() {
            let by_keyword = call.node.keywords.iter().position(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == *attr));
            let vals = match by_keyword {
                Some(k) => call.keywords.get(k).map(|(_, v)| v.clone()),
                None => call.args.get(i + skip).cloned(),
            };
            if let Some(vals) = vals {
                self.state.add_attr(rep, attr, &vals);
            }
        }
    }

    /// `Thread(target=f, args=(...), kwargs={...})`, `Timer(t, f, args, kwargs)`, and a Thread
    /// subclass built with `target=`: the runtime calls `f(*args, **kwargs)` as a thread body.
    /// `skip`: positional arguments before the constructor's own (`Thread.__init__(self, ...)`).
    pub(super) fn thread_target(&mut self, call: &Call<'_, 'p>, skip: usize, params: Option<ThreadParams>) {
        let Some(params) = params else { return };
        let pick = |(kw, pos): (&str, usize)| -> Option<(ValSet, Option<&'p Expr>)> {
            for (i, k) in call.node.keywords.iter().enumerate() {
                if k.arg.as_ref().is_some_and(|a| a.as_str() == kw) {
                    return Some((call.keywords[i].1.clone(), Some(&k.value)));
                }
            }
            call.args.get(pos + skip).map(|a| (a.clone(), call.node.args.get(pos + skip)))
        };
        let Some((targets, _)) = pick(params.target) else { return };
        let target_args = pick(params.args);
        let target_kwargs = pick(params.kwargs);
        // Positional arguments: a tuple/list literal gives one set per position.
        let mut positional: Vec<ValSet> = Vec::new();
        let mut spread = None;
        if let Some((vals, _)) = &target_args {
            let mut slots_known = true;
            for v in vals {
                if let Val::Container(obj) = v {
                    let mut i = 0;
                    loop {
                        let slot = self.state.elem(*obj, Some(i));
                        if slot.is_empty() {
                            break;
                        }
                        if positional.len() <= i {
                            positional.push(ValSet::new());
                        }
                        positional[i].extend(slot);
                        i += 1;
                    }
                    if i == 0 {
                        slots_known = false;
                    }
                }
            }
            if !slots_known || positional.is_empty() {
                spread = Some(self.iterate(vals));
            }
        }
        // Keyword arguments: a dict literal with string keys binds by name.
        let mut named: Vec<(Option<String>, ValSet)> = Vec::new();
        if let Some((vals, expr)) = &target_kwargs {
            match expr {
                Some(Expr::Dict(d)) => {
                    // A value that is a name or attribute chain goes to its key's parameter;
                    // other values are merged: such a parameter gets all of them.
                    let merged = self.dict_elements(vals);
                    for (k, value) in d.keys.iter().zip(&d.values) {
                        let key = match k {
                            Some(Expr::Constant(c)) => match &c.value {
                                ast::Constant::Str(s) => Some(s.clone()),
                                _ => None,
                            },
                            _ => None,
                        };
                        let vals = match value {
                            Expr::Name(_) | Expr::Attribute(_) if key.is_some() => self.peek(value, call.ctx),
                            _ => merged.clone(),
                        };
                        named.push((key, vals));
                    }
                }
                _ => named.push((None, vals.clone())),
            }
        }
        for t in &targets {
            if let Val::Func { id, bound } = t {
                self.recorded.task_bodies.insert(*id);
                self.bind_call(*id, *bound, &positional, &named, spread.as_ref());
            }
        }
    }

    /// The merged values of the dicts among `vals` (used for `kwargs={...}`).
    fn dict_elements(&mut self, vals: &ValSet) -> ValSet {
        let mut out = ValSet::new();
        for v in vals {
            if let Val::Container(o) = v {
                out.extend(self.state.elem(*o, None));
            }
        }
        out
    }

    // ---------------------------------------------------------------------------------------
    // Methods of runtime objects and containers

    /// `obj.method(...)` on a runtime object (`q.get()`, `lock.acquire(False)`, `s.accept()`).
    pub(super) fn call_runtime_method(&mut self, kind: Kind, obj: ObjId, method: &str, call: &mut Call<'_, 'p>) {
        if self.futures_method(kind, obj, method, call) {
            return; // concurrent.futures: resolve/futures.rs
        }
        if kind.blocks(method) && !kinds::non_blocking_call(kind, method, call.node) {
            call.fact.callees.push(Callee::Seed { what: format!("{}.{}", kind.name(), method), replace: None });
        } else {
            call.fact.callees.push(Callee::Plain);
        }
        if method == "__init__" && obj.tag == ObjTag::RuntimeBase {
            // `super().__init__(target=self.work)` in a Thread subclass.
            self.runtime_init(kind, Some(ClassId { module: obj.module, start: obj.start }), call, 0);
        }
        // `cond.wait_for(pred)`: the runtime calls the predicate and awaits what a converted one
        // returns; other methods only store their arguments (`jobs.put(f)` hands f to the
        // program's own consumer).
        match (kind, method) {
            (Kind::Queue, "get" | "get_nowait") => call.result.extend(self.state.elem(obj, None)),
            (Kind::Queue, "put" | "put_nowait") => {
                if let Some(item) = call.args.first() {
                    self.state.add_elem((obj, None), item);
                }
            }
            (Kind::Socket, "accept") => {
                let pair = call.site.with_tag(ObjTag::Accepted);
                self.state.add_elem((pair, Some(0)), &one(Val::Runtime(Kind::Socket, pair)));
                self.state.add_elem((pair, Some(1)), &one(Val::Foreign));
                self.state.add_elem((pair, None), &one(Val::Foreign));
                call.result.insert(Val::Container(pair));
            }
            (Kind::Socket, "makefile") => {
                call.result.insert(Val::Runtime(Kind::Socket, obj));
            }
            (Kind::Poll, "register") => {
                // What `poll()` reports: the registered objects (MicroPython's poll gives them).
                if let Some(registered) = call.args.first() {
                    self.state.add_elem((obj, None), registered);
                }
                call.result.insert(Val::None);
            }
            (Kind::Poll, "poll" | "ipoll") => {
                let list = call.site.with_tag(ObjTag::Builtin);
                let pair = call.site.with_tag(ObjTag::Pair);
                let registered = self.state.elem(obj, None);
                self.state.add_elem((pair, Some(0)), &registered);
                self.state.add_elem((pair, Some(1)), &one(Val::Literal));
                self.state.add_elem((pair, None), &registered);
                self.state.add_elem((list, None), &one(Val::Container(pair)));
                call.result.insert(Val::Container(list));
            }
            (Kind::Lock | Kind::Condition | Kind::Semaphore, "__enter__") => {
                call.result.insert(Val::Runtime(kind, obj));
            }
            _ => {
                call.result.insert(Val::Foreign);
            }
        }
    }

    /// `items.append(x)`, `d.get(k)`... on a list, tuple, dict or set of the program.
    pub(super) fn call_container_method(&mut self, obj: ObjId, method: &str, call: &mut Call<'_, 'p>) {
        let (args, result) = (call.args, &mut call.result);
        match method {
            "append" | "add" | "appendleft" => {
                if let Some(a) = args.first() {
                    self.state.add_elem((obj, None), a);
                }
                result.insert(Val::None);
            }
            "insert" => {
                if let Some(a) = args.get(1) {
                    self.state.add_elem((obj, None), a);
                }
                result.insert(Val::None);
            }
            "extend" | "update" => {
                for a in args {
                    let mut elems = self.iterate(a);
                    for v in a {
                        if let Val::Container(o) = v {
                            elems.extend(self.state.elem(*o, None));
                        }
                    }
                    self.state.add_elem((obj, None), &elems);
                }
                for (_, vals) in call.keywords {
                    self.state.add_elem((obj, None), vals);
                }
                result.insert(Val::None);
            }
            "setdefault" => {
                if let Some(a) = args.get(1) {
                    self.state.add_elem((obj, None), a);
                }
                result.extend(self.state.elem(obj, None));
            }
            "get" | "pop" | "popleft" | "popitem" => {
                result.extend(self.state.elem(obj, None));
                if let Some(default) = args.get(1) {
                    result.extend(default.iter().cloned());
                }
                if args.len() < 2 && method == "get" {
                    result.insert(Val::None);
                }
            }
            "copy" | "items" | "values" | "keys" => {
                result.insert(Val::Container(obj));
            }
            "sort" => {
                // `items.sort(key=f)` calls f.
                call.fact.callbacks.extend(call.keywords.iter().filter(|(k, _)| k.as_deref() == Some("key")).flat_map(|(_, v)| Callback::found_in(v)));
                result.insert(Val::None);
            }
            _ => {
                result.insert(Val::Foreign);
            }
        }
    }
}

/// `type(obj)`: the class of a program object.
fn builtin_type(call: &mut Call<'_, '_>) {
    for v in &call.args[0] {
        call.result.insert(match v {
            Val::Instance(c) => Val::Class(*c),
            _ => Val::Foreign,
        });
    }
}

/// `h = staticmethod(f)` in a class body: calls through `h` call f (a classmethod with the class
/// bound to its first parameter).
fn builtin_method_wrapper(name: &str, call: &mut Call<'_, '_>) {
    let bound = name == "classmethod";
    for v in call.args.first().into_iter().flatten() {
        match v {
            Val::Func { id, .. } => {
                call.result.insert(Val::Func { id: *id, bound });
            }
            other => {
                call.result.insert(other.clone());
            }
        }
    }
}

/// Any other builtin: it calls the callables it is handed unless it is one known to keep them
/// (`print(f)`, `isinstance(f, ...)`); `key=` is called even so (`max(xs, key=f)`).
fn other_builtin(name: &str, call: &mut Call<'_, '_>) {
    if !outside::builtin_keeps_callables(name) {
        call.fact.callbacks.extend(Callback::in_call(call.args, call.keywords));
    } else {
        call.fact.callbacks.extend(
            call.keywords.iter().filter(|(k, _)| k.as_deref() == Some("key")).flat_map(|(_, v)| Callback::found_in(v)),
        );
    }
    call.result.insert(Val::Foreign);
}

/// `partial(f, *a)` behaves like f with the first arguments given.
fn functools_partial(call: &mut Call<'_, '_>) {
    if let Some(first) = call.args.first() {
        call.result.extend(first.iter().filter(|v| matches!(v, Val::Func { .. })).cloned());
    }
}

/// A library function nothing models: it returns a foreign object, and calls the callables it is
/// handed (unless it is known to keep them, like `functools.wraps`).
/// What the name given to `importlib.import_module` is known to be.
enum NamePattern {
    Literal(String),
    /// The literal start of a name built at run time.
    Prefix(String),
    Unknown,
}

fn literal_str(expr: &ast::Expr) -> Option<String> {
    match expr {
        ast::Expr::Constant(c) => match &c.value {
            ast::Constant::Str(s) => Some(s.clone()),
            _ => None,
        },
        _ => None,
    }
}

fn module_name_pattern(expr: &ast::Expr) -> NamePattern {
    if let Some(name) = literal_str(expr) {
        return NamePattern::Literal(name);
    }
    let start = match expr {
        ast::Expr::BinOp(b) if matches!(b.op, ast::Operator::Add) => literal_str(&b.left),
        ast::Expr::JoinedStr(j) => j.values.first().and_then(literal_str),
        _ => None,
    };
    match start {
        Some(prefix) if !prefix.is_empty() && !prefix.starts_with('.') => NamePattern::Prefix(prefix),
        _ => NamePattern::Unknown,
    }
}

/// `.x` relative to package `a.b` is `a.b.x`; `..x` is `a.x`.
fn relative_module(name: &str, package: &str) -> String {
    let level = name.len() - name.trim_start_matches('.').len();
    let mut parts: Vec<&str> = package.split('.').collect();
    for _ in 1..level {
        parts.pop();
    }
    let rest = &name[level..];
    if !rest.is_empty() {
        parts.push(rest);
    }
    parts.join(".")
}

fn opaque_call(q: &str, call: &mut Call<'_, '_>) {
    if !outside::external_keeps_callables(q) {
        call.fact.callbacks.extend(Callback::in_call(call.args, call.keywords));
    }
    call.result.insert(Val::Foreign);
}
