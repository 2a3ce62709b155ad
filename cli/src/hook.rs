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

/// The tools whose edits the hook checks, and where each names the file.
const PATH_FIELD: [(&str, &str); 4] =
    [("Edit", "file_path"), ("MultiEdit", "file_path"), ("Write", "file_path"), ("NotebookEdit", "notebook_path")];
const MAX_PAYLOAD: u64 = 64 * 1024 * 1024;

/// The edited file, the folder paths are shown relative to, and whether it
/// is a notebook; Err is why the payload cannot be used.
fn edited_file(text: &str) -> Result<(PathBuf, PathBuf, bool), String> {
    if text.trim().is_empty() {
        return Err("no payload on stdin".into());
    }
    let payload: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("payload is not JSON: {e}"))?;
    if !payload.is_object() {
        return Err("payload is not a JSON object".into());
    }
    let tool = payload["tool_name"].as_str().filter(|t| !t.is_empty()).ok_or("payload has no tool_name")?;
    let Some(&(_, field)) = PATH_FIELD.iter().find(|(t, _)| *t == tool) else {
        return Err(format!(
            "tool {} edits no file this hook checks (matcher: Edit|MultiEdit|Write|NotebookEdit)",
            serde_json::Value::from(tool)
        ));
    };
    let file = payload["tool_input"][field].as_str().filter(|f| !f.is_empty());
    let Some(file) = file else { return Err(format!("payload has no tool_input.{field}")) };
    let cwd = match payload["cwd"].as_str().filter(|c| !c.is_empty()) {
        Some(c) => PathBuf::from(c),
        None => std::env::current_dir().map_err(|e| e.to_string())?,
    };
    Ok((crate::paths::resolve(&cwd, file), cwd, tool == "NotebookEdit"))
}

/// Err unless `file` is a file (for a notebook: one that is JSON).
fn require_usable(file: &PathBuf, notebook: bool) -> Result<(), String> {
    match std::fs::metadata(file) {
        Err(_) => return Err(format!("{}: no such file", file.display())),
        Ok(m) if !m.is_file() => return Err(format!("{}: not a file", file.display())),
        Ok(_) => {}
    }
    if notebook {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{}: cannot read: {e}", file.display()))?;
        serde_json::from_str::<serde_json::Value>(&text).map_err(|e| format!("{}: notebook is not JSON: {e}", file.display()))?;
    }
    Ok(())
}

fn read_stdin() -> Result<String, String> {
    let mut bytes = Vec::new();
    std::io::stdin().take(MAX_PAYLOAD + 1).read_to_end(&mut bytes).map_err(|e| format!("cannot read stdin: {e}"))?;
    if bytes.len() as u64 > MAX_PAYLOAD {
        return Err(format!("payload is over {MAX_PAYLOAD} bytes"));
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The hook's answer: its exit code and what it prints on each stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// 0 let the agent go on (`--reply json`: always, unless unusable), 1
    /// unusable payload, 2 hand the diagnostics back to the agent.
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// The hook's answer to `payload` (stdin's text, or why it could not be
/// read), answering JSON on stdout when `json`; `use_cache` as `check`'s.
/// Everything the hook decides happens here, without touching stdin or
/// stdout, so the fuzz target can drive it.
pub fn respond(payload: Result<String, String>, json: bool, use_cache: bool) -> Reply {
    let quiet = |code: i32, stderr: String| Reply { code, stdout: if json { "{}\n".into() } else { String::new() }, stderr };
    let target = payload.and_then(|t| edited_file(&t)).and_then(|(file, cwd, nb)| require_usable(&file, nb).map(|_| (file, cwd)));
    let (file, cwd) = match target {
        Ok(t) => t,
        Err(why) => return quiet(1, format!("cfn-accel hook: {}\n", why.split_whitespace().collect::<Vec<_>>().join(" "))),
    };
    let (results, summary) = check_paths(&[file.to_string_lossy().into_owned()], &cwd, use_cache);
    if summary.errors == 0 {
        return quiet(0, String::new());
    }
    let reason = report::human(&results, &summary);
    if !json {
        return Reply { code: 2, stdout: String::new(), stderr: reason };
    }
    Reply { code: 0, stdout: format!("{}\n", serde_json::json!({"decision": "block", "reason": reason})), stderr: String::new() }
}

/// Runs the hook; the exit code.
pub fn run(argv: &[String]) -> Result<i32, Usage> {
    let p = args::parse(argv, &[], &["reply"], false)?;
    let json = match p.value("reply").unwrap_or("text") {
        "text" => false,
        "json" => true,
        other => return Err(Usage(format!("--reply must be text or json, got '{other}'"))),
    };
    let reply = respond(read_stdin(), json, true);
    eprint!("{}", reply.stderr);
    print!("{}", reply.stdout);
    Ok(reply.code)
}
