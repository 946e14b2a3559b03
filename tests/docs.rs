//! The code tables of docs/CLI.md and docs/REWRITER.md are generated from `diag::Code` (each
//! variant's doc comment): this test renders them and fails when the docs hold something else.
//! To regenerate the tables after changing a code: `GREENIFY_UPDATE_DOCS=1 cargo test --release
//! --test docs` (then review the change of the docs).

use std::fs;
use std::path::Path;

use greenify::diag::{code_table, Code};

/// The generated text sits between these lines in the docs.
const BEGIN: &str = "<!-- generated from src/diag.rs (enum Code): GREENIFY_UPDATE_DOCS=1 cargo test --release --test docs -->";
const END: &str = "<!-- end of generated table -->";

/// docs/CLI.md: every code, with its one-line summary.
#[test]
fn cli_code_table_is_generated() {
    check("docs/CLI.md", &code_table(Code::ALL, Code::summary));
}

/// docs/REWRITER.md: the codes of the green rewrite's analysis, with the rule in detail.
#[test]
fn rewriter_code_table_is_generated() {
    let codes: Vec<Code> = Code::ALL.iter().copied().filter(|c| c.from_analysis()).collect();
    check("docs/REWRITER.md", &code_table(&codes, Code::detail));
}

/// Compares the text between the markers of `doc` with `table`; rewrites it when
/// `GREENIFY_UPDATE_DOCS` is set.
fn check(doc: &str, table: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(doc);
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{doc}: {e}"));
    let (Some(begin), Some(end)) = (text.find(BEGIN), text.find(END)) else {
        panic!("{doc} has no generated code table (between `{BEGIN}` and `{END}`)");
    };
    let inside = begin + BEGIN.len() + 1;
    assert!(inside <= end, "{doc}: the end marker comes before the begin marker");
    if &text[inside..end] == table {
        return;
    }
    if std::env::var_os("GREENIFY_UPDATE_DOCS").is_some() {
        let updated = format!("{}{table}{}", &text[..inside], &text[end..]);
        fs::write(&path, updated).unwrap_or_else(|e| panic!("{doc}: {e}"));
        return;
    }
    panic!(
        "{doc}: the code table differs from the codes in src/diag.rs; run `GREENIFY_UPDATE_DOCS=1 cargo test --release --test docs`\n--- expected\n{table}--- found\n{}",
        &text[inside..end]
    );
}
