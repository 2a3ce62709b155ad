//! The redeclarations TypeScript's checker reports that oxc's semantic
//! checker leaves to it (oxc 0.146 binds with TypeScript's merging rules,
//! but these are decided by tsc's checker, not its binder):
//!
//! - two implementations of one function in one statement list (TS2393);
//! - a class and a function of the same name, unless the class is ambient
//!   (TS2813, TS2814);
//! - two constructor implementations in one class (TS2392);
//! - a module exporting one name twice (TS2300, TS2323) or two defaults
//!   (TS2528), with tsc's exceptions: namespaces, enums, overloads,
//!   interfaces, and a type alias beside one value;
//! - an object literal with two properties of one name (TS1117, TS2300),
//!   except one getter with one setter;
//! - `export =` beside other exports (TS2309), which oxc reports itself but
//!   Babel does not: here so that the two checkers hold the same rules.
//!
//! A false error stops an agent for nothing, a miss only lets one through:
//! where tsc would need types to decide (a computed key that is a constant,
//! exports merged across namespace blocks) nothing is reported.
//! `lib/js/ts-redeclare.js` applies the same rules to Babel's AST; keep the
//! two in step.

use oxc_ast::ast::*;
use oxc_ast_visit::{walk, Visit};
use oxc_span::GetSpan;
use std::collections::HashMap;

/// A redeclaration: where (byte offset of the second name) and what.
pub(super) type Finding = (u32, String);

/// The redeclarations in `program`; `ambient` for declaration files.
pub(super) fn check(program: &Program, ambient: bool) -> Vec<Finding> {
    let mut c = Checker { found: Vec::new(), ambient: u32::from(ambient) };
    module_exports(&program.body, &mut c.found);
    c.visit_program(program);
    c.found
}

struct Checker {
    found: Vec<Finding>,
    /// Depth of ambient contexts (`declare namespace`, `declare module`,
    /// `declare global`, a declaration file) around the current node.
    ambient: u32,
}

/// The function or class a statement declares, looking through `export`.
fn declared(stmt: &Statement<'_>) -> Option<Declared> {
    let decl: &Declaration = match stmt {
        Statement::ExportDeclaration(e) => &e.declaration,
        Statement::ExportDefaultDeclaration(e) => return default_declared(&e.declaration),
        other => other.as_declaration()?,
    };
    match decl {
        Declaration::FunctionDeclaration(f) => function_declared(f),
        Declaration::ClassDeclaration(c) => class_declared(c),
        _ => None,
    }
}

/// `export default function f() {}` and `export default class C {}` bind
/// `f` and `C` in the module scope too.
fn default_declared(decl: &ExportDefaultDeclarationKind<'_>) -> Option<Declared> {
    match decl {
        ExportDefaultDeclarationKind::FunctionDeclaration(f) => function_declared(f),
        ExportDefaultDeclarationKind::ClassDeclaration(c) => class_declared(c),
        _ => None,
    }
}

fn function_declared(f: &Function<'_>) -> Option<Declared> {
    let id = f.id.as_ref()?;
    Some(Declared { name: id.name.as_str().to_owned(), at: id.span.start, class: None, body: f.body.is_some() })
}

fn class_declared(c: &Class<'_>) -> Option<Declared> {
    let id = c.id.as_ref()?;
    Some(Declared { name: id.name.as_str().to_owned(), at: id.span.start, class: Some(c.declare), body: false })
}

struct Declared {
    name: String,
    at: u32,
    /// `Some(declare)` for a class, `None` for a function.
    class: Option<bool>,
    /// A function with a body (an implementation, not an overload).
    body: bool,
}

impl Checker {
    /// Functions and classes of one statement list (one scope).
    fn statement_list<'s, 'a: 's>(&mut self, stmts: impl Iterator<Item = &'s Statement<'a>>) {
        // name -> (an implementation seen, a function seen, a non-ambient class seen)
        let mut seen: HashMap<String, (bool, bool, bool)> = HashMap::new();
        for d in stmts.filter_map(declared) {
            let entry = seen.entry(d.name.clone()).or_default();
            match d.class {
                None => {
                    if d.body && entry.0 {
                        self.found.push((d.at, format!("Duplicate function implementation '{}' (TS2393)", d.name)));
                    } else if entry.2 {
                        self.found.push((d.at, format!("Function '{}' cannot merge with a class that is not ambient (TS2814)", d.name)));
                    }
                    entry.0 |= d.body;
                    entry.1 = true;
                }
                Some(declare) => {
                    let ambient = declare || self.ambient > 0;
                    if !ambient && entry.1 {
                        self.found.push((d.at, format!("Class declaration cannot implement overload list for '{}' (TS2813)", d.name)));
                    }
                    entry.2 |= !ambient;
                }
            }
        }
    }

    fn in_ambient(&mut self, declare: bool, walk: impl FnOnce(&mut Self)) {
        self.ambient += u32::from(declare);
        walk(self);
        self.ambient -= u32::from(declare);
    }
}

impl<'a> Visit<'a> for Checker {
    fn visit_program(&mut self, it: &Program<'a>) {
        export_assignment(&it.body, &mut self.found);
        walk::walk_program(self, it);
    }

    fn visit_statements(&mut self, it: &oxc_allocator::Vec<'a, Statement<'a>>) {
        self.statement_list(it.iter());
        walk::walk_statements(self, it);
    }

    fn visit_switch_statement(&mut self, it: &SwitchStatement<'a>) {
        // The cases of one switch share one scope (see visit_switch_case).
        self.statement_list(it.cases.iter().flat_map(|c| c.consequent.iter()));
        walk::walk_switch_statement(self, it);
    }

    fn visit_switch_case(&mut self, it: &SwitchCase<'a>) {
        if let Some(test) = &it.test {
            self.visit_expression(test);
        }
        walk::walk_statements(self, &it.consequent);
    }

    fn visit_ts_module_block(&mut self, it: &TSModuleBlock<'a>) {
        export_assignment(&it.body, &mut self.found);
        walk::walk_ts_module_block(self, it);
    }

    fn visit_ts_namespace_declaration(&mut self, it: &TSNamespaceDeclaration<'a>) {
        self.in_ambient(it.declare, |c| walk::walk_ts_namespace_declaration(c, it));
    }

    fn visit_ts_external_module_declaration(&mut self, it: &TSExternalModuleDeclaration<'a>) {
        self.in_ambient(true, |c| walk::walk_ts_external_module_declaration(c, it));
    }

    fn visit_ts_global_declaration(&mut self, it: &TSGlobalDeclaration<'a>) {
        // Not through visit_ts_module_block: `declare global` is no module.
        self.in_ambient(true, |c| c.visit_statements(&it.body.body));
    }

    fn visit_class_body(&mut self, it: &ClassBody<'a>) {
        // Duplicate methods and properties oxc's class checker reports
        // already; constructors it does not count.
        let mut implemented = false;
        for el in &it.body {
            let ClassElement::MethodDefinition(m) = el else { continue };
            if m.kind != MethodDefinitionKind::Constructor || m.value.body.is_none() {
                continue;
            }
            if implemented {
                self.found.push((m.key.span().start, "Multiple constructor implementations are not allowed (TS2392)".into()));
            }
            implemented = true;
        }
        walk::walk_class_body(self, it);
    }

    fn visit_object_expression(&mut self, it: &ObjectExpression<'a>) {
        object_literal(it, &mut self.found);
        walk::walk_object_expression(self, it);
    }
}

/// The name tsc gives a property key without types: identifiers, strings,
/// numbers (as JavaScript prints them), templates without substitutions,
/// computed or not. `None` where tsc would need the type of an expression.
fn key_name(key: &PropertyKey<'_>) -> Option<String> {
    match key {
        PropertyKey::StaticIdentifier(id) => Some(id.name.as_str().to_owned()),
        PropertyKey::StringLiteral(s) => Some(s.value.as_str().to_owned()),
        PropertyKey::TemplateLiteral(t) => t.single_quasi().map(|q| q.as_str().to_owned()),
        PropertyKey::NumericLiteral(n) => number_name(n.value),
        _ => None,
    }
}

/// `String(value)` in JavaScript, where Rust prints the same digits (plain
/// notation); `None` where JavaScript switches to exponents.
fn number_name(value: f64) -> Option<String> {
    let plain = value == 0.0 || (1e-6..1e21).contains(&value.abs());
    plain.then(|| format!("{value}"))
}

/// One object literal: a name twice is an error unless it is one getter
/// and one setter.
fn object_literal(obj: &ObjectExpression<'_>, found: &mut Vec<Finding>) {
    // name -> (a getter seen, a setter seen, a value or method seen)
    let mut seen: HashMap<String, (bool, bool, bool)> = HashMap::new();
    for prop in &obj.properties {
        let ObjectPropertyKind::ObjectProperty(p) = prop else { continue };
        let Some(name) = key_name(&p.key) else { continue };
        let entry = seen.entry(name).or_default();
        let clash = match p.kind {
            PropertyKind::Get => std::mem::replace(&mut entry.0, true) || entry.2,
            PropertyKind::Set => std::mem::replace(&mut entry.1, true) || entry.2,
            PropertyKind::Init => std::mem::replace(&mut entry.2, true) || entry.0 || entry.1,
        };
        if clash {
            let at = p.key.span().start;
            found.push((at, "An object literal cannot have multiple properties with the same name (TS1117)".into()));
        }
    }
}

/// `export =` beside other exports (TS2309), as oxc's checker has it (the
/// js backend's Babel does not check it).
fn export_assignment(body: &[Statement<'_>], found: &mut Vec<Finding>) {
    let other = body.iter().any(|s| match s {
        Statement::ExportNamedDeclaration(e) => !e.specifiers.is_empty(),
        Statement::ExportFromDeclaration(e) => !e.specifiers.is_empty(),
        Statement::ExportDeclaration(_) | Statement::ExportDefaultDeclaration(_) | Statement::ExportAllDeclaration(_) => true,
        _ => false,
    });
    if !other {
        return;
    }
    for s in body {
        if let Statement::TSExportAssignment(e) = s {
            found.push((e.span.start, "An export assignment cannot be used in a module with other exported elements (TS2309)".into()));
        }
    }
}

/// What one export contributes to a name of the module's exports.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Export {
    /// `export { a }`, `export * as a from`, `export import a =`.
    Alias,
    /// `export default <expression>`.
    DefaultExpression,
    /// A function with a body, a variable, a class.
    Value,
    /// A function overload or an interface: never counted.
    Uncounted,
    /// A namespace or an enum: the name is exempt.
    Merging,
    /// A type alias: may stand beside one value.
    TypeAlias,
}

fn push_export(entries: &mut Vec<(String, u32, Export)>, name: &str, at: u32, kind: Export) {
    entries.push((name.to_owned(), at, kind));
}

fn declaration_exports(decl: &Declaration<'_>, entries: &mut Vec<(String, u32, Export)>) {
    match decl {
        Declaration::VariableDeclaration(v) => {
            for d in &v.declarations {
                for id in d.id.get_binding_identifiers() {
                    push_export(entries, &id.name, id.span.start, Export::Value);
                }
            }
        }
        Declaration::FunctionDeclaration(f) => {
            if let Some(id) = &f.id {
                let kind = if f.body.is_some() { Export::Value } else { Export::Uncounted };
                push_export(entries, &id.name, id.span.start, kind);
            }
        }
        Declaration::ClassDeclaration(c) => {
            if let Some(id) = &c.id {
                push_export(entries, &id.name, id.span.start, Export::Value);
            }
        }
        Declaration::TSInterfaceDeclaration(i) => push_export(entries, &i.id.name, i.id.span.start, Export::Uncounted),
        Declaration::TSTypeAliasDeclaration(t) => push_export(entries, &t.id.name, t.id.span.start, Export::TypeAlias),
        Declaration::TSEnumDeclaration(e) => push_export(entries, &e.id.name, e.id.span.start, Export::Merging),
        Declaration::TSNamespaceDeclaration(n) => push_export(entries, &n.id.name, n.id.span.start, Export::Merging),
        Declaration::TSImportEqualsDeclaration(i) => push_export(entries, &i.id.name, i.id.span.start, Export::Alias),
        Declaration::TSExternalModuleDeclaration(_) | Declaration::TSGlobalDeclaration(_) => {}
    }
}

/// tsc's rules for the names a module exports (its binder's exclusions in
/// the exports table, then `checkExternalModuleExports`).
fn module_exports(body: &[Statement<'_>], found: &mut Vec<Finding>) {
    let mut entries: Vec<(String, u32, Export)> = Vec::new();
    for stmt in body {
        match stmt {
            Statement::ExportDeclaration(e) => declaration_exports(&e.declaration, &mut entries),
            Statement::ExportNamedDeclaration(e) => {
                for s in &e.specifiers {
                    push_export(&mut entries, &s.exported.name(), s.exported.span().start, Export::Alias);
                }
            }
            Statement::ExportFromDeclaration(e) => {
                for s in &e.specifiers {
                    push_export(&mut entries, &s.exported.name(), s.exported.span().start, Export::Alias);
                }
            }
            Statement::ExportAllDeclaration(e) => {
                if let Some(name) = &e.exported {
                    push_export(&mut entries, &name.name(), name.span().start, Export::Alias);
                }
            }
            Statement::ExportDefaultDeclaration(e) => {
                let kind = match &e.declaration {
                    ExportDefaultDeclarationKind::FunctionDeclaration(f) if f.body.is_none() => Export::Uncounted,
                    ExportDefaultDeclarationKind::FunctionDeclaration(_) | ExportDefaultDeclarationKind::ClassDeclaration(_) => {
                        Export::Value
                    }
                    ExportDefaultDeclarationKind::TSInterfaceDeclaration(_) => Export::Uncounted,
                    _ => Export::DefaultExpression,
                };
                push_export(&mut entries, "default", e.span.start, kind);
            }
            _ => {}
        }
    }
    if entries.len() < 2 {
        return;
    }
    let mut by_name: HashMap<&str, Vec<(u32, Export)>> = HashMap::new();
    for (name, at, kind) in &entries {
        by_name.entry(name.as_str()).or_default().push((*at, *kind));
    }
    for (name, list) in by_name {
        if let Some(at) = export_clash(&list) {
            let message = if name == "default" {
                "A module cannot have multiple default exports (TS2528)".to_owned()
            } else {
                format!("Cannot redeclare exported name '{name}' (TS2323)")
            };
            found.push((at, message));
        }
    }
}

/// Where the exports of one name clash, if they do.
fn export_clash(list: &[(u32, Export)]) -> Option<u32> {
    // The binder: an alias excludes another alias, a default expression
    // excludes everything.
    for (i, (at, kind)) in list.iter().enumerate().skip(1) {
        let before = &list[..i];
        let clash = match kind {
            Export::Alias => before.iter().any(|(_, k)| *k == Export::Alias),
            Export::DefaultExpression => true,
            _ => false,
        };
        if clash {
            return Some(*at);
        }
    }
    // The checker: more than one counted declaration.
    if list.iter().any(|(_, k)| *k == Export::Merging) {
        return None;
    }
    let counted: Vec<u32> = list.iter().filter(|(_, k)| *k != Export::Uncounted).map(|(at, _)| *at).collect();
    let type_alias = list.iter().any(|(_, k)| *k == Export::TypeAlias);
    if counted.len() > 1 && !(type_alias && counted.len() <= 2) {
        return counted.last().copied();
    }
    None
}
