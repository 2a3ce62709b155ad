//! Whether the engine would load a file: the syntax *and* the static
//! semantics that ECMAScript calls early errors (redeclarations, duplicate
//! exports, invalid regular expressions, private names, `super`, labels,
//! strict-mode rules, `await`/`yield` placement, class element rules, ...).
//!
//! swc's parser, which `parse` and `outline` use, checks syntax only; the
//! verdict comes from oxc's parser and its semantic checker instead, a
//! maintained implementation of exactly these rules (its binder declares
//! every binding into its scope and reports redeclarations as it goes, with
//! TypeScript's merging rules for `.ts`). On test262's `test/language` it
//! accepts every positive test and rejects every negative one (see the
//! README's syntax section for the counts and the test that asserts them).
//!
//! What oxc does not know is how Node loads a `.js` file: that is decided
//! here (see [`SourceKind`]), along with the one early error CommonJS adds
//! (a top-level `let`/`const`/`class` named like one of the wrapper
//! function's parameters).

use super::{Diagnostic, Lang};
use crate::error::{CfnError, Result};
use crate::text::LineIndex;
use oxc_allocator::Allocator;
use oxc_ast::ast::{Program, Statement, VariableDeclarationKind};
use oxc_diagnostics::OxcDiagnostic;
use oxc_parser::{ParseOptions, Parser};
use oxc_semantic::SemanticBuilder;
use oxc_span::SourceType;
use std::cell::RefCell;

/// How a file is loaded, which decides the grammar it must meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// An ECMAScript module: strict, `import`/`export`, top-level `await`.
    Module,
    /// A classic script: sloppy unless it says `"use strict"`.
    Script,
    /// A CommonJS module: a script wrapped in Node's function
    /// `(exports, require, module, __filename, __dirname)`, so top-level
    /// `return` and `new.target` are allowed and the five names cannot be
    /// redeclared lexically.
    CommonJs,
    /// Decided by the content. For JavaScript, as Node 20 decides a `.js`
    /// file with no `"type"` in its package.json: CommonJS, unless it does
    /// not compile as CommonJS and does as a module (Node's module syntax
    /// detection). For TypeScript, as `tsc` does: a module when it has
    /// `import`/`export`, else a script.
    Unambiguous,
}

impl SourceKind {
    /// Parses `module`, `script`, `commonjs` or `unambiguous`.
    pub fn parse(name: &str) -> Result<SourceKind> {
        Ok(match name {
            "module" => SourceKind::Module,
            "script" => SourceKind::Script,
            "commonjs" => SourceKind::CommonJs,
            "unambiguous" => SourceKind::Unambiguous,
            other => {
                return Err(CfnError::InvalidArg(format!(
                    "sourceType must be one of module, script, commonjs, unambiguous; got '{other}'"
                )))
            }
        })
    }

    /// The source kind a file of `lang` has when nothing else says: `.mjs`
    /// and `.mts` are modules, `.cjs` CommonJS, the rest decided by content.
    pub fn default_for(lang: Lang) -> SourceKind {
        match lang {
            Lang::Mjs | Lang::Mts => SourceKind::Module,
            Lang::Cjs => SourceKind::CommonJs,
            _ => SourceKind::Unambiguous,
        }
    }
}

/// Names Node's CommonJS wrapper binds as parameters.
const CJS_WRAPPER_PARAMS: [&str; 5] = ["exports", "require", "module", "__filename", "__dirname"];

thread_local! {
    /// One arena per thread, reset between files: the AST is never dropped
    /// node by node and the arena's chunks are reused.
    static ARENA: RefCell<Allocator> = RefCell::new(Allocator::default());
}

/// The errors of `src` as `lang` loaded as `kind`, with byte offsets, in
/// source order; empty when the engine would load it.
pub(super) fn errors(src: &str, lang: Lang, kind: SourceKind) -> Vec<(usize, Diagnostic)> {
    match kind {
        SourceKind::Unambiguous if !lang.is_typescript() => node_detected(src, lang),
        _ => errors_as(src, lang, kind),
    }
}

/// Node's module syntax detection: valid when the file compiles as
/// CommonJS or, failing that, as a module. When it compiles as neither, the
/// errors reported are those of the reading that got further into the file
/// (an ES module with a typo deep inside fails as CommonJS at its first
/// `import`); a tie goes to CommonJS, Node's first reading.
fn node_detected(src: &str, lang: Lang) -> Vec<(usize, Diagnostic)> {
    // Which reading goes first changes only the cost, never the verdict:
    // files that mention `import`/`export` are tried as modules first.
    let looks_esm = memchr::memmem::find(src.as_bytes(), b"import").is_some()
        || memchr::memmem::find(src.as_bytes(), b"export").is_some();
    let order = if looks_esm { [SourceKind::Module, SourceKind::CommonJs] } else { [SourceKind::CommonJs, SourceKind::Module] };
    let first = errors_as(src, lang, order[0]);
    if first.is_empty() {
        return first;
    }
    let second = errors_as(src, lang, order[1]);
    if second.is_empty() {
        return second;
    }
    let (cjs, esm) = if order[0] == SourceKind::CommonJs { (first, second) } else { (second, first) };
    if esm[0].0 > cjs[0].0 {
        esm
    } else {
        cjs
    }
}

fn source_type(lang: Lang, kind: SourceKind) -> SourceType {
    let base = match lang {
        Lang::Js | Lang::Jsx | Lang::Mjs | Lang::Cjs => SourceType::jsx(),
        Lang::Ts | Lang::Mts | Lang::Cts => SourceType::ts(),
        Lang::Tsx => SourceType::tsx(),
        Lang::Dts => SourceType::d_ts(),
    };
    match kind {
        SourceKind::Module => base.with_module(true),
        SourceKind::Script => base.with_script(true),
        SourceKind::CommonJs => base.with_commonjs(true),
        SourceKind::Unambiguous => base.with_unambiguous(true),
    }
}

/// The errors of one reading: oxc's parse, then (when it parsed) its
/// semantic checker, then CommonJS's wrapper rule.
fn errors_as(src: &str, lang: Lang, kind: SourceKind) -> Vec<(usize, Diagnostic)> {
    ARENA.with(|arena| {
        // A re-entrant call (none today) gets an arena of its own.
        let mut own;
        let mut guard = arena.try_borrow_mut();
        let alloc: &mut Allocator = match guard.as_deref_mut() {
            Ok(a) => a,
            Err(_) => {
                own = Allocator::default();
                &mut own
            }
        };
        alloc.reset();
        let options = ParseOptions {
            parse_regular_expression: true,
            allow_return_outside_function: kind == SourceKind::CommonJs,
            ..ParseOptions::default()
        };
        let parsed = Parser::new(alloc, src, source_type(lang, kind)).with_options(options).parse();
        let mut found: Vec<&OxcDiagnostic> = parsed.diagnostics.errors().collect();
        let semantic;
        if found.is_empty() && !parsed.panicked {
            semantic = SemanticBuilder::new().with_check_syntax_error(true).build(&parsed.program);
            found.extend(semantic.diagnostics.errors());
        }
        let mut out = located(src, &found);
        if parsed.panicked && out.is_empty() {
            out.push((0, Diagnostic { message: "Unexpected end of input".into(), line: 1, column: 1 }));
        }
        if out.is_empty() && kind == SourceKind::CommonJs {
            out = wrapper_redeclarations(src, &parsed.program);
        }
        out
    })
}

/// Where a diagnostic points: its primary label, else the latest of its
/// labels (a redeclaration labels the first declaration and then the one
/// that is an error; V8 reports the second).
fn offset_of(d: &OxcDiagnostic) -> usize {
    let labels: &[oxc_diagnostics::LabeledSpan] = &d.labels;
    labels
        .iter()
        .find(|l| l.primary())
        .or_else(|| labels.iter().max_by_key(|l| l.offset()))
        .map_or(0, |l| l.offset() as usize)
}

fn located(src: &str, found: &[&OxcDiagnostic]) -> Vec<(usize, Diagnostic)> {
    if found.is_empty() {
        return Vec::new(); // the common case: no line table needed
    }
    let index = LineIndex::new(src.as_bytes());
    let mut out: Vec<(usize, Diagnostic)> = found
        .iter()
        .map(|d| {
            let at = offset_of(d).min(src.len());
            let (line, column) = index.line_col(at);
            (at, Diagnostic { message: d.message.to_string(), line, column })
        })
        .collect();
    out.sort_by_key(|(at, _)| *at);
    out.dedup_by(|a, b| a.1 == b.1);
    out
}

/// `let`/`const`/`using`/`class` at the top level of a CommonJS module that
/// bind one of the wrapper's parameter names: V8 compiles the module as a
/// function body, where that is a redeclaration.
fn wrapper_redeclarations(src: &str, program: &Program) -> Vec<(usize, Diagnostic)> {
    let mut hits: Vec<(usize, &str)> = Vec::new();
    for stmt in &program.body {
        match stmt {
            Statement::VariableDeclaration(d) if d.kind != VariableDeclarationKind::Var => {
                for declarator in &d.declarations {
                    for id in declarator.id.get_binding_identifiers() {
                        hits.push((id.span.start as usize, id.name.as_str()));
                    }
                }
            }
            Statement::ClassDeclaration(c) => {
                if let Some(id) = &c.id {
                    hits.push((id.span.start as usize, id.name.as_str()));
                }
            }
            _ => {}
        }
    }
    hits.retain(|(_, name)| CJS_WRAPPER_PARAMS.contains(name));
    if hits.is_empty() {
        return Vec::new();
    }
    let index = LineIndex::new(src.as_bytes());
    hits.into_iter()
        .map(|(at, name)| {
            let (line, column) = index.line_col(at);
            (at, Diagnostic { message: format!("Identifier `{name}` has already been declared"), line, column })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(src: &str, lang: Lang, kind: SourceKind) -> bool {
        errors(src, lang, kind).is_empty()
    }

    #[test]
    fn early_errors() {
        for bad in [
            "let a; let a;",
            "const x = 1; function x() {}",
            "export { y };",
            "export const a = 1; export { a };",
            "class A { #x; m() { this.#y } }",
            "function f(a, a) { 'use strict' }",
            "/a/gg",
            "/(?<n>a)(?<n>b)/",
            "a: a: ;",
            "break missing;",
            "({ __proto__: 1, __proto__: 2 })",
            "class A { constructor() {} constructor() {} }",
            "function f() { super.x }",
        ] {
            assert!(!ok(bad, Lang::Mjs, SourceKind::Module), "{bad}");
        }
        for good in ["var a; var a;", "function f(a, a) {}", "label: { break label; }", "({ __proto__: 1, ['__proto__']: 2 })"] {
            assert!(ok(good, Lang::Js, SourceKind::Script), "{good}");
        }
    }

    #[test]
    fn node_source_types() {
        // CommonJS: top-level return, but no redeclared wrapper parameters.
        assert!(ok("return 1", Lang::Cjs, SourceKind::CommonJs));
        assert!(!ok("const require = 1;", Lang::Cjs, SourceKind::CommonJs));
        assert!(ok("var require = 1; function module() {}", Lang::Cjs, SourceKind::CommonJs));
        // Detection: ESM syntax makes a module; sloppy-only code stays CommonJS.
        assert!(ok("import x from 'y'; await x;", Lang::Js, SourceKind::Unambiguous));
        assert!(ok("with (o) {} return 1", Lang::Js, SourceKind::Unambiguous));
        assert!(ok("const require = 1; export {}", Lang::Js, SourceKind::Unambiguous));
        assert!(!ok("import x from 'y'; with (o) {}", Lang::Js, SourceKind::Unambiguous));
        // The reading that got further names the error.
        let e = errors("import x from 'y';\nlet a; let a;", Lang::Js, SourceKind::Unambiguous);
        assert_eq!(e[0].1.line, 2);
    }

    #[test]
    fn typescript_merging_is_not_redeclaration() {
        for good in [
            "interface A { a: 1 } interface A { b: 2 }",
            "class C {} interface C { x: number }",
            "function f(): void; function f(a?: number) {}",
            "namespace N { export const a = 1 } namespace N { export const b = 2 }",
            "enum E { A } enum E { B = 2 }",
            "type T = 1; const T = 1;",
            "function g() {} namespace g { export const x = 1 }",
        ] {
            assert!(ok(good, Lang::Ts, SourceKind::Unambiguous), "{good}");
        }
        assert!(!ok("let a = 1; let a = 2;", Lang::Ts, SourceKind::Unambiguous));
        assert!(!ok("class A {} class A {}", Lang::Ts, SourceKind::Unambiguous));
        assert!(ok("export declare const x: number;\nexport function f(): void;", Lang::Dts, SourceKind::Unambiguous));
    }
}
