//! The fixpoint store: the growing sets of values (variables, class-family attributes,
//! container elements, function results, class bases), who read each set, and which units of
//! work must run again because a set they read has grown.

use std::collections::BTreeSet;

use super::facts::Owner;
use super::hierarchy::Hierarchy;
use super::value::{ObjId, Val, ValSet};
use crate::fxhash::{FastMap, FastSet};
use crate::scopes::{ClassId, FuncId, ScopeId};

/// Sets stop taking plain values at this size, runtime objects and functions at four times it
/// (keeps pathological programs fast).
const MAX_SET: usize = 32;

/// A variable or attribute name, by its number in `Names`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Name(u32);

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
pub enum Key {
    Var(ScopeId, Name),
    Attr(ClassId, Name),
    Elem(ObjId, Option<usize>),
    Ret(FuncId),
    /// What the class hierarchy says about one class (its family, ancestors, runtime base).
    Class(ClassId),
}

/// The growing sets, who reads them, and which units must run again.
pub struct State {
    /// Names of variables and attributes, numbered: keys stay small and cheap to hash and copy.
    names: Names,
    pub vars: FastMap<(ScopeId, Name), ValSet>,
    /// Attributes per class family (instance and class attributes alike).
    pub attrs: FastMap<(ClassId, Name), ValSet>,
    /// Elements of containers and queues; `Some(i)` is the i-th element of a tuple.
    pub elems: FastMap<(ObjId, Option<usize>), ValSet>,
    pub returns: FastMap<FuncId, ValSet>,
    pub bases: FastMap<ClassId, ValSet>,
    pub bases_changed: bool,
    /// Queues built without a bound (`Queue()`, `SimpleQueue()`): their `put` never blocks.
    pub unbounded_queues: FastSet<ObjId>,
    /// Who read each set. A unit reads the same set many times in a row: only a change of
    /// reader is recorded (a unit can appear more than once; `dirty` is a set).
    pub readers: FastMap<Key, Vec<Owner>>,
    pub dirty: BTreeSet<Owner>,
    /// The unit being evaluated.
    pub current: Owner,
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
            unbounded_queues: FastSet::default(),
            readers: FastMap::default(),
            dirty: BTreeSet::new(),
            current: Owner::Top(0),
        }
    }
}

impl State {
    /// Adds `vals` to `set`; whether it grew.
    pub fn add(set: &mut ValSet, vals: &ValSet) -> bool {
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

    pub fn grown(&mut self, key: Key) {
        if let Some(readers) = self.readers.get(&key) {
            self.dirty.extend(readers.iter().copied());
        }
    }

    pub fn add_var(&mut self, scope: ScopeId, name: &str, vals: &ValSet) {
        if vals.is_empty() {
            return;
        }
        let name = self.names.id(name);
        if State::add(self.vars.entry((scope, name)).or_default(), vals) {
            self.grown(Key::Var(scope, name));
        }
    }
    pub fn add_attr(&mut self, class: ClassId, name: &str, vals: &ValSet) {
        if vals.is_empty() {
            return;
        }
        let name = self.names.id(name);
        if State::add(self.attrs.entry((class, name)).or_default(), vals) {
            self.grown(Key::Attr(class, name));
        }
    }
    pub fn add_elem(&mut self, key: (ObjId, Option<usize>), vals: &ValSet) {
        if vals.is_empty() {
            return;
        }
        if State::add(self.elems.entry(key).or_default(), vals) {
            self.grown(Key::Elem(key.0, key.1));
        }
    }
    pub fn add_return(&mut self, key: FuncId, vals: &ValSet) {
        if vals.is_empty() {
            return;
        }
        if State::add(self.returns.entry(key).or_default(), vals) {
            self.grown(Key::Ret(key));
        }
    }

    pub fn note_reader(&mut self, key: Key) {
        let current = self.current;
        let readers = self.readers.entry(key).or_default();
        if readers.last() != Some(&current) {
            readers.push(current);
        }
    }

    pub fn var(&mut self, scope: ScopeId, name: &str) -> ValSet {
        let name = self.names.id(name);
        self.note_reader(Key::Var(scope, name));
        self.vars.get(&(scope, name)).cloned().unwrap_or_default()
    }
    pub fn attr(&mut self, rep: ClassId, name: &str) -> ValSet {
        let name = self.names.id(name);
        self.note_reader(Key::Attr(rep, name));
        self.attrs.get(&(rep, name)).cloned().unwrap_or_default()
    }
    pub fn elem(&mut self, obj: ObjId, slot: Option<usize>) -> ValSet {
        self.note_reader(Key::Elem(obj, slot));
        self.elems.get(&(obj, slot)).cloned().unwrap_or_default()
    }
    pub fn ret(&mut self, id: FuncId) -> ValSet {
        self.note_reader(Key::Ret(id));
        self.returns.get(&id).cloned().unwrap_or_default()
    }

    /// Moves attributes to their family's representative after families merged.
    pub fn rekey_attrs(&mut self, hierarchy: &Hierarchy) {
        let moved: Vec<(ClassId, Name)> = self.attrs.keys().filter(|(c, _)| hierarchy.rep(*c) != *c).copied().collect();
        for key in moved {
            if let Some(vals) = self.attrs.remove(&key) {
                let target = (hierarchy.rep(key.0), key.1);
                State::add(self.attrs.entry(target).or_default(), &vals);
            }
        }
    }
}

