//! Provider token formats: a pattern each (ASCII classes only, no
//! look-around, so JavaScript's engine finds the same matches), then a
//! check of the structure the provider documents (a checksum, a fixed
//! length, an example value to let pass). `TOKENS` in
//! `lib/check/rules/secrets.js` is the twin table.

use super::value::entropy;

/// How a match is confirmed after the pattern found it.
#[derive(Debug, Clone, Copy)]
pub enum Confirm {
    /// The last 6 characters are the base62 CRC32 of the 30 before them
    /// (GitHub's and npm's token formats since 2021).
    Crc32Base62,
    /// No provider check: only not a placeholder (repeated characters,
    /// `EXAMPLE`, low entropy in the random part).
    Random,
    /// AWS access key id: not one of AWS's documented example ids (they
    /// end in `EXAMPLE`).
    AwsKeyId,
}

/// One known token format.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// Rule id.
    pub rule: &'static str,
    /// What it is, for the message.
    pub what: &'static str,
    /// The pattern (the same text as the JS twin's, `i` flag never used).
    pub pattern: &'static str,
    /// A word that must appear on the same line (lower case), when the
    /// pattern alone is too common a shape.
    pub keyword: Option<&'static str>,
    /// How a match is confirmed.
    pub confirm: Confirm,
}

/// The known formats, in reporting order.
pub const TOKENS: &[Token] = &[
    Token { rule: "secret-aws-access-key", what: "AWS access key id", pattern: r"(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}", keyword: None, confirm: Confirm::AwsKeyId },
    Token { rule: "secret-github-token", what: "GitHub token", pattern: r"gh[pousr]_[A-Za-z0-9]{36}", keyword: None, confirm: Confirm::Crc32Base62 },
    Token { rule: "secret-github-token", what: "GitHub fine-grained token", pattern: r"github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}", keyword: None, confirm: Confirm::Random },
    Token { rule: "secret-gitlab-token", what: "GitLab token", pattern: r"gl(?:pat|ptt|dt|rt|cbt|oas)-[A-Za-z0-9_-]{20,}", keyword: None, confirm: Confirm::Random },
    Token { rule: "secret-slack-token", what: "Slack token", pattern: r"xox[abposr]-[0-9]{8,}-[A-Za-z0-9-]{10,}", keyword: None, confirm: Confirm::Random },
    Token { rule: "secret-slack-webhook", what: "Slack webhook URL", pattern: r"https://hooks\.slack\.com/services/T[A-Z0-9]{8,}/B[A-Z0-9]{8,}/[A-Za-z0-9]{20,}", keyword: None, confirm: Confirm::Random },
    Token { rule: "secret-stripe-key", what: "Stripe live key", pattern: r"[rs]k_live_[A-Za-z0-9]{24,}", keyword: None, confirm: Confirm::Random },
    Token { rule: "secret-google-api-key", what: "Google API key", pattern: r"AIza[0-9A-Za-z_-]{35}", keyword: None, confirm: Confirm::Random },
    Token { rule: "secret-npm-token", what: "npm access token", pattern: r"npm_[A-Za-z0-9]{36}", keyword: None, confirm: Confirm::Crc32Base62 },
    Token { rule: "secret-anthropic-key", what: "Anthropic API key", pattern: r"sk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{93}AA", keyword: None, confirm: Confirm::Random },
    Token { rule: "secret-openai-key", what: "OpenAI API key", pattern: r"sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}", keyword: None, confirm: Confirm::Random },
    Token { rule: "secret-sendgrid-key", what: "SendGrid API key", pattern: r"SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}", keyword: None, confirm: Confirm::Random },
    Token { rule: "secret-twilio-key", what: "Twilio API key", pattern: r"SK[0-9a-f]{32}", keyword: None, confirm: Confirm::Random },
    Token { rule: "secret-pypi-token", what: "PyPI upload token", pattern: r"pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}", keyword: None, confirm: Confirm::Random },
    Token { rule: "secret-shopify-token", what: "Shopify access token", pattern: r"shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}", keyword: None, confirm: Confirm::Random },
    Token { rule: "secret-discord-token", what: "Discord bot token", pattern: r"[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}", keyword: Some("discord"), confirm: Confirm::Random },
    Token { rule: "secret-telegram-token", what: "Telegram bot token", pattern: r"[0-9]{8,10}:AA[A-Za-z0-9_-]{33}", keyword: None, confirm: Confirm::Random },
];

const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// `n` in base62, left-padded with `0` to 6 digits.
pub fn base62_6(mut n: u32) -> [u8; 6] {
    let mut out = [b'0'; 6];
    for slot in out.iter_mut().rev() {
        *slot = BASE62[(n % 62) as usize];
        n /= 62;
    }
    out
}

/// Whether the token's last 6 characters are the checksum of the 30 before.
fn crc_ok(token: &str) -> bool {
    let b = token.as_bytes();
    if b.len() < 36 {
        return false;
    }
    let (body, sum) = b[b.len() - 36..].split_at(30);
    base62_6(crc32fast::hash(body)) == sum
}

/// The random part of a token (after its prefix) is not a placeholder:
/// not `EXAMPLE`, not `xxxx…`, enough distinct characters.
fn random_enough(token: &str) -> bool {
    let lower = token.to_ascii_lowercase();
    if ["example", "xxxx", "0000000", "your"].iter().any(|p| lower.contains(p)) {
        return false;
    }
    entropy(token.as_bytes()) >= 3.0
}

/// Whether `token`, matched by `t.pattern`, is a real one by its format.
pub fn confirm(t: &Token, token: &str) -> bool {
    match t.confirm {
        Confirm::Crc32Base62 => crc_ok(token),
        Confirm::Random => random_enough(token),
        Confirm::AwsKeyId => !token.ends_with("EXAMPLE") && random_enough(token),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksum_round_trip() {
        let body = "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5";
        let sum = base62_6(crc32fast::hash(body.as_bytes()));
        let token = format!("ghp_{body}{}", std::str::from_utf8(&sum).unwrap_or(""));
        assert!(crc_ok(&token));
        assert!(!crc_ok("ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"));
    }

    #[test]
    fn aws_example_passes() {
        let t = &TOKENS[0];
        assert!(!confirm(t, "AKIAIOSFODNN7EXAMPLE"));
        assert!(confirm(t, "AKIAZ7Q3RTVW5XK2LM4N"));
    }
}
