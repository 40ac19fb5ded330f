//! The embedded database's side of the rows buffer (README.md "Embedded
//! SQLite"; the buffer itself is `crate::rows`): SQLite values written with
//! the codecs that the value's storage class decides (boolean, timestamps).

use super::ffi::Column;
use crate::rows::{RowsWriter, TooLong};

/// Codec ids of the decode plan (README.md "Codecs"); only those applied in Rust are named.
pub(crate) const CODEC_BOOLEAN: u8 = 2;
pub(crate) const CODEC_TIMESTAMP: u8 = 3;
pub(crate) const CODEC_TIMESTAMP_MS: u8 = 4;
/// The largest codec id README.md defines (`date_only`).
pub(crate) const CODEC_MAX: u8 = 16;

/// Writes one SQLite value, applying `codec` when the storage class decides it.
pub(crate) trait WriteColumn {
    fn value(&mut self, value: Column<'_>, codec: u8) -> Result<(), TooLong>;
}

impl WriteColumn for RowsWriter {
    fn value(&mut self, value: Column<'_>, codec: u8) -> Result<(), TooLong> {
        match value {
            Column::Null => self.null(),
            Column::Integer(v) => match codec {
                CODEC_BOOLEAN => self.boolean(v != 0),
                CODEC_TIMESTAMP => self.date_ms(v as f64 * 1000.0),
                CODEC_TIMESTAMP_MS => self.date_ms(v as f64),
                _ => self.integer(v),
            },
            Column::Float(v) => self.float(v),
            Column::Text(bytes) => self.text(bytes)?,
            Column::Blob(bytes) => self.blob(bytes)?,
        }
        Ok(())
    }
}
