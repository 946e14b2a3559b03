//! The program's definitions and scopes, read once from the AST before any inference:
//! every function (including lambdas and methods) and class, the scope each one opens, the names
//! each scope binds, and Python's rule for which scope a name refers to (local, enclosing
//! function, module global, builtin; class bodies are not visible from their methods).

use crate::fxhash::{FastMap, FastSet};

use crate::parse::ast::{self, Expr, Ranged, Stmt};
use crate::project::Program;
use crate::walk::{self, Visitor};

/// A function, method or lambda of the program: module index and the byte offset of its `def`
/// keyword (or `async`, or `lambda`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FuncId {
    pub module: usize,
    pub start: usize,
}

/// A class of the program: module index and the byte offset of its `class` keyword.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClassId {
    pub module: usize,
    pub start: usize,
}

/// Index of a scope in `Index::scopes`.
pub type ScopeId = usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Function(FuncId),
    Class(ClassId),
}

pub struct Scope {
    pub module: usize,
    pub kind: ScopeKind,
    /// The scope the definition is written in (None for a module).
    pub parent: Option<ScopeId>,
    /// Names bound here (assigned, imported, defined, parameters, loop targets...).
    pub locals: FastSet<String>,
    /// Names declared `global` here.
    pub globals: FastSet<String>,
    /// Names bound here by `from m import name` (and by nothing else: see `bound_otherwise`).
    pub imported: FastSet<String>,
    /// Names bound here by something other than `from m import name`.
    pub bound_otherwise: FastSet<String>,
}

impl Scope {
    /// Whether `name` is bound here only by `from m import name`: it names what m has.
    pub fn is_import_alias(&self, name: &str) -> bool {
        self.imported.contains(name) && !self.bound_otherwise.contains(name)
    }
}

/// How a function defined in a class body is called.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MethodKind {
    /// Not in a class body.
    Plain,
    Instance,
    Static,
    Class,
    Property,
}

pub enum FuncNode<'a> {
    Def(&'a ast::StmtFunctionDef),
    AsyncDef(&'a ast::StmtAsyncFunctionDef),
    Lambda(&'a ast::ExprLambda),
}

pub struct FuncInfo<'a> {
    pub id: FuncId,
    pub node: FuncNode<'a>,
    pub name: String,
    /// Dotted name within the module, e.g. `Worker.run` or `make.<locals>.step`.
    pub qualname: String,
    /// The scope the function opens.
    pub scope: ScopeId,
    /// The class whose body defines it.
    pub class: Option<ClassId>,
    pub method: MethodKind,
    pub is_generator: bool,
    pub is_async: bool,
}

impl<'a> FuncInfo<'a> {
    pub fn args(&self) -> &'a ast::Arguments {
        match self.node {
            FuncNode::Def(d) => &d.args,
            FuncNode::AsyncDef(d) => &d.args,
            FuncNode::Lambda(l) => &l.args,
        }
    }
    pub fn decorators(&self) -> &'a [Expr] {
        match self.node {
            FuncNode::Def(d) => &d.decorator_list,
            FuncNode::AsyncDef(d) => &d.decorator_list,
            FuncNode::Lambda(_) => &[],
        }
    }
    /// Byte offset where the definition ends.
    pub fn end(&self) -> usize {
        match self.node {
            FuncNode::Def(d) => end_of(d),
            FuncNode::AsyncDef(d) => end_of(d),
            FuncNode::Lambda(l) => end_of(l),
        }
    }
    pub fn is_lambda(&self) -> bool {
        matches!(self.node, FuncNode::Lambda(_))
    }
    /// For a property's function: whether it is the setter or deleter (`@x.setter`), not the
    /// getter.
    pub fn is_property_setter(&self) -> bool {
        self.method == MethodKind::Property
            && self.decorators().iter().any(|d| matches!(d, Expr::Attribute(a) if matches!(a.attr.as_str(), "setter" | "deleter")))
    }
    pub fn is_dunder(&self) -> bool {
        self.name.len() > 4 && self.name.starts_with("__") && self.name.ends_with("__")
    }
    /// Positional parameter names in order (positional-only first).
    pub fn positional(&self) -> impl Iterator<Item = &'a str> {
        let args = self.args();
        args.posonlyargs.iter().chain(&args.args).map(|a| a.def.arg.as_str())
    }
}

pub struct ClassInfo<'a> {
    pub id: ClassId,
    pub node: &'a ast::StmtClassDef,
    pub qualname: String,
    pub scope: ScopeId,
    /// Functions defined directly in the class body, by name.
    pub methods: FastMap<String, Vec<FuncId>>,
}

/// Everything defined in the program.
pub struct Index<'a> {
    pub scopes: Vec<Scope>,
    pub functions: FastMap<FuncId, FuncInfo<'a>>,
    pub classes: FastMap<ClassId, ClassInfo<'a>>,
    /// Module scope of each module (same order as `Program::modules`).
    pub module_scopes: Vec<ScopeId>,
    /// Module index by dotted name.
    pub module_names: FastMap<String, usize>,
    /// Dotted name of each module (same order as `Program::modules`).
    pub module_name: Vec<&'a str>,
}

impl<'a> Index<'a> {
    pub fn build(program: &'a Program) -> Self {
        let mut index = Index {
            scopes: Vec::new(),
            functions: FastMap::default(),
            classes: FastMap::default(),
            module_scopes: Vec::new(),
            module_names: FastMap::default(),
            module_name: Vec::new(),
        };
        for (m, module) in program.modules.iter().enumerate() {
            index.module_names.insert(module.name.clone(), m);
            index.module_name.push(&module.name);
            let scope = index.new_scope(m, ScopeKind::Module, None);
            index.module_scopes.push(scope);
            let mut builder = Builder { index: &mut index, module: m, scope, class: None, prefix: String::new() };
            builder.bind_body(&module.file.suite);
        }
        // `global x` in a function binds x in its module.
        let declared: Vec<(usize, String)> =
            index.scopes.iter().flat_map(|s| s.globals.iter().map(move |g| (s.module, g.clone()))).collect();
        for (m, name) in declared {
            let scope = index.module_scopes[m];
            index.scopes[scope].locals.insert(name);
        }
        index
    }

    fn new_scope(&mut self, module: usize, kind: ScopeKind, parent: Option<ScopeId>) -> ScopeId {
        self.scopes.push(Scope {
            module,
            kind,
            parent,
            locals: FastSet::default(),
            globals: FastSet::default(),
            imported: FastSet::default(),
            bound_otherwise: FastSet::default(),
        });
        self.scopes.len() - 1
    }

    /// The scope a name used in `scope` refers to; `None` for builtins (or undefined names).
    pub fn home(&self, scope: ScopeId, name: &str) -> Option<ScopeId> {
        let here = &self.scopes[scope];
        if here.globals.contains(name) {
            return Some(self.module_scopes[here.module]);
        }
        if here.locals.contains(name) {
            return Some(scope);
        }
        let mut next = here.parent;
        while let Some(id) = next {
            let s = &self.scopes[id];
            let visible = !matches!(s.kind, ScopeKind::Class(_));
            if visible && s.locals.contains(name) {
                return Some(id);
            }
            next = s.parent;
        }
        None
    }

    /// The module scope (globals) of module `m`.
    pub fn globals_of(&self, m: usize) -> ScopeId {
        self.module_scopes[m]
    }

    /// Display name of a function: `module.Class.method`.
    /// Display name of a class: `module.Class`.
    pub fn class_display(&self, c: &ClassInfo) -> String {
        let module = self.module_name.get(c.id.module).copied().unwrap_or("");
        if module.is_empty() {
            c.qualname.clone()
        } else {
            format!("{module}.{}", c.qualname)
        }
    }

    pub fn display(&self, id: FuncId) -> String {
        let module = self.module_name.get(id.module).copied().unwrap_or("");
        match self.functions.get(&id) {
            Some(f) if module.is_empty() => f.qualname.clone(),
            Some(f) => format!("{module}.{}", f.qualname),
            None => module.to_string(),
        }
    }
}

/// Fills the index from one module's AST.
struct Builder<'i, 'a> {
    index: &'i mut Index<'a>,
    module: usize,
    scope: ScopeId,
    class: Option<ClassId>,
    prefix: String,
}

impl<'a> Builder<'_, 'a> {
    fn bind(&mut self, name: &str) {
        let scope = &mut self.index.scopes[self.scope];
        scope.locals.insert(name.to_string());
        scope.bound_otherwise.insert(name.to_string());
    }

    /// A name bound by `from m import name`.
    fn bind_import(&mut self, name: &str) {
        let scope = &mut self.index.scopes[self.scope];
        scope.locals.insert(name.to_string());
        scope.imported.insert(name.to_string());
    }

    fn bind_body(&mut self, body: &'a [Stmt]) {
        self.visit_body(body);
    }

    fn bind_target(&mut self, target: &'a Expr) {
        match target {
            Expr::Name(n) => self.bind(n.id.as_str()),
            Expr::Tuple(t) => t.elts.iter().for_each(|e| self.bind_target(e)),
            Expr::List(t) => t.elts.iter().for_each(|e| self.bind_target(e)),
            Expr::Starred(s) => self.bind_target(&s.value),
            _ => {}
        }
        walk::walk_expr(self, target);
    }

    fn bind_params(&mut self, args: &'a ast::Arguments) {
        for a in args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs) {
            self.bind(a.def.arg.as_str());
        }
        for a in args.vararg.iter().chain(&args.kwarg) {
            self.bind(a.arg.as_str());
        }
    }

    /// Opens a function scope, records the function, and binds inside it.
    fn function(&mut self, node: FuncNode<'a>, start: usize, name: &str, body: FunctionBody<'a>) {
        let id = FuncId { module: self.module, start };
        let scope = self.index.new_scope(self.module, ScopeKind::Function(id), Some(self.scope));
        let qualname = format!("{}{}", self.prefix, name);
        let decorators: &[Expr] = match &node {
            FuncNode::Def(d) => &d.decorator_list,
            FuncNode::AsyncDef(d) => &d.decorator_list,
            FuncNode::Lambda(_) => &[],
        };
        let method = match self.class {
            None => MethodKind::Plain,
            Some(_) => method_kind(decorators),
        };
        let is_generator = match body {
            FunctionBody::Stmts(b) => contains_yield(b),
            FunctionBody::Expr(e) => expr_yields(e),
        };
        let is_async = matches!(node, FuncNode::AsyncDef(_));
        let args = match &node {
            FuncNode::Def(d) => &*d.args,
            FuncNode::AsyncDef(d) => &*d.args,
            FuncNode::Lambda(l) => &*l.args,
        };
        let info = FuncInfo { id, node, name: name.to_string(), qualname: qualname.clone(), scope, class: self.class, method, is_generator, is_async };
        self.index.functions.insert(id, info);
        if let Some(class) = self.class {
            if let Some(c) = self.index.classes.get_mut(&class) {
                c.methods.entry(name.to_string()).or_default().push(id);
            }
        }
        let mut inner = Builder { index: self.index, module: self.module, scope, class: None, prefix: format!("{qualname}.<locals>.") };
        inner.bind_params(args);
        match body {
            FunctionBody::Stmts(b) => inner.bind_body(b),
            FunctionBody::Expr(e) => inner.visit_expr(e),
        }
    }
}

#[derive(Clone, Copy)]
enum FunctionBody<'a> {
    Stmts(&'a [Stmt]),
    Expr(&'a Expr),
}

impl<'a> Visitor<'a> for Builder<'_, 'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(d) => {
                self.bind(d.name.as_str());
                d.decorator_list.iter().for_each(|e| self.visit_expr(e));
                walk::walk_arguments(self, &d.args);
                let start = usize::from(d.range.start());
                self.function(FuncNode::Def(d), start, d.name.as_str(), FunctionBody::Stmts(&d.body));
            }
            Stmt::AsyncFunctionDef(d) => {
                self.bind(d.name.as_str());
                d.decorator_list.iter().for_each(|e| self.visit_expr(e));
                walk::walk_arguments(self, &d.args);
                let start = usize::from(d.range.start());
                self.function(FuncNode::AsyncDef(d), start, d.name.as_str(), FunctionBody::Stmts(&d.body));
            }
            Stmt::ClassDef(c) => {
                self.bind(c.name.as_str());
                c.decorator_list.iter().for_each(|e| self.visit_expr(e));
                c.bases.iter().for_each(|e| self.visit_expr(e));
                let id = ClassId { module: self.module, start: usize::from(c.range.start()) };
                let scope = self.index.new_scope(self.module, ScopeKind::Class(id), Some(self.scope));
                let qualname = format!("{}{}", self.prefix, c.name);
                self.index.classes.insert(id, ClassInfo { id, node: c, qualname: qualname.clone(), scope, methods: FastMap::default() });
                let mut inner = Builder { index: self.index, module: self.module, scope, class: Some(id), prefix: format!("{qualname}.") };
                inner.bind_body(&c.body);
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    match &alias.asname {
                        Some(asname) => self.bind(asname.as_str()),
                        None => {
                            let first = alias.name.as_str().split('.').next().unwrap_or("");
                            self.bind(first);
                        }
                    }
                }
            }
            Stmt::ImportFrom(i) => {
                for alias in &i.names {
                    if alias.name.as_str() != "*" {
                        self.bind_import(alias.asname.as_ref().unwrap_or(&alias.name).as_str());
                    }
                }
            }
            Stmt::Global(g) => {
                for name in &g.names {
                    self.index.scopes[self.scope].globals.insert(name.to_string());
                }
            }
            Stmt::Assign(a) => {
                self.visit_expr(&a.value);
                a.targets.iter().for_each(|t| self.bind_target(t));
            }
            Stmt::AugAssign(a) => {
                self.bind_target(&a.target);
                self.visit_expr(&a.value);
            }
            Stmt::AnnAssign(a) => {
                a.value.iter().for_each(|v| self.visit_expr(v));
                if a.value.is_some() {
                    self.bind_target(&a.target);
                }
            }
            Stmt::For(f) => {
                self.visit_expr(&f.iter);
                self.bind_target(&f.target);
                self.visit_body(&f.body);
                self.visit_body(&f.orelse);
            }
            Stmt::AsyncFor(f) => {
                self.visit_expr(&f.iter);
                self.bind_target(&f.target);
                self.visit_body(&f.body);
                self.visit_body(&f.orelse);
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.visit_expr(&item.context_expr);
                    item.optional_vars.iter().for_each(|v| self.bind_target(v));
                }
                self.visit_body(&w.body);
            }
            Stmt::AsyncWith(w) => {
                for item in &w.items {
                    self.visit_expr(&item.context_expr);
                    item.optional_vars.iter().for_each(|v| self.bind_target(v));
                }
                self.visit_body(&w.body);
            }
            Stmt::Try(t) => {
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(name) = &h.name {
                        self.bind(name.as_str());
                    }
                }
                walk::walk_stmt(self, stmt);
            }
            Stmt::TryStar(t) => {
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(name) = &h.name {
                        self.bind(name.as_str());
                    }
                }
                walk::walk_stmt(self, stmt);
            }
            _ => walk::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Lambda(l) => {
                walk::walk_arguments(self, &l.args);
                let start = usize::from(l.range.start());
                self.function(FuncNode::Lambda(l), start, "<lambda>", FunctionBody::Expr(&l.body));
            }
            Expr::NamedExpr(n) => {
                self.bind_target(&n.target);
                self.visit_expr(&n.value);
            }
            Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::GeneratorExp(_) => {
                // Comprehension variables are bound in the enclosing scope here (a simplification:
                // Python gives them their own scope, which only matters for shadowing).
                for comp in comprehension_generators(expr) {
                    self.bind_target(&comp.target);
                }
                walk::walk_expr(self, expr);
            }
            _ => walk::walk_expr(self, expr),
        }
    }
}

/// The `for ... in ...` clauses of a comprehension expression.
pub fn comprehension_generators(expr: &Expr) -> &[ast::Comprehension] {
    match expr {
        Expr::ListComp(e) => &e.generators,
        Expr::SetComp(e) => &e.generators,
        Expr::DictComp(e) => &e.generators,
        Expr::GeneratorExp(e) => &e.generators,
        _ => &[],
    }
}

fn method_kind(decorators: &[Expr]) -> MethodKind {
    for d in decorators {
        match d {
            Expr::Name(n) if n.id.as_str() == "staticmethod" => return MethodKind::Static,
            Expr::Name(n) if n.id.as_str() == "classmethod" => return MethodKind::Class,
            Expr::Name(n) if n.id.as_str() == "property" || n.id.as_str() == "cached_property" => {
                return MethodKind::Property
            }
            Expr::Attribute(a) if matches!(a.attr.as_str(), "setter" | "getter" | "deleter" | "cached_property") => {
                return MethodKind::Property
            }
            _ => {}
        }
    }
    MethodKind::Instance
}

/// Whether a function body yields (not counting nested functions, lambdas and classes).
fn contains_yield(body: &[Stmt]) -> bool {
    struct Finder(bool);
    impl<'a> Visitor<'a> for Finder {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            match stmt {
                Stmt::FunctionDef(_) | Stmt::AsyncFunctionDef(_) | Stmt::ClassDef(_) => {}
                _ => walk::walk_stmt(self, stmt),
            }
        }
        fn visit_expr(&mut self, expr: &'a Expr) {
            match expr {
                Expr::Yield(_) | Expr::YieldFrom(_) => self.0 = true,
                Expr::Lambda(_) => {}
                _ => walk::walk_expr(self, expr),
            }
        }
    }
    let mut finder = Finder(false);
    finder.visit_body(body);
    finder.0
}

fn expr_yields(expr: &Expr) -> bool {
    matches!(expr, Expr::Yield(_) | Expr::YieldFrom(_))
}

/// Byte offset where a statement or expression starts.
pub fn start_of<T: Ranged>(node: &T) -> usize {
    usize::from(node.range().start())
}

/// Byte offset where a statement or expression ends.
pub fn end_of<T: Ranged>(node: &T) -> usize {
    usize::from(node.range().end())
}
