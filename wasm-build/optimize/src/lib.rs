//! The optimizer's wasm-bindgen binding, loaded by the wasm backend on the
//! first `optimize`/`optimizeAST`/`validateAST` call only. Same export names
//! and error shape as the main wasm binding.

use cfn_accel_core as core;
use cfn_accel_core::CfnError;
use js_sys::{Error, Reflect};
use wasm_bindgen::prelude::*;

fn js_err(e: CfnError) -> JsValue {
    let err = Error::new(e.message());
    let _ = Reflect::set(&err, &"code".into(), &e.code().into());
    err.into()
}

/// `code` with constants folded and dead code removed (swc's simplifier).
#[wasm_bindgen(js_name = jsOptimize)]
pub fn js_optimize(code: &str, lang_name: &str) -> Result<String, JsValue> {
    let lang = core::syntax::Lang::parse(lang_name).map_err(js_err)?;
    core::syntax::optimize(code, lang).map_err(js_err)
}

/// The same on swc's JSON AST; the result is JSON of the same shape.
#[wasm_bindgen(js_name = astOptimize)]
pub fn ast_optimize(ast_json: &str) -> Result<String, JsValue> {
    core::syntax::optimize_ast(ast_json).map_err(js_err)
}

/// Why a JSON AST is not of swc's shape, or null.
#[wasm_bindgen(js_name = astCheck)]
pub fn ast_check(ast_json: &str) -> Option<String> {
    core::syntax::validate_ast(ast_json)
}
