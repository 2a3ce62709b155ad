//! `cfn-accel check <file|dir>... [--json] [--no-cache]`: the Node CLI's
//! `check` (lib/check/index.js) on the Rust core, files in parallel.

use crate::args;
use crate::cache::{cache_dir, Cache};
use crate::config::Configs;
use crate::links::{self, Anchors};
use crate::paths;
use crate::report::{self, FileResult, Summary};
use crate::source_type::{self, PackageTypes};
use crate::walk;
use crate::Usage;
use cfn_accel_core::check::{self, FileContext};
use rayon::prelude::*;
use serde_json::{json, Value};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The `--help` text (shared with the Node CLI).
pub const USAGE: &str = include_str!("../../lib/cli/help/check.txt");

const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
const BINARY_SNIFF: usize = 8000;

/// What checking one file produced, besides its result: a new cache entry,
/// or the key of a cache entry it used.
struct Outcome {
    result: FileResult,
    store: Option<(String, Value)>,
    used: Option<String>,
}

fn diag(severity: &str, rule: &str, message: String, line: u32, column: u32) -> Value {
    json!({"line": line, "column": column, "severity": severity, "rule": rule, "message": message})
}

fn read_capped(file: &Path) -> std::io::Result<Result<Vec<u8>, u64>> {
    let mut f = std::fs::File::open(file)?;
    let size = f.metadata()?.len();
    if size > MAX_FILE_BYTES {
        return Ok(Err(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    f.read_to_end(&mut bytes)?;
    Ok(Ok(bytes))
}

fn check_file(file: &Path, cwd: &Path, cache: &Cache, types: &PackageTypes, configs: &Configs, anchors: &Anchors) -> Outcome {
    let path_text = file.to_string_lossy();
    let kind = check::kind_of(&path_text);
    let result = |kind: &'static str, cached: bool, diagnostics: Vec<Value>| FileResult {
        shown: paths::display(file, cwd),
        path: file.to_path_buf(),
        kind,
        cached,
        diagnostics,
    };
    let only = |d: Value| Outcome { result: result(kind.as_str(), false, vec![d]), store: None, used: None };
    let bytes = match read_capped(file) {
        Ok(Ok(b)) => b,
        Ok(Err(size)) => {
            return only(diag("warning", "too-large", format!("not checked: {size} bytes is over the {MAX_FILE_BYTES}-byte limit"), 0, 0))
        }
        Err(e) => return only(diag("error", "io", format!("cannot read: {e}"), 0, 0)),
    };
    if bytes[..bytes.len().min(BINARY_SNIFF)].contains(&0) {
        return Outcome { result: result("binary", false, vec![]), store: None, used: None };
    }
    // The same .js text is a module in one package and CommonJS in another.
    let source_type = types.source_type_of(file, kind);
    let key_kind = match source_type {
        Some(st) => format!("{}:{}", kind.as_str(), source_type::name(st)),
        None => kind.as_str().to_string(),
    };
    let key = Cache::key(&key_kind, &bytes);
    let (analysis, cached) = match cache.get(&key) {
        Some(v) => (v.clone(), true),
        None => {
            let text = String::from_utf8_lossy(&bytes);
            let a = check::analyze(&text, &FileContext { path: &path_text, kind, source_type });
            (serde_json::from_str(&a.to_json()).unwrap_or(Value::Null), false)
        }
    };
    let mut diagnostics: Vec<Value> = analysis["diagnostics"].as_array().cloned().unwrap_or_default();
    // Link findings come after the analysis (they need the disk), so inline
    // markers are applied to them here.
    let mut link_findings = links::check(file, &analysis, anchors);
    check::suppress::retain_unsilenced(&String::from_utf8_lossy(&bytes), &mut link_findings, |d| {
        (d["rule"].as_str().unwrap_or(""), d["line"].as_u64().unwrap_or(0) as u32)
    });
    diagnostics.extend(link_findings);
    if let Some(config) = configs.for_file(file) {
        config.apply(file, &mut diagnostics);
    }
    sort(&mut diagnostics);
    let (store, used) = if cached { (None, Some(key)) } else { (Some((key, analysis)), None) };
    Outcome { result: result(kind.as_str(), cached, diagnostics), store, used }
}

/// Sorts JSON diagnostics by cell, line, column, then rule.
fn sort(list: &mut [Value]) {
    let k = |d: &Value| {
        let n = |key: &str| d[key].as_u64().unwrap_or(0);
        (n("cell"), n("line"), n("column"), d["rule"].as_str().unwrap_or("").to_string())
    };
    list.sort_by_key(k);
}

/// Checks `args` (files and folders, relative to `cwd`): every file's
/// result, sorted by path, and the summary.
pub fn check_paths(args: &[String], cwd: &Path, use_cache: bool) -> (Vec<FileResult>, Summary) {
    let collected = walk::collect(args, cwd);
    let stamp = format!("{}+rules.{}+native", crate::version(), check::RULES_VERSION);
    let mut cache = Cache::open(use_cache, &cache_dir(cwd), stamp);
    let types = PackageTypes::default();
    let configs = Configs::default();
    let anchors = Anchors::default();
    // Files a project file ignores are not checked, named or walked.
    let files: Vec<&PathBuf> =
        collected.files.iter().filter(|f| !configs.for_file(f).is_some_and(|c| c.ignores(f))).collect();
    let outcomes: Vec<Outcome> = files.par_iter().map(|f| check_file(f, cwd, &cache, &types, &configs, &anchors)).collect();
    let mut results: Vec<FileResult> = collected
        .missing
        .iter()
        .map(|(p, message)| FileResult {
            shown: paths::display(p, cwd),
            path: p.clone(),
            kind: "missing",
            cached: false,
            diagnostics: vec![diag("error", "io", message.clone(), 0, 0)],
        })
        .collect();
    for o in outcomes {
        if let Some(k) = o.used {
            cache.touch(&k);
        }
        if let Some((k, v)) = o.store {
            cache.set(k, v);
        }
        results.push(o.result);
    }
    cache.save();
    results.sort_by(|a, b| a.path.as_os_str().cmp(b.path.as_os_str()));
    let summary = Summary::of(&results, files.len());
    (results, summary)
}

/// Runs `check` with `argv`; the exit code (1 when there is an error).
pub fn run(argv: &[String]) -> Result<i32, Usage> {
    let p = args::parse(argv, &["json", "no-cache", "no-wasm"], &[], true)?;
    if p.positionals.is_empty() {
        return Err(Usage("expected at least one file or folder".into()));
    }
    let cwd = std::env::current_dir().map_err(|e| Usage(format!("cannot read the working folder: {e}")))?;
    let (results, summary) = check_paths(&p.positionals, &cwd, !p.flag("no-cache"));
    let out = if p.flag("json") { report::json_doc(&results, &summary, crate::version()) } else { report::human(&results, &summary) };
    print!("{out}");
    Ok(if summary.errors > 0 { 1 } else { 0 })
}
