//! The diagnostic rules of the green rewrite: what cannot be converted (errors) and what was
//! converted on a guess (warnings), read off the facts (`resolve`) and the coloring (`color`).
//!
//! One small function per rule, each named after what it finds and returning the diagnostic of
//! one fact (or none). [`check`] walks the facts and asks each rule in turn. To add a rule: add
//! its [`Code`] (with its documentation) in `diag.rs`, a function here, and its call in `check`;
//! then a fixture in tests/cases/diagnostics/ (see tests/README.md).

use crate::color::{Coloring, Conversion, Reason};
use crate::diag::{Code, Diagnostic, Location};
use crate::resolve::{CallFact, Callback, Callee, DecoratorFact, FuncId, Owner, Resolution, StoreFact, WithFact};
use crate::scopes::{FuncInfo, MethodKind};

/// Everything the rules report, in the order found (the caller sorts).
pub fn check(res: &Resolution, coloring: &Coloring) -> Vec<Diagnostic> {
    let cx = Cx { res, coloring };
    let mut out = Vec::new();
    // Colored functions that cannot become `async def` (one diagnostic each, first rule wins).
    for (id, reason) in &coloring.reasons {
        let Some(f) = res.index.functions.get(id) else { continue };
        let Some(blocking) = cx.blocking_part(*id, f, reason) else { continue };
        let found = blocking_in_lambda(&cx, f, &blocking)
            .or_else(|| blocking_in_property(&cx, f, &blocking))
            .or_else(|| blocking_in_special_method(&cx, f, &blocking))
            .or_else(|| blocking_in_generator(&cx, f, &blocking));
        out.extend(found);
    }
    for (i, call) in res.calls.iter().enumerate() {
        let conversion = coloring.conversions[i];
        out.extend(blocking_in_comprehension(&cx, call, conversion));
        out.extend(blocking_in_local_class(&cx, call, conversion));
        out.extend(call.callbacks.iter().filter_map(|callback| blocking_callback(&cx, call, callback)));
        out.extend(unknown_receiver(&cx, call));
        out.extend(unset_attribute(&cx, call));
    }
    for store in &res.stores {
        out.extend(store.funcs.iter().filter_map(|f| blocking_stored(&cx, store, *f)));
    }
    for (i, w) in res.withs.iter().enumerate() {
        out.extend(mixed_with(&cx, w, coloring.async_withs[i]));
    }
    for d in &res.decorators {
        out.extend(unknown_decorator(&cx, d));
    }
    out
}

/// What the rules read.
struct Cx<'r> {
    res: &'r Resolution<'r>,
    coloring: &'r Coloring,
}

/// The part of a colored function that blocks: where, and how the message names it.
struct Blocking {
    module: usize,
    range: std::ops::Range<usize>,
    what: String,
}

impl Cx<'_> {
    /// A diagnostic at `range` of module `module`.
    fn at(&self, code: Code, module: usize, range: std::ops::Range<usize>, message: String, help: &str) -> Diagnostic {
        Diagnostic::new(code, Location::range(self.res.file(module), range), message).with_help(help)
    }

    fn is_colored(&self, f: FuncId) -> bool {
        self.coloring.colored.contains(&f)
    }

    /// Where and why a colored function written without `async` blocks.
    fn blocking_part(&self, id: FuncId, f: &FuncInfo, reason: &Reason) -> Option<Blocking> {
        if f.is_async {
            return None;
        }
        let res = self.res;
        let (range, what) = match reason {
            Reason::Call(i) => {
                let call = &res.calls[*i];
                (call.start..call.end, format!("`{}(...)`", res.callee_text(call)))
            }
            Reason::With(i) => {
                let w = &res.withs[*i];
                let what = if w.is_for { "`for` over thread pool results" } else { "`with` on a lock" };
                (w.start..w.end, what.to_string())
            }
            Reason::Family(other) => (id.start..f.end(), format!("(it overrides the blocking `{}`)", res.display(*other))),
            Reason::AlreadyAsync => return None,
            Reason::Spin(i) => {
                let l = self.coloring.loops.get(*i)?;
                (l.start..l.start + if l.is_while { 5 } else { 3 }, "(a loop that never waits: the starvation guard yields in it)".to_string())
            }
        };
        Some(Blocking { module: id.module, range, what })
    }
}

/// GY101: a lambda cannot become `async`.
fn blocking_in_lambda(cx: &Cx, f: &FuncInfo, b: &Blocking) -> Option<Diagnostic> {
    f.is_lambda().then(|| {
        cx.at(
            Code::BlockingInLambda,
            b.module,
            b.range.clone(),
            format!("blocking call {} inside a lambda", b.what),
            "turn the lambda into a `def` so it can become `async def`",
        )
    })
}

/// GY103: Python reads a property without `await`.
fn blocking_in_property(cx: &Cx, f: &FuncInfo, b: &Blocking) -> Option<Diagnostic> {
    (f.method == MethodKind::Property).then(|| {
        cx.at(
            Code::BlockingInProperty,
            b.module,
            b.range.clone(),
            format!("blocking call {} in property `{}`", b.what, f.qualname),
            "make the property a method and call it (it becomes `async def`; callers `await` it)",
        )
    })
}

/// GY102: Python calls special methods without `await` (`__call__` is called by the program,
/// and so is `__init__`: every construction SRC makes goes through the runtime's factory).
fn blocking_in_special_method(cx: &Cx, f: &FuncInfo, b: &Blocking) -> Option<Diagnostic> {
    (f.is_dunder() && !matches!(f.name.as_str(), "__call__" | "__init__")).then(|| {
        cx.at(
            Code::BlockingInSpecialMethod,
            b.module,
            b.range.clone(),
            format!("blocking call {} in special method `{}`", b.what, f.qualname),
            "Python calls special methods without `await`: move the blocking part into a normal method and call that from the caller",
        )
    })
}

/// GY104: MicroPython has no async generators.
fn blocking_in_generator(cx: &Cx, f: &FuncInfo, b: &Blocking) -> Option<Diagnostic> {
    f.is_generator.then(|| {
        cx.at(
            Code::BlockingInGenerator,
            b.module,
            b.range.clone(),
            format!("blocking call {} in generator function `{}`", b.what, f.qualname),
            "MicroPython has no async generators: collect the items into a list, or block outside the generator",
        )
    })
}

/// GY105: MicroPython has no `await` in comprehensions (at module top level they use `__gy.run`).
fn blocking_in_comprehension(cx: &Cx, call: &CallFact, conversion: Conversion) -> Option<Diagnostic> {
    let in_function = matches!(call.owner, Owner::Func(f) if cx.res.index.functions.get(&f).is_some_and(|f| !f.is_lambda()));
    (conversion != Conversion::Plain && call.in_comprehension && in_function && !call.awaited).then(|| {
        cx.at(
            Code::BlockingInComprehension,
            call.module,
            call.start..call.end,
            format!("blocking call `{}(...)` inside a comprehension", cx.res.callee_text(call)),
            "MicroPython has no `await` in comprehensions: write the loop out as a `for` statement",
        )
    })
}

/// GY108: `await` cannot go in a class body (of a class defined inside a function).
fn blocking_in_local_class(cx: &Cx, call: &CallFact, conversion: Conversion) -> Option<Diagnostic> {
    let in_function = matches!(call.owner, Owner::Func(_));
    (conversion != Conversion::Plain && call.in_class_body && in_function && !call.awaited).then(|| {
        cx.at(
            Code::BlockingInLocalClass,
            call.module,
            call.start..call.end,
            format!("blocking call `{}(...)` in the body of a class defined inside a function", cx.res.callee_text(call)),
            "`await` cannot go in a class body: define the class at module level, or make the call in a method",
        )
    })
}

/// GY106: a blocking function or runtime method handed to code outside SRC, which calls it
/// without `await`.
fn blocking_callback(cx: &Cx, call: &CallFact, callback: &Callback) -> Option<Diagnostic> {
    let (what, help) = match callback {
        Callback::Function(f) if cx.is_colored(*f) => (
            cx.res.display(*f),
            "call it from a thread of your own (e.g. a Thread whose target loops and calls it), or make the callback non-blocking",
        ),
        Callback::Function(_) => return None,
        Callback::Class { init: Some(init), .. } if cx.is_colored(*init) => (
            callback.what(cx.res),
            "its constructor blocks: build the objects in SRC code (a loop), where the construction can be awaited",
        ),
        Callback::Class { .. } => return None,
        Callback::Runtime { .. } | Callback::Library(_) => (
            callback.what(cx.res),
            "call it directly in SRC code, where it can be awaited (e.g. `while True: item = q.get()` instead of `iter(q.get, None)`)",
        ),
    };
    let what = match callback {
        Callback::Class { .. } => format!("class `{what}`, whose constructor blocks,"),
        _ => format!("blocking function `{what}`"),
    };
    let callee = cx.res.callee_text(call);
    // The callee may also be a function of SRC (`register` defined in SRC when an import of
    // `fastlib.register` fails): name the outside code that gets the callback.
    let also_in_src = call.callees.iter().any(|c| matches!(c, Callee::Function(_)));
    let outside = call.handed_to.iter().filter(|q| q.as_str() != callee).map(|q| format!("`{q}`")).collect::<Vec<_>>();
    let message = if also_in_src && !outside.is_empty() {
        format!(
            "{what} handed to `{callee}`, which may be {} from outside SRC, which calls it without `await`",
            outside.join(" or ")
        )
    } else {
        format!("{what} handed to `{callee}`, which is not part of SRC and will call it without `await`")
    };
    Some(cx.at(Code::BlockingCallback, call.module, call.start..call.end, message, help))
}

/// GY106: a blocking function stored on an object from outside SRC (`ext.on_message = f`).
fn blocking_stored(cx: &Cx, store: &StoreFact, f: FuncId) -> Option<Diagnostic> {
    cx.is_colored(f).then(|| {
        cx.at(
            Code::BlockingCallback,
            store.module,
            store.start..store.end,
            format!("blocking function `{}` stored on an object from outside SRC, which will call it without `await`", cx.res.display(f)),
            "keep blocking work in SRC's own threads; hand outside code a non-blocking callback (e.g. one that puts onto a Queue)",
        )
    })
}

/// GY301: a receiver nothing in SRC gives a value, with a method name that blocks on a kind the
/// program builds: left plain.
fn unknown_receiver(cx: &Cx, call: &CallFact) -> Option<Diagnostic> {
    let (method, kind) = call.unknown_receiver.as_ref()?;
    let callee = cx.res.callee_text(call);
    let receiver = callee.rfind('.').map_or(callee, |i| &callee[..i]);
    cx.res.kinds_built.contains(kind).then(|| {
        cx.at(
            Code::UnknownReceiver,
            call.module,
            call.func_start..call.func_end,
            format!("cannot tell what `{receiver}` is; `.{method}()` is left as a plain call (not awaited)"),
            &format!(
                "if this is a {} of the program, pass it in from SRC code (an argument, attribute or return value greenify can follow)",
                kind.name()
            ),
        )
    })
}

/// GY303: `self.cb()` where attribute `cb` is never set to a function in SRC: left plain (only
/// said when the program has blocking functions at all).
fn unset_attribute(cx: &Cx, call: &CallFact) -> Option<Diagnostic> {
    let attr = call.unresolved_attribute.as_ref()?;
    (!cx.coloring.colored.is_empty()).then(|| {
        cx.at(
            Code::UnsetAttribute,
            call.module,
            call.func_start..call.func_end,
            format!("`{}` is called, but attribute `{attr}` is never set to a function in SRC; the call is left plain", cx.res.callee_text(call)),
            "if a blocking function is stored there by code outside SRC, it will not be awaited",
        )
    })
}

/// GY107: `async with` would apply to every item of a `with`, locks or not.
fn mixed_with(cx: &Cx, w: &WithFact, becomes_async: bool) -> Option<Diagnostic> {
    let locks = w.items.iter().filter(|item| item.lock.is_some()).count();
    if !becomes_async || locks == w.items.len() {
        return None;
    }
    let other = w.items.iter().find(|item| item.lock.is_none()).map_or(w.start..w.start, |item| item.range.clone());
    Some(cx.at(
        Code::MixedWith,
        w.module,
        other,
        "`with` mixes a lock with a context manager that is not one; `async with` would apply to both".into(),
        "split it into two nested `with` statements (the lock in its own)",
    ))
}

/// GY302: a decorator not known to hand a coroutine function through, on a function that
/// becomes `async def`.
fn unknown_decorator(cx: &Cx, d: &DecoratorFact) -> Option<Diagnostic> {
    cx.is_colored(d.func).then(|| {
        cx.at(
            Code::UnknownDecorator,
            d.func.module,
            d.start..d.end,
            format!(
                "`{}` becomes `async def`, but decorator `{}` is not known to pass coroutine functions through",
                cx.res.display(d.func),
                d.text
            ),
            "check that the decorator returns the function itself (or a wrapper that awaits it)",
        )
    })
}
