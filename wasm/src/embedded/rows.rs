//! The rows buffer (wasm -> JS), see README.md "Embedded SQLite":
//! `u32 n_cols`, per column `u32 len + UTF-8 name`, `u32 n_rows`, then
//! `n_rows * n_cols` tagged values, little-endian. Codecs that the value's
//! storage class decides are applied here (boolean, timestamps).

use super::ffi::Column;

pub(crate) const TAG_NULL: u8 = 0;
pub(crate) const TAG_NUMBER: u8 = 1;
pub(crate) const TAG_FLOAT: u8 = 2;
pub(crate) const TAG_TEXT: u8 = 3;
pub(crate) const TAG_BLOB: u8 = 4;
pub(crate) const TAG_BIGINT: u8 = 5;
pub(crate) const TAG_BOOL: u8 = 6;
pub(crate) const TAG_DATE: u8 = 7;

/// Codec ids of the decode plan (README.md "Codecs"); only those applied in Rust are named.
pub(crate) const CODEC_BOOLEAN: u8 = 2;
pub(crate) const CODEC_TIMESTAMP: u8 = 3;
pub(crate) const CODEC_TIMESTAMP_MS: u8 = 4;
/// The largest codec id README.md defines (`string_number`).
pub(crate) const CODEC_MAX: u8 = 15;

/// `Number.MAX_SAFE_INTEGER`: integers within ±this convert to f64 exactly
/// and unambiguously.
const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;

/// A value or name longer than `u32::MAX` bytes (not reachable in wasm32).
#[derive(Debug)]
pub(crate) struct TooLong;

pub(crate) struct RowsWriter {
    buf: Vec<u8>,
    rows_at: usize,
    n_rows: u32,
}

impl RowsWriter {
    /// Starts a buffer for `n_cols` columns; the names follow via [`Self::name`].
    pub fn new(n_cols: u32) -> Self {
        let mut buf = Vec::with_capacity(256);
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

    /// Writes one value, applying `codec` when the storage class decides it.
    pub fn value(&mut self, value: Column<'_>, codec: u8) -> Result<(), TooLong> {
        match value {
            Column::Null => self.buf.push(TAG_NULL),
            Column::Integer(v) => match codec {
                CODEC_BOOLEAN => {
                    self.buf.push(TAG_BOOL);
                    self.buf.push(u8::from(v != 0));
                }
                CODEC_TIMESTAMP => self.f64(TAG_DATE, v as f64 * 1000.0),
                CODEC_TIMESTAMP_MS => self.f64(TAG_DATE, v as f64),
                _ if (-MAX_SAFE_INTEGER..=MAX_SAFE_INTEGER).contains(&v) => {
                    self.f64(TAG_NUMBER, v as f64)
                }
                _ => {
                    self.buf.push(TAG_BIGINT);
                    self.buf.extend_from_slice(&v.to_le_bytes());
                }
            },
            Column::Float(v) => self.f64(TAG_FLOAT, v),
            Column::Text(bytes) => {
                self.buf.push(TAG_TEXT);
                self.sized(bytes)?;
            }
            Column::Blob(bytes) => {
                self.buf.push(TAG_BLOB);
                self.sized(bytes)?;
            }
        }
        Ok(())
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
