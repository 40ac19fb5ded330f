//! The parameter buffer (JS -> wasm), see README.md "Embedded SQLite":
//! per value a `ValueTag` byte then its payload, little-endian: null, number
//! (an integer as f64), float (f64), text, blob, bigint (i64) or bool.
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

use crate::wire::ValueTag;

/// `Number.MAX_SAFE_INTEGER` as a float.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// Why a parameter buffer was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ProtocolError(pub String);

/// Decodes the whole buffer.
pub(crate) fn parse(buf: &[u8]) -> Result<Vec<Value<'_>>, ProtocolError> {
    let mut r = Reader { buf, pos: 0 };
    let mut out = Vec::new();
    while !r.is_done() {
        let at = r.pos;
        let tag = r.u8()?;
        let value = match ValueTag::from_repr(tag) {
            Some(ValueTag::Null) => Value::Null,
            Some(ValueTag::Number) => {
                let v = f64::from_le_bytes(r.array()?);
                if !(v.fract() == 0.0 && v.abs() <= MAX_SAFE_INTEGER) {
                    return Err(ProtocolError(format!(
                        "params buffer: number at byte {at} is not a safe integer"
                    )));
                }
                Value::Integer(v as i64)
            }
            Some(ValueTag::BigInt) => Value::Integer(i64::from_le_bytes(r.array()?)),
            Some(ValueTag::Bool) => Value::Integer(i64::from(r.u8()? != 0)),
            Some(ValueTag::Float) => Value::Float(f64::from_le_bytes(r.array()?)),
            Some(ValueTag::Text) => Value::Text(r.sized()?),
            Some(ValueTag::Blob) => Value::Blob(r.sized()?),
            Some(ValueTag::Date | ValueTag::Decimal) | None => {
                return Err(ProtocolError(format!(
                    "params buffer: unexpected tag {tag} at byte {at}"
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
        b.extend_from_slice(&(-5f64).to_le_bytes());
        b.push(5);
        b.extend_from_slice(&(i64::MIN).to_le_bytes());
        b.extend_from_slice(&[6, 1]);
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
                Value::Integer(i64::MIN),
                Value::Integer(1),
                Value::Float(1.5),
                Value::Text(b"hi"),
                Value::Blob(b"")
            ]
        );
    }

    #[wasm_bindgen_test]
    fn malformed() {
        assert!(parse(&[9]).is_err());
        assert!(parse(&[7, 0, 0, 0, 0, 0, 0, 0, 0]).is_err());
        let mut half = vec![1u8];
        half.extend_from_slice(&0.5f64.to_le_bytes());
        assert!(parse(&half).is_err());
        assert!(parse(&[1, 0, 0]).is_err());
        assert!(parse(&[3, 5, 0, 0, 0, b'a']).is_err());
        assert!(parse(&[3, 0xff, 0xff, 0xff, 0xff]).is_err());
        assert!(parse(&[]).unwrap().is_empty());
    }
}
