//! One fixture per diagnostic code: tests/cases/diagnostics/gyNNN.py (or a folder gyNNN/) is a
//! small program that makes greenify report code GYNNN. Each goes through `greenify::analyse`
//! (the green backend; a fixture whose text holds the line `# greenify: --backend thread` uses
//! the thread backend), must report its code, keeps every output line in place, and is compared
//! with tests/snapshots/diagnostics/gyNNN.snap (outputs, rendered diagnostics, `--explain`).
//!
//! Every code of `diag::Code` has a fixture here, except the few that are about SRC as a
//! folder or that no input can cause; those are listed in `ELSEWHERE` with the test that
//! covers them. See tests/README.md to add a code.

mod support;

use std::path::PathBuf;

use greenify::diag::Code;
use greenify::emit::Backend;
use greenify::project::Program;

use support::cases;

/// Codes whose case is not a fixture here, and where it is.
const ELSEWHERE: &[(Code, &str)] = &[
    (Code::ReservedName, "tests/snapshots/cli/several_errors.snap (SRC has a threading.py: checked by the command, not the analysis)"),
    (Code::Skipped, "tests/snapshots/cli/skipped_entries.snap (links and special files in SRC)"),
    (Code::GreenOutputAsSource, "tests/snapshots/cli/thread_on_green_output.snap (SRC is a green output)"),
    (Code::Internal, "unit tests in src/edit.rs and src/verify.rs (no input makes an internal error)"),
];

/// The fixture's name for a code: `gy101`.
fn fixture_name(code: Code) -> String {
    code.as_str().to_lowercase()
}

fn run_fixture(code: Code) -> String {
    let name = fixture_name(code);
    let sources = cases::sources(&cases::dir("diagnostics"), &name);
    let thread = sources.iter().any(|(_, text)| String::from_utf8_lossy(text).lines().any(|l| l.trim() == "# greenify: --backend thread"));
    let backend = if thread { Backend::Thread } else { Backend::Green };
    let program = Program::from_sources(sources, Vec::new());
    let analysis = greenify::analyse(&program, backend);
    assert!(
        analysis.diagnostics.iter().any(|d| d.code == code),
        "tests/cases/diagnostics/{name}: no {} reported; found {:?}",
        code.as_str(),
        analysis.diagnostics
    );
    cases::check_outputs(&program, &analysis);
    cases::render(&program, &analysis)
}

macro_rules! fixtures {
    ($($name:ident: $code:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                assert_eq!(fixture_name(Code::$code), stringify!($name));
                let snapshot = run_fixture(Code::$code);
                insta::with_settings!({snapshot_path => "snapshots/diagnostics", prepend_module_to_snapshot => false, omit_expression => true}, {
                    insta::assert_snapshot!(stringify!($name), snapshot);
                });
            }
        )*

        /// Every code has a fixture with a test above, or is covered elsewhere; every fixture on
        /// disk has a test.
        #[test]
        fn every_code_has_a_case() {
            let listed = [$(Code::$code),*];
            let on_disk = cases::names(&cases::dir("diagnostics"));
            for code in Code::ALL {
                let elsewhere = ELSEWHERE.iter().find(|(c, _)| c == code);
                match elsewhere {
                    Some((_, place)) => {
                        let file = place.split(' ').next().unwrap_or("");
                        if file.ends_with(".snap") {
                            let text = std::fs::read_to_string(support::repo().join(file)).unwrap_or_default();
                            assert!(text.contains(code.as_str()), "{file} should show {}", code.as_str());
                        }
                    }
                    None => {
                        assert!(listed.contains(code), "{} has no fixture test in tests/diagnostics.rs", code.as_str());
                        assert!(on_disk.contains(&fixture_name(*code)), "{} has no fixture tests/cases/diagnostics/{}.py", code.as_str(), fixture_name(*code));
                    }
                }
            }
            for name in on_disk {
                let path = PathBuf::from(&name);
                assert!(listed.iter().any(|c| fixture_name(*c) == name), "tests/cases/diagnostics/{} has no test", path.display());
            }
        }
    };
}

fixtures!(
    gy001: Unparsable,
    gy010: NoImportSpot,
    gy020: NameOnlyApi,
    gy101: BlockingInLambda,
    gy102: BlockingInSpecialMethod,
    gy103: BlockingInProperty,
    gy104: BlockingInGenerator,
    gy105: BlockingInComprehension,
    gy106: BlockingCallback,
    gy107: MixedWith,
    gy108: BlockingInLocalClass,
    gy301: UnknownReceiver,
    gy302: UnknownDecorator,
    gy303: UnsetAttribute,
    gy401: MissingModule,
    gy402: LanguageDifference,
    gy403: ErrnoException,
);
