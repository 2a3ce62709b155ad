//! `json::check` on arbitrary bytes, in byte and UTF-16 position modes: never
//! a panic, positions inside the text, and agreement with serde_json where
//! serde_json can judge (it caps nesting at 128 and rejects lone surrogate
//! escapes, which JSON allows).
#![no_main]
use cfn_accel_core::json;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let bytes = json::check(data, false);
    let units = json::check(data, true);
    assert_eq!(bytes.is_none(), units.is_none());
    if let Some(e) = &bytes {
        assert!(e.offset <= data.len(), "offset {} past {}", e.offset, data.len());
        assert!(e.line >= 1 && e.column >= 1);
    }
    // From a str: serde_json skips UTF-8 validation of strings it ignores
    // when reading bytes (it accepted `"\xc3"`), and JSON text is UTF-8.
    let serde_ok = std::str::from_utf8(data)
        .map(|s| serde_json::from_str::<serde::de::IgnoredAny>(s).is_ok())
        .unwrap_or(false);
    if serde_ok {
        assert!(bytes.is_none(), "serde_json accepts, check rejects: {bytes:?}");
    }
    let shallow = {
        let (mut d, mut max) = (0i32, 0i32);
        for &b in data {
            match b {
                b'[' | b'{' => d += 1,
                b']' | b'}' => d -= 1,
                _ => {}
            }
            max = max.max(d);
        }
        max < 100
    };
    if bytes.is_none() && shallow && !data.windows(2).any(|w| w == b"\\u") {
        assert!(serde_ok, "check accepts, serde_json rejects");
    }
});
