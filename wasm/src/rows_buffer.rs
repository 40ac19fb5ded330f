//! The rows buffer (wasm -> JS), see README.md "Embedded SQLite", "Rows":
//! `u32 n_cols`, per column `u32 len + UTF-8 name`, `u32 n_rows`, then
//! `n_rows * n_cols` tagged values, little-endian. JS reads it with
//! `npm-package/src/sqlite-wasm/buffers.ts`'s `decodeRows`.
//!
//! Shared by the embedded database (`sqlite` feature, which applies its
//! codecs in `embedded/column_codecs.rs`) and the protocol benchmark build
//! (`protocol` feature, `protocol.rs`).

use crate::wire::ValueTag;

pub(crate) const TAG_NULL: u8 = ValueTag::Null.repr();
pub(crate) const TAG_NUMBER: u8 = ValueTag::Number.repr();
pub(crate) const TAG_FLOAT: u8 = ValueTag::Float.repr();
pub(crate) const TAG_TEXT: u8 = ValueTag::Text.repr();
pub(crate) const TAG_BLOB: u8 = ValueTag::Blob.repr();
pub(crate) const TAG_BIGINT: u8 = ValueTag::BigInt.repr();
pub(crate) const TAG_BOOL: u8 = ValueTag::Bool.repr();
pub(crate) const TAG_DATE: u8 = ValueTag::Date.repr();

/// `Number.MAX_SAFE_INTEGER`: integers within ±this convert to f64 exactly
/// and unambiguously.
const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;

/// A value or name longer than `u32::MAX` bytes, or more than `u32::MAX`
/// rows (not reachable in wasm32).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct TooLong;

pub(crate) struct RowsWriter {
    buf: Vec<u8>,
    rows_at: usize,
    n_rows: u32,
}

impl RowsWriter {
    /// Starts a buffer for `n_cols` columns; the names follow via [`Self::name`].
    #[cfg_attr(not(feature = "sqlite"), allow(dead_code))]
    pub fn new(n_cols: u32) -> Self {
        Self::with_capacity(n_cols, 256)
    }

    /// [`Self::new`] with room for `capacity` bytes before it grows.
    pub fn with_capacity(n_cols: u32, capacity: usize) -> Self {
        let mut buf = Vec::with_capacity(capacity.max(4));
        buf.extend_from_slice(&n_cols.to_le_bytes());
        Self {
            buf,
            rows_at: 0,
            n_rows: 0,
        }
    }

    pub fn name(&mut self, name: &[u8]) -> Result<(), TooLong> {
        self.sized(name)
    }

    /// Ends the header: reserves `n_rows`, patched by [`Self::finish`].
    pub fn begin_rows(&mut self) {
        self.rows_at = self.buf.len();
        self.buf.extend_from_slice(&0u32.to_le_bytes());
    }

    /// Counts one more row (call once per row, before or after its values).
    pub fn row(&mut self) -> Result<(), TooLong> {
        self.n_rows = self.n_rows.checked_add(1).ok_or(TooLong)?;
        Ok(())
    }

    /// NULL (tag 0).
    pub fn null(&mut self) {
        self.buf.push(TAG_NULL);
    }

    /// An integer: tag 1 (f64) when it is a safe JS integer, else tag 5 (i64).
    pub fn integer(&mut self, v: i64) {
        if (-MAX_SAFE_INTEGER..=MAX_SAFE_INTEGER).contains(&v) {
            self.f64(TAG_NUMBER, v as f64);
        } else {
            self.buf.push(TAG_BIGINT);
            self.buf.extend_from_slice(&v.to_le_bytes());
        }
    }

    /// A float (tag 2).
    pub fn float(&mut self, v: f64) {
        self.f64(TAG_FLOAT, v);
    }

    /// UTF-8 text (tag 3).
    pub fn text(&mut self, bytes: &[u8]) -> Result<(), TooLong> {
        self.buf.push(TAG_TEXT);
        self.sized(bytes)
    }

    /// Bytes (tag 4).
    pub fn blob(&mut self, bytes: &[u8]) -> Result<(), TooLong> {
        self.buf.push(TAG_BLOB);
        self.sized(bytes)
    }

    /// A boolean (tag 6).
    pub fn boolean(&mut self, v: bool) {
        self.buf.push(TAG_BOOL);
        self.buf.push(u8::from(v));
    }

    /// A Date as milliseconds since the epoch (tag 7).
    #[cfg_attr(not(feature = "sqlite"), allow(dead_code))]
    pub fn date_ms(&mut self, ms: f64) {
        self.f64(TAG_DATE, ms);
    }

    /// The finished buffer, with the row count patched in.
    pub fn finish(mut self) -> Vec<u8> {
        let count = self.n_rows.to_le_bytes();
        let end = self.rows_at.saturating_add(count.len());
        if let Some(slot) = self.buf.get_mut(self.rows_at..end) {
            slot.copy_from_slice(&count);
        }
        self.buf
    }

    fn f64(&mut self, tag: u8, v: f64) {
        self.buf.push(tag);
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    fn sized(&mut self, bytes: &[u8]) -> Result<(), TooLong> {
        let len = u32::try_from(bytes.len()).map_err(|_| TooLong)?;
        self.buf.extend_from_slice(&len.to_le_bytes());
        self.buf.extend_from_slice(bytes);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout() {
        let mut w = RowsWriter::new(2);
        w.name(b"a").unwrap();
        w.name("é".as_bytes()).unwrap();
        w.begin_rows();
        for _ in 0..2 {
            w.row().unwrap();
        }
        w.null();
        w.integer(-7);
        w.integer(1 << 53);
        w.float(0.5);
        let buf = w.finish();
        let mut want = vec![
            2, 0, 0, 0, 1, 0, 0, 0, b'a', 2, 0, 0, 0, 0xc3, 0xa9, 2, 0, 0, 0,
        ];
        want.push(TAG_NULL);
        want.push(TAG_NUMBER);
        want.extend_from_slice(&(-7f64).to_le_bytes());
        want.push(TAG_BIGINT);
        want.extend_from_slice(&(1i64 << 53).to_le_bytes());
        want.push(TAG_FLOAT);
        want.extend_from_slice(&0.5f64.to_le_bytes());
        assert_eq!(buf, want);
    }

    #[test]
    fn tags() {
        let mut w = RowsWriter::with_capacity(1, 0);
        w.begin_rows();
        w.text(b"hi").unwrap();
        w.blob(&[]).unwrap();
        w.boolean(true);
        w.date_ms(1.0);
        w.integer((1 << 53) - 1);
        w.integer(-(1 << 53));
        let buf = w.finish();
        let mut want = vec![1, 0, 0, 0, 0, 0, 0, 0];
        want.extend_from_slice(&[TAG_TEXT, 2, 0, 0, 0, b'h', b'i', TAG_BLOB, 0, 0, 0, 0]);
        want.extend_from_slice(&[TAG_BOOL, 1, TAG_DATE]);
        want.extend_from_slice(&1f64.to_le_bytes());
        want.push(TAG_NUMBER);
        want.extend_from_slice(&(((1i64 << 53) - 1) as f64).to_le_bytes());
        want.push(TAG_BIGINT);
        want.extend_from_slice(&(-(1i64 << 53)).to_le_bytes());
        assert_eq!(buf, want);
    }
}
