//! The few argument forms the commands take, parsed as Node's
//! `util.parseArgs` does for them: boolean flags, `--name=value` or
//! `--name value` strings, positionals, `--` ending options.

use crate::Usage;

/// Parsed arguments: the flags seen, option values, positionals.
pub struct Parsed {
    /// Boolean flags given (by name, without dashes).
    pub flags: Vec<String>,
    /// String options given, `(name, value)`.
    pub values: Vec<(String, String)>,
    /// Everything else, in order.
    pub positionals: Vec<String>,
}

impl Parsed {
    /// Whether `--name` was given.
    pub fn flag(&self, name: &str) -> bool {
        self.flags.iter().any(|f| f == name)
    }

    /// The last value of `--name`, if given.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.values.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// Parses `argv` with the boolean `flags` and string `options` allowed;
/// positionals only when `positionals` is true.
pub fn parse(argv: &[String], flags: &[&str], options: &[&str], positionals: bool) -> Result<Parsed, Usage> {
    let mut out = Parsed { flags: Vec::new(), values: Vec::new(), positionals: Vec::new() };
    let mut i = 0;
    while i < argv.len() {
        let a = &argv[i];
        i += 1;
        if a == "--" {
            out.positionals.extend(argv[i..].iter().cloned());
            break;
        }
        if let Some(body) = a.strip_prefix("--") {
            let (name, inline) = match body.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (body, None),
            };
            if flags.contains(&name) {
                if inline.is_some() {
                    return Err(Usage(format!("Option '--{name}' does not take an argument")));
                }
                out.flags.push(name.to_string());
            } else if options.contains(&name) {
                let value = match inline {
                    Some(v) => v,
                    None if i < argv.len() => {
                        i += 1;
                        argv[i - 1].clone()
                    }
                    None => return Err(Usage(format!("Option '--{name} <value>' argument missing"))),
                };
                out.values.push((name.to_string(), value));
            } else {
                return Err(Usage(format!("Unknown option '--{name}'")));
            }
        } else if a.starts_with('-') && a.len() > 1 {
            return Err(Usage(format!("Unknown option '{a}'")));
        } else {
            out.positionals.push(a.clone());
        }
    }
    if !positionals && !out.positionals.is_empty() {
        return Err(Usage(format!("Unexpected argument '{}'. This command does not take positional arguments", out.positionals[0])));
    }
    Ok(out)
}
