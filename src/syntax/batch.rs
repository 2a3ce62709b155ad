//! Validating many files at once: read and check each, in parallel with
//! rayon when the `parallel` feature is on (never on wasm32).

use super::{diagnostics_to_json, validate, Lang};

/// The result for one file: its diagnostics, or why it could not be checked.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The path as given.
    pub path: String,
    /// Diagnostics as JSON (see `diagnostics_to_json`), when the file was read.
    pub errors_json: Option<String>,
    /// Why the file was not checked (unreadable, not UTF-8, unknown type).
    pub failure: Option<String>,
}

/// The language of a path by its extension, if it is JS or TS.
pub fn lang_of_path(path: &str) -> Option<Lang> {
    Lang::of_path(path)
}

fn check_one(path: &str, lang: Option<Lang>) -> FileReport {
    let fail = |why: String| FileReport { path: path.to_string(), errors_json: None, failure: Some(why) };
    let Some(lang) = lang.or_else(|| lang_of_path(path)) else {
        return fail("not a JavaScript or TypeScript file (by extension)".into());
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return fail(format!("cannot read: {e}")),
    };
    let Ok(src) = std::str::from_utf8(&bytes) else {
        return fail("not valid UTF-8".into());
    };
    FileReport { path: path.to_string(), errors_json: Some(diagnostics_to_json(&validate(src, lang))), failure: None }
}

/// Validates each file (language from `lang`, or else its extension).
pub fn validate_files(paths: &[String], lang: Option<Lang>) -> Vec<FileReport> {
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        paths.par_iter().map(|p| check_one(p, lang)).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        paths.iter().map(|p| check_one(p, lang)).collect()
    }
}
