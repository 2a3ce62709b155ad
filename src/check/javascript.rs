//! JavaScript, TypeScript and declaration files: syntax and early errors as
//! the engine decides them (`crate::syntax::validate_as`: oxc's parser and
//! semantic checker), loaded with the source type Node would use.
//!
//! | rule | severity | catches |
//! |---|---|---|
//! | `syntax` | error | what the parser or the early-error checker refuses |

use super::{Analysis, Severity};
use crate::syntax::{validate_as, Lang, SourceKind};

/// The family's rules for `check --help`: `(id, severity, summary)`.
pub const RULES: &[(&str, Severity, &str)] = &[(
    "syntax",
    Severity::Error,
    "JS/TS: what the engine refuses to load (syntax and early errors, as Node decides the source type)",
)];

/// Reports `text`'s syntax and early errors as `lang` loaded as
/// `source_type` (None: the language's default) into `out`.
pub fn check(text: &str, lang: Lang, source_type: Option<SourceKind>, out: &mut Analysis) {
    let kind = source_type.unwrap_or(SourceKind::default_for(lang));
    for d in validate_as(text, lang, kind) {
        out.push(Severity::Error, "syntax", d.message, d.line as u32, d.column as u32);
    }
}
