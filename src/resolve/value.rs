//! The abstract values of the analysis: what a name, attribute, element or result can hold.

use std::sync::Arc;

use crate::kinds::Kind;
use crate::scopes::{ClassId, FuncId};

/// What kind of object is built at one place, telling apart the objects built at one offset (a
/// call's result vs. the tuple its `enumerate` yields). The order (and numbering) is part of the
/// values' order, which fixes the order sets are walked in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum ObjTag {
    /// A literal (list, tuple, dict, set) or a comprehension.
    Literal = 0,
    /// The object a call builds (a runtime object from its constructor).
    CallResult = 1,
    /// The container a builtin builds (`list(x)`, `dict(...)`, the outer `enumerate`/`zip`).
    Builtin = 2,
    /// One item of `enumerate`/`zip`: a tuple.
    Pair = 3,
    /// The `(socket, address)` pair `accept()` returns.
    Accepted = 4,
    /// A function's `*args` tuple (keyed on the function).
    VarArgs = 7,
    /// A function's `**kwargs` dict (keyed on the function).
    KwArgs = 8,
    /// The runtime object an instance of a class with a runtime base is (keyed on the class).
    RuntimeBase = 9,
    /// A runtime object another one holds (a Timer's `finished` Event, keyed on the Timer).
    RuntimeAttribute = 10,
    /// A list `select.select()` returns (keyed on the argument it comes from).
    SelectResult = 11,
}

/// A place where an object is built (a literal, a constructor call): its module, byte offset and
/// what is built there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjId {
    pub module: usize,
    pub start: usize,
    pub tag: ObjTag,
}

impl ObjId {
    /// The object of another tag at the same place.
    pub fn with_tag(self, tag: ObjTag) -> ObjId {
        ObjId { tag, ..self }
    }
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

/// The set of one value.
pub fn one(v: Val) -> ValSet {
    let mut s = ValSet::new();
    s.insert(v);
    s
}

/// The value of a name from outside SRC.
pub fn external(name: &str) -> Val {
    Val::External(Arc::from(name))
}

/// Splits `a.b.c` into (`a.b`, `c`); a name without a dot is a builtin.
pub fn split_qualified(q: &str) -> (&str, &str) {
    match q.rfind('.') {
        Some(i) => (&q[..i], &q[i + 1..]),
        None => ("builtins", q),
    }
}

/// The program functions among `vals` (containers handed over are not looked into).
pub fn funcs_in(vals: &ValSet) -> Vec<FuncId> {
    let mut out: Vec<FuncId> = vals
        .iter()
        .filter_map(|v| match v {
            Val::Func { id, .. } => Some(*id),
            _ => None,
        })
        .collect();
    out.dedup();
    out
}
