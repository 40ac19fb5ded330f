//! `migrations!("path")`: a migrations folder embedded as a `Migrations` value.

use std::path::PathBuf;

use proc_macro2::TokenStream;
use quote::quote;
use syn::LitStr;

use crate::layout::{self, Layout};

pub fn expand(path: &LitStr) -> syn::Result<TokenStream> {
    let error = |message: String| syn::Error::new(path.span(), message);
    // The proc macro runs with the invoking crate's environment, so this is that crate's folder.
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR")
        .ok_or_else(|| error("`migrations!` needs CARGO_MANIFEST_DIR (build with cargo)".into()))?;
    let dir = PathBuf::from(manifest).join(path.value());
    Ok(tokens(&layout::detect(&dir).map_err(error)?))
}

/// Each file through `include_str!` with its absolute path, so cargo rebuilds when one changes.
fn tokens(layout: &Layout) -> TokenStream {
    let ty = quote!(::mizzle_workers::migrate::Migrations);
    match layout {
        Layout::Journal { journal, files } => {
            let files = pairs(files);
            quote!(#ty::Journal { journal: ::core::include_str!(#journal), files: &[#(#files),*] })
        }
        Layout::Nested(dirs) => {
            let dirs = pairs(dirs);
            quote!(#ty::Nested(&[#(#dirs),*]))
        }
        Layout::Wrangler(files) => {
            let files = pairs(files);
            quote!(#ty::Wrangler(&[#(#files),*]))
        }
    }
}

fn pairs(entries: &[(String, String)]) -> impl Iterator<Item = TokenStream> + '_ {
    entries
        .iter()
        .map(|(name, path)| quote!((#name, ::core::include_str!(#path))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, path: &str) -> (String, String) {
        (name.into(), path.into())
    }

    #[test]
    fn journal_tokens() {
        let out = tokens(&Layout::Journal {
            journal: "/m/meta/_journal.json".into(),
            files: vec![
                entry("0000_a", "/m/0000_a.sql"),
                entry("0001_b", "/m/0001_b.sql"),
            ],
        })
        .to_string();
        assert_eq!(
            out,
            ":: mizzle_workers :: migrate :: Migrations :: Journal { journal : :: core :: include_str ! (\"/m/meta/_journal.json\") , \
             files : & [(\"0000_a\" , :: core :: include_str ! (\"/m/0000_a.sql\")) , (\"0001_b\" , :: core :: include_str ! (\"/m/0001_b.sql\"))] }"
        );
    }

    #[test]
    fn nested_and_wrangler_tokens() {
        let nested = tokens(&Layout::Nested(vec![entry(
            "2025_a",
            "/m/2025_a/migration.sql",
        )]))
        .to_string();
        assert_eq!(
            nested,
            ":: mizzle_workers :: migrate :: Migrations :: Nested (& [(\"2025_a\" , :: core :: include_str ! (\"/m/2025_a/migration.sql\"))])"
        );
        let flat = tokens(&Layout::Wrangler(vec![entry(
            "0001_a.sql",
            "/m/0001_a.sql",
        )]))
        .to_string();
        assert_eq!(
            flat,
            ":: mizzle_workers :: migrate :: Migrations :: Wrangler (& [(\"0001_a.sql\" , :: core :: include_str ! (\"/m/0001_a.sql\"))])"
        );
    }

    #[test]
    fn missing_folder_is_an_error_at_the_argument() {
        // CARGO_MANIFEST_DIR is set by cargo for tests too: this crate's folder, which has no such path.
        let err = expand(&LitStr::new(
            "no/such/migrations",
            proc_macro2::Span::call_site(),
        ))
        .unwrap_err();
        let message = err.to_string();
        assert!(message.contains("no/such/migrations"), "{message}");
        assert!(message.contains("does not exist"), "{message}");
    }
}
