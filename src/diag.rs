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

use crate::rewrite::{Explanation, ExplanationKind};

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
    /// 1-based line and column (characters); line 0: about the whole file (or folder), rendered
    /// without a position.
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
        let _ = write!(out, "{}:", self.rel.display());
        if self.line > 0 {
            let _ = write!(out, "{}:{}:", self.line, self.col);
        }
        let _ = writeln!(out, " {kind}[{}]: {}", self.code, self.message);
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

/// `--explain`: for every converted function, a header line, then one indented line per step
/// of the chain down to the blocking call; then likewise the call sites that go through the
/// runtime's adapter and the calls left plain by the unknown-receiver rule. Sorted by place:
///
/// ```text
/// app/w.py:12:1: app.w.Worker.run is async
///     app/w.py:14:9: calls `self.fetch` -> app.w.Worker.fetch
///     app/net.py:3:5: calls `q.get` -> Queue.get (blocking)
/// ```
pub fn render_explanations(explanations: &[Explanation]) -> String {
    let mut sorted: Vec<&Explanation> = explanations.iter().collect();
    sorted.sort_by(|a, b| (&a.rel, a.line, a.col, &a.function).cmp(&(&b.rel, b.line, b.col, &b.function)));
    let mut out = String::new();
    for e in sorted {
        let what = match e.kind {
            ExplanationKind::Colored => " is async",
            ExplanationKind::Adapter | ExplanationKind::UnknownReceiver => "",
        };
        let _ = writeln!(out, "{}:{}:{}: {}{what}", e.rel.display(), e.line, e.col, e.function);
        for step in &e.chain {
            let _ = writeln!(out, "    {}:{}:{}: {}", step.rel.display(), step.line, step.col, step.what);
        }
    }
    out
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
