//! The compatibility layer's mechanism: which of greenify's compatibility modules (pure Python
//! versions of the CPython library pieces MicroPython lacks, `runtime_py/compat/`) go into OUT,
//! and what the program imports that will not resolve on the device (GY401).
//!
//! * [`catalog`]: the compat modules embedded in the binary, with the modules each one needs.
//! * [`imports`]: every module a program names for import (statements anywhere, literal
//!   `importlib.import_module`).
//! * [`device`]: MicroPython's built-in and frozen modules, and advice for the missing ones.
//!
//! A compat module is shipped (both backends) when SRC imports it and SRC does not define that
//! module itself; docs/COMPAT.md is the user's description.

pub mod catalog;
pub mod dataclass;
pub mod device;
pub mod enums;
pub mod imports;
pub mod language;
pub mod names;

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::diag::{Code, Diagnostic, Location};
use crate::project::Program;

pub use catalog::Catalog;
use imports::{Form, ImportUse};

/// Whether SRC defines `module` or one of the packages it is in (then SRC's module is the one
/// imported, and no compat module stands in for it).
pub fn src_defines(program: &Program, module: &str) -> bool {
    let mut prefix = String::new();
    for part in module.split('.') {
        if !prefix.is_empty() {
            prefix.push('.');
        }
        prefix.push_str(part);
        if program.module(&prefix).is_some() {
            return true;
        }
    }
    false
}

/// Whether SRC has modules under `module.` (a folder without `__init__.py`: a namespace package).
fn src_has_package(program: &Program, module: &str) -> bool {
    let dotted = format!("{module}.");
    program.modules.iter().any(|m| m.name.starts_with(&dotted))
}

/// The compat files to put into OUT (path relative to OUT, text), sorted: every compat module
/// the program loads through an import (also guarded ones: the fallback is the program's, the
/// module is what it asked for first), and `extra` modules the rewrite refers to (`_gycompat`),
/// with the modules they need, transitively; none that SRC defines.
pub fn files(program: &Program, catalog: &Catalog, extra: &[&str]) -> Vec<(PathBuf, &'static str)> {
    let mut pending: Vec<String> = extra.iter().map(|m| m.to_string()).collect();
    for module in &program.modules {
        for import in imports::uses(&module.file.suite) {
            pending.extend(import.loaded());
        }
    }
    let mut chosen = BTreeSet::new();
    while let Some(name) = pending.pop() {
        if chosen.contains(&name) || src_defines(program, &name) {
            continue;
        }
        let Some(entry) = catalog.get(&name) else { continue };
        chosen.insert(name);
        for need in &entry.needs {
            // A needed `a.b` loads `a` too.
            let parts: Vec<&str> = need.split('.').collect();
            pending.extend((1..=parts.len()).map(|n| parts[..n].join(".")));
        }
    }
    let mut files: Vec<(PathBuf, &'static str)> =
        chosen.iter().filter_map(|name| catalog.get(name)).map(|e| (e.out.clone(), e.text)).collect();
    files.sort();
    files
}

/// The compat edits of every module (same order as `Program::modules`; both backends): builtin
/// names MicroPython lacks and `metaclass=` ([`names`]), data class fields ([`dataclass`]), the
/// seal of enum classes ([`enums`], whose enum class names are the whole program's).
pub fn edits(program: &Program) -> Vec<Vec<crate::edit::Edit>> {
    let enum_names = enums::enum_names(program.modules.iter().map(|m| m.file.suite.as_slice()));
    program.modules.iter().map(|m| edits_with(&m.file.source, &m.file.suite, &enum_names)).collect()
}

/// The compat edits of one module on its own (enum classes known from this module only).
pub fn module_edits(source: &crate::parse::Source, suite: &[crate::parse::ast::Stmt]) -> Vec<crate::edit::Edit> {
    edits_with(source, suite, &enums::enum_names(std::iter::once(suite)))
}

fn edits_with(
    source: &crate::parse::Source,
    suite: &[crate::parse::ast::Stmt],
    enum_names: &BTreeSet<String>,
) -> Vec<crate::edit::Edit> {
    let mut edits = names::edits(source, suite);
    edits.extend(dataclass::edits(source, suite));
    edits.extend(enums::edits(suite, enum_names));
    edits
}

/// What the compat check reports for the whole program: GY401 (below), GY402 and GY403
/// ([`language`]).
pub fn check(program: &Program, catalog: &Catalog) -> Vec<Diagnostic> {
    let mut found = missing_imports(program, catalog);
    for module in &program.modules {
        found.extend(language::differences(&module.file.source, &module.file.suite));
    }
    found
}

/// GY401: one warning per import of a module that will not resolve on the device: not in SRC,
/// not MicroPython's (built in or frozen, [`device::BUILTIN`]), not greenify's runtime nor a
/// compat module. Imports in a `try:` that catches ImportError have a fallback and are not
/// reported; imports under `if TYPE_CHECKING:` never run.
pub fn missing_imports(program: &Program, catalog: &Catalog) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for module in &program.modules {
        for import in imports::uses(&module.file.suite) {
            if import.guarded || resolves(program, catalog, &import.module) {
                continue;
            }
            found.push(missing(module, &import));
        }
    }
    found
}

fn resolves(program: &Program, catalog: &Catalog, name: &str) -> bool {
    src_defines(program, name) || src_has_package(program, name) || catalog.has(name) || device::on_device(name)
}

fn missing(module: &crate::project::Module, import: &ImportUse) -> Diagnostic {
    let name = &import.module;
    let how = match import.form {
        Form::Import => format!("`import {name}`"),
        Form::From => format!("`from {name} import ...`"),
        Form::Dynamic => format!("`import_module(\"{name}\")`"),
    };
    let message = format!(
        "{how}: module `{name}` will not be found on the device (not in SRC, not in MicroPython, not in greenify's compatibility layer)"
    );
    let at = Location::range(&module.file.source, import.range.clone());
    Diagnostic::new(Code::MissingModule, at, message).with_help(device::advice(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn program(files: &[(&str, &str)]) -> Program {
        let sources = files.iter().map(|(p, t)| (PathBuf::from(p), t.as_bytes().to_vec())).collect();
        Program::from_sources(sources, Vec::new())
    }

    const EMBEDDED: &[(&str, &str)] = &[
        ("runtime_py/compat/logging.py", "# greenify: needs time, os.path\n"),
        ("runtime_py/compat/time.py", ""),
        ("runtime_py/compat/os/path.py", ""),
        ("runtime_py/compat/collections/abc.py", ""),
        ("runtime_py/compat/functools.py", ""),
        ("runtime_py/compat/typing.py", ""),
        ("runtime_py/compat/_gycompat.py", ""),
    ];

    fn shipped(p: &Program, extra: &[&str]) -> Vec<String> {
        files(p, &Catalog::from_embedded(EMBEDDED), extra).into_iter().map(|(p, _)| p.display().to_string()).collect()
    }

    #[test]
    fn imported_modules_and_their_needs_are_shipped() {
        let p = program(&[("main.py", "def f():\n    import logging\nfrom collections import abc\n")]);
        assert_eq!(shipped(&p, &[]), ["collections/abc.py", "logging.py", "os/path.py", "time.py"]);
        assert_eq!(shipped(&p, &["_gycompat"]).first().map(String::as_str), Some("_gycompat.py"));
    }

    #[test]
    fn src_modules_win_over_compat_ones() {
        let p = program(&[("main.py", "import logging, functools\nimport typing\n"), ("logging.py", ""), ("typing/__init__.py", "")]);
        assert_eq!(shipped(&p, &[]), ["functools.py"]);
        let p = program(&[("main.py", "import importlib\nm = importlib.import_module('functools')\n")]);
        assert_eq!(shipped(&p, &[]), ["functools.py"]);
    }

    #[test]
    fn missing_modules_are_warned_once_per_import() {
        let text = "import subprocess, time\nfrom multiprocessing import Pool\ntry:\n    import ctypes\nexcept ImportError:\n    ctypes = None\nimport logging\nimport app.x\nimport lib\n";
        let p = program(&[("main.py", text), ("app/__init__.py", ""), ("app/x.py", ""), ("lib/y.py", "")]);
        let found = missing_imports(&p, &Catalog::from_embedded(EMBEDDED));
        let got: Vec<(Option<(usize, usize)>, Code)> = found.iter().map(|d| (d.position(), d.code)).collect();
        assert_eq!(got, [(Some((1, 8)), Code::MissingModule), (Some((2, 1)), Code::MissingModule)]);
        assert!(found[1].message.contains("`multiprocessing`") && found[1].help.contains("threading"), "{}", found[1].render());
    }
}
