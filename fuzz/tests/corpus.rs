//! The short, deterministic run of the fuzz targets that `cargo test` (so
//! `./x test`) does: every file of `corpus/<target>/` (the minimised corpus
//! the coverage-guided runs of `./x fuzz` keep), of `seeds/<target>/` (made
//! from the repo's golden vectors) and of `regressions/<target>/` (inputs
//! that once failed) through its target. No fuzzing engine needed.

use std::fs;
use std::path::Path;

fn replay(folder: &str) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut total = 0;
    for (name, target) in mizzle_fuzz::TARGETS {
        let dir = root.join(name);
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        files.sort();
        for file in files {
            let data = fs::read(&file).unwrap();
            // A panic names the input: `cargo test` prints it with the message.
            eprintln!("{}", file.display());
            target(&data);
            total += 1;
        }
    }
    total
}

#[test]
fn corpus_replays_without_panic() {
    assert!(replay("corpus") > 0, "the corpus is missing");
}

#[test]
fn seeds_replay_without_panic() {
    assert!(replay("seeds") > 0, "the seeds are missing");
}

#[test]
fn regressions_replay_without_panic() {
    replay("regressions");
}

#[test]
fn opcode_bytes_round_trip() {
    let ops = [0, 1, -1, 127, -127, -128, 128, i32::MIN, i32::MAX, 9];
    assert_eq!(
        mizzle_fuzz::ops_from_bytes(&mizzle_fuzz::ops_to_bytes(&ops)),
        ops
    );
}

#[test]
fn seeds_reach_the_engine() {
    // The sample shape of wasm/src/wire/sample.rs compiles in the target's layout.
    let ops = [
        1, 0, 1, 0, 2, 1, 1, 0, 1, -1, 1, 1, 1, 0, 2, -1, 9, 1, -1, 0, -1, 0, 1, 5, 1, 1, 0, 1, 2,
        0, 0, 0, 0, 1, 2, 1, 0, 0,
    ];
    let data = mizzle_fuzz::encode_compile(1, &["users", "id", "name"], &ops);
    mizzle_fuzz::compile(&data);
    let strings: Vec<String> = ["users", "id", "name"].map(String::from).to_vec();
    let c = mizzle_wasm::fuzzing::compile(1, &ops, &strings).unwrap();
    assert!(c.sql.ends_with("= $1 limit $2"), "{}", c.sql);
    let data = mizzle_fuzz::encode_interpolate(0, "select ?", None, &[0]);
    mizzle_fuzz::interpolate(&data);
}
