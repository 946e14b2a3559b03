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

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::fxhash::{FastMap, FastSet};
use crate::kinds::{self, External, Kind};
use crate::parse::ast::{self, Expr, Stmt};
use crate::project::Program;
pub use crate::scopes::{ClassId, FuncId, Index, MethodKind, ScopeId, ScopeKind};
use crate::scopes::{comprehension_generators, end_of, start_of};

/// A place where an object is built (a literal, a constructor call): its module, byte offset and
/// a tag telling apart objects built at one offset (a call's result tuple vs. its argument list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjId {
    pub module: usize,
    pub start: usize,
    pub tag: u8,
}

/// An abstract value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Val {
    /// A module of the program.
    Module(usize),
    /// A name from outside SRC, dotted: `threading.Thread`, `os.path`, `builtins.print`.
    External(Arc<str>),
    /// A function of the program; `bound` when its first parameter is already supplied.
    Func { id: FuncId, bound: bool },
    Class(ClassId),
    Instance(ClassId),
    /// `super()` inside a method of this class.
    Super(ClassId),
    /// A runtime object built by a known constructor.
    Runtime(Kind, ObjId),
    /// A method of a runtime object, not yet called.
    RuntimeMethod(Kind, ObjId, Arc<str>),
    /// A list, tuple, dict or set.
    Container(ObjId),
    /// A method of a container (`items.append`).
    ContainerMethod(ObjId, Arc<str>),
    None,
    /// Any other literal (str, number, bytes...).
    Literal,
    /// An object made by code outside SRC.
    Foreign,
}

pub type ValSet = crate::valset::SortedSet<Val>;

/// Sets stop taking plain values at this size, runtime objects and functions at four times it
/// (keeps pathological programs fast).
const MAX_SET: usize = 32;

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
    /// `x.m()` where nothing tells what `x` is and `m` is a blocking method name of this kind.
    pub unknown_receiver: Option<(String, Kind)>,
    /// `self.cb()` on a program object whose attribute `cb` is never set in SRC.
    pub unresolved_attribute: Option<String>,
}

/// A callable handed to code outside SRC.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Callback {
    Function(FuncId),
    /// A blocking method of a runtime object (`q.get` in `iter(q.get, None)`): `Queue.get`.
    Runtime(String),
}

impl CallFact {
    /// Text of the callee, for messages: `q.get`.
    pub fn callee_text<'t>(&self, program: &'t Program) -> &'t str {
        program.modules.get(self.module).and_then(|m| m.file.text.get(self.func_start..self.func_end)).unwrap_or("")
    }
}

/// One `with` statement.
#[derive(Debug, Clone)]
pub struct WithFact {
    pub module: usize,
    pub start: usize,
    pub owner: Owner,
    pub is_async: bool,
    /// Per item: the lock-like kind it acquires, if any, and the item's start offset.
    pub items: Vec<(Option<Kind>, usize)>,
}

/// A decorator applied to a function that is not known to pass coroutines through.
#[derive(Debug, Clone)]
pub struct DecoratorFact {
    pub func: FuncId,
    pub start: usize,
    pub text: String,
}

/// A program function stored where code outside SRC will call it (`ext.on_message = f`).
#[derive(Debug, Clone)]
pub struct StoreFact {
    pub module: usize,
    pub start: usize,
    pub owner: Owner,
    pub funcs: Vec<FuncId>,
}

/// Everything `color` and `rewrite` need to know about the program's names and values.
pub struct Resolution<'a> {
    pub index: Index<'a>,
    pub calls: Vec<CallFact>,
    pub withs: Vec<WithFact>,
    pub decorators: Vec<DecoratorFact>,
    pub stores: Vec<StoreFact>,
    /// Functions the runtime runs as thread bodies (targets, timer functions, `run` of subclasses).
    pub task_bodies: BTreeSet<FuncId>,
    /// Same-name methods of one class hierarchy: they must share a color.
    pub method_families: Vec<Vec<FuncId>>,
    /// Kinds of runtime objects the program builds (the unknown-receiver warning looks at these).
    pub kinds_built: BTreeSet<Kind>,
    /// Which modules of the program each module imports.
    pub imports: BTreeMap<usize, BTreeSet<usize>>,
}

/// Runs the analysis to its fixpoint.
///
/// The unit of work is a module's top level or one function's body (lambdas and class bodies go
/// with the code around them). Every read of a set records the unit reading it; when a set grows,
/// its readers are evaluated again in the next round. The first round evaluates everything.
pub fn resolve(program: &Program) -> Resolution<'_> {
    let index = Index::build(program);
    let mut state = State::default();
    let mut unit_facts: BTreeMap<Owner, Facts> = BTreeMap::new();
    let mut hierarchy = Hierarchy::default();
    let all_units: Vec<Owner> = (0..program.modules.len())
        .map(Owner::Top)
        .chain(index.functions.values().filter(|f| !f.is_lambda()).map(|f| Owner::Func(f.id)))
        .collect();
    state.dirty.extend(all_units.iter().copied());
    state.bases_changed = true;
    let trace = std::env::var_os("GREENIFY_TRACE").is_some();
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
            let eval = Eval { program, index: &index, state: &mut state, facts: &mut Facts::default(), hierarchy: Hierarchy::default() };
            let new = eval.compute_hierarchy();
            for class in new.changed_since(&hierarchy) {
                state.grown(Key::Class(class));
            }
            hierarchy = new;
            state.rekey_attrs(&hierarchy);
        }
        let batch = std::mem::take(&mut state.dirty);
        for unit in &batch {
            let mut facts = Facts::default();
            state.current = *unit;
            let mut eval = Eval { program, index: &index, state: &mut state, facts: &mut facts, hierarchy: std::mem::take(&mut hierarchy) };
            eval.run_unit(*unit);
            hierarchy = std::mem::take(&mut eval.hierarchy);
            unit_facts.insert(*unit, facts);
        }
        if trace {
            eprintln!("resolve: round of {} units in {:?}", batch.len(), started.elapsed());
        }
    }
    // The sets are large and of no use from here on; freeing them takes a while: elsewhere.
    crate::drop_later(state);
    let mut facts = Facts::default();
    for (_, f) in unit_facts {
        facts.calls.extend(f.calls);
        facts.withs.extend(f.withs);
        facts.decorators.extend(f.decorators);
        facts.stores.extend(f.stores);
        facts.task_bodies.extend(f.task_bodies);
        facts.kinds_built.extend(f.kinds_built);
        for (from, to) in f.imports {
            facts.imports.entry(from).or_default().extend(to);
        }
    }
    let method_families = hierarchy.method_families();
    let mut task_bodies = facts.task_bodies.clone();
    for (class, kind) in &hierarchy.runtime_base {
        if *kind == Kind::Thread {
            if let Some(info) = index.classes.get(class) {
                task_bodies.extend(info.methods.get("run").into_iter().flatten().copied());
            }
        }
    }
    Resolution {
        index,
        calls: facts.calls,
        withs: facts.withs,
        decorators: facts.decorators,
        stores: facts.stores,
        task_bodies,
        method_families,
        kinds_built: facts.kinds_built,
        imports: facts.imports,
    }
}


/// A variable or attribute name, by its number in `Names`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Name(u32);

/// Numbers the names the analysis meets, so that its keys need no string.
#[derive(Default)]
struct Names(FastMap<Box<str>, Name>);

impl Names {
    fn id(&mut self, name: &str) -> Name {
        if let Some(id) = self.0.get(name) {
            return *id;
        }
        let id = Name(u32::try_from(self.0.len()).unwrap_or(u32::MAX));
        self.0.insert(name.into(), id);
        id
    }
}

/// A growing set, as a reader depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Var(ScopeId, Name),
    Attr(ClassId, Name),
    Elem(ObjId, Option<usize>),
    Ret(FuncId),
    /// What the class hierarchy says about one class (its family, ancestors, runtime base).
    Class(ClassId),
}

/// The growing sets, who reads them, and which units must run again.
struct State {
    /// Names of variables and attributes, numbered: keys stay small and cheap to hash and copy.
    names: Names,
    vars: FastMap<(ScopeId, Name), ValSet>,
    /// Attributes per class family (instance and class attributes alike).
    attrs: FastMap<(ClassId, Name), ValSet>,
    /// Elements of containers and queues; `Some(i)` is the i-th element of a tuple.
    elems: FastMap<(ObjId, Option<usize>), ValSet>,
    returns: FastMap<FuncId, ValSet>,
    bases: FastMap<ClassId, ValSet>,
    bases_changed: bool,
    /// Who read each set. A unit reads the same set many times in a row: only a change of
    /// reader is recorded (a unit can appear more than once; `dirty` is a set).
    readers: FastMap<Key, Vec<Owner>>,
    dirty: BTreeSet<Owner>,
    /// The unit being evaluated.
    current: Owner,
}

impl Default for State {
    fn default() -> Self {
        State {
            names: Names::default(),
            vars: FastMap::default(),
            attrs: FastMap::default(),
            elems: FastMap::default(),
            returns: FastMap::default(),
            bases: FastMap::default(),
            bases_changed: false,
            readers: FastMap::default(),
            dirty: BTreeSet::new(),
            current: Owner::Top(0),
        }
    }
}

impl State {
    /// Adds `vals` to `set`; whether it grew.
    fn add(set: &mut ValSet, vals: &ValSet) -> bool {
        let mut grew = false;
        for v in vals {
            // Runtime objects and functions decide conversions: they get more room.
            let limit = match v {
                Val::Runtime(..) | Val::Func { .. } => MAX_SET * 4,
                _ => MAX_SET,
            };
            if set.len() < limit {
                grew |= set.insert(v.clone());
            }
        }
        grew
    }

    fn grown(&mut self, key: Key) {
        if let Some(readers) = self.readers.get(&key) {
            self.dirty.extend(readers.iter().copied());
        }
    }

    fn add_var(&mut self, scope: ScopeId, name: &str, vals: &ValSet) {
        if vals.is_empty() {
            return;
        }
        let name = self.names.id(name);
        if State::add(self.vars.entry((scope, name)).or_default(), vals) {
            self.grown(Key::Var(scope, name));
        }
    }
    fn add_attr(&mut self, class: ClassId, name: &str, vals: &ValSet) {
        if vals.is_empty() {
            return;
        }
        let name = self.names.id(name);
        if State::add(self.attrs.entry((class, name)).or_default(), vals) {
            self.grown(Key::Attr(class, name));
        }
    }
    fn add_elem(&mut self, key: (ObjId, Option<usize>), vals: &ValSet) {
        if vals.is_empty() {
            return;
        }
        if State::add(self.elems.entry(key).or_default(), vals) {
            self.grown(Key::Elem(key.0, key.1));
        }
    }
    fn add_return(&mut self, key: FuncId, vals: &ValSet) {
        if vals.is_empty() {
            return;
        }
        if State::add(self.returns.entry(key).or_default(), vals) {
            self.grown(Key::Ret(key));
        }
    }

    fn note_reader(&mut self, key: Key) {
        let current = self.current;
        let readers = self.readers.entry(key).or_default();
        if readers.last() != Some(&current) {
            readers.push(current);
        }
    }

    fn var(&mut self, scope: ScopeId, name: &str) -> ValSet {
        let name = self.names.id(name);
        self.note_reader(Key::Var(scope, name));
        self.vars.get(&(scope, name)).cloned().unwrap_or_default()
    }
    fn attr(&mut self, rep: ClassId, name: &str) -> ValSet {
        let name = self.names.id(name);
        self.note_reader(Key::Attr(rep, name));
        self.attrs.get(&(rep, name)).cloned().unwrap_or_default()
    }
    fn elem(&mut self, obj: ObjId, slot: Option<usize>) -> ValSet {
        self.note_reader(Key::Elem(obj, slot));
        self.elems.get(&(obj, slot)).cloned().unwrap_or_default()
    }
    fn ret(&mut self, id: FuncId) -> ValSet {
        self.note_reader(Key::Ret(id));
        self.returns.get(&id).cloned().unwrap_or_default()
    }

    /// Moves attributes to their family's representative after families merged.
    fn rekey_attrs(&mut self, hierarchy: &Hierarchy) {
        let moved: Vec<(ClassId, Name)> = self.attrs.keys().filter(|(c, _)| hierarchy.rep(*c) != *c).copied().collect();
        for key in moved {
            if let Some(vals) = self.attrs.remove(&key) {
                let target = (hierarchy.rep(key.0), key.1);
                State::add(self.attrs.entry(target).or_default(), &vals);
            }
        }
    }
}

/// What the current pass records.
#[derive(Default)]
struct Facts {
    calls: Vec<CallFact>,
    withs: Vec<WithFact>,
    decorators: Vec<DecoratorFact>,
    stores: Vec<StoreFact>,
    task_bodies: BTreeSet<FuncId>,
    kinds_built: BTreeSet<Kind>,
    imports: BTreeMap<usize, BTreeSet<usize>>,
    /// Calls already awaited / adapted (offsets in the current module).
    awaited: FastSet<(usize, usize)>,
    adapted: FastSet<(usize, usize)>,
}

/// Classes' ancestry, recomputed at the start of each pass from the bases seen so far. Classes
/// connected by inheritance form a family, named by its smallest class (its representative):
/// attributes and same-name methods are shared within a family.
#[derive(Default)]
struct Hierarchy {
    /// Program classes each class derives from directly.
    parents: FastMap<ClassId, Vec<ClassId>>,
    /// Strict ancestors of each class, nearest first.
    ancestors: FastMap<ClassId, Vec<ClassId>>,
    /// The representative of each class's family.
    rep: FastMap<ClassId, ClassId>,
    /// Methods by (family representative, name).
    methods: FastMap<(ClassId, String), Vec<FuncId>>,
    /// Runtime kind a class derives from (`class Worker(threading.Thread)`).
    runtime_base: FastMap<ClassId, Kind>,
    /// Classes deriving from a class outside SRC that is not a runtime class
    /// (`class Client(umqtt.MQTTClient)`): their unknown attributes come from there.
    foreign_base: FastSet<ClassId>,
}

impl Hierarchy {
    fn rep(&self, class: ClassId) -> ClassId {
        self.rep.get(&class).copied().unwrap_or(class)
    }

    fn ancestors(&self, class: ClassId) -> &[ClassId] {
        self.ancestors.get(&class).map_or(&[], |a| a.as_slice())
    }

    /// Classes whose family, ancestors or runtime base differ from `old`.
    fn changed_since(&self, old: &Hierarchy) -> Vec<ClassId> {
        let mut sizes: FastMap<ClassId, usize> = FastMap::default();
        for rep in self.rep.values() {
            *sizes.entry(*rep).or_default() += 1;
        }
        let mut old_sizes: FastMap<ClassId, usize> = FastMap::default();
        for rep in old.rep.values() {
            *old_sizes.entry(*rep).or_default() += 1;
        }
        let mut out = Vec::new();
        for (class, rep) in &self.rep {
            let same = old.rep.get(class) == Some(rep)
                && old_sizes.get(rep) == sizes.get(rep)
                && old.ancestors.get(class) == self.ancestors.get(class)
                && old.runtime_base.get(class) == self.runtime_base.get(class)
                && old.foreign_base.contains(class) == self.foreign_base.contains(class);
            if !same {
                out.push(*class);
            }
        }
        out
    }

    fn method_families(&self) -> Vec<Vec<FuncId>> {
        let mut out: Vec<Vec<FuncId>> = self
            .methods
            .values()
            .filter(|ids| ids.len() > 1)
            .map(|ids| {
                let mut ids = ids.clone();
                ids.sort();
                ids
            })
            .collect();
        out.sort();
        out
    }
}

/// Where an expression is evaluated.
#[derive(Clone)]
struct Ctx {
    module: usize,
    scope: ScopeId,
    owner: Owner,
    /// The class whose method this is (for `super()`).
    class: Option<ClassId>,
    in_comprehension: bool,
    /// In the body of a class defined inside a function.
    in_class_body: bool,
}

struct Eval<'p, 's> {
    program: &'p Program,
    index: &'s Index<'p>,
    state: &'s mut State,
    facts: &'s mut Facts,
    hierarchy: Hierarchy,
}

fn one(v: Val) -> ValSet {
    let mut s = ValSet::new();
    s.insert(v);
    s
}

fn external(name: &str) -> Val {
    Val::External(Arc::from(name))
}

/// Splits `a.b.c` into (`a.b`, `c`).
fn split_qualified(q: &str) -> (&str, &str) {
    match q.rfind('.') {
        Some(i) => (&q[..i], &q[i + 1..]),
        None => ("builtins", q),
    }
}

impl<'p> Eval<'p, '_> {
    // ---------------------------------------------------------------------------------------
    // Classes

    fn compute_hierarchy(&self) -> Hierarchy {
        let mut h = Hierarchy::default();
        let mut ids: Vec<ClassId> = self.index.classes.keys().copied().collect();
        ids.sort();
        for id in &ids {
            let mut parents = Vec::new();
            for base in self.state.bases.get(id).into_iter().flatten() {
                match base {
                    Val::Class(c) if c != id => parents.push(*c),
                    Val::External(q) => {
                        let (m, n) = split_qualified(q);
                        if let Some(External::Constructor { kind, .. }) = kinds::external_function(m, n) {
                            h.runtime_base.insert(*id, kind);
                        } else if q.as_ref() != "builtins.object" {
                            h.foreign_base.insert(*id);
                        }
                    }
                    Val::Foreign => {
                        h.foreign_base.insert(*id);
                    }
                    _ => {}
                }
            }
            h.parents.insert(*id, parents);
        }
        for id in &ids {
            let mut out: Vec<ClassId> = Vec::new();
            let mut todo = vec![*id];
            while let Some(c) = todo.pop() {
                for p in h.parents.get(&c).into_iter().flatten() {
                    if p != id && !out.contains(p) {
                        out.push(*p);
                        todo.push(*p);
                    }
                }
            }
            // Runtime and foreign bases are inherited.
            if !h.runtime_base.contains_key(id) {
                if let Some(kind) = out.iter().find_map(|a| h.runtime_base.get(a).copied()) {
                    h.runtime_base.insert(*id, kind);
                }
            }
            if out.iter().any(|a| h.foreign_base.contains(a)) {
                h.foreign_base.insert(*id);
            }
            h.ancestors.insert(*id, out);
        }
        // Families: union-find over the inheritance edges.
        let mut up: FastMap<ClassId, ClassId> = ids.iter().map(|c| (*c, *c)).collect();
        fn find(up: &mut FastMap<ClassId, ClassId>, c: ClassId) -> ClassId {
            let mut root = c;
            while let Some(&p) = up.get(&root) {
                if p == root {
                    break;
                }
                root = p;
            }
            up.insert(c, root);
            root
        }
        for id in &ids {
            for p in h.parents.get(id).cloned().unwrap_or_default() {
                let (a, b) = (find(&mut up, *id), find(&mut up, p));
                if a != b {
                    let (low, high) = if a < b { (a, b) } else { (b, a) };
                    up.insert(high, low);
                }
            }
        }
        for id in &ids {
            let rep = find(&mut up, *id);
            h.rep.insert(*id, rep);
            if let Some(info) = self.index.classes.get(id) {
                for (name, funcs) in &info.methods {
                    h.methods.entry((rep, name.clone())).or_default().extend(funcs);
                }
            }
        }
        h
    }

    /// Methods called `name` anywhere in the family of `class`.
    fn family_methods(&mut self, class: ClassId, name: &str) -> Vec<FuncId> {
        self.state.note_reader(Key::Class(class));
        self.hierarchy.methods.get(&(self.hierarchy.rep(class), name.to_string())).cloned().unwrap_or_default()
    }

    /// Attribute values stored on any class of the family.
    fn family_attr(&mut self, class: ClassId, name: &str) -> ValSet {
        self.state.note_reader(Key::Class(class));
        let rep = self.hierarchy.rep(class);
        self.state.attr(rep, name)
    }

    fn method_value(&self, id: FuncId, via_instance: bool) -> Val {
        let method = self.index.functions.get(&id).map_or(MethodKind::Plain, |f| f.method);
        let bound = match method {
            MethodKind::Static | MethodKind::Plain => false,
            MethodKind::Class => true,
            MethodKind::Instance | MethodKind::Property => via_instance,
        };
        Val::Func { id, bound }
    }

    // ---------------------------------------------------------------------------------------
    // Names and attributes

    fn load_name(&mut self, name: &str, ctx: &Ctx) -> ValSet {
        match self.index.home(ctx.scope, name) {
            Some(scope) => {
                let vals = self.state.var(scope, name);
                if vals.is_empty() && matches!(self.index.scopes[scope].kind, ScopeKind::Module) {
                    return self.star_lookup(self.index.scopes[scope].module, name, &mut Vec::new());
                }
                vals
            }
            None => {
                let star = self.star_lookup(ctx.module, name, &mut Vec::new());
                if !star.is_empty() {
                    return star;
                }
                match name {
                    "super" => one(external("builtins.super")),
                    "None" => one(Val::None),
                    _ => one(external(&format!("builtins.{name}"))),
                }
            }
        }
    }

    /// A name that `from m import *` may have brought into module `m0`.
    fn star_lookup(&mut self, m0: usize, name: &str, seen: &mut Vec<usize>) -> ValSet {
        if seen.contains(&m0) {
            return ValSet::new();
        }
        seen.push(m0);
        let mut out = ValSet::new();
        let sources = self.state.var(self.index.globals_of(m0), "*");
        // A name greenify knows as one outside module's (`Thread`, `sleep`) comes from that module
        // only, not from every `from <known module> import *`.
        let claimed = sources.iter().any(|v| matches!(v, Val::External(module) if kinds::external_function(module, name).is_some()));
        for source in sources {
            match source {
                Val::Module(m) => {
                    let scope = self.index.globals_of(m);
                    let vals = self.state.var(scope, name);
                    if vals.is_empty() {
                        out.extend(self.star_lookup(m, name, seen));
                    } else {
                        out.extend(vals);
                    }
                }
                Val::External(module) if kinds::external_function(&module, name).is_some() || (!claimed && is_known_module(&module)) => {
                    out.insert(external(&format!("{module}.{name}")));
                }
                _ => {}
            }
        }
        out
    }

    fn store_name(&mut self, name: &str, vals: &ValSet, ctx: &Ctx) {
        let scope = self.index.home(ctx.scope, name).unwrap_or(ctx.scope);
        self.state.add_var(scope, name, vals);
    }

    /// `value.attr` for every value in `base`.
    fn attribute(&mut self, base: &ValSet, attr: &str) -> ValSet {
        let mut out = ValSet::new();
        for v in base {
            match v {
                Val::Module(m) => {
                    let scope = self.index.globals_of(*m);
                    let vals = self.state.var(scope, attr);
                    if vals.is_empty() {
                        out.extend(self.star_lookup(*m, attr, &mut Vec::new()));
                    }
                    out.extend(vals);
                    let sub = format!("{}.{attr}", self.program.modules[*m].name);
                    if let Some(s) = self.index.module_names.get(&sub) {
                        out.insert(Val::Module(*s));
                    }
                }
                Val::External(q) => {
                    out.insert(external(&format!("{q}.{attr}")));
                }
                Val::Class(c) => {
                    let own = self.class_methods(*c, attr);
                    out.extend(own.into_iter().map(|id| self.method_value(id, false)));
                    out.extend(self.family_attr(*c, attr));
                }
                Val::Instance(c) if attr == "__class__" => {
                    out.insert(Val::Class(*c));
                }
                Val::Instance(c) => {
                    let methods = self.family_methods(*c, attr);
                    out.extend(methods.iter().map(|id| self.method_value(*id, true)));
                    let stored = self.family_attr(*c, attr);
                    // An attribute SRC stores on the object (`self.q = q` in a Thread subclass)
                    // hides the runtime class's own attribute of that name, unless that one blocks.
                    let has_stored = !stored.is_empty();
                    let hidden = |kind: &Kind| has_stored && !kind.blocks(attr);
                    out.extend(stored);
                    if methods.is_empty() {
                        if let Some(kind) = self.hierarchy.runtime_base.get(c).filter(|k| !hidden(k)) {
                            let obj = ObjId { module: c.module, start: c.start, tag: 9 };
                            out.insert(Val::RuntimeMethod(*kind, obj, Arc::from(attr)));
                        } else if !has_stored && self.hierarchy.foreign_base.contains(c) {
                            // Inherited from the class outside SRC.
                            out.insert(Val::Foreign);
                        }
                    }
                }
                Val::Super(c) => {
                    self.state.note_reader(Key::Class(*c));
                    let mut found = false;
                    for a in self.hierarchy.ancestors(*c).to_vec() {
                        let ids = self.index.classes.get(&a).and_then(|i| i.methods.get(attr)).cloned().unwrap_or_default();
                        found |= !ids.is_empty();
                        out.extend(ids.iter().map(|id| self.method_value(*id, true)));
                    }
                    if !found {
                        if let Some(kind) = self.hierarchy.runtime_base.get(c) {
                            let obj = ObjId { module: c.module, start: c.start, tag: 9 };
                            out.insert(Val::RuntimeMethod(*kind, obj, Arc::from(attr)));
                        } else {
                            out.insert(Val::Foreign);
                        }
                    }
                }
                Val::Runtime(kind, obj) => {
                    out.insert(Val::RuntimeMethod(*kind, *obj, Arc::from(attr)));
                }
                Val::Container(obj) => {
                    out.insert(Val::ContainerMethod(*obj, Arc::from(attr)));
                }
                Val::None => {}
                _ => {
                    out.insert(Val::Foreign);
                }
            }
        }
        out
    }

    /// Methods `attr` of a class and its ancestors (nearest definition per class).
    fn class_methods(&mut self, class: ClassId, attr: &str) -> Vec<FuncId> {
        self.state.note_reader(Key::Class(class));
        let mut out = Vec::new();
        for c in std::iter::once(&class).chain(self.hierarchy.ancestors(class)) {
            if let Some(ids) = self.index.classes.get(c).and_then(|i| i.methods.get(attr)) {
                out.extend(ids);
            }
        }
        out
    }

    fn store_attribute(&mut self, base: &ValSet, attr: &str, vals: &ValSet, at: usize, ctx: &Ctx) {
        for v in base {
            match v {
                Val::Instance(c) | Val::Class(c) => {
                    let rep = self.hierarchy.rep(*c);
                    self.state.add_attr(rep, attr, vals);
                }
                Val::Module(m) => {
                    let scope = self.index.globals_of(*m);
                    self.state.add_var(scope, attr, vals);
                }
                Val::External(_) | Val::Foreign | Val::Runtime(..) => {
                    let funcs = funcs_in(vals);
                    if !funcs.is_empty() {
                        self.facts.stores.push(StoreFact { module: ctx.module, start: at, owner: ctx.owner, funcs });
                    }
                }
                _ => {}
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // Statements

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
            }),
            Stmt::Assign(a) => {
                let vals = self.eval(&a.value, ctx);
                for target in &a.targets {
                    self.assign(target, &vals, ctx);
                }
            }
            Stmt::AugAssign(a) => {
                let mut vals = self.eval(&a.value, ctx);
                let old = self.eval(&a.target, ctx);
                // `items += [f]` extends the list in place.
                for v in &old {
                    if let Val::Container(obj) = v {
                        let elems = self.iterate(&vals);
                        self.state.add_elem((*obj, None), &elems);
                    }
                }
                vals.extend(old);
                self.assign(&a.target, &vals, ctx);
            }
            Stmt::AnnAssign(a) => {
                if let Some(value) = &a.value {
                    let vals = self.eval(value, ctx);
                    self.assign(&a.target, &vals, ctx);
                }
            }
            Stmt::TypeAlias(_) => {}
            Stmt::For(f) => {
                let iter = self.eval(&f.iter, ctx);
                let elems = self.iterate(&iter);
                self.assign(&f.target, &elems, ctx);
                self.exec_body(&f.body, ctx);
                self.exec_body(&f.orelse, ctx);
            }
            Stmt::AsyncFor(f) => {
                let iter = self.eval(&f.iter, ctx);
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
            Stmt::With(w) => self.exec_with(start_of(stmt), false, &w.items, &w.body, ctx),
            Stmt::AsyncWith(w) => self.exec_with(start_of(stmt), true, &w.items, &w.body, ctx),
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

    fn exec_with(&mut self, start: usize, is_async: bool, items: &'p [ast::WithItem], body: &'p [Stmt], ctx: &Ctx) {
        let mut fact = WithFact { module: ctx.module, start, owner: ctx.owner, is_async, items: Vec::new() };
        for item in items {
            let vals = self.eval(&item.context_expr, ctx);
            for v in &vals {
                if let Val::Instance(c) = v {
                    self.state.note_reader(Key::Class(*c));
                }
            }
            let lock = vals.iter().find_map(|v| match v {
                Val::Runtime(k, _) if k.is_lock_like() => Some(*k),
                Val::Instance(c) => self.hierarchy.runtime_base.get(c).copied().filter(|k| k.is_lock_like()),
                _ => None,
            });
            fact.items.push((lock, start_of(&item.context_expr)));
            if let Some(target) = &item.optional_vars {
                let entered = self.entered(&vals);
                self.assign(target, &entered, ctx);
            }
        }
        self.facts.withs.push(fact);
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
    fn run_unit(&mut self, unit: Owner) {
        match unit {
            Owner::Top(m) => {
                let ctx = Ctx { module: m, scope: self.index.globals_of(m), owner: unit, class: None, in_comprehension: false, in_class_body: false };
                self.exec_body(&self.program.modules[m].file.suite, &ctx);
            }
            Owner::Func(id) => {
                let Some(info) = self.index.functions.get(&id) else { return };
                let body: &'p [Stmt] = match info.node {
                    crate::scopes::FuncNode::Def(d) => &d.body,
                    crate::scopes::FuncNode::AsyncDef(d) => &d.body,
                    crate::scopes::FuncNode::Lambda(_) => return,
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
    fn eval_params(&mut self, id: FuncId, args: &'p ast::Arguments, ctx: &Ctx) {
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
            let obj = ObjId { module: id.module, start: id.start, tag: 7 };
            self.state.add_var(scope, v.arg.as_str(), &one(Val::Container(obj)));
        }
        if let Some(k) = &args.kwarg {
            let obj = ObjId { module: id.module, start: id.start, tag: 8 };
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
                    if !kinds::decorator_passes_coroutines(q) && !property {
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
                        Expr::Call(c) => self.peek(&c.func, ctx).iter().any(|v| matches!(v, Val::External(q) if kinds::decorator_passes_coroutines(q))),
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
            self.facts.decorators.push(DecoratorFact { func, start: start_of(deco), text: self.text(ctx.module, deco) });
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
    fn module_value(&mut self, dotted: &str, from: usize) -> Val {
        if is_known_module(kinds::canonical_module(dotted)) {
            return external(kinds::canonical_module(dotted));
        }
        match self.index.module_names.get(dotted) {
            Some(m) => {
                self.facts.imports.entry(from).or_default().insert(*m);
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
                    self.facts.imports.entry(ctx.module).or_default().insert(m);
                    one(Val::Module(m))
                }
                None => self.attribute(&one(source.clone()), name),
            };
            self.store_name(local, &vals, ctx);
        }
    }

    /// Assigns `vals` to a target expression.
    fn assign(&mut self, target: &'p Expr, vals: &ValSet, ctx: &Ctx) {
        match target {
            Expr::Name(n) => self.store_name(n.id.as_str(), vals, ctx),
            Expr::Attribute(a) => {
                let base = self.eval(&a.value, ctx);
                self.store_attribute(&base, a.attr.as_str(), vals, start_of(target), ctx);
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

    /// The values an iteration over `vals` yields.
    fn iterate(&mut self, vals: &ValSet) -> ValSet {
        let mut out = ValSet::new();
        for v in vals {
            match v {
                Val::Container(obj) => out.extend(self.state.elem(*obj, None)),
                Val::None => {}
                _ => {
                    out.insert(Val::Foreign);
                }
            }
        }
        out
    }

    // ---------------------------------------------------------------------------------------
    // Expressions

    fn text(&self, module: usize, expr: &Expr) -> String {
        let text = &self.program.modules[module].file.text;
        text.get(start_of(expr)..end_of(expr)).unwrap_or("").to_string()
    }

    fn eval(&mut self, expr: &'p Expr, ctx: &Ctx) -> ValSet {
        match expr {
            Expr::Name(n) => self.load_name(n.id.as_str(), ctx),
            Expr::Attribute(a) => {
                let base = self.eval(&a.value, ctx);
                self.attribute(&base, a.attr.as_str())
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
                let obj = ObjId { module: ctx.module, start: start_of(expr), tag: 0 };
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
                let index = match &*s.slice {
                    Expr::Constant(c) => match &c.value {
                        ast::Constant::Int(i) => i.to_string().parse::<usize>().ok(),
                        _ => None,
                    },
                    _ => None,
                };
                let mut out = ValSet::new();
                for v in &base {
                    match v {
                        Val::Container(obj) => {
                            if matches!(&*s.slice, Expr::Slice(_)) {
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
                        _ => {
                            out.insert(Val::Foreign);
                        }
                    }
                }
                out
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
                    self.facts.awaited.insert((ctx.module, start_of(c)));
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
                // `list + list` keeps the elements (a fresh container would too, roughly).
                let mut out: ValSet = left.into_iter().filter(|v| matches!(v, Val::Container(_))).collect();
                out.extend(right.into_iter().filter(|v| matches!(v, Val::Container(_))));
                out.insert(Val::Foreign);
                out
            }
            _ => {
                // Everything else evaluates its parts for their calls and yields a plain value.
                struct Parts<'e>(Vec<&'e Expr>);
                impl<'e> crate::walk::Visitor<'e> for Parts<'e> {
                    fn visit_expr(&mut self, expr: &'e Expr) {
                        self.0.push(expr);
                    }
                }
                let mut parts = Parts(Vec::new());
                crate::walk::walk_expr(&mut parts, expr);
                for p in parts.0 {
                    self.eval(p, ctx);
                }
                one(Val::Literal)
            }
        }
    }

    fn container(&mut self, start: usize, module: usize, elts: &'p [Expr], ctx: &Ctx, positional: bool) -> ValSet {
        let obj = ObjId { module, start, tag: 0 };
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
        let obj = ObjId { module: ctx.module, start: start_of(expr), tag: 0 };
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

    fn result_of(&mut self, id: FuncId) -> ValSet {
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
    fn bind_call(&mut self, id: FuncId, bound: bool, args: &[ValSet], keywords: &[(Option<String>, ValSet)], spread: Option<&ValSet>) {
        let Some(info) = self.index.functions.get(&id) else { return };
        let scope = info.scope;
        let fargs = info.args();
        let positional: Vec<&str> = info.positional().collect();
        let skip = usize::from(bound && !positional.is_empty());
        for (i, vals) in args.iter().enumerate() {
            match positional.get(i + skip) {
                Some(name) => self.state.add_var(scope, name, vals),
                None => {
                    let obj = ObjId { module: id.module, start: id.start, tag: 7 };
                    self.state.add_elem((obj, None), vals);
                }
            }
        }
        if let Some(spread) = spread {
            for name in positional.iter().skip(skip + args.len()) {
                self.state.add_var(scope, name, spread);
            }
            let obj = ObjId { module: id.module, start: id.start, tag: 7 };
            self.state.add_elem((obj, None), spread);
        }
        let kwonly: Vec<&str> = fargs.kwonlyargs.iter().map(|a| a.def.arg.as_str()).collect();
        for (name, vals) in keywords {
            match name {
                Some(name) if positional.contains(&name.as_str()) || kwonly.contains(&name.as_str()) => {
                    self.state.add_var(scope, name, vals);
                }
                Some(_) => {
                    let obj = ObjId { module: id.module, start: id.start, tag: 8 };
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

    fn eval_call(&mut self, call: &'p ast::ExprCall, ctx: &Ctx) -> ValSet {
        let start = start_of(call);
        let func_vals = self.eval(&call.func, ctx);
        let adapter = func_vals.iter().any(|v| matches!(v, Val::External(q) if matches!(q.as_ref(), "greenify.run" | "greenify.maybe")));
        if adapter {
            if let Some(Expr::Call(inner)) = call.args.first() {
                self.facts.adapted.insert((ctx.module, start_of(inner)));
            }
        }
        // Arguments: positional sets, starred spread, keywords.
        let mut args: Vec<ValSet> = Vec::new();
        let mut spread: Option<ValSet> = None;
        for a in &call.args {
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
        for k in &call.keywords {
            let vals = self.eval(&k.value, ctx);
            keywords.push((k.arg.as_ref().map(|a| a.to_string()), vals));
        }

        let mut fact = CallFact {
            module: ctx.module,
            start,
            end: end_of(call),
            func_start: start_of(&*call.func),
            func_end: end_of(&*call.func),
            owner: ctx.owner,
            in_comprehension: ctx.in_comprehension,
            in_class_body: ctx.in_class_body,
            awaited: self.facts.awaited.contains(&(ctx.module, start)),
            adapted: self.facts.adapted.contains(&(ctx.module, start)),
            callees: Vec::new(),
            constructor: None,
            callbacks: Vec::new(),
            unknown_receiver: None,
            unresolved_attribute: None,
        };
        let mut result = ValSet::new();
        // A foreign object held where a runtime object with this blocking method is held too
        // (`self.sock = ssl.wrap_socket(self.sock)`) is taken to be a wrapper of it.
        let runtime_blocks = func_vals.iter().any(|v| matches!(v, Val::RuntimeMethod(k, _, m) if k.blocks(m)));
        for callee in &func_vals {
            if runtime_blocks && *callee == Val::Foreign {
                continue;
            }
            self.call_value(callee, call, ctx, &args, &keywords, spread.as_ref(), &mut fact, &mut result);
        }
        if func_vals.is_empty() || func_vals.iter().all(|v| matches!(v, Val::None)) {
            self.note_unknown_callee(call, ctx, &mut fact);
        }
        fact.callees.sort();
        fact.callees.dedup();
        fact.callbacks.sort();
        fact.callbacks.dedup();
        self.facts.calls.push(fact);
        result
    }

    /// A call whose callee has no known value: an unknown receiver with a blocking method name, or
    /// an attribute of a program object never set in SRC.
    fn note_unknown_callee(&mut self, call: &'p ast::ExprCall, ctx: &Ctx, fact: &mut CallFact) {
        let Expr::Attribute(a) = &*call.func else { return };
        let receiver = self.peek(&a.value, ctx);
        let method = a.attr.as_str();
        if receiver.is_empty() {
            if let Some(kind) = kinds::is_blocking_name(method) {
                fact.unknown_receiver = Some((method.to_string(), kind));
            }
        } else if receiver.iter().any(|v| matches!(v, Val::Instance(_))) {
            fact.unresolved_attribute = Some(method.to_string());
        }
    }

    /// The values of a simple expression (name or attribute chain) without recording anything.
    fn peek(&mut self, expr: &'p Expr, ctx: &Ctx) -> ValSet {
        match expr {
            Expr::Name(n) => self.load_name(n.id.as_str(), ctx),
            Expr::Attribute(a) => {
                let base = self.peek(&a.value, ctx);
                self.attribute(&base, a.attr.as_str())
            }
            _ => one(Val::Foreign),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn call_value(
        &mut self,
        callee: &Val,
        call: &'p ast::ExprCall,
        ctx: &Ctx,
        args: &[ValSet],
        keywords: &[(Option<String>, ValSet)],
        spread: Option<&ValSet>,
        fact: &mut CallFact,
        result: &mut ValSet,
    ) {
        let site = ObjId { module: ctx.module, start: start_of(call), tag: 1 };
        match callee {
            Val::Func { id, bound } => {
                self.bind_call(*id, *bound, args, keywords, spread);
                result.extend(self.result_of(*id));
                fact.callees.push(Callee::Function(*id));
            }
            Val::Class(c) => {
                result.insert(Val::Instance(*c));
                for init in self.class_methods(*c, "__init__") {
                    self.bind_call(init, true, args, keywords, spread);
                }
                if let Some(kind) = self.hierarchy.runtime_base.get(c).copied() {
                    self.facts.kinds_built.insert(kind);
                    if kind == Kind::Thread {
                        self.thread_target(call, ctx, args, 0, keywords, kinds::thread_target_params("threading", "Thread"));
                    }
                }
                fact.callees.push(Callee::Plain);
            }
            Val::Instance(c) => {
                let methods = self.family_methods(*c, "__call__");
                for id in &methods {
                    self.bind_call(*id, true, args, keywords, spread);
                    result.extend(self.result_of(*id));
                    fact.callees.push(Callee::Function(*id));
                }
                if methods.is_empty() {
                    fact.callees.push(Callee::Plain);
                }
            }
            Val::External(q) => self.call_external(q, call, ctx, args, keywords, site, fact, result),
            Val::RuntimeMethod(kind, obj, method) => {
                self.call_runtime_method(*kind, *obj, method, call, ctx, args, keywords, site, fact, result);
            }
            Val::ContainerMethod(obj, method) => {
                self.call_container_method(*obj, method, args, keywords, result);
                fact.callees.push(Callee::Plain);
            }
            Val::None => {}
            Val::Super(_) | Val::Module(_) | Val::Runtime(..) | Val::Container(_) | Val::Literal | Val::Foreign => {
                result.insert(Val::Foreign);
                fact.callees.push(Callee::Plain);
                fact.callbacks.extend(callbacks_in_call(args, keywords));
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn call_external(
        &mut self,
        q: &str,
        call: &'p ast::ExprCall,
        ctx: &Ctx,
        args: &[ValSet],
        keywords: &[(Option<String>, ValSet)],
        site: ObjId,
        fact: &mut CallFact,
        result: &mut ValSet,
    ) {
        let (module, name) = split_qualified(q);
        match kinds::external_function(module, name) {
            Some(External::Constructor { kind, replace }) => {
                self.facts.kinds_built.insert(kind);
                result.insert(Val::Runtime(kind, site));
                fact.constructor = replace;
                fact.callees.push(Callee::Plain);
                if let Some(params) = kinds::thread_target_params(module, name) {
                    self.thread_target(call, ctx, args, 0, keywords, Some(params));
                } else {
                    // Barrier(action=f), Condition(lock)...: the runtime calls callables plainly.
                    fact.callbacks.extend(callbacks_in_call(args, keywords));
                }
                return;
            }
            Some(External::Blocking { replace, returns }) => {
                let what = format!("{}.{}", module, name);
                fact.callees.push(Callee::Seed { what, replace: Some(replace) });
                match returns {
                    Some(kind) => {
                        self.facts.kinds_built.insert(kind);
                        result.insert(Val::Runtime(kind, site));
                    }
                    None => {
                        result.insert(Val::Foreign);
                    }
                }
                return;
            }
            Some(External::CurrentThread) => {
                result.insert(Val::Runtime(Kind::Thread, site));
                fact.callees.push(Callee::Plain);
                return;
            }
            None => {}
        }
        if module == "greenify" {
            // The runtime's own helpers in greenify's output: `__gy.run(x)`, `__gy.maybe(x)` give
            // what `x` gives.
            fact.callees.push(Callee::Plain);
            match name {
                "run" | "maybe" => result.extend(args.first().cloned().unwrap_or_default()),
                _ => {
                    result.insert(Val::Foreign);
                }
            }
            return;
        }
        let (class_module, class_name) = split_qualified(module);
        if let Some(External::Constructor { kind, .. }) = kinds::external_function(class_module, class_name) {
            // A runtime class's method called through the class: `threading.Thread.join(t)`
            // (the shims make these the green classes; `socket.socket` stays the native one).
            let green_class = matches!(kinds::canonical_module(class_module), "threading" | "queue");
            if green_class && kind.blocks(name) && !kinds::non_blocking_call_at(kind, name, call, 1) {
                fact.callees.push(Callee::Seed { what: format!("{}.{}", kind.name(), name), replace: None });
                result.insert(Val::Foreign);
                return;
            }
        }
        fact.callees.push(Callee::Plain);
        if module == "builtins" {
            match name {
                "super" => {
                    if let Some(c) = ctx.class {
                        result.insert(Val::Super(c));
                    }
                    return;
                }
                "list" | "tuple" | "set" | "frozenset" | "sorted" | "reversed" | "iter" => {
                    // `sorted(xs, key=f)` calls f; so does `iter(f, sentinel)`.
                    fact.callbacks.extend(keywords.iter().flat_map(|(_, v)| callbacks_in(v)));
                    if name == "iter" && args.len() == 2 {
                        fact.callbacks.extend(callbacks_in(&args[0]));
                    }
                    let obj = ObjId { tag: 2, ..site };
                    let elems = args.first().map(|a| self.iterate(a)).unwrap_or_default();
                    self.state.add_elem((obj, None), &elems);
                    result.insert(Val::Container(obj));
                    return;
                }
                "dict" => {
                    let obj = ObjId { tag: 2, ..site };
                    for (_, vals) in keywords {
                        self.state.add_elem((obj, None), vals);
                    }
                    if let Some(a) = args.first() {
                        for v in a {
                            if let Val::Container(o) = v {
                                let elems = self.state.elem(*o, None);
                                self.state.add_elem((obj, None), &elems);
                            }
                        }
                    }
                    result.insert(Val::Container(obj));
                    return;
                }
                "type" if args.len() == 1 && call.keywords.is_empty() => {
                    // `type(self).helper(self)`: the class of a program object.
                    for v in &args[0] {
                        result.insert(match v {
                            Val::Instance(c) => Val::Class(*c),
                            _ => Val::Foreign,
                        });
                    }
                    return;
                }
                "staticmethod" | "classmethod" => {
                    // `h = staticmethod(f)` in a class body: calls through `h` call f (a
                    // classmethod with the class bound to its first parameter).
                    let bound = name == "classmethod";
                    for v in args.first().into_iter().flatten() {
                        match v {
                            Val::Func { id, .. } => {
                                result.insert(Val::Func { id: *id, bound });
                            }
                            other => {
                                result.insert(other.clone());
                            }
                        }
                    }
                    return;
                }
                "next" => {
                    let mut out = args.first().map(|a| self.iterate(a)).unwrap_or_default();
                    out.extend(args.get(1).cloned().unwrap_or_default());
                    result.extend(out);
                    return;
                }
                "enumerate" | "zip" => {
                    // Iterating yields tuples: (index, element) or one element per argument.
                    let outer = ObjId { tag: 2, ..site };
                    let pair = ObjId { tag: 3, ..site };
                    let offset = usize::from(name == "enumerate");
                    for (i, a) in args.iter().enumerate() {
                        let elems = self.iterate(a);
                        self.state.add_elem((pair, Some(i + offset)), &elems);
                        self.state.add_elem((pair, None), &elems);
                    }
                    if offset == 1 {
                        self.state.add_elem((pair, Some(0)), &one(Val::Literal));
                    }
                    self.state.add_elem((outer, None), &one(Val::Container(pair)));
                    result.insert(Val::Container(outer));
                    return;
                }
                "getattr" => {
                    if let (Some(base), Some(Expr::Constant(c))) = (args.first(), call.args.get(1)) {
                        if let ast::Constant::Str(attr) = &c.value {
                            let base = base.clone();
                            result.extend(self.attribute(&base, attr));
                            result.extend(args.get(2).cloned().unwrap_or_default());
                            return;
                        }
                    }
                }
                "setattr" => {
                    if let (Some(base), Some(Expr::Constant(c)), Some(vals)) = (args.first(), call.args.get(1), args.get(2)) {
                        if let ast::Constant::Str(attr) = &c.value {
                            let (base, vals) = (base.clone(), vals.clone());
                            self.store_attribute(&base, attr, &vals, start_of(call), ctx);
                        }
                    }
                    result.insert(Val::None);
                    return;
                }
                _ => {}
            }
            if !kinds::builtin_keeps_callables(name) {
                fact.callbacks.extend(callbacks_in_call(args, keywords));
            } else {
                // `sorted(xs, key=f)` calls f even so.
                fact.callbacks.extend(keywords.iter().filter(|(k, _)| k.as_deref() == Some("key")).flat_map(|(_, v)| callbacks_in(v)));
            }
            result.insert(Val::Foreign);
            return;
        }
        if name == "__init__" {
            // `threading.Thread.__init__(self, target=self.work)` in a Thread subclass.
            let (m, n) = split_qualified(module);
            if let Some(params) = kinds::thread_target_params(m, n) {
                self.thread_target(call, ctx, args, 1, keywords, Some(params));
                result.insert(Val::None);
                return;
            }
        }
        if q == "functools.partial" {
            // partial(f, *a) behaves like f with the first arguments given.
            if let Some(first) = args.first() {
                result.extend(first.iter().filter(|v| matches!(v, Val::Func { .. })).cloned());
            }
            return;
        }
        if !kinds::external_keeps_callables(q) {
            fact.callbacks.extend(callbacks_in_call(args, keywords));
        }
        result.insert(Val::Foreign);
    }

    /// `Thread(target=f, args=(...), kwargs={...})`, `Timer(t, f, args, kwargs)`, and a Thread
    /// subclass built with `target=`: the runtime calls `f(*args, **kwargs)` as a thread body.
    fn thread_target(
        &mut self,
        call: &'p ast::ExprCall,
        ctx: &Ctx,
        args: &[ValSet],
        skip: usize,
        keywords: &[(Option<String>, ValSet)],
        params: Option<kinds::ThreadParams>,
    ) {
        let Some(params) = params else { return };
        let pick = |(kw, pos): (&str, usize)| -> Option<(ValSet, Option<&'p Expr>)> {
            for (i, k) in call.keywords.iter().enumerate() {
                if k.arg.as_ref().is_some_and(|a| a.as_str() == kw) {
                    return Some((keywords[i].1.clone(), Some(&k.value)));
                }
            }
            args.get(pos + skip).map(|a| (a.clone(), call.args.get(pos + skip)))
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
                    let merged = self.dict_value_hint(vals);
                    for (k, value) in d.keys.iter().zip(&d.values) {
                        let key = match k {
                            Some(Expr::Constant(c)) => match &c.value {
                                ast::Constant::Str(s) => Some(s.clone()),
                                _ => None,
                            },
                            _ => None,
                        };
                        let vals = match value {
                            Expr::Name(_) | Expr::Attribute(_) if key.is_some() => self.peek(value, ctx),
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
                self.facts.task_bodies.insert(*id);
                self.bind_call(*id, *bound, &positional, &named, spread.as_ref());
            }
        }
    }

    /// The merged values of a dict literal (used for `kwargs={...}`).
    fn dict_value_hint(&mut self, vals: &ValSet) -> ValSet {
        let mut out = ValSet::new();
        for v in vals {
            if let Val::Container(o) = v {
                out.extend(self.state.elem(*o, None));
            }
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn call_runtime_method(
        &mut self,
        kind: Kind,
        obj: ObjId,
        method: &str,
        call: &'p ast::ExprCall,
        ctx: &Ctx,
        args: &[ValSet],
        keywords: &[(Option<String>, ValSet)],
        site: ObjId,
        fact: &mut CallFact,
        result: &mut ValSet,
    ) {
        if kind.blocks(method) && !kinds::non_blocking_call(kind, method, call) {
            fact.callees.push(Callee::Seed { what: format!("{}.{}", kind.name(), method), replace: None });
        } else {
            fact.callees.push(Callee::Plain);
        }
        if kind == Kind::Thread && method == "__init__" {
            // `super().__init__(target=self.work)` in a Thread subclass.
            self.thread_target(call, ctx, args, 0, keywords, kinds::thread_target_params("threading", "Thread"));
        }
        if method == "wait_for" {
            // The runtime calls the predicate; other methods only store their arguments
            // (`jobs.put(f)` hands f to the program's own consumer).
            fact.callbacks.extend(args.iter().flat_map(callbacks_in));
        }
        match (kind, method) {
            (Kind::Queue, "get" | "get_nowait") => result.extend(self.state.elem(obj, None)),
            (Kind::Queue, "put" | "put_nowait") => {
                if let Some(item) = args.first() {
                    self.state.add_elem((obj, None), item);
                }
            }
            (Kind::Socket, "accept") => {
                let pair = ObjId { tag: 4, ..site };
                self.state.add_elem((pair, Some(0)), &one(Val::Runtime(Kind::Socket, pair)));
                self.state.add_elem((pair, Some(1)), &one(Val::Foreign));
                self.state.add_elem((pair, None), &one(Val::Foreign));
                result.insert(Val::Container(pair));
            }
            (Kind::Socket, "makefile") => {
                result.insert(Val::Runtime(Kind::Socket, obj));
            }
            (Kind::Lock | Kind::Condition | Kind::Semaphore, "__enter__") => {
                result.insert(Val::Runtime(kind, obj));
            }
            _ => {
                result.insert(Val::Foreign);
            }
        }
    }

    fn call_container_method(&mut self, obj: ObjId, method: &str, args: &[ValSet], keywords: &[(Option<String>, ValSet)], result: &mut ValSet) {
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
                for (_, vals) in keywords {
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
            _ => {
                result.insert(Val::Foreign);
            }
        }
    }
}

/// The program functions among `vals`.
/// The program functions and blocking runtime methods among `vals`.
/// The callbacks among every argument of a call, positional and keyword.
fn callbacks_in_call(args: &[ValSet], keywords: &[(Option<String>, ValSet)]) -> Vec<Callback> {
    args.iter().chain(keywords.iter().map(|(_, v)| v)).flat_map(callbacks_in).collect()
}

fn callbacks_in(vals: &ValSet) -> Vec<Callback> {
    let mut out: Vec<Callback> = funcs_in(vals).into_iter().map(Callback::Function).collect();
    for v in vals {
        if let Val::RuntimeMethod(kind, _, method) = v {
            if kind.blocks(method) {
                out.push(Callback::Runtime(format!("{}.{}", kind.name(), method)));
            }
        }
    }
    out
}

fn funcs_in(vals: &ValSet) -> Vec<FuncId> {
    let mut out: Vec<FuncId> = vals
        .iter()
        .filter_map(|v| match v {
            Val::Func { id, .. } => Some(*id),
            _ => None,
        })
        .collect();
    // Containers handed over carry their functions too (`atexit.register(*handlers)` is rare;
    // only direct functions are checked).
    out.dedup();
    out
}

fn is_known_module(module: &str) -> bool {
    matches!(module, "threading" | "queue" | "time" | "socket" | "select")
}

fn is_property_accessor(deco: &Expr) -> bool {
    matches!(deco, Expr::Attribute(a) if matches!(a.attr.as_str(), "setter" | "getter" | "deleter"))
}
