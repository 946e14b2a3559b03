//! The program: every `.py` file under SRC (parsed), every other file (copied), and the dotted
//! module name of each Python file, so imports between them can be resolved.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::parse::{self, SourceFile, SyntaxError};

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
}

impl Program {
    pub fn module(&self, name: &str) -> Option<&Module> {
        self.modules.iter().find(|m| m.name == name)
    }
}

/// Reads and parses every file under `src`. Files are visited in sorted order so output and
/// diagnostics are deterministic.
pub fn load(src: &Path) -> io::Result<Program> {
    let mut files = Vec::new();
    collect_files(src, Path::new(""), &mut files)?;
    files.sort();
    let mut program = Program { modules: Vec::new(), other_files: Vec::new(), syntax_errors: Vec::new() };
    for rel in files {
        if rel.extension().is_some_and(|e| e == "py") {
            let bytes = fs::read(src.join(&rel))?;
            let Ok(text) = String::from_utf8(bytes) else {
                program.syntax_errors.push(SyntaxError {
                    rel,
                    line: 1,
                    col: 1,
                    message: "file is not valid UTF-8".into(),
                });
                continue;
            };
            match parse::parse(&rel, text) {
                Ok(file) => {
                    let (name, is_package) = module_name(&rel);
                    program.modules.push(Module { name, is_package, file });
                }
                Err(err) => program.syntax_errors.push(err),
            }
        } else {
            program.other_files.push(rel);
        }
    }
    Ok(program)
}

/// Recursively lists regular files (following no symlinked directories), relative to the root.
fn collect_files(root: &Path, rel: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(root.join(rel))? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let child = rel.join(entry.file_name());
        if kind.is_dir() {
            if entry.file_name() != "__pycache__" {
                collect_files(root, &child, out)?;
            }
        } else if kind.is_file() || (kind.is_symlink() && root.join(&child).is_file()) {
            out.push(child);
        }
    }
    Ok(())
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
}
