//! Resolution: what each name, attribute and call of the program can refer to, and which kind of
//! runtime object each receiver can be.
//!
//! A flow-insensitive abstract interpretation over the whole program: every variable, instance
//! attribute (per class hierarchy), container element and function result holds a set of abstract
//! values (`Val`): program functions, classes and instances, modules, runtime objects built by a
//! known constructor (`Queue()`, `Lock()`, `socket.socket()`...), containers (by the place they are
//! built), literals, and objects made outside SRC. Every statement of every module is evaluated;
//! calls feed their arguments into the callee's parameters (including `Thread(target=f,
//! args=(q,))`); the passes repeat until no set grows. The last pass records, for every call site
//! and `with` statement, what it can invoke (`CallFact`, `WithFact`): that is what `color` needs.
//!
//! Values that reach a receiver from nowhere in SRC make its kind *unknown*; values made by code
//! outside SRC are *foreign* (never runtime objects: those are only built by SRC's own calls).
//!
//! The parts, along the data flow: `value` (the abstract values), `state` (the fixpoint store),
//! `hierarchy` (classes' ancestry and families), `eval` (the evaluator, names and attributes),
//! `exec` (statements), `expr` (expressions and calls), `models` (code outside SRC: builtins,
//! library functions, runtime and container methods), `facts` (what is handed on).

mod eval;
mod exec;
mod expr;
mod facts;
mod futures;
mod hierarchy;
mod models;
mod state;
mod value;

use std::collections::BTreeMap;

use self::eval::Eval;
use self::facts::Recorded;
use self::hierarchy::Hierarchy;
use self::state::{Key, State};
use crate::project::Program;
use crate::scopes::Index;
use crate::trace::Trace;
use crate::work::drop_later;

pub use self::facts::{CallFact, Callback, Callee, DecoratorFact, Owner, Resolution, StoreFact, ValueRefFact, WithFact, WithItemFact};
pub use self::value::{ObjId, ObjTag, Val, ValSet};
pub use crate::scopes::{ClassId, FuncId, MethodKind, ScopeId, ScopeKind};

/// Runs the analysis to its fixpoint.
///
/// The unit of work is a module's top level or one function's body (lambdas and class bodies go
/// with the code around them). Every read of a set records the unit reading it; when a set grows,
/// its readers are evaluated again in the next round. The first round evaluates everything.
pub fn resolve(program: &Program) -> Resolution<'_> {
    let index = Index::build(program);
    let mut state = State::default();
    let mut unit_facts: BTreeMap<Owner, Recorded> = BTreeMap::new();
    let mut hierarchy = Hierarchy::default();
    let all_units: Vec<Owner> = (0..program.modules.len())
        .map(Owner::Top)
        .chain(index.functions.values().filter(|f| !f.is_lambda()).map(|f| Owner::Func(f.id)))
        .collect();
    state.dirty.extend(all_units.iter().copied());
    state.bases_changed = true;
    let trace = Trace::start();
    // Sets only grow and are drawn from finitely many values, so this ends; the bound on rounds
    // is a safety net.
    for _ in 0..10_000 {
        // New bases change the hierarchy, which wakes the readers of the classes it changes.
        if state.dirty.is_empty() && !state.bases_changed {
            break;
        }
        let started = std::time::Instant::now();
        if state.bases_changed {
            state.bases_changed = false;
            let new = Hierarchy::build(&index, &state.bases);
            for class in new.changed_since(&hierarchy) {
                state.grown(Key::Class(class));
            }
            hierarchy = new;
            state.rekey_attrs(&hierarchy);
        }
        let batch = std::mem::take(&mut state.dirty);
        for unit in &batch {
            let mut recorded = Recorded::default();
            state.current = *unit;
            let mut eval = Eval { program, index: &index, state: &mut state, recorded: &mut recorded, hierarchy: std::mem::take(&mut hierarchy) };
            eval.run_unit(*unit);
            hierarchy = std::mem::take(&mut eval.hierarchy);
            unit_facts.insert(*unit, recorded);
        }
        trace.note(format_args!("resolve: round of {} units in {:?}", batch.len(), started.elapsed()));
    }
    // The sets are large and of no use from here on; freeing them takes a while: elsewhere.
    drop_later(state);
    let mut facts = Recorded::default();
    for (_, f) in unit_facts {
        facts.calls.extend(f.calls);
        facts.withs.extend(f.withs);
        facts.decorators.extend(f.decorators);
        facts.stores.extend(f.stores);
        facts.value_refs.extend(f.value_refs);
        facts.task_bodies.extend(f.task_bodies);
        facts.kinds_built.extend(f.kinds_built);
        for (from, to) in f.imports {
            facts.imports.entry(from).or_default().extend(to);
        }
    }
    let method_families = hierarchy.method_families();
    let mut task_bodies = facts.task_bodies.clone();
    for (class, kind) in &hierarchy.runtime_base {
        if kind.is_thread() {
            if let Some(info) = index.classes.get(class) {
                task_bodies.extend(info.methods.get("run").into_iter().flatten().copied());
            }
        }
    }
    Resolution {
        index,
        files: program.modules.iter().map(|m| m.file.source.clone()).collect(),
        calls: facts.calls,
        withs: facts.withs,
        decorators: facts.decorators,
        stores: facts.stores,
        value_refs: facts.value_refs,
        task_bodies,
        method_families,
        kinds_built: facts.kinds_built,
        imports: facts.imports,
    }
}


