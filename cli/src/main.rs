//! `cfn-accel` as a native executable: `check`, `hook` and `info` with the
//! Node CLI's arguments, output, exit codes and cache, on the same Rust core
//! the addon uses, without starting Node (a post-edit hook runs after every
//! edit an agent makes: Node's own start costs more than the check). The
//! Node CLI (`bin/cfn-accel.js`) stays the fallback where no executable
//! ships, and the only home of `bench`.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let argv: Vec<String> = std::env::args_os().skip(1).map(|a| a.to_string_lossy().into_owned()).collect();
    let code = cfn_accel_cli::run(argv);
    std::process::exit(code);
}
