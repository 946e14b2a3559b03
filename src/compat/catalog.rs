//! The catalog of compatibility modules: every file embedded from `runtime_py/compat/`
//! (build.rs embeds the folder with its subfolders). `runtime_py/compat/logging.py` is the module
//! `logging`, shipped as `OUT/logging.py`; `runtime_py/compat/collections/abc.py` is
//! `collections.abc`, shipped as `OUT/collections/abc.py`; a folder's `__init__.py` is the
//! package. A file's first comment lines may say which other compat modules it imports:
//! `# greenify: needs functools, os.path` (they are shipped with it).

use std::path::PathBuf;

/// Where the compat files are in the embedded runtime list.
pub const PREFIX: &str = "runtime_py/compat/";

/// One compatibility module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Dotted module name, e.g. `collections.abc`.
    pub name: String,
    /// Path in OUT, e.g. `collections/abc.py`.
    pub out: PathBuf,
    pub text: &'static str,
    /// The compat modules it needs (`# greenify: needs ...`).
    pub needs: Vec<String>,
}

/// Every compatibility module, sorted by name.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub entries: Vec<Entry>,
}

impl Catalog {
    /// The catalog of the compat files among `embedded` (path relative to the repo, text).
    pub fn from_embedded(embedded: &[(&str, &'static str)]) -> Catalog {
        let mut entries: Vec<Entry> = embedded
            .iter()
            .filter_map(|(rel, text)| {
                let inner = rel.strip_prefix(PREFIX)?.strip_suffix(".py")?;
                let mut parts: Vec<&str> = inner.split('/').collect();
                if parts.last() == Some(&"__init__") {
                    parts.pop();
                }
                if parts.is_empty() || parts.iter().any(|p| p.is_empty()) {
                    return None;
                }
                let name = parts.join(".");
                Some(Entry { name, out: PathBuf::from(&rel[PREFIX.len()..]), text, needs: needs(text) })
            })
            .collect();
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        Catalog { entries }
    }

    pub fn get(&self, name: &str) -> Option<&Entry> {
        self.entries.binary_search_by(|e| e.name.as_str().cmp(name)).ok().map(|i| &self.entries[i])
    }

    pub fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }
}

/// The module names of `# greenify: needs a, b.c` lines among the comment lines a file starts
/// with (blank lines and a shebang allowed before them).
pub fn needs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let Some(comment) = line.strip_prefix('#') else { break };
        if let Some(list) = comment.trim().strip_prefix("greenify: needs") {
            out.extend(list.split(',').map(str::trim).filter(|m| !m.is_empty()).map(str::to_string));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_become_modules_with_their_needs() {
        let embedded: &[(&str, &'static str)] = &[
            ("runtime_py/compat/logging.py", "# logging for MicroPython\n# greenify: needs time, os.path\nimport time\n"),
            ("runtime_py/compat/collections/abc.py", "x = 1\n# greenify: needs late\n"),
            ("runtime_py/compat/os/__init__.py", ""),
            ("runtime_py/green/threading.py", ""),
            ("shims/queue.py", ""),
        ];
        let catalog = Catalog::from_embedded(embedded);
        let names: Vec<&str> = catalog.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["collections.abc", "logging", "os"]);
        assert_eq!(catalog.get("logging").map(|e| e.needs.clone()), Some(vec!["time".to_string(), "os.path".to_string()]));
        assert_eq!(catalog.get("collections.abc").map(|e| e.out.clone()), Some(PathBuf::from("collections/abc.py")));
        assert!(catalog.get("collections.abc").is_some_and(|e| e.needs.is_empty()), "needs only in the leading comments");
        assert_eq!(catalog.get("os").map(|e| e.out.clone()), Some(PathBuf::from("os/__init__.py")));
    }
}
