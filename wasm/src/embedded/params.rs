//! The parameter buffer (JS -> wasm), see README.md "Embedded SQLite":
//! per value a tag byte then its payload, little-endian:
//! `0` null; `1` i64; `2` f64; `3` text (u32 length + UTF-8); `4` blob (u32 length + bytes).
//!
//! Every read is bounds-checked: a malformed buffer is an error, never a panic.

/// One parameter value, borrowing text/blob bytes from the buffer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Value<'a> {
    Null,
    Integer(i64),
    Float(f64),
    /// UTF-8 as JS's `TextEncoder` wrote it (SQLite does not validate it either).
    Text(&'a [u8]),
    Blob(&'a [u8]),
}

pub(crate) const TAG_NULL: u8 = 0;
pub(crate) const TAG_INTEGER: u8 = 1;
pub(crate) const TAG_FLOAT: u8 = 2;
pub(crate) const TAG_TEXT: u8 = 3;
pub(crate) const TAG_BLOB: u8 = 4;

/// Why a parameter buffer was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ProtocolError(pub String);

/// Decodes the whole buffer.
pub(crate) fn parse(buf: &[u8]) -> Result<Vec<Value<'_>>, ProtocolError> {
    let mut r = Reader { buf, pos: 0 };
    let mut out = Vec::new();
    while !r.is_done() {
        let at = r.pos;
        let value = match r.u8()? {
            TAG_NULL => Value::Null,
            TAG_INTEGER => Value::Integer(i64::from_le_bytes(r.array()?)),
            TAG_FLOAT => Value::Float(f64::from_le_bytes(r.array()?)),
            TAG_TEXT => Value::Text(r.sized()?),
            TAG_BLOB => Value::Blob(r.sized()?),
            tag => {
                return Err(ProtocolError(format!(
                    "params buffer: unknown tag {tag} at byte {at}"
                )))
            }
        };
        out.push(value);
    }
    Ok(out)
}

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn is_done(&self) -> bool {
        self.pos >= self.buf.len()
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], ProtocolError> {
        let end = self.pos.checked_add(n);
        match end.and_then(|end| self.buf.get(self.pos..end)) {
            Some(bytes) => {
                self.pos += n;
                Ok(bytes)
            }
            None => Err(ProtocolError(format!(
                "params buffer truncated: {n} bytes wanted at byte {} of {}",
                self.pos,
                self.buf.len()
            ))),
        }
    }

    fn u8(&mut self) -> Result<u8, ProtocolError> {
        Ok(self.array::<1>()?[0])
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ProtocolError> {
        let bytes = self.take(N)?;
        // `take` returned exactly N bytes; the conversion cannot fail, but it
        // is checked rather than unwrapped.
        <[u8; N]>::try_from(bytes)
            .map_err(|_| ProtocolError(String::from("params buffer: internal length error")))
    }

    /// A `u32` length then that many bytes.
    fn sized(&mut self) -> Result<&'a [u8], ProtocolError> {
        let len = u32::from_le_bytes(self.array()?);
        let len = usize::try_from(len)
            .map_err(|_| ProtocolError(String::from("params buffer: length too large")))?;
        self.take(len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn every_tag() {
        let mut b = vec![0u8];
        b.push(1);
        b.extend_from_slice(&(-5i64).to_le_bytes());
        b.push(2);
        b.extend_from_slice(&1.5f64.to_le_bytes());
        b.push(3);
        b.extend_from_slice(&2u32.to_le_bytes());
        b.extend_from_slice(b"hi");
        b.push(4);
        b.extend_from_slice(&0u32.to_le_bytes());
        let v = parse(&b).unwrap();
        assert_eq!(
            v,
            [
                Value::Null,
                Value::Integer(-5),
                Value::Float(1.5),
                Value::Text(b"hi"),
                Value::Blob(b"")
            ]
        );
    }

    #[wasm_bindgen_test]
    fn malformed() {
        assert!(parse(&[9]).is_err());
        assert!(parse(&[1, 0, 0]).is_err());
        assert!(parse(&[3, 5, 0, 0, 0, b'a']).is_err());
        assert!(parse(&[3, 0xff, 0xff, 0xff, 0xff]).is_err());
        assert!(parse(&[]).unwrap().is_empty());
    }
}
