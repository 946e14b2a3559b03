//! Byte-range edits and the single forward pass that applies them.
//!
//! The rewriter never reprints code: it inserts text (`async `, `await `, parentheses) or replaces a
//! short callee (`time.sleep` -> `__gy.sleep`). None of the inserted texts contain a newline, except
//! at the very end of a file, so every original line keeps its number.

use crate::diag::{Code, Diagnostic, Location};
use crate::parse::Source;

/// Replace `start..end` of the source with `text` (an insertion when `start == end`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Edit {
    pub fn insert(at: usize, text: impl Into<String>) -> Self {
        Edit { start: at, end: at, text: text.into() }
    }
    pub fn replace(start: usize, end: usize, text: impl Into<String>) -> Self {
        Edit { start, end, text: text.into() }
    }
}

/// Edits that cannot be applied: two overlap, or one is out of the text or cuts a character in
/// two. A bug in the rewriter, reported rather than applied (never a panic).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overlap {
    pub first: Edit,
    pub second: Edit,
}

impl Overlap {
    /// GY999 where the edits collide: the range both cover (within the text).
    pub fn diagnostic(&self, source: &Source) -> Diagnostic {
        let len = source.text.len();
        let start = self.first.start.min(self.second.start).min(len);
        let end = self.first.end.max(self.second.end).clamp(start, len);
        Diagnostic::new(Code::Internal, Location::range(source, start..end), "internal error: overlapping edits")
            .with_help("please report this file to the greenify developers")
    }
}

/// The text of `source` after `edits`: `None` when nothing changes; a diagnostic when the edits
/// cannot be applied (a bug of the rewrite, reported where it happens).
pub fn apply_to(source: &Source, edits: &[Edit]) -> Result<Option<String>, Diagnostic> {
    if edits.is_empty() {
        return Ok(None);
    }
    match apply(&source.text, edits) {
        Ok(text) if text == source.text => Ok(None),
        Ok(text) => Ok(Some(text)),
        Err(overlap) => Err(overlap.diagnostic(source)),
    }
}

/// Applies `edits` to `source` in one forward pass. Insertions at the same offset keep the order
/// in which they were given (sorting is stable), so `(` then `await ` reads `(await `.
pub fn apply(source: &str, edits: &[Edit]) -> Result<String, Overlap> {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.start, e.end));
    let mut out = String::with_capacity(source.len() + edits.iter().map(|e| e.text.len()).sum::<usize>());
    let mut pos = 0;
    let mut last: Option<&Edit> = None;
    for edit in sorted {
        let fits = pos <= edit.start
            && edit.start <= edit.end
            && source.is_char_boundary(edit.start)
            && source.is_char_boundary(edit.end);
        if !fits {
            let first = last.cloned().unwrap_or_else(|| edit.clone());
            return Err(Overlap { first, second: edit.clone() });
        }
        out.push_str(&source[pos..edit.start]);
        out.push_str(&edit.text);
        pos = edit.end;
        last = Some(edit);
    }
    out.push_str(&source[pos..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insertions_at_one_offset_keep_their_order() {
        let edits = [Edit::insert(0, "("), Edit::insert(0, "await "), Edit::insert(3, ")")];
        assert_eq!(apply("q.g", &edits).unwrap(), "(await q.g)");
    }

    #[test]
    fn edits_outside_the_text_or_inside_a_character_are_refused() {
        assert!(apply("ab", &[Edit::insert(3, "x")]).is_err());
        assert!(apply("é", &[Edit::insert(1, "x")]).is_err());
        assert!(apply("abc", &[Edit::replace(2, 1, "x")]).is_err());
        assert_eq!(apply("é", &[Edit::insert(2, "x")]).unwrap(), "éx");
    }

    #[test]
    fn overlapping_replacements_are_refused() {
        let edits = [Edit::replace(0, 3, "x"), Edit::replace(2, 4, "y")];
        assert!(apply("abcdef", &edits).is_err());
    }

    #[test]
    fn overlaps_are_reported_where_they_happen() {
        let source = Source::new("m.py".into(), "x = 1\ny = f(a)\n".into());
        let edits = [Edit::replace(10, 13, "g(b)"), Edit::insert(11, "await ")];
        let Err(d) = apply_to(&source, &edits) else { panic!("the edits overlap") };
        assert_eq!((d.code, d.position()), (Code::Internal, Some((2, 5))));
        assert!(d.render().contains("2 | y = f(a)\n  |     ^^^\n"), "{}", d.render());
        assert_eq!(apply_to(&source, &[]).ok(), Some(None));
        assert_eq!(apply_to(&source, &[Edit::replace(0, 1, "x")]).ok(), Some(None));
    }
}
