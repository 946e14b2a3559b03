//! Name resolution: what a callee expression refers to.
//!
//! WALKING SKELETON: per module, imports of `time`/`utime` (module aliases and `from` imports of
//! the sleep functions) and the names of functions defined anywhere in the module.

use std::collections::HashMap;

use crate::color::FuncId;
use crate::parse::ast::{Expr, Stmt};
use crate::project::Program;
use crate::walk::{self, Visitor};

/// What a callee refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A sleep function of `time`/`utime`; the name of the runtime's replacement.
    Sleep(&'static str),
    Functions(Vec<FuncId>),
    Unknown,
}

/// The names one module binds that matter for coloring.
#[derive(Default)]
pub struct ModuleScope {
    /// Local names bound to the `time` or `utime` module.
    time_modules: Vec<String>,
    /// Local names bound to a sleep function: local name -> runtime replacement.
    sleep_names: HashMap<String, &'static str>,
    /// Function and method names defined in the module.
    functions: HashMap<String, Vec<FuncId>>,
}

fn runtime_sleep(name: &str) -> Option<&'static str> {
    match name {
        "sleep" => Some("sleep"),
        "sleep_ms" => Some("sleep_ms"),
        "sleep_us" => Some("sleep_us"),
        _ => None,
    }
}

impl ModuleScope {
    pub fn target_of(&self, func: &Expr) -> Target {
        match func {
            Expr::Name(name) => {
                if let Some(sleep) = self.sleep_names.get(name.id.as_str()) {
                    return Target::Sleep(sleep);
                }
                match self.functions.get(name.id.as_str()) {
                    Some(ids) => Target::Functions(ids.clone()),
                    None => Target::Unknown,
                }
            }
            Expr::Attribute(attr) => {
                if let Expr::Name(base) = &*attr.value {
                    if self.time_modules.iter().any(|m| m == base.id.as_str()) {
                        return runtime_sleep(attr.attr.as_str()).map_or(Target::Unknown, Target::Sleep);
                    }
                    if base.id.as_str() == "self" || base.id.as_str() == "cls" {
                        if let Some(ids) = self.functions.get(attr.attr.as_str()) {
                            return Target::Functions(ids.clone());
                        }
                    }
                }
                Target::Unknown
            }
            _ => Target::Unknown,
        }
    }
}

pub fn resolve(program: &Program) -> Vec<ModuleScope> {
    program
        .modules
        .iter()
        .enumerate()
        .map(|(index, module)| {
            let mut binder = Binder { module: index, scope: ModuleScope::default() };
            binder.visit_body(&module.file.suite);
            binder.scope
        })
        .collect()
}

struct Binder {
    module: usize,
    scope: ModuleScope,
}

impl<'a> Visitor<'a> for Binder {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::Import(import) => {
                for alias in &import.names {
                    let name = alias.name.as_str();
                    if name == "time" || name == "utime" {
                        let local = alias.asname.as_ref().unwrap_or(&alias.name);
                        self.scope.time_modules.push(local.to_string());
                    }
                }
            }
            Stmt::ImportFrom(from) => {
                let module = from.module.as_ref().map(|m| m.as_str()).unwrap_or("");
                if from.level.is_none_or(|l| l.to_u32() == 0) && (module == "time" || module == "utime") {
                    for alias in &from.names {
                        if let Some(sleep) = runtime_sleep(alias.name.as_str()) {
                            let local = alias.asname.as_ref().unwrap_or(&alias.name);
                            self.scope.sleep_names.insert(local.to_string(), sleep);
                        }
                    }
                }
            }
            Stmt::FunctionDef(def) => {
                let id = FuncId { module: self.module, start: usize::from(def.range.start()) };
                self.scope.functions.entry(def.name.to_string()).or_default().push(id);
            }
            _ => {}
        }
        walk::walk_stmt(self, stmt);
    }
}
