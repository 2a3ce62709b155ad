//! The `cfn-accel` native executable's commands as a library: `main.rs`
//! calls [`run`], and the fuzz targets (fuzz/) call the hook's
//! [`hook::respond`] directly, payload in, answer out.

pub mod args;
pub mod cache;
pub mod check;
pub mod config;
pub mod hook;
pub mod info;
pub mod links;
pub mod paths;
pub mod report;
pub mod source_type;
pub mod walk;


/// The npm package's version (one source of truth: package.json).
pub fn version() -> &'static str {
    static V: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    V.get_or_init(|| {
        let pkg: serde_json::Value = serde_json::from_str(include_str!("../../package.json")).unwrap_or_default();
        pkg["version"].as_str().unwrap_or("0.0.0").to_string()
    })
}

/// A usage error: the message, shown with a pointer to `--help`, exit 2.
pub struct Usage(pub String);

const COMMANDS: [(&str, &str); 4] = [
    ("check", "check files and folders: syntax, JSON, Markdown, Rust rules, secrets"),
    ("hook", "Claude Code PostToolUse hook: checks the edited file (payload on stdin)"),
    ("info", "backend, load errors, capabilities, versions"),
    ("bench", "every operation on every backend and its alternatives (Node CLI only)"),
];

fn main_help() -> String {
    let width = COMMANDS.iter().map(|c| c.0.len()).max().unwrap_or(0);
    let rows: Vec<String> = COMMANDS.iter().map(|(n, s)| format!("  {n:width$}  {s}")).collect();
    format!(
        "Usage: cfn-accel <command> [options]\n\nCommands:\n{}\n\nOptions:\n  -h, --help     show help (also after a command: cfn-accel check --help)\n  -v, --version  print the version\n\nExit codes: 0 clean, 1 errors found (hook: 2 errors found, 1 unusable payload), 2 usage error.\n",
        rows.join("\n")
    )
}

/// Runs the command line `argv` (without the program name); the exit code.
pub fn run(argv: Vec<String>) -> i32 {
    let Some((name, rest)) = argv.split_first() else {
        eprint!("{}", main_help());
        return 2;
    };
    match name.as_str() {
        "-h" | "--help" | "help" => {
            print!("{}", main_help());
            return 0;
        }
        "-v" | "--version" => {
            println!("{}", version());
            return 0;
        }
        _ => {}
    }
    let (usage, command): (&str, fn(&[String]) -> Result<i32, Usage>) = match name.as_str() {
        "check" => (check::USAGE, check::run),
        "hook" => (hook::USAGE, hook::run),
        "info" => (info::USAGE, info::run),
        "bench" => {
            eprintln!("cfn-accel bench: the native executable does not benchmark; run `node node_modules/cfn-accel/bin/cfn-accel.js bench`");
            return 2;
        }
        other => {
            eprint!("cfn-accel: unknown command '{other}'\n\n{}", main_help());
            return 2;
        }
    };
    if rest.iter().any(|a| a == "-h" || a == "--help") {
        print!("{usage}");
        if name == "check" {
            print!("\n{}", cfn_accel_core::check::rules_help());
        }
        return 0;
    }
    match command(rest) {
        Ok(code) => code,
        Err(Usage(message)) => {
            eprintln!("cfn-accel {name}: {message}\nRun 'cfn-accel {name} --help' for usage.");
            2
        }
    }
}

