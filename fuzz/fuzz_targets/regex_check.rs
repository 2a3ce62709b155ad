//! `regex_check::check` on arbitrary pattern and flags (split at the first
//! NUL byte): never a panic or a hang.
#![no_main]
use cfn_accel_core::regex_check;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (pattern, flags) = text.split_once('\0').unwrap_or((text, ""));
    let _ = regex_check::check(pattern, flags);
    let _ = regex_check::check(pattern, "u");
    let _ = regex_check::check(pattern, "v");
});
