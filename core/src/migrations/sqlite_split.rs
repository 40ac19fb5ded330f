//! SQLite text with several statements into one statement per piece, for
//! migration files written for `wrangler d1 migrations apply` (wrangler
//! sends a whole file at once; mizzle runs a file's statements in one batch).
//!
//! A `;` ends a statement unless it is inside a string or quoted name (`'`,
//! `"`, `` ` ``, `[...]`), a comment (`--`, `/* */`), or the body of a
//! `CREATE [TEMP|TEMPORARY] TRIGGER`, which only `; END ;` closes: the rule
//! of SQLite's own `sqlite3_complete`, where `END` counts only right after a
//! `;` (so a `CASE ... END` inside the body does not close it). Wrangler's
//! splitter instead tracks `BEGIN`/`CASE` ... `END` words; the two agree on
//! what SQLite accepts.

use alloc::string::String;
use alloc::vec::Vec;

use super::statements::is_blank;

/// Where the scanner is in the statement being read (sqlite3_complete's states).
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// Nothing but whitespace and comments yet.
    Start,
    /// In an ordinary statement: the next `;` ends it.
    Normal,
    /// After a leading `EXPLAIN`.
    Explain,
    /// After a leading `CREATE` (and `TEMP`/`TEMPORARY`): `TRIGGER` may follow.
    Create,
    /// In a trigger: only `; END ;` ends it.
    Trigger,
    /// In a trigger, just after a `;`.
    Semi,
    /// In a trigger, after `; END`.
    End,
}

/// A token as far as splitting cares.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Token {
    Semi,
    Space,
    Other,
    Explain,
    Create,
    Temp,
    Trigger,
    End,
}

impl State {
    fn next(self, t: Token) -> State {
        use State::*;
        use Token as T;
        match (self, t) {
            (Trigger, T::Semi) | (Semi, T::Semi | T::Space) => Semi,
            (Semi, T::End) | (End, T::Space) => End,
            (End, T::Semi) => Start,
            (Trigger | Semi | End, _) => Trigger,
            (_, T::Semi) => Start,
            (Start | Normal | Explain | Create, T::Space) => self,
            (Start, T::Explain) => Explain,
            (Start | Explain, T::Create) | (Create, T::Temp) => Create,
            (Create, T::Trigger) => Trigger,
            (Explain, T::Other) => Explain,
            _ => Normal,
        }
    }
}

/// The statements of `sql`, in order: each as written (comments kept), without
/// its closing `;` and the whitespace around it; pieces that hold only
/// whitespace and comments are left out. Unterminated strings and comments
/// run to the end, as SQLite reads them; text after the last `;` is a last
/// statement.
pub fn split_sqlite(sql: &str) -> Vec<String> {
    let b = sql.as_bytes();
    let mut out = Vec::new();
    let mut state = State::Start;
    let mut start = 0;
    let mut i = 0;
    let push = |out: &mut Vec<String>, piece: &str| {
        if !is_blank(piece) {
            // SQLite's whitespace is ASCII (a no-break space is part of a token).
            out.push(String::from(
                piece.trim_matches(|c: char| c.is_ascii_whitespace()),
            ));
        }
    };
    while i < b.len() {
        let (token, end) = token_at(b, i);
        state = state.next(token);
        i = end;
        if token == Token::Semi && state == State::Start {
            push(&mut out, &sql[start..i - 1]);
            start = i;
        }
    }
    push(&mut out, &sql[start..]);
    out
}

/// The token starting at `i` and where it ends. Only ASCII bytes delimit, so
/// every end is a char boundary.
fn token_at(b: &[u8], i: usize) -> (Token, usize) {
    let until = |from: usize, close: &[u8]| {
        b[from..]
            .windows(close.len())
            .position(|w| w == close)
            .map_or(b.len(), |n| from + n + close.len())
    };
    match b[i] {
        b';' => (Token::Semi, i + 1),
        c if c.is_ascii_whitespace() => (Token::Space, i + 1),
        b'-' if b.get(i + 1) == Some(&b'-') => (Token::Space, until(i + 2, b"\n")),
        b'/' if b.get(i + 1) == Some(&b'*') => (Token::Space, until(i + 2, b"*/")),
        q @ (b'\'' | b'"' | b'`') => (Token::Other, quoted(b, i + 1, q)),
        b'[' => (Token::Other, until(i + 1, b"]")),
        c if is_word(c) => {
            let end = b[i..]
                .iter()
                .position(|&c| !is_word(c))
                .map_or(b.len(), |n| i + n);
            (keyword(&b[i..end]), end)
        }
        _ => (Token::Other, i + 1),
    }
}

/// The end of a quoted run opened before `from` by `q` (a doubled `q` is one
/// character of it).
fn quoted(b: &[u8], mut from: usize, q: u8) -> usize {
    while from < b.len() {
        if b[from] == q {
            if b.get(from + 1) == Some(&q) {
                from += 2;
                continue;
            }
            return from + 1;
        }
        from += 1;
    }
    b.len()
}

/// Bytes of a word: SQLite's identifier characters (any non-ASCII byte too).
fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c >= 0x80
}

fn keyword(word: &[u8]) -> Token {
    let is = |k: &str| word.eq_ignore_ascii_case(k.as_bytes());
    if is("create") {
        Token::Create
    } else if is("temp") || is("temporary") {
        Token::Temp
    } else if is("trigger") {
        Token::Trigger
    } else if is("end") {
        Token::End
    } else if is("explain") {
        Token::Explain
    } else {
        Token::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;

    fn split(sql: &str) -> Vec<String> {
        split_sqlite(sql)
    }

    #[test]
    fn splits_on_semicolons_and_trims() {
        assert_eq!(
            split("create table a (x);\n insert into a values (1) ;select 2"),
            ["create table a (x)", "insert into a values (1)", "select 2"]
        );
        assert!(split("").is_empty());
        assert!(split(" ;; -- only a comment\n;/* and */ ;").is_empty());
    }

    #[test]
    fn quotes_and_comments_hide_semicolons() {
        let sql = "insert into t values ('a;b', \"c;d\", `e;f`, [g;h], 'it''s;');\n\
                   -- a comment; with a semicolon\nselect 1 /* ; */;";
        assert_eq!(
            split(sql),
            [
                "insert into t values ('a;b', \"c;d\", `e;f`, [g;h], 'it''s;')",
                "-- a comment; with a semicolon\nselect 1 /* ; */"
            ]
        );
        // drizzle-kit's marker is an ordinary line comment to SQLite.
        assert_eq!(
            split("CREATE TABLE `a` (`id` integer);--> statement-breakpoint\nCREATE INDEX `i` ON `a` (`id`);"),
            ["CREATE TABLE `a` (`id` integer)", "--> statement-breakpoint\nCREATE INDEX `i` ON `a` (`id`)"]
        );
        // Unterminated: to the end, one statement (SQLite reports the error).
        assert_eq!(split("select 'a; b"), ["select 'a; b"]);
        assert_eq!(split("select 1; /* x; y"), ["select 1"]);
    }

    #[test]
    fn trigger_bodies_end_at_semicolon_end_semicolon() {
        let trigger = "CREATE TEMP TRIGGER t AFTER INSERT ON a BEGIN\n  \
                       update a set x = case when new.x > 1 then 'big' else 'small' end where id = new.id;\n  \
                       insert into log values (new.id);\nEND";
        let sql = format!("{trigger};\ninsert into a values (1);");
        assert_eq!(split(&sql), [trigger, "insert into a values (1)"]);
        // Comments between `;` and END, and `END;` on the same line.
        let t2 = "create trigger \"x\" before delete on a begin select 1; -- c\n end";
        assert_eq!(split(&format!("{t2}; select 2")), [t2, "select 2"]);
        // An unfinished trigger runs to the end.
        assert_eq!(
            split("create trigger t after insert on a begin select 1;"),
            ["create trigger t after insert on a begin select 1;"]
        );
    }

    #[test]
    fn trigger_only_after_create() {
        // `trigger` as a name elsewhere does not open a body.
        assert_eq!(
            split("select trigger from a; select end from b; create table trigger (x);"),
            [
                "select trigger from a",
                "select end from b",
                "create table trigger (x)"
            ]
        );
        assert_eq!(
            split("explain create trigger t after insert on a begin select 1; end; select 2"),
            [
                "explain create trigger t after insert on a begin select 1; end",
                "select 2"
            ]
        );
    }

    #[test]
    fn non_ascii_text_is_kept() {
        // A no-break space is not SQLite whitespace: a statement of its own, kept whole.
        assert_eq!(split("select 1;\u{a0};"), ["select 1", "\u{a0}"]);
        assert_eq!(
            split("insert into é values ('ü;');select 'ß'"),
            ["insert into é values ('ü;')", "select 'ß'"]
        );
    }

    #[test]
    fn token_soup_splits_into_ordered_slices() {
        // Seeded soups of the tokens the scanner cares about: every piece is a
        // non-empty, trimmed slice of the text, in order, and nothing panics.
        const TOKENS: [&str; 19] = [
            ";", " ", "\n", "'", "\"", "`", "[", "]", "--", "/*", "*/", "create", "TEMP",
            "trigger", "end", "explain", "x", "\u{e9}", "\u{a0}",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            let mut sql = String::new();
            for _ in 0..(seed % 24) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                sql.push_str(TOKENS[(seed % TOKENS.len() as u64) as usize]);
            }
            let mut from = 0;
            for piece in split_sqlite(&sql) {
                assert!(!piece.is_empty(), "{sql:?}");
                assert_eq!(piece, piece.trim_matches(|c: char| c.is_ascii_whitespace()));
                let at = sql[from..].find(&piece).map(|n| from + n);
                from =
                    at.unwrap_or_else(|| panic!("{piece:?} out of order in {sql:?}")) + piece.len();
            }
        }
    }
}
