//! Whether a value found after a secret-sounding key looks like a secret:
//! long enough, mixed character classes, high Shannon entropy, and none of
//! the things such values usually are instead (placeholders, references,
//! labels, names, paths, versions, UUIDs, integrity strings).
//! `lib/check/rules/secrets.js` (`looksLikeSecret`) is the twin: every test
//! here works on ASCII only, so both count the same characters.

/// Shannon entropy of `s` in bits per character (s is ASCII).
pub fn entropy(s: &[u8]) -> f64 {
    let mut counts = [0u32; 128];
    for &b in s {
        counts[(b & 0x7f) as usize] += 1;
    }
    let n = s.len() as f64;
    // log2(n) - Σ c·log2(c) / n: the same arithmetic as the JS twin, so the
    // two agree to the last bit.
    let mut sum = 0.0;
    for &c in counts.iter() {
        if c > 0 {
            let c = c as f64;
            sum += c * c.log2();
        }
    }
    n.log2() - sum / n
}

/// Substrings (lower case) that mark a value as a placeholder or a
/// reference, not a secret.
const PLACEHOLDERS: &[&str] = &[
    "changeme", "change_me", "change-me", "your", "xxx", "example", "dummy", "test", "sample",
    "placeholder", "redacted", "fake", "secret", "password", "passwd", "token", "todo", "fixme", "insert",
    "replace", "default", "demo", "mock", "${", "{{", "}}", "#{", "$(", "%(", "process.env",
    "os.environ", "env(", "getenv", "secrets.", "vault:", "://", "1234", "abcdef", "arn:",
];

/// Placeholders by shape rather than by a substring: `***`/`...` at an end
/// (`sk-...`, `***redacted`), `<token>`, and a call (`cfg.get("x")`).
/// Symbols inside a random value (Django's keys use `*`, `(`, `<`) do not
/// make it a placeholder.
fn is_placeholder_shape(v: &[u8]) -> bool {
    let ends = |p: &[u8]| v.starts_with(p) || v.ends_with(p);
    let call = v.ends_with(b")") && v.windows(2).any(|w| (w[0].is_ascii_alphanumeric() || w[0] == b'_') && w[1] == b'(');
    ends(b"***") || ends(b"...") || v.starts_with(b"<") || v.ends_with(b">") || call
}

fn is_upper_ident(v: &[u8]) -> bool {
    v[0].is_ascii_uppercase() && v.iter().all(|&b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

fn ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b == b'$'
}

/// `a.b.c` with every segment an identifier: a property path or a key name.
fn is_dotted_path(v: &[u8]) -> bool {
    let mut segments = 0;
    for seg in v.split(|&b| b == b'.') {
        if seg.is_empty() || !ident_start(seg[0]) {
            return false;
        }
        if !seg.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b == b'-') {
            return false;
        }
        segments += 1;
    }
    segments > 1
}

/// Words joined by `-`, `_`, `.`, `:` or `/` where each part is all
/// lower-case letters or all digits (`auth-token-2`, `app.key.v`): a name.
fn is_word_join(v: &[u8]) -> bool {
    v.split(|&b| matches!(b, b'-' | b'_' | b'.' | b':' | b'/'))
        .all(|p| p.iter().all(|b| b.is_ascii_lowercase()) || p.iter().all(|b| b.is_ascii_digit()))
}

fn is_uuid(v: &[u8]) -> bool {
    v.len() == 36
        && v.iter().enumerate().all(|(i, &b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

/// `1.2.3`, `^4.0.20`, `>=1.0`, `v2.1`: a version or range.
fn is_version(v: &[u8]) -> bool {
    let rest: &[u8] = {
        let mut i = 0;
        while i < v.len() && matches!(v[i], b'^' | b'~' | b'>' | b'<' | b'=' | b'v') {
            i += 1;
        }
        &v[i..]
    };
    let mut parts = rest.split(|&b| b == b'.');
    let first_numeric = parts.next().is_some_and(|p| !p.is_empty() && p.iter().all(u8::is_ascii_digit));
    first_numeric && rest.contains(&b'.')
}

/// `sha512-...`, `sha256:...`: a subresource-integrity or digest string.
fn is_integrity(lower: &str) -> bool {
    ["sha1", "sha256", "sha384", "sha512", "md5"]
        .iter()
        .any(|p| lower.strip_prefix(p).is_some_and(|r| r.starts_with('-') || r.starts_with(':')))
}

fn is_path(v: &str) -> bool {
    if v.starts_with('/') || v.starts_with("./") || v.starts_with("../") || v.starts_with("~/") {
        return true;
    }
    let b = v.as_bytes();
    if b.len() > 2 && b[0].is_ascii_alphabetic() && b[1] == b':' && b[2] == b'\\' {
        return true;
    }
    // a/b/c.ext: a path with an extension.
    (v.contains('/') || v.contains('\\'))
        && v.rsplit_once('.').is_some_and(|(_, ext)| (1..=5).contains(&ext.len()) && ext.bytes().all(|c| c.is_ascii_alphanumeric()))
}

/// Whether `v` looks like a real secret rather than anything else a value
/// after `password=` tends to be. ASCII printable only (no spaces: a value
/// with spaces is a label or a sentence).
pub fn looks_like_secret(v: &str) -> bool {
    let b = v.as_bytes();
    if b.len() < 8 || b.len() > 256 || !b.iter().all(|&c| (0x21..=0x7e).contains(&c)) {
        return false;
    }
    let lower = v.to_ascii_lowercase();
    if PLACEHOLDERS.iter().any(|p| lower.contains(p)) || is_placeholder_shape(b) {
        return false;
    }
    // `$X`, `%X%`; `[...]` is an array or a regular expression class.
    if b[0] == b'$' || b[0] == b'[' || (b[0] == b'%' && b[b.len() - 1] == b'%') {
        return false;
    }
    if is_upper_ident(b) || is_dotted_path(b) || is_word_join(b) || is_uuid(b) || is_version(b) || is_integrity(&lower) || is_path(v) {
        return false;
    }
    let lowers = b.iter().any(u8::is_ascii_lowercase);
    let uppers = b.iter().any(u8::is_ascii_uppercase);
    let digits = b.iter().any(u8::is_ascii_digit);
    let symbols = b.iter().any(|c| !c.is_ascii_alphanumeric());
    let classes = [lowers, uppers, digits, symbols].iter().filter(|&&x| x).count();
    if !(lowers || uppers) || !(digits || symbols) || classes < 2 || (classes == 2 && b.len() < 16) {
        return false;
    }
    let mut seen = [false; 128];
    for &c in b {
        seen[c as usize] = true;
    }
    let distinct = seen.iter().filter(|&&x| x).count();
    // Repetition: at least 6 distinct characters, and one in 5 distinct up
    // to 60 characters (random hex has 16 to offer).
    if distinct < 6 || distinct * 5 < b.len().min(60) {
        return false;
    }
    let threshold = if b.len() < 16 { 3.0 } else { 3.5 };
    entropy(b) >= threshold
}

/// The first 4 characters of a secret and `…`: enough to find it, not
/// enough to use it.
pub fn mask(secret: &str) -> String {
    let head: String = secret.chars().take(4).collect();
    format!("{head}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_and_near_misses() {
        for v in ["hunter2-is-bad", "Xk29fj3kLqP0", "wJalrXUtnFEMIK7MDENGbPxRfiCYzz12", "3f8a9c0d1e2b4a5f6c7d8e9f0a1b2c3d"] {
            assert!(looks_like_secret(v), "{v}");
        }
        for v in [
            "peanuts", "Password", "changeme123", "AWS_CONTAINER_AUTHORIZATION_TOKEN", "^4.0.20", "${DB_PASSWORD}",
            "{{ .Values.pw }}", "process.env.X", "%APPDATA%", "config.auth.token", "auth-token-2",
            "123e4567-e89b-12d3-a456-426614174000", "sha512-abcdEFGH1234==", "/etc/ssl/key.pem", "aaaa1111bbbb",
            "https://example.com/x", "your-api-key", "sk-ant-xxx", "12345678", "true",
        ] {
            assert!(!looks_like_secret(v), "{v}");
        }
    }

    #[test]
    fn entropy_exact() {
        assert_eq!(entropy(b"abcdefgh"), 3.0);
        assert_eq!(entropy(b"aaaa"), 0.0);
    }
}
