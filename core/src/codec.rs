//! Decode-plan codecs: per result column, how a driver value becomes the
//! application's value. The engine puts one codec per column in a compiled
//! shape's plan; hosts apply them (the JS decode-plan interpreter, the
//! embedded database's row writer). The numbers cross into JS, so this table
//! is the one source for them (the TypeScript `Codec` is generated from it).

use crate::ast::JsonEncoding;

crate::tag_enum! {
    /// A decode-plan codec.
    pub enum Codec: u8 {
        /// The value as the driver gave it.
        Raw = 0,
        /// An integer or real as a JS number.
        Number = 1,
        /// 0/1 -> false/true.
        Boolean = 2,
        /// Integer seconds -> Date.
        Timestamp = 3,
        /// Integer milliseconds -> Date.
        TimestampMs = 4,
        /// Text -> JSON.parse.
        Json = 5,
        /// Text or blob holding decimal digits -> BigInt.
        Bigint = 6,
        /// Blob -> Uint8Array.
        Bytes = 7,
        /// Blob holding JSON text -> JSON.parse.
        JsonBlob = 8,
        /// -> string.
        Text = 9,
        /// The column's own `mapFromDriverValue` (JS).
        Custom = 10,
        /// A number (aggregates: `count()` and friends).
        Count = 11,
        /// Numeric text kept as a string.
        StringNumber = 12,
        /// PostgreSQL/MySQL timestamp text (no offset = UTC) -> Date.
        DateText = 13,
        /// A JSON document the driver already parsed -> as is.
        JsonValue = 14,
        /// `YYYY-MM-DD` -> Date at UTC midnight.
        DateOnly = 15,
        /// A date, time or interval kept as the database's text (string modes).
        TemporalText = 16,
    }
}

impl Codec {
    /// How a field with this codec travels inside the JSON rows of a
    /// relational query, so it decodes the same as a plain column.
    pub fn json_encoding(self) -> JsonEncoding {
        match self {
            // A JSON number would round 64-bit integers and decimals;
            // temporal text keeps the column's own text, not the JSON function's.
            Codec::Bigint | Codec::StringNumber | Codec::TemporalText => JsonEncoding::Text,
            Codec::Bytes => JsonEncoding::Hex,
            Codec::Json | Codec::JsonValue => JsonEncoding::Json,
            Codec::JsonBlob => JsonEncoding::JsonBlob,
            _ => JsonEncoding::Plain,
        }
    }
}
