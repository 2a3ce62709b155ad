//! Paths as Node's `path` module makes them: `resolve` is lexical (`.` and
//! `..` removed without touching the disk, symlinks kept), and a path is
//! shown relative to the working folder when it is inside it.

use std::path::{Component, Path, PathBuf};

/// `base.join(p)` with `.` and `..` removed lexically (Node's `path.resolve`).
pub fn resolve(base: &Path, p: &str) -> PathBuf {
    let joined = base.join(p);
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// `file` relative to `cwd` when it is inside it (and not `cwd` itself),
/// else absolute: what the Node CLI prints.
pub fn display(file: &Path, cwd: &Path) -> String {
    match file.strip_prefix(cwd) {
        Ok(rel) if !rel.as_os_str().is_empty() => rel.to_string_lossy().into_owned(),
        _ => file.to_string_lossy().into_owned(),
    }
}
