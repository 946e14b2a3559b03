//! `--explain`: why each converted function is converted (the chain of calls down to the
//! blocking one), which call sites go through the runtime's adapter, and which calls were left
//! plain by the unknown-receiver rule; and how that is printed.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::PathBuf;

use crate::color::{Coloring, Conversion, Reason};
use crate::fxhash::FastSet;
use crate::guard::LoopFact;
use crate::kinds::Kind;
use crate::resolve::{CallFact, Callee, FuncId, Resolution, WithFact};
use crate::rewrite::RUNTIME_ALIAS;

/// Why a function is colored: one step of the chain from the function down to a blocking seed.
#[derive(Debug, Clone)]
pub struct Step {
    /// e.g. "calls `worker.fetch`" or "calls `q.get` -> Queue.get (blocking)".
    pub what: String,
    pub rel: PathBuf,
    pub line: usize,
    pub col: usize,
}

/// What an explanation is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExplanationKind {
    /// A function that becomes `async def`.
    Colored,
    /// A call site that goes through the runtime adapter `await __gy.maybe(...)`.
    Adapter,
    /// A call with a blocking method name on a receiver of unknown kind, left plain (GY301 rule).
    UnknownReceiver,
}

/// `--explain` output for one colored function (or adapted call site).
#[derive(Debug, Clone)]
pub struct Explanation {
    /// Qualified name, e.g. `app.worker.Worker.run`; for call sites, the call's text.
    pub function: String,
    pub rel: PathBuf,
    pub line: usize,
    pub col: usize,
    /// From the function down to the seed.
    pub chain: Vec<Step>,
    pub kind: ExplanationKind,
}

/// The explanations of a coloring: every colored function with its chain, then the call sites
/// that go through the adapter and the calls left plain by the unknown-receiver rule.
pub fn explain(res: &Resolution, coloring: &Coloring) -> Vec<Explanation> {
    let mut out = Vec::new();
    let place = |module: usize, offset: usize| {
        let file = res.file(module);
        let (line, col) = file.position(offset);
        (file.rel.clone(), line, col)
    };
    for id in coloring.reasons.keys() {
        let (rel, line, col) = place(id.module, id.start);
        let mut chain = Vec::new();
        let mut seen = HashSet::new();
        let mut current = Some(*id);
        while let Some(f) = current.take() {
            if !seen.insert(f) {
                break;
            }
            match coloring.reasons.get(&f) {
                Some(Reason::Call(i)) => {
                    let call = &res.calls[*i];
                    let (rel, line, col) = place(call.module, call.start);
                    chain.push(Step { what: describe_call(res, call, &coloring.colored), rel, line, col });
                    current = call.callees.iter().find_map(|c| match c {
                        Callee::Function(g) | Callee::Construct(g) if coloring.colored.contains(g) => Some(*g),
                        _ => None,
                    });
                    if call.callees.iter().any(|c| matches!(c, Callee::Seed { .. })) {
                        current = None;
                    }
                }
                Some(Reason::With(i)) => {
                    let w = &res.withs[*i];
                    let (rel, line, col) = place(w.module, w.start);
                    chain.push(Step { what: describe_with(w), rel, line, col });
                }
                Some(Reason::Family(g)) => {
                    let (rel, line, col) = place(g.module, g.start);
                    chain.push(Step { what: format!("same-name method of its class hierarchy `{}`", res.display(*g)), rel, line, col });
                    current = Some(*g);
                }
                Some(Reason::Spin(i)) => {
                    if let Some(l) = coloring.loops.get(*i) {
                        let (rel, line, col) = place(l.module, l.start);
                        chain.push(Step { what: describe_spin(res, l), rel, line, col });
                    }
                }
                Some(Reason::AlreadyAsync) => {
                    chain.push(Step { what: "already `async def`".into(), rel: rel.clone(), line, col });
                }
                None => {}
            }
        }
        out.push(Explanation { function: res.display(*id), rel, line, col, chain, kind: ExplanationKind::Colored });
    }
    for (i, call) in res.calls.iter().enumerate() {
        let unknown = call.unknown_receiver.as_ref().is_some_and(|(_, kind)| res.kinds_built.contains(kind));
        if coloring.conversions[i] != Conversion::Maybe && !unknown {
            continue;
        }
        let (rel, line, col) = place(call.module, call.start);
        if coloring.conversions[i] == Conversion::Maybe {
            let step = Step { what: describe_call(res, call, &coloring.colored), rel: rel.clone(), line, col };
            out.push(Explanation {
                function: format!("`{}(...)` goes through `{RUNTIME_ALIAS}.maybe` (its callees mix blocking and plain)", res.callee_text(call)),
                rel,
                line,
                col,
                chain: vec![step],
                kind: ExplanationKind::Adapter,
            });
        } else if let Some((method, kind)) = &call.unknown_receiver {
            if res.kinds_built.contains(kind) {
                out.push(Explanation {
                    function: format!("`{}(...)` is left plain: receiver kind unknown, `{method}` would block on a {} (rule GY301)", res.callee_text(call), kind.name()),
                    rel,
                    line,
                    col,
                    chain: Vec::new(),
                    kind: ExplanationKind::UnknownReceiver,
                });
            }
        }
    }
    out
}

/// `--explain`: for every converted function, a header line, then one indented line per step
/// of the chain down to the blocking call; then likewise the call sites that go through the
/// runtime's adapter and the calls left plain by the unknown-receiver rule. Sorted by place:
///
/// ```text
/// app/w.py:12:1: app.w.Worker.run is async
///     app/w.py:14:9: calls `self.fetch` -> app.w.Worker.fetch
///     app/net.py:3:5: calls `q.get` -> Queue.get (blocking)
/// ```
pub fn render(explanations: &[Explanation]) -> String {
    let mut sorted: Vec<&Explanation> = explanations.iter().collect();
    sorted.sort_by(|a, b| (&a.rel, a.line, a.col, &a.function).cmp(&(&b.rel, b.line, b.col, &b.function)));
    let mut out = String::new();
    for e in sorted {
        let what = match e.kind {
            ExplanationKind::Colored => " is async",
            ExplanationKind::Adapter | ExplanationKind::UnknownReceiver => "",
        };
        let _ = writeln!(out, "{}:{}:{}: {}{what}", e.rel.display(), e.line, e.col, e.function);
        for step in &e.chain {
            let _ = writeln!(out, "    {}:{}:{}: {}", step.rel.display(), step.line, step.col, step.what);
        }
    }
    out
}

/// Describes a call's blocking callees for `--explain`.
fn describe_call(res: &Resolution, call: &CallFact, colored: &FastSet<FuncId>) -> String {
    let mut parts = Vec::new();
    for c in &call.callees {
        match c {
            Callee::Seed { what, .. } => parts.push(format!("{what} (blocking)")),
            Callee::Function(id) if colored.contains(id) => parts.push(format!("`{}`", res.display(*id))),
            Callee::Function(id) => parts.push(format!("`{}` (plain)", res.display(*id))),
            Callee::Construct(id) if colored.contains(id) => parts.push(format!("builds with `{}`", res.display(*id))),
            Callee::Construct(id) => parts.push(format!("builds with `{}` (plain)", res.display(*id))),
            Callee::Plain => parts.push("a plain callable".to_string()),
        }
    }
    parts.dedup();
    format!("calls `{}` -> {}", res.callee_text(call), parts.join(", "))
}

/// Why a loop gets the starvation guard.
fn describe_spin(res: &Resolution, l: &LoopFact) -> String {
    let keyword = if l.is_while { "while" } else { "for" };
    if l.polls {
        format!("`{keyword}` loop polls state other threads change and never waits (the starvation guard yields in it)")
    } else {
        let body = match l.owner {
            crate::resolve::Owner::Func(f) => res.display(f),
            crate::resolve::Owner::Top(_) => String::new(),
        };
        format!("`{keyword}` loop of thread body `{body}` never waits (the starvation guard yields in it)")
    }
}

/// Describes a lock-acquiring `with`.
fn describe_with(w: &WithFact) -> String {
    if w.is_for {
        return "`for` waits for each result of a thread pool".to_string();
    }
    let kinds: Vec<&str> = w.items.iter().filter_map(|item| item.lock.map(Kind::name)).collect();
    format!("`with` acquires a {}", kinds.join(", "))
}
