//! The output check: greenify's own output must compile. Every rewritten text is parsed again
//! and checked for what CPython's compiler refuses after parsing, on what greenify inserts:
//! `await`, `async with` and `async for` only directly inside an `async def` (not in a lambda or
//! class body), no `yield from` in an `async def`, and no `return` with a value in an `async def`
//! that also yields. A text that fails is an internal error (GY999) and is not written.

use crate::diag::{Code, Diagnostic, Location};
use crate::parse::{self, ast, ParseFailure, Source};
use crate::walk::{self, Visitor};
use crate::work::parallel_map;

/// Checks the rewritten texts (`None`: unchanged) of the files `sources` (same order), in
/// parallel. A text that fails becomes `None` (the file is copied unchanged) and a diagnostic.
pub fn check_texts(sources: &[Source], texts: Vec<Option<String>>) -> (Vec<Option<String>>, Vec<Diagnostic>) {
    let verdicts = parallel_map(texts.iter().collect(), |text| text.as_deref().and_then(|text| check(text).err()));
    let mut diagnostics = Vec::new();
    let mut checked = Vec::with_capacity(texts.len());
    for ((source, text), verdict) in sources.iter().zip(texts).zip(verdicts) {
        match (verdict, text) {
            (Some(Refused { offset, why }), Some(output)) => {
                // The place is in the output: on the same line as in the source (lines keep
                // their numbers), at the output's column, shown with the output's line.
                let output = Source::new(source.rel.clone(), output);
                let at = Location::range(&output, offset..offset);
                diagnostics.push(
                    Diagnostic::new(Code::Internal, at, format!("internal error: the converted file would not compile ({why})"))
                        .with_help("please report this file to the greenify developers"),
                );
                checked.push(None);
            }
            (_, text) => checked.push(text),
        }
    }
    // A module without a text (should not happen) stays unchanged.
    checked.resize(sources.len(), None);
    (checked, diagnostics)
}

/// Why an output text would not compile: where (byte offset) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub offset: usize,
    pub why: String,
}

/// Checks one output text.
pub fn check(text: &str) -> Result<(), Refused> {
    let suite = parse::parse_suite(text, "<output>").map_err(|failure| match failure {
        ParseFailure::Syntax { offset, message } => Refused { offset, why: message },
        ParseFailure::ParserFailed => Refused { offset: 0, why: "the Python parser failed".to_string() },
    })?;
    let mut checker = AsyncChecker { scopes: vec![Scope::default()], error: None };
    Visitor::visit_body(&mut checker, &suite);
    checker.error.map_or(Ok(()), |(offset, why)| Err(Refused { offset, why }))
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
    fn fail(&mut self, offset: impl Into<usize>, message: &str) {
        if self.error.is_none() {
            self.error = Some((offset.into(), message.to_string()));
        }
    }
    fn function(&mut self, is_async_def: bool, body: &[ast::Stmt]) {
        self.scopes.push(Scope { is_async_def, ..Scope::default() });
        Visitor::visit_body(self, body);
        if let Some(scope) = self.scopes.pop() {
            if let (true, true, Some(at)) = (scope.is_async_def, scope.yields, scope.returns_value) {
                self.fail(at, "'return' with value in async generator");
            }
        }
    }
}

impl<'a> Visitor<'a> for AsyncChecker {
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
                walk::walk_stmt(self, stmt);
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
                walk::walk_expr(self, expr);
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
        walk::walk_expr(self, expr);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            assert!(check(text).is_err(), "{text:?} should be refused");
        }
        let good = [
            "async def f():\n    await g()\n    return [await x for x in y]\n",
            "async def f():\n    def inner():\n        yield from g()\n    async with a:\n        yield 1\n",
            "def f():\n    async def inner():\n        return await g()\n    return inner\n",
        ];
        for text in good {
            assert_eq!(check(text), Ok(()), "{text:?}");
        }
    }

}
