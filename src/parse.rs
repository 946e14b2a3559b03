//! The only module that touches rustpython-parser: source bytes in, AST and line index out.
//! Keeping the parser behind this module means a parser swap stays local.
//!
//! Positions: the AST carries byte offsets; people read 1-based lines and columns counted in
//! characters. Every conversion here clamps out-of-range offsets and never slices inside a
//! character, so no input (non-ASCII text, tabs, CRLF or lone CR line ends, a byte order mark,
//! a missing final newline, an empty file) can make it panic.

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

/// A file that cannot be analysed (it does not parse, or is not UTF-8): where and why.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    pub rel: PathBuf,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl SourceFile {
    /// 1-based line and column (in characters, a leading byte order mark not counted) of a byte
    /// offset. Offsets past the end mean the end of the file.
    pub fn line_col(&self, offset: TextSize) -> (usize, usize) {
        line_col(&self.text, &self.lines, usize::from(offset))
    }

    /// The text of the 1-based line `line`, without its line end (`\n`, `\r\n` or `\r`); empty
    /// for a line that does not exist.
    pub fn line_text(&self, line: usize) -> &str {
        line_text(&self.text, &self.lines, line)
    }

    /// Number of lines as Python counts them (a final line end does not start a new line).
    pub fn line_count(&self) -> usize {
        line_count(&self.text)
    }
}

/// Parses `bytes` as a module. `rel` names the file in messages. Besides syntax errors, refuses
/// what CPython refuses before parsing: bytes that are not UTF-8 (greenify reads UTF-8 sources
/// only) and NUL bytes.
pub fn parse(rel: &Path, bytes: Vec<u8>) -> Result<SourceFile, SyntaxError> {
    let error_at = |text: &str, offset: usize, message: String| {
        let (line, col) = line_col(text, &LineIndex::from_source_text(text), offset);
        SyntaxError { rel: rel.to_path_buf(), line, col, message }
    };
    if u32::try_from(bytes.len()).is_err() {
        return Err(SyntaxError { rel: rel.to_path_buf(), line: 1, col: 1, message: "file is larger than 4 GiB".into() });
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]);
            return Err(error_at(&prefix, valid, "file is not valid UTF-8 (greenify reads UTF-8 sources only)".into()));
        }
    };
    if let Some(nul) = text.find('\0') {
        return Err(error_at(&text, nul, "file contains a NUL byte".into()));
    }
    let lines = LineIndex::from_source_text(&text);
    // The parser is third-party code: should it ever panic on some input, that file is reported
    // as not parsable instead of taking the whole run down.
    let parsed = std::panic::catch_unwind(|| ast::Suite::parse(&text, &rel.to_string_lossy()));
    match parsed {
        Ok(Ok(suite)) => Ok(SourceFile { rel: rel.to_path_buf(), text, suite, lines }),
        Ok(Err(err)) => Err(error_at(&text, usize::from(err.offset), err.error.to_string())),
        Err(_) => Err(error_at(&text, 0, "the Python parser failed on this file".into())),
    }
}

/// Whether `text` parses as Python.
pub fn parses(text: &str) -> bool {
    matches!(std::panic::catch_unwind(|| ast::Suite::parse(text, "<output>").is_ok()), Ok(true))
}

/// Checks our own output: it must parse, and pass the checks CPython's compiler makes after
/// parsing on what greenify inserts: `await`, `async with` and `async for` only directly inside
/// an `async def` (not in a lambda or class body), no `yield from` in an `async def`, and no
/// `return` with a value in an `async def` that also yields. Err: byte offset and message.
pub fn check_output(text: &str) -> Result<(), (usize, String)> {
    let suite = match std::panic::catch_unwind(|| ast::Suite::parse(text, "<output>")) {
        Ok(Ok(suite)) => suite,
        Ok(Err(err)) => return Err((usize::from(err.offset), err.error.to_string())),
        Err(_) => return Err((0, "the Python parser failed".into())),
    };
    let mut checker = AsyncChecker { scopes: vec![Scope::default()], error: None };
    crate::walk::Visitor::visit_body(&mut checker, &suite);
    checker.error.map_or(Ok(()), Err)
}

/// Where code is, for [`check_output`].
#[derive(Default)]
struct Scope {
    is_async_def: bool,
    /// Offset of the first `yield` directly in this function.
    yields: bool,
    /// Offset of the first `return <value>` directly in this function.
    returns_value: Option<usize>,
}

struct AsyncChecker {
    /// Module, then the enclosing functions, lambdas and class bodies, innermost last.
    scopes: Vec<Scope>,
    error: Option<(usize, String)>,
}

impl AsyncChecker {
    fn in_async_def(&self) -> bool {
        self.scopes.last().is_some_and(|s| s.is_async_def)
    }
    fn fail(&mut self, offset: TextSize, message: &str) {
        if self.error.is_none() {
            self.error = Some((usize::from(offset), message.to_string()));
        }
    }
    fn function(&mut self, is_async_def: bool, body: &[ast::Stmt]) {
        self.scopes.push(Scope { is_async_def, ..Scope::default() });
        crate::walk::Visitor::visit_body(self, body);
        if let Some(scope) = self.scopes.pop() {
            if let (true, true, Some(at)) = (scope.is_async_def, scope.yields, scope.returns_value) {
                self.fail(to_text_size(at), "'return' with value in async generator");
            }
        }
    }
}

impl<'a> crate::walk::Visitor<'a> for AsyncChecker {
    fn visit_stmt(&mut self, stmt: &'a ast::Stmt) {
        use ast::Stmt;
        match stmt {
            Stmt::FunctionDef(def) => {
                def.decorator_list.iter().for_each(|e| self.visit_expr(e));
                self.visit_arguments(&def.args);
                self.function(false, &def.body);
            }
            Stmt::AsyncFunctionDef(def) => {
                def.decorator_list.iter().for_each(|e| self.visit_expr(e));
                self.visit_arguments(&def.args);
                self.function(true, &def.body);
            }
            Stmt::ClassDef(class) => {
                class.decorator_list.iter().for_each(|e| self.visit_expr(e));
                class.bases.iter().for_each(|e| self.visit_expr(e));
                class.keywords.iter().for_each(|k| self.visit_expr(&k.value));
                self.scopes.push(Scope::default());
                self.visit_body(&class.body);
                self.scopes.pop();
            }
            _ => {
                match stmt {
                    Stmt::AsyncWith(s) if !self.in_async_def() => self.fail(s.range.start(), "'async with' outside async function"),
                    Stmt::AsyncFor(s) if !self.in_async_def() => self.fail(s.range.start(), "'async for' outside async function"),
                    Stmt::Return(ret) if ret.value.is_some() => {
                        if let Some(scope) = self.scopes.last_mut() {
                            scope.returns_value.get_or_insert(usize::from(ret.range.start()));
                        }
                    }
                    _ => {}
                }
                crate::walk::walk_stmt(self, stmt);
            }
        }
    }

    fn visit_expr(&mut self, expr: &'a ast::Expr) {
        use ast::Expr;
        match expr {
            Expr::Await(e) if !self.in_async_def() => self.fail(e.range.start(), "'await' outside async function"),
            Expr::YieldFrom(e) if self.in_async_def() => self.fail(e.range.start(), "'yield from' inside async function"),
            Expr::Yield(_) => {
                if let Some(scope) = self.scopes.last_mut() {
                    scope.yields = true;
                }
            }
            Expr::GeneratorExp(_) => {
                // `await` inside a generator expression makes it an asynchronous generator
                // expression, which CPython accepts in any function.
                self.scopes.push(Scope { is_async_def: true, ..Scope::default() });
                crate::walk::walk_expr(self, expr);
                self.scopes.pop();
                return;
            }
            Expr::Lambda(lambda) => {
                self.visit_arguments(&lambda.args);
                self.scopes.push(Scope::default());
                self.visit_expr(&lambda.body);
                self.scopes.pop();
                return;
            }
            _ => {}
        }
        crate::walk::walk_expr(self, expr);
    }
}

/// See [`SourceFile::line_col`].
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

/// See [`SourceFile::line_text`].
pub fn line_text<'t>(text: &'t str, lines: &LineIndex, line: usize) -> &'t str {
    let starts = lines.line_starts();
    if line == 0 || line > starts.len() {
        return "";
    }
    let start = line_start(lines, line).min(text.len());
    let end = starts.get(line).map_or(text.len(), |s| usize::from(*s)).min(text.len());
    let full = text.get(start..end).unwrap_or("");
    let full = full.strip_suffix('\n').unwrap_or(full);
    full.strip_suffix('\r').unwrap_or(full)
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
    fn output_check_finds_what_cpython_refuses_after_parsing() {
        let bad = [
            "def f():\n    await g()\n",
            "await g()\n",
            "async def f():\n    h = lambda: await g()\n",
            "async def f():\n    class C:\n        x = await g()\n",
            "async def f():\n    yield from g()\n",
            "async def f():\n    yield 1\n    return 2\n",
            "def f():\n    async with g():\n        pass\n",
            "def f(:\n",
        ];
        for text in bad {
            assert!(check_output(text).is_err(), "{text:?} should be refused");
        }
        let good = [
            "async def f():\n    await g()\n    return [await x for x in y]\n",
            "async def f():\n    def inner():\n        yield from g()\n    async with a:\n        yield 1\n",
            "def f():\n    async def inner():\n        return await g()\n    return inner\n",
        ];
        for text in good {
            assert_eq!(check_output(text), Ok(()), "{text:?}");
        }
    }

    #[test]
    fn split_lines_matches_python() {
        let lines: Vec<&str> = split_lines("a\r\nb\rc\n\nd").collect();
        assert_eq!(lines, ["a", "b", "c", "", "d"]);
        assert_eq!(split_lines("a\n").count(), 1);
    }
}
