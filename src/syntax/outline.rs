//! The outline of a module: its imports, exports, functions and classes at
//! the top level, each with the line it starts on. `lib/js/outline.js` gives
//! the same answer from Babel's AST; keep the two in step.

use super::{guarded_as, parse_clean, too_deep, Lang, START};
use crate::error::Result;
use crate::text::LineIndex;
use swc_ecma_ast as ast;

/// One named thing in an outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineItem {
    /// The local name (imports), the exported name (exports: `default`, `*`,
    /// `export=`), or the declared name.
    pub name: String,
    /// 1-based line.
    pub line: usize,
    /// For imports: the module specifier.
    pub source: Option<String>,
}

/// The top-level shape of a module.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outline {
    /// One per imported binding (`import`, `import x = require()`, and
    /// top-level `const x = require('m')`); a bare `import 'm'` has name "".
    pub imports: Vec<OutlineItem>,
    /// Exported names, including CommonJS `exports.x =` / `module.exports =`.
    pub exports: Vec<OutlineItem>,
    /// Top-level function declarations and functions bound to a variable.
    pub functions: Vec<OutlineItem>,
    /// Top-level class declarations and classes bound to a variable.
    pub classes: Vec<OutlineItem>,
}

struct Builder<'a> {
    index: LineIndex<'a>,
    out: Outline,
}

fn str_value(s: &ast::Str) -> String {
    s.value.to_string_lossy().into_owned()
}

fn export_name(n: &ast::ModuleExportName) -> String {
    match n {
        ast::ModuleExportName::Ident(i) => i.sym.to_string(),
        ast::ModuleExportName::Str(s) => str_value(s),
        #[allow(unreachable_patterns)]
        _ => String::new(),
    }
}

/// `require('m')` with a string literal: the `m`.
fn require_source(e: &ast::Expr) -> Option<String> {
    let ast::Expr::Call(call) = e else { return None };
    let ast::Callee::Expr(callee) = &call.callee else { return None };
    let ast::Expr::Ident(id) = &**callee else { return None };
    if &*id.sym != "require" || call.args.len() != 1 {
        return None;
    }
    match &*call.args[0].expr {
        ast::Expr::Lit(ast::Lit::Str(s)) => Some(str_value(s)),
        _ => None,
    }
}

/// The dotted path of a member expression like `module.exports.x`.
fn member_path(e: &ast::Expr) -> Option<Vec<String>> {
    match e {
        ast::Expr::Ident(i) => Some(vec![i.sym.to_string()]),
        ast::Expr::Member(m) => {
            let mut p = member_path(&m.obj)?;
            match &m.prop {
                ast::MemberProp::Ident(i) => p.push(i.sym.to_string()),
                _ => return None,
            }
            Some(p)
        }
        _ => None,
    }
}

impl<'a> Builder<'a> {
    fn line(&self, span: swc_common::Span) -> usize {
        self.index.line_col(span.lo.0.saturating_sub(START) as usize).0
    }

    fn item(&self, name: String, span: swc_common::Span, source: Option<String>) -> OutlineItem {
        OutlineItem { name, line: self.line(span), source }
    }

    fn import(&mut self, d: &ast::ImportDecl) {
        let source = str_value(&d.src);
        if d.specifiers.is_empty() {
            let it = self.item(String::new(), d.span, Some(source));
            self.out.imports.push(it);
            return;
        }
        for s in &d.specifiers {
            let local = match s {
                ast::ImportSpecifier::Named(n) => &n.local,
                ast::ImportSpecifier::Default(n) => &n.local,
                ast::ImportSpecifier::Namespace(n) => &n.local,
            };
            let it = self.item(local.sym.to_string(), local.span, Some(source.clone()));
            self.out.imports.push(it);
        }
    }

    /// A top-level variable declaration: requires, functions, classes; and
    /// its names as exports when `exported`.
    fn var(&mut self, v: &ast::VarDecl, exported: Option<swc_common::Span>) {
        for d in &v.decls {
            let init = d.init.as_deref();
            match &d.name {
                ast::Pat::Ident(id) => {
                    let name = id.id.sym.to_string();
                    if let Some(span) = exported {
                        let it = self.item(name.clone(), span, None);
                        self.out.exports.push(it);
                    }
                    match init {
                        Some(ast::Expr::Arrow(_) | ast::Expr::Fn(_)) => {
                            let it = self.item(name, id.id.span, None);
                            self.out.functions.push(it);
                        }
                        Some(ast::Expr::Class(_)) => {
                            let it = self.item(name, id.id.span, None);
                            self.out.classes.push(it);
                        }
                        Some(e) => {
                            if let Some(src) = require_source(e) {
                                let it = self.item(name, id.id.span, Some(src));
                                self.out.imports.push(it);
                            }
                        }
                        None => {}
                    }
                }
                ast::Pat::Object(obj) => {
                    let src = init.and_then(require_source);
                    for p in &obj.props {
                        let binding = match p {
                            ast::ObjectPatProp::Assign(a) => Some((a.key.sym.to_string(), a.key.span)),
                            ast::ObjectPatProp::KeyValue(kv) => match &*kv.value {
                                ast::Pat::Ident(i) => Some((i.id.sym.to_string(), i.id.span)),
                                _ => None,
                            },
                            ast::ObjectPatProp::Rest(_) => None,
                        };
                        let Some((name, span)) = binding else { continue };
                        if let Some(s) = exported {
                            let it = self.item(name.clone(), s, None);
                            self.out.exports.push(it);
                        }
                        if let Some(src) = &src {
                            let it = self.item(name, span, Some(src.clone()));
                            self.out.imports.push(it);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    fn decl(&mut self, d: &ast::Decl, exported: Option<swc_common::Span>) {
        let named = |name: String, this: &mut Self| {
            if let Some(span) = exported {
                let it = this.item(name, span, None);
                this.out.exports.push(it);
            }
        };
        match d {
            ast::Decl::Fn(f) => {
                let it = self.item(f.ident.sym.to_string(), exported.unwrap_or(f.function.span), None);
                self.out.functions.push(it);
                named(f.ident.sym.to_string(), self);
            }
            ast::Decl::Class(c) => {
                let it = self.item(c.ident.sym.to_string(), exported.unwrap_or(c.class.span), None);
                self.out.classes.push(it);
                named(c.ident.sym.to_string(), self);
            }
            ast::Decl::Var(v) => self.var(v, exported),
            ast::Decl::TsInterface(i) => named(i.id.sym.to_string(), self),
            ast::Decl::TsTypeAlias(t) => named(t.id.sym.to_string(), self),
            ast::Decl::TsEnum(e) => named(e.id.sym.to_string(), self),
            ast::Decl::TsModule(m) => match &m.id {
                ast::TsModuleName::Ident(i) => named(i.sym.to_string(), self),
                ast::TsModuleName::Str(s) => named(str_value(s), self),
            },
            _ => {}
        }
    }

    fn module_decl(&mut self, d: &ast::ModuleDecl) {
        match d {
            ast::ModuleDecl::Import(i) => self.import(i),
            ast::ModuleDecl::ExportDecl(e) => self.decl(&e.decl, Some(e.span)),
            ast::ModuleDecl::ExportNamed(n) => {
                for s in &n.specifiers {
                    let (name, span) = match s {
                        ast::ExportSpecifier::Named(x) => {
                            (export_name(x.exported.as_ref().unwrap_or(&x.orig)), x.span)
                        }
                        ast::ExportSpecifier::Namespace(x) => (export_name(&x.name), x.span),
                        ast::ExportSpecifier::Default(x) => (x.exported.sym.to_string(), x.exported.span),
                    };
                    let it = self.item(name, span, None);
                    self.out.exports.push(it);
                }
            }
            ast::ModuleDecl::ExportAll(a) => {
                let it = self.item("*".into(), a.span, None);
                self.out.exports.push(it);
            }
            ast::ModuleDecl::ExportDefaultDecl(e) => {
                match &e.decl {
                    ast::DefaultDecl::Fn(f) => {
                        let name = f.ident.as_ref().map_or("default".into(), |i| i.sym.to_string());
                        let it = self.item(name, e.span, None);
                        self.out.functions.push(it);
                    }
                    ast::DefaultDecl::Class(c) => {
                        let name = c.ident.as_ref().map_or("default".into(), |i| i.sym.to_string());
                        let it = self.item(name, e.span, None);
                        self.out.classes.push(it);
                    }
                    _ => {}
                }
                let it = self.item("default".into(), e.span, None);
                self.out.exports.push(it);
            }
            ast::ModuleDecl::ExportDefaultExpr(e) => {
                let it = self.item("default".into(), e.span, None);
                self.out.exports.push(it);
            }
            ast::ModuleDecl::TsImportEquals(i) => {
                if let ast::TsModuleRef::TsExternalModuleRef(r) = &i.module_ref {
                    let it = self.item(i.id.sym.to_string(), i.id.span, Some(str_value(&r.expr)));
                    self.out.imports.push(it);
                }
                if i.is_export {
                    let it = self.item(i.id.sym.to_string(), i.span, None);
                    self.out.exports.push(it);
                }
            }
            ast::ModuleDecl::TsExportAssignment(e) => {
                let it = self.item("export=".into(), e.span, None);
                self.out.exports.push(it);
            }
            _ => {}
        }
    }

    fn stmt(&mut self, s: &ast::Stmt) {
        match s {
            ast::Stmt::Decl(d) => self.decl(d, None),
            ast::Stmt::Expr(e) => {
                // CommonJS exports: `module.exports = ...`, `exports.x = ...`,
                // `module.exports.x = ...`.
                let ast::Expr::Assign(a) = &*e.expr else { return };
                let ast::AssignTarget::Simple(ast::SimpleAssignTarget::Member(m)) = &a.left else { return };
                let Some(path) = member_path(&ast::Expr::Member(m.clone())) else { return };
                let name = match path.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
                    ["module", "exports"] => "module.exports".to_string(),
                    ["module", "exports", x] | ["exports", x] => x.to_string(),
                    _ => return,
                };
                let it = self.item(name, e.span, None);
                self.out.exports.push(it);
            }
            _ => {}
        }
    }
}

/// The outline of `src` as `lang`; `ERR_CFN_SYNTAX` if it does not parse.
pub fn outline(src: &str, lang: Lang) -> Result<Outline> {
    guarded_as(src, lang, || {
        let program = parse_clean(src, lang)?;
        let mut b = Builder { index: LineIndex::new(src.as_bytes()), out: Outline::default() };
        match &program {
            ast::Program::Module(m) => {
                for item in &m.body {
                    match item {
                        ast::ModuleItem::ModuleDecl(d) => b.module_decl(d),
                        ast::ModuleItem::Stmt(s) => b.stmt(s),
                        #[allow(unreachable_patterns)]
                        _ => {}
                    }
                }
            }
            ast::Program::Script(s) => {
                for st in &s.body {
                    b.stmt(st);
                }
            }
            #[allow(unreachable_patterns)]
            _ => {}
        }
        let mut out = b.out;
        for list in [&mut out.imports, &mut out.exports, &mut out.functions, &mut out.classes] {
            list.sort_by_key(|i| i.line);
        }
        Ok(out)
    })
    .map_err(too_deep)?
}
