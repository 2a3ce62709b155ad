//! How Node 20 loads a `.js` file: the `"type"` of the nearest package.json
//! (`module` or `commonjs`); with none, Node's module syntax detection
//! (`unambiguous`). Remembered per folder, shared by the worker threads.
//! Twin of lib/check/source-type.js.

use cfn_accel_core::check::FileKind;
use cfn_accel_core::syntax::{Lang, SourceKind};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Package scopes seen so far.
#[derive(Default)]
pub struct PackageTypes {
    by_dir: Mutex<HashMap<PathBuf, Option<SourceKind>>>,
}

impl PackageTypes {
    /// The `"type"` that decides for files in `dir`: the first package.json
    /// found walking up (one that is not JSON decides nothing).
    fn type_of(&self, dir: &Path) -> Option<SourceKind> {
        if let Some(known) = self.by_dir.lock().ok().and_then(|m| m.get(dir).copied()) {
            return known;
        }
        let found = match std::fs::read_to_string(dir.join("package.json")) {
            Ok(text) => match serde_json::from_str::<serde_json::Value>(&text) {
                Ok(v) => match v.get("type").and_then(|t| t.as_str()) {
                    Some("module") => Some(SourceKind::Module),
                    Some("commonjs") => Some(SourceKind::CommonJs),
                    _ => None,
                },
                Err(_) => None,
            },
            Err(_) => dir.parent().and_then(|p| self.type_of(p)),
        };
        if let Ok(mut m) = self.by_dir.lock() {
            m.insert(dir.to_path_buf(), found);
        }
        found
    }

    /// The source type to check `file` with, or None for the language's
    /// own default (everything but `.js`/`.jsx`).
    pub fn source_type_of(&self, file: &Path, kind: FileKind) -> Option<SourceKind> {
        if !matches!(kind, FileKind::Script(Lang::Js | Lang::Jsx)) {
            return None;
        }
        let dir = file.parent()?;
        Some(self.type_of(dir).unwrap_or(SourceKind::Unambiguous))
    }
}

/// The name the Node CLI uses for a source type in cache keys.
pub fn name(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Module => "module",
        SourceKind::Script => "script",
        SourceKind::CommonJs => "commonjs",
        SourceKind::Unambiguous => "unambiguous",
    }
}
