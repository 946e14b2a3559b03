//! The class hierarchy: which program classes derive from which (from the bases the analysis
//! has seen so far), the families they form (classes connected by inheritance share attributes
//! and same-name methods), and the runtime or foreign classes they derive from.

use super::value::{split_qualified, Val, ValSet};
use crate::fxhash::{FastMap, FastSet};
use crate::kinds::{self, External, Kind};
use crate::scopes::{ClassId, FuncId, Index};

/// Classes' ancestry, recomputed at the start of each pass from the bases seen so far. Classes
/// connected by inheritance form a family, named by its smallest class (its representative):
/// attributes and same-name methods are shared within a family.
#[derive(Default)]
pub struct Hierarchy {
    /// Program classes each class derives from directly.
    pub parents: FastMap<ClassId, Vec<ClassId>>,
    /// Strict ancestors of each class, nearest first.
    pub ancestors: FastMap<ClassId, Vec<ClassId>>,
    /// The representative of each class's family.
    pub rep: FastMap<ClassId, ClassId>,
    /// Methods by (family representative, name).
    pub methods: FastMap<(ClassId, String), Vec<FuncId>>,
    /// Runtime kind a class derives from (`class Worker(threading.Thread)`).
    pub runtime_base: FastMap<ClassId, Kind>,
    /// Classes deriving from a class outside SRC that is not a runtime class
    /// (`class Client(umqtt.MQTTClient)`): their unknown attributes come from there.
    pub foreign_base: FastSet<ClassId>,
}

impl Hierarchy {
    /// The hierarchy the class bases seen so far give: parents, ancestors, families and their
    /// methods, runtime and foreign bases.
    pub fn build(index: &Index, bases: &FastMap<ClassId, ValSet>) -> Hierarchy {
        let mut h = Hierarchy::default();
        let mut ids: Vec<ClassId> = index.classes.keys().copied().collect();
        ids.sort();
        for id in &ids {
            let mut parents = Vec::new();
            for base in bases.get(id).into_iter().flatten() {
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
            if let Some(info) = index.classes.get(id) {
                for (name, funcs) in &info.methods {
                    h.methods.entry((rep, name.clone())).or_default().extend(funcs);
                }
            }
        }
        h
    }

    pub fn rep(&self, class: ClassId) -> ClassId {
        self.rep.get(&class).copied().unwrap_or(class)
    }

    pub fn ancestors(&self, class: ClassId) -> &[ClassId] {
        self.ancestors.get(&class).map_or(&[], |a| a.as_slice())
    }

    /// Classes whose family, ancestors or runtime base differ from `old`.
    pub fn changed_since(&self, old: &Hierarchy) -> Vec<ClassId> {
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

    pub fn method_families(&self) -> Vec<Vec<FuncId>> {
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

