//! The `#[mizzle(...)]` helper attributes, read into plain structs before any code is generated.

use syn::meta::ParseNestedMeta;
use syn::{Attribute, LitStr, Token};

use crate::mode;

/// What the struct's `#[mizzle(...)]` says.
pub struct TableAttrs {
    /// `table = "..."`: the SQL name. Optional here so the caller can point the error at the struct.
    pub table: Option<LitStr>,
}

/// What a field's `#[mizzle(...)]` attributes say (several attributes add up).
#[derive(Default)]
pub struct FieldAttrs {
    /// `column = "..."`: the SQL name when it differs from the field's.
    pub column: Option<LitStr>,
    pub primary_key: bool,
    pub auto_increment: bool,
    /// `default`: the database fills the column when the field is absent.
    pub has_default: bool,
    /// `mode = "..."`, already checked.
    pub mode: Option<Mode>,
    /// `default_fn = path`: a function whose value an insert takes when the field is absent (drizzle's
    /// `$defaultFn`, e.g. `mizzle_workers::random::uuid_v4`).
    pub default_fn: Option<syn::Path>,
}

/// A checked `mode = "..."`.
pub struct Mode {
    pub name: LitStr,
    /// The `Kind` variant it names.
    pub variant: &'static str,
}

/// Reads the struct-level attributes; other attributes (serde's, docs) are left alone.
pub fn table_attrs(attrs: &[Attribute]) -> syn::Result<TableAttrs> {
    let mut table = None;
    for attr in mizzle_attrs(attrs) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("table") {
                let name = non_empty(&meta, "table")?;
                set_once(&meta, &mut table, name, "table")
            } else {
                Err(meta
                    .error("unknown `mizzle` attribute on the struct: expected `table = \"...\"`"))
            }
        })?;
    }
    Ok(TableAttrs { table })
}

/// Reads one field's attributes.
pub fn field_attrs(attrs: &[Attribute]) -> syn::Result<FieldAttrs> {
    let mut out = FieldAttrs::default();
    for attr in mizzle_attrs(attrs) {
        attr.parse_nested_meta(|meta| {
            let path = &meta.path;
            if path.is_ident("column") {
                let name = non_empty(&meta, "column")?;
                set_once(&meta, &mut out.column, name, "column")
            } else if path.is_ident("primary_key") {
                flag(&meta, &mut out.primary_key, "primary_key")
            } else if path.is_ident("auto_increment") {
                flag(&meta, &mut out.auto_increment, "auto_increment")
            } else if path.is_ident("default") {
                flag(&meta, &mut out.has_default, "default")
            } else if path.is_ident("default_fn") {
                let f: syn::Path = meta.value()?.parse()?;
                set_once(&meta, &mut out.default_fn, f, "default_fn")
            } else if path.is_ident("mode") {
                let name: LitStr = meta.value()?.parse()?;
                let variant = mode::kind_variant(&name.value()).ok_or_else(|| {
                    syn::Error::new(
                        name.span(),
                        format!(
                            "unknown mode {:?}: expected one of {}",
                            name.value(),
                            mode::accepted()
                        ),
                    )
                })?;
                set_once(&meta, &mut out.mode, Mode { name, variant }, "mode")
            } else {
                Err(meta.error(
                    "unknown `mizzle` attribute on a field: expected `column = \"...\"`, \
                     `primary_key`, `auto_increment`, `default`, `default_fn = path` or `mode = \"...\"`",
                ))
            }
        })?;
    }
    Ok(out)
}

fn mizzle_attrs(attrs: &[Attribute]) -> impl Iterator<Item = &Attribute> {
    attrs.iter().filter(|attr| attr.path().is_ident("mizzle"))
}

/// A `key = "..."` whose string may not be empty (an empty SQL name is never what was meant).
fn non_empty(meta: &ParseNestedMeta, key: &str) -> syn::Result<LitStr> {
    let lit: LitStr = meta.value()?.parse()?;
    if lit.value().is_empty() {
        return Err(syn::Error::new(
            lit.span(),
            format!("`{key}` cannot be empty"),
        ));
    }
    Ok(lit)
}

/// A bare flag; a value is refused rather than ignored, since `default = false` would read as if it
/// turned the flag off.
fn flag(meta: &ParseNestedMeta, slot: &mut bool, key: &str) -> syn::Result<()> {
    if meta.input.peek(Token![=]) || (!meta.input.is_empty() && !meta.input.peek(Token![,])) {
        return Err(meta.error(format!(
            "`{key}` is a flag and takes no value: write `#[mizzle({key})]`"
        )));
    }
    if *slot {
        return Err(meta.error(format!("duplicate `{key}`")));
    }
    *slot = true;
    Ok(())
}

fn set_once<T>(
    meta: &ParseNestedMeta,
    slot: &mut Option<T>,
    value: T,
    key: &str,
) -> syn::Result<()> {
    if slot.is_some() {
        return Err(meta.error(format!("duplicate `{key}`")));
    }
    *slot = Some(value);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::parse_quote;

    fn field(attrs: Vec<Attribute>) -> syn::Result<FieldAttrs> {
        field_attrs(&attrs)
    }

    fn err<T>(result: syn::Result<T>) -> String {
        match result {
            Ok(_) => panic!("expected an error"),
            Err(err) => err.to_string(),
        }
    }

    #[test]
    fn reads_the_table_name() {
        let attrs: Vec<Attribute> = vec![
            parse_quote!(#[derive(Debug)]),
            parse_quote!(#[mizzle(table = "users")]),
        ];
        let table = table_attrs(&attrs).unwrap().table.unwrap();
        assert_eq!(table.value(), "users");
    }

    #[test]
    fn table_name_is_optional_at_this_level() {
        let attrs: Vec<Attribute> = vec![parse_quote!(#[serde(rename_all = "camelCase")])];
        assert!(table_attrs(&attrs).unwrap().table.is_none());
    }

    #[test]
    fn table_errors() {
        let dup: Vec<Attribute> = vec![
            parse_quote!(#[mizzle(table = "a")]),
            parse_quote!(#[mizzle(table = "b")]),
        ];
        assert!(err(table_attrs(&dup)).contains("duplicate `table`"));
        let empty: Vec<Attribute> = vec![parse_quote!(#[mizzle(table = "")])];
        assert!(err(table_attrs(&empty)).contains("cannot be empty"));
        let unknown: Vec<Attribute> = vec![parse_quote!(#[mizzle(name = "a")])];
        assert!(err(table_attrs(&unknown)).contains("expected `table"));
        let not_string: Vec<Attribute> = vec![parse_quote!(#[mizzle(table = users)])];
        assert!(table_attrs(&not_string).is_err());
    }

    #[test]
    fn no_attributes_mean_defaults() {
        let attrs = field(vec![parse_quote!(#[serde(default)])]).unwrap();
        assert!(attrs.column.is_none());
        assert!(!attrs.primary_key && !attrs.auto_increment && !attrs.has_default);
        assert!(attrs.mode.is_none());
    }

    #[test]
    fn reads_every_field_attribute_across_several_attributes() {
        let attrs = field(vec![
            parse_quote!(#[mizzle(primary_key, auto_increment)]),
            parse_quote!(#[doc = "the id"]),
            parse_quote!(#[mizzle(column = "user_id", default, mode = "timestamp_ms")]),
        ])
        .unwrap();
        assert_eq!(attrs.column.unwrap().value(), "user_id");
        assert!(attrs.primary_key && attrs.auto_increment && attrs.has_default);
        let mode = attrs.mode.unwrap();
        assert_eq!(mode.name.value(), "timestamp_ms");
        assert_eq!(mode.variant, "TimestampMs");
    }

    #[test]
    fn flags_are_independent() {
        let attrs = field(vec![parse_quote!(#[mizzle(default)])]).unwrap();
        assert!(attrs.has_default);
        assert!(!attrs.primary_key && !attrs.auto_increment);
    }

    #[test]
    fn unknown_mode_lists_the_accepted_ones() {
        let message = err(field(vec![parse_quote!(#[mizzle(mode = "date")])]));
        assert!(message.contains("unknown mode \"date\""), "{message}");
        assert!(message.contains("\"timestamp_ms\""), "{message}");
    }

    #[test]
    fn field_errors() {
        let cases: Vec<(Attribute, &str)> = vec![
            (
                parse_quote!(#[mizzle(default = false)]),
                "`default` is a flag",
            ),
            (
                parse_quote!(#[mizzle(primary_key(x))]),
                "`primary_key` is a flag",
            ),
            (
                parse_quote!(#[mizzle(primary_key, primary_key)]),
                "duplicate `primary_key`",
            ),
            (
                parse_quote!(#[mizzle(column = "a", column = "b")]),
                "duplicate `column`",
            ),
            (parse_quote!(#[mizzle(column = "")]), "cannot be empty"),
            (
                parse_quote!(#[mizzle(nullable)]),
                "unknown `mizzle` attribute on a field",
            ),
        ];
        for (attr, expected) in cases {
            let message = err(field(vec![attr]));
            assert!(message.contains(expected), "{message:?} lacks {expected:?}");
        }
        let split = vec![
            parse_quote!(#[mizzle(mode = "json")]),
            parse_quote!(#[mizzle(mode = "text")]),
        ];
        assert!(err(field(split)).contains("duplicate `mode`"));
    }
}
