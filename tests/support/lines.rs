//! "Every original line keeps its number": the one check of a rewritten file against its source,
//! used by every harness that sees greenify's output (snapshots, diagnostics, differential
//! corpus, the stdlib sweep).
//!
//! It holds when the output has exactly the source's lines (plus, for an entry script, one
//! appended line that waits for threads, `__gy.exit()`, and for a module that starts with a
//! compound statement, possibly an appended runtime import), and each output line is its source line
//! with greenify's own insertions only: the same indentation; the source line's characters in
//! order (a callee replaced by the runtime's, `time.sleep` -> `__gy.sleep`, standing for the
//! name it replaces); and nothing inserted but `async `, `await `, parentheses, `__gy.run(`,
//! `__gy.maybe(`, the starvation guard's checks and the runtime import (with its mangled
//! aliases; on an empty or column-0 comment line, the import followed by the old line), and
//! the compat edits (builtin names, `metaclass=`, a data class's field list).

use std::path::Path;

use greenify::parse::split_lines;

/// Panics with the first line that does not keep its place and text.
pub fn assert_lines_kept(rel: &Path, old: &str, new: &str) {
    if let Err(problem) = lines_kept(rel, old, new) {
        panic!("{problem}");
    }
}

/// [`assert_lines_kept`] as a result: `Err` names the file, the line and what changed.
pub fn lines_kept(rel: &Path, old: &str, new: &str) -> Result<(), String> {
    let old_lines: Vec<&str> = split_lines(old).collect();
    let new_lines: Vec<&str> = split_lines(new).collect();
    let extra = &new_lines[old_lines.len().min(new_lines.len())..];
    let appended_ok = extra.len() <= 2
        && extra.iter().all(|l| l.contains("__gy.exit()") || l.starts_with("import greenify as __gy"))
        && extra.iter().filter(|l| l.contains("__gy.exit()")).count() <= 1
        && extra.iter().filter(|l| !l.contains("__gy.exit()")).count() <= 1;
    if new_lines.len() < old_lines.len() || !appended_ok {
        return Err(format!("{}: {} lines became {}", rel.display(), old_lines.len(), new_lines.len()));
    }
    for (number, (o, n)) in old_lines.iter().zip(&new_lines).enumerate() {
        if o == n || own_line_import(o, n) {
            continue;
        }
        let (o, n) = without_compat(o, n);
        let (o, n) = (&o.as_str(), &n.as_str());
        let indent = |s: &str| s.len() - s.trim_start().len();
        if indent(o) != indent(n) || !kept_in(o, n) || !only_greenify_insertions(o, n) {
            return Err(format!("{}:{}: line text changed beyond insertions:\n{o}\n{n}", rel.display(), number + 1));
        }
    }
    Ok(())
}

/// The runtime import put on an empty line or before a column-0 comment (a module that starts
/// with a compound statement): `import greenify as __gy  # comment`.
fn own_line_import(old: &str, new: &str) -> bool {
    let blank_or_comment = old.trim_end().is_empty() || old.starts_with('#');
    let Some(rest) = new.strip_prefix("import greenify as __gy") else { return false };
    // Mangled aliases may follow (`; _Client__gy = __gy`), then two spaces and the old text.
    blank_or_comment && rest.ends_with(old) && rest[..rest.len() - old.len()].trim_end().chars().all(|c| c.is_alphanumeric() || "_;= ".contains(c))
}

/// The lines with the compat edits taken back: builtin names MicroPython lacks come from
/// `__import__("_gycompat")`, and `metaclass=M` became a first base
/// `__import__("_gycompat").metabase(M)` (taken out of both lines), or in place across lines.
fn without_compat(old: &str, new: &str) -> (String, String) {
    const METABASE: &str = "__import__(\"_gycompat\").metabase(";
    let mut new = new.to_string();
    let mut old = old.to_string();
    if let Some(at) = new.find(METABASE) {
        // `metaclass = M` is written `metaclass=M` when put back below.
        for spaced in ["metaclass = ", "metaclass =", "metaclass= "] {
            old = old.replace(spaced, "metaclass=");
        }
        let mut depth = 0;
        let mut end = new.len();
        for (i, c) in new[at + METABASE.len() - 1..].char_indices() {
            depth += match c {
                '(' | '[' | '{' => 1,
                ')' | ']' | '}' => -1,
                _ => 0,
            };
            if depth == 0 {
                end = at + METABASE.len() - 1 + i + 1;
                break;
            }
        }
        let first_base = new[end..].starts_with(", ");
        if first_base {
            new.replace_range(at..end + 2, "");
            if let Some(k) = old.find("metaclass=") {
                let mut depth = 0;
                let mut value_end = old.len();
                for (i, c) in old[k..].char_indices() {
                    match c {
                        '(' | '[' | '{' => depth += 1,
                        ')' | ']' | '}' | ',' if depth == 0 => {
                            value_end = k + i;
                            break;
                        }
                        ')' | ']' | '}' => depth -= 1,
                        _ => {}
                    }
                }
                let from = if old[..k].ends_with(", ") { k - 2 } else { k };
                old.replace_range(from..value_end, "");
            }
        } else {
            new.replace_range(at..at + METABASE.len(), "metaclass=");
        }
    }
    (old, without_seal(&without_fields(&new)).replace("__import__(\"_gycompat\").", ""))
}

/// Removes an enum class's seal appended to a statement:
/// `; __gy_seal__ = __import__("enum").__dict__.get("_gy_order", lambda *n: None)("A", "B")`.
fn without_seal(line: &str) -> String {
    const SEAL: &str = "; __gy_seal__ = __import__(\"enum\").__dict__.get(\"_gy_order\", lambda *n: None)(";
    let mut out = line.to_string();
    let Some(at) = out.find(SEAL) else { return out };
    let start = at + SEAL.len();
    // The names are plain identifiers in double quotes: the first `)` closes the list.
    if let Some(close) = out[start..].find(')') {
        out.replace_range(at..start + close + 1, "");
    }
    out
}

/// Removes a data class field list appended to a statement:
/// `; __gyann__ = (("name", "ann"),)` or `; __gyann__ += ...` (the strings may hold brackets).
fn without_fields(line: &str) -> String {
    let mut out = line.to_string();
    for op in ["; __gyann__ = ", "; __gyann__ += "] {
        let Some(at) = out.find(op) else { continue };
        let start = at + op.len();
        let (mut depth, mut in_string, mut escaped, mut end) = (0i32, false, false, None);
        for (i, c) in out[start..].char_indices() {
            match (in_string, escaped, c) {
                (true, true, _) => escaped = false,
                (true, false, '\\') => escaped = true,
                (true, false, '"') => in_string = false,
                (true, false, _) => {}
                (false, _, '"') => in_string = true,
                (false, _, '(') => depth += 1,
                (false, _, ')') => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(start + i + 1);
                        break;
                    }
                }
                _ => {}
            }
        }
        if let Some(end) = end {
            out.replace_range(at..end, "");
        }
    }
    out
}

/// Whether the output line `new` is the source line `old` with insertions only, apart from
/// callees replaced by the runtime's: `old` is a subsequence of `new`, where a dotted name
/// `__gy.x.y` of `new` may stand for any run of name characters and dots of `old`.
pub fn kept_in(old: &str, new: &str) -> bool {
    #[derive(PartialEq)]
    enum Item {
        Char(char),
        Callee,
    }
    let mut items = Vec::new();
    let mut rest = new;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("__gy.") {
            let end = after.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.')).unwrap_or(after.len());
            items.push(Item::Callee);
            rest = &after[end..];
        } else {
            items.push(Item::Char(c));
            rest = &rest[c.len_utf8()..];
        }
    }
    let name_char = |c: char| c.is_alphanumeric() || c == '_' || c == '.';
    // reach[j]: the characters of `old` seen so far match items[..j]. Any item may be skipped
    // (inserted text); a callee absorbs one or more name characters.
    let skip_forward = |reach: &mut Vec<bool>| {
        for j in 0..items.len() {
            if reach[j] {
                reach[j + 1] = true;
            }
        }
    };
    let mut reach = vec![false; items.len() + 1];
    reach[0] = true;
    skip_forward(&mut reach);
    for c in old.chars() {
        let mut next = vec![false; items.len() + 1];
        for j in 0..items.len() {
            let takes = match items[j] {
                Item::Char(d) => d == c,
                Item::Callee => name_char(c),
            };
            if reach[j] && takes {
                next[j + 1] = true;
            }
            if reach[j + 1] && items[j] == Item::Callee && name_char(c) {
                next[j + 1] = true;
            }
        }
        skip_forward(&mut next);
        reach = next;
    }
    reach[items.len()]
}

/// Whether the text `new` has beyond `old` is only what greenify inserts: with those insertions
/// removed, the runtime callees made one token, and parentheses ignored, the lines are equal
/// (allowing callees of `old` to be the ones replaced: as many as the runtime callees in `new`,
/// e.g. `[sleep, time.sleep]` -> `[__gy.sleep, __gy.sleep]`).
fn only_greenify_insertions(old: &str, new: &str) -> bool {
    let new = normalised(&runtime_callees(&without_guards(new)));
    let wanted = new.matches("CALLEE").count().saturating_sub(old.matches("CALLEE").count());
    replaced_names_match(old, &dotted_names(old), wanted, &new)
}

/// Whether replacing `count` of `names` (byte ranges of `old`, in order) by `CALLEE` makes
/// `old` normalise to `new`. Tries the last names first, so earlier ranges stay valid.
fn replaced_names_match(old: &str, names: &[(usize, usize)], count: usize, new: &str) -> bool {
    if count == 0 {
        return normalised(old) == new;
    }
    (0..names.len()).rev().any(|i| {
        let (b, e) = names[i];
        let mut candidate = old.to_string();
        candidate.replace_range(b..e, "CALLEE");
        replaced_names_match(&candidate, &names[..i], count - 1, new)
    })
}

/// Removes `import greenify as __gy` and the mangled aliases that follow it (`; _C__gy = __gy`).
fn without_runtime_import(line: &str) -> String {
    let Some(at) = line.find("import greenify as __gy") else { return line.to_string() };
    let mut end = at + "import greenify as __gy".len();
    while let Some(rest) = line[end..].strip_prefix("; _") {
        match rest.find(" = __gy") {
            Some(i) if rest[..i].chars().all(|c| c.is_alphanumeric() || c == '_') => end += 3 + i + " = __gy".len(),
            _ => break,
        }
    }
    let (before, after) = (&line[..at], &line[end..]);
    match (before.strip_suffix("; "), after.strip_prefix("; ")) {
        (Some(b), _) => format!("{b}{after}"),
        (None, Some(a)) => format!("{before}{a}"),
        (None, None) => format!("{before}{after}"),
    }
}

/// Removes the starvation guard's checks: `__gy.tick('f.py:3') and await __gy.yield_() or `
/// before a loop test, `...; ` before a statement (`__gy.run(__gy.yield_())` at top level).
fn without_guards(line: &str) -> String {
    let mut out = line.to_string();
    while let Some(at) = out.find("__gy.tick('") {
        let Some(quote) = out[at + 11..].find("') and ") else { break };
        let mut end = at + 11 + quote + "') and ".len();
        let rest = &out[end..];
        let Some(yield_) = ["await __gy.yield_()", "__gy.run(__gy.yield_())"].iter().find(|y| rest.starts_with(**y)) else { break };
        end += yield_.len();
        let Some(sep) = [" or ", "; "].iter().find(|s| out[end..].starts_with(**s)) else { break };
        end += sep.len();
        out.replace_range(at..end, "");
    }
    out
}

/// Removes the texts greenify inserts, and the parentheses.
fn normalised(line: &str) -> String {
    let mut s = without_runtime_import(line);
    for inserted in ["import greenify as __gy; ", "; import greenify as __gy", "async ", "await ", "__gy.maybe(", "__gy.run(", "__gy.new("] {
        s = s.replace(inserted, "");
    }
    s.chars().filter(|c| !matches!(c, '(' | ')')).collect::<String>()
}

/// The dotted names of a line with their byte ranges.
fn dotted_names(s: &str) -> Vec<(usize, usize)> {
    let is_name = |c: char| c.is_alphanumeric() || c == '_' || c == '.';
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (start, is_name(c)) {
            (None, true) => start = Some(i),
            (Some(b), false) => {
                out.push((b, i));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// `__gy.sleep` / `__gy.gsocket.socket` (the runtime callees greenify puts in) -> `CALLEE`.
fn runtime_callees(s: &str) -> String {
    let mut out = s.to_string();
    for (b, e) in dotted_names(s).into_iter().rev() {
        if s[b..e].starts_with("__gy.") && !matches!(&s[b..e], "__gy.run" | "__gy.maybe" | "__gy.new") {
            out.replace_range(b..e, "CALLEE");
        }
    }
    out
}
