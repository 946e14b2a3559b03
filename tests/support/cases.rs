//! The fixture cases of the snapshot harnesses (tests/cases/<harness>/): reading a case, the
//! checks every output must pass, and the snapshot text.
//!
//! A case is `NAME.py` (a program of one module) or a folder `NAME/` (a program of several
//! modules, paths relative to the folder). Its snapshot shows every module's output (or that it
//! is unchanged), the rendered diagnostics and the `--explain` text, exactly as the command
//! prints them.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use greenify::project::Program;
use greenify::Analysis;

use super::lines::assert_lines_kept;

/// The folder of a harness's cases: tests/cases/<harness>.
pub fn dir(harness: &str) -> PathBuf {
    super::repo().join("tests/cases").join(harness)
}

/// The names of the cases in `dir` (file stem or folder name), sorted.
pub fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.is_dir() || path.extension().is_some_and(|e| e == "py"))
        .filter_map(|path| path.file_stem().and_then(|s| s.to_str()).map(str::to_string))
        .collect();
    names.sort();
    names
}

/// The `.py` files of case `name` in `dir`, as (path relative to the case root, bytes).
pub fn sources(dir: &Path, name: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let folder = dir.join(name);
    if folder.is_dir() {
        let mut files = Vec::new();
        collect(&folder, Path::new(""), &mut files);
        files.sort();
        files
    } else {
        let file = dir.join(format!("{name}.py"));
        let bytes = fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        vec![(PathBuf::from(format!("{name}.py")), bytes)]
    }
}

/// The `.py` files under `root/rel`, recursively.
pub fn collect(root: &Path, rel: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
    let entries = fs::read_dir(root.join(rel)).unwrap_or_else(|e| panic!("{}: {e}", root.display()));
    for entry in entries.flatten() {
        let child = rel.join(entry.file_name());
        if entry.path().is_dir() {
            collect(root, &child, out);
        } else if child.extension().is_some_and(|e| e == "py") {
            out.push((child, fs::read(entry.path()).unwrap_or_default()));
        }
    }
}

/// What must hold for every output: it parses, and every line keeps its number and text.
pub fn check_outputs(program: &Program, analysis: &Analysis) {
    for (module, text) in program.modules.iter().zip(&analysis.texts) {
        if let Some(text) = text {
            let rel = &module.file.rel;
            assert!(greenify::parse::parses(text), "{}: output does not parse:\n{text}", rel.display());
            assert_lines_kept(rel, &module.file.text, text);
        }
    }
}

/// The program made of the outputs of `analysis` (the sources where unchanged).
pub fn output_sources(program: &Program, analysis: &Analysis) -> Vec<(PathBuf, Vec<u8>)> {
    program
        .modules
        .iter()
        .zip(&analysis.texts)
        .map(|(m, t)| (m.file.rel.clone(), t.clone().unwrap_or_else(|| m.file.text.clone()).into_bytes()))
        .collect()
}

/// The snapshot text of a case: outputs, diagnostics, `--explain`.
pub fn render(program: &Program, analysis: &Analysis) -> String {
    let mut out = String::new();
    for (module, text) in program.modules.iter().zip(&analysis.texts) {
        match text {
            None => {
                let _ = writeln!(out, "=== {} (unchanged)", module.file.rel.display());
            }
            Some(text) => {
                let _ = writeln!(out, "=== {}", module.file.rel.display());
                out.push_str(text);
                if !text.ends_with('\n') {
                    out.push('\n');
                }
            }
        }
    }
    let _ = writeln!(out, "=== diagnostics");
    for d in &analysis.diagnostics {
        out.push_str(&d.render());
    }
    let _ = writeln!(out, "=== explain");
    out.push_str(&greenify::explain::render(&analysis.explanations));
    out
}
