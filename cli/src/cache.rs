//! The content-hash cache, with the Node CLI's semantics: what the rules
//! said about a file's content, keyed by kind, source type and xxh3 of the
//! bytes, valid for one tool and rules version, most recently used kept
//! (20,000 entries), in the same folder ($CFN_ACCEL_CACHE_DIR,
//! $XDG_CACHE_HOME/cfn-accel, node_modules/.cache/cfn-accel nearest the
//! working folder, ~/.cache/cfn-accel). Its own file there
//! (`check-cache-exe.json`): a JSON document ending in its own xxh3, so a
//! damaged file reads as empty, never as wrong answers. Written to a
//! temporary file renamed into place: concurrent hooks never see half.

use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

const MAX_ENTRIES: usize = 20_000;
const FILE_NAME: &str = "check-cache-exe.json";

/// Where the cache lives (see the module doc).
pub fn cache_dir(cwd: &Path) -> PathBuf {
    if let Some(d) = std::env::var_os("CFN_ACCEL_CACHE_DIR").filter(|d| !d.is_empty()) {
        return crate::paths::resolve(cwd, &d.to_string_lossy());
    }
    if let Some(d) = std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
        return crate::paths::resolve(cwd, &d.to_string_lossy()).join("cfn-accel");
    }
    let mut dir = Some(cwd);
    while let Some(d) = dir {
        if d.join("node_modules").exists() {
            return d.join("node_modules").join(".cache").join("cfn-accel");
        }
        dir = d.parent();
    }
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE")).unwrap_or_default();
    PathBuf::from(home).join(".cache").join("cfn-accel")
}

/// A loaded cache; a disabled one answers nothing and saves nothing.
pub struct Cache {
    file: Option<PathBuf>,
    stamp: String,
    entries: Map<String, Value>,
    dirty: bool,
}

impl Cache {
    /// Opens the cache in `dir`; any failure to read it gives an empty one.
    pub fn open(enabled: bool, dir: &Path, stamp: String) -> Cache {
        if !enabled {
            return Cache { file: None, stamp, entries: Map::new(), dirty: false };
        }
        let file = dir.join(FILE_NAME);
        let entries = std::fs::read(&file).ok().and_then(|bytes| read(&bytes, &stamp)).unwrap_or_default();
        Cache { file: Some(file), stamp, entries, dirty: false }
    }

    /// The key of `bytes` checked as `kind` (with its source type).
    pub fn key(kind: &str, bytes: &[u8]) -> String {
        format!("{kind}:{:x}:{}", cfn_accel_core::hash::xxh3(bytes), bytes.len())
    }

    /// The stored analysis for `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.file.as_ref()?;
        self.entries.get(key)
    }

    /// Marks `key` used now (eviction drops the least recently used).
    pub fn touch(&mut self, key: &str) {
        if let Some(v) = self.entries.shift_remove(key) {
            self.entries.insert(key.to_string(), v);
            self.dirty = true;
        }
    }

    /// Stores `value` for `key`.
    pub fn set(&mut self, key: String, value: Value) {
        if self.file.is_none() {
            return;
        }
        self.entries.shift_remove(&key);
        self.entries.insert(key, value);
        self.dirty = true;
    }

    /// Writes the cache back if anything changed; failures are ignored (the
    /// cache is an optimisation).
    pub fn save(&mut self) {
        let Some(file) = &self.file else { return };
        if !self.dirty {
            return;
        }
        let drop = self.entries.len().saturating_sub(MAX_ENTRIES);
        let kept: Map<String, Value> = std::mem::take(&mut self.entries).into_iter().skip(drop).collect();
        let mut doc = Map::new();
        doc.insert("stamp".into(), Value::String(self.stamp.clone()));
        doc.insert("entries".into(), Value::Object(kept));
        let body = Value::Object(doc).to_string();
        let text = format!("{body}\n{:016x}\n", cfn_accel_core::hash::xxh3(body.as_bytes()));
        let tmp = file.with_extension(format!("{}.tmp", std::process::id()));
        let written = file.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|_| std::fs::write(&tmp, text));
        if written.and_then(|_| std::fs::rename(&tmp, file)).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        self.dirty = false;
    }
}

/// The entries of a cache file written for `stamp`, or None when it is
/// damaged, truncated or from another version.
fn read(bytes: &[u8], stamp: &str) -> Option<Map<String, Value>> {
    let text = std::str::from_utf8(bytes).ok()?.strip_suffix('\n')?;
    let (body, sum) = text.rsplit_once('\n')?;
    if u64::from_str_radix(sum, 16).ok()? != cfn_accel_core::hash::xxh3(body.as_bytes()) {
        return None;
    }
    let Value::Object(mut doc) = serde_json::from_str(body).ok()? else { return None };
    if doc.get("stamp")?.as_str()? != stamp {
        return None;
    }
    match doc.remove("entries")? {
        Value::Object(m) => Some(m),
        _ => None,
    }
}
