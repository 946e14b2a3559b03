//! The only module that touches rustpython-parser: source text in, AST and line index out.
//! Keeping the parser behind this module means a parser swap stays local.

use std::path::{Path, PathBuf};

pub use rustpython_parser::ast;
pub use rustpython_parser::source_code::LineIndex;
pub use rustpython_parser::text_size::{TextRange, TextSize};
use rustpython_parser::Parse;

/// One parsed Python file of the program.
pub struct SourceFile {
    /// Path relative to SRC (also the path under OUT).
    pub rel: PathBuf,
    pub text: String,
    pub suite: ast::Suite,
    pub lines: LineIndex,
}

/// A file that does not parse: where and why.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    pub rel: PathBuf,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl SourceFile {
    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: TextSize) -> (usize, usize) {
        let loc = self.lines.source_location(offset, &self.text);
        (loc.row.get() as usize, loc.column.get() as usize)
    }

    /// The text of the 1-based line `line`, without its newline.
    pub fn line_text(&self, line: usize) -> &str {
        self.text.lines().nth(line.saturating_sub(1)).unwrap_or("")
    }
}

/// Parses `text` as a module. `rel` names the file in messages.
pub fn parse(rel: &Path, text: String) -> Result<SourceFile, SyntaxError> {
    let lines = LineIndex::from_source_text(&text);
    match ast::Suite::parse(&text, &rel.to_string_lossy()) {
        Ok(suite) => Ok(SourceFile { rel: rel.to_path_buf(), text, suite, lines }),
        Err(err) => {
            let loc = lines.source_location(err.offset, &text);
            Err(SyntaxError {
                rel: rel.to_path_buf(),
                line: loc.row.get() as usize,
                col: loc.column.get() as usize,
                message: err.error.to_string(),
            })
        }
    }
}

/// Whether `text` parses as Python (used to check our own output).
pub fn parses(text: &str) -> bool {
    ast::Suite::parse(text, "<output>").is_ok()
}
