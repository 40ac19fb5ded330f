//! PostgreSQL enum types.

use alloc::string::String;
use alloc::vec::Vec;

/// `CREATE TYPE name AS ENUM (values)`.
///
/// ```
/// use mizzle_core::schema::EnumType;
/// let mood = EnumType { schema: None, name: "mood".into(), values: vec!["sad".into(), "ok".into()] };
/// assert_eq!(mood.values.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct EnumType {
    pub schema: Option<String>,
    pub name: String,
    pub values: Vec<String>,
}
