//! The few facts SQLite keeps only in `sqlite_master.sql`, read from that
//! text: column types as written, AUTOINCREMENT, CHECK constraints, generated
//! columns' expressions, constraint names, index expressions and `WHERE`,
//! view definitions.
//!
//! Hand-written on purpose: the text is what SQLite itself accepted, so a
//! tokenizer that respects quotes (`'..'`, `".."`, `` `..` ``, `[..]`),
//! comments and parentheses, plus a walk over the top-level tokens, is all
//! it takes. No maintained SQL parser is no_std + alloc and small enough for
//! the engine's wasm builds (sqlparser-rs needs std, and is far larger than
//! this file).

use alloc::string::String;
use alloc::vec::Vec;

/// A token's kind; only what the walks below need to tell apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A bare word: keyword, identifier or number.
    Word,
    /// `".."`, `` `..` `` or `[..]`: an identifier.
    Quoted,
    /// `'..'`: a string (SQLite also takes it as an identifier in places).
    Str,
    Open,
    Close,
    Comma,
    /// Any other punctuation, one byte.
    Other,
}

/// One token: its kind, byte span in the text, and paren depth (an `Open`
/// and its `Close` carry the depth outside them).
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub depth: usize,
}

/// Why a text could not be tokenized.
pub(super) type Bad = &'static str;

/// Splits SQL text into tokens, skipping whitespace and comments. Spans are
/// always on char boundaries: every delimiter is ASCII and non-ASCII bytes
/// only ever continue a word.
pub(super) fn tokenize(sql: &str) -> Result<Vec<Tok>, Bad> {
    let b = sql.as_bytes();
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let start = i;
        let kind = match c {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => {
                i += 1;
                continue;
            }
            b'-' if b.get(i + 1) == Some(&b'-') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i < b.len() && !(b[i] == b'*' && b.get(i + 1) == Some(&b'/')) {
                    i += 1;
                }
                i = (i + 2).min(b.len());
                continue;
            }
            b'\'' | b'"' | b'`' => {
                i = quoted_end(b, i, c)?;
                if c == b'\'' {
                    Kind::Str
                } else {
                    Kind::Quoted
                }
            }
            b'[' => {
                while i < b.len() && b[i] != b']' {
                    i += 1;
                }
                if i == b.len() {
                    return Err("unterminated [identifier]");
                }
                i += 1;
                Kind::Quoted
            }
            b'(' => {
                i += 1;
                out.push(Tok {
                    kind: Kind::Open,
                    start,
                    end: i,
                    depth,
                });
                depth += 1;
                continue;
            }
            b')' => {
                i += 1;
                depth = depth.checked_sub(1).ok_or("unbalanced parentheses")?;
                Kind::Close
            }
            b',' => {
                i += 1;
                Kind::Comma
            }
            c if is_word(c) => {
                while i < b.len() && is_word(b[i]) {
                    i += 1;
                }
                Kind::Word
            }
            _ => {
                i += 1;
                Kind::Other
            }
        };
        out.push(Tok {
            kind,
            start,
            end: i,
            depth,
        });
    }
    if depth != 0 {
        return Err("unbalanced parentheses");
    }
    Ok(out)
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c >= 0x80
}

/// The end of the quoted token opening at `i` (a doubled quote escapes it).
fn quoted_end(b: &[u8], mut i: usize, q: u8) -> Result<usize, Bad> {
    i += 1;
    loop {
        match b.get(i) {
            None => return Err("unterminated quote"),
            Some(&c) if c == q => {
                if b.get(i + 1) == Some(&q) {
                    i += 2;
                } else {
                    return Ok(i + 1);
                }
            }
            Some(_) => i += 1,
        }
    }
}

/// The tokens of one text, with helpers to read them.
pub(super) struct Text<'a> {
    pub sql: &'a str,
    pub toks: Vec<Tok>,
}

impl<'a> Text<'a> {
    pub fn new(sql: &'a str) -> Result<Text<'a>, Bad> {
        Ok(Text {
            sql,
            toks: tokenize(sql)?,
        })
    }

    pub fn str(&self, t: &Tok) -> &'a str {
        self.sql.get(t.start..t.end).unwrap_or("")
    }

    /// The text from token `a` to token `b`, both included.
    pub fn span(&self, a: usize, b: usize) -> &'a str {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) if x.start <= y.end => self.sql.get(x.start..y.end).unwrap_or(""),
            _ => "",
        }
    }

    /// The text from token `a` to the end.
    pub fn rest(&self, a: usize) -> &'a str {
        match self.toks.get(a) {
            Some(x) => self.sql.get(x.start..).unwrap_or(""),
            None => "",
        }
    }

    /// Whether token `i` is the keyword `kw` (ASCII case-insensitive).
    pub fn is(&self, i: usize, kw: &str) -> bool {
        match self.toks.get(i) {
            Some(t) if t.kind == Kind::Word => self.str(t).eq_ignore_ascii_case(kw),
            _ => false,
        }
    }

    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// The `Close` matching the `Open` at `open`.
    pub fn close_of(&self, open: usize) -> Option<usize> {
        let d = self.toks.get(open)?.depth;
        (open + 1..self.toks.len())
            .find(|&j| self.toks[j].kind == Kind::Close && self.toks[j].depth == d)
    }

    /// The comma-separated items inside the group opened at `open`, each as
    /// the range of its token indexes (first, last); empty items are left out.
    pub fn items(&self, open: usize) -> Vec<(usize, usize)> {
        let Some(close) = self.close_of(open) else {
            return Vec::new();
        };
        let inner = self.toks[open].depth + 1;
        let mut out = Vec::new();
        let mut first = open + 1;
        for j in open + 1..=close {
            let t = &self.toks[j];
            if j == close || (t.kind == Kind::Comma && t.depth == inner) {
                if first < j {
                    out.push((first, j - 1));
                }
                first = j + 1;
            }
        }
        out
    }

    /// The identifier at token `i`, unquoted.
    pub fn ident(&self, i: usize) -> Option<String> {
        let t = self.toks.get(i)?;
        let s = self.str(t);
        match t.kind {
            Kind::Word => Some(String::from(s)),
            Kind::Quoted | Kind::Str => {
                let q = s.as_bytes().first().copied()?;
                let inner = s.get(1..s.len().saturating_sub(1)).unwrap_or("");
                Some(match q {
                    b'[' => String::from(inner),
                    b'"' => inner.replace("\"\"", "\""),
                    b'`' => inner.replace("``", "`"),
                    _ => inner.replace("''", "'"),
                })
            }
            _ => None,
        }
    }

    /// The names in a column list `(a, "b" COLLATE x DESC)` opened at `open`.
    pub fn names(&self, open: usize) -> Vec<String> {
        self.items(open)
            .into_iter()
            .filter_map(|(a, _)| self.ident(a))
            .collect()
    }
}

/// A column definition of a CREATE TABLE, as far as the catalog lacks it.
#[derive(Debug, Default)]
pub(super) struct ColumnText {
    pub name: String,
    /// The declared type as written (`text(320)`), which `table_xinfo`
    /// normalises (`INTEGER` for `integer`).
    pub type_: String,
    pub autoincrement: bool,
    /// `GENERATED ALWAYS AS (expr)`: the parenthesised expression, verbatim.
    pub generated: Option<String>,
}

/// A named or unnamed constraint with its columns (and target table).
#[derive(Debug)]
pub(super) struct Named {
    pub name: Option<String>,
    pub columns: Vec<String>,
    pub table: String,
}

/// What a CREATE TABLE text says beyond `pragma_table_xinfo` & co.
#[derive(Debug, Default)]
pub(super) struct TableText {
    pub columns: Vec<ColumnText>,
    /// CHECK constraints, table- and column-level, in order: name if given,
    /// and the expression inside the parentheses, trimmed.
    pub checks: Vec<(Option<String>, String)>,
    pub foreign_keys: Vec<Named>,
    pub primary_key: Option<String>,
    pub uniques: Vec<Named>,
}

/// Keywords that end a column's type and start its constraints.
const COLUMN_CONSTRAINTS: &[&str] = &[
    "CONSTRAINT",
    "PRIMARY",
    "NOT",
    "NULL",
    "UNIQUE",
    "CHECK",
    "DEFAULT",
    "COLLATE",
    "REFERENCES",
    "GENERATED",
    "AS",
];

/// Reads a `CREATE TABLE` text. `CREATE TABLE .. AS SELECT` has no
/// definitions (everything then comes from the catalog).
pub(super) fn table(sql: &str) -> Result<TableText, Bad> {
    let t = Text::new(sql)?;
    let mut out = TableText::default();
    let Some(open) = (0..t.toks.len())
        .find(|&i| t.toks[i].depth == 0 && (t.kind(i) == Some(Kind::Open) || t.is(i, "AS")))
    else {
        return Ok(out);
    };
    if t.kind(open) != Some(Kind::Open) {
        return Ok(out);
    }
    for (a, b) in t.items(open) {
        let first_kw = ["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"]
            .iter()
            .any(|k| t.is(a, k));
        if first_kw {
            table_constraint(&t, a, b, &mut out);
        } else {
            let column = column(&t, a, b, &mut out);
            out.columns.push(column);
        }
    }
    Ok(out)
}

fn column(t: &Text, a: usize, b: usize, out: &mut TableText) -> ColumnText {
    let mut c = ColumnText {
        name: t.ident(a).unwrap_or_default(),
        ..ColumnText::default()
    };
    let depth = t.toks[a].depth;
    // The type: words up to the first constraint keyword, and one `(..)`.
    let mut i = a + 1;
    let mut type_end = None;
    while i <= b {
        let is_word = matches!(t.kind(i), Some(Kind::Word | Kind::Quoted | Kind::Str));
        if is_word && !COLUMN_CONSTRAINTS.iter().any(|k| t.is(i, k)) {
            type_end = Some(i);
            i += 1;
        } else if t.kind(i) == Some(Kind::Open) && type_end.is_some() {
            match t.close_of(i) {
                Some(close) if close <= b => {
                    type_end = Some(close);
                    i = close + 1;
                }
                _ => break,
            }
            break;
        } else {
            break;
        }
    }
    if let Some(end) = type_end {
        c.type_ = String::from(t.span(a + 1, end));
    }
    let mut name: Option<String> = None;
    while i <= b {
        if t.toks[i].depth != depth {
            i += 1;
            continue;
        }
        if t.is(i, "CONSTRAINT") {
            name = t.ident(i + 1);
            i += 2;
            continue;
        }
        if t.is(i, "AUTOINCREMENT") {
            c.autoincrement = true;
        } else if t.is(i, "CHECK") && t.kind(i + 1) == Some(Kind::Open) {
            if let Some(close) = t.close_of(i + 1) {
                let value = if close > i + 2 {
                    t.span(i + 2, close - 1).trim()
                } else {
                    ""
                };
                out.checks.push((name.take(), String::from(value)));
                i = close + 1;
                continue;
            }
        } else if t.is(i, "AS") && t.kind(i + 1) == Some(Kind::Open) {
            if let Some(close) = t.close_of(i + 1) {
                c.generated = Some(String::from(t.span(i + 1, close)));
                i = close + 1;
                continue;
            }
        } else if t.is(i, "REFERENCES") {
            out.foreign_keys.push(Named {
                name: name.take(),
                columns: alloc::vec![c.name.clone()],
                table: t.ident(i + 1).unwrap_or_default(),
            });
        } else if t.is(i, "UNIQUE") {
            out.uniques.push(Named {
                name: name.take(),
                columns: alloc::vec![c.name.clone()],
                table: String::new(),
            });
        } else if ["PRIMARY", "NOT", "NULL", "DEFAULT", "COLLATE"]
            .iter()
            .any(|k| t.is(i, k))
        {
            name = None;
        }
        i += 1;
    }
    c
}

fn table_constraint(t: &Text, a: usize, b: usize, out: &mut TableText) {
    let mut i = a;
    let mut name = None;
    if t.is(i, "CONSTRAINT") {
        name = t.ident(i + 1);
        i += 2;
    }
    // The first `(` of the clause: its column list, or CHECK's expression.
    let open = (i..=b).find(|&j| t.kind(j) == Some(Kind::Open));
    if t.is(i, "CHECK") {
        if let Some(open) = open {
            let value = match t.close_of(open) {
                Some(close) if close > open + 1 => t.span(open + 1, close - 1).trim(),
                _ => "",
            };
            out.checks.push((name, String::from(value)));
        }
    } else if t.is(i, "PRIMARY") {
        out.primary_key = name;
    } else if t.is(i, "UNIQUE") {
        if let Some(open) = open {
            out.uniques.push(Named {
                name,
                columns: t.names(open),
                table: String::new(),
            });
        }
    } else if t.is(i, "FOREIGN") {
        if let Some(open) = open {
            let after = t.close_of(open).unwrap_or(b);
            let table = (after..=b)
                .find(|&j| t.is(j, "REFERENCES"))
                .and_then(|j| t.ident(j + 1))
                .unwrap_or_default();
            out.foreign_keys.push(Named {
                name,
                columns: t.names(open),
                table,
            });
        }
    }
}

/// What a `CREATE INDEX` text says: each key term's text (an expression's
/// SQL for `pragma_index_info`'s cid -2) and the `WHERE` of a partial index.
pub(super) struct IndexText {
    pub terms: Vec<String>,
    pub where_: Option<String>,
}

pub(super) fn index(sql: &str) -> Result<IndexText, Bad> {
    let t = Text::new(sql)?;
    let on = (0..t.toks.len())
        .find(|&i| t.toks[i].depth == 0 && t.is(i, "ON"))
        .ok_or("no ON in CREATE INDEX")?;
    let open = (on..t.toks.len())
        .find(|&i| t.kind(i) == Some(Kind::Open))
        .ok_or("no column list in CREATE INDEX")?;
    let close = t.close_of(open).ok_or("unbalanced parentheses")?;
    let terms = t
        .items(open)
        .into_iter()
        .map(|(a, b)| String::from(t.span(a, b).trim()))
        .collect();
    let where_ = (close..t.toks.len())
        .find(|&i| t.toks[i].depth == 0 && t.is(i, "WHERE"))
        .map(|i| String::from(t.rest(i + 1).trim()))
        .filter(|w| !w.is_empty());
    Ok(IndexText { terms, where_ })
}

/// A `CREATE VIEW` text's definition: everything after its top-level `AS`.
pub(super) fn view(sql: &str) -> Result<String, Bad> {
    let t = Text::new(sql)?;
    let as_ = (0..t.toks.len())
        .find(|&i| t.toks[i].depth == 0 && t.is(i, "AS"))
        .ok_or("no AS in CREATE VIEW")?;
    let def = t.rest(as_ + 1).trim();
    Ok(String::from(
        def.strip_suffix(';').unwrap_or(def).trim_end(),
    ))
}
