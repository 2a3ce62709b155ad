//! `syntax::validate` on arbitrary UTF-8 as each language (picked by the first
//! byte): never a panic or a stack overflow (the nesting guard must hold).
#![no_main]
use cfn_accel_core::syntax::{self, Lang};
use libfuzzer_sys::fuzz_target;

const LANGS: [Lang; 6] = [Lang::Js, Lang::Jsx, Lang::Mjs, Lang::Cjs, Lang::Ts, Lang::Tsx];

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let Ok(src) = std::str::from_utf8(rest) else { return };
    let lang = LANGS[first as usize % LANGS.len()];
    let _ = syntax::validate(src, lang);
});
