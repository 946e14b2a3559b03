//! greenify: rewrites a threaded Python program so it runs on MicroPython.
//!
//! The pipeline, one module per step:
//! `project` (load and parse SRC, via `parse`) → `resolve` (what names refer to) → `color` (which
//! functions block) → `rewrite` (byte-range edits) → `edit` (apply them) → `emit` (write OUT with
//! the runtime). `diag` renders what could not be converted; `support` lists the APIs the
//! runtime has in name only; `diff` prints `--diff`.
//!
//! [`run`] is the whole command; [`analyse`] is the pure part (a loaded program in, new texts and
//! diagnostics out), which the sweep test drives on in-memory programs.

pub mod color;
pub mod diag;
pub mod diff;
pub mod edit;
pub mod emit;
pub mod fxhash;
pub mod kinds;
pub mod parse;
pub mod project;
pub mod resolve;
pub mod rewrite;
pub mod scopes;
pub mod support;
pub mod valset;
pub mod walk;

use std::fmt;
use std::path::{Path, PathBuf};

use diag::{Diagnostic, Severity};
use emit::{Backend, Content, OutState};
use project::Program;
use rewrite::Explanation;

/// Wall time of each step on stderr when `GREENIFY_TRACE` is set (for profiling; off otherwise).
pub struct Phase(Option<std::time::Instant>);

impl Phase {
    pub fn start() -> Phase {
        Phase(std::env::var_os("GREENIFY_TRACE").map(|_| std::time::Instant::now()))
    }

    /// Reports the step that just ended and starts timing the next one.
    pub fn next(self, done: &str) -> Phase {
        match self.0 {
            Some(started) => {
                eprintln!("greenify: {done}: {:?}", started.elapsed());
                Phase(Some(std::time::Instant::now()))
            }
            None => self,
        }
    }
}

/// Frees a large value on another thread, so that the work goes on meanwhile (a short-lived
/// command may well exit before that thread is done; the memory goes back all the same).
pub fn drop_later<T: Send + 'static>(value: T) {
    // Without a thread to be had, the value is freed here (inside the failed spawn's error).
    let _ = std::thread::Builder::new().name("drop".into()).spawn(move || drop(value));
}

/// What the command line asked for.
pub struct Options {
    pub src: PathBuf,
    pub out: PathBuf,
    pub backend: Backend,
    /// Report only; write nothing.
    pub check: bool,
}

/// Why greenify could not run at all (exit status 2): bad arguments or I/O. One line, naming the
/// path concerned.
#[derive(Debug)]
pub struct Failure(pub String);

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn fail(path: &Path, what: impl fmt::Display) -> Failure {
    Failure(format!("{}: {what}", path.display()))
}

/// A Python file of SRC whose text greenify changes.
pub struct Change {
    /// Path relative to SRC (and to OUT).
    pub rel: PathBuf,
    pub old: String,
    pub new: String,
}

/// What a run found and did.
pub struct Outcome {
    /// Sorted by file, line, column.
    pub diagnostics: Vec<Diagnostic>,
    /// Why each converted function is converted, and the call sites that go through an adapter.
    pub explanations: Vec<Explanation>,
    /// The files greenify changes (or would change, when nothing was written).
    pub changes: Vec<Change>,
    /// Whether OUT was written.
    pub wrote: bool,
    /// Something the user should know that is not about the program (e.g. a leftover folder).
    pub note: Option<String>,
}

impl Outcome {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Runs greenify: checks the paths, analyses SRC, and (unless there are errors or `check` is set)
/// writes OUT, all or nothing.
pub fn run(opts: &Options) -> Result<Outcome, Failure> {
    check_paths(&opts.src, &opts.out)?;
    // A previous output given as SRC: its runtime is not part of the program (it is replaced by
    // the current runtime), so greenify on its own output changes nothing.
    let runtime_in_src = if emit::is_previous_output(&opts.src) { emit::reserved_paths() } else { Vec::new() };
    let phase = Phase::start();
    let program = project::load(&opts.src, &runtime_in_src).map_err(|e| Failure(e.to_string()))?;
    let phase = phase.next("load and parse");
    let mut analysis = analyse(&program, opts.backend);
    let phase = phase.next("analyse");
    for reserved in emit::reserved_paths() {
        if !runtime_in_src.contains(&reserved) && opts.src.join(&reserved).symlink_metadata().is_ok() {
            analysis.diagnostics.push(file_diagnostic(
                Severity::Error,
                "GY002",
                &reserved,
                format!("`{}` is a name the runtime needs at the top of OUT", reserved.display()),
            ));
        }
    }
    if opts.backend == Backend::Thread && emit::previous_backend(&opts.src) == Some(Backend::Green) {
        analysis.diagnostics.push(file_diagnostic(
            Severity::Error,
            "GY004",
            Path::new(emit::RUNTIME_PACKAGE),
            "SRC is an output of the green backend: its code is converted for green threads and does not run on \
             the thread backend; give the original sources"
                .into(),
        ));
    }
    sort(&mut analysis.diagnostics);

    let changes = program
        .modules
        .iter()
        .zip(&analysis.texts)
        .filter_map(|(module, text)| {
            let new = text.as_ref()?;
            Some(Change { rel: module.file.rel.clone(), old: module.file.text.clone(), new: new.clone() })
        })
        .collect();
    let mut outcome =
        Outcome { diagnostics: analysis.diagnostics, explanations: analysis.explanations, changes, wrote: false, note: None };
    let phase = phase.next("collect changes");
    drop_later(program);
    if opts.check || outcome.has_errors() {
        return Ok(outcome);
    }
    let mut files = analysis.files;
    for (rel, text) in emit::runtime_files(opts.backend) {
        files.push((rel, Content::Static(text)));
    }
    outcome.note = emit::write_tree(&opts.src, &opts.out, &files).map_err(|e| fail(&opts.out, e))?;
    outcome.wrote = true;
    phase.next("write OUT");
    Ok(outcome)
}

/// The result of analysing a program, before anything is written.
pub struct Analysis {
    /// The program's files in OUT (path relative to OUT, content); the runtime is not included.
    pub files: Vec<(PathBuf, Content)>,
    /// The new text of each module (same order as `Program::modules`); `None`: unchanged.
    pub texts: Vec<Option<String>>,
    /// Sorted by file, line, column.
    pub diagnostics: Vec<Diagnostic>,
    pub explanations: Vec<Explanation>,
}

/// Analyses a loaded program for `backend`: the green rewrite (or the thread backend's checks),
/// with every file that cannot be analysed and every skipped entry reported. Does no I/O.
pub fn analyse(program: &Program, backend: Backend) -> Analysis {
    let mut diagnostics: Vec<Diagnostic> = program.syntax_errors.iter().map(syntax_diagnostic).collect();
    for (rel, why) in &program.skipped {
        diagnostics.push(file_diagnostic(Severity::Warning, "GY003", rel, format!("skipped: {why}")));
    }
    let (texts, explanations) = match backend {
        Backend::Thread => {
            diagnostics.extend(program.modules.iter().flat_map(support::name_only_uses));
            (vec![None; program.modules.len()], Vec::new())
        }
        Backend::Green => {
            let result = rewrite::rewrite_program(program);
            diagnostics.extend(result.diagnostics);
            // The output check guards what is written; with errors nothing is.
            let texts = if diagnostics.iter().any(Diagnostic::is_error) {
                result.texts
            } else {
                let phase = Phase::start();
                let texts = checked_texts(program, result.texts, &mut diagnostics);
                phase.next("output check");
                texts
            };
            (texts, result.explanations)
        }
    };

    let mut files: Vec<(PathBuf, Content)> = Vec::new();
    for rel in &program.other_files {
        files.push((rel.clone(), Content::Copy(rel.clone())));
    }
    for (module, text) in program.modules.iter().zip(&texts) {
        let rel = module.file.rel.clone();
        let content = match text {
            None => Content::Copy(rel.clone()),
            Some(text) => Content::Rewritten(rel.clone(), text.clone()),
        };
        files.push((rel, content));
    }
    for error in &program.syntax_errors {
        files.push((error.rel.clone(), Content::Copy(error.rel.clone())));
    }
    sort(&mut diagnostics);
    Analysis { files, texts, diagnostics, explanations }
}

/// Our own output must compile: a rewritten text that does not parse, or that CPython's compiler
/// would refuse (e.g. `await` outside an `async def`), is an internal error (reported; the file
/// is left unchanged). The check parses every rewritten file again, in parallel.
fn checked_texts(program: &Program, texts: Vec<Option<String>>, diagnostics: &mut Vec<Diagnostic>) -> Vec<Option<String>> {
    let verdicts = project::parallel_map(texts.iter().collect(), |text| match text {
        Some(text) => parse::check_output(text).err().map(|(offset, why)| (offset, why, text)),
        None => None,
    });
    let mut checked = Vec::with_capacity(texts.len());
    for ((module, text), verdict) in program.modules.iter().zip(&texts).zip(verdicts) {
        match verdict {
            None => checked.push(text.clone()),
            Some((offset, why, output)) => {
                // The place in the output is on the same line as in the source (lines keep
                // their numbers); the column is the output's.
                let index = parse::LineIndex::from_source_text(output);
                let (line, col) = parse::line_col(output, &index, offset);
                diagnostics.push(Diagnostic {
                    severity: Severity::Error,
                    code: "GY999",
                    rel: module.file.rel.clone(),
                    line,
                    col,
                    message: format!("internal error: the converted file would not compile ({why})"),
                    help: "please report this file to the greenify developers".into(),
                    source_line: parse::line_text(output, &index, line).to_string(),
                });
                checked.push(None);
            }
        }
    }
    // A module the rewrite did not report on (should not happen) stays unchanged.
    checked.resize(program.modules.len(), None);
    checked
}

fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| (&a.rel, a.line, a.col, a.code).cmp(&(&b.rel, b.line, b.col, b.code)));
}

fn syntax_diagnostic(err: &parse::SyntaxError) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        code: "GY001",
        rel: err.rel.clone(),
        line: err.line,
        col: err.col,
        message: format!("file does not parse: {}", err.message),
        help: String::new(),
        source_line: String::new(),
    }
}

/// A diagnostic about a whole file or folder: rendered as one line, without a position.
fn file_diagnostic(severity: Severity, code: &'static str, rel: &Path, message: String) -> Diagnostic {
    Diagnostic { severity, code, rel: rel.to_path_buf(), line: 0, col: 0, message, help: String::new(), source_line: String::new() }
}

/// SRC must be a folder; OUT must not be inside SRC (nor SRC inside OUT), and an existing OUT must
/// be an empty folder or a previous greenify output.
fn check_paths(src: &Path, out: &Path) -> Result<(), Failure> {
    match src.metadata() {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(fail(src, "SRC does not exist")),
        Err(e) => return Err(fail(src, e)),
        Ok(meta) if !meta.is_dir() => return Err(fail(src, "SRC is not a folder")),
        Ok(_) => {}
    }
    let src_abs = src.canonicalize().map_err(|e| fail(src, e))?;
    let out_abs = absolute(out).map_err(|e| fail(out, e))?;
    if out_abs.starts_with(&src_abs) {
        return Err(fail(out, format_args!("OUT is inside SRC ({})", src.display())));
    }
    if src_abs.starts_with(&out_abs) {
        return Err(fail(src, format_args!("SRC is inside OUT ({})", out.display())));
    }
    match emit::out_state(out).map_err(|e| fail(out, e))? {
        OutState::Missing | OutState::EmptyFolder | OutState::PreviousOutput => Ok(()),
        OutState::ForeignFolder => {
            Err(fail(out, "OUT exists and is not a previous greenify output; refusing to replace it"))
        }
        OutState::NotAFolder => Err(fail(out, "OUT exists and is not a folder; refusing to replace it")),
        OutState::Link => Err(fail(out, "OUT is a symbolic link; give the folder it points to")),
    }
}

/// The absolute form of a path that may not exist yet: its longest existing ancestor
/// canonicalised (symbolic links resolved), the rest appended.
fn absolute(path: &Path) -> std::io::Result<PathBuf> {
    let abs = if path.is_absolute() { path.to_path_buf() } else { std::env::current_dir()?.join(path) };
    let mut existing = abs.as_path();
    let mut rest = Vec::new();
    while existing.symlink_metadata().is_err() {
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent;
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
