//! Jupyter notebooks (`.ipynb`): each cell is checked on its own through
//! the same per-text `analyze` as a file: code cells of a JavaScript or
//! TypeScript kernel as that language, every other cell as text (the scans
//! every text gets). Findings carry the cell's 1-based number. A file that
//! is not a notebook (not JSON, or no `cells` list) is checked as the JSON
//! it claims to be. Twin of lib/check/notebook.js.

use super::{analyze, Analysis, FileContext, FileKind};
use crate::syntax::Lang;
use serde_json::Value;

/// The language a kernel's code cells are checked as, by the notebook's
/// language name.
fn kernel_kind(language: &str) -> FileKind {
    match language {
        "javascript" | "js" | "node" | "nodejs" => FileKind::Script(Lang::Js),
        "typescript" | "ts" => FileKind::Script(Lang::Ts),
        _ => FileKind::Text,
    }
}

/// The notebook's language, lowercased: `metadata.kernelspec.language`,
/// else `metadata.language_info.name`.
fn language(nb: &Value) -> String {
    let meta = &nb["metadata"];
    [&meta["kernelspec"]["language"], &meta["language_info"]["name"]]
        .into_iter()
        .filter_map(Value::as_str)
        .find(|s| !s.is_empty())
        .unwrap_or("")
        .to_lowercase()
}

/// A cell's source as one text (nbformat allows a string or a list of lines).
fn source(cell: &Value) -> String {
    match &cell["source"] {
        Value::String(s) => s.clone(),
        Value::Array(parts) => parts.iter().filter_map(Value::as_str).collect(),
        _ => String::new(),
    }
}

/// The analysis of notebook `text` (the file of `ctx`).
pub fn analyze_notebook(text: &str, ctx: &FileContext) -> Analysis {
    let nb: Option<Value> = serde_json::from_str(text).ok();
    let Some(Value::Array(cells)) = nb.as_ref().map(|nb| &nb["cells"]) else {
        return analyze(text, &FileContext { kind: FileKind::Json, ..*ctx });
    };
    let code_kind = kernel_kind(&language(nb.as_ref().unwrap_or(&Value::Null)));
    let mut out = Analysis::default();
    for (i, cell) in cells.iter().enumerate() {
        let kind = if cell["cell_type"] == "code" { code_kind } else { FileKind::Text };
        let cell_ctx = FileContext { kind, source_type: None, ..*ctx };
        for mut d in analyze(&source(cell), &cell_ctx).diagnostics {
            d.cell = Some(i as u32 + 1);
            out.diagnostics.push(d);
        }
    }
    out
}
