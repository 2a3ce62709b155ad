//! The napi-rs binding: each export converts its arguments, calls the core
//! and converts the result. Errors keep the core's stable code as `err.code`.
#![deny(clippy::all)]

use cfn_accel_core as core;
use cfn_accel_core::CfnError;
use napi::bindgen_prelude::*;
use napi_derive::napi;

#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;


/// napi's `#[napi]` results only carry napi's own statuses, so the stable code
/// travels as the message prefix `ERR_CFN_X: ` (the `Display` of `CfnError`)
/// and the JS adapter moves it to `err.code`.
fn js_err(e: CfnError) -> napi::Error {
    napi::Error::new(Status::GenericFailure, e.to_string())
}

/// Runs a core call, turning a panic into `ERR_CFN_INTERNAL` rather than an
/// abort of the process. Exports return `Result<T>` spelled so: napi-derive
/// throws the error only for a return type it sees as `Result`.
fn run<T>(f: impl FnOnce() -> core::Result<T>) -> Result<T> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(r) => r.map_err(js_err),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Err(napi::Error::new(Status::GenericFailure, format!("ERR_CFN_INTERNAL: {what}")))
        }
    }
}

/// Byte results leave as a Buffer that V8 allocates, filled by one copy, and
/// the Rust allocation is freed before returning. An external Buffer over the
/// Vec would save the copy, but Node runs its finalizer only on a later turn
/// of the event loop: a synchronous loop of calls kept every result (and,
/// through heap fragmentation, every call's scratch space: 340 KB per gzip of
/// 64 bytes) alive, and ran 5-20x slower than with this copy.
fn bytes_out<'e>(env: &'e Env, data: &[u8]) -> Result<BufferSlice<'e>> {
    BufferSlice::copy_from(env, data)
}

/// `bytes_out` of a core call's byte result.
fn run_bytes<'e>(env: &'e Env, f: impl FnOnce() -> core::Result<Vec<u8>>) -> Result<BufferSlice<'e>> {
    let v = run(f)?;
    bytes_out(env, &v)
}

fn cap(max: f64) -> usize {
    if max.is_finite() && max >= 0.0 {
        max as usize
    } else {
        core::compress::DEFAULT_MAX_OUTPUT
    }
}

/// A JSON error with its position (see `json::JsonError`).
#[napi(object)]
pub struct JsonErrorInfo {
    pub message: String,
    pub line: u32,
    pub column: u32,
    pub offset: u32,
}

fn json_info(e: Option<core::json::JsonError>) -> Option<JsonErrorInfo> {
    e.map(|e| JsonErrorInfo {
        message: e.message,
        line: e.line as u32,
        column: e.column as u32,
        offset: e.offset as u32,
    })
}

/// A 64-bit seed read from a JS BigInt in one N-API call. napi's `BigInt`
/// argument takes two calls and a Vec of words, and a `BigInt` result another
/// Vec: returning `u64` (made by `napi_create_bigint_uint64`) and taking
/// `Seed` cut both, on calls that take ~150 ns in all.
pub struct Seed(u64);

impl FromNapiValue for Seed {
    unsafe fn from_napi_value(env: napi::sys::napi_env, value: napi::sys::napi_value) -> Result<Self> {
        let mut out = 0u64;
        // The JS layer reduces seeds to 0..2^64 first, so `lossless` is always true here.
        let mut lossless = false;
        let status = unsafe { napi::sys::napi_get_value_bigint_uint64(env, value, &mut out, &mut lossless) };
        if status != napi::sys::Status::napi_ok {
            return Err(napi::Error::new(Status::InvalidArg, "ERR_CFN_INVALID_ARG: seed must be a bigint".to_string()));
        }
        Ok(Seed(out))
    }
}

impl TypeName for Seed {
    fn type_name() -> &'static str {
        "BigInt"
    }

    fn value_type() -> napi::ValueType {
        napi::ValueType::BigInt
    }
}

impl ValidateNapiValue for Seed {}

/// The JS side's text scratch area (lib/backends/text.js): a string is
/// written into it by `encodeInto`, its length and the seed into its
/// header, and a `*Scratch` hash takes no argument at all. napi's argument
/// conversion cost more than hashing a short text: a call taking one u32
/// measured 97 ns, one taking none 37 ns.
///
/// The header, in native byte order: `[0..4)` 1 while this area is the
/// attached one (the attach of another area clears it, so a second copy of
/// the JS layer in the thread, e.g. in a test runner's module registry,
/// sees that it must attach its own again), `[4..8)` the text's length,
/// `[8..16)` a 64-bit seed; the text from byte 16.
#[derive(Clone, Copy)]
struct TextScratch {
    data: *mut u8,
    len: usize,
    /// Keeps the area's buffer alive (it is never handed out, so never
    /// detached).
    reference: napi::sys::napi_ref,
}

/// Bytes before the text in the scratch area.
const SCRATCH_HEADER: usize = 16;

thread_local! {
    static TEXT_SCRATCH: std::cell::Cell<TextScratch> = const {
        std::cell::Cell::new(TextScratch { data: std::ptr::null_mut(), len: 0, reference: std::ptr::null_mut() })
    };
}

/// Makes `area` (a Uint8Array the caller never hands out) the text scratch
/// area of this thread, in place of the previous one.
#[napi(ts_args_type = "area: Uint8Array")]
pub fn text_scratch_attach(env: Env, area: Unknown<'_>) -> Result<()> {
    let raw = env.raw();
    let value = area.raw();
    let (mut kind, mut len, mut data, mut buffer, mut offset) = (0, 0, std::ptr::null_mut(), std::ptr::null_mut(), 0);
    let status = unsafe { napi::sys::napi_get_typedarray_info(raw, value, &mut kind, &mut len, &mut data, &mut buffer, &mut offset) };
    if status != napi::sys::Status::napi_ok || kind != napi::sys::TypedarrayType::uint8_array || len < SCRATCH_HEADER {
        return Err(js_err(CfnError::InvalidArg(format!("the scratch area must be a Uint8Array of {SCRATCH_HEADER} bytes or more"))));
    }
    let mut reference = std::ptr::null_mut();
    check(unsafe { napi::sys::napi_create_reference(raw, value, 1, &mut reference) })?;
    let data: *mut u8 = data.cast();
    // SAFETY: both areas are alive (the old one until its reference is
    // deleted below) and hold at least the header.
    unsafe { data.cast::<u32>().write_unaligned(1) };
    let old = TEXT_SCRATCH.replace(TextScratch { data, len, reference });
    if !old.reference.is_null() {
        unsafe { old.data.cast::<u32>().write_unaligned(0) };
        check(unsafe { napi::sys::napi_delete_reference(raw, old.reference) })?;
    }
    Ok(())
}

/// The text and seed the JS side wrote into the attached scratch area.
fn with_scratch<T>(f: impl FnOnce(&[u8], u64) -> T) -> Result<T> {
    let area = TEXT_SCRATCH.get();
    if area.data.is_null() {
        return Err(js_err(CfnError::InvalidArg("no scratch area is attached".into())));
    }
    // SAFETY: `data` is the backing store of a Uint8Array of `area.len`
    // (>= SCRATCH_HEADER) bytes that the reference keeps alive and nothing
    // detaches; JS is not running while this reads it.
    let (len, seed) = unsafe { (area.data.add(4).cast::<u32>().read_unaligned() as usize, area.data.add(8).cast::<u64>().read_unaligned()) };
    if len > area.len - SCRATCH_HEADER {
        return Err(js_err(CfnError::InvalidArg(format!("{len} bytes > the scratch area's {}", area.len - SCRATCH_HEADER))));
    }
    let text = if len == 0 { &[][..] } else { unsafe { std::slice::from_raw_parts(area.data.add(SCRATCH_HEADER), len) } };
    Ok(f(text, seed))
}

/// xxh64 of the scratch area's text with its seed.
#[napi]
pub fn xxh64_scratch() -> Result<u64> {
    with_scratch(core::hash::xxh64)
}

/// xxh3 of the scratch area's text.
#[napi]
pub fn xxh3_scratch() -> Result<u64> {
    with_scratch(|text, _| core::hash::xxh3(text))
}

/// FNV-1a of the scratch area's text.
#[napi(js_name = "fnv1a32Scratch")]
pub fn fnv1a32_scratch() -> Result<u32> {
    with_scratch(|text, _| core::hash::fnv1a32(text))
}

#[napi(js_name = "fnv1a32")]
pub fn fnv1a32(data: &[u8]) -> Result<u32> {
    run(|| Ok(core::hash::fnv1a32(data)))
}

#[napi(js_name = "fnv1a32Str")]
pub fn fnv1a32_str(s: String) -> Result<u32> {
    run(|| Ok(core::hash::fnv1a32(s.as_bytes())))
}

#[napi]
pub fn xxh64(data: &[u8], seed: Seed) -> Result<u64> {
    run(|| Ok(core::hash::xxh64(data, seed.0)))
}

#[napi]
pub fn xxh64_str(s: String, seed: Seed) -> Result<u64> {
    run(|| Ok(core::hash::xxh64(s.as_bytes(), seed.0)))
}

#[napi]
pub fn xxh3(data: &[u8]) -> Result<u64> {
    run(|| Ok(core::hash::xxh3(data)))
}

#[napi]
pub fn xxh3_str(s: String) -> Result<u64> {
    run(|| Ok(core::hash::xxh3(s.as_bytes())))
}

#[napi]
pub fn xxh32(data: &[u8], seed: u32) -> Result<u32> {
    run(|| Ok(core::hash::xxh32(data, seed)))
}

#[napi]
pub fn json_check(data: &[u8]) -> Result<Option<JsonErrorInfo>> {
    run(|| Ok(json_info(core::json::check(data, false))))
}

#[napi]
pub fn json_check_str(s: String) -> Result<Option<JsonErrorInfo>> {
    run(|| Ok(json_info(core::json::check_str(&s))))
}

/// `json_check_str` over a string's UTF-8 text that the JS side wrote into a
/// buffer (TextEncoder#encodeInto: no intermediate string, no length pass):
/// positions count UTF-16 units, as for the string.
#[napi]
pub fn json_check_text(text: &[u8]) -> Result<Option<JsonErrorInfo>> {
    run(|| Ok(json_info(core::json::check(text, true))))
}

/// A JS string argument read as the UTF-16 units V8 holds (one copy, no
/// transcoding) into a buffer each thread keeps, so a large string costs no
/// allocation and no fresh pages per call.
pub struct StrUnits {
    env: napi::sys::napi_env,
    value: napi::sys::napi_value,
}

impl FromNapiValue for StrUnits {
    unsafe fn from_napi_value(env: napi::sys::napi_env, value: napi::sys::napi_value) -> Result<Self> {
        Ok(StrUnits { env, value })
    }
}

impl TypeName for StrUnits {
    fn type_name() -> &'static str {
        "String(utf16)"
    }

    fn value_type() -> napi::ValueType {
        napi::ValueType::String
    }
}

impl ValidateNapiValue for StrUnits {}

/// Buffers above this many units are not kept between calls.
const KEEP_UNITS: usize = 1 << 22;

thread_local! {
    static UNITS: std::cell::RefCell<Vec<u16>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl StrUnits {
    /// Calls `f` with the string's units.
    fn with<T>(&self, f: impl FnOnce(&[u16]) -> T) -> Result<T> {
        let status = |s: napi::sys::napi_status| {
            if s == napi::sys::Status::napi_ok {
                Ok(())
            } else {
                Err(napi::Error::new(Status::StringExpected, "ERR_CFN_INVALID_ARG: expected a string".to_string()))
            }
        };
        UNITS.with_borrow_mut(|buf| {
            let mut len = 0usize;
            status(unsafe { napi::sys::napi_get_value_string_utf16(self.env, self.value, std::ptr::null_mut(), 0, &mut len) })?;
            // napi writes a terminating NUL unit within the size it is given.
            buf.clear();
            buf.reserve(len + 1);
            let mut written = 0usize;
            status(unsafe {
                napi::sys::napi_get_value_string_utf16(self.env, self.value, buf.as_mut_ptr(), len + 1, &mut written)
            })?;
            // SAFETY: napi wrote `written` (<= len) units into the reserved space.
            unsafe { buf.set_len(written) };
            let out = f(buf);
            if buf.capacity() > KEEP_UNITS {
                *buf = Vec::new();
            }
            Ok(out)
        })
    }
}

/// Whether a JS string is JSON that `JSON.parse` accepts, read from its
/// UTF-16 units (no transcoding); the JS side asks `json_check_text` for the
/// error's wording when this says no.
#[napi]
pub fn json_valid_utf16(s: StrUnits) -> Result<bool> {
    run(|| Ok(s.with(core::json::is_valid_utf16)))?
}

#[napi]
pub fn regex_check(pattern: String, flags: String) -> Result<Option<String>> {
    run(|| Ok(core::regex_check::check(&pattern, &flags)))
}

#[napi]
pub fn bytes_find(hay: &[u8], needle: &[u8], from: u32) -> Result<i64> {
    run(|| Ok(core::bytes::find(hay, needle, from as usize).map_or(-1, |i| i as i64)))
}

#[napi]
pub fn bytes_compare(a: &[u8], b: &[u8]) -> Result<i32> {
    run(|| Ok(core::bytes::compare(a, b)))
}

/// `[count, dropped, sum, min, max, mean, stddev, p50, p90, p95, p99]`,
/// NaN where a field is absent; the JS layer names them.
#[napi]
pub fn aggregate(values: &[f64]) -> Result<Vec<f64>> {
    run(|| {
        let a = core::stats::aggregate(values);
        let n = |v: Option<f64>| v.unwrap_or(f64::NAN);
        Ok(vec![
            a.count as f64, a.dropped as f64, a.sum, n(a.min), n(a.max), n(a.mean), n(a.stddev),
            n(a.p50), n(a.p90), n(a.p95), n(a.p99),
        ])
    })
}

#[napi]
pub fn sha256<'e>(env: &'e Env, data: &[u8]) -> Result<BufferSlice<'e>> {
    let d = run(|| Ok(core::digest::sha256(data)))?;
    bytes_out(env, &d)
}

#[napi]
pub fn md5<'e>(env: &'e Env, data: &[u8]) -> Result<BufferSlice<'e>> {
    let d = run(|| Ok(core::digest::md5(data)))?;
    bytes_out(env, &d)
}

#[napi]
pub fn aes_gcm_seal<'e>(env: &'e Env, key: &[u8], nonce: &[u8], data: &[u8]) -> Result<BufferSlice<'e>> {
    run_bytes(env, || core::digest::seal(key, nonce, data))
}

#[napi]
pub fn aes_gcm_open<'e>(env: &'e Env, key: &[u8], data: &[u8]) -> Result<BufferSlice<'e>> {
    run_bytes(env, || core::digest::open(key, data))
}

macro_rules! codec {
    ($enc:ident, $dec:ident) => {
        #[napi]
        pub fn $enc<'e>(env: &'e Env, data: &[u8], level: i32) -> Result<BufferSlice<'e>> {
            run_bytes(env, || core::compress::$enc(data, level))
        }

        #[napi]
        pub fn $dec<'e>(env: &'e Env, data: &[u8], max_output_length: f64) -> Result<BufferSlice<'e>> {
            run_bytes(env, || core::compress::$dec(data, cap(max_output_length)))
        }
    };
}

codec!(gzip, gunzip);
codec!(deflate, inflate);
codec!(brotli, unbrotli);

#[napi]
pub fn lz4_compress<'e>(env: &'e Env, data: &[u8]) -> Result<BufferSlice<'e>> {
    run_bytes(env, || core::compress::lz4_compress(data))
}

#[napi]
pub fn lz4_decompress<'e>(env: &'e Env, data: &[u8], max_output_length: f64) -> Result<BufferSlice<'e>> {
    run_bytes(env, || core::compress::lz4_decompress(data, cap(max_output_length)))
}

/// Whether this build can use threads (rayon) for batch work.
#[napi]
pub fn has_threads() -> bool {
    true
}

fn lang(name: &str) -> Result<core::syntax::Lang> {
    core::syntax::Lang::parse(name).map_err(js_err)
}

/// Syntax and early errors of `code` as JSON `[{message, line, column}]`,
/// loaded as `source_type` (`module`, `script`, `commonjs`, `unambiguous`)
/// or as the language's default.
#[napi]
pub fn js_validate(code: String, lang_name: String, source_type: Option<String>) -> Result<String> {
    let l = lang(&lang_name)?;
    let kind = match source_type {
        Some(k) => core::syntax::SourceKind::parse(&k).map_err(js_err)?,
        None => core::syntax::SourceKind::default_for(l),
    };
    run(|| Ok(core::syntax::diagnostics_to_json(&core::syntax::validate_as(&code, l, kind))))
}

/// What the post-edit rules find in `text` (the file at `path`, checked as
/// `kind` or as its name says), as the JSON of `core::check::Analysis`.
#[napi]
pub fn check_text(text: String, path: String, kind: Option<String>, source_type: Option<String>) -> Result<String> {
    run(|| core::check::analyze_named(&text, &path, kind.as_deref(), source_type.as_deref()).map(|a| a.to_json()))
}

/// The outline of `code` as JSON.
#[napi]
pub fn js_outline(code: String, lang_name: String) -> Result<String> {
    let l = lang(&lang_name)?;
    run(|| core::syntax::outline(&code, l).map(|o| o.to_json()))
}

/// A large text result (JSON of an AST, generated code). Made as a one-byte
/// V8 string by a copy when it is ASCII, as JSON and code mostly are;
/// napi's UTF-8 string decodes it character by character (on a 150 KB AST
/// that was as long as swc's parse).
pub struct Text(String);

impl ToNapiValue for Text {
    unsafe fn to_napi_value(env: napi::sys::napi_env, val: Self) -> Result<napi::sys::napi_value> {
        text_value(env, val.0.as_bytes())
    }
}

impl TypeName for Text {
    fn type_name() -> &'static str {
        "String"
    }

    fn value_type() -> napi::ValueType {
        napi::ValueType::String
    }
}

thread_local! {
    /// The JSON of the last AST, kept for the next (see `parse_to_json_into`).
    static AST_JSON: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// swc's AST of `code` as JSON, made as a string straight from the buffer
/// this thread keeps.
#[napi(ts_return_type = "string")]
pub fn js_parse(env: Env, code: String, lang_name: String) -> Result<napi::sys::napi_value> {
    let l = lang(&lang_name)?;
    AST_JSON.with_borrow_mut(|buf| {
        run(|| core::syntax::parse_to_json_into(&code, l, buf))?;
        let made = text_value(env.raw(), buf);
        if buf.capacity() > KEEP_UNITS * 4 {
            *buf = Vec::new();
        }
        made
    })
}

static TAPE_REGISTRIES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

thread_local! {
    /// This thread's AST tape session: its shape registry lives as long as
    /// the thread, so the JS reader (lib/ast-tape.js) compiles each shape
    /// once; ids from a process-wide counter.
    static AST_TAPE: std::cell::RefCell<core::syntax::tape::Session> = std::cell::RefCell::new(
        core::syntax::tape::Session::new(TAPE_REGISTRIES.fetch_add(1, std::sync::atomic::Ordering::Relaxed)),
    );
}

/// swc's AST of `code` (UTF-8) as a binary tape: `[tape, strings, shapes,
/// registry]` (see `tape::Session::parse`): `shapes` is the JSON of the
/// shapes the caller's reader lacks, or null.
#[napi(ts_return_type = "[Buffer, string, string | null, number]")]
pub fn js_parse_tape(env: Env, code: &[u8], lang_name: String, known: u32, registry: f64) -> Result<napi::sys::napi_value> {
    let code = std::str::from_utf8(code).map_err(|_| js_err(CfnError::InvalidArg("code is not UTF-8".into())))?;
    let l = lang(&lang_name)?;
    AST_TAPE.with_borrow_mut(|session| {
        let out = run(|| session.parse(code, l, known as usize, registry as u64))?;
        let raw = env.raw();
        let values = unsafe {
            [
                BufferSlice::to_napi_value(raw, bytes_out(&env, &out.tape.bytes)?)?,
                text_value(raw, out.tape.strings.as_bytes())?,
                match out.shapes {
                    Some(json) => text_value(raw, json.as_bytes())?,
                    None => Null::to_napi_value(raw, Null)?,
                },
                f64::to_napi_value(raw, out.registry as f64)?,
            ]
        };
        let mut array = std::ptr::null_mut();
        unsafe {
            check(napi::sys::napi_create_array_with_length(raw, values.len(), &mut array))?;
            for (i, v) in values.into_iter().enumerate() {
                check(napi::sys::napi_set_element(raw, array, i as u32, v))?;
            }
        }
        Ok(array)
    })
}

fn check(status: napi::sys::napi_status) -> Result<()> {
    if status == napi::sys::Status::napi_ok {
        Ok(())
    } else {
        Err(napi::Error::new(Status::GenericFailure, "ERR_CFN_INTERNAL: napi call failed".to_string()))
    }
}

/// A JS string of UTF-8 `bytes`: one-byte by a copy when they are ASCII.
fn text_value(env: napi::sys::napi_env, bytes: &[u8]) -> Result<napi::sys::napi_value> {
    let mut out = std::ptr::null_mut();
    let status = unsafe {
        if bytes.is_ascii() {
            napi::sys::napi_create_string_latin1(env, bytes.as_ptr().cast(), bytes.len() as isize, &mut out)
        } else {
            napi::sys::napi_create_string_utf8(env, bytes.as_ptr().cast(), bytes.len() as isize, &mut out)
        }
    };
    if status != napi::sys::Status::napi_ok {
        return Err(napi::Error::new(Status::GenericFailure, "ERR_CFN_LIMIT: text too long for a string".to_string()));
    }
    Ok(out)
}

/// `code` with constants folded and dead code removed (swc's simplifier).
#[napi(ts_return_type = "string")]
pub fn js_optimize(code: String, lang_name: String) -> Result<Text> {
    let l = lang(&lang_name)?;
    run(|| core::syntax::optimize(&code, l)).map(Text)
}

/// The same on swc's JSON AST; the result is JSON of the same shape.
#[napi(ts_return_type = "string")]
pub fn ast_optimize(ast_json: String) -> Result<Text> {
    run(|| core::syntax::optimize_ast(&ast_json)).map(Text)
}

/// Why a JSON AST is not of swc's shape, or null.
#[napi]
pub fn ast_check(ast_json: String) -> Result<Option<String>> {
    run(|| Ok(core::syntax::validate_ast(&ast_json)))
}

/// Reads and validates files on libuv's pool, in parallel with rayon.
pub struct ValidateFilesTask {
    paths: Vec<String>,
    lang: Option<core::syntax::Lang>,
}

impl Task for ValidateFilesTask {
    type Output = Vec<core::syntax::FileReport>;
    type JsValue = Vec<FileReportJs>;

    fn compute(&mut self) -> Result<Self::Output> {
        let (paths, l) = (std::mem::take(&mut self.paths), self.lang);
        run(|| Ok(core::syntax::validate_files(&paths, l)))
    }

    fn resolve(&mut self, _env: Env, output: Self::Output) -> Result<Self::JsValue> {
        Ok(output
            .into_iter()
            .map(|r| FileReportJs { path: r.path, errors: r.errors_json, failure: r.failure })
            .collect())
    }
}

/// One file's result: `errors` is the diagnostics JSON when it was checked.
#[napi(object)]
pub struct FileReportJs {
    pub path: String,
    pub errors: Option<String>,
    pub failure: Option<String>,
}

/// Validates `paths` off the JS thread; the language comes from `lang_name`
/// when given, else from each file's extension.
#[napi(ts_return_type = "Promise<FileReportJs[]>")]
pub fn validate_files(paths: Vec<String>, lang_name: Option<String>) -> Result<AsyncTask<ValidateFilesTask>> {
    let l = match lang_name {
        Some(n) => Some(lang(&n)?),
        None => None,
    };
    Ok(AsyncTask::new(ValidateFilesTask { paths, lang: l }))
}

