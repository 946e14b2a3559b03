//! The evaluator's state while it runs one unit of work, and what names and attributes hold:
//! Python's lookup of a name (scopes, star imports, builtins), attributes of modules, classes,
//! instances (through the class family), `super()`, runtime objects and containers.
//!
//! The evaluation itself is spread over `exec` (statements), `expr` (expressions and calls) and
//! `models` (calls of code outside SRC), each an `impl Eval` block.

use std::sync::Arc;

use super::facts::{Owner, Recorded, StoreFact};
use super::hierarchy::Hierarchy;
use super::state::{Key, State};
use super::value::{external, funcs_in, one, ObjId, ObjTag, Val, ValSet};
use crate::kinds::{self, Kind};
use crate::outside;
use crate::project::Program;
use crate::scopes::{ClassId, FuncId, Index, MethodKind, ScopeId, ScopeKind};

/// Where an expression is evaluated.
#[derive(Clone)]
pub struct Ctx {
    pub module: usize,
    pub scope: ScopeId,
    pub owner: Owner,
    /// The class whose method this is (for `super()`).
    pub class: Option<ClassId>,
    pub in_comprehension: bool,
    /// In the body of a class defined inside a function.
    pub in_class_body: bool,
}

/// Evaluates units of work against the fixpoint store, recording facts.
pub struct Eval<'p, 's> {
    pub program: &'p Program,
    pub index: &'s Index<'p>,
    pub state: &'s mut State,
    pub recorded: &'s mut Recorded,
    pub hierarchy: Hierarchy,
}

impl<'p> Eval<'p, '_> {
    /// Methods called `name` anywhere in the family of `class`.
    pub(super) fn family_methods(&mut self, class: ClassId, name: &str) -> Vec<FuncId> {
        self.state.note_reader(Key::Class(class));
        self.hierarchy.methods.get(&(self.hierarchy.rep(class), name.to_string())).cloned().unwrap_or_default()
    }

    /// Attribute values stored on any class of the family.
    fn family_attr(&mut self, class: ClassId, name: &str) -> ValSet {
        self.state.note_reader(Key::Class(class));
        let rep = self.hierarchy.rep(class);
        self.state.attr(rep, name)
    }

    fn is_property(&self, id: FuncId) -> bool {
        self.index.functions.get(&id).is_some_and(|f| f.method == MethodKind::Property)
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

    pub(super) fn load_name(&mut self, name: &str, ctx: &Ctx) -> ValSet {
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
                Val::External(module) if kinds::external_function(&module, name).is_some() || (!claimed && kinds::is_known_module(&module)) => {
                    out.insert(external(&format!("{module}.{name}")));
                }
                _ => {}
            }
        }
        out
    }

    pub(super) fn store_name(&mut self, name: &str, vals: &ValSet, ctx: &Ctx) {
        let scope = self.index.home(ctx.scope, name).unwrap_or(ctx.scope);
        self.state.add_var(scope, name, vals);
    }

    /// `value.attr` for every value in `base`.
    pub(super) fn attribute(&mut self, base: &ValSet, attr: &str) -> ValSet {
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
                    for id in own {
                        if self.is_property(id) {
                            // `C.prop`: the property object itself (made by `property`).
                            out.insert(Val::Foreign);
                        } else {
                            out.insert(self.method_value(id, false));
                        }
                    }
                    out.extend(self.family_attr(*c, attr));
                }
                Val::Instance(c) if attr == "__class__" => {
                    out.insert(Val::Class(*c));
                }
                Val::Instance(c) => {
                    let methods = self.family_methods(*c, attr);
                    for id in &methods {
                        if self.is_property(*id) {
                            // Reading a property runs its getter: the value is what it returns
                            // (`every(1).seconds.do(...)` where `seconds` returns self).
                            if self.index.functions.get(id).is_some_and(|f| !f.is_property_setter()) {
                                self.bind_call(*id, true, &[], &[], None);
                                out.extend(self.result_of(*id));
                            }
                        } else {
                            out.insert(self.method_value(*id, true));
                        }
                    }
                    let stored = self.family_attr(*c, attr);
                    // An attribute SRC stores on the object (`self.q = q` in a Thread subclass)
                    // hides the runtime class's own attribute of that name, unless that one blocks.
                    let has_stored = !stored.is_empty();
                    let hidden = |kind: &Kind| has_stored && !kind.blocks(attr);
                    out.extend(stored);
                    if methods.is_empty() {
                        if let Some(kind) = self.hierarchy.runtime_base.get(c).filter(|k| !hidden(k)) {
                            let obj = ObjId { module: c.module, start: c.start, tag: ObjTag::RuntimeBase };
                            out.insert(runtime_attribute(*kind, obj, attr));
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
                            let obj = ObjId { module: c.module, start: c.start, tag: ObjTag::RuntimeBase };
                            out.insert(Val::RuntimeMethod(*kind, obj, Arc::from(attr)));
                        } else {
                            out.insert(Val::Foreign);
                        }
                    }
                }
                Val::Runtime(kind, obj) => {
                    out.insert(runtime_attribute(*kind, *obj, attr));
                }
                Val::Container(obj) => {
                    out.insert(Val::ContainerMethod(*obj, Arc::from(attr)));
                }
                Val::None => {}
                // `"job {}".format`, `b"".join`: a method of a str, bytes or number. A name
                // none of them has (`x.put`) means the literal is not what reaches here.
                Val::Literal => {
                    if outside::literal_has_attribute(attr) {
                        out.insert(Val::Literal);
                    }
                }
                _ => {
                    out.insert(Val::Foreign);
                }
            }
        }
        out
    }

    /// The `__init__` Python calls to build an instance of `class`: its own, else the nearest
    /// ancestor's (none: `object.__init__`, or one outside SRC).
    pub(super) fn nearest_init(&mut self, class: ClassId) -> Option<FuncId> {
        self.state.note_reader(Key::Class(class));
        std::iter::once(&class)
            .chain(self.hierarchy.ancestors(class))
            .find_map(|c| self.index.classes.get(c).and_then(|i| i.methods.get("__init__")).and_then(|ids| ids.last().copied()))
    }

    /// Methods `attr` of a class and its ancestors (nearest definition per class).
    pub(super) fn class_methods(&mut self, class: ClassId, attr: &str) -> Vec<FuncId> {
        self.state.note_reader(Key::Class(class));
        let mut out = Vec::new();
        for c in std::iter::once(&class).chain(self.hierarchy.ancestors(class)) {
            if let Some(ids) = self.index.classes.get(c).and_then(|i| i.methods.get(attr)) {
                out.extend(ids);
            }
        }
        out
    }

    pub(super) fn store_attribute(&mut self, base: &ValSet, attr: &str, vals: &ValSet, at: std::ops::Range<usize>, ctx: &Ctx) {
        let mut outside = false;
        for v in base {
            match v {
                Val::Instance(c) => {
                    // `obj.prop = v` runs the property's setter with v.
                    for id in self.family_methods(*c, attr) {
                        if self.index.functions.get(&id).is_some_and(|f| f.is_property_setter()) {
                            self.bind_call(id, true, std::slice::from_ref(vals), &[], None);
                        }
                    }
                    let rep = self.hierarchy.rep(*c);
                    self.state.add_attr(rep, attr, vals);
                }
                Val::Class(c) => {
                    let rep = self.hierarchy.rep(*c);
                    self.state.add_attr(rep, attr, vals);
                }
                Val::Module(m) => {
                    let scope = self.index.globals_of(*m);
                    self.state.add_var(scope, attr, vals);
                }
                Val::External(_) | Val::Foreign | Val::Runtime(..) => outside = true,
                _ => {}
            }
        }
        // One fact per place, however many outside objects the base may be. What Python keeps
        // about a function (`wrapper.__wrapped__ = f`, `__doc__`) is never called, and the
        // runtime awaits a converted `threading.excepthook`.
        let metadata = attr.starts_with("__") && attr.ends_with("__");
        let runtime_hook = attr == "excepthook" && base.iter().all(|v| matches!(v, Val::External(m) if kinds::canonical_module(m) == "threading"));
        if outside && !metadata && !runtime_hook {
            let funcs = funcs_in(vals);
            if !funcs.is_empty() {
                self.recorded.stores.push(StoreFact { module: ctx.module, start: at.start, end: at.end, owner: ctx.owner, funcs });
            }
        }
    }

    /// The values an iteration over `vals` yields.
    pub(super) fn iterate(&mut self, vals: &ValSet) -> ValSet {
        let mut out = ValSet::new();
        for v in vals {
            match v {
                Val::Container(obj) | Val::Runtime(Kind::Results, obj) => out.extend(self.state.elem(*obj, None)),
                Val::None => {}
                _ => {
                    out.insert(Val::Foreign);
                }
            }
        }
        out
    }
}

/// `obj.attr` of a runtime object: a runtime object it holds (a Timer's `finished`), else one of
/// its methods.
fn runtime_attribute(kind: Kind, obj: ObjId, attr: &str) -> Val {
    match kinds::runtime_attribute(kind, attr) {
        Some(held) => Val::Runtime(held, obj.with_tag(ObjTag::RuntimeAttribute)),
        None => Val::RuntimeMethod(kind, obj, Arc::from(attr)),
    }
}
