//! ECMAScript regular expression syntax checks (what `new RegExp` accepts).

/// Why `new RegExp(pattern, flags)` would throw, or `None` if it would not.
pub fn check(pattern: &str, flags: &str) -> Option<String> {
    if let Some(msg) = check_flags(flags) {
        return Some(msg);
    }
    // g, y and d change matching, not syntax; regress takes the rest.
    let syntax_flags: String = flags.chars().filter(|c| "imsuv".contains(*c)).collect();
    match regress::Regex::with_flags(pattern, syntax_flags.as_str()) {
        Ok(_) => None,
        Err(e) => Some(format!("Invalid regular expression: /{pattern}/{flags}: {e}")),
    }
}

/// Flags must come from `dgimsuvy`, each at most once, not both `u` and `v`.
fn check_flags(flags: &str) -> Option<String> {
    let mut seen = 0u32;
    for c in flags.chars() {
        let Some(bit) = "dgimsuvy".find(c) else {
            return Some(format!("Invalid flags supplied to RegExp constructor '{flags}'"));
        };
        if seen & (1 << bit) != 0 {
            return Some(format!("Invalid flags supplied to RegExp constructor '{flags}'"));
        }
        seen |= 1 << bit;
    }
    let (u, v) = (1 << 5, 1 << 6);
    if seen & u != 0 && seen & v != 0 {
        return Some(format!("Invalid flags supplied to RegExp constructor '{flags}'"));
    }
    None
}
