//! The nesting guard in front of swc (`src/syntax/depth.rs`, private to the
//! core): fuzz bytes become token soup rich in what makes swc's recursive
//! descent recurse (brackets, `${`, prefix and right-associative operators,
//! `new`/`typeof`/`await`, JSX and type arguments), validated and outlined
//! as each language. If the pre-scan ever under-counts, swc overflows the
//! stack here: a crash, which is the bug this target looks for.
#![no_main]
use cfn_accel_core::syntax::{self, Lang};
use libfuzzer_sys::fuzz_target;

const TOKENS: [&str; 48] = [
    "(", ")", "[", "]", "{", "}", "`", "${", "}`", "<", ">", "</", "/>", "<a>", "</a>", "=", "=>", "?", ":", "**",
    "!", "-", "+", "~", "...", "new ", "typeof ", "void ", "delete ", "await ", "yield ", "async ", "function ",
    "class ", "x", "1", "'s'", "\"d\"", "/*c*/", "//l\n", ",", ";", "\n", " ", ".", "as ", "<T>", "@d ",
];
const LANGS: [Lang; 6] = [Lang::Js, Lang::Jsx, Lang::Mjs, Lang::Cjs, Lang::Ts, Lang::Tsx];

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let mut src = String::with_capacity(rest.len() * 3);
    for &b in rest {
        src.push_str(TOKENS[b as usize % TOKENS.len()]);
    }
    let lang = LANGS[first as usize % LANGS.len()];
    let _ = syntax::validate(&src, lang);
    if first & 0x80 != 0 {
        let _ = syntax::outline(&src, lang);
    }
});
