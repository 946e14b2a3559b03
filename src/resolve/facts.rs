//! The facts the analysis hands on: per call site, `with` statement, decorator and store, what
//! it can invoke or acquire, plus the program-wide facts (thread bodies, method families, kinds
//! built, imports). Offsets are byte offsets into the module's text, which [`Resolution::files`]
//! holds, so consumers get texts and positions from the facts alone.

use std::collections::{BTreeMap, BTreeSet};

use std::sync::Arc;

use super::value::{funcs_in, split_qualified, ObjId, Val, ValSet};
use crate::fxhash::FastSet;
use crate::kinds::{self, External, Kind};
use crate::parse::Source;
use crate::scopes::{ClassId, FuncId, Index};

/// Where code runs: inside a function, or at a module's top level (also class bodies there).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Owner {
    Top(usize),
    Func(FuncId),
}

/// What one possible callee of a call does.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Callee {
    /// A function of the program (colored or not, `color` decides).
    Function(FuncId),
    /// A class of the program built here, by its `__init__` (the one Python calls): when that
    /// blocks, the construction goes through the runtime's factory, awaited
    /// (`await __gy.new(C)(args)`).
    Construct(FuncId),
    /// A blocking runtime operation: `Queue.get`, `time.sleep`; `replace` is the runtime's callee
    /// that takes the original callee's place (`sleep` for `time.sleep`).
    Seed { what: String, replace: Option<&'static str> },
    /// Something that never blocks (builtins, non-blocking methods, foreign code).
    Plain,
}

/// One call site, as the last pass saw it.
#[derive(Debug, Clone)]
pub struct CallFact {
    pub module: usize,
    pub start: usize,
    pub end: usize,
    pub func_start: usize,
    pub func_end: usize,
    /// The callee is a name or attribute (`sleep`, `time.sleep`, `self.pause`), which the
    /// runtime's callee may replace; not a subscript or call (`handlers["nap"]`).
    pub callee_is_reference: bool,
    pub owner: Owner,
    /// Inside a comprehension or generator expression (not its first iterable).
    pub in_comprehension: bool,
    /// In the body of a class defined inside a function (where `await` cannot go).
    pub in_class_body: bool,
    /// Already the operand of `await` (greenify's own output, or user code).
    pub awaited: bool,
    /// The argument of `__gy.run(...)` / `__gy.maybe(...)` (greenify's own output).
    pub adapted: bool,
    pub callees: Vec<Callee>,
    /// A runtime constructor that replaces the callee without blocking (`socket.socket` ->
    /// `gsocket.socket`).
    pub constructor: Option<&'static str>,
    /// Program functions and blocking runtime methods handed here to code outside SRC, which
    /// will call them without `await`.
    pub callbacks: Vec<Callback>,
    /// The names outside SRC that get `callbacks` (`fastlib.register`), when the callee is one;
    /// empty when it is an object made outside SRC.
    pub handed_to: Vec<String>,
    /// `x.m()` where nothing tells what `x` is and `m` is a blocking method name of this kind.
    pub unknown_receiver: Option<(String, Kind)>,
    /// `self.cb()` on a program object whose attribute `cb` is never set in SRC.
    pub unresolved_attribute: Option<String>,
}

/// A callable handed to code outside SRC.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Callback {
    Function(FuncId),
    /// A blocking method of a runtime object (`q.get` in `iter(q.get, None)`).
    Runtime { kind: Kind, obj: ObjId, method: Arc<str> },
    /// A blocking library function (`time.sleep` in `atexit.register(time.sleep, 1)`).
    Library(Arc<str>),
    /// A program class, which code outside SRC builds (`map(Conn, hosts)`), by the `__init__`
    /// Python calls (`None` until the evaluation of the call looks it up, or when it has none).
    Class { class: ClassId, init: Option<FuncId> },
}

impl Callback {
    /// The callbacks among `vals`: program functions and blocking runtime methods.
    pub fn found_in(vals: &ValSet) -> Vec<Callback> {
        let mut out: Vec<Callback> = funcs_in(vals).into_iter().map(Callback::Function).collect();
        for v in vals {
            match v {
                Val::RuntimeMethod(kind, obj, method) if kind.blocks(method) => {
                    out.push(Callback::Runtime { kind: *kind, obj: *obj, method: method.clone() });
                }
                Val::External(q) if blocking_library_function(q).is_some() => out.push(Callback::Library(q.clone())),
                Val::Class(c) => out.push(Callback::Class { class: *c, init: None }),
                _ => {}
            }
        }
        out
    }

    /// How messages name it: the function's display name, or `Queue.get`.
    pub fn what(&self, res: &Resolution) -> String {
        match self {
            Callback::Function(f) => res.display(*f),
            Callback::Runtime { kind, method, .. } => format!("{}.{}", kind.name(), method),
            Callback::Library(q) => q.to_string(),
            Callback::Class { class, .. } => res.index.classes.get(class).map_or_else(String::new, |c| res.index.class_display(c)),
        }
    }

    /// The callbacks among every argument of a call, positional and keyword.
    pub fn in_call(args: &[ValSet], keywords: &[(Option<String>, ValSet)]) -> Vec<Callback> {
        args.iter().chain(keywords.iter().map(|(_, v)| v)).flat_map(Callback::found_in).collect()
    }
}

/// One `with` statement, or a `for` over a results iterator of `concurrent.futures`
/// (`is_for`; its one item is the iterable): both become `async` when their function converts.
#[derive(Debug, Clone)]
pub struct WithFact {
    pub module: usize,
    /// The statement, from `with`/`for` (or `async`) to the end of its body.
    pub start: usize,
    pub end: usize,
    pub owner: Owner,
    pub is_async: bool,
    pub is_for: bool,
    pub items: Vec<WithItemFact>,
}

/// One item of a `with`.
#[derive(Debug, Clone)]
pub struct WithItemFact {
    /// The kind whose `with` (or iteration) may block, if any.
    pub lock: Option<Kind>,
    /// The context expression.
    pub range: std::ops::Range<usize>,
}

/// A decorator applied to a function that is not known to pass coroutines through.
#[derive(Debug, Clone)]
pub struct DecoratorFact {
    pub func: FuncId,
    /// The decorator expression (after the `@`).
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A dotted name whose value is a blocking library function, used as a value rather than called
/// there: `Thread(target=time.sleep)`, `{"nap": time.sleep}`, `wait=time.sleep`. The runtime's
/// own takes its place (`__gy.sleep`).
#[derive(Debug, Clone)]
pub struct ValueRefFact {
    pub module: usize,
    pub start: usize,
    pub end: usize,
    /// The runtime's name that replaces it (`sleep`, `gselect.select`).
    pub replace: &'static str,
}

/// A program function stored where code outside SRC will call it (`ext.on_message = f`).
#[derive(Debug, Clone)]
pub struct StoreFact {
    pub module: usize,
    /// The assignment's target (`ext.on_message`).
    pub start: usize,
    pub end: usize,
    pub owner: Owner,
    pub funcs: Vec<FuncId>,
}

/// Everything `color`, the rules, `explain` and `rewrite` need to know about the program's
/// names and values.
pub struct Resolution<'a> {
    pub index: Index<'a>,
    /// Each module's source (same order as `Program::modules`): the text and positions the facts'
    /// offsets point into.
    pub files: Vec<Source>,
    pub calls: Vec<CallFact>,
    pub withs: Vec<WithFact>,
    pub decorators: Vec<DecoratorFact>,
    pub stores: Vec<StoreFact>,
    pub value_refs: Vec<ValueRefFact>,
    /// Functions the runtime runs as thread bodies (targets, timer functions, `run` of subclasses).
    pub task_bodies: BTreeSet<FuncId>,
    /// Same-name methods of one class hierarchy: they must share a color.
    pub method_families: Vec<Vec<FuncId>>,
    /// Kinds of runtime objects the program builds (the unknown-receiver warning looks at these).
    pub kinds_built: BTreeSet<Kind>,
    /// Which modules of the program each module imports.
    pub imports: BTreeMap<usize, BTreeSet<usize>>,
}


impl Resolution<'_> {
    /// The source of module `module`.
    pub fn file(&self, module: usize) -> &Source {
        &self.files[module]
    }

    /// Text of a call's callee, for messages: `q.get`.
    pub fn callee_text(&self, call: &CallFact) -> &str {
        self.files.get(call.module).map_or("", |f| f.slice(call.func_start, call.func_end))
    }

    /// Display name of a function: `module.Class.method`.
    pub fn display(&self, id: FuncId) -> String {
        self.index.display(id)
    }
}

/// What the evaluation of one unit records (merged into the [`Resolution`] at the end).
#[derive(Default)]
pub struct Recorded {
    pub calls: Vec<CallFact>,
    pub withs: Vec<WithFact>,
    pub decorators: Vec<DecoratorFact>,
    pub stores: Vec<StoreFact>,
    pub value_refs: Vec<ValueRefFact>,
    pub task_bodies: BTreeSet<FuncId>,
    pub kinds_built: BTreeSet<Kind>,
    pub imports: BTreeMap<usize, BTreeSet<usize>>,
    /// Calls already awaited / adapted (offsets in the current module).
    pub awaited: FastSet<(usize, usize)>,
    pub adapted: FastSet<(usize, usize)>,
    /// Start of the `for` iterable being evaluated: a results iterator there is iterated with
    /// `async for`, so its call is not awaited (resolve/futures.rs).
    pub for_iter: Option<usize>,
}


/// The runtime's replacement of a library function that blocks (`time.sleep` -> `sleep`).
pub fn blocking_library_function(qualified: &str) -> Option<&'static str> {
    let (module, name) = split_qualified(qualified);
    match kinds::external_function(module, name)? {
        External::Blocking { replace, .. } => Some(replace),
        _ => None,
    }
}
