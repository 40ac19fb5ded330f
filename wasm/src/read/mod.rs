//! Reads the opcode form of a query shape (README.md, "Opcodes") into the
//! core AST, one file per grammar area: `query.rs` (query, with, select,
//! from, joins, order, lock), `expr.rs` (expressions, types), `dml.rs`
//! (insert, update, delete) and `relational.rs`. Tags are the enums of
//! `crate::wire`, so every tag the spec lists is matched exhaustively.
//! Every read is bounds-checked: malformed input from JS is a [`DecodeError`],
//! never a panic (a panic would be a wasm trap).

mod dml;
mod expr;
mod query;
mod relational;

use mizzle_core::ast::{Statement, Transaction};
use mizzle_core::relational::RelationalQuery;

use crate::wire::{self, Stmt, Txn, MAX_DEPTH};

/// What went wrong while reading opcodes.
#[derive(Debug, PartialEq)]
pub(crate) enum DecodeError {
    /// The stream ended early, a tag was unknown, or an id was out of range.
    Malformed(&'static str),
    /// The shape nests deeper than the decoder allows.
    TooDeep,
}

pub(crate) type R<T> = Result<T, DecodeError>;

/// What an opcode stream describes.
pub(crate) enum Shape {
    /// A statement to render as is.
    Statement(Statement),
    /// A relational query, planned per dialect first.
    Relational(RelationalQuery),
}

/// How many data-changing statements a CTE body may nest. PostgreSQL takes
/// them only in the top statement's WITH; a statement's reader frame is large
/// enough that [`MAX_DEPTH`] of them would overflow the stack.
const MAX_CTE_STATEMENTS: u32 = 4;

/// A cursor over one opcode stream.
pub(crate) struct Reader<'a> {
    ops: &'a [i32],
    pos: usize,
    strings: &'a [String],
    depth: u32,
    /// Data-changing CTE bodies being read (at most [`MAX_CTE_STATEMENTS`]).
    cte_statements: u32,
    /// True until the outermost SELECT (or RETURNING list) records its codecs.
    collect: bool,
    /// Codec per result column: the decode plan.
    pub(crate) plan: Vec<i32>,
}

pub(crate) fn bad<T>(what: &'static str) -> R<T> {
    Err(DecodeError::Malformed(what))
}

impl<'a> Reader<'a> {
    pub(crate) fn new(ops: &'a [i32], strings: &'a [String]) -> Self {
        Reader {
            ops,
            pos: 0,
            strings,
            depth: 0,
            cte_statements: 0,
            collect: true,
            plan: Vec::new(),
        }
    }

    /// The whole stream as one statement; trailing opcodes are an error.
    pub(crate) fn statement(&mut self) -> R<Shape> {
        let stmt = self.tagged()?;
        if self.pos != self.ops.len() {
            return bad("opcodes after the statement");
        }
        Ok(stmt)
    }

    /// A statement tag and what it tags. [`Self::tagged_body`] also reads a
    /// CTE's data-changing body: one caller per statement kind's reader keeps
    /// it inlined (two callers cost the D1 engine ~2 KB of wasm).
    fn tagged(&mut self) -> R<Shape> {
        let tag = self.tag(Stmt::from_repr, "unknown statement tag")?;
        self.tagged_body(tag)
    }

    /// What statement tag `tag` tags.
    pub(super) fn tagged_body(&mut self, tag: Stmt) -> R<Shape> {
        Ok(match tag {
            Stmt::Query => Shape::Statement(Statement::Query(self.query()?)),
            Stmt::Insert => Shape::Statement(Statement::Insert(self.insert()?)),
            Stmt::Update => Shape::Statement(Statement::Update(self.update()?)),
            Stmt::Delete => Shape::Statement(Statement::Delete(self.delete()?)),
            Stmt::Sql => Shape::Statement(Statement::Sql(self.expr()?)),
            Stmt::Relational => Shape::Relational(self.relational()?),
            Stmt::Transaction => Shape::Statement(Statement::Transaction(self.transaction()?)),
        })
    }

    /// `transaction := txn depth`
    fn transaction(&mut self) -> R<Transaction> {
        let txn = self.tag(Txn::from_repr, "unknown transaction statement")?;
        let depth =
            u32::try_from(self.next()?).map_err(|_| DecodeError::Malformed("negative depth"))?;
        Ok(match txn {
            Txn::Begin => Transaction::Begin,
            Txn::Commit => Transaction::Commit,
            Txn::Rollback => Transaction::Rollback,
            Txn::Savepoint => Transaction::Savepoint(depth),
            Txn::Release => Transaction::Release(depth),
            Txn::RollbackTo => Transaction::RollbackTo(depth),
        })
    }

    fn next(&mut self) -> R<i32> {
        let v = self
            .ops
            .get(self.pos)
            .copied()
            .ok_or(DecodeError::Malformed("opcodes end early"))?;
        self.pos += 1;
        Ok(v)
    }

    /// The next opcode as a tag of one wire table.
    fn tag<T>(&mut self, from: fn(i32) -> Option<T>, what: &'static str) -> R<T> {
        from(self.next()?).ok_or(DecodeError::Malformed(what))
    }

    /// Whether the next opcode is `tag`; consumes it only then.
    fn peek_is(&mut self, tag: i32) -> bool {
        let hit = self.ops.get(self.pos) == Some(&tag);
        if hit {
            self.pos += 1;
        }
        hit
    }

    fn flag(&mut self) -> R<bool> {
        match self.next()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => bad("a flag must be 0 or 1"),
        }
    }

    /// A count, bounded by what is left so a hostile count cannot allocate.
    fn count(&mut self) -> R<usize> {
        let n = self.next()?;
        let n = usize::try_from(n).map_err(|_| DecodeError::Malformed("negative count"))?;
        if n > self.ops.len().saturating_sub(self.pos) + 1 {
            return bad("count larger than the stream");
        }
        Ok(n)
    }

    fn list<T>(&mut self, mut each: impl FnMut(&mut Self) -> R<T>) -> R<Vec<T>> {
        let n = self.count()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(each(self)?);
        }
        Ok(out)
    }

    fn string_id(&mut self) -> R<i32> {
        let id = self.next()?;
        match usize::try_from(id).ok().and_then(|i| self.strings.get(i)) {
            Some(_) => Ok(id),
            None => bad("unknown string id"),
        }
    }

    fn string(&mut self) -> R<String> {
        let id = self.next()?;
        usize::try_from(id)
            .ok()
            .and_then(|i| self.strings.get(i))
            .cloned()
            .ok_or(DecodeError::Malformed("unknown string id"))
    }

    fn opt_string(&mut self) -> R<Option<String>> {
        if self.peek_is(wire::NONE) {
            return Ok(None);
        }
        self.string().map(Some)
    }

    fn opt_u32(&mut self) -> R<Option<u32>> {
        let v = self.next()?;
        if v == wire::NONE {
            return Ok(None);
        }
        u32::try_from(v)
            .map(Some)
            .map_err(|_| DecodeError::Malformed("negative size"))
    }

    fn maybe<T>(&mut self, each: impl FnOnce(&mut Self) -> R<T>) -> R<Option<T>> {
        if self.flag()? {
            each(self).map(Some)
        } else {
            Ok(None)
        }
    }

    fn deeper<T>(&mut self, f: impl FnOnce(&mut Self) -> R<T>) -> R<T> {
        if self.depth >= MAX_DEPTH {
            return Err(DecodeError::TooDeep);
        }
        self.depth += 1;
        let out = f(self);
        self.depth -= 1;
        out
    }

    fn slot(&mut self) -> R<u32> {
        u32::try_from(self.next()?).map_err(|_| DecodeError::Malformed("negative slot"))
    }
}
