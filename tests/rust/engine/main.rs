//! The engine suite: every construct rendered for each dialect that has it
//! and executed on real SQLite, PostgreSQL and MariaDB, asserting the rows.

mod cases;

use mizzle_tests::{connect_all, fixture, Harness};

fn main() {
    let dbs = match connect_all("engine") {
        Ok(dbs) => dbs,
        Err(e) => {
            eprintln!("cannot reach the test databases: {e}\n(run ./x test, which starts PostgreSQL and MariaDB)");
            std::process::exit(2);
        }
    };
    let mut h = Harness::new(dbs);
    if let Err(e) = h.setup(fixture::install) {
        eprintln!("fixture failed: {e}");
        std::process::exit(2);
    }
    cases::run_all(&mut h);
    if !h.finish() {
        std::process::exit(1);
    }
}
