//! Where and how a file that does not parse is reported: at CPython's line and column, in
//! CPython's words.
//!
//! CPython's rules, followed here: an error its tokenizer raises (an unterminated string, an
//! unmatched or mismatched closing bracket, too much nesting or indentation, an invalid
//! character) wins over a parser error, wherever it is in the file; a bracket still open at the
//! end of the file is the error ("'(' was never closed", at that bracket) when the parser ran
//! out of input or failed on a later line; otherwise the parser's error stands, at the token it
//! failed on, and an error at the end of the input is placed at the end of the last line.

use rustpython_parser::lexer::{self, LexicalErrorType};
use rustpython_parser::{Mode, ParseError, ParseErrorType, Tok};

use super::guard::{line_of, Guard, Open, Problem};

/// The position (byte offset) and message of a parse failure. `problem` is what the guard
/// stopped the parser with, if it did.
pub fn diagnose(text: &str, err: &ParseError, problem: Option<Problem>) -> (usize, String) {
    if let Some(problem) = problem {
        return (problem.offset, problem.message);
    }
    let scan = scan(text);
    if let Some(problem) = scan.raised {
        return (problem.offset, problem.message);
    }
    let offset = usize::from(err.offset);
    let at_end = offset >= content_end(text) || matches!(err.error, ParseErrorType::Eof | ParseErrorType::Lexical(LexicalErrorType::Eof));
    if let Some(open) = scan.open_at_end {
        if at_end || line_of(text, open.offset) < line_of(text, offset) {
            return (open.offset, format!("'{}' was never closed", open.bracket));
        }
    }
    let place = if at_end { content_end(text) } else { offset };
    match &err.error {
        ParseErrorType::UnrecognizedToken(Tok::Indent, _) => (indent_end(text, offset), "unexpected indent".into()),
        ParseErrorType::UnrecognizedToken(_, Some(expected)) if expected == "Indent" => (place, "expected an indented block".into()),
        ParseErrorType::Lexical(LexicalErrorType::IndentationError) if at_end => (place, "expected an indented block".into()),
        ParseErrorType::Lexical(LexicalErrorType::UnrecognizedToken { tok }) => {
            (offset.saturating_sub(tok.len_utf8()), "invalid syntax".into())
        }
        ParseErrorType::Lexical(LexicalErrorType::Eof) | ParseErrorType::Eof => (place, "unexpected EOF while parsing".into()),
        ParseErrorType::Lexical(other) => (place, other.to_string()),
        ParseErrorType::UnrecognizedToken(..) | ParseErrorType::ExtraToken(_) | ParseErrorType::InvalidToken => {
            (place, "invalid syntax".into())
        }
    }
}

/// What a full pass of the tokenizer finds: the first error CPython's tokenizer raises, and the
/// innermost bracket still open when the input ran out.
struct Scan {
    raised: Option<Problem>,
    open_at_end: Option<Open>,
}

fn scan(text: &str) -> Scan {
    let mut guard = Guard::new(text);
    let mut last_end = 0;
    for item in lexer::lex(text, Mode::Module) {
        let item = match guard.inspect(item) {
            Some(item) => item,
            None => break,
        };
        match item {
            Ok((_, range)) => last_end = usize::from(range.end()),
            Err(err) => {
                if let Some(problem) = guard.problem.take() {
                    return Scan { raised: Some(problem), open_at_end: None };
                }
                let location = usize::from(err.location);
                let raised = match err.error {
                    LexicalErrorType::OtherError(_) | LexicalErrorType::StringError | LexicalErrorType::Eof => {
                        unterminated_string(text, last_end)
                    }
                    LexicalErrorType::NestingError => {
                        let at = location.saturating_sub(1);
                        let close = text.get(at..).and_then(|s| s.chars().next()).unwrap_or(')');
                        Some(Problem { offset: at, message: format!("unmatched '{close}'") })
                    }
                    LexicalErrorType::IndentationError => Some(Problem {
                        offset: line_end(text, location),
                        message: "unindent does not match any outer indentation level".into(),
                    }),
                    LexicalErrorType::TabError | LexicalErrorType::TabsAfterSpaces => Some(Problem {
                        offset: line_end(text, location),
                        message: "inconsistent use of tabs and spaces in indentation".into(),
                    }),
                    LexicalErrorType::UnrecognizedToken { tok } if !tok.is_ascii() => Some(Problem {
                        offset: location.saturating_sub(tok.len_utf8()),
                        message: format!("invalid character '{tok}' (U+{:04X})", u32::from(tok)),
                    }),
                    LexicalErrorType::LineContinuationError => Some(Problem {
                        offset: location.saturating_sub(1),
                        message: "unexpected character after line continuation character".into(),
                    }),
                    _ => None,
                };
                let open_at_end = if raised.is_none() { guard.open.last().copied() } else { None };
                return Scan { raised, open_at_end };
            }
        }
    }
    Scan { raised: guard.problem.take(), open_at_end: None }
}

/// A string that starts at the first token after `after` and does not end: CPython reports it
/// at its first character.
fn unterminated_string(text: &str, after: usize) -> Option<Problem> {
    let rest = text.get(after..)?;
    let skipped = rest.len() - rest.trim_start_matches([' ', '\t', '\x0c', '\\', '\n', '\r']).len();
    let start = after + skipped;
    let literal = text.get(start..)?;
    let prefix = literal.chars().take_while(|c| c.is_ascii_alphabetic()).count();
    let body = literal.get(prefix..)?;
    let quote = body.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    if prefix > 2 {
        return None;
    }
    let triple: String = std::iter::repeat_n(quote, 3).collect();
    let message = if body.starts_with(&triple) {
        format!("unterminated triple-quoted string literal (detected at line {})", line_of(text, content_end(text)))
    } else {
        format!("unterminated string literal (detected at line {})", line_of(text, start))
    };
    Some(Problem { offset: start, message })
}

/// The end of the text's last line (trailing line ends not counted).
fn content_end(text: &str) -> usize {
    text.trim_end_matches(['\n', '\r']).len()
}

/// The end of the line holding `offset` (before its line end).
fn line_end(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    let rest = text.as_bytes().get(offset..).unwrap_or(&[]);
    offset + rest.iter().position(|&b| b == b'\n' || b == b'\r').unwrap_or(rest.len())
}

/// The last indentation character of the line holding `offset` (CPython reports an unexpected
/// indent there).
fn indent_end(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    let start = text.as_bytes()[..offset].iter().rposition(|&b| b == b'\n' || b == b'\r').map_or(0, |i| i + 1);
    let indent = text.as_bytes()[start..].iter().take_while(|&&b| b == b' ' || b == b'\t' || b == b'\x0c').count();
    start + indent.saturating_sub(1)
}
