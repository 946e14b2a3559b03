//! `concurrent.futures` (green backend): what a thread pool, its futures and its results
//! iterators do to the values the analysis tracks, and which of their calls wait.
//!
//! * `pool.submit(fn, *a, **k)`, `pool.map(fn, *iterables)`, `future.add_done_callback(fn)`:
//!   the runtime calls `fn` in a worker thread and awaits what a converted one returns, so `fn` is
//!   a thread body fed by those arguments (as a `Thread` target is), never a GY106 callback.
//! * `future.result()`, `future.exception()`, `pool.shutdown()` (not `wait=False`),
//!   `concurrent.futures.wait(fs)` wait: seeds. `with pool:` waits at its end: `async with`.
//!   The runtime's `result()`/`exception()` give the value at once when the future is done, an
//!   awaitable otherwise, so they go through `await __gy.maybe(...)`; on a future known to be
//!   done (a done-callback's argument, what `as_completed` yields, `wait`'s done set) they are
//!   plain calls, which may stand in a lambda or a comprehension.
//! * `pool.map(...)` and `as_completed(fs)` give a results iterator, whose iteration waits. As
//!   the iterable of a `for` in a function the loop becomes `async for` (the call stays plain);
//!   elsewhere in a function the call goes through `await __gy.maybe(...)`, which waits until
//!   every result is in (`list(pool.map(f, xs))`). At module top level the call stays plain:
//!   the runtime's iterator runs the scheduler until each next result is in.

use super::eval::{Ctx, Eval};
use super::expr::Call;
use super::facts::{Callee, Owner, WithFact, WithItemFact};
use super::value::{one, ObjId, ObjTag, Val, ValSet};
use crate::kinds::{self, Kind};
use crate::parse::ast::Expr;
use crate::scopes::{end_of, start_of};

impl<'p> Eval<'p, '_> {
    /// The iterable of a `for` (`range`: the statement): a results iterator there makes the loop
    /// an `async for` when its function converts.
    pub(super) fn eval_for_iter(&mut self, range: std::ops::Range<usize>, is_async: bool, iter: &'p Expr, ctx: &Ctx) -> ValSet {
        let saved = self.recorded.for_iter.replace(start_of(iter));
        let vals = self.eval(iter, ctx);
        self.recorded.for_iter = saved;
        if vals.iter().any(|v| matches!(v, Val::Runtime(Kind::Results, _))) {
            let item = WithItemFact { lock: Some(Kind::Results), range: start_of(iter)..end_of(iter) };
            self.recorded.withs.push(WithFact {
                module: ctx.module,
                start: range.start,
                end: range.end,
                owner: ctx.owner,
                is_async,
                is_for: true,
                items: vec![item],
            });
        }
        vals
    }

    /// A function of `concurrent.futures` (`as_completed`, `wait`); false for the others.
    pub(super) fn futures_call(&mut self, module: &str, name: &str, call: &mut Call<'_, 'p>) -> bool {
        if module != "concurrent.futures" {
            return false;
        }
        match name {
            "as_completed" => {
                let futures = call.args.first().map(|a| self.iterate(a)).unwrap_or_default();
                let futures = done_futures(&futures);
                self.results_iterator(call, &futures, "concurrent.futures.as_completed");
            }
            "wait" => {
                // `done, not_done = wait(fs)`: two sets of the futures given.
                call.fact.callees.push(Callee::Seed { what: "concurrent.futures.wait".into(), replace: None });
                let futures = call.args.first().map(|a| self.iterate(a)).unwrap_or_default();
                // The done set holds them as done futures.
                let pair = call.site.with_tag(ObjTag::Pair);
                let done = call.site.with_tag(ObjTag::Builtin);
                let not_done = call.site.with_tag(ObjTag::Literal);
                self.state.add_elem((done, None), &done_futures(&futures));
                self.state.add_elem((not_done, None), &futures);
                for (i, set) in [done, not_done].into_iter().enumerate() {
                    let vals = one(Val::Container(set));
                    self.state.add_elem((pair, Some(i)), &vals);
                    self.state.add_elem((pair, None), &vals);
                }
                call.result.insert(Val::Container(pair));
            }
            _ => return false,
        }
        true
    }

    /// A method of a thread pool, future or results iterator; false for other kinds.
    pub(super) fn futures_method(&mut self, kind: Kind, obj: ObjId, method: &str, call: &mut Call<'_, 'p>) -> bool {
        match (kind, method) {
            (Kind::Executor, "submit") => {
                call.fact.callees.push(Callee::Plain);
                let returned = self.pool_body(call.args.first(), call.args.get(1..).unwrap_or_default(), call.keywords, call.spread);
                let future = call.site;
                self.state.add_elem((future, None), &returned);
                self.recorded.kinds_built.insert(Kind::Future);
                call.result.insert(Val::Runtime(Kind::Future, future));
            }
            (Kind::Executor, "map") => {
                let positional: Vec<ValSet> = call.args.iter().skip(1).map(|a| self.iterate(a)).collect();
                let spread = call.spread.map(|s| self.iterate(s));
                let returned = self.pool_body(call.args.first(), &positional, &[], spread.as_ref());
                self.results_iterator(call, &returned, "ThreadPoolExecutor.map");
            }
            (Kind::Executor, "__enter__") => {
                call.fact.callees.push(Callee::Plain);
                call.result.insert(Val::Runtime(kind, obj));
            }
            (Kind::Future | Kind::DoneFuture, "add_done_callback") => {
                call.fact.callees.push(Callee::Plain);
                self.pool_body(call.args.first(), &[one(Val::Runtime(Kind::DoneFuture, obj))], &[], None);
                call.result.insert(Val::None);
            }
            (Kind::Future | Kind::DoneFuture, "set_result") => {
                call.fact.callees.push(Callee::Plain);
                if let Some(v) = call.args.first() {
                    self.state.add_elem((obj, None), v);
                }
                call.result.insert(Val::None);
            }
            (Kind::Executor | Kind::Future | Kind::DoneFuture | Kind::Results, _) => {
                let waits = kind.blocks(method) && !kinds::non_blocking_call(kind, method, call.node);
                if waits {
                    call.fact.callees.push(Callee::Seed { what: format!("{}.{}", kind.name(), method), replace: None });
                }
                if !waits || kind == Kind::Future {
                    // A future's result() is the value itself once it is done: `__gy.maybe`.
                    call.fact.callees.push(Callee::Plain);
                }
                if method == "result" && matches!(kind, Kind::Future | Kind::DoneFuture) {
                    call.result.extend(self.state.elem(obj, None));
                } else {
                    call.result.insert(Val::Foreign);
                }
            }
            _ => return false,
        }
        true
    }

    /// The callables among `fns` run by a pool's worker (or as a done callback) with these
    /// arguments: thread bodies. Returns what they return.
    fn pool_body(&mut self, fns: Option<&ValSet>, args: &[ValSet], keywords: &[(Option<String>, ValSet)], spread: Option<&ValSet>) -> ValSet {
        let mut returned = ValSet::new();
        for f in fns.into_iter().flatten() {
            if let Val::Func { id, bound } = f {
                self.recorded.task_bodies.insert(*id);
                self.bind_call(*id, *bound, args, keywords, spread);
                returned.extend(self.result_of(*id));
            }
        }
        returned
    }

    /// The result of `pool.map(...)` / `as_completed(fs)`: an iterator of `elems`. Its call
    /// waits (through `__gy.maybe`) in a function, unless it is the iterable of a `for`.
    fn results_iterator(&mut self, call: &mut Call<'_, 'p>, elems: &ValSet, what: &str) {
        let in_for = self.recorded.for_iter == Some(call.site.start);
        if !in_for && matches!(call.ctx.owner, Owner::Func(_)) {
            call.fact.callees.push(Callee::Seed { what: what.to_string(), replace: None });
        }
        call.fact.callees.push(Callee::Plain);
        let results = call.site.with_tag(ObjTag::Builtin);
        self.state.add_elem((results, None), elems);
        self.recorded.kinds_built.insert(Kind::Results);
        call.result.insert(Val::Runtime(Kind::Results, results));
    }
}

/// The futures among `vals` as futures known to be done (the same objects).
fn done_futures(vals: &ValSet) -> ValSet {
    let mut out = ValSet::new();
    for v in vals {
        out.insert(match v {
            Val::Runtime(Kind::Future, obj) => Val::Runtime(Kind::DoneFuture, *obj),
            other => other.clone(),
        });
    }
    out
}
