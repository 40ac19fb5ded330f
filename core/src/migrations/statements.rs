//! A migration file into statements: drizzle-kit's `--> statement-breakpoint`
//! marker, with the pieces no server accepts left out.

use alloc::string::String;
use alloc::vec::Vec;

/// drizzle-kit's separator between statements (drizzle-orm splits on it
/// without the trailing newline, and so do we).
pub const BREAKPOINT: &str = "--> statement-breakpoint";

/// The statements of one migration file, split where drizzle-orm splits it.
///
/// Unlike drizzle-orm, pieces that hold nothing but whitespace and comments
/// are left out: a trailing marker, a doubled one or the body of a fresh
/// `--custom` migration would otherwise be sent as an empty statement, which
/// better-sqlite3, libSQL, D1 and the RDS Data API reject (drizzle #4583,
/// #6207, #3121). The other pieces are kept byte for byte.
pub fn split_breakpoints(sql: &str) -> Vec<String> {
    sql.split(BREAKPOINT)
        .filter(|piece| !is_blank(piece))
        .map(String::from)
        .collect()
}

/// Whether `sql` holds no SQL: only whitespace, `-- line` and `/* block */`
/// comments (an unterminated block comment runs to the end, as servers read it).
pub fn is_blank(sql: &str) -> bool {
    let b = sql.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            c if c.is_ascii_whitespace() => i += 1,
            b'-' if b.get(i + 1) == Some(&b'-') => {
                i = b[i..]
                    .iter()
                    .position(|&c| c == b'\n')
                    .map_or(b.len(), |n| i + n + 1);
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = b[i + 2..]
                    .windows(2)
                    .position(|w| w == b"*/")
                    .map_or(b.len(), |n| i + 2 + n + 2);
            }
            _ => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    #[test]
    fn splits_on_the_marker_and_keeps_pieces_verbatim() {
        let sql = "CREATE TABLE `a` (\n\t`id` integer\n);\n--> statement-breakpoint\nCREATE INDEX `i` ON `a` (`id`);";
        assert_eq!(
            split_breakpoints(sql),
            vec![
                String::from("CREATE TABLE `a` (\n\t`id` integer\n);\n"),
                String::from("\nCREATE INDEX `i` ON `a` (`id`);"),
            ]
        );
    }

    #[test]
    fn leaves_out_empty_and_comment_only_pieces() {
        let sql = "select 1;--> statement-breakpoint\n  \n--> statement-breakpoint\n-- note\n/* block */--> statement-breakpoint";
        assert_eq!(split_breakpoints(sql), vec![String::from("select 1;")]);
        assert!(
            split_breakpoints("-- Custom SQL migration file, put your code below! --").is_empty()
        );
        assert!(is_blank("/* never closed"));
        assert!(!is_blank("-- a\nselect 1"));
        assert!(!is_blank("- 1"));
        assert!(!is_blank("/ 1"));
    }
}
