//! greenify: rewrites a threaded Python program so it runs on MicroPython.
//!
//! The pipeline, one module per step:
//! `project` (load and parse SRC, via `parse`) → `resolve` (what names refer to) → `color` (which
//! functions block) → `rewrite` (byte-range edits) → `edit` (apply them) → `emit` (write OUT with
//! the runtime). `diag` renders what could not be converted.

pub mod color;
pub mod diag;
pub mod edit;
pub mod emit;
pub mod kinds;
pub mod parse;
pub mod project;
pub mod resolve;
pub mod rewrite;
pub mod scopes;
pub mod walk;

use std::fmt;
use std::path::{Path, PathBuf};

use diag::{Diagnostic, Severity};
use emit::{Backend, Content};

/// What the command line asked for.
pub struct Options {
    pub src: PathBuf,
    pub out: PathBuf,
    pub backend: Backend,
    /// Report only; write nothing.
    pub check: bool,
}

/// Why greenify could not run at all (exit status 2): bad arguments or I/O.
#[derive(Debug)]
pub struct Failure(pub String);

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a run produced.
pub struct Outcome {
    pub diagnostics: Vec<Diagnostic>,
    /// Whether OUT was written.
    pub wrote: bool,
}

impl Outcome {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Runs greenify: checks the paths, analyses SRC, and (unless there are errors or `check` is set)
/// writes OUT.
pub fn run(opts: &Options) -> Result<Outcome, Failure> {
    check_paths(&opts.src, &opts.out)?;
    let program = project::load(&opts.src).map_err(|e| Failure(format!("{}: {e}", opts.src.display())))?;
    let mut diagnostics: Vec<Diagnostic> = program.syntax_errors.iter().map(syntax_diagnostic).collect();
    for reserved in emit::reserved_paths() {
        if opts.src.join(&reserved).exists() {
            diagnostics.push(Diagnostic {
                severity: Severity::Error,
                code: "GY002",
                rel: reserved.clone(),
                line: 1,
                col: 1,
                message: format!("`{}` is a name the runtime needs at the top of OUT", reserved.display()),
                help: "rename this file or folder in SRC".into(),
                source_line: String::new(),
            });
        }
    }

    let mut files: Vec<(PathBuf, Content)> = Vec::new();
    for rel in &program.other_files {
        files.push((rel.clone(), Content::Copy(rel.clone())));
    }
    match opts.backend {
        Backend::Thread => {
            for module in &program.modules {
                files.push((module.file.rel.clone(), Content::Copy(module.file.rel.clone())));
            }
        }
        Backend::Green => green_files(&program, &mut diagnostics, &mut files),
    }
    for rel in program.syntax_errors.iter().map(|e| &e.rel) {
        files.push((rel.clone(), Content::Copy(rel.clone())));
    }
    for (rel, text) in emit::runtime_files(opts.backend) {
        files.push((rel, Content::Static(text)));
    }

    diagnostics.sort_by(|a, b| (&a.rel, a.line, a.col).cmp(&(&b.rel, b.line, b.col)));
    let mut outcome = Outcome { diagnostics, wrote: false };
    if opts.check || outcome.has_errors() {
        return Ok(outcome);
    }
    emit::write_tree(&opts.src, &opts.out, &files).map_err(|e| Failure(format!("{}: {e}", opts.out.display())))?;
    outcome.wrote = true;
    Ok(outcome)
}

/// Rewrites every module that needs it; the others are copied byte for byte.
fn green_files(program: &project::Program, diagnostics: &mut Vec<Diagnostic>, files: &mut Vec<(PathBuf, Content)>) {
    let result = rewrite::rewrite_program(program);
    diagnostics.extend(result.diagnostics);
    for (module, new_text) in program.modules.iter().zip(result.texts) {
        let rel = module.file.rel.clone();
        let content = match new_text {
            None => Content::Copy(rel.clone()),
            Some(text) if parse::parses(&text) => Content::Text(text),
            Some(_) => {
                diagnostics.push(internal_error(module, "the rewritten file would not parse"));
                Content::Copy(rel.clone())
            }
        };
        files.push((rel, content));
    }
}

fn syntax_diagnostic(err: &parse::SyntaxError) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        code: "GY001",
        rel: err.rel.clone(),
        line: err.line,
        col: err.col,
        message: format!("file does not parse: {}", err.message),
        help: "fix the syntax error; nothing was written".into(),
        source_line: String::new(),
    }
}

fn internal_error(module: &project::Module, what: &str) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        code: "GY999",
        rel: module.file.rel.clone(),
        line: 1,
        col: 1,
        message: format!("internal error: {what}"),
        help: "please report this file to the greenify developers".into(),
        source_line: String::new(),
    }
}

/// SRC must be a folder; OUT must not be inside SRC (nor SRC inside OUT), and an existing OUT must
/// be empty or a previous greenify output.
fn check_paths(src: &Path, out: &Path) -> Result<(), Failure> {
    if !src.is_dir() {
        return Err(Failure(format!("{}: SRC is not a folder (no such directory)", src.display())));
    }
    let src_abs = src.canonicalize().map_err(|e| Failure(format!("{}: {e}", src.display())))?;
    let out_abs = absolute(out).map_err(|e| Failure(format!("{}: {e}", out.display())))?;
    if out_abs.starts_with(&src_abs) {
        return Err(Failure(format!("{}: OUT is inside SRC ({})", out.display(), src.display())));
    }
    if src_abs.starts_with(&out_abs) {
        return Err(Failure(format!("{}: SRC is inside OUT ({})", src.display(), out.display())));
    }
    if out.exists() && !emit::may_replace(out) {
        return Err(Failure(format!(
            "{}: OUT exists and is not a previous greenify output; refusing to replace it",
            out.display()
        )));
    }
    Ok(())
}

/// The absolute form of a path that may not exist yet: its existing ancestor canonicalised.
fn absolute(path: &Path) -> std::io::Result<PathBuf> {
    let abs = if path.is_absolute() { path.to_path_buf() } else { std::env::current_dir()?.join(path) };
    let mut existing = abs.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_os_string());
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut result = existing.canonicalize()?;
    for part in rest.iter().rev() {
        result.push(part);
    }
    Ok(result)
}
