//! Issue 16: a file CPython refuses is refused by greenify at CPython's line and column, in
//! CPython's words. Table-driven: every broken input below is one file of one SRC; greenify
//! `--check` reports them all in one run, one CPython process compiles them all
//! (`compile(text, path, 'exec')`), and each report is compared with CPython's SyntaxError
//! (`lineno`, `offset`, and its message starting with greenify's).
//!
//! The table has inputs that do not parse (end-of-file errors, unterminated strings, brackets)
//! and inputs that parse but that CPython's compiler refuses (`return` outside a function,
//! `nonlocal` without a binding, starred targets, `from __future__` late...).

mod support;

use std::collections::BTreeMap;
use std::process::Command;
use std::time::Duration;

use support::{greenify_bin, python, run_with_timeout, Scratch};

/// Inputs that do not parse.
const SYNTAX: &[(&str, &str)] = &[
    ("unterminated_string", "x = 'abc\ny = 1\n"),
    ("unterminated_string_at_eof", "x = 'abc"),
    ("unterminated_triple_quoted", "x = '''abc\ny = 1\n"),
    ("unterminated_bytes_prefix", "x = 1\ny = rb\"abc\n"),
    ("unclosed_paren_at_eof", "x = (1,\n"),
    ("unclosed_paren_then_more", "x = (1,\ny = 2\n"),
    ("unclosed_inner_bracket", "f(\n  [1, 2,\n"),
    ("unclosed_brace", "d = {1: 2,\n"),
    ("unmatched_paren", "x = 1)\n"),
    ("unmatched_bracket", "x = [1, 2]]\n"),
    ("mismatched_bracket", "x = (1, 2]\n"),
    ("mismatched_on_other_line", "x = (1,\n  2]\n"),
    ("def_without_colon", "def f()\n    pass\n"),
    ("invalid_token", "x = 1 $ 2\n"),
    ("missing_body_at_eof", "def f():\n"),
    ("missing_body", "if x:\ny = 1\n"),
    ("unexpected_indent", "x = 1\n    y = 2\n"),
    ("unindent_mismatch", "if x:\n        y = 1\n    z = 2\n"),
    ("two_expressions", "x = 1 2\n"),
    ("trailing_operator_at_eof", "x = 1 +"),
    ("trailing_operator", "x = 1 +\ny = 2\n"),
    ("keyword_as_name", "class = 1\n"),
    ("lambda_at_eof", "x = lambda"),
    ("backslash_at_eof", "x = 1 + \\\n"),
    ("tab_before_bracket", "if x:\n\ty = (1\n"),
    ("non_ascii_column", "s = 'é' + )\n"),
    ("error_before_unterminated_string", "def f(:\n    pass\ns = 'abc\n"),
];

/// Inputs that parse but that CPython's compiler refuses.
const COMPILE: &[(&str, &str)] = &[
    ("star_import_in_function", "def f():\n    from os import *\n"),
    ("star_import_in_class", "class C:\n    from os import *\n"),
    ("return_top", "x = 1\nreturn x\n"),
    ("return_class", "class C:\n    return 1\n"),
    ("yield_top", "yield 1\n"),
    ("yield_from_top", "x = yield from g\n"),
    ("yield_class", "class C:\n    x = yield\n"),
    ("await_top", "import asyncio\nawait asyncio.sleep(0)\n"),
    ("await_sync_def", "def f():\n    await g()\n"),
    ("await_lambda", "f = lambda: await g()\n"),
    ("break_top", "x = 1\nbreak\n"),
    ("continue_top", "continue\n"),
    ("break_in_def_in_loop", "for i in x:\n    def f():\n        break\n"),
    ("continue_in_class_in_loop", "while x:\n    class C:\n        continue\n"),
    ("break_in_else", "for i in x:\n    pass\nelse:\n    break\n"),
    ("nonlocal_top", "nonlocal x\n"),
    ("nonlocal_no_binding", "def f():\n    nonlocal x\n"),
    ("nonlocal_global_only", "x = 1\ndef f():\n    nonlocal x\n"),
    ("nonlocal_param", "def f(x):\n    nonlocal x\n"),
    ("global_param", "def f(x):\n    global x\n"),
    ("used_before_global", "def f():\n    x = 1\n    global x\n"),
    ("used_before_nonlocal", "def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x\n"),
    ("dup_arg", "def f(a, b, a):\n    pass\n"),
    ("dup_arg_kw", "def f(a, *, a):\n    pass\n"),
    ("dup_arg_star", "def f(a, *a):\n    pass\n"),
    ("dup_lambda", "f = lambda a, a: 1\n"),
    ("star_alone", "*a = [1]\n"),
    ("two_stars", "*a, *b = [1]\n"),
    ("star_load", "print(*a)\nx = *a\n"),
    ("star_in_for", "for *a in x:\n    pass\n"),
    ("future_late", "import os\nfrom __future__ import annotations\n"),
    ("future_unknown", "from __future__ import braces\n"),
    ("future_bogus", "from __future__ import nosuch\n"),
    ("assign_call", "f() = 1\n"),
    ("assign_literal", "1 = x\n"),
    ("augassign_tuple", "a, b += 1\n"),
    ("del_call", "del f()\n"),
    ("assign_to_none", "None = 1\n"),
    ("kwarg_dup", "f(a=1, a=2)\n"),
    ("default_order", "def f(a=1, b):\n    pass\n"),
    ("return_in_async_gen_value", "async def f():\n    yield 1\n    return 2\n"),
    ("yield_in_comp", "def f():\n    return [(yield x) for x in y]\n"),
    ("await_in_comp_sync", "def f():\n    return [await x for x in y]\n"),
    ("async_for_sync", "def f():\n    async for x in y:\n        pass\n"),
    ("async_with_sync", "def f():\n    async with x:\n        pass\n"),
    ("async_for_top", "async for x in y:\n    pass\n"),
    ("star_expr_stmt", "*a\n"),
    ("delete_star", "del *a, b\n"),
    ("global_annotated", "def f():\n    global x\n    x: int = 1\n"),
    ("nonlocal_dup_global", "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n"),
];

/// Inputs close to those, that CPython compiles: greenify accepts them.
const COMPILES: &[(&str, &str)] = &[
    ("continue_finally_ok", "for i in x:\n    try:\n        pass\n    finally:\n        continue\n"),
    ("nonlocal_class_level", "def f():\n    x = 1\n    class C:\n        nonlocal x\n        x = 2\n"),
    ("nonlocal_ok", "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n"),
    ("future_after_doc_ok", "'''doc'''\nfrom __future__ import annotations\n"),
    ("nested_break_ok", "while 1:\n    if x:\n        break\n"),
    ("return_ok", "def f():\n    return 1\n"),
    ("starred_subscript_ok", "a[*b] = 1\n"),
];

/// greenify's `path:line:col` and message of each case, from one `--check` run.
fn greenify_reports(cases: &[(String, String)]) -> BTreeMap<String, (usize, usize, String)> {
    let scratch = Scratch::new("positions");
    let src = scratch.path().join("src");
    std::fs::create_dir_all(&src).expect("src");
    for (name, text) in cases {
        std::fs::write(src.join(format!("{name}.py")), text).expect("case file");
    }
    let mut cmd = Command::new(greenify_bin());
    cmd.arg("--check").arg(&src).arg(scratch.path().join("out"));
    let run = run_with_timeout(cmd, Duration::from_secs(60));
    assert_eq!(run.status, Some(1), "greenify --check should fail:\n{}", run.stderr);
    let mut reports = BTreeMap::new();
    for line in run.stderr.lines() {
        let Some((place, message)) = line.split_once(": error[GY001]: file does not parse: ") else { continue };
        let mut parts = place.rsplitn(3, ':');
        let (col, row, path) = (parts.next(), parts.next(), parts.next());
        let (Some(col), Some(row), Some(path)) = (col, row, path) else { panic!("no path:line:col in {line}") };
        let name = path.trim_end_matches(".py").to_string();
        let position = (row.parse().expect("line"), col.parse().expect("column"), message.to_string());
        assert!(reports.insert(name, position).is_none(), "two reports for one file: {line}");
    }
    reports
}

/// CPython's `lineno`, `offset` and message for each case, from one process; every case must
/// be refused.
fn cpython_reports(cases: &[(String, String)]) -> BTreeMap<String, (usize, usize, String)> {
    let reports = cpython_reports_allowing_success(cases);
    for (name, _) in cases {
        assert!(reports.contains_key(name), "CPython compiles {name}: the case is not a broken input");
    }
    reports
}

/// CPython's reports of the cases it refuses.
fn cpython_reports_allowing_success(cases: &[(String, String)]) -> BTreeMap<String, (usize, usize, String)> {
    let scratch = Scratch::new("positions-cpython");
    for (name, text) in cases {
        std::fs::write(scratch.path().join(format!("{name}.py")), text).expect("case file");
    }
    let script = "import sys\nfor name in sys.argv[1:]:\n    try:\n        compile(open(name + '.py', encoding='utf-8').read(), name + '.py', 'exec')\n        print(name, 'compiles')\n    except SyntaxError as e:\n        print(name, e.lineno, e.offset, e.msg)\n";
    let mut cmd = Command::new(python());
    cmd.arg("-c").arg(script).args(cases.iter().map(|(name, _)| name.as_str())).current_dir(scratch.path());
    let run = run_with_timeout(cmd, Duration::from_secs(60));
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    let mut reports = BTreeMap::new();
    for line in run.stdout.lines() {
        let mut parts = line.splitn(4, ' ');
        let name = parts.next().expect("name").to_string();
        let (Some(row), Some(col), Some(message)) = (parts.next(), parts.next(), parts.next()) else { continue };
        reports.insert(name, (row.parse().expect("line"), col.parse().expect("offset"), message.to_string()));
    }
    reports
}

/// greenify's message is CPython's, or its beginning (CPython adds where the block started);
/// where CPython's parser has a more specific message for a syntax error, greenify may say
/// "invalid syntax", as CPython does for most.
fn same_words(mine: &str, cpython: &str) -> bool {
    cpython.starts_with(mine) || mine == "invalid syntax"
}

fn compare(cases: &[(String, String)]) {
    let ours = greenify_reports(cases);
    let theirs = cpython_reports(cases);
    let mut wrong = Vec::new();
    for (name, _) in cases {
        let cpython = &theirs[name];
        match ours.get(name) {
            None => wrong.push(format!("{name}: greenify reports nothing; CPython: {}:{} {}", cpython.0, cpython.1, cpython.2)),
            Some(mine) if (mine.0, mine.1) != (cpython.0, cpython.1) || !same_words(&mine.2, &cpython.2) => wrong.push(format!(
                "{name}: greenify {}:{} {:?}; CPython {}:{} {:?}",
                mine.0, mine.1, mine.2, cpython.0, cpython.1, cpython.2
            )),
            Some(_) => {}
        }
    }
    assert!(wrong.is_empty(), "reports that differ from CPython 3.11's:\n{}", wrong.join("\n"));
}

fn owned(cases: &[(&str, &str)]) -> Vec<(String, String)> {
    cases.iter().map(|(name, text)| (name.to_string(), text.to_string())).collect()
}

#[test]
fn syntax_errors_are_where_cpython_reports_them() {
    let mut cases = owned(SYNTAX);
    // CPython's tokenizer limits: 200 nested brackets, 100 levels of indentation.
    cases.push(("too_many_brackets".into(), format!("x = {}{}\n", "[".repeat(201), "]".repeat(201))));
    cases.push(("too_many_calls".into(), format!("x = {}{}\n", "f(".repeat(201), ")".repeat(201))));
    let ifs: String = (0..100).map(|i| format!("{}if x:\n", " ".repeat(i))).collect();
    cases.push(("too_much_indentation".into(), format!("{ifs}{}pass\n", " ".repeat(100))));
    compare(&cases);
}

#[test]
fn what_cpythons_compiler_refuses_is_refused_where_it_reports_it() {
    compare(&owned(COMPILE));
}

#[test]
fn what_cpython_compiles_is_accepted() {
    let scratch = Scratch::new("positions-accepted");
    let src = scratch.path().join("src");
    std::fs::create_dir_all(&src).expect("src");
    for (name, text) in COMPILES {
        std::fs::write(src.join(format!("{name}.py")), text).expect("case file");
    }
    let mut cmd = Command::new(greenify_bin());
    cmd.arg("--check").arg(&src).arg(scratch.path().join("out"));
    let run = run_with_timeout(cmd, Duration::from_secs(60));
    assert!(!run.stderr.contains("GY001"), "greenify refuses code CPython compiles:\n{}", run.stderr);
    let theirs = cpython_reports_allowing_success(&owned(COMPILES));
    assert!(theirs.is_empty(), "CPython refuses some of these: {theirs:?}");
}
