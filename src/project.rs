//! The program: every `.py` file under SRC (parsed), every other file (copied), and the dotted
//! module name of each Python file, so imports between them can be resolved.
//!
//! Loading reads and parses the files on a few worker threads (parsing is most of greenify's
//! time); the result does not depend on the number of workers: files are in sorted path order.

use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::parse::{self, SourceFile, SyntaxError};
use crate::work::parallel_map;

/// One Python module of the program.
pub struct Module {
    /// Dotted name, e.g. `app.worker`; a package's `__init__.py` is named after the package.
    pub name: String,
    pub is_package: bool,
    pub file: SourceFile,
}

/// Everything under SRC.
pub struct Program {
    pub modules: Vec<Module>,
    /// Paths (relative to SRC) of files copied byte for byte: not `.py`.
    pub other_files: Vec<PathBuf>,
    /// `.py` files that do not parse.
    pub syntax_errors: Vec<SyntaxError>,
    /// Entries of SRC that are neither files nor folders greenify copies (symbolic links to
    /// folders, dangling links, sockets...), with the reason; reported as warnings.
    pub skipped: Vec<(PathBuf, &'static str)>,
    /// Module name -> index in `modules`.
    by_name: HashMap<String, usize>,
}

/// An I/O error while reading SRC, naming the path it happened on.
#[derive(Debug)]
pub struct LoadError {
    pub path: PathBuf,
    pub error: io::Error,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.error)
    }
}

impl Program {
    /// Builds a program from file contents already in memory: `.py` files (path relative to the
    /// program's root, bytes) are parsed, in parallel; `other_files` are only listed.
    pub fn from_sources(sources: Vec<(PathBuf, Vec<u8>)>, other_files: Vec<PathBuf>) -> Program {
        let results = parallel_map(sources, |(rel, bytes)| parse::parse(&rel, bytes));
        Program::from_parsed(results, other_files, Vec::new())
    }

    fn from_parsed(
        results: Vec<Result<SourceFile, SyntaxError>>,
        other_files: Vec<PathBuf>,
        skipped: Vec<(PathBuf, &'static str)>,
    ) -> Program {
        let mut program =
            Program { modules: Vec::new(), other_files, syntax_errors: Vec::new(), skipped, by_name: HashMap::new() };
        for result in results {
            match result {
                Ok(file) => {
                    let (name, is_package) = module_name(&file.rel);
                    program.by_name.entry(name.clone()).or_insert(program.modules.len());
                    program.modules.push(Module { name, is_package, file });
                }
                Err(err) => program.syntax_errors.push(err),
            }
        }
        program
    }

    /// The module of that dotted name.
    pub fn module(&self, name: &str) -> Option<&Module> {
        self.by_name.get(name).and_then(|&i| self.modules.get(i))
    }

    /// Index in `modules` of the module of that dotted name.
    pub fn module_index(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }
}

/// Reads and parses every file under `src`, except the top-level entries named in `exclude`.
/// Files are in sorted path order so output and diagnostics are deterministic.
pub fn load(src: &Path, exclude: &[PathBuf]) -> Result<Program, LoadError> {
    let tree = scan(src, exclude)?;
    let read_errors = Mutex::new(Vec::new());
    let results = parallel_map(tree.python_files, |rel| match fs::read(src.join(&rel)) {
        Ok(bytes) => Some(parse::parse(&rel, bytes)),
        Err(error) => {
            if let Ok(mut errors) = read_errors.lock() {
                errors.push(LoadError { path: src.join(&rel), error });
            }
            None
        }
    });
    let mut read_errors = read_errors.into_inner().unwrap_or_default();
    read_errors.sort_by(|a, b| a.path.cmp(&b.path));
    if let Some(first) = read_errors.into_iter().next() {
        return Err(first);
    }
    Ok(Program::from_parsed(results.into_iter().flatten().collect(), tree.other_files, tree.skipped))
}

/// The files under a folder, sorted.
pub struct Tree {
    pub python_files: Vec<PathBuf>,
    pub other_files: Vec<PathBuf>,
    pub skipped: Vec<(PathBuf, &'static str)>,
}

/// Lists the regular files under `src` (and symbolic links to regular files), relative to it.
/// Symbolic links to folders are not followed (no loops, no files from outside SRC); they and
/// other special entries are listed in `skipped`. `__pycache__` folders are left out.
pub fn scan(src: &Path, exclude: &[PathBuf]) -> Result<Tree, LoadError> {
    let mut tree = Tree { python_files: Vec::new(), other_files: Vec::new(), skipped: Vec::new() };
    let mut pending = vec![PathBuf::new()];
    while let Some(dir) = pending.pop() {
        let path = src.join(&dir);
        let entries = fs::read_dir(&path).map_err(|error| LoadError { path: path.clone(), error })?;
        for entry in entries {
            let entry = entry.map_err(|error| LoadError { path: path.clone(), error })?;
            let rel = dir.join(entry.file_name());
            if exclude.contains(&rel) || entry.file_name() == "__pycache__" {
                continue;
            }
            let kind = entry.file_type().map_err(|error| LoadError { path: src.join(&rel), error })?;
            if kind.is_dir() {
                pending.push(rel);
            } else if kind.is_file() || (kind.is_symlink() && src.join(&rel).is_file()) {
                if rel.extension().is_some_and(|e| e == "py") {
                    tree.python_files.push(rel);
                } else {
                    tree.other_files.push(rel);
                }
            } else if kind.is_symlink() && src.join(&rel).is_dir() {
                tree.skipped.push((rel, "symbolic link to a folder: not followed, not copied"));
            } else if kind.is_symlink() {
                tree.skipped.push((rel, "dangling symbolic link: not copied"));
            } else {
                tree.skipped.push((rel, "not a regular file: not copied"));
            }
        }
    }
    tree.python_files.sort();
    tree.other_files.sort();
    tree.skipped.sort();
    Ok(tree)
}

/// `pkg/sub/mod.py` -> `pkg.sub.mod`; `pkg/__init__.py` -> `pkg` (a package).
pub fn module_name(rel: &Path) -> (String, bool) {
    let mut parts: Vec<String> =
        rel.with_extension("").components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    let is_package = parts.last().is_some_and(|p| p == "__init__");
    if is_package {
        parts.pop();
    }
    (parts.join("."), is_package)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_names_follow_the_path() {
        assert_eq!(module_name(Path::new("a/b/c.py")), ("a.b.c".into(), false));
        assert_eq!(module_name(Path::new("a/__init__.py")), ("a".into(), true));
        assert_eq!(module_name(Path::new("main.py")), ("main".into(), false));
    }

    #[test]
    fn programs_from_memory_index_modules_by_name() {
        let sources = vec![
            (PathBuf::from("pkg/__init__.py"), b"x = 1\n".to_vec()),
            (PathBuf::from("pkg/m.py"), b"def f(:\n".to_vec()),
            (PathBuf::from("main.py"), b"import pkg\n".to_vec()),
        ];
        let program = Program::from_sources(sources, Vec::new());
        assert_eq!(program.modules.len(), 2);
        assert_eq!(program.module("pkg").map(|m| m.is_package), Some(true));
        assert_eq!(program.module_index("main"), Some(1));
        assert_eq!(program.syntax_errors.len(), 1);
    }
}
