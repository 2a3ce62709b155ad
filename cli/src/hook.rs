//! `cfn-accel hook`: a Claude Code PostToolUse hook, as the Node CLI's
//! (lib/cli/hook.js): exit 0 (and say nothing) to let the agent go on; exit
//! 2 with the diagnostics on stderr to hand them back to the agent; exit 1
//! with a one-line reason when the payload cannot be used (Claude Code shows
//! it and blocks nothing).

use crate::args;
use crate::check::check_paths;
use crate::report;
use crate::Usage;
use std::io::Read;
use std::path::PathBuf;

/// The `--help` text (shared with the Node CLI).
pub const USAGE: &str = include_str!("../../lib/cli/help/hook.txt");

const EDIT_TOOLS: [&str; 3] = ["Edit", "MultiEdit", "Write"];
const MAX_PAYLOAD: u64 = 64 * 1024 * 1024;

/// The edited file and the folder paths are shown relative to, or None
/// when the tool edits no file; Err is why the payload cannot be used.
fn edited_file(text: &str) -> Result<Option<(PathBuf, PathBuf)>, String> {
    if text.trim().is_empty() {
        return Err("no payload on stdin".into());
    }
    let payload: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("payload is not JSON: {e}"))?;
    if !payload.is_object() {
        return Err("payload is not a JSON object".into());
    }
    if let Some(tool) = payload["tool_name"].as_str() {
        if !EDIT_TOOLS.contains(&tool) {
            return Ok(None);
        }
    }
    let file = payload["tool_input"]["file_path"].as_str().filter(|f| !f.is_empty());
    let Some(file) = file else { return Err("payload has no tool_input.file_path".into()) };
    let cwd = match payload["cwd"].as_str().filter(|c| !c.is_empty()) {
        Some(c) => PathBuf::from(c),
        None => std::env::current_dir().map_err(|e| e.to_string())?,
    };
    Ok(Some((crate::paths::resolve(&cwd, file), cwd)))
}

fn read_stdin() -> Result<String, String> {
    let mut bytes = Vec::new();
    std::io::stdin().take(MAX_PAYLOAD + 1).read_to_end(&mut bytes).map_err(|e| format!("cannot read stdin: {e}"))?;
    if bytes.len() as u64 > MAX_PAYLOAD {
        return Err(format!("payload is over {MAX_PAYLOAD} bytes"));
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Runs the hook; the exit code.
pub fn run(argv: &[String]) -> Result<i32, Usage> {
    args::parse(argv, &[], &[], false)?;
    let target = read_stdin().and_then(|t| edited_file(&t)).and_then(|t| match t {
        None => Ok(None),
        Some((file, cwd)) => match std::fs::metadata(&file) {
            Err(_) => Err(format!("{}: no such file", file.display())),
            Ok(m) if !m.is_file() => Err(format!("{}: not a file", file.display())),
            Ok(_) => Ok(Some((file, cwd))),
        },
    });
    let (file, cwd) = match target {
        Ok(Some(t)) => t,
        Ok(None) => return Ok(0),
        Err(why) => {
            eprintln!("cfn-accel hook: {}", why.split_whitespace().collect::<Vec<_>>().join(" "));
            return Ok(1);
        }
    };
    let (results, summary) = check_paths(&[file.to_string_lossy().into_owned()], &cwd, true);
    if summary.errors == 0 {
        return Ok(0);
    }
    eprint!("{}", report::human(&results, &summary));
    Ok(2)
}
