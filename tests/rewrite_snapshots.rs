//! Snapshot tests of the green rewrite: tests/cases/NAME.py (one module) or tests/cases/NAME/ (a
//! program of several modules) in, every module's output, the rendered diagnostics and the
//! `--explain` chains out, in tests/snapshots/rewrite_snapshots__NAME.snap.
//!
//! Besides the snapshot, every case checks what must always hold: every output parses, every
//! original line keeps its number and its text (only insertions and callee replacements), and
//! greenify run on its own output changes nothing.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use greenify::emit::Backend;
use greenify::explain::ExplanationKind;
use greenify::project::Program;
use greenify::Analysis;

fn rewrite(program: &Program) -> Analysis {
    greenify::analyse(program, Backend::Green)
}

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases")
}

/// The `.py` files of a case, as (path relative to the case root, bytes).
fn case_sources(name: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = cases_dir().join(name);
    if dir.is_dir() {
        let mut files = Vec::new();
        collect(&dir, Path::new(""), &mut files);
        files.sort();
        files
    } else {
        let file = cases_dir().join(format!("{name}.py"));
        let bytes = fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        vec![(PathBuf::from(format!("{name}.py")), bytes)]
    }
}

fn collect(root: &Path, rel: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
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

/// Removes `import greenify as __gy` and the mangled aliases that follow it (`; _C__gy = __gy`).
fn without_runtime_import(line: &str) -> String {
    let Some(at) = line.find("import greenify as __gy") else { return line.to_string() };
    let mut end = at + "import greenify as __gy".len();
    while let Some(rest) = line[end..].strip_prefix("; _") {
        match rest.find(" = __gy") {
            Some(i) if rest[..i].chars().all(|c| c.is_alphanumeric() || c == '_') => end += 3 + i + " = __gy".len(),
            _ => break,
        }
    }
    let (before, after) = (&line[..at], &line[end..]);
    match (before.strip_suffix("; "), after.strip_prefix("; ")) {
        (Some(b), _) => format!("{b}{after}"),
        (None, Some(a)) => format!("{before}{a}"),
        (None, None) => format!("{before}{after}"),
    }
}

/// Removes the texts greenify inserts, and maps replaced callees to one token, so an output line
/// can be compared with its input line.
fn normalised(line: &str) -> String {
    let mut s = without_runtime_import(line);
    for inserted in ["import greenify as __gy; ", "; import greenify as __gy", "async ", "await ", "__gy.maybe(", "__gy.run("] {
        s = s.replace(inserted, "");
    }
    s.chars().filter(|c| !matches!(c, '(' | ')')).collect::<String>()
}

/// The dotted names of a line with their byte ranges.
fn dotted_names(s: &str) -> Vec<(usize, usize)> {
    let is_name = |c: char| c.is_alphanumeric() || c == '_' || c == '.';
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (start, is_name(c)) {
            (None, true) => start = Some(i),
            (Some(b), false) => {
                out.push((b, i));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// `__gy.sleep` / `__gy.gsocket.socket` (the runtime callees greenify puts in) -> `CALLEE`.
fn runtime_callees(s: &str) -> String {
    let mut out = s.to_string();
    for (b, e) in dotted_names(s).into_iter().rev() {
        if s[b..e].starts_with("__gy.") && !matches!(&s[b..e], "__gy.run" | "__gy.maybe") {
            out.replace_range(b..e, "CALLEE");
        }
    }
    out
}

/// Whether the old line equals the new one, allowing one callee of the old line to have been
/// replaced by the runtime's (`time.sleep` or an alias like `nap` -> `__gy.sleep`).
fn same_line(old: &str, new: &str) -> bool {
    let new = normalised(&runtime_callees(new));
    if normalised(old) == new {
        return true;
    }
    let names = dotted_names(old);
    for (i, _) in names.iter().enumerate() {
        let mut candidate = old.to_string();
        for (j, (b, e)) in names.iter().enumerate().rev() {
            if j == i {
                candidate.replace_range(*b..*e, "CALLEE");
            }
        }
        if normalised(&candidate) == new {
            return true;
        }
    }
    false
}

/// Every line of `old` is on the same line of `new`, with only greenify's insertions around it.
fn assert_lines_kept(rel: &Path, old: &str, new: &str) {
    let mut old_lines: Vec<&str> = old.split('\n').collect();
    if old.ends_with('\n') {
        old_lines.pop();
    }
    let new_lines: Vec<&str> = new.split('\n').collect();
    assert!(new_lines.len() >= old_lines.len(), "{}: output has fewer lines", rel.display());
    for (i, (o, n)) in old_lines.iter().zip(&new_lines).enumerate() {
        assert!(same_line(o, n), "{}:{}: line text changed beyond insertions:\n{o}\n{n}", rel.display(), i + 1);
    }
    // Only the exit line may be added, at the very end.
    let extra: Vec<&&str> = new_lines[old_lines.len()..].iter().filter(|l| !l.is_empty()).collect();
    assert!(extra.len() <= 1, "{}: more than one line added", rel.display());
    if let Some(line) = extra.first() {
        assert!(line.contains("__gy.exit()"), "{}: unexpected added line {line:?}", rel.display());
    }
}

fn render(program: &Program, result: &Analysis) -> String {
    let mut out = String::new();
    for (module, text) in program.modules.iter().zip(&result.texts) {
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
    for d in &result.diagnostics {
        out.push_str(&d.render());
    }
    let _ = writeln!(out, "=== explain");
    let mut explanations = result.explanations.clone();
    explanations.sort_by(|a, b| (&a.rel, a.line, a.col, &a.function).cmp(&(&b.rel, b.line, b.col, &b.function)));
    for e in &explanations {
        let tag = match e.kind {
            ExplanationKind::Colored => "async",
            ExplanationKind::Adapter => "adapter",
            ExplanationKind::UnknownReceiver => "unknown receiver",
        };
        let _ = writeln!(out, "{}:{}:{}: [{tag}] {}", e.rel.display(), e.line, e.col, e.function);
        for step in &e.chain {
            let _ = writeln!(out, "    {} ({}:{}:{})", step.what, step.rel.display(), step.line, step.col);
        }
    }
    out
}

/// Runs one case: checks the invariants and returns the snapshot text.
fn run_case(name: &str) -> String {
    let sources = case_sources(name);
    let program = Program::from_sources(sources.clone(), Vec::new());
    assert!(program.syntax_errors.is_empty(), "{name}: input does not parse");
    let result = rewrite(&program);
    let has_errors = result.diagnostics.iter().any(|d| d.is_error());
    let mut rendered: Vec<String> = result.diagnostics.iter().map(|d| d.render()).collect();
    rendered.sort();
    for pair in rendered.windows(2) {
        assert_ne!(pair[0], pair[1], "{name}: a diagnostic is reported twice");
    }

    let mut second_sources = Vec::new();
    for (module, text) in program.modules.iter().zip(&result.texts) {
        let rel = &module.file.rel;
        match text {
            Some(text) => {
                assert!(greenify::parse::parses(text), "{}: output does not parse:\n{text}", rel.display());
                assert_lines_kept(rel, &module.file.text, text);
                second_sources.push((rel.clone(), text.as_bytes().to_vec()));
            }
            None => second_sources.push((rel.clone(), module.file.text.as_bytes().to_vec())),
        }
    }
    if !has_errors {
        let again = Program::from_sources(second_sources, Vec::new());
        let second = rewrite(&again);
        for (module, text) in again.modules.iter().zip(&second.texts) {
            assert!(text.is_none(), "{}: greenify changes its own output:\n{}", module.file.rel.display(), text.as_deref().unwrap_or(""));
        }
    }
    render(&program, &result)
}

macro_rules! cases {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                let snapshot = run_case(stringify!($name));
                insta::assert_snapshot!(stringify!($name), snapshot);
            }
        )*

        /// Every case on disk has a test above.
        #[test]
        fn every_case_is_listed() {
            let listed = [$(stringify!($name)),*];
            for entry in fs::read_dir(cases_dir()).into_iter().flatten().flatten() {
                let path = entry.path();
                let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
                assert!(listed.contains(&name.as_str()), "tests/cases/{name} has no test in tests/rewrite_snapshots.rs");
            }
        }
    };
}

cases!(
    callables_handed,
    callbacks_precise,
    closures,
    decorators,
    diagnostics,
    duplicates,
    edits_precedence,
    entry_guard,
    idempotent_input,
    import_placement,
    import_try,
    imports_forms,
    imports_in_functions,
    kinds_flow,
    methods_super,
    no_change_threads,
    package,
    runtime_bases,
    seeds_nonblocking,
    shadowing,
    sockets,
    star_imports,
    stored_functions,
    thread_subclass,
    umqtt_like,
    unknown_receiver,
    untouched_builtins,
);

/// Runs greenify twice over a folder as one program, in memory, errors or not, and prints where the
/// second run changes the first one's output. The folder is the conformance corpus, or any other
/// given as `GREENIFY_IDEMPOTENT_DIR=path` (e.g. a whole library).
#[test]
fn idempotent_on_dir() {
    let dir = std::env::var_os("GREENIFY_IDEMPOTENT_DIR")
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus").into_os_string());
    let mut sources = Vec::new();
    collect(Path::new(&dir), Path::new(""), &mut sources);
    sources.sort();
    let program = Program::from_sources(sources, Vec::new());
    let first = rewrite(&program);
    let again: Vec<(PathBuf, Vec<u8>)> = program
        .modules
        .iter()
        .zip(&first.texts)
        .map(|(m, t)| (m.file.rel.clone(), t.clone().unwrap_or_else(|| m.file.text.clone()).into_bytes()))
        .collect();
    let program2 = Program::from_sources(again, Vec::new());
    let second = rewrite(&program2);
    let mut differing = 0;
    for (module, text) in program2.modules.iter().zip(&second.texts) {
        if let Some(text) = text {
            differing += 1;
            let diff = module.file.text.lines().zip(text.lines()).enumerate().find(|(_, (a, b))| a != b);
            if let Some((n, (a, b))) = diff {
                println!("{}:{}:\n  {a}\n  {b}", module.file.rel.display(), n + 1);
            }
        }
    }
    assert_eq!(differing, 0);
}
