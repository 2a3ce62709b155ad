//! The wasm-bindgen binding: the same exports as the napi binding, with the
//! same names and result shapes, so one JS layer drives both. Errors are JS
//! `Error`s carrying the core's stable code as `code`.

use cfn_accel_core as core;
use cfn_accel_core::CfnError;
use js_sys::{Error, Object, Reflect};
use wasm_bindgen::prelude::*;

#[global_allocator]
static ALLOC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn js_err(e: CfnError) -> JsValue {
    let err = Error::new(e.message());
    let _ = Reflect::set(&err, &"code".into(), &e.code().into());
    err.into()
}

fn cap(max: f64) -> usize {
    if max.is_finite() && max >= 0.0 {
        max as usize
    } else {
        core::compress::DEFAULT_MAX_OUTPUT
    }
}

fn json_info(e: Option<core::json::JsonError>) -> JsValue {
    let Some(e) = e else { return JsValue::NULL };
    let o = Object::new();
    let _ = Reflect::set(&o, &"message".into(), &e.message.into());
    let _ = Reflect::set(&o, &"line".into(), &(e.line as f64).into());
    let _ = Reflect::set(&o, &"column".into(), &(e.column as f64).into());
    let _ = Reflect::set(&o, &"offset".into(), &(e.offset as f64).into());
    o.into()
}

#[wasm_bindgen(js_name = fnv1a32)]
pub fn fnv1a32(data: &[u8]) -> u32 {
    core::hash::fnv1a32(data)
}

#[wasm_bindgen(js_name = fnv1a32Str)]
pub fn fnv1a32_str(s: &str) -> u32 {
    core::hash::fnv1a32(s.as_bytes())
}

#[wasm_bindgen(js_name = xxh64)]
pub fn xxh64(data: &[u8], seed: u64) -> u64 {
    core::hash::xxh64(data, seed)
}

#[wasm_bindgen(js_name = xxh64Str)]
pub fn xxh64_str(s: &str, seed: u64) -> u64 {
    core::hash::xxh64(s.as_bytes(), seed)
}

#[wasm_bindgen(js_name = xxh3)]
pub fn xxh3(data: &[u8]) -> u64 {
    core::hash::xxh3(data)
}

#[wasm_bindgen(js_name = xxh3Str)]
pub fn xxh3_str(s: &str) -> u64 {
    core::hash::xxh3(s.as_bytes())
}

#[wasm_bindgen(js_name = xxh32)]
pub fn xxh32(data: &[u8], seed: u32) -> u32 {
    core::hash::xxh32(data, seed)
}

#[wasm_bindgen(js_name = jsonCheck)]
pub fn json_check(data: &[u8]) -> JsValue {
    json_info(core::json::check(data, false))
}

#[wasm_bindgen(js_name = jsonCheckStr)]
pub fn json_check_str(s: &str) -> JsValue {
    json_info(core::json::check_str(s))
}

/// `json_check_str` over a string's UTF-8 that the JS side wrote with
/// TextEncoder#encodeInto (wasm-bindgen's own string argument copies ASCII
/// one character per loop turn in JS): positions count UTF-16 units.
#[wasm_bindgen(js_name = jsonCheckText)]
pub fn json_check_text(text: &[u8]) -> JsValue {
    json_info(core::json::check(text, true))
}

#[wasm_bindgen(js_name = regexCheck)]
pub fn regex_check(pattern: &str, flags: &str) -> Option<String> {
    core::regex_check::check(pattern, flags)
}

#[wasm_bindgen(js_name = bytesFind)]
pub fn bytes_find(hay: &[u8], needle: &[u8], from: u32) -> f64 {
    core::bytes::find(hay, needle, from as usize).map_or(-1.0, |i| i as f64)
}

#[wasm_bindgen(js_name = bytesCompare)]
pub fn bytes_compare(a: &[u8], b: &[u8]) -> i32 {
    core::bytes::compare(a, b)
}

/// `[count, dropped, sum, min, max, mean, stddev, p50, p90, p95, p99]`.
#[wasm_bindgen(js_name = aggregate)]
pub fn aggregate(values: &[f64]) -> Vec<f64> {
    let a = core::stats::aggregate(values);
    let n = |v: Option<f64>| v.unwrap_or(f64::NAN);
    vec![
        a.count as f64, a.dropped as f64, a.sum, n(a.min), n(a.max), n(a.mean), n(a.stddev),
        n(a.p50), n(a.p90), n(a.p95), n(a.p99),
    ]
}

#[wasm_bindgen(js_name = sha256)]
pub fn sha256(data: &[u8]) -> Vec<u8> {
    core::digest::sha256(data).to_vec()
}

#[wasm_bindgen(js_name = md5)]
pub fn md5(data: &[u8]) -> Vec<u8> {
    core::digest::md5(data).to_vec()
}

/// Inputs up to this size take the short way in (see `digestScratch`).
const SCRATCH_IN: usize = 64 * 1024;

/// Linear memory holds a fixed input area and a digest area that the JS side
/// reads and writes directly: a digest call is then one copy in, one call,
/// one 32-byte copy out, where wasm-bindgen's glue makes three more calls
/// (allocate, free, and a result vector) that cost more than hashing 1 KiB.
/// wasm32 runs one thread per instance, so one static area is enough.
struct Scratch {
    input: Box<[u8]>,
    digest: [u8; 32],
}

static mut SCRATCH: Option<Scratch> = None;

#[allow(static_mut_refs)]
fn scratch() -> &'static mut Scratch {
    // SAFETY: an instance is single-threaded and no reference outlives a call.
    unsafe { SCRATCH.get_or_insert_with(|| Scratch { input: vec![0; SCRATCH_IN].into_boxed_slice(), digest: [0; 32] }) }
}

/// `[input address, input capacity, digest address]` of the scratch areas,
/// and the instance's memory, for the JS side of `digestScratch`.
#[wasm_bindgen(js_name = digestScratchAreas)]
pub fn digest_scratch_areas() -> Vec<u32> {
    let s = scratch();
    vec![s.input.as_ptr() as u32, s.input.len() as u32, s.digest.as_ptr() as u32]
}

/// The instance's linear memory (for `digestScratch`'s reads and writes).
#[wasm_bindgen(js_name = linearMemory)]
pub fn linear_memory() -> JsValue {
    wasm_bindgen::memory()
}

/// Hashes the first `len` bytes of the input area with `algorithm` (0
/// SHA-256, 1 MD5) into the digest area; returns the digest's length.
#[wasm_bindgen(js_name = digestScratch)]
pub fn digest_scratch(algorithm: u32, len: usize) -> usize {
    let s = scratch();
    let data = &s.input[..len.min(s.input.len())];
    match algorithm {
        0 => {
            s.digest = core::digest::sha256(data);
            32
        }
        _ => {
            s.digest[..16].copy_from_slice(&core::digest::md5(data));
            16
        }
    }
}

#[wasm_bindgen(js_name = aesGcmSeal)]
pub fn aes_gcm_seal(key: &[u8], nonce: &[u8], data: &[u8]) -> Result<Vec<u8>, JsValue> {
    core::digest::seal(key, nonce, data).map_err(js_err)
}

#[wasm_bindgen(js_name = aesGcmOpen)]
pub fn aes_gcm_open(key: &[u8], data: &[u8]) -> Result<Vec<u8>, JsValue> {
    core::digest::open(key, data).map_err(js_err)
}

macro_rules! codec {
    ($enc:ident, $dec:ident) => {
        #[wasm_bindgen]
        pub fn $enc(data: &[u8], level: i32) -> Result<Vec<u8>, JsValue> {
            core::compress::$enc(data, level).map_err(js_err)
        }

        #[wasm_bindgen]
        pub fn $dec(data: &[u8], max_output_length: f64) -> Result<Vec<u8>, JsValue> {
            core::compress::$dec(data, cap(max_output_length)).map_err(js_err)
        }
    };
}

codec!(gzip, gunzip);
codec!(deflate, inflate);
codec!(brotli, unbrotli);

#[wasm_bindgen(js_name = lz4Compress)]
pub fn lz4_compress(data: &[u8]) -> Result<Vec<u8>, JsValue> {
    core::compress::lz4_compress(data).map_err(js_err)
}

#[wasm_bindgen(js_name = lz4Decompress)]
pub fn lz4_decompress(data: &[u8], max_output_length: f64) -> Result<Vec<u8>, JsValue> {
    core::compress::lz4_decompress(data, cap(max_output_length)).map_err(js_err)
}

/// Whether this build can use threads for batch work (never on wasm32).
#[wasm_bindgen(js_name = hasThreads)]
pub fn has_threads() -> bool {
    false
}

fn lang(name: &str) -> Result<core::syntax::Lang, JsValue> {
    core::syntax::Lang::parse(name).map_err(js_err)
}

/// Syntax and early errors of `code` as JSON `[{message, line, column}]`,
/// loaded as `source_type` (`module`, `script`, `commonjs`, `unambiguous`)
/// or as the language's default.
#[wasm_bindgen(js_name = jsValidate)]
pub fn js_validate(code: &str, lang_name: &str, source_type: Option<String>) -> Result<String, JsValue> {
    let l = lang(lang_name)?;
    let kind = match source_type {
        Some(k) => core::syntax::SourceKind::parse(&k).map_err(js_err)?,
        None => core::syntax::SourceKind::default_for(l),
    };
    Ok(core::syntax::diagnostics_to_json(&core::syntax::validate_as(code, l, kind)))
}

/// What the post-edit rules find in `text` (the file at `path`, checked as
/// `kind` or as its name says), as the JSON of `core::check::Analysis`.
#[wasm_bindgen(js_name = checkText)]
pub fn check_text(text: &str, path: &str, kind: Option<String>, source_type: Option<String>) -> Result<String, JsValue> {
    core::check::analyze_named(text, path, kind.as_deref(), source_type.as_deref())
        .map(|a| a.to_json())
        .map_err(js_err)
}

/// The outline of `code` as JSON.
#[wasm_bindgen(js_name = jsOutline)]
pub fn js_outline(code: &str, lang_name: &str) -> Result<String, JsValue> {
    core::syntax::outline(code, lang(lang_name)?).map(|o| o.to_json()).map_err(js_err)
}

thread_local! {
    /// The AST tape session (see `tape::Session`). Its registry id is
    /// random: after a trap the JS side makes a fresh instance, whose
    /// registry must not pass for the old one.
    static AST_TAPE: std::cell::RefCell<core::syntax::tape::Session> =
        std::cell::RefCell::new(core::syntax::tape::Session::new((js_sys::Math::random() * 9007199254740991.0) as u64 + 1));
}

/// swc's AST of `code` (UTF-8) as a binary tape: `[tape, strings, shapes,
/// registry]` (see `tape::Session::parse`).
#[wasm_bindgen(js_name = jsParseTape)]
pub fn js_parse_tape(code: &[u8], lang_name: &str, known: u32, registry: f64) -> Result<js_sys::Array, JsValue> {
    let code = std::str::from_utf8(code).map_err(|_| js_err(CfnError::InvalidArg("code is not UTF-8".into())))?;
    let l = lang(lang_name)?;
    AST_TAPE.with_borrow_mut(|session| {
        let out = session.parse(code, l, known as usize, registry as u64).map_err(js_err)?;
        Ok(js_sys::Array::of4(
            &js_sys::Uint8Array::from(&out.tape.bytes[..]).into(),
            &JsValue::from_str(&out.tape.strings),
            &out.shapes.map_or(JsValue::NULL, |json| JsValue::from_str(&json)),
            &JsValue::from_f64(out.registry as f64),
        ))
    })
}

/// swc's AST of `code` as JSON.
#[wasm_bindgen(js_name = jsParse)]
pub fn js_parse(code: &str, lang_name: &str) -> Result<String, JsValue> {
    core::syntax::parse_to_json(code, lang(lang_name)?).map_err(js_err)
}

