//! The only module that touches rustpython-parser: source bytes in, AST and line index out.
//! Keeping the parser behind this module means a parser swap stays local.
//!
//! Positions: the AST carries byte offsets; people read 1-based lines and columns counted in
//! characters. Every conversion here clamps out-of-range offsets and never slices inside a
//! character, so no input (non-ASCII text, tabs, CRLF or lone CR line ends, a byte order mark,
//! a missing final newline, an empty file) can make it panic.

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use rustpython_parser::ast;
pub use rustpython_parser::source_code::LineIndex;
pub use rustpython_parser::text_size::{TextRange, TextSize};
use rustpython_parser::Parse;

mod compile;
mod errors;
pub mod guard;

/// The path and text of one file, with its line index: shared (cheaply cloned) by the parsed
/// file, the analysis facts and the diagnostics that point into it, which turn byte offsets into
/// lines and columns only when they are shown.
#[derive(Clone)]
pub struct Source(Arc<SourceText>);

pub struct SourceText {
    /// Path relative to SRC (also the path under OUT).
    pub rel: PathBuf,
    pub text: String,
    pub lines: LineIndex,
}

impl Source {
    pub fn new(rel: PathBuf, text: String) -> Source {
        let lines = LineIndex::from_source_text(&text);
        Source(Arc::new(SourceText { rel, text, lines }))
    }
}

impl std::ops::Deref for Source {
    type Target = SourceText;
    fn deref(&self) -> &SourceText {
        &self.0
    }
}

impl SourceText {
    /// 1-based line and column (in characters, a leading byte order mark not counted) of a byte
    /// offset. Offsets past the end mean the end of the file.
    pub fn line_col(&self, offset: TextSize) -> (usize, usize) {
        line_col(&self.text, &self.lines, usize::from(offset))
    }

    /// [`SourceText::line_col`] of a `usize` offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        line_col(&self.text, &self.lines, offset)
    }

    /// The text of the 1-based line `line`, without its line end (`\n`, `\r\n` or `\r`); empty
    /// for a line that does not exist.
    pub fn line_text(&self, line: usize) -> &str {
        line_text(&self.text, &self.lines, line)
    }

    /// Byte range of the 1-based line `line` without its line end (empty for a line that does
    /// not exist).
    pub fn line_range(&self, line: usize) -> std::ops::Range<usize> {
        line_range(&self.text, &self.lines, line)
    }

    /// Number of lines as Python counts them (a final line end does not start a new line).
    pub fn line_count(&self) -> usize {
        line_count(&self.text)
    }

    /// The text of a byte range (empty when the range is not inside the text).
    pub fn slice(&self, start: usize, end: usize) -> &str {
        self.text.get(start..end).unwrap_or("")
    }
}

/// One parsed Python file of the program: its source (path, text, lines) and its syntax tree.
/// Reads as its [`SourceText`] (`file.rel`, `file.text`, `file.line_col(..)`).
pub struct SourceFile {
    pub source: Source,
    pub suite: ast::Suite,
}

impl std::ops::Deref for SourceFile {
    type Target = SourceText;
    fn deref(&self) -> &SourceText {
        &self.source
    }
}

/// A file that cannot be analysed (it does not parse, or is not UTF-8): where and why.
#[derive(Clone)]
pub struct SyntaxError {
    pub rel: PathBuf,
    /// 1-based line and column of the problem.
    pub line: usize,
    pub col: usize,
    /// The same place as a byte offset into `source` (for a file that is not UTF-8, `source` is
    /// its valid beginning).
    pub offset: usize,
    pub source: Source,
    pub message: String,
}

impl std::fmt::Debug for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}: {}", self.rel.display(), self.line, self.col, self.message)
    }
}

/// Parses `bytes` as a module. `rel` names the file in messages. Besides syntax errors, refuses
/// what CPython refuses before parsing: bytes that are not UTF-8 (greenify reads UTF-8 sources
/// only) and NUL bytes.
pub fn parse(rel: &Path, bytes: Vec<u8>) -> Result<SourceFile, SyntaxError> {
    let error_at = |source: Source, offset: usize, message: String| {
        let (line, col) = source.position(offset);
        SyntaxError { rel: rel.to_path_buf(), line, col, offset, source, message }
    };
    if u32::try_from(bytes.len()).is_err() {
        return Err(error_at(Source::new(rel.to_path_buf(), String::new()), 0, "file is larger than 4 GiB".into()));
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            return Err(error_at(Source::new(rel.to_path_buf(), prefix), valid, "file is not valid UTF-8 (greenify reads UTF-8 sources only)".into()));
        }
    };
    let nul = text.find('\0');
    let source = Source::new(rel.to_path_buf(), text);
    if let Some(nul) = nul {
        return Err(error_at(source, nul, "file contains a NUL byte".into()));
    }
    match parse_suite(&source.text, &rel.to_string_lossy()) {
        Ok(suite) => Ok(SourceFile { source, suite }),
        Err(ParseFailure::Syntax { offset, message }) => Err(error_at(source, offset, message)),
        Err(ParseFailure::ParserFailed) => Err(error_at(source, 0, "the Python parser failed on this file".into())),
    }
}

/// Why a text could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseFailure {
    /// A syntax error at this byte offset.
    Syntax { offset: usize, message: String },
    /// The parser (third-party code) panicked on this text.
    ParserFailed,
}

/// Parses a module's text. Errors are placed and worded as CPython does (`errors`); the token
/// stream is checked on the way in (`guard`: CPython's tokenizer limits, and no tree deep enough
/// to exhaust a stack is built), and a tree deeper than CPython compiles is refused. Should the
/// parser ever panic on some input, that text is reported as not parsable instead of taking the
/// whole run down.
pub fn parse_suite(text: &str, name: &str) -> Result<ast::Suite, ParseFailure> {
    let parsed = std::panic::catch_unwind(|| {
        let mut guard = guard::Guard::new(text);
        let result = {
            let tokens = ast::Suite::lex_starts_at(text, TextSize::default()).map_while(|item| guard.inspect(item));
            ast::Suite::parse_tokens(tokens, name)
        };
        match result {
            Ok(suite) => match guard::too_deep(&suite) {
                None => match compile::check(&suite) {
                    None => Ok(suite),
                    Some((offset, message)) => Err(ParseFailure::Syntax { offset, message }),
                },
                Some(offset) => {
                    // Freeing the tree would recurse as deep as it is: it is left to the end
                    // of the process.
                    std::mem::forget(suite);
                    Err(ParseFailure::Syntax { offset, message: guard::too_deep_message() })
                }
            },
            Err(err) => {
                let (offset, message) = errors::diagnose(text, &err, guard.problem.take());
                Err(ParseFailure::Syntax { offset, message })
            }
        }
    });
    parsed.unwrap_or(Err(ParseFailure::ParserFailed))
}

/// Whether `text` parses as Python.
pub fn parses(text: &str) -> bool {
    parse_suite(text, "<output>").is_ok()
}

/// See [`SourceText::line_col`].
pub fn line_col(text: &str, lines: &LineIndex, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset);
    let line = lines.line_index(to_text_size(offset)).get() as usize;
    let mut start = line_start(lines, line).min(offset);
    if start == 0 && text.starts_with('\u{feff}') {
        start = '\u{feff}'.len_utf8().min(offset);
    }
    let col = text.get(start..offset).map_or(0, |s| s.chars().count());
    (line, col + 1)
}

/// See [`SourceText::line_text`].
pub fn line_text<'t>(text: &'t str, lines: &LineIndex, line: usize) -> &'t str {
    let range = line_range(text, lines, line);
    text.get(range).unwrap_or("")
}

/// Byte range of the 1-based `line` without its line end; empty (at 0) for a line that does not
/// exist.
pub fn line_range(text: &str, lines: &LineIndex, line: usize) -> std::ops::Range<usize> {
    let starts = lines.line_starts();
    if line == 0 || line > starts.len() {
        return 0..0;
    }
    let start = line_start(lines, line).min(text.len());
    let mut end = starts.get(line).map_or(text.len(), |s| usize::from(*s)).min(text.len()).max(start);
    let full = text.get(start..end).unwrap_or("");
    if full.ends_with('\n') {
        end -= 1;
    }
    if text.get(start..end).is_some_and(|f| f.ends_with('\r')) {
        end -= 1;
    }
    if text.get(start..end).is_none() {
        return 0..0;
    }
    start..end
}

/// Number of lines of `text`, counting `\n`, `\r\n` and a lone `\r` as line ends, as Python does.
/// A last line without a line end counts; the empty text has no line.
pub fn line_count(text: &str) -> usize {
    split_lines(text).count()
}

/// The lines of `text` without their line ends (`\n`, `\r\n`, lone `\r`).
pub fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let bytes = rest.as_bytes();
        let (line, next) = match bytes.iter().position(|&b| b == b'\n' || b == b'\r') {
            None => (rest, ""),
            Some(i) if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') => (&rest[..i], &rest[i + 2..]),
            Some(i) => (&rest[..i], &rest[i + 1..]),
        };
        rest = next;
        Some(line)
    })
}

/// Byte offset where the 1-based `line` starts (0 for a line that does not exist).
fn line_start(lines: &LineIndex, line: usize) -> usize {
    lines.line_starts().get(line.saturating_sub(1)).map_or(0, |s| usize::from(*s))
}

/// The largest char boundary of `text` at or before `offset` (clamped to the end).
fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn to_text_size(offset: usize) -> TextSize {
    TextSize::from(u32::try_from(offset).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        match parse(Path::new("t.py"), text.as_bytes().to_vec()) {
            Ok(f) => f,
            Err(e) => panic!("{text:?} should parse: {e:?}"),
        }
    }

    fn error(bytes: &[u8]) -> (usize, usize, String) {
        match parse(Path::new("t.py"), bytes.to_vec()) {
            Ok(_) => panic!("{bytes:?} should not parse"),
            Err(e) => (e.line, e.col, e.message),
        }
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let f = file("s = 'é€'; x = 1\n");
        let x = f.text.find('x').unwrap();
        assert_eq!(f.line_col(TextSize::from(x as u32)), (1, 11));
        // An offset inside a character is read as the start of that character.
        assert_eq!(f.line_col(TextSize::from(6)), (1, 6));
    }

    #[test]
    fn offsets_past_the_end_are_clamped() {
        let f = file("x = 1");
        assert_eq!(f.line_col(TextSize::from(99)), (1, 6));
        let empty = file("");
        assert_eq!(empty.line_col(TextSize::from(3)), (1, 1));
        assert_eq!(empty.line_text(1), "");
        assert_eq!(empty.line_count(), 0);
    }

    #[test]
    fn line_text_handles_every_line_end() {
        let f = file("a = 1\r\nb = 2\rc = 3\nd = 4");
        assert_eq!(f.line_text(1), "a = 1");
        assert_eq!(f.line_text(2), "b = 2");
        assert_eq!(f.line_text(3), "c = 3");
        assert_eq!(f.line_text(4), "d = 4");
        assert_eq!(f.line_text(5), "");
        assert_eq!(f.line_text(0), "");
        assert_eq!(f.line_count(), 4);
    }

    #[test]
    fn byte_order_mark_is_not_a_column() {
        let f = file("\u{feff}x = 1\n");
        assert_eq!(f.line_col(TextSize::from(3)), (1, 1));
        assert_eq!(f.line_col(TextSize::from(7)), (1, 5));
    }

    #[test]
    fn tabs_count_as_one_column() {
        let f = file("if x:\n\ty = 1\n");
        let y = f.text.find('y').unwrap();
        assert_eq!(f.line_col(TextSize::from(y as u32)), (2, 2));
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let (line, col, _) = error(b"x = 1\ndef f(:\n    pass\n");
        assert_eq!((line, col), (2, 7));
        let (line, _, _) = error(b"x = (\n");
        assert!(line >= 1);
    }

    #[test]
    fn invalid_utf8_and_nul_bytes_are_refused_with_their_position() {
        let (line, col, message) = error(b"x = 1\ny = '\xe9'\n");
        assert_eq!((line, col), (2, 6));
        assert!(message.contains("UTF-8"));
        let (line, col, message) = error(b"x = 1\n\0\n");
        assert_eq!((line, col), (2, 1));
        assert!(message.contains("NUL"));
    }

    #[test]
    fn split_lines_matches_python() {
        let lines: Vec<&str> = split_lines("a\r\nb\rc\n\nd").collect();
        assert_eq!(lines, ["a", "b", "c", "", "d"]);
        assert_eq!(split_lines("a\n").count(), 1);
    }
}
