//! `#[derive(Table)]`'s expansion: the column handles struct and the `Table` impl.

use proc_macro2::{Ident, Span, TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::DeriveInput;

use crate::model::{ColumnDef, TableDef};

pub fn derive(input: &DeriveInput) -> syn::Result<TokenStream> {
    Ok(expand(&TableDef::parse(input)?))
}

fn expand(def: &TableDef) -> TokenStream {
    let ident = &def.ident;
    let vis = &def.vis;
    let handles = format_ident!("{}Columns", ident);
    let scope = scope_param(def);
    let name = &def.name;
    let doc = format!(
        "The column handles of [`{ident}`] (table `{name}`), for a query whose tables are `{scope}`."
    );

    let fields = def.columns.iter().map(|column| {
        let field = &column.ident;
        let ty = &column.ty;
        quote!(pub #field: ::mizzle_workers::schema::Col<#scope, #ty>)
    });
    let infos = def.columns.iter().map(column_info);
    let handle_inits = def.columns.iter().enumerate().map(|(index, column)| {
        let field = &column.ident;
        quote! {
            #field: ::mizzle_workers::schema::Col::new(
                alias,
                &<Self as ::mizzle_workers::schema::Table>::COLUMNS[#index],
            )
        }
    });
    // Spanned on the type too, so a type that is not a `SqlField` is reported at the field only.
    let values = def.columns.iter().enumerate().map(|(index, column)| {
        let field = &column.ident;
        let info = quote! { &<Self as ::mizzle_workers::schema::Table>::COLUMNS[#index] };
        match &column.attrs.default_fn {
            // An absent field takes the function's value, computed per row at insert time.
            Some(f) => quote_spanned! {f.span()=>
                if ::mizzle_workers::schema::SqlField::is_absent(&self.#field) {
                    ::mizzle_workers::schema::default_value(#f(), #info)?
                } else {
                    ::mizzle_workers::schema::value_of(&self.#field, #info)
                }
            },
            None => quote_spanned! {column.ty.span()=>
                ::mizzle_workers::schema::value_of(&self.#field, #info)
            },
        }
    });

    quote! {
        #[doc = #doc]
        // A query may use only some of the handles; unused ones are not a mistake.
        #[allow(dead_code)]
        #vis struct #handles<#scope> {
            #(#fields,)*
        }

        // Not derived: a derive would require `#scope: Clone`/`Copy`, and scopes are marker types.
        #[automatically_derived]
        impl<#scope> ::core::clone::Clone for #handles<#scope> {
            fn clone(&self) -> Self {
                *self
            }
        }

        #[automatically_derived]
        impl<#scope> ::core::marker::Copy for #handles<#scope> {}

        #[automatically_derived]
        impl ::mizzle_workers::schema::Table for #ident {
            const NAME: &'static str = #name;
            const COLUMNS: &'static [::mizzle_workers::schema::ColumnInfo] = &[#(#infos,)*];
            type Columns<#scope> = #handles<#scope>;

            fn columns_in<#scope>(alias: &'static str) -> #handles<#scope> {
                #handles { #(#handle_inits,)* }
            }

            fn values(
                &self,
            ) -> ::core::result::Result<
                ::std::vec::Vec<::core::option::Option<::mizzle_workers::Value>>,
                ::mizzle_workers::Error,
            > {
                ::core::result::Result::Ok(::std::vec![#(#values,)*])
            }
        }
    }
}

/// One `ColumnInfo` literal. The type's traits are spanned on the field's type, so a type that is not a
/// `SqlField` is reported there.
fn column_info(column: &ColumnDef) -> TokenStream {
    let ty = &column.ty;
    let span = ty.span();
    let name = &column.name;
    let field = &column.field;
    let kind = match &column.attrs.mode {
        Some(mode) => {
            let variant = Ident::new(mode.variant, mode.name.span());
            quote!(::mizzle_workers::schema::Kind::#variant)
        }
        None => quote_spanned!(span=> <#ty as ::mizzle_workers::schema::SqlField>::KIND),
    };
    let nullable = quote_spanned!(span=> <#ty as ::mizzle_workers::schema::SqlField>::NULLABLE);
    let primary_key = column.attrs.primary_key;
    let auto_increment = column.attrs.auto_increment;
    let has_default = column.attrs.has_default;
    quote! {
        ::mizzle_workers::schema::ColumnInfo {
            name: #name,
            field: #field,
            kind: #kind,
            nullable: #nullable,
            primary_key: #primary_key,
            auto_increment: #auto_increment,
            has_default: #has_default,
        }
    }
}

/// The handles' scope parameter: `S`, unless a field's type already names an `S` the parameter would
/// shadow.
fn scope_param(def: &TableDef) -> Ident {
    let clashes = def
        .columns
        .iter()
        .any(|column| mentions(column.ty.to_token_stream(), "S"));
    Ident::new(
        if clashes { "__MizzleScope" } else { "S" },
        Span::call_site(),
    )
}

fn mentions(tokens: TokenStream, name: &str) -> bool {
    tokens.into_iter().any(|token| match token {
        TokenTree::Ident(ident) => ident == name,
        TokenTree::Group(group) => mentions(group.stream(), name),
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::parse_quote;

    fn expand_str(input: DeriveInput) -> String {
        derive(&input).unwrap().to_string()
    }

    #[test]
    fn expands_handles_and_impl() {
        let out = expand_str(parse_quote! {
            #[mizzle(table = "users")]
            pub struct User {
                #[mizzle(primary_key, auto_increment)]
                id: i64,
                name: String,
                #[mizzle(column = "mail", mode = "text", default)]
                email: Option<String>,
            }
        });
        let has = |needle: &str| assert!(out.contains(needle), "missing {needle:?} in\n{out}");
        has("pub struct UserColumns < S >");
        has("pub id : :: mizzle_workers :: schema :: Col < S , i64 >");
        has("pub email : :: mizzle_workers :: schema :: Col < S , Option < String > >");
        has("impl < S > :: core :: marker :: Copy for UserColumns < S > { }");
        has("impl :: mizzle_workers :: schema :: Table for User");
        has("const NAME : & 'static str = \"users\"");
        has("type Columns < S > = UserColumns < S >");
        has("name : \"id\" , field : \"id\" , kind : < i64 as :: mizzle_workers :: schema :: SqlField > :: KIND");
        has("primary_key : true , auto_increment : true , has_default : false");
        has("name : \"mail\" , field : \"email\" , kind : :: mizzle_workers :: schema :: Kind :: Text");
        has("nullable : < Option < String > as :: mizzle_workers :: schema :: SqlField > :: NULLABLE");
        has("primary_key : false , auto_increment : false , has_default : true");
        has("email : :: mizzle_workers :: schema :: Col :: new (alias , & < Self as :: mizzle_workers :: schema :: Table > :: COLUMNS [2usize] ,)");
        has("value_of (& self . name , & < Self as :: mizzle_workers :: schema :: Table > :: COLUMNS [1usize])");
    }

    #[test]
    fn keeps_the_struct_visibility_and_raw_fields() {
        let out = expand_str(parse_quote! {
            #[mizzle(table = "t")]
            pub(crate) struct T { r#type: String }
        });
        assert!(out.contains("pub (crate) struct TColumns < S >"), "{out}");
        assert!(out.contains("pub r#type :"), "{out}");
        assert!(out.contains("field : \"type\""), "{out}");
        let private = expand_str(parse_quote! {
            #[mizzle(table = "t")]
            struct T { a: String }
        });
        assert!(private.contains("] struct TColumns < S >"), "{private}");
    }

    #[test]
    fn renames_the_scope_when_a_field_type_is_named_s() {
        let out = expand_str(parse_quote! {
            #[mizzle(table = "t")]
            struct T { a: Option<S> }
        });
        assert!(
            out.contains("Col < __MizzleScope , Option < S > >"),
            "{out}"
        );
        assert!(!out.contains("Col < S ,"), "{out}");
        assert!(
            out.contains("type Columns < __MizzleScope > = TColumns < __MizzleScope >"),
            "{out}"
        );
    }

    #[test]
    fn errors_become_syn_errors() {
        let input: DeriveInput = parse_quote! { struct T { a: i64 } };
        assert!(derive(&input).is_err());
    }
}
