//! Coloring: which functions can block. A function is colored when it contains a blocking call
//! (a seed), a `with` on a lock-like object, or a call that may reach a colored function; same-name
//! methods of one class hierarchy share their color. Colors propagate to a fixpoint, and each
//! colored function keeps the reason it was colored (for `--explain`).
//!
//! This module also decides, per call site, how it is converted (plain, `await`, or through the
//! runtime adapter `__gy.maybe`), and reports what cannot be converted.

use std::collections::BTreeMap;

use crate::fxhash::FastSet;

use crate::diag::{Diagnostic, Severity};
use crate::kinds::Kind;
use crate::project::Program;
use crate::resolve::{CallFact, Callback, Callee, FuncId, Owner, Resolution, WithFact};
use crate::scopes::MethodKind;

/// How a call site is converted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conversion {
    /// Never blocks: left alone.
    Plain,
    /// Always blocks: `await call` (or `__gy.run(call)` at top level).
    Await,
    /// Some possible callees block and some do not: `await __gy.maybe(call)`.
    Maybe,
}

/// Why a function is colored.
#[derive(Debug, Clone, Copy)]
pub enum Reason {
    /// It was written `async def` already.
    AlreadyAsync,
    /// This call (index into `Resolution::calls`) blocks: a seed or a colored callee.
    Call(usize),
    /// This `with` (index into `Resolution::withs`) acquires a lock.
    With(usize),
    /// A same-name method of its class hierarchy is colored.
    Family(FuncId),
}

pub struct Coloring {
    pub colored: FastSet<FuncId>,
    pub reasons: BTreeMap<FuncId, Reason>,
    /// Per call fact (same order as `Resolution::calls`).
    pub conversions: Vec<Conversion>,
    /// Per with fact: whether it becomes `async with`.
    pub async_withs: Vec<bool>,
}

/// Colors the program.
pub fn color(res: &Resolution) -> Coloring {
    let mut coloring = Coloring {
        colored: FastSet::default(),
        reasons: BTreeMap::new(),
        conversions: vec![Conversion::Plain; res.calls.len()],
        async_withs: vec![false; res.withs.len()],
    };
    let mut ids: Vec<&FuncId> = res.index.functions.keys().collect();
    ids.sort();
    // Functions the user already wrote as `async def`: calling one only makes a coroutine (the
    // user awaits it or hands it to asyncio), so their callers never become async because of them.
    let native: FastSet<FuncId> =
        res.index.functions.iter().filter(|(_, f)| f.is_async).map(|(id, _)| *id).collect();
    for id in ids {
        if res.index.functions.get(id).is_some_and(|f| f.is_async) {
            coloring.colored.insert(*id);
            coloring.reasons.insert(*id, Reason::AlreadyAsync);
        }
    }
    // Rounds: a function colored in round n has a reason that only uses colors of earlier rounds,
    // and the earliest such place in the function, so `--explain` shows the shortest chains.
    loop {
        let mut found: BTreeMap<FuncId, (usize, Reason)> = BTreeMap::new();
        let mut offer = |f: FuncId, offset: usize, reason: Reason, colored: &FastSet<FuncId>| {
            if colored.contains(&f) {
                return;
            }
            let entry = found.entry(f).or_insert((offset, reason));
            if offset < entry.0 {
                *entry = (offset, reason);
            }
        };
        for (i, w) in res.withs.iter().enumerate() {
            if let Owner::Func(f) = w.owner {
                if w.items.iter().any(|(k, _)| k.is_some()) {
                    offer(f, w.start, Reason::With(i), &coloring.colored);
                }
            }
        }
        for (i, call) in res.calls.iter().enumerate() {
            if let Owner::Func(f) = call.owner {
                if !call.in_class_body && !coloring.colored.contains(&f) && conversion(call, &coloring.colored, &native) != Conversion::Plain {
                    offer(f, call.start, Reason::Call(i), &coloring.colored);
                }
            }
        }
        for family in &res.method_families {
            let Some(first) = family.iter().find(|f| coloring.colored.contains(f)).copied() else { continue };
            for f in family {
                offer(*f, usize::MAX, Reason::Family(first), &coloring.colored);
            }
        }
        if found.is_empty() {
            break;
        }
        for (f, (_, reason)) in found {
            coloring.colored.insert(f);
            coloring.reasons.insert(f, reason);
        }
    }
    for (i, call) in res.calls.iter().enumerate() {
        coloring.conversions[i] = conversion(call, &coloring.colored, &native);
    }
    for (i, w) in res.withs.iter().enumerate() {
        let owner_colored = matches!(w.owner, Owner::Func(f) if coloring.colored.contains(&f)
            && res.index.functions.get(&f).is_some_and(|f| !f.is_generator && !f.is_lambda()));
        coloring.async_withs[i] = owner_colored && !w.is_async && w.items.iter().any(|(k, _)| k.is_some());
    }
    coloring
}

/// How a call converts, given the colored functions so far and the native `async def`s.
fn conversion(call: &CallFact, colored: &FastSet<FuncId>, native: &FastSet<FuncId>) -> Conversion {
    let mut blocking = false;
    let mut plain = false;
    for c in &call.callees {
        match c {
            Callee::Seed { .. } => blocking = true,
            Callee::Function(id) if native.contains(id) => plain = true,
            Callee::Function(id) if colored.contains(id) => blocking = true,
            Callee::Function(_) | Callee::Plain => plain = true,
        }
    }
    match (blocking, plain) {
        (false, _) => Conversion::Plain,
        (true, false) => Conversion::Await,
        (true, true) => Conversion::Maybe,
    }
}

// -------------------------------------------------------------------------------------------
// Diagnostics

/// Everything that cannot be converted (errors) or was converted on a guess (warnings).
pub fn diagnostics(program: &Program, res: &Resolution, coloring: &Coloring) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let at = |module: usize, offset: usize, severity, code, message: String, help: &str| {
        let file = &program.modules[module].file;
        let (line, col) = file.line_col(crate::parse::TextSize::from(offset as u32));
        Diagnostic {
            severity,
            code,
            rel: file.rel.clone(),
            line,
            col,
            message,
            help: help.to_string(),
            source_line: file.line_text(line).to_string(),
        }
    };

    // Colored functions that cannot become `async def`.
    for (id, reason) in &coloring.reasons {
        let Some(f) = res.index.functions.get(id) else { continue };
        if f.is_async {
            continue;
        }
        let (offset, what) = match reason {
            Reason::Call(i) => (res.calls[*i].start, format!("`{}(...)`", res.calls[*i].callee_text(program))),
            Reason::With(i) => (res.withs[*i].start, "`with` on a lock".to_string()),
            Reason::Family(other) => (id.start, format!("(it overrides the blocking `{}`)", res.index.display(program, *other))),
            Reason::AlreadyAsync => continue,
        };
        let name = &f.qualname;
        let problem = if f.is_lambda() {
            Some(("GY101", format!("blocking call {what} inside a lambda"), "turn the lambda into a `def` so it can become `async def`"))
        } else if f.method == MethodKind::Property {
            Some(("GY103", format!("blocking call {what} in property `{name}`"), "make the property a method and call it (it becomes `async def`; callers `await` it)"))
        } else if f.is_dunder() && f.name != "__call__" {
            Some(("GY102", format!("blocking call {what} in special method `{name}`"), "Python calls special methods without `await`: move the blocking part into a normal method and call that from the caller"))
        } else if f.is_generator {
            Some(("GY104", format!("blocking call {what} in generator function `{name}`"), "MicroPython has no async generators: collect the items into a list, or block outside the generator"))
        } else {
            None
        };
        if let Some((code, message, help)) = problem {
            out.push(at(id.module, offset, Severity::Error, code, message, help));
        }
    }

    for (i, call) in res.calls.iter().enumerate() {
        let conv = coloring.conversions[i];
        let in_function = matches!(call.owner, Owner::Func(f) if res.index.functions.get(&f).is_some_and(|f| !f.is_lambda()));
        if conv != Conversion::Plain && call.in_comprehension && in_function && !call.awaited {
            out.push(at(
                call.module,
                call.start,
                Severity::Error,
                "GY105",
                format!("blocking call `{}(...)` inside a comprehension", call.callee_text(program)),
                "MicroPython has no `await` in comprehensions: write the loop out as a `for` statement",
            ));
        }
        if conv != Conversion::Plain && call.in_class_body && matches!(call.owner, Owner::Func(_)) && !call.awaited {
            out.push(at(
                call.module,
                call.start,
                Severity::Error,
                "GY108",
                format!("blocking call `{}(...)` in the body of a class defined inside a function", call.callee_text(program)),
                "`await` cannot go in a class body: define the class at module level, or make the call in a method",
            ));
        }
        for callback in &call.callbacks {
            let (what, help) = match callback {
                Callback::Function(f) if coloring.colored.contains(f) => (res.index.display(program, *f), "call it from a thread of your own (e.g. a Thread whose target loops and calls it), or make the callback non-blocking"),
                Callback::Function(_) => continue,
                Callback::Runtime(method) => (method.clone(), "call it directly in SRC code, where it can be awaited (e.g. `while True: item = q.get()` instead of `iter(q.get, None)`)"),
            };
            out.push(at(
                call.module,
                call.start,
                Severity::Error,
                "GY106",
                format!("blocking function `{what}` handed to `{}`, which is not part of SRC and will call it without `await`", call.callee_text(program)),
                help,
            ));
        }
        if let Some((method, kind)) = &call.unknown_receiver {
            if res.kinds_built.contains(kind) {
                out.push(at(
                    call.module,
                    call.func_start,
                    Severity::Warning,
                    "GY301",
                    format!("cannot tell what `{}` is; `.{method}()` is left as a plain call (not awaited)", receiver_text(call.callee_text(program))),
                    &format!("if this is a {} of the program, pass it in from SRC code (an argument, attribute or return value greenify can follow)", kind.name()),
                ));
            }
        }
        if let Some(attr) = &call.unresolved_attribute {
            if !coloring.colored.is_empty() {
                out.push(at(
                    call.module,
                    call.func_start,
                    Severity::Warning,
                    "GY303",
                    format!("`{}` is called, but attribute `{attr}` is never set to a function in SRC; the call is left plain", call.callee_text(program)),
                    "if a blocking function is stored there by code outside SRC, it will not be awaited",
                ));
            }
        }
    }

    for store in &res.stores {
        for f in &store.funcs {
            if coloring.colored.contains(f) {
                out.push(at(
                    store.module,
                    store.start,
                    Severity::Error,
                    "GY106",
                    format!("blocking function `{}` stored on an object from outside SRC, which will call it without `await`", res.index.display(program, *f)),
                    "keep blocking work in SRC's own threads; hand outside code a non-blocking callback (e.g. one that puts onto a Queue)",
                ));
            }
        }
    }

    for (i, w) in res.withs.iter().enumerate() {
        let locks = w.items.iter().filter(|(k, _)| k.is_some()).count();
        if coloring.async_withs[i] && locks < w.items.len() {
            let (_, offset) = w.items.iter().find(|(k, _)| k.is_none()).copied().unwrap_or((None, w.start));
            out.push(at(
                w.module,
                offset,
                Severity::Error,
                "GY107",
                "`with` mixes a lock with a context manager that is not one; `async with` would apply to both".into(),
                "split it into two nested `with` statements (the lock in its own)",
            ));
        }
    }

    for d in &res.decorators {
        if coloring.colored.contains(&d.func) {
            out.push(at(
                d.func.module,
                d.start,
                Severity::Warning,
                "GY302",
                format!("`{}` becomes `async def`, but decorator `{}` is not known to pass coroutine functions through", res.index.display(program, d.func), d.text),
                "check that the decorator returns the function itself (or a wrapper that awaits it)",
            ));
        }
    }
    out
}

/// `a.b.get` -> `a.b`.
fn receiver_text(callee: &str) -> &str {
    callee.rfind('.').map_or(callee, |i| &callee[..i])
}

/// Describes a call's blocking callees for `--explain`.
pub fn describe_call(program: &Program, res: &Resolution, call: &CallFact, colored: &FastSet<FuncId>) -> String {
    let mut parts = Vec::new();
    for c in &call.callees {
        match c {
            Callee::Seed { what, .. } => parts.push(format!("{what} (blocking)")),
            Callee::Function(id) if colored.contains(id) => parts.push(format!("`{}`", res.index.display(program, *id))),
            Callee::Function(id) => parts.push(format!("`{}` (plain)", res.index.display(program, *id))),
            Callee::Plain => parts.push("a plain callable".to_string()),
        }
    }
    parts.dedup();
    format!("calls `{}` -> {}", call.callee_text(program), parts.join(", "))
}

/// Describes a lock-acquiring `with`.
pub fn describe_with(w: &WithFact) -> String {
    let kinds: Vec<&str> = w.items.iter().filter_map(|(k, _)| k.map(Kind::name)).collect();
    format!("`with` acquires a {}", kinds.join(", "))
}
