//! The schema model: tables, columns, constraints, indexes, enums and views.
//! DDL for it is rendered by `crate::render::ddl`.

mod column;
mod constraint;
mod enum_type;
mod index;
mod table;
mod types;
mod view;

pub use column::{Column, ColumnDefault, Identity};
pub use constraint::{Check, ForeignKey, PrimaryKey, ReferentialAction, Unique};
pub use enum_type::EnumType;
pub use index::Index;
pub use table::Table;
pub use types::SqlType;
pub use view::View;
