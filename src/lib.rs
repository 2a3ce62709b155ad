//! cfn-accel's core: the operations behind the npm package, as plain Rust
//! over `&[u8]`/`&str`, returning `Result<_, CfnError>`. Nothing here knows
//! about napi or wasm-bindgen; the binding crates only convert arguments.
#![deny(missing_docs)]

pub mod bytes;
pub mod check;
pub mod compress;
pub mod digest;
pub mod error;
pub mod hash;
pub mod json;
pub mod regex_check;
pub mod stats;
pub mod syntax;
pub mod text;

pub use error::{CfnError, Result};
