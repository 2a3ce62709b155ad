use std::num::ParseIntError;

/// Parses a port number, returning the error to the caller instead of panicking.
pub fn parse_port(text: &str) -> Result<u16, ParseIntError> {
    let port = text.trim().parse::<u16>()?;
    Ok(port)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses() {
        // Unwrapping is fine in tests: the check skips #[cfg(test)] code.
        assert_eq!(parse_port(" 8080 ").unwrap(), 8080);
    }
}
