//! A small line-based unified diff (`--diff`): Myers' shortest edit script over the lines of two
//! texts, printed as `diff -u` would, with three lines of context.
//!
//! Cost: the common head and tail are skipped first. When the rest has as many lines on both
//! sides (greenify keeps every line at its number), lines are compared one to one: linear time.
//! Otherwise Myers' search takes O((N+M)·D) time and O(D²) memory for D changed lines; past
//! MAX_EDITS it gives up on finding the shortest script and replaces the rest as a block.

use std::fmt::Write as _;

const CONTEXT: usize = 3;

/// The longest edit script Myers' search looks for (bounds its memory to about 35 MB).
const MAX_EDITS: isize = 2048;

/// The unified diff of `old` and `new`, with `a/<name>` and `b/<name>` headers; empty when the
/// texts are equal.
pub fn unified(name: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let ops = edit_script(&a, &b);
    let mut out = format!("--- a/{name}\n+++ b/{name}\n");
    for hunk in hunks(&ops) {
        write_hunk(&mut out, &a, &b, &ops[hunk.0..hunk.1]);
    }
    out
}

/// One step of the edit script: keep a line of both, delete a line of `a`, insert one of `b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Keep(usize, usize),
    Delete(usize),
    Insert(usize),
}

fn edit_script(a: &[&str], b: &[&str]) -> Vec<Op> {
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let tail = a[head..].iter().rev().zip(b[head..].iter().rev()).take_while(|(x, y)| x == y).count();
    let mut ops: Vec<Op> = (0..head).map(|i| Op::Keep(i, i)).collect();
    let (a_mid, b_mid) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    if a_mid.len() == b_mid.len() {
        ops.extend(one_to_one(a_mid, b_mid, head));
    } else {
        ops.extend(myers(a_mid, b_mid, head).unwrap_or_else(|| replace_all(a_mid.len(), b_mid.len(), head)));
    }
    ops.extend((0..tail).map(|i| Op::Keep(a.len() - tail + i, b.len() - tail + i)));
    ops
}

/// Line i of `a` against line i of `b`: equal lines kept; each run of differing lines deleted,
/// then inserted (as `diff -u` shows a changed block). `base` is added to every line number.
fn one_to_one(a: &[&str], b: &[&str], base: usize) -> Vec<Op> {
    let mut ops = Vec::with_capacity(a.len() * 2);
    let mut i = 0;
    while i < a.len() {
        if a[i] == b[i] {
            ops.push(Op::Keep(i + base, i + base));
            i += 1;
            continue;
        }
        let end = (i..a.len()).find(|&j| a[j] == b[j]).unwrap_or(a.len());
        ops.extend((i..end).map(|j| Op::Delete(j + base)));
        ops.extend((i..end).map(|j| Op::Insert(j + base)));
        i = end;
    }
    ops
}

/// Every line of `a` deleted, then every line of `b` inserted.
fn replace_all(a_len: usize, b_len: usize, base: usize) -> Vec<Op> {
    (0..a_len).map(|i| Op::Delete(i + base)).chain((0..b_len).map(|j| Op::Insert(j + base))).collect()
}

/// Myers' greedy algorithm; `base` is added to every line number. `None` when the shortest edit
/// script is longer than MAX_EDITS.
fn myers(a: &[&str], b: &[&str], base: usize) -> Option<Vec<Op>> {
    let (n, m) = (a.len() as isize, b.len() as isize);
    // trace[d][k + d]: the furthest x reached on diagonal k (x - y = k) with d edits.
    let mut trace: Vec<Vec<isize>> = Vec::new();
    'search: for d in 0..=(n + m) {
        if d > MAX_EDITS {
            return None;
        }
        let mut row = vec![0isize; (2 * d + 1) as usize];
        for k in (-d..=d).step_by(2) {
            let mut x = match trace.last() {
                None => 0,
                Some(prev) => {
                    let at = |k: isize| prev[(k + d - 1) as usize];
                    if k == -d || (k != d && at(k - 1) < at(k + 1)) {
                        at(k + 1)
                    } else {
                        at(k - 1) + 1
                    }
                }
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            row[(k + d) as usize] = x;
            if x == n && y == m {
                trace.push(row);
                break 'search;
            }
        }
        trace.push(row);
    }
    // Walk back from (n, m): each step of d undoes a snake of kept lines, then one edit.
    let mut ops = Vec::new();
    let (mut x, mut y) = (n, m);
    for d in (1..trace.len() as isize).rev() {
        let prev = &trace[(d - 1) as usize];
        let at = |k: isize| prev[(k + d - 1) as usize];
        let k = x - y;
        let down = k == -d || (k != d && at(k - 1) < at(k + 1));
        let prev_k = if down { k + 1 } else { k - 1 };
        let prev_x = at(prev_k);
        let prev_y = prev_x - prev_k;
        let (mid_x, mid_y) = if down { (prev_x, prev_y + 1) } else { (prev_x + 1, prev_y) };
        while x > mid_x && y > mid_y {
            x -= 1;
            y -= 1;
            ops.push(Op::Keep(x as usize + base, y as usize + base));
        }
        ops.push(if down { Op::Insert(prev_y as usize + base) } else { Op::Delete(prev_x as usize + base) });
        (x, y) = (prev_x, prev_y);
    }
    while x > 0 && y > 0 {
        x -= 1;
        y -= 1;
        ops.push(Op::Keep(x as usize + base, y as usize + base));
    }
    ops.reverse();
    Some(ops)
}

/// Ranges of `ops` to print as hunks: each change with up to CONTEXT kept lines around it,
/// changes closer than 2·CONTEXT lines merged.
fn hunks(ops: &[Op]) -> Vec<(usize, usize)> {
    let changes: Vec<usize> = (0..ops.len()).filter(|&i| !matches!(ops[i], Op::Keep(..))).collect();
    let mut result: Vec<(usize, usize)> = Vec::new();
    for i in changes {
        let start = i.saturating_sub(CONTEXT);
        let end = (i + 1 + CONTEXT).min(ops.len());
        match result.last_mut() {
            Some(last) if start <= last.1 => last.1 = end,
            _ => result.push((start, end)),
        }
    }
    result
}

fn write_hunk(out: &mut String, a: &[&str], b: &[&str], ops: &[Op]) {
    let old_count = ops.iter().filter(|op| !matches!(op, Op::Insert(_))).count();
    let new_count = ops.iter().filter(|op| !matches!(op, Op::Delete(_))).count();
    let old_start = ops.iter().find_map(|op| match op {
        Op::Keep(i, _) | Op::Delete(i) => Some(*i),
        Op::Insert(_) => None,
    });
    let new_start = ops.iter().find_map(|op| match op {
        Op::Keep(_, j) | Op::Insert(j) => Some(*j),
        Op::Delete(_) => None,
    });
    // As `diff -u`: a count of 1 is left out, an empty range is numbered by the line before it.
    let range = |start: Option<usize>, count: usize, before: usize| match start {
        Some(s) if count == 1 => format!("{}", s + 1),
        Some(s) if count > 0 => format!("{},{count}", s + 1),
        _ => format!("{before},0"),
    };
    let before_old = before_line(ops, true);
    let before_new = before_line(ops, false);
    let _ = writeln!(out, "@@ -{} +{} @@", range(old_start, old_count, before_old), range(new_start, new_count, before_new));
    for op in ops {
        let (mark, line) = match *op {
            Op::Keep(i, _) => (' ', a[i]),
            Op::Delete(i) => ('-', a[i]),
            Op::Insert(j) => ('+', b[j]),
        };
        out.push(mark);
        out.push_str(line);
        if !line.ends_with('\n') {
            out.push_str("\n\\ No newline at end of file\n");
        }
    }
}

/// For a hunk with no line of one side: the number of lines of that side before the hunk.
fn before_line(ops: &[Op], old: bool) -> usize {
    match (ops.first(), old) {
        (Some(Op::Keep(i, _) | Op::Delete(i)), true) => *i,
        (Some(Op::Keep(_, j) | Op::Insert(j)), false) => *j,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(a: &[&str], b: &[&str], ops: &[Op]) -> (Vec<String>, Vec<String>) {
        let mut old = Vec::new();
        let mut new = Vec::new();
        for op in ops {
            match *op {
                Op::Keep(i, j) => {
                    assert_eq!(a[i], b[j]);
                    old.push(a[i].to_string());
                    new.push(b[j].to_string());
                }
                Op::Delete(i) => old.push(a[i].to_string()),
                Op::Insert(j) => new.push(b[j].to_string()),
            }
        }
        (old, new)
    }

    #[test]
    fn edit_scripts_rebuild_both_sides() {
        let cases: &[(&str, &str)] = &[
            ("", "a\n"),
            ("a\n", ""),
            ("a\nb\nc\n", "a\nc\n"),
            ("a\nb\nc\nd\n", "x\nb\ny\nd\nz\n"),
            ("abcabba", "cbabac"),
            ("1\n2\n3\n4\n5\n6\n7\n8\n", "1\n2\n9\n4\n5\n6\n7\n0\n"),
        ];
        for (old, new) in cases {
            let split = |s: &'static str| -> Vec<&'static str> {
                if s.contains('\n') || s.is_empty() {
                    s.split_inclusive('\n').collect()
                } else {
                    s.split("").filter(|c| !c.is_empty()).collect()
                }
            };
            let (a, b) = (split(old), split(new));
            let ops = edit_script(&a, &b);
            let (x, y) = apply(&a, &b, &ops);
            assert_eq!(x.concat(), a.concat());
            assert_eq!(y.concat(), b.concat());
        }
        // The classic example has an edit distance of 5.
        let (a, b): (Vec<&str>, Vec<&str>) = ("abcabba".split("").filter(|c| !c.is_empty()).collect(), "cbabac".split("").filter(|c| !c.is_empty()).collect());
        let ops = edit_script(&a, &b);
        assert_eq!(ops.iter().filter(|op| !matches!(op, Op::Keep(..))).count(), 5);
    }

    #[test]
    fn random_edit_scripts_rebuild_both_sides() {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let words = ["a\n", "b\n", "c\n", "d"];
        for _ in 0..500 {
            let a: Vec<&str> = (0..next() % 12).map(|_| words[(next() % 4) as usize]).collect();
            let b: Vec<&str> = (0..next() % 12).map(|_| words[(next() % 4) as usize]).collect();
            let ops = edit_script(&a, &b);
            let (x, y) = apply(&a, &b, &ops);
            assert_eq!((x.concat(), y.concat()), (a.concat(), b.concat()));
        }
    }

    #[test]
    fn long_scripts_fall_back_to_a_block_replacement() {
        let a: Vec<String> = (0..3000).map(|i| format!("a{i}\n")).collect();
        let b: Vec<String> = (0..3001).map(|i| format!("b{i}\n")).collect();
        let (a, b): (Vec<&str>, Vec<&str>) = (a.iter().map(|s| s.as_str()).collect(), b.iter().map(|s| s.as_str()).collect());
        let ops = edit_script(&a, &b);
        let (x, y) = apply(&a, &b, &ops);
        assert_eq!((x.concat(), y.concat()), (a.concat(), b.concat()));
    }

    #[test]
    fn same_length_texts_are_compared_line_by_line() {
        let diff = unified("f.py", "a\nb\nc\nd\n", "A\nB\nc\nD\n");
        assert_eq!(diff, "--- a/f.py\n+++ b/f.py\n@@ -1,4 +1,4 @@\n-a\n-b\n+A\n+B\n c\n-d\n+D\n");
    }

    #[test]
    fn unified_diff_has_headers_hunks_and_context() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
        let new = "1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\ntwelve\n";
        let expected = "--- a/f.py\n+++ b/f.py\n@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n@@ -9,4 +9,4 @@\n 9\n 10\n 11\n-12\n+twelve\n";
        assert_eq!(unified("f.py", old, new), expected);
        assert_eq!(unified("f.py", old, old), "");
    }

    #[test]
    fn missing_final_newline_is_marked() {
        let diff = unified("f.py", "x = 1", "x = 1\ny = 2\n");
        assert_eq!(diff, "--- a/f.py\n+++ b/f.py\n@@ -1 +1,2 @@\n-x = 1\n\\ No newline at end of file\n+x = 1\n+y = 2\n");
    }
}
