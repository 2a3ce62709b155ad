//! Private key blocks: a `-----BEGIN … PRIVATE KEY-----` line counts only
//! with a key body after it. The body is read line by line (real line
//! breaks and `\n` escapes inside string literals alike), each piece
//! stripped of quotes, commas, spaces and a concatenating `+`; `Proc-Type:`-style headers
//! are skipped; it ends at `-----END` or at the first piece that is not
//! base64. A body of at least 64 base64 characters with 16 distinct ones
//! is a key; an empty body, `...` or `<key>` is a placeholder.
//! `privateKeyBody` in `lib/check/rules/secrets.js` is the twin.

/// Pieces read at most after the BEGIN line.
const MAX_PIECES: usize = 200;

fn is_base64(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'='
}

/// Syntax around a body piece in code: quotes, separators, brackets, and
/// the `+` of a concatenation. A `+` is that only next to a quote (`"…" +`,
/// `+ '…'`): elsewhere it is base64 (an ed25519 key's one line can end in
/// one, and dropping it left 63 characters, under the 64 a key needs).
fn clean(piece: &str) -> &str {
    let syntax = |c: char| matches!(c, ' ' | '\t' | '"' | '\'' | '`' | ',' | ';' | '(' | ')' | '[' | ']' | '\\');
    let quote = |c: Option<char>| matches!(c, Some('"' | '\'' | '`'));
    let mut p = piece;
    loop {
        let before = p.len();
        p = p.trim_matches(syntax);
        if let Some(rest) = p.strip_suffix('+') {
            let rest = rest.trim_end_matches([' ', '\t']);
            if quote(rest.chars().last()) {
                p = rest;
            }
        }
        if let Some(rest) = p.strip_prefix('+') {
            let rest = rest.trim_start_matches([' ', '\t']);
            if quote(rest.chars().next()) {
                p = rest;
            }
        }
        if p.len() == before {
            return p;
        }
    }
}

/// Whether the text right after a BEGIN marker holds a key body.
pub fn has_key_body(after: &str) -> bool {
    let mut body = 0usize;
    let mut seen = [false; 128];
    let mut pieces = 0;
    for line in after.split(['\n', '\r']) {
        for raw in line.split("\\n") {
            let piece = clean(raw.trim_end_matches("\\r"));
            if piece.is_empty() {
                continue;
            }
            pieces += 1;
            if pieces > MAX_PIECES || piece.starts_with("-----END") {
                return key_like(body, &seen);
            }
            if piece.contains(':') && body == 0 {
                continue;
            }
            if !piece.bytes().all(is_base64) {
                return key_like(body, &seen);
            }
            body += piece.len();
            for b in piece.bytes() {
                seen[b as usize] = true;
            }
        }
    }
    key_like(body, &seen)
}

fn key_like(body: usize, seen: &[bool; 128]) -> bool {
    body >= 64 && seen.iter().filter(|&&x| x).count() >= 16
}

#[cfg(test)]
mod tests {
    use super::has_key_body;

    #[test]
    fn bodies_and_placeholders() {
        let body = "MIIEowIBAAKCAQEAv1n5Xq0sY8fJ3kLmN2pQrStUvWxYz0123456789abcdefGHIJKLMNOPQRSTU+/=";
        assert!(has_key_body(&format!("\n{body}\n{body}\n-----END RSA PRIVATE KEY-----\n")));
        assert!(has_key_body(&format!("\\n{body}\\n-----END PRIVATE KEY-----\",")));
        assert!(!has_key_body("\n...\n-----END RSA PRIVATE KEY-----\n"));
        assert!(!has_key_body("\n-----END RSA PRIVATE KEY-----\n"));
        assert!(!has_key_body("\nMIIEow\n-----END RSA PRIVATE KEY-----\n"));
        assert!(!has_key_body("\", 'pem');\nconst x = 1;\n"));
        // An ed25519 key: one 64-character line, which may end in `+`; in a
        // file, and in concatenated string literals.
        let ed = "MC4CAQAwBQYDK2VwBCIEIN9fCSpOQPspu5XmKqxKTmxiXCynl3EEaugk7UizL8s+";
        assert!(has_key_body(&format!("\n{ed}\n-----END PRIVATE KEY-----\n")));
        assert!(has_key_body(&format!("\\n\" +\n  \"{ed}\\n\" +\n  \"-----END PRIVATE KEY-----\";")));
        assert!(has_key_body(&format!("\\n{ed}\\n-----END PRIVATE KEY-----\",")));
    }
}
