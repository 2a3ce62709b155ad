//! The project file `.cfn-accel.json`: path- and rule-level settings for
//! `check` and `hook`. The nearest one from a file's folder upward applies
//! (as Node finds package.json), patterns are gitignore patterns relative to
//! the folder that holds it:
//!
//! ```json
//! {
//!   "ignore": ["generated/", "*.min.js"],
//!   "rules": { "rust-unwrap": "off", "eval": "error" },
//!   "overrides": [{ "files": ["test/**"], "rules": { "secret-hardcoded": "warning" } }]
//! }
//! ```
//!
//! `ignore`d files are not checked; `rules` sets a rule's severity
//! (`error`, `warning`) or turns it `off`; `overrides` do the same for the
//! files they match, later entries over earlier ones, all over `rules`. A
//! file that cannot be used is reported as a warning (rule `config`) on the
//! files it would have applied to, and ignored. Twin of lib/check/config.js.

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The file's name.
pub const FILE_NAME: &str = ".cfn-accel.json";

/// A severity setting: a new severity, or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Setting {
    Error,
    Warning,
    Off,
}

/// One loaded project file.
pub struct Config {
    /// Where it is (for messages).
    file: PathBuf,
    ignore: Gitignore,
    rules: Vec<(String, Setting)>,
    overrides: Vec<(Gitignore, Vec<(String, Setting)>)>,
    /// Why it could not be used, if so (then it applies nothing).
    problem: Option<String>,
}

fn patterns(dir: &Path, list: Option<&Value>, what: &str) -> Result<Gitignore, String> {
    let mut b = GitignoreBuilder::new(dir);
    match list {
        None => {}
        Some(Value::Array(items)) => {
            for item in items {
                let p = item.as_str().ok_or_else(|| format!("{what} must be an array of strings"))?;
                b.add_line(None, p).map_err(|e| format!("{what}: {e}"))?;
            }
        }
        Some(_) => return Err(format!("{what} must be an array of strings")),
    }
    b.build().map_err(|e| format!("{what}: {e}"))
}

fn settings(v: Option<&Value>, what: &str) -> Result<Vec<(String, Setting)>, String> {
    let Some(v) = v else { return Ok(Vec::new()) };
    let obj = v.as_object().ok_or_else(|| format!("{what} must be an object of rule: \"error\" | \"warning\" | \"off\""))?;
    obj.iter()
        .map(|(rule, s)| {
            let setting = match s.as_str() {
                Some("error") => Setting::Error,
                Some("warning") => Setting::Warning,
                Some("off") => Setting::Off,
                _ => return Err(format!("{what}.{rule} must be \"error\", \"warning\" or \"off\"")),
            };
            Ok((rule.clone(), setting))
        })
        .collect()
}

impl Config {
    fn parse(file: &Path, text: &str) -> Result<Config, String> {
        let dir = file.parent().unwrap_or(Path::new("/"));
        let v: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
        let obj = v.as_object().ok_or("not a JSON object")?;
        for key in obj.keys() {
            if !matches!(key.as_str(), "ignore" | "rules" | "overrides" | "$schema") {
                return Err(format!("unknown key '{key}' (known: ignore, rules, overrides)"));
            }
        }
        let mut overrides = Vec::new();
        match obj.get("overrides") {
            None => {}
            Some(Value::Array(items)) => {
                for (i, o) in items.iter().enumerate() {
                    let what = format!("overrides[{i}]");
                    let files = patterns(dir, o.get("files"), &format!("{what}.files"))?;
                    overrides.push((files, settings(o.get("rules"), &format!("{what}.rules"))?));
                }
            }
            Some(_) => return Err("overrides must be an array".into()),
        }
        Ok(Config {
            file: file.to_path_buf(),
            ignore: patterns(dir, obj.get("ignore"), "ignore")?,
            rules: settings(obj.get("rules"), "rules")?,
            overrides,
            problem: None,
        })
    }

    fn load(file: &Path) -> Config {
        let parsed = std::fs::read_to_string(file).map_err(|e| e.to_string()).and_then(|t| Config::parse(file, &t));
        parsed.unwrap_or_else(|problem| Config {
            file: file.to_path_buf(),
            ignore: Gitignore::empty(),
            rules: Vec::new(),
            overrides: Vec::new(),
            problem: Some(problem),
        })
    }

    /// Whether `file` is not to be checked.
    pub fn ignores(&self, file: &Path) -> bool {
        self.ignore.matched_path_or_any_parents(file, false).is_ignore()
    }

    /// Applies the settings to `list` (JSON diagnostics of `file`): severities
    /// changed, findings of rules turned off dropped; a warning added when
    /// the file itself cannot be used.
    pub fn apply(&self, file: &Path, list: &mut Vec<Value>) {
        if let Some(problem) = &self.problem {
            list.push(serde_json::json!({
                "line": 0, "column": 0, "severity": "warning", "rule": "config",
                "message": format!("{} ignored: {problem}", self.file.display()),
            }));
            return;
        }
        let mut effective: HashMap<&str, Setting> = self.rules.iter().map(|(r, s)| (r.as_str(), *s)).collect();
        for (files, rules) in &self.overrides {
            if files.matched_path_or_any_parents(file, false).is_ignore() {
                effective.extend(rules.iter().map(|(r, s)| (r.as_str(), *s)));
            }
        }
        if effective.is_empty() {
            return;
        }
        list.retain_mut(|d| {
            let Some(setting) = d["rule"].as_str().and_then(|r| effective.get(r)) else { return true };
            match setting {
                Setting::Off => false,
                Setting::Error => {
                    d["severity"] = "error".into();
                    true
                }
                Setting::Warning => {
                    d["severity"] = "warning".into();
                    true
                }
            }
        });
    }
}

/// Project files found so far, by folder (None: none from there up).
#[derive(Default)]
pub struct Configs {
    by_dir: Mutex<HashMap<PathBuf, Option<Arc<Config>>>>,
}

impl Configs {
    /// The project file that applies to files in `dir`.
    pub fn for_dir(&self, dir: &Path) -> Option<Arc<Config>> {
        if let Some(known) = self.by_dir.lock().ok().and_then(|m| m.get(dir).cloned()) {
            return known;
        }
        let candidate = dir.join(FILE_NAME);
        let found = if candidate.is_file() {
            Some(Arc::new(Config::load(&candidate)))
        } else {
            dir.parent().and_then(|p| self.for_dir(p))
        };
        if let Ok(mut m) = self.by_dir.lock() {
            m.insert(dir.to_path_buf(), found.clone());
        }
        found
    }

    /// The project file that applies to `file`.
    pub fn for_file(&self, file: &Path) -> Option<Arc<Config>> {
        self.for_dir(file.parent()?)
    }
}
