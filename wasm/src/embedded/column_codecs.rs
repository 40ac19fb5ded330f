//! The embedded database's side of the rows buffer (README.md "Embedded
//! SQLite"; the buffer itself is `crate::rows_buffer`): SQLite values written with
//! the codecs that the value's storage class decides (boolean, timestamps).

use super::ffi::Column;
use crate::rows_buffer::{RowsWriter, TooLong};

use mizzle_core::Codec;

/// Codecs applied in Rust: the value's storage class decides them.
const CODEC_BOOLEAN: u8 = Codec::Boolean.repr();
const CODEC_TIMESTAMP: u8 = Codec::Timestamp.repr();
const CODEC_TIMESTAMP_MS: u8 = Codec::TimestampMs.repr();

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
