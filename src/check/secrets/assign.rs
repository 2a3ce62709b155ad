//! Generic assignments: a key that names a secret (`password`, `secret`,
//! `token`, `api_key`, …, in any case, as part of a longer name such as
//! `DB_PASSWORD` or `clientSecret`), a separator (`=`, `:`, `:=`, `=>`),
//! then a value, quoted or (where the file's syntax allows bare values:
//! `.env`, shell, YAML, TOML, INI) not. The value must pass
//! `value::looks_like_secret`. `assignments` in
//! `lib/check/rules/secrets.js` is the twin.

/// The key, its optional quotes and the separator (case-insensitive).
pub const ASSIGNMENT: &str = r#"["']?([A-Za-z0-9_.-]*(?:password|passwd|passphrase|secret|token|api[_-]?key|access[_-]?key|auth[_-]?key|private[_-]?key|signing[_-]?key|encryption[_-]?key|credentials?)[A-Za-z0-9_.-]*)["']?[ \t]*(?::=|=>|=|:)[ \t]*"#;

/// Parts of a key name that say its value is not the secret itself (a
/// hash of it, its length, where to find it, what to call it).
const NOT_SECRET_KEY: &[&str] = &[
    "hash", "digest", "checksum", "sha1", "sha256", "sha512", "md5", "fingerprint", "length", "count", "size", "name", "type", "url", "uri",
    "path", "file", "field", "label", "placeholder", "prompt", "regex", "pattern", "format", "header", "tokenizer",
    "tokens", "public", "kind", "expires", "ttl", "endpoint", "policy", "limit", "prefix", "env", "var",
    // Pagination and request fields (`NextToken`, `output_token`), roles.
    "next", "continuation", "output", "input", "page", "cursor", "marker", "generation", "last", "viewer", "role",
    "param", "query", "strings",
];

/// Whether a key (as written) may hold a secret.
pub fn secret_key(key: &str) -> bool {
    let lower = key.to_ascii_lowercase();
    // `id` only as a last part (`token_id`, `secretId`), not in `valid`.
    if ["_id", "-id", ".id"].iter().any(|e| lower.ends_with(e)) || key.ends_with("Id") {
        return false;
    }
    !NOT_SECRET_KEY.iter().any(|w| lower.contains(w))
}

/// The value starting at `rest` (the text after the separator, to the end
/// of the line): a quoted string's contents, or with `bare` a run of
/// printable ASCII up to a space, `,` or `;`.
pub fn value_at(rest: &str, bare: bool) -> Option<&str> {
    let b = rest.as_bytes();
    let q = *b.first()?;
    if matches!(q, b'"' | b'\'' | b'`') {
        let mut i = 1;
        while i < b.len() {
            if b[i] == b'\\' {
                i += 2;
                continue;
            }
            if b[i] == q {
                return Some(&rest[1..i]);
            }
            i += 1;
        }
        return None;
    }
    if !bare {
        return None;
    }
    let end = b.iter().position(|&c| !(0x21..=0x7e).contains(&c) || c == b',' || c == b';').unwrap_or(b.len());
    (end > 0).then(|| &rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_values() {
        assert!(secret_key("DB_PASSWORD"));
        assert!(secret_key("clientSecret"));
        assert!(!secret_key("password_hash"));
        assert!(!secret_key("token_id"));
        assert!(!secret_key("secretId"));
        assert_eq!(value_at("\"a\\\"b\" x", false), Some("a\\\"b"));
        assert_eq!(value_at("abc def", true), Some("abc"));
        assert_eq!(value_at("abc def", false), None);
    }
}
