//! Limits on what the parser is fed, checked on its token stream as it goes: what CPython's
//! tokenizer refuses (more than 200 nested brackets, 100 levels of indentation, a closing
//! bracket that does not match), and a bound on how deep the syntax tree of one statement can
//! get. The parser itself does not recurse, but freeing a tree does, and so do the passes over
//! it: a statement that could nest deeper than [`TOKEN_DEPTH_BOUND`] is stopped before its tree
//! exists. The exact depth of a tree that is built is checked afterwards ([`too_deep`]).

use rustpython_parser::lexer::{LexResult, LexicalError, LexicalErrorType};
use rustpython_parser::Tok;

use rustpython_parser::ast::{Expr, Stmt};
use crate::walk::{self, Visitor};

/// CPython's tokenizer refuses a bracket opened inside 200 open ones.
pub const MAX_BRACKETS: usize = 200;
/// CPython's tokenizer refuses the 100th level of indentation.
pub const MAX_INDENT: usize = 100;
/// CPython's compiler refuses a tree deeper than 3000 statements and expressions (three times
/// its default recursion limit); so does greenify, at the same depth.
pub const MAX_TREE_DEPTH: usize = 3000;
/// How deep one statement's tree may possibly get, counted on its tokens, before the parser is
/// stopped: far beyond [`MAX_TREE_DEPTH`] (such a tree is refused anyway), far below what would
/// exhaust a worker's stack when the parser frees a partial tree.
pub const TOKEN_DEPTH_BOUND: usize = 100_000;

/// A problem the guard found: where, and CPython's words for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub offset: usize,
    pub message: String,
}

/// An open bracket: where, and which.
#[derive(Debug, Clone, Copy)]
pub struct Open {
    pub offset: usize,
    pub bracket: char,
}

/// What one bracket level has seen since its last comma: `tokens` that may each add a level to
/// the tree, and the most any earlier comma-separated part of it had.
#[derive(Default, Clone, Copy)]
struct Part {
    tokens: usize,
    widest: usize,
}

/// Watches the tokens going to the parser. After a problem it lets nothing more through.
pub struct Guard<'t> {
    text: &'t str,
    pub open: Vec<Open>,
    parts: Vec<Part>,
    /// The sum of `parts[..].tokens` plus the indentation: a bound on the depth of the tree
    /// being built.
    depth: usize,
    indent: usize,
    /// The previous token was a string (adjacent strings make one node).
    after_string: bool,
    /// Where the current statement's first token is (a statement too deep is reported there).
    statement: Option<usize>,
    pub problem: Option<Problem>,
}

impl<'t> Guard<'t> {
    pub fn new(text: &'t str) -> Guard<'t> {
        Guard { text, open: Vec::new(), parts: vec![Part::default()], depth: 0, indent: 0, after_string: false, statement: None, problem: None }
    }

    /// Passes `item` on, or stops the stream at the first problem (an error the parser reports;
    /// [`Guard::problem`] says what it was).
    pub fn inspect(&mut self, item: LexResult) -> Option<LexResult> {
        if self.problem.is_some() {
            return None;
        }
        let Ok((tok, range)) = &item else { return Some(item) };
        let offset = usize::from(range.start());
        if let Some((offset, message)) = self.token(tok, offset) {
            self.problem = Some(Problem { offset, message: message.clone() });
            return Some(Err(LexicalError { error: LexicalErrorType::OtherError(message), location: range.start() }));
        }
        Some(item)
    }

    /// Takes in one token; a problem's place and message if it is one.
    fn token(&mut self, tok: &Tok, offset: usize) -> Option<(usize, String)> {
        let statement = match tok {
            Tok::Indent | Tok::Dedent | Tok::Newline => self.statement.unwrap_or(offset),
            _ => *self.statement.get_or_insert(offset),
        };
        self.check(tok, offset).map(|message| (offset, message)).or_else(|| {
            (self.depth > TOKEN_DEPTH_BOUND).then(|| (statement, too_deep_message()))
        })
    }

    /// [`Guard::token`] but for the depth bound.
    fn check(&mut self, tok: &Tok, offset: usize) -> Option<String> {
        let was_string = std::mem::replace(&mut self.after_string, matches!(tok, Tok::String { .. }));
        match tok {
            Tok::Newline | Tok::Semi if self.open.is_empty() => {
                self.parts.truncate(1);
                self.parts[0] = Part::default();
                self.depth = self.indent;
                self.statement = None;
            }
            Tok::Indent => {
                self.indent += 1;
                self.depth += 1;
                if self.indent >= MAX_INDENT {
                    return Some("too many levels of indentation".into());
                }
            }
            Tok::Dedent => {
                self.indent = self.indent.saturating_sub(1);
                self.depth = self.depth.saturating_sub(1);
            }
            Tok::Lpar | Tok::Lsqb | Tok::Lbrace => {
                if self.open.len() >= MAX_BRACKETS {
                    return Some("too many nested parentheses".into());
                }
                let bracket = match tok {
                    Tok::Lpar => '(',
                    Tok::Lsqb => '[',
                    _ => '{',
                };
                self.open.push(Open { offset, bracket });
                self.add(1);
                self.parts.push(Part::default());
            }
            Tok::Rpar | Tok::Rsqb | Tok::Rbrace => {
                let close = match tok {
                    Tok::Rpar => ')',
                    Tok::Rsqb => ']',
                    _ => '}',
                };
                let Some(open) = self.open.pop() else { return Some(format!("unmatched '{close}'")) };
                if matching(open.bracket) != close {
                    let (open_line, close_line) = (line_of(self.text, open.offset), line_of(self.text, offset));
                    let on = if open_line == close_line { String::new() } else { format!(" on line {open_line}") };
                    return Some(format!(
                        "closing parenthesis '{close}' does not match opening parenthesis '{}'{on}",
                        open.bracket
                    ));
                }
                let inner = self.parts.pop().unwrap_or_default();
                self.depth = self.depth.saturating_sub(inner.tokens);
                self.add(inner.tokens.max(inner.widest) + 1);
            }
            Tok::Comma => {
                if let Some(part) = self.parts.last_mut() {
                    part.widest = part.widest.max(part.tokens);
                    self.depth = self.depth.saturating_sub(part.tokens);
                    part.tokens = 0;
                }
            }
            // Operators that make one flat node however many there are (`a and b and c`,
            // `a < b < c`), and strings next to strings, add no level.
            Tok::And | Tok::Or | Tok::Less | Tok::Greater | Tok::EqEqual | Tok::NotEqual | Tok::LessEqual | Tok::GreaterEqual => {}
            Tok::String { .. } if was_string => {}
            _ => self.add(1),
        }
        None
    }

    fn add(&mut self, levels: usize) {
        if let Some(part) = self.parts.last_mut() {
            part.tokens += levels;
        }
        self.depth += levels;
    }
}

fn matching(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

/// 1-based line of a byte offset (counted on `\n`; only used for messages).
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

pub fn too_deep_message() -> String {
    format!(
        "nested too deeply: more than {MAX_TREE_DEPTH} levels of statements and expressions (CPython refuses it too: \
         RecursionError during compilation); split the expression"
    )
}

/// The first node (in source order) deeper than [`MAX_TREE_DEPTH`], as a byte offset; the top
/// statements are at depth 1. Walks with a stack of its own, so any depth is safe.
pub fn too_deep(suite: &[Stmt]) -> Option<usize> {
    #[derive(Clone, Copy)]
    enum Node<'a> {
        Stmt(&'a Stmt),
        Expr(&'a Expr),
    }
    /// Collects the direct children of one node (the walker calls back for each; nothing here
    /// descends).
    struct Children<'a>(Vec<Node<'a>>);
    impl<'a> Visitor<'a> for Children<'a> {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            self.0.push(Node::Stmt(stmt));
        }
        fn visit_expr(&mut self, expr: &'a Expr) {
            self.0.push(Node::Expr(expr));
        }
        fn visit_arguments(&mut self, args: &'a rustpython_parser::ast::Arguments) {
            let all = args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs);
            for arg in all {
                self.0.extend(arg.default.as_deref().map(Node::Expr));
                self.0.extend(arg.def.annotation.as_deref().map(Node::Expr));
            }
            for arg in args.vararg.iter().chain(&args.kwarg) {
                self.0.extend(arg.annotation.as_deref().map(Node::Expr));
            }
        }
    }
    let mut stack: Vec<(Node, usize)> = suite.iter().rev().map(|s| (Node::Stmt(s), 1)).collect();
    let mut children = Children(Vec::new());
    while let Some((node, depth)) = stack.pop() {
        if depth > MAX_TREE_DEPTH {
            return Some(match node {
                Node::Stmt(s) => usize::from(rustpython_parser::ast::Ranged::start(s)),
                Node::Expr(e) => usize::from(rustpython_parser::ast::Ranged::start(e)),
            });
        }
        children.0.clear();
        match node {
            Node::Stmt(s) => walk::walk_stmt(&mut children, s),
            Node::Expr(e) => walk::walk_expr(&mut children, e),
        }
        stack.extend(children.0.drain(..).rev().map(|child| (child, depth + 1)));
    }
    None
}
