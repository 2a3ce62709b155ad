//! The hook from payload to answer (`hook::respond`), two ways: arbitrary
//! bytes as the payload itself, and a well-formed payload of each tool
//! naming a file whose content and kind come from the input (so every rule
//! family of the check runs on hostile text). Never a panic, an exit code
//! of the protocol's (0, 1, 2), diagnostics on stderr exactly when blocking,
//! and `--reply json` output that is JSON.
#![no_main]
use cfn_accel_cli::hook::{respond, Reply};
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;

const TOOLS: [(&str, &str); 4] =
    [("Edit", "file_path"), ("MultiEdit", "file_path"), ("Write", "file_path"), ("NotebookEdit", "notebook_path")];
const NAMES: [&str; 16] = [
    "a.js", "a.mjs", "a.cjs", "a.ts", "a.tsx", "a.d.ts", "a.json", "tsconfig.json", "a.yaml", "a.toml", "a.md",
    "a.rs", ".env", "a.py", "a.ipynb", "package.json",
];

fn dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let d = std::env::temp_dir().join(format!("cfn-accel-fuzz-hook-{}", std::process::id()));
        std::fs::create_dir_all(&d).expect("temp dir");
        d
    })
}

fn holds(reply: &Reply, json: bool) {
    assert!(matches!(reply.code, 0..=2), "exit {}", reply.code);
    if json {
        assert!(reply.code != 2);
        serde_json::from_str::<serde_json::Value>(&reply.stdout).expect("--reply json prints JSON");
    } else {
        assert!(reply.stdout.is_empty());
        assert_eq!(reply.code == 0, reply.stderr.is_empty(), "{reply:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else { return };
    let json = sel & 1 == 1;
    if sel & 2 == 0 {
        let payload = String::from_utf8_lossy(rest).into_owned();
        holds(&respond(Ok(payload), json, false), json);
        return;
    }
    let (tool, field) = TOOLS[(sel >> 2) as usize % TOOLS.len()];
    let name = NAMES[(sel >> 4) as usize % NAMES.len()];
    let file = dir().join(name);
    std::fs::write(&file, rest).expect("write");
    let payload = serde_json::json!({
        "session_id": "fuzz",
        "cwd": dir().to_string_lossy(),
        "hook_event_name": "PostToolUse",
        "tool_name": tool,
        "tool_input": { field: name },
    })
    .to_string();
    holds(&respond(Ok(payload), json, false), json);
});
