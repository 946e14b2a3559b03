//! Coloring: which functions can block. A function is colored when it contains a blocking call
//! (a seed), a `with` on a lock-like object, or a call that may reach a colored function; same-name
//! methods of one class hierarchy share their color. Colors propagate to a fixpoint, and each
//! colored function keeps the reason it was colored (for `--explain`).
//!
//! This module also decides, per call site, how it is converted (plain, `await`, or through the
//! runtime adapter `__gy.maybe`). What cannot be converted is reported by `rules`.

use std::collections::BTreeMap;

use crate::fxhash::FastSet;
use crate::guard::LoopFact;
use crate::resolve::{CallFact, Callee, FuncId, Owner, Resolution};
use crate::scopes::{FuncInfo, MethodKind};

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
    /// This loop (index into `Coloring::loops`) needs the starvation guard: it polls state other
    /// threads change, or it is a loop of a thread body (`guard`).
    Spin(usize),
}

pub struct Coloring {
    pub colored: FastSet<FuncId>,
    pub reasons: BTreeMap<FuncId, Reason>,
    /// Per call fact (same order as `Resolution::calls`).
    pub conversions: Vec<Conversion>,
    /// Per with fact: whether it becomes `async with`.
    pub async_withs: Vec<bool>,
    /// The loops of the program (`guard`); empty when the guard is off.
    pub loops: Vec<LoopFact>,
}

/// Colors the program; `loops` are the program's loops for the starvation guard (empty: off).
pub fn color(res: &Resolution, loops: Vec<LoopFact>) -> Coloring {
    let mut coloring = Coloring {
        colored: FastSet::default(),
        reasons: BTreeMap::new(),
        conversions: vec![Conversion::Plain; res.calls.len()],
        async_withs: vec![false; res.withs.len()],
        loops,
    };
    // Loops that need the guard make their function async. They join once the real reasons
    // have reached their fixpoint: a blocking call explains a function better than a loop.
    let spins: Vec<(FuncId, usize, usize)> = coloring
        .loops
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            let Owner::Func(f) = l.owner else { return None };
            let info = res.index.functions.get(&f)?;
            let wanted = l.polls || res.task_bodies.contains(&f);
            (wanted && l.spot.is_some() && !l.in_local_class && guard_can_convert(info)).then_some((f, l.start, i))
        })
        .collect();
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
    let mut spinning = false;
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
                if w.items.iter().any(|item| item.lock.is_some()) {
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
        if spinning {
            for &(f, offset, i) in &spins {
                offer(f, offset, Reason::Spin(i), &coloring.colored);
            }
        }
        for family in &res.method_families {
            let Some(first) = family.iter().find(|f| coloring.colored.contains(f)).copied() else { continue };
            for f in family {
                offer(*f, usize::MAX, Reason::Family(first), &coloring.colored);
            }
        }
        if found.is_empty() {
            if spinning || spins.is_empty() {
                break;
            }
            spinning = true;
            continue;
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
        coloring.async_withs[i] = owner_colored && !w.is_async && w.items.iter().any(|item| item.lock.is_some());
    }
    coloring
}

/// Whether the guard may make a function async: only where that is never an error (not lambdas,
/// generators, properties or special methods Python calls itself; `__init__` and `__call__`
/// convert). Its callers convert like the callers of any blocking function.
fn guard_can_convert(f: &FuncInfo) -> bool {
    !f.is_lambda()
        && !f.is_generator
        && !f.is_async
        && f.method != MethodKind::Property
        && (!f.is_dunder() || matches!(f.name.as_str(), "__init__" | "__call__"))
}

/// How a call converts, given the colored functions so far and the native `async def`s.
fn conversion(call: &CallFact, colored: &FastSet<FuncId>, native: &FastSet<FuncId>) -> Conversion {
    let mut blocking = false;
    let mut plain = false;
    for c in &call.callees {
        match c {
            Callee::Seed { .. } => blocking = true,
            Callee::Function(id) | Callee::Construct(id) if native.contains(id) => plain = true,
            Callee::Function(id) | Callee::Construct(id) if colored.contains(id) => blocking = true,
            Callee::Function(_) | Callee::Construct(_) | Callee::Plain => plain = true,
        }
    }
    match (blocking, plain) {
        (false, _) => Conversion::Plain,
        (true, false) => Conversion::Await,
        (true, true) => Conversion::Maybe,
    }
}
