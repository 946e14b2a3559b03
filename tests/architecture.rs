//! The shape of the rewriter's source, checked: the modules of src/ import each other without a
//! cycle (each step of the pipeline only uses the steps before it and the shared helpers), and
//! no source file is over 900 lines.
//!
//! The module graph is read from the text of src/**/*.rs: every path `crate::a::b` (in `use`
//! lines and in code, `use crate::{a, b}` groups included), `super::x` and `self::x`, and a bare
//! `x::` naming a child module, is an edge from the file's module to the longest module that the
//! path names (the crate root when it names none: items of lib.rs). `mod x;` declarations are
//! not edges. Comments are ignored, and so are unit tests (a `#[cfg(test)] mod tests` at the end
//! of a file): they are not part of the pipeline.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Longest source file allowed in src/.
const MAX_LINES: usize = 900;

/// The crate root's module name in the graph.
const ROOT: &str = "crate";

#[test]
fn src_modules_import_each_other_without_cycles() {
    let files = source_files();
    let graph = module_graph(&files);
    assert!(graph.len() > 10, "expected the modules of src/, found {:?}", graph.keys().collect::<Vec<_>>());
    if let Some(cycle) = find_cycle(&graph) {
        panic!("import cycle between the modules of src/: {}", cycle.join(" -> "));
    }
}

#[test]
fn no_source_file_is_over_900_lines() {
    let long: Vec<String> = source_files()
        .iter()
        .filter(|(_, text)| text.lines().count() > MAX_LINES)
        .map(|(path, text)| format!("{} ({} lines)", path.display(), text.lines().count()))
        .collect();
    assert!(long.is_empty(), "files over {MAX_LINES} lines in src/ (split them along their jobs): {long:?}");
}

/// The check itself can fail: a cycle through a `super::` import, a `crate::` path in code and a
/// `use crate::{..}` group is found; the same modules without the back edge are not a cycle.
#[test]
fn the_cycle_check_finds_cycles() {
    let file = |path: &str, text: &str| (PathBuf::from(path), text.to_string());
    let with_cycle = [
        file("src/lib.rs", "pub mod a;\npub mod b;\nuse crate::a::run;\n"),
        file("src/a/mod.rs", "mod inner;\n// use crate::b; (a comment is not an import)\npub fn run() { crate::b::go() }\n"),
        file("src/a/inner.rs", "use super::run;\n"),
        file("src/b.rs", "use crate::{a::inner, lib_item};\npub fn go() {}\n#[cfg(test)]\nmod tests {\n    use super::*;\n}\n"),
    ];
    let graph = module_graph(&with_cycle);
    assert_eq!(graph["b"], BTreeSet::from(["a::inner".to_string(), ROOT.to_string()]));
    assert_eq!(graph["a::inner"], BTreeSet::from(["a".to_string()]));
    let cycle = find_cycle(&graph).expect("a -> b -> a::inner -> a is a cycle");
    assert_eq!(cycle.first(), cycle.last());
    let without = [
        file("src/lib.rs", "pub mod a;\npub mod b;\nuse crate::a::run;\n"),
        file("src/a/mod.rs", "pub fn run() {}\n"),
        file("src/b.rs", "use crate::a;\n"),
    ];
    assert_eq!(find_cycle(&module_graph(&without)), None);
}

/// Every `.rs` file under src/ except the binary's `main.rs` (which uses the library by name),
/// with its text.
fn source_files() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut pending = vec![root.join("src")];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(root).expect("under the root").to_path_buf();
                if rel != Path::new("src/main.rs") {
                    out.push((rel, fs::read_to_string(&path).expect("a source file")));
                }
            }
        }
    }
    out.sort();
    out
}

/// `src/lib.rs` -> `crate`, `src/a.rs` and `src/a/mod.rs` -> `a`, `src/a/b.rs` -> `a::b`.
fn module_of(path: &Path) -> String {
    let parts: Vec<String> = path.with_extension("").components().skip(1).map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    match parts.as_slice() {
        [only] if only == "lib" => ROOT.to_string(),
        [dirs @ .., last] if last == "mod" => dirs.join("::"),
        all => all.join("::"),
    }
}

/// Module -> the modules it uses.
fn module_graph(files: &[(PathBuf, String)]) -> BTreeMap<String, BTreeSet<String>> {
    let modules: BTreeSet<String> = files.iter().map(|(path, _)| module_of(path)).collect();
    let mut graph = BTreeMap::new();
    for (path, text) in files {
        let here = module_of(path);
        let mut uses = BTreeSet::new();
        let code = match text.find("#[cfg(test)]\nmod tests") {
            Some(at) => &text[..at],
            None => text.as_str(),
        };
        for line in code.lines() {
            let code = line.split("//").next().unwrap_or("");
            for path in paths_in(code) {
                if let Some(target) = target_module(&here, &path, &modules) {
                    if target != here {
                        uses.insert(target);
                    }
                }
            }
        }
        graph.insert(here, uses);
    }
    graph
}

/// The paths (as segments) a line of code mentions: each `a::b::c` run, with `{..}` groups
/// expanded one level (`crate::{a, b::c}` gives `crate::a` and `crate::b::c`).
fn paths_in(code: &str) -> Vec<Vec<String>> {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !is_ident(chars[i]) || (i > 0 && (is_ident(chars[i - 1]) || chars[i - 1] == ':')) {
            i += 1;
            continue;
        }
        let mut segments = Vec::new();
        loop {
            let start = i;
            while i < chars.len() && is_ident(chars[i]) {
                i += 1;
            }
            segments.push(chars[start..i].iter().collect::<String>());
            if chars.get(i) == Some(&':') && chars.get(i + 1) == Some(&':') {
                i += 2;
                if chars.get(i) == Some(&'{') {
                    // A group: each top-level entry continues the path.
                    let close = matching_brace(&chars, i);
                    let inner: String = chars[i + 1..close].iter().collect();
                    for entry in split_top_level(&inner) {
                        let mut full = segments.clone();
                        full.extend(leading_path(entry));
                        if full.len() > segments.len() {
                            out.push(full);
                        }
                    }
                    i = close + 1;
                    segments.clear();
                    break;
                }
                if i < chars.len() && is_ident(chars[i]) {
                    continue;
                }
            }
            break;
        }
        if segments.len() > 1 {
            out.push(segments);
        }
    }
    out
}

/// The path an entry of a `use` group starts with: `a::b` of `a::b::{c, d}` or `a::b as c`.
fn leading_path(entry: &str) -> Vec<String> {
    let chain: String = entry.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
    chain.split("::").filter(|s| !s.is_empty()).map(str::to_string).collect()
}

fn matching_brace(chars: &[char], open: usize) -> usize {
    let mut depth = 0;
    for (i, c) in chars.iter().enumerate().skip(open) {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    chars.len().saturating_sub(1).max(open)
}

fn split_top_level(inner: &str) -> Vec<&str> {
    let (mut depth, mut start, mut out) = (0, 0, Vec::new());
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&inner[start..]);
    out
}

/// The module a path used in module `here` refers to: the longest known module its segments
/// name (after `crate`, `super`, `self` or a child module's name), else the crate root for
/// `crate::item`; `None` for paths outside the crate (`std::..`, `ast::Expr`).
fn target_module(here: &str, path: &[String], modules: &BTreeSet<String>) -> Option<String> {
    let here_parts: Vec<&str> = if here == ROOT { Vec::new() } else { here.split("::").collect() };
    let (base, rest): (Vec<&str>, &[String]) = match path.first().map(String::as_str) {
        Some("crate") => (Vec::new(), &path[1..]),
        Some("self") => (here_parts.clone(), &path[1..]),
        Some("super") => {
            let mut base = here_parts.clone();
            let mut rest = path;
            while rest.first().map(String::as_str) == Some("super") {
                base.pop();
                rest = &rest[1..];
            }
            (base, rest)
        }
        Some(first) => {
            let mut child = here_parts.clone();
            child.push(first);
            if !modules.contains(&child.join("::")) {
                return None;
            }
            (here_parts.clone(), path)
        }
        None => return None,
    };
    let mut best = if base.is_empty() { ROOT.to_string() } else { base.join("::") };
    let mut parts = base.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    for segment in rest {
        parts.push(segment.clone());
        let name = parts.join("::");
        if modules.contains(&name) {
            best = name;
        } else {
            break;
        }
    }
    Some(best)
}

/// A cycle of the graph (first module repeated at the end), if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Active,
        Done,
    }
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        marks: &mut BTreeMap<String, Mark>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        marks.insert(node.to_string(), Mark::Active);
        stack.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            match marks.get(next) {
                Some(Mark::Active) => {
                    let from = stack.iter().position(|n| n == next).unwrap_or(0);
                    let mut cycle = stack[from..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                Some(Mark::Done) => {}
                None => {
                    if let Some(cycle) = visit(next, graph, marks, stack) {
                        return Some(cycle);
                    }
                }
            }
        }
        stack.pop();
        marks.insert(node.to_string(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for node in graph.keys() {
        if !marks.contains_key(node) {
            if let Some(cycle) = visit(node, graph, &mut marks, &mut Vec::new()) {
                return Some(cycle);
            }
        }
    }
    None
}
