//! The files `check` looks at: files named on the command line as they are;
//! folders walked with ripgrep's `ignore` crate (in parallel), honouring
//! `.gitignore` files (nested ones below their folder, inside a git
//! repository), `.ignore` files, `.git/info/exclude` and git's global
//! excludes file; skipping hidden files and folders (the crate's default,
//! as ripgrep: a `.env` is checked when named, as the hook names it) and
//! dependency or build-output folders (`node_modules`, `target`, `dist`,
//! `build`, `coverage`) inside them. Symlinked files are checked; symlinked
//! folders are not followed (cycles). Twin of lib/check/walk.js.

use crate::paths;
use ignore::{WalkBuilder, WalkState};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Folder names never descended into below a walked folder.
pub const SKIP_DIRS: [&str; 5] = ["node_modules", "target", "dist", "build", "coverage"];

/// What the arguments name: files (absolute, sorted, unique) and the
/// arguments or folders that could not be read, with why.
pub struct Collected {
    /// Files to check.
    pub files: Vec<PathBuf>,
    /// `(path, message)` for what could not be read.
    pub missing: Vec<(PathBuf, String)>,
}


/// Resolves `args` against `cwd` and walks the folders among them.
pub fn collect(args: &[String], cwd: &Path) -> Collected {
    let mut files = BTreeSet::new();
    let mut missing = Vec::new();
    let mut dirs = Vec::new();
    for arg in args {
        let abs = paths::resolve(cwd, arg);
        match std::fs::metadata(&abs) {
            Ok(m) if m.is_dir() => dirs.push(abs),
            Ok(_) => {
                files.insert(abs);
            }
            Err(e) => {
                let message = if e.kind() == std::io::ErrorKind::NotFound {
                    "no such file or directory".to_string()
                } else {
                    e.to_string()
                };
                missing.push((abs, message));
            }
        }
    }
    // One walk per folder: with several roots in one parallel walk, ripgrep's
    // walker can miss a parent folder's .gitignore for one of them.
    for dir in &dirs {
        let found = Mutex::new(Vec::new());
        let failed = Mutex::new(Vec::new());
        WalkBuilder::new(dir)
            .follow_links(false)
            .filter_entry(|e| {
                e.depth() == 0
                    || !e.file_type().is_some_and(|t| t.is_dir())
                    || !SKIP_DIRS.contains(&&*e.file_name().to_string_lossy())
            })
            .build_parallel()
            .run(|| {
                Box::new(|entry| {
                    match entry {
                        Ok(e) => {
                            let is_file = match e.file_type() {
                                Some(t) if t.is_file() => true,
                                Some(t) if t.is_symlink() => std::fs::metadata(e.path()).is_ok_and(|m| m.is_file()),
                                _ => false,
                            };
                            if is_file {
                                if let Ok(mut f) = found.lock() {
                                    f.push(e.into_path());
                                }
                            }
                        }
                        Err(err) => {
                            if let (Some(p), Ok(mut f)) = (io_path(&err), failed.lock()) {
                                f.push((p, err.to_string()));
                            }
                        }
                    }
                    WalkState::Continue
                })
            });
        files.extend(found.into_inner().unwrap_or_default());
        missing.extend(failed.into_inner().unwrap_or_default());
    }
    Collected { files: files.into_iter().collect(), missing }
}

/// The path an I/O error of the walk concerns (errors in ignore files
/// themselves are not about a path we were asked to check).
fn io_path(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::WithPath { path, err } if matches!(**err, ignore::Error::Io(_)) => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } => io_path(err),
        _ => None,
    }
}
