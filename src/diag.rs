//! Diagnostics: what the rewriter could not convert (errors) or converted on a guess (warnings),
//! rendered rustc/ruff-style:
//!
//! ```text
//! app/worker.py:12:9: error[GY101]: blocking call inside a lambda
//!    |
//! 12 |     cb = lambda: q.get()
//!    |                  ^
//!    = help: turn the lambda into a def so it can become `async def`
//! ```

use std::fmt::Write as _;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable code, e.g. `GY101`.
    pub code: &'static str,
    pub rel: PathBuf,
    /// 1-based line and column (characters).
    pub line: usize,
    pub col: usize,
    pub message: String,
    /// What the user can do about it.
    pub help: String,
    /// The source line the diagnostic points at (without newline).
    pub source_line: String,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Renders the diagnostic: header line, source line with a caret, help line.
    pub fn render(&self) -> String {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}]: {}",
            self.rel.display(),
            self.line,
            self.col,
            kind,
            self.code,
            self.message
        );
        if self.source_line.is_empty() {
            // Whole-file problems (a syntax error, a name clash) are one line.
            return out;
        }
        let gutter = self.line.to_string().len();
        let pad = " ".repeat(gutter);
        let _ = writeln!(out, "{pad} |");
        let _ = writeln!(out, "{} | {}", self.line, self.source_line);
        let caret_pad: String = self
            .source_line
            .chars()
            .take(self.col.saturating_sub(1))
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        let _ = writeln!(out, "{pad} | {caret_pad}^");
        if !self.help.is_empty() {
            let _ = writeln!(out, "{pad} = help: {}", self.help);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_header_source_caret_and_help() {
        let d = Diagnostic {
            severity: Severity::Error,
            code: "GY101",
            rel: PathBuf::from("a.py"),
            line: 3,
            col: 10,
            message: "blocking call inside a lambda".into(),
            help: "use a def".into(),
            source_line: "    f = lambda: q.get()".into(),
        };
        let text = d.render();
        assert!(text.starts_with("a.py:3:10: error[GY101]: blocking call inside a lambda\n"));
        assert!(text.contains("3 |     f = lambda: q.get()\n  |          ^\n"));
        assert!(text.ends_with("  = help: use a def\n"));
    }
}
