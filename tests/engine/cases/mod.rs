//! Case groups, one file per area of the AST.

mod select;

use mizzle_tests::Harness;

/// Runs every case group.
pub fn run_all(h: &mut Harness) {
    select::run(h);
}
