//! The one error type of the core. Every failure of a call is a `CfnError`
//! with a stable code; validation *results* (a JSON or regex that is wrong)
//! are data, not errors.

use std::fmt;

/// A failure of a core call, with a stable machine-readable code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CfnError {
    /// An argument has the right type but a value the call cannot use.
    InvalidArg(String),
    /// Input bytes are not a valid instance of their format.
    Corrupt(String),
    /// A size limit (output cap, nesting depth, envelope cap) was exceeded.
    Limit(String),
    /// Authenticated decryption failed: wrong key or tampered data.
    Decrypt(String),
    /// Source text is not valid for the requested grammar.
    Syntax(String),
}

impl CfnError {
    /// The stable code that JS sees as `err.code`.
    pub fn code(&self) -> &'static str {
        match self {
            CfnError::InvalidArg(_) => "ERR_CFN_INVALID_ARG",
            CfnError::Corrupt(_) => "ERR_CFN_CORRUPT",
            CfnError::Limit(_) => "ERR_CFN_LIMIT",
            CfnError::Decrypt(_) => "ERR_CFN_DECRYPT",
            CfnError::Syntax(_) => "ERR_CFN_SYNTAX",
        }
    }

    /// The human-readable message, without the code.
    pub fn message(&self) -> &str {
        match self {
            CfnError::InvalidArg(m)
            | CfnError::Corrupt(m)
            | CfnError::Limit(m)
            | CfnError::Decrypt(m)
            | CfnError::Syntax(m) => m,
        }
    }
}

impl fmt::Display for CfnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code(), self.message())
    }
}

impl std::error::Error for CfnError {}

/// Shorthand for results of core calls.
pub type Result<T> = std::result::Result<T, CfnError>;
