//! Snapshot tests of the green rewrite: each case of tests/cases/rewrite/ (NAME.py, one module,
//! or NAME/, a program of several modules) goes through `greenify::analyse`, the pipeline the
//! command runs (the output check included); every module's output, the rendered diagnostics and
//! the `--explain` text are compared with tests/snapshots/rewrite/NAME.snap.
//!
//! Besides the snapshot, every case checks what must always hold: every output parses, every
//! original line keeps its number and its text (only insertions and callee replacements), and
//! greenify run on its own output changes nothing. See tests/README.md to add a case.

mod support;

use std::path::Path;

use greenify::emit::Backend;
use greenify::project::Program;

use support::cases;

/// Runs one case: checks the invariants and returns the snapshot text.
fn run_case(name: &str) -> String {
    let sources = cases::sources(&cases::dir("rewrite"), name);
    let program = Program::from_sources(sources, Vec::new());
    assert!(program.syntax_errors.is_empty(), "{name}: input does not parse");
    let analysis = greenify::analyse(&program, Backend::Green);
    let mut rendered: Vec<String> = analysis.diagnostics.iter().map(|d| d.render()).collect();
    rendered.sort();
    for pair in rendered.windows(2) {
        assert_ne!(pair[0], pair[1], "{name}: a diagnostic is reported twice");
    }
    cases::check_outputs(&program, &analysis);
    if !analysis.diagnostics.iter().any(|d| d.is_error()) {
        let again = Program::from_sources(cases::output_sources(&program, &analysis), Vec::new());
        let second = greenify::analyse(&again, Backend::Green);
        for (module, text) in again.modules.iter().zip(&second.texts) {
            assert!(text.is_none(), "{}: greenify changes its own output:\n{}", module.file.rel.display(), text.as_deref().unwrap_or(""));
        }
    }
    cases::render(&program, &analysis)
}

macro_rules! cases {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                let snapshot = run_case(stringify!($name));
                insta::with_settings!({snapshot_path => "snapshots/rewrite", prepend_module_to_snapshot => false, omit_expression => true}, {
                    insta::assert_snapshot!(stringify!($name), snapshot);
                });
            }
        )*

        /// Every case on disk has a test above.
        #[test]
        fn every_case_is_listed() {
            let listed = [$(stringify!($name)),*];
            for name in cases::names(&cases::dir("rewrite")) {
                assert!(listed.contains(&name.as_str()), "tests/cases/rewrite/{name} has no test in tests/rewrite_snapshots.rs");
            }
        }
    };
}

cases!(
    blocking_init,
    callables_handed,
    callbacks_precise,
    closures,
    decorators,
    duplicates,
    edits_precedence,
    entry_guard,
    idempotent_input,
    import_placement,
    import_own_line,
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
    sockets_flow,
    starvation_guard,
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
    cases::collect(Path::new(&dir), Path::new(""), &mut sources);
    sources.sort();
    let program = Program::from_sources(sources, Vec::new());
    let first = greenify::analyse(&program, Backend::Green);
    let program2 = Program::from_sources(cases::output_sources(&program, &first), Vec::new());
    let second = greenify::analyse(&program2, Backend::Green);
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
