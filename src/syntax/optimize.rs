//! Constant folding and dead-code elimination with swc's own passes: the
//! resolver, the simplifier (expression folding, dead branches, DCE), then
//! hygiene and fixer before the code generator. Nothing here rewrites the
//! AST by hand.
//!
//! What is dropped is decided by swc's DCE with `top_level` only for ES
//! modules: in a script, a top-level declaration is a global that other
//! scripts may use, so removing it would not be safe.
//!
//! swc's optimizer passes work on JavaScript only (on a TypeScript node
//! they reach `unreachable_unchecked` in release builds), so TypeScript is
//! stripped first with swc's own `strip` pass, and checked to be gone: the
//! output of TypeScript input is JavaScript.

use super::{guarded_as, too_deep, Lang, START};
use crate::error::{CfnError, Result};
use swc_common::comments::SingleThreadedComments;
use swc_common::sync::Lrc;
use swc_common::{FileName, Globals, Mark, SourceMap, SyntaxContext, GLOBALS};
use swc_ecma_ast as ast;
use swc_ecma_codegen::{text_writer::JsWriter, Config as CodegenConfig, Emitter};
use swc_ecma_parser::{Parser, StringInput};
use swc_ecma_transforms_base::{fixer::fixer, hygiene::hygiene, resolver};
use swc_ecma_transforms_optimization::simplify::{dce, simplifier, Config as SimplifyConfig};
use swc_ecma_transforms_typescript::strip;
use swc_ecma_visit::{VisitMut, VisitMutWith};

/// JSON nesting allowed in an AST given to [`optimize_ast`] or
/// [`validate_ast`]: what the parser's own nesting limit can produce (a few
/// JSON levels per source level), with room to spare. Deeper documents are
/// refused before they are deserialized, so no recursion below can overflow.
pub const MAX_AST_JSON_DEPTH: usize = 4096;

/// `src` with constants folded and dead code removed, printed by swc's code
/// generator with its comments kept. `ERR_CFN_SYNTAX` if `src` does not parse.
pub fn optimize(src: &str, lang: Lang) -> Result<String> {
    guarded_as(src, lang, || {
        GLOBALS.set(&Globals::new(), || {
            let cm: Lrc<SourceMap> = Default::default();
            let file = cm.new_source_file(Lrc::new(FileName::Anon), src.to_string());
            debug_assert_eq!(file.start_pos.0, START);
            let comments = SingleThreadedComments::default();
            let mut parser = Parser::new(lang.syntax(), StringInput::from(&*file), Some(&comments));
            let program = match lang {
                Lang::Mjs | Lang::Mts => parser.parse_module().map(ast::Program::Module),
                Lang::Cjs => parser.parse_commonjs().map(ast::Program::Script),
                _ => parser.parse_program(),
            };
            // The same errors `validate` reports: recovered ones count too.
            let parsed = super::Parsed { program, recovered: parser.take_errors() };
            if let Some(d) = super::diagnostics(src, &parsed).first() {
                return Err(CfnError::Syntax(format!("{} ({}:{})", d.message, d.line, d.column)));
            }
            let program = parsed.program.map_err(|e| CfnError::Syntax(e.kind().msg().into_owned()))?;
            let program = run_passes(program, lang.is_typescript(), Some(&comments))?;
            emit(&cm, &program, Some(&comments))
        })
    })
    .map_err(too_deep)?
}

/// The same transformation on swc's JSON AST (the shape `parseJavaScript`
/// and `parseTypeScript` give): the optimized program as JSON of the same
/// shape. `ERR_CFN_INVALID_ARG` when `ast_json` is not a swc program.
pub fn optimize_ast(ast_json: &str) -> Result<String> {
    let program = decode_program(ast_json).map_err(|e| CfnError::InvalidArg(format!("not a swc AST: {e}")))?;
    with_stack(|| {
        GLOBALS.set(&Globals::new(), || {
            let typescript = looks_like_typescript(ast_json);
            let program = run_passes(program, typescript, None)?;
            serde_json::to_string(&program).map_err(|e| CfnError::Limit(format!("AST not serializable: {e}")))
        })
    })
}

/// Why `ast_json` is not a program of swc's AST shape: the JSON path of the
/// first missing or mistyped field and serde's reason, or `None` when it is.
pub fn validate_ast(ast_json: &str) -> Option<String> {
    decode_program(ast_json).err()
}

/// The passes, in the order swc's own minifier runs them.
fn run_passes(
    mut program: ast::Program,
    typescript: bool,
    comments: Option<&SingleThreadedComments>,
) -> Result<ast::Program> {
    // Contexts in a given AST may refer to marks of another process: start
    // from none, as the parser would.
    program.visit_mut_with(&mut ClearContexts);
    let unresolved = Mark::new();
    let top_level = Mark::new();
    let module = matches!(program, ast::Program::Module(_));
    program.mutate(resolver(unresolved, top_level, typescript));
    if typescript {
        program.mutate(strip(unresolved, top_level));
        if has_typescript(&program) {
            return Err(CfnError::InvalidArg("TypeScript nodes left after stripping types".into()));
        }
    }
    let config = SimplifyConfig {
        dce: dce::Config { top_level: module, ..Default::default() },
        ..Default::default()
    };
    program.mutate(simplifier(unresolved, config));
    program.mutate(hygiene());
    program.mutate(fixer(comments.map(|c| c as &dyn swc_common::comments::Comments)));
    Ok(program)
}

/// Whether any TypeScript node is in `program` (every one serializes with a
/// `type` starting with `Ts`). Serializing costs about what parsing does;
/// it runs only for TypeScript input.
fn has_typescript(program: &ast::Program) -> bool {
    serde_json::to_string(program).map_or(true, |json| looks_like_typescript(&json))
}

fn emit(cm: &Lrc<SourceMap>, program: &ast::Program, comments: Option<&SingleThreadedComments>) -> Result<String> {
    let mut out = Vec::new();
    {
        let mut emitter = Emitter {
            cfg: CodegenConfig::default(),
            cm: cm.clone(),
            comments: comments.map(|c| c as &dyn swc_common::comments::Comments),
            wr: JsWriter::new(cm.clone(), "\n", &mut out, None),
        };
        emitter
            .emit_program(program)
            .map_err(|e| CfnError::Limit(format!("code generation failed: {e}")))?;
    }
    String::from_utf8(out).map_err(|_| CfnError::Corrupt("code generator wrote invalid UTF-8".into()))
}

/// Deserializes a program, naming the JSON path of the first problem.
fn decode_program(json: &str) -> std::result::Result<ast::Program, String> {
    let depth = json_depth(json.as_bytes());
    if depth > MAX_AST_JSON_DEPTH {
        return Err(format!("nested more than {MAX_AST_JSON_DEPTH} levels deep"));
    }
    with_stack(|| {
        let mut de = serde_json::Deserializer::from_str(json);
        // The depth was bounded above; serde's own limit (128) is far below
        // what real programs reach.
        de.disable_recursion_limit();
        // Program is an internally tagged enum, which serde reads by
        // buffering the whole document first and so loses the path to a
        // bad field. Reading the tag, then the struct it names, keeps it
        // down to the first nested node.
        let program = match program_kind(json)?.as_str() {
            "Module" => ast::Program::Module(serde_path_to_error::deserialize(&mut de).map_err(path_error)?),
            "Script" => ast::Program::Script(serde_path_to_error::deserialize(&mut de).map_err(path_error)?),
            other => return Err(format!("type must be 'Module' or 'Script', got '{other}'")),
        };
        de.end().map_err(|e| e.to_string())?;
        Ok(program)
    })
}

/// `at <path>: <reason>`, or the reason alone at the root.
fn path_error(e: serde_path_to_error::Error<serde_json::Error>) -> String {
    let path = e.path().to_string();
    let inner = e.into_inner();
    if path == "." {
        inner.to_string()
    } else {
        format!("at {path}: {inner}")
    }
}

/// The root's `type` field, read without building the rest.
fn program_kind(json: &str) -> std::result::Result<String, String> {
    #[derive(serde::Deserialize)]
    struct Root {
        #[serde(rename = "type")]
        kind: String,
    }
    let mut de = serde_json::Deserializer::from_str(json);
    de.disable_recursion_limit();
    serde::Deserialize::deserialize(&mut de).map(|r: Root| r.kind).map_err(|e| e.to_string())
}

/// Runs `f` where deep ASTs cannot overflow the stack: on a grown stack
/// natively; on wasm32 the depth bound alone keeps it inside the wasm stack.
fn with_stack<R>(f: impl FnOnce() -> R) -> R {
    #[cfg(not(target_arch = "wasm32"))]
    {
        stacker::grow(super::DEEP_STACK, f)
    }
    #[cfg(target_arch = "wasm32")]
    {
        f()
    }
}

/// Deepest `[`/`{` nesting of a JSON text, brackets inside strings excluded.
fn json_depth(bytes: &[u8]) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for &b in bytes {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Whether a JSON AST has TypeScript nodes (the resolver treats type names
/// differently then). A false positive only costs the resolver a little.
fn looks_like_typescript(json: &str) -> bool {
    json.contains("\"type\":\"Ts")
}

struct ClearContexts;

impl VisitMut for ClearContexts {
    fn visit_mut_syntax_context(&mut self, ctxt: &mut SyntaxContext) {
        *ctxt = SyntaxContext::empty();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opt(src: &str, lang: Lang) -> String {
        optimize(src, lang).unwrap()
    }

    #[test]
    fn folds_constants_and_removes_dead_branches() {
        let out = opt("export const a = 1 + 2, b = 'a' + 'b', c = !0 ? 'yes' : 'no', d = typeof 1;\nif (false) { sideEffect(); }\n", Lang::Mjs);
        assert!(out.contains("a = 3"), "{out}");
        assert!(out.contains("b = \"ab\""), "{out}");
        assert!(out.contains("c = 'yes'") && !out.contains("'no'"), "{out}");
        assert!(out.contains("d = \"number\""), "{out}");
        assert!(!out.contains("sideEffect"), "{out}");
    }

    #[test]
    fn removes_code_after_return_and_constant_conditionals() {
        let out = opt("export function f(x) { return x ? 1 : 2; g(); }\nexport const y = true ? left() : right();\n", Lang::Mjs);
        assert!(!out.contains("g()"), "{out}");
        assert!(out.contains("left()") && !out.contains("right()"), "{out}");
    }

    #[test]
    fn drops_unused_pure_declarations_only_in_modules() {
        let module = opt("const unused = 1; export const used = 2;", Lang::Mjs);
        assert!(!module.contains("unused"), "{module}");
        let script = opt("var global1 = 1; function global2() {}", Lang::Cjs);
        assert!(script.contains("global1") && script.contains("global2"), "{script}");
    }

    #[test]
    fn keeps_comments_and_strips_typescript() {
        let src = "import type { T } from './t';\n/** doc */\nexport function f(a: number): T { return a * (2 + 3) as any; }\nenum E { A = 1 }\nexport const e = E.A;\n";
        let out = opt(src, Lang::Ts);
        assert!(out.contains("/** doc */"), "{out}");
        assert!(out.contains("a * 5") && !out.contains("number") && !out.contains("./t"), "{out}");
        let tsx = opt("export const x = <div>{1 + 1}</div> as unknown as number;", Lang::Tsx);
        assert!(tsx.contains("2") && !tsx.contains("unknown"), "{tsx}");
        let ast = super::super::parse_to_json("export let v: number = 1 + 1;", Lang::Ts).unwrap();
        let out = optimize_ast(&ast).unwrap();
        assert!(!looks_like_typescript(&out), "{out}");
    }

    #[test]
    fn syntax_errors_and_deep_nesting_are_errors() {
        assert!(matches!(optimize("let = ;", Lang::Js), Err(CfnError::Syntax(_))));
        let deep = format!("{}1{}", "(".repeat(100_000), ")".repeat(100_000));
        assert!(optimize(&deep, Lang::Js).is_err());
    }

    #[test]
    fn ast_round_trip_and_validation() {
        let json = super::super::parse_to_json("export const a = 1 + 2;", Lang::Mjs).unwrap();
        assert_eq!(validate_ast(&json), None);
        let out = optimize_ast(&json).unwrap();
        assert!(out.contains("\"value\":3.0") || out.contains("\"value\":3"), "{out}");
        assert_eq!(validate_ast(&out), None);
        let broken = json.replacen("\"span\"", "\"spam\"", 1);
        let why = validate_ast(&broken).unwrap();
        assert!(why.contains("span"), "{why}");
        assert!(validate_ast("{\"type\":\"Module\"}").is_some());
        assert!(validate_ast(&"[".repeat(100_000)).unwrap().contains("nested"));
        assert!(matches!(optimize_ast("null"), Err(CfnError::InvalidArg(_))));
    }
}
