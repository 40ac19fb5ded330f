//! `tag_enum!`: a plain enum whose numbers cross a boundary (the JS <-> wasm
//! opcodes, codec ids, buffer tags). One declaration gives the Rust enum, its
//! reader (`from_repr`) and a table of names and docs (`TAGS`), from which the
//! TypeScript constants are generated (wasm/src/wire/), so neither side retypes
//! a number. Unused tables and docs cost nothing in a wasm build: only what the
//! code reads is linked.

/// Declares a `#[repr]` enum with explicit numbers plus `TAGS`, `DOC`,
/// `from_repr` and `repr`.
///
/// ```
/// mizzle_core::tag_enum! {
///     /// Fruit on the wire.
///     pub enum Fruit: u8 {
///         /// Red.
///         Apple = 1,
///         Pear = 2,
///     }
/// }
/// assert_eq!(Fruit::from_repr(2), Some(Fruit::Pear));
/// assert_eq!(Fruit::from_repr(3), None);
/// assert_eq!(Fruit::Apple.repr(), 1);
/// assert_eq!(Fruit::TAGS[0], ("Apple", 1, " Red.\n"));
/// ```
#[macro_export]
macro_rules! tag_enum {
    (
        $(#[doc = $doc:expr])*
        $vis:vis enum $name:ident : $repr:ident {
            $( $(#[doc = $vdoc:expr])* $variant:ident = $value:literal, )*
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[repr($repr)]
        $vis enum $name {
            $( $(#[doc = $vdoc])* $variant = $value, )*
        }

        impl $name {
            /// Every tag as (name, number, doc), in declaration order.
            pub const TAGS: &'static [(&'static str, i64, &'static str)] =
                &[$((stringify!($variant), $value as i64, concat!($($vdoc, "\n",)*)),)*];
            /// The enum's own doc.
            pub const DOC: &'static str = concat!($($doc, "\n",)*);

            /// The tag numbered `v`, or `None` for a number the table lacks.
            #[allow(clippy::missing_const_for_fn)]
            pub fn from_repr(v: $repr) -> Option<Self> {
                match v {
                    $( $value => Some(Self::$variant), )*
                    _ => None,
                }
            }

            /// This tag's number.
            pub const fn repr(self) -> $repr {
                self as $repr
            }
        }
    };
}
