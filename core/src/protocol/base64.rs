//! Standard base64 (RFC 4648 alphabet `A-Z a-z 0-9 + /`), as used by HTTP
//! Basic auth and by protobuf's JSON form of `bytes` fields (PlanetScale row
//! values).
//!
//! ```
//! use mizzle_core::protocol::base64;
//! assert_eq!(base64::encode(b"user:pass"), "dXNlcjpwYXNz");
//! assert_eq!(base64::decode("dXNlcjpwYXNz").unwrap(), b"user:pass");
//! assert!(base64::decode("dXNlc!==").is_err());
//! ```

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Why a text is not base64; `offset` is the byte where that shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Base64Error {
    pub offset: usize,
}

impl fmt::Display for Base64Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid base64 at byte {}", self.offset)
    }
}

/// Encodes with `=` padding.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * k)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn sextet(b: u8) -> Option<u32> {
    Some(u32::from(match b {
        b'A'..=b'Z' => b - b'A',
        b'a'..=b'z' => b - b'a' + 26,
        b'0'..=b'9' => b - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    }))
}

/// Decodes standard base64. Padding is optional (protobuf's JSON reader
/// accepts both), but when present it must be complete; whitespace, the
/// URL-safe alphabet and non-zero leftover bits are refused, so every input
/// has at most one meaning.
pub fn decode(text: &str) -> Result<Vec<u8>, Base64Error> {
    let s = text.as_bytes();
    // Strip up to two '=' from the end; then the rest must be all data.
    let mut end = s.len();
    let mut pad = 0;
    while pad < 2 && end > 0 && s[end - 1] == b'=' {
        end -= 1;
        pad += 1;
    }
    let data = &s[..end];
    if pad > 0 && s.len() % 4 != 0 {
        return Err(Base64Error { offset: end });
    }
    if let Some(bad) = data.iter().position(|&b| sextet(b).is_none()) {
        return Err(Base64Error { offset: bad });
    }
    if data.len() % 4 == 1 {
        return Err(Base64Error { offset: data.len() });
    }
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 2);
    for (c, chunk) in data.chunks(4).enumerate() {
        let mut n = 0u32;
        for (k, &b) in chunk.iter().enumerate() {
            // Every byte was checked above; 0 is never used.
            n |= sextet(b).unwrap_or(0) << (18 - 6 * k);
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        let take = chunk.len() - 1; // 4 chars -> 3 bytes, 3 -> 2, 2 -> 1
                                    // Bits below the last whole byte must be zero (canonical form).
        if take < 3 && bytes[take] != 0 {
            return Err(Base64Error {
                offset: c * 4 + chunk.len() - 1,
            });
        }
        out.extend_from_slice(&bytes[..take]);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4648_vectors() {
        let cases: [(&[u8], &str); 7] = [
            (b"", ""),
            (b"f", "Zg=="),
            (b"fo", "Zm8="),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg=="),
            (b"fooba", "Zm9vYmE="),
            (b"foobar", "Zm9vYmFy"),
        ];
        for (raw, enc) in cases {
            assert_eq!(encode(raw), enc);
            assert_eq!(decode(enc).unwrap(), raw);
            assert_eq!(decode(enc.trim_end_matches('=')).unwrap(), raw);
        }
        assert_eq!(decode("/+8=").unwrap(), [0xff, 0xef]);
    }

    #[test]
    fn invalid_inputs() {
        for bad in [
            "Z", "Zg=", "Zg===", "Z===", "====", "Zm9v!", "Zm 9v", "Zh==", "Zm9=", "-_8=",
            "Zg==Zg==",
        ] {
            assert!(decode(bad).is_err(), "{bad}");
        }
        assert_eq!(decode("Zm9v!").unwrap_err().offset, 4);
    }
}
