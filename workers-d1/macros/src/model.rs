//! A `#[derive(Table)]` input checked and reduced to what the expansion needs.

use std::collections::hash_map::{Entry, HashMap};

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, Ident, Type, Visibility};

use crate::attrs::{self, FieldAttrs};

/// A table struct.
pub struct TableDef {
    pub ident: Ident,
    pub vis: Visibility,
    /// The SQL table name.
    pub name: String,
    pub columns: Vec<ColumnDef>,
}

/// One field, i.e. one column.
pub struct ColumnDef {
    /// The field as written (possibly raw, `r#type`), reused for the handle's field.
    pub ident: Ident,
    /// The field's name without `r#`: the key rows are decoded by.
    pub field: String,
    /// The SQL column name.
    pub name: String,
    pub ty: Type,
    pub attrs: FieldAttrs,
}

impl TableDef {
    pub fn parse(input: &DeriveInput) -> syn::Result<TableDef> {
        let data = match &input.data {
            Data::Struct(data) => data,
            Data::Enum(data) => {
                return Err(syn::Error::new(
                    data.enum_token.span,
                    "`Table` can only be derived for a struct with named fields, not an enum",
                ))
            }
            Data::Union(data) => {
                return Err(syn::Error::new(
                    data.union_token.span,
                    "`Table` can only be derived for a struct with named fields, not a union",
                ))
            }
        };
        let fields = match &data.fields {
            Fields::Named(fields) => fields,
            Fields::Unnamed(fields) => {
                return Err(syn::Error::new(
                    fields.span(),
                    "`Table` needs named fields (one per column), not a tuple struct",
                ))
            }
            Fields::Unit => {
                return Err(syn::Error::new(
                    input.ident.span(),
                    "`Table` needs named fields (one per column), not a unit struct",
                ))
            }
        };
        // A generic table would need the column constants per instantiation; not supported.
        let generics = &input.generics;
        if !generics.params.is_empty() || generics.where_clause.is_some() {
            return Err(syn::Error::new(
                generics.span(),
                "`Table` needs a struct without generics (lifetimes, types or consts)",
            ));
        }

        let table = attrs::table_attrs(&input.attrs)?.table.ok_or_else(|| {
            syn::Error::new(
                input.ident.span(),
                "`Table` needs the table's SQL name: add `#[mizzle(table = \"...\")]` to the struct",
            )
        })?;
        if fields.named.is_empty() {
            return Err(syn::Error::new(
                fields.brace_token.span.join(),
                "`Table` needs at least one field: a table has at least one column",
            ));
        }

        let mut columns = Vec::with_capacity(fields.named.len());
        let mut errors: Option<syn::Error> = None;
        for field in &fields.named {
            match ColumnDef::parse(field) {
                Ok(column) => columns.push(column),
                Err(err) => combine(&mut errors, err),
            }
        }
        check_unique(&columns, &mut errors);
        match errors {
            Some(err) => Err(err),
            None => Ok(TableDef {
                ident: input.ident.clone(),
                vis: input.vis.clone(),
                name: table.value(),
                columns,
            }),
        }
    }
}

impl ColumnDef {
    fn parse(field: &syn::Field) -> syn::Result<ColumnDef> {
        // Named fields always have an ident; checked anyway so no path panics.
        let ident = field
            .ident
            .clone()
            .ok_or_else(|| syn::Error::new(field.span(), "expected a named field"))?;
        let attrs = attrs::field_attrs(&field.attrs)?;
        let field_name = ident.unraw().to_string();
        let name = attrs
            .column
            .as_ref()
            .map_or_else(|| field_name.clone(), |lit| lit.value());
        Ok(ColumnDef {
            ident,
            field: field_name,
            name,
            ty: field.ty.clone(),
            attrs,
        })
    }

    /// Where a problem with this column's SQL name is reported: its `column = "..."`, else the field.
    fn name_span(&self) -> Span {
        self.attrs
            .column
            .as_ref()
            .map_or_else(|| self.ident.span(), |lit| lit.span())
    }
}

/// Two fields on one SQL column would write it twice in every insert.
fn check_unique(columns: &[ColumnDef], errors: &mut Option<syn::Error>) {
    let mut seen: HashMap<&str, &ColumnDef> = HashMap::new();
    for column in columns {
        match seen.entry(&column.name) {
            Entry::Occupied(first) => combine(
                errors,
                syn::Error::new(
                    column.name_span(),
                    format!(
                        "column `{}` is already used by field `{}`",
                        column.name,
                        first.get().field
                    ),
                ),
            ),
            Entry::Vacant(slot) => {
                slot.insert(column);
            }
        }
    }
}

fn combine(errors: &mut Option<syn::Error>, err: syn::Error) {
    match errors {
        Some(errors) => errors.combine(err),
        None => *errors = Some(err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::parse_quote;

    fn err(input: DeriveInput) -> String {
        match TableDef::parse(&input) {
            Ok(_) => panic!("expected an error"),
            Err(err) => err
                .into_iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    #[test]
    fn reads_a_table() {
        let input: DeriveInput = parse_quote! {
            #[derive(Debug)]
            #[mizzle(table = "users")]
            pub(crate) struct User {
                #[mizzle(primary_key, auto_increment)]
                id: i64,
                #[mizzle(column = "full_name")]
                name: String,
                r#type: Option<String>,
                #[mizzle(mode = "timestamp", default)]
                created: i64,
            }
        };
        let def = TableDef::parse(&input).unwrap();
        assert_eq!(def.ident, "User");
        assert!(matches!(def.vis, Visibility::Restricted(_)));
        assert_eq!(def.name, "users");
        let names: Vec<_> = def
            .columns
            .iter()
            .map(|c| (c.field.as_str(), c.name.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("id", "id"),
                ("name", "full_name"),
                ("type", "type"),
                ("created", "created")
            ]
        );
        assert!(def.columns[0].attrs.primary_key && def.columns[0].attrs.auto_increment);
        assert_eq!(def.columns[2].ident.to_string(), "r#type");
        let ty = &def.columns[2].ty;
        assert_eq!(quote::quote!(#ty).to_string(), "Option < String >");
        assert_eq!(
            def.columns[3].attrs.mode.as_ref().unwrap().variant,
            "Timestamp"
        );
        assert!(def.columns[3].attrs.has_default);
    }

    #[test]
    fn needs_the_table_attribute() {
        let message = err(parse_quote! { struct User { id: i64 } });
        assert!(
            message.contains("add `#[mizzle(table = \"...\")]`"),
            "{message}"
        );
    }

    #[test]
    fn rejects_other_shapes() {
        assert!(err(parse_quote! { #[mizzle(table = "t")] enum E { A } }).contains("not an enum"));
        assert!(
            err(parse_quote! { #[mizzle(table = "t")] union U { a: u8 } }).contains("not a union")
        );
        assert!(err(parse_quote! { #[mizzle(table = "t")] struct T(i64); })
            .contains("not a tuple struct"));
        assert!(
            err(parse_quote! { #[mizzle(table = "t")] struct T; }).contains("not a unit struct")
        );
        assert!(
            err(parse_quote! { #[mizzle(table = "t")] struct T {} }).contains("at least one field")
        );
    }

    #[test]
    fn rejects_generics() {
        for input in [
            parse_quote! { #[mizzle(table = "t")] struct T<X> { a: X } },
            parse_quote! { #[mizzle(table = "t")] struct T<'a> { a: &'a str } },
            parse_quote! { #[mizzle(table = "t")] struct T<const N: usize> { a: [u8; N] } },
        ] {
            assert!(err(input).contains("without generics"));
        }
    }

    #[test]
    fn reports_every_bad_field_and_duplicate_columns() {
        let message = err(parse_quote! {
            #[mizzle(table = "t")]
            struct T {
                #[mizzle(mode = "nope")]
                a: i64,
                b: i64,
                #[mizzle(column = "b")]
                c: i64,
                #[mizzle(unknown)]
                d: i64,
            }
        });
        let lines: Vec<_> = message.lines().collect();
        assert_eq!(lines.len(), 3, "{message}");
        assert!(lines[0].contains("unknown mode"), "{message}");
        assert!(lines[1].contains("unknown `mizzle` attribute"), "{message}");
        assert!(
            lines[2].contains("column `b` is already used by field `b`"),
            "{message}"
        );
    }
}
