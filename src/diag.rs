//! Diagnostics as data: every problem greenify reports has a [`Code`] (one documented variant
//! per `GYxxx` code, from which the code tables in docs/CLI.md and docs/REWRITER.md are
//! generated), a place (a byte range of a file, or a whole file), a message and a help text.
//! Positions are turned into lines and columns only when a diagnostic is shown, rustc-style,
//! with the whole range underlined (clipped to its first line):
//!
//! ```text
//! app/worker.py:12:18: error[GY101]: blocking call `q.get(...)` inside a lambda
//!    |
//! 12 |     cb = lambda: q.get()
//!    |                  ^^^^^^^
//!    = help: turn the lambda into a `def` so it can become `async def`
//! ```

use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::parse::Source;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Declares [`Code`]: each variant's doc comment is its documentation in the docs' tables (first
/// paragraph: the one-line summary of docs/CLI.md; a second paragraph, if any: the rule in
/// detail, for docs/REWRITER.md).
macro_rules! codes {
    ($( $(#[doc = $doc:literal])+ $name:ident = $code:literal, $severity:ident; )+) => {
        /// What a diagnostic is about; its stable `GYxxx` name is [`Code::as_str`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $( $(#[doc = $doc])+ $name, )+
        }

        impl Code {
            /// Every code, in the order of their names.
            pub const ALL: &'static [Code] = &[$(Code::$name),+];

            /// The stable name, e.g. `GY101`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$name => $code,)+ }
            }

            pub fn severity(self) -> Severity {
                match self { $(Code::$name => Severity::$severity,)+ }
            }

            /// The lines of the variant's doc comment.
            fn doc_lines(self) -> &'static [&'static str] {
                match self { $(Code::$name => &[$($doc),+],)+ }
            }
        }
    };
}

codes! {
    /// a `.py` file cannot be read as Python: syntax error (with line:col), not UTF-8 (position of the first bad byte; greenify reads UTF-8 sources only, other `coding:` declarations are not supported), or a NUL byte
    Unparsable = "GY001", Error;
    /// SRC has `greenify/`, `threading.py`, `queue.py` or `.greenify-manifest` at its top: OUT needs these names for the runtime (not raised when SRC is a previous output, see below)
    ReservedName = "GY002", Error;
    /// an entry of SRC that is not copied: a symbolic link to a folder (not followed: no loops, nothing from outside SRC), a dangling link, a socket/FIFO/device
    Skipped = "GY003", Warning;
    /// `--backend thread` on a previous output of the green backend (its code is converted for green threads): give the original sources
    GreenOutputAsSource = "GY004", Error;
    /// no place for `import greenify as __gy` that keeps every line where it is
    ///
    /// no place for the runtime import that keeps every line in place
    NoImportSpot = "GY010", Error;
    /// thread backend: an API the runtime has in name only on MicroPython (`threading.settrace`/`settrace_all_threads`: only on builds with `sys.settrace`; `setprofile`/`setprofile_all_threads`: MicroPython has no profiler)
    NameOnlyApi = "GY020", Warning;
    /// blocking call inside a `lambda`
    BlockingInLambda = "GY101", Error;
    /// blocking call in a special method (`__str__`, `__enter__`, ...)
    ///
    /// blocking call in a special method (`__str__`, `__enter__`, `__del__`...); `__call__` is allowed, and a blocking `__init__` is converted (every construction SRC makes goes through the runtime's factory)
    BlockingInSpecialMethod = "GY102", Error;
    /// blocking call in a property
    ///
    /// blocking call in a property (getter/setter)
    BlockingInProperty = "GY103", Error;
    /// blocking call in a generator function (MicroPython has no async generators)
    BlockingInGenerator = "GY104", Error;
    /// blocking call inside a comprehension (MicroPython has no `await` in comprehensions)
    ///
    /// blocking call inside a comprehension or generator expression in a function (its first iterable is fine); at module top level they use `__gy.run`
    BlockingInComprehension = "GY105", Error;
    /// a blocking function handed as a callback to code outside SRC (or stored on an object from outside SRC)
    ///
    /// a blocking function handed to code outside SRC that calls it (`atexit.register(f)`, `sorted(key=f)`, `ext_obj.callback = f`, a callback given to a method a SRC class inherits from a library class, e.g. `self.set_callback(self.on_msg)` in `class Client(umqtt.MQTTClient)`), or a blocking runtime method handed over (`iter(q.get, None)`, `map(q.get, ...)`, a bounded queue's `put`); code that only shows, logs or compares it is fine, and so is user code the runtime calls (thread targets, timer functions, Barrier actions, `Condition.wait_for` predicates, `threading.excepthook`) and callables put into a Queue
    BlockingCallback = "GY106", Error;
    /// a `with` that mixes a lock with another context manager
    ///
    /// a `with` that mixes a lock with another context manager (`async with` would apply to both)
    MixedWith = "GY107", Error;
    /// a blocking call in the body of a class defined inside a function (`await` cannot go in a class body)
    BlockingInLocalClass = "GY108", Error;
    /// a receiver of unknown kind with a blocking method name: left as a plain call
    ///
    /// unknown receiver with a blocking method name: left plain (rule above)
    UnknownReceiver = "GY301", Warning;
    /// a converted function is decorated by something not known to pass coroutine functions through
    ///
    /// a blocking function decorated by something not known to pass coroutine functions through (SRC decorators are followed; `staticmethod`, `classmethod`, `property`, `functools.wraps` are known)
    UnknownDecorator = "GY302", Warning;
    /// a call through an attribute that is never set to a function in SRC: left plain
    ///
    /// `self.cb(...)` where attribute `cb` of a SRC object is never set to a function in SRC: left plain
    UnsetAttribute = "GY303", Warning;
    /// an import of a module that will not be found on the device: not in SRC, not built into or frozen in MicroPython, not in greenify's compatibility layer (`subprocess`, `multiprocessing`, `ctypes`...); one per import, with what to do. Not for imports in a `try:` that catches ImportError (the program has a fallback) or under `if TYPE_CHECKING:`
    MissingModule = "GY401", Warning;
    /// a MicroPython language difference the program visibly relies on: `eval`/`exec` in a function without explicit namespaces (MicroPython runs them in the module's globals), `locals()` in a function (the module's globals there), `__init_subclass__` and `__class_getitem__` (never called), class keyword arguments, a metaclass other than `abc.ABCMeta` (its methods do not run)
    LanguageDifference = "GY402", Warning;
    /// `except FileNotFoundError` (or another errno subclass of OSError: `PermissionError`, `ConnectionResetError`, `TimeoutError`...): MicroPython's own functions raise a plain `OSError` with `errno` set, which the clause does not catch there
    ErrnoException = "GY403", Warning;
    /// internal error: the rewrite produced overlapping edits, or output that would not compile; please report the file (the compile check guards what is written, so it runs when there are no other errors)
    Internal = "GY999", Error;
}

impl Code {
    /// The one-line summary (the doc comment's first paragraph).
    pub fn summary(self) -> String {
        self.paragraphs().into_iter().next().unwrap_or_default()
    }

    /// The rule in detail (the doc comment's second paragraph, else the summary).
    pub fn detail(self) -> String {
        let mut paragraphs = self.paragraphs();
        if paragraphs.len() > 1 {
            paragraphs.swap_remove(1)
        } else {
            paragraphs.pop().unwrap_or_default()
        }
    }

    fn paragraphs(self) -> Vec<String> {
        let text: Vec<&str> = self.doc_lines().iter().map(|line| line.trim()).collect();
        text.split(|line| line.is_empty()).map(|lines| lines.join(" ")).filter(|p| !p.is_empty()).collect()
    }

    /// Whether the green rewrite's analysis reports it (the table of docs/REWRITER.md).
    pub fn from_analysis(self) -> bool {
        use Code::*;
        matches!(
            self,
            NoImportSpot
                | BlockingInLambda
                | BlockingInSpecialMethod
                | BlockingInProperty
                | BlockingInGenerator
                | BlockingInComprehension
                | BlockingCallback
                | MixedWith
                | BlockingInLocalClass
                | UnknownReceiver
                | UnknownDecorator
                | UnsetAttribute
        )
    }

    /// Whether the rendering shows the source line: not for a file that does not parse (its text
    /// is what is in doubt, and such an error is one line).
    fn shows_source(self) -> bool {
        self != Code::Unparsable
    }
}

/// The Markdown table of `codes` (code, severity, text), as the docs hold it.
pub fn code_table(codes: &[Code], text: impl Fn(Code) -> String) -> String {
    let mut out = String::from("| code | severity | what |\n|---|---|---|\n");
    for code in codes {
        let _ = writeln!(out, "| {} | {} | {} |", code.as_str(), code.severity().name(), text(*code));
    }
    out
}

/// Where a diagnostic points.
#[derive(Clone)]
pub enum Location {
    /// A whole file or folder (path relative to SRC): shown without a position.
    File(PathBuf),
    /// A byte range of a file's text.
    Range(Source, Range<usize>),
}

impl Location {
    pub fn range(source: &Source, range: Range<usize>) -> Location {
        Location::Range(source.clone(), range)
    }
}

#[derive(Clone)]
pub struct Diagnostic {
    pub code: Code,
    pub location: Location,
    pub message: String,
    /// What the user can do about it (may be empty).
    pub help: String,
}

impl Diagnostic {
    pub fn new(code: Code, location: Location, message: impl Into<String>) -> Diagnostic {
        Diagnostic { code, location, message: message.into(), help: String::new() }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = help.into();
        self
    }

    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }

    /// The file, relative to SRC.
    pub fn rel(&self) -> &Path {
        match &self.location {
            Location::File(rel) => rel,
            Location::Range(source, _) => &source.rel,
        }
    }

    /// 1-based line and column (characters) of the start; `None` for a whole file.
    pub fn position(&self) -> Option<(usize, usize)> {
        match &self.location {
            Location::File(_) => None,
            Location::Range(source, range) => Some(source.position(range.start)),
        }
    }

    /// Renders the diagnostic: header line, source line with the range underlined, help line.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = write!(out, "{}:", self.rel().display());
        let Location::Range(source, range) = &self.location else {
            let _ = writeln!(out, " {}[{}]: {}", self.severity().name(), self.code.as_str(), self.message);
            return out;
        };
        let (line, col) = source.position(range.start);
        let _ = writeln!(out, "{line}:{col}: {}[{}]: {}", self.severity().name(), self.code.as_str(), self.message);
        let line_range = source.line_range(line);
        let source_line = source.slice(line_range.start, line_range.end);
        if source_line.is_empty() || !self.code.shows_source() {
            return out;
        }
        let gutter = line.to_string().len();
        let pad = " ".repeat(gutter);
        let _ = writeln!(out, "{pad} |");
        let _ = writeln!(out, "{line} | {source_line}");
        let caret_pad: String =
            source_line.chars().take(col.saturating_sub(1)).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
        // The range from its start to its end or the end of the line, at least one caret.
        let start = range.start.clamp(line_range.start, line_range.end);
        let end = range.end.clamp(start, line_range.end);
        let width = source.slice(start, end).chars().count().max(1);
        let _ = writeln!(out, "{pad} | {caret_pad}{}", "^".repeat(width));
        if !self.help.is_empty() {
            let _ = writeln!(out, "{pad} = help: {}", self.help);
        }
        out
    }
}

impl std::fmt::Debug for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render())
    }
}

/// Sorts diagnostics by file, line, column and code (stable: one place's diagnostics keep the
/// order they were found in), and drops repeats: a problem the analysis reached by several
/// ways (same place, code and message) is shown once.
pub fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by_cached_key(|d| (d.rel().to_path_buf(), d.position(), d.code));
    let mut seen = std::collections::HashSet::new();
    diagnostics.retain(|d| {
        let range = match &d.location {
            Location::File(_) => None,
            Location::Range(_, range) => Some((range.start, range.end)),
        };
        seen.insert((d.rel().to_path_buf(), range, d.code, d.message.clone()))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> Source {
        Source::new(PathBuf::from("a.py"), text.to_string())
    }

    #[test]
    fn renders_header_source_underline_and_help() {
        let file = source("x = 1\n\n    f = lambda: q.get()\n");
        let start = file.text.find("q.get").unwrap();
        let d = Diagnostic::new(Code::BlockingInLambda, Location::range(&file, start..start + 7), "blocking call inside a lambda")
            .with_help("use a def");
        let text = d.render();
        assert!(text.starts_with("a.py:3:17: error[GY101]: blocking call inside a lambda\n"), "{text}");
        assert!(text.contains("3 |     f = lambda: q.get()\n  |                 ^^^^^^^\n"), "{text}");
        assert!(text.ends_with("  = help: use a def\n"));
    }

    #[test]
    fn underline_is_clipped_to_the_line_and_never_empty() {
        let file = source("with a,\n     b:\n    pass\n");
        let whole = Diagnostic::new(Code::MixedWith, Location::range(&file, 0..file.text.len()), "m");
        assert!(whole.render().contains("1 | with a,\n  | ^^^^^^^\n"), "{}", whole.render());
        let empty = Diagnostic::new(Code::NoImportSpot, Location::range(&file, 0..0), "m");
        assert!(empty.render().contains("  | ^\n"));
    }

    #[test]
    fn whole_file_and_syntax_errors_are_one_line() {
        let d = Diagnostic::new(Code::ReservedName, Location::File(PathBuf::from("threading.py")), "taken");
        assert_eq!(d.render(), "threading.py: error[GY002]: taken\n");
        let file = source("def f(:\n");
        let d = Diagnostic::new(Code::Unparsable, Location::range(&file, 6..6), "file does not parse: x");
        assert_eq!(d.render(), "a.py:1:7: error[GY001]: file does not parse: x\n");
    }

    #[test]
    fn sorting_drops_repeated_diagnostics() {
        let file = source("f(g)\nf(g)\n");
        let at = |start: usize| Diagnostic::new(Code::BlockingCallback, Location::range(&file, start..start + 4), "handed over");
        let mut all = vec![at(5), at(0), at(5), at(0), Diagnostic::new(Code::BlockingCallback, Location::range(&file, 0..4), "other")];
        sort(&mut all);
        let lines: Vec<String> = all.iter().map(|d| d.render().lines().next().unwrap_or("").to_string()).collect();
        assert_eq!(lines, ["a.py:1:1: error[GY106]: handed over", "a.py:1:1: error[GY106]: other", "a.py:2:1: error[GY106]: handed over"]);
    }

    #[test]
    fn codes_are_unique_and_documented() {
        for (i, a) in Code::ALL.iter().enumerate() {
            assert!(!a.summary().is_empty(), "{a:?} has no doc comment");
            assert!(Code::ALL[..i].iter().all(|b| b.as_str() < a.as_str()), "{a:?} is out of order or repeated");
        }
    }
}
