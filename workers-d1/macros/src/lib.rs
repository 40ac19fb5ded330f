//! Procedural macros for `mizzle-workers`, used through its re-exports (`mizzle_workers::Table`,
//! `mizzle_workers::migrations!`).
//!
//! The generated code names the runtime by the absolute path `::mizzle_workers`, so it works in any
//! module of a crate that depends on `mizzle-workers` without extra imports.
//!
//! Parsing is kept apart from code generation: the attribute and folder readers produce plain structs
//! that the unit tests check without the runtime crate.

use proc_macro::TokenStream;

mod attrs;
mod layout;
mod migrations;
mod mode;
mod model;
mod table;

/// Implements `mizzle_workers::schema::Table` for a struct with named fields and generates its column
/// handles struct (`<Name>Columns<S>`).
///
/// Struct attribute: `#[mizzle(table = "sql_name")]` (required). Field attributes, in one or several
/// `#[mizzle(...)]`: `column = "sql_name"`, `primary_key`, `auto_increment`, `default`,
/// `mode = "timestamp"` (one of drizzle's modes).
#[proc_macro_derive(Table, attributes(mizzle))]
pub fn derive_table(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    table::derive(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Embeds a migrations folder (path relative to the invoking crate's `Cargo.toml`) as a
/// `mizzle_workers::migrate::Migrations` value: drizzle-kit's journal layout, drizzle-kit 1.0's nested
/// folders, or wrangler's flat `.sql` files.
#[proc_macro]
pub fn migrations(input: TokenStream) -> TokenStream {
    let path = syn::parse_macro_input!(input as syn::LitStr);
    migrations::expand(&path)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}
