//! Which runtime modules go into OUT: only those the program can use.
//!
//! Every runtime file may say, in comment lines at its top, when it is needed:
//!
//! ```text
//! # greenify: when Condition, Semaphore, Barrier   ship it when the program names one of these
//! # greenify: needs _rare, _rlock                  and then also these runtime modules
//! # greenify: host                                 CPython only (host testing): not on a device
//! ```
//!
//! A file without a `when` line always ships (the core: kernel, threading, queue...). A `when`
//! entry is a word (an identifier: `Timer`) or a dotted pair (`__gy.new`, what the rewriter
//! emits); it counts where a Python file of OUT names it in code, as a string that is just that
//! name (`getattr(threading, "Timer")`), or inside an f-string; words of comments and prose
//! strings do not count. A program that builds the name at run time from pieces is the one case
//! it misses. A star import (`from threading import *`) ships every module. `needs` closes the
//! selection over the modules a shipped one imports. `host` files are left out of a device-only
//! output (`greenify --mpy`: `.mpy` files do not run on CPython anyway).

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

/// What a runtime file's header says.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Header {
    /// Ship when the program names one of these (empty: always).
    pub when: Vec<String>,
    /// Runtime modules (names in the runtime package) this one imports.
    pub needs: Vec<String>,
    /// Runs only on CPython (host testing).
    pub host: bool,
}

const PREFIX: &str = "# greenify:";

/// The header of a runtime file: its leading comment lines (blank lines end nothing; the first
/// line of code does).
pub fn header(text: &str) -> Header {
    let mut h = Header::default();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if !line.starts_with('#') {
            break;
        }
        let Some(rest) = line.strip_prefix(PREFIX) else { continue };
        let rest = rest.trim();
        let (key, value) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let items = || value.split([',', ' ']).map(str::trim).filter(|s| !s.is_empty()).map(String::from);
        match key {
            "when" => h.when.extend(items()),
            "needs" => h.needs.extend(items()),
            "host" => h.host = true,
            _ => {}
        }
    }
    h
}

/// The names the program's Python files of OUT use: identifiers and dotted pairs (`__gy.new`)
/// of the code, string literals that are a name (`getattr(threading, "Timer")`), every name in
/// an f-string; not the words of comments and other strings (a docstring saying "local time"
/// does not ship `threading.local`).
pub struct Uses<'t> {
    words: HashSet<&'t str>,
    star: bool,
}

fn is_ident(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

impl<'t> Uses<'t> {
    /// `texts`: the text of every Python file OUT will hold (rewritten or not), compatibility
    /// modules included.
    pub fn scan(texts: impl IntoIterator<Item = &'t str>) -> Uses<'t> {
        let mut uses = Uses { words: HashSet::new(), star: false };
        for text in texts {
            uses.star |= text.lines().flat_map(|line| line.split(';')).any(star_import);
            uses.code(text);
        }
        uses
    }

    /// Whether the program names `name` (a word, or a dotted pair such as `__gy.new`).
    pub fn names(&self, name: &str) -> bool {
        self.words.contains(name)
    }

    fn code(&mut self, text: &'t str) {
        let bytes = text.as_bytes();
        let mut i = 0;
        // The last identifier: where it started and ended, for `a.b` pairs and string prefixes.
        let mut last: Option<(usize, usize)> = None;
        while i < bytes.len() {
            let c = bytes[i];
            if c == b'#' {
                i = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
            } else if c == b'"' || c == b'\'' {
                let prefix = last.filter(|&(_, end)| end == i).map(|(start, end)| &text[start..end]);
                let f = prefix.is_some_and(|p| p.len() <= 2 && p.chars().all(|ch| "rRbBuUfF".contains(ch)) && p.contains(['f', 'F']));
                let (from, to, end) = string_span(bytes, i);
                let inner = &text[from..to];
                if f {
                    self.words.extend(inner.split(|ch: char| !is_ident(ch)).filter(|w| !w.is_empty()));
                } else if !inner.is_empty() && inner.chars().all(|ch| is_ident(ch) || ch == '.') {
                    self.words.insert(inner);
                }
                last = None;
                i = end;
            } else if c == b'_' || c.is_ascii_alphanumeric() || c >= 0x80 {
                let start = i;
                while i < bytes.len() && (bytes[i] == b'_' || bytes[i].is_ascii_alphanumeric() || bytes[i] >= 0x80) {
                    i += 1;
                }
                if let Some((a, e)) = last {
                    if e + 1 == start && bytes[e] == b'.' {
                        self.words.insert(&text[a..i]);
                    }
                }
                self.words.insert(&text[start..i]);
                last = Some((start, i));
                continue;
            } else {
                if c != b'.' {
                    last = None;
                }
                i += 1;
            }
        }
    }
}

/// Whether a line is a star import of the runtime (`from threading import *`, `from queue import
/// *`, `from greenify.threading import *`): what that imports cannot be told from names.
fn star_import(line: &str) -> bool {
    let line = line.trim_start();
    let Some(rest) = line.strip_prefix("from ") else { return false };
    let Some((module, tail)) = rest.split_once(" import") else { return false };
    let module = module.trim();
    tail.trim_start().starts_with('*') && (matches!(module, "threading" | "queue") || module.starts_with("greenify"))
}

/// The string literal that opens at `start` (a quote): where its content starts and ends, and
/// the offset just past it (a literal left open ends at its line's end, or the text's).
fn string_span(bytes: &[u8], start: usize) -> (usize, usize, usize) {
    let q = bytes[start];
    let triple = bytes.get(start + 1) == Some(&q) && bytes.get(start + 2) == Some(&q);
    let from = start + if triple { 3 } else { 1 };
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'\n' if !triple => return (from, i, i),
            c if c == q && !triple => return (from, i, i + 1),
            c if c == q && bytes.get(i + 1) == Some(&q) && bytes.get(i + 2) == Some(&q) => return (from, i, i + 3),
            _ => i += 1,
        }
    }
    let end = bytes.len();
    (from.min(end), end, end)
}

/// The runtime files (path relative to OUT, text) that go into OUT for a program with `uses`:
/// the files without a `when` header, those whose `when` the program names, and what they
/// need; without the CPython-only ones when `device_only`. Files that are not modules of the
/// runtime package (the shims) always go.
pub fn select(
    files: Vec<(PathBuf, &'static str)>,
    package: &str,
    uses: &Uses<'_>,
    device_only: bool,
) -> Vec<(PathBuf, &'static str)> {
    let module = |path: &Path| -> Option<String> {
        let rest = path.strip_prefix(package).ok()?;
        Some(rest.with_extension("").to_string_lossy().replace('/', "."))
    };
    let headers: Vec<Header> = files.iter().map(|(_, text)| header(text)).collect();
    let mut wanted: BTreeSet<String> = BTreeSet::new();
    let mut todo: Vec<String> = Vec::new();
    for ((path, _), h) in files.iter().zip(&headers) {
        let Some(name) = module(path) else { continue };
        if h.host && device_only {
            continue;
        }
        if h.when.is_empty() || uses.star || h.when.iter().any(|w| uses.names(w)) {
            todo.push(name);
        }
    }
    while let Some(name) = todo.pop() {
        if !wanted.insert(name.clone()) {
            continue;
        }
        if let Some(i) = files.iter().position(|(p, _)| module(p).as_deref() == Some(name.as_str())) {
            todo.extend(headers[i].needs.iter().cloned());
        }
    }
    files
        .into_iter()
        .filter(|(path, _)| match module(path) {
            Some(name) => wanted.contains(&name),
            None => true,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lines() {
        let h = header("# greenify: when A, B\n# greenify: needs _x\n# other\n\nimport y\n# greenify: host\n");
        assert_eq!(h.when, ["A", "B"]);
        assert_eq!(h.needs, ["_x"]);
        assert!(!h.host);
        assert!(header("# greenify: host\n").host);
    }

    #[test]
    fn words_and_dotted_names() {
        let uses = Uses::scan(["x = threading.Timer(1, f)\n", "await __gy.new(C)(1); __gy.newer"]);
        assert!(uses.names("Timer"));
        assert!(!uses.names("Time"));
        assert!(uses.names("__gy.new"));
        assert!(!uses.names("__gy.maybe"));
        let only_longer = Uses::scan(["__gy.newer()"]);
        assert!(!only_longer.names("__gy.new"));
    }

    #[test]
    fn comments_and_prose_strings_do_not_count() {
        let text = "def f():\n    \"\"\"The local time.\"\"\"  # a Barrier\n    g(\"Timer\", 'it''s', f\"{x.Event}\")\n    s = 'a \\' Lock'\n";
        let uses = Uses::scan([text]);
        assert!(!uses.names("local"));
        assert!(!uses.names("Barrier"));
        assert!(!uses.names("Lock"));
        assert!(uses.names("Timer"));
        assert!(uses.names("Event"));
        assert!(uses.names("g"));
        let open = Uses::scan(["x = 'never closed\ny = Timer"]);
        assert!(open.names("Timer"));
    }

    #[test]
    fn selection_follows_needs_and_drops_host_files() {
        let files = vec![
            (PathBuf::from("greenify/threading.py"), "import x\n"),
            (PathBuf::from("greenify/_sync.py"), "# greenify: when Condition\n# greenify: needs _rare\n"),
            (PathBuf::from("greenify/_rare.py"), "# greenify: when Barrier\n"),
            (PathBuf::from("greenify/_host.py"), "# greenify: host\n"),
            (PathBuf::from("threading.py"), "shim\n"),
        ];
        let names = |sel: Vec<(PathBuf, &str)>| sel.into_iter().map(|(p, _)| p.to_string_lossy().into_owned()).collect::<Vec<_>>();
        let plain = Uses::scan(["import threading\n"]);
        assert_eq!(names(select(files.clone(), "greenify", &plain, true)), ["greenify/threading.py", "threading.py"]);
        assert_eq!(
            names(select(files.clone(), "greenify", &plain, false)),
            ["greenify/threading.py", "greenify/_host.py", "threading.py"]
        );
        let cond = Uses::scan(["c = threading.Condition()\n"]);
        assert_eq!(
            names(select(files.clone(), "greenify", &cond, true)),
            ["greenify/threading.py", "greenify/_sync.py", "greenify/_rare.py", "threading.py"]
        );
        let star = Uses::scan(["from threading import *\n"]);
        assert_eq!(select(files.clone(), "greenify", &star, true).len(), 4);
        let after_import = Uses::scan(["import greenify as __gy; from threading import *\n"]);
        assert_eq!(select(files.clone(), "greenify", &after_import, true).len(), 4);
        let other_star = Uses::scan(["    from time import *\n"]);
        assert_eq!(select(files, "greenify", &other_star, true).len(), 2);
    }
}
