//! `cfn-accel info [--json]` for the native executable: what it is and
//! what it runs on. The Node CLI's `info` reports the Node backends.

use crate::args;
use crate::Usage;
use serde_json::json;

/// The `--help` text (shared with the Node CLI).
pub const USAGE: &str = include_str!("../../lib/cli/help/info.txt");

/// Runs `info`; exit code 0.
pub fn run(argv: &[String]) -> Result<i32, Usage> {
    let p = args::parse(argv, &["json"], &[], false)?;
    let exe = std::env::current_exe().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
    let threads = rayon::current_num_threads();
    let info = json!({
        "version": crate::version(),
        "node": null,
        "backend": "native",
        "executable": exe,
        "loadErrors": [],
        "capabilities": {
            "native": true,
            "wasm": false,
            "threads": threads > 1,
            "platform": std::env::consts::OS,
            "arch": std::env::consts::ARCH,
        },
    });
    if p.flag("json") {
        println!("{}", serde_json::to_string_pretty(&info).unwrap_or_default());
    } else {
        println!("cfn-accel {} (native executable: {exe})", crate::version());
        println!("backend:      native (no Node.js started)");
        println!("load errors:  none");
        println!("capabilities: native yes, threads {} ({threads})", if threads > 1 { "yes" } else { "no" });
        println!("platform:     {} {}", std::env::consts::OS, std::env::consts::ARCH);
    }
    Ok(0)
}
