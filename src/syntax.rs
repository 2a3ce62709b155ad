//! JavaScript and TypeScript on swc: syntax validation with positions, an
//! outline of the top-level declarations, and the AST as JSON. Deeply nested
//! input cannot overflow the stack: swc's parser grows its stack on demand
//! (its `stacker` feature), and the recursive work we add after parsing
//! (dropping and serializing the AST) runs on a stack sized by the input.

use crate::error::{CfnError, Result};
use crate::text::LineIndex;
use swc_common::{BytePos, Spanned};
use swc_ecma_ast as ast;
use swc_ecma_parser::{EsSyntax, Parser, StringInput, Syntax, TsSyntax};

/// The source languages, as named by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// `.js`: module or script, decided by its content (as Node does).
    Js,
    /// `.jsx`: as `.js`, with JSX.
    Jsx,
    /// `.mjs`: always a module.
    Mjs,
    /// `.cjs`: always CommonJS (a script in a function: top-level `return`).
    Cjs,
    /// `.ts`: a module when it has `import`/`export`, else a script.
    Ts,
    /// `.tsx`.
    Tsx,
    /// `.mts`: TypeScript, always a module.
    Mts,
    /// `.cts`: TypeScript compiled to CommonJS.
    Cts,
    /// `.d.ts`, `.d.mts`, `.d.cts`: a declaration file (ambient context:
    /// declarations without bodies or initializers).
    Dts,
}

impl Lang {
    /// Parses a language name (`js`, `jsx`, `mjs`, `cjs`, `ts`, `tsx`,
    /// `mts`, `cts`, `d.ts` (or `dts`), `javascript`, `typescript`).
    pub fn parse(name: &str) -> Result<Lang> {
        Ok(match name.to_ascii_lowercase().as_str() {
            "js" | "javascript" => Lang::Js,
            "jsx" => Lang::Jsx,
            "mjs" => Lang::Mjs,
            "cjs" => Lang::Cjs,
            "ts" | "typescript" => Lang::Ts,
            "tsx" => Lang::Tsx,
            "mts" => Lang::Mts,
            "cts" => Lang::Cts,
            "d.ts" | "dts" | "d.mts" | "d.cts" => Lang::Dts,
            other => {
                return Err(CfnError::InvalidArg(format!(
                    "lang must be one of js, jsx, mjs, cjs, ts, tsx, mts, cts, d.ts; got '{other}'"
                )))
            }
        })
    }

    /// The language of a file name by its extension (`.d.ts` before `.ts`).
    pub fn of_path(path: &str) -> Option<Lang> {
        let name = path.rsplit(['/', '\\']).next().unwrap_or(path).to_ascii_lowercase();
        if name.ends_with(".d.ts") || name.ends_with(".d.mts") || name.ends_with(".d.cts") {
            return Some(Lang::Dts);
        }
        match name.rsplit_once('.')?.1 {
            ext @ ("js" | "jsx" | "mjs" | "cjs" | "ts" | "tsx" | "mts" | "cts") => Lang::parse(ext).ok(),
            _ => None,
        }
    }

    /// The language's canonical name (what `parse` takes and files report).
    pub fn name(self) -> &'static str {
        match self {
            Lang::Js => "js",
            Lang::Jsx => "jsx",
            Lang::Mjs => "mjs",
            Lang::Cjs => "cjs",
            Lang::Ts => "ts",
            Lang::Tsx => "tsx",
            Lang::Mts => "mts",
            Lang::Cts => "cts",
            Lang::Dts => "d.ts",
        }
    }

    /// Whether this is one of the TypeScript languages.
    pub fn is_typescript(self) -> bool {
        matches!(self, Lang::Ts | Lang::Tsx | Lang::Mts | Lang::Cts | Lang::Dts)
    }

    /// What `<` can mean in this language, for the nesting pre-scan.
    fn dialect(self) -> depth::Dialect {
        depth::Dialect { jsx: matches!(self, Lang::Js | Lang::Jsx | Lang::Tsx), ts: self.is_typescript() }
    }

    fn syntax(self) -> Syntax {
        match self {
            Lang::Ts | Lang::Tsx | Lang::Mts | Lang::Cts | Lang::Dts => Syntax::Typescript(TsSyntax {
                tsx: self == Lang::Tsx,
                decorators: true,
                dts: self == Lang::Dts,
                ..Default::default()
            }),
            _ => Syntax::Es(EsSyntax {
                jsx: self == Lang::Jsx || self == Lang::Js,
                decorators: true,
                import_attributes: true,
                explicit_resource_management: true,
                allow_return_outside_function: self == Lang::Cjs,
                ..Default::default()
            }),
        }
    }
}

/// One syntax error: message and 1-based line and UTF-16 column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// swc's message.
    pub message: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column in UTF-16 units.
    pub column: usize,
}

/// Where the parsed text starts in swc's position space (0 is swc's dummy).
const START: u32 = 1;

/// Nesting estimates up to this run on the caller's stack: a few hundred KiB
/// at most, which even a worker thread's stack has.
const SHALLOW: usize = 64;

/// Stack for deeper input (virtual memory, touched only as used): 1 MiB per
/// level of `MAX_NESTING`, hundreds of times what swc's frames take.
#[cfg(not(target_arch = "wasm32"))]
const DEEP_STACK: usize = 256 << 20;

/// Runs `f` (parse, walk, drop) with a stack deep enough for `src`, or says
/// where `src` nests too deeply. On wasm32 there is no stack switching: the
/// estimate's limit alone keeps the recursion inside the wasm stack.
fn guarded_as<R>(src: &str, lang: Lang, f: impl FnOnce() -> R) -> std::result::Result<R, Diagnostic> {
    guarded_dialect(src, lang.dialect(), f)
}

fn guarded_dialect<R>(src: &str, dialect: depth::Dialect, f: impl FnOnce() -> R) -> std::result::Result<R, Diagnostic> {
    if src.len() >= (u32::MAX - START) as usize {
        return Err(Diagnostic { message: "file too large to parse (4 GiB or more)".into(), line: 1, column: 1 });
    }
    match depth::estimate(src.as_bytes(), depth::MAX_NESTING, dialect) {
        Err(at) => {
            let (line, column) = LineIndex::new(src.as_bytes()).line_col(at);
            Err(Diagnostic {
                message: format!("Nesting too deep: more than {} levels", depth::MAX_NESTING),
                line,
                column,
            })
        }
        Ok(d) if d <= SHALLOW => Ok(f()),
        #[cfg(not(target_arch = "wasm32"))]
        Ok(_) => Ok(stacker::grow(DEEP_STACK, f)),
        // No stack switching on wasm32: the limit alone keeps the recursion
        // inside the wasm stack.
        #[cfg(target_arch = "wasm32")]
        Ok(_) => Ok(f()),
    }
}

struct Parsed {
    program: std::result::Result<ast::Program, swc_ecma_parser::error::Error>,
    recovered: Vec<swc_ecma_parser::error::Error>,
}

fn parse(src: &str, lang: Lang) -> Parsed {
    let end = START + src.len() as u32;
    let input = StringInput::new(src, BytePos(START), BytePos(end));
    let mut parser = Parser::new(lang.syntax(), input, None);
    let program = match lang {
        Lang::Mjs | Lang::Mts => parser.parse_module().map(ast::Program::Module),
        Lang::Cjs => parser.parse_commonjs().map(ast::Program::Script),
        _ => parser.parse_program(),
    };
    let recovered = parser.take_errors();
    Parsed { program, recovered }
}

/// The errors of a parse of `src` (or of a same-length masked copy), with
/// their byte offsets, in source order.
fn located(src: &str, parsed: &Parsed) -> Vec<(usize, Diagnostic)> {
    if parsed.recovered.is_empty() && parsed.program.is_ok() {
        return Vec::new(); // the common case: no line table needed
    }
    let index = LineIndex::new(src.as_bytes());
    let mut errs: Vec<(usize, Diagnostic)> = parsed
        .recovered
        .iter()
        .chain(parsed.program.as_ref().err())
        .map(|e| {
            // A masked copy may carry a suffix: clamp into the original.
            let lo = (e.span().lo.0.saturating_sub(START) as usize).min(src.len());
            let (line, column) = index.line_col(lo);
            (lo, Diagnostic { message: e.kind().msg().into_owned(), line, column })
        })
        .collect();
    errs.sort_by_key(|(lo, _)| *lo);
    errs.dedup_by(|a, b| a.1 == b.1);
    errs
}

#[cfg_attr(not(feature = "optimize"), allow(dead_code))] // optimize.rs
fn diagnostics(src: &str, parsed: &Parsed) -> Vec<Diagnostic> {
    located(src, parsed).into_iter().map(|(_, d)| d).collect()
}

/// The errors of `parsed` (a parse of `src` as `lang`), with TypeScript
/// that swc parsed speculatively checked again (see `recheck`).
fn checked(src: &str, lang: Lang, parsed: &Parsed) -> Vec<Diagnostic> {
    let errs = located(src, parsed);
    if lang.is_typescript() {
        if let Some(better) = recheck_errors(src, lang, &errs) {
            return better;
        }
    }
    errs.into_iter().map(|(_, d)| d).collect()
}

/// The masked copy's errors when they are the better answer: the original
/// parse found none but a masked construct holds code, or its first error
/// sits at a masked head (where swc's fallback reports) and the masked
/// parse finds a later one.
fn recheck_errors(src: &str, lang: Lang, errs: &[(usize, Diagnostic)]) -> Option<Vec<Diagnostic>> {
    let m = recheck::mask(src, lang)?;
    let first = errs.first().map(|e| e.0);
    let wanted = match first {
        None => m.holds_code,
        Some(at) => m.zones.iter().any(|&(a, b)| a <= at && at <= b),
    };
    if !wanted {
        return None;
    }
    let masked = located(src, &parse(&m.text, lang));
    let masked_first = masked.first()?.0;
    match first {
        Some(at) if masked_first <= at => None,
        _ => Some(masked.into_iter().map(|(_, d)| d).collect()),
    }
}

/// Syntax and early errors of `src` as `lang`, loaded as a file of that
/// language is by default (see [`SourceKind::default_for`]), in source
/// order; empty when the engine would load it.
pub fn validate(src: &str, lang: Lang) -> Vec<Diagnostic> {
    validate_as(src, lang, SourceKind::default_for(lang))
}

/// Syntax and early errors of `src` as `lang` loaded as `kind`, in source
/// order; empty when the engine would load it.
pub fn validate_as(src: &str, lang: Lang, kind: SourceKind) -> Vec<Diagnostic> {
    guarded_as(src, lang, || verdict::errors(src, lang, kind).into_iter().map(|(_, d)| d).collect())
        .unwrap_or_else(|d| vec![d])
}

/// The program as swc's JSON AST (the shape `@swc/core`'s `parseSync`
/// gives), or `ERR_CFN_SYNTAX` with the first error's position.
pub fn parse_to_json(src: &str, lang: Lang) -> Result<String> {
    let mut out = Vec::new();
    parse_to_json_into(src, lang, &mut out)?;
    // serde_json writes UTF-8 only.
    String::from_utf8(out).map_err(|e| CfnError::Limit(format!("AST not serializable: {e}")))
}

/// [`parse_to_json`] written into `out` (cleared first), for a caller that
/// keeps one buffer across calls: the JSON is ~15 bytes per byte of source,
/// and growing a fresh buffer to that size (copies, and the kernel's fresh
/// pages) took longer than serializing.
pub fn parse_to_json_into(src: &str, lang: Lang, out: &mut Vec<u8>) -> Result<()> {
    out.clear();
    // Measured on rxjs: 14 bytes of JSON per byte of JavaScript.
    out.reserve(src.len().saturating_mul(16));
    guarded_as(src, lang, || {
        let program = parse_clean(src, lang)?;
        serde_json::to_writer(&mut *out, &program).map_err(|e| CfnError::Limit(format!("AST not serializable: {e}")))
    })
    .map_err(too_deep)?
}

/// [`parse_to_json`] as a binary tape (see [`tape`]): the same values, for
/// a reader that builds them faster than `JSON.parse` reads the JSON.
fn parse_to_tape(src: &str, lang: Lang, shapes: &mut tape::Shapes, out: &mut tape::Tape) -> Result<()> {
    guarded_as(src, lang, || {
        let program = parse_clean(src, lang)?;
        tape::write(&program, shapes, out)
    })
    .map_err(too_deep)?
}

fn too_deep(d: Diagnostic) -> CfnError {
    CfnError::Limit(format!("{} ({}:{})", d.message, d.line, d.column))
}

/// The program, or `ERR_CFN_SYNTAX` naming the first error and where it is.
fn parse_clean(src: &str, lang: Lang) -> Result<ast::Program> {
    let parsed = parse(src, lang);
    if let Some(d) = checked(src, lang, &parsed).first() {
        return Err(CfnError::Syntax(format!("{} ({}:{})", d.message, d.line, d.column)));
    }
    parsed.program.map_err(|e| CfnError::Syntax(e.kind().msg().into_owned()))
}

pub use outline::{outline, Outline, OutlineItem};

mod depth;
pub mod tape;
mod outline;
mod verdict;
mod ts_redeclare;
pub use verdict::SourceKind;
mod recheck;

mod batch;
pub use batch::{validate_files, FileReport};

#[cfg(feature = "optimize")]
mod optimize;
#[cfg(feature = "optimize")]
pub use optimize::{optimize, optimize_ast, validate_ast, MAX_AST_JSON_DEPTH};

/// Diagnostics as a JSON array of `{message, line, column}`: the one
/// encoding both bindings hand to JS.
pub fn diagnostics_to_json(diags: &[Diagnostic]) -> String {
    let list: Vec<serde_json::Value> = diags
        .iter()
        .map(|d| serde_json::json!({"message": d.message, "line": d.line, "column": d.column}))
        .collect();
    serde_json::Value::Array(list).to_string()
}

impl Outline {
    /// `{imports, exports, functions, classes}` as JSON; imports carry `source`.
    pub fn to_json(&self) -> String {
        let items = |v: &[OutlineItem]| -> serde_json::Value {
            v.iter()
                .map(|i| match &i.source {
                    Some(s) => serde_json::json!({"name": i.name, "line": i.line, "source": s}),
                    None => serde_json::json!({"name": i.name, "line": i.line}),
                })
                .collect()
        };
        serde_json::json!({
            "imports": items(&self.imports),
            "exports": items(&self.exports),
            "functions": items(&self.functions),
            "classes": items(&self.classes),
        })
        .to_string()
    }
}
