//! The statements a diff collects, with the flags on those that lose data.

use alloc::string::String;

use super::{Destructive, DestructiveKind, Diff};

pub(super) struct Out {
    pub diff: Diff,
}

impl Out {
    pub fn new() -> Out {
        Out {
            diff: Diff::default(),
        }
    }

    /// Adds a statement; its index, for [`Out::flag`].
    pub fn push(&mut self, sql: String) -> usize {
        self.diff.statements.push(sql);
        self.diff.statements.len() - 1
    }

    pub fn flag(&mut self, statement: usize, kind: DestructiveKind) {
        self.diff.destructive.push(Destructive { statement, kind });
    }
}
