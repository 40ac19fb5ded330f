//! Transaction control (`ast::Transaction`). The spelling is the dialect's
//! (`Dialect::write_transaction`); the common form works on all three.

use alloc::format;

use crate::ast::Transaction;
use crate::error::Error;
use crate::render::{SqlWriter, ToSql};

impl ToSql for Transaction {
    fn to_sql(&self, w: &mut SqlWriter<'_>) -> Result<(), Error> {
        w.dialect().write_transaction(*self, w)
    }
}

/// The common spelling: `begin`, `commit`, `rollback`, and savepoints named
/// `mizzle_sp<depth>`.
pub(crate) fn write_common(t: Transaction, w: &mut SqlWriter<'_>) -> Result<(), Error> {
    match t {
        Transaction::Begin => w.sql("begin"),
        Transaction::Commit => w.sql("commit"),
        Transaction::Rollback => w.sql("rollback"),
        Transaction::Savepoint(depth) => {
            w.sql("savepoint ");
            w.ident(&savepoint(depth))?;
        }
        Transaction::Release(depth) => {
            w.sql("release savepoint ");
            w.ident(&savepoint(depth))?;
        }
        Transaction::RollbackTo(depth) => {
            w.sql("rollback to savepoint ");
            w.ident(&savepoint(depth))?;
        }
    }
    Ok(())
}

fn savepoint(depth: u32) -> alloc::string::String {
    format!("mizzle_sp{depth}")
}
