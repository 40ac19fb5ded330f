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

/// The `migrations` seeds: drizzle-kit's fixture folders of tests/migrations/ (journal, bundle and 1.0
/// layouts), with rows of a half-applied history and the foreign keys of the SQLite fixture, so the
/// planner and the rebuild protection are reached from the first run. `MIZZLE_WRITE_SEEDS=1` rewrites them
/// into seeds/migrations/; otherwise this checks the written ones are current.
#[test]
fn migrations_seeds_are_the_fixtures() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/migrations/fixtures");
    let mut seeds: Vec<(String, Vec<u8>)> = Vec::new();
    for (i, dialect) in ["sqlite", "pg", "mysql"].iter().enumerate() {
        let dir = fixtures.join(dialect);
        let journal = fs::read_to_string(dir.join("meta/_journal.json")).unwrap();
        let mut files: Vec<(String, String)> = Vec::new();
        for e in fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "sql") {
                let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
                files.push((stem, fs::read_to_string(&p).unwrap()));
            }
        }
        files.sort();
        let pairs: Vec<(&str, &str)> = files
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let first = mizzle_core::migrations::sha256_hex(&files[0].1);
        let row = format!("{first}|{}|", first_when(&journal));
        let mode = (i as u8) << 4;
        let fks = [
            "posts|users|user_id|CASCADE",
            "comments|posts|post_id|CASCADE",
            "comments|users|author_id|SET NULL",
        ];
        let cols = [
            "posts|id",
            "posts|user_id",
            "posts|title",
            "comments|id",
            "comments|post_id",
        ];
        seeds.push((
            format!("{dialect}-journal"),
            mizzle_fuzz::encode_migrations(mode, &journal, &pairs, &[&row], &fks, &cols),
        ));
        let bundled: Vec<(String, &str)> = pairs
            .iter()
            .enumerate()
            .map(|(k, (_, t))| (format!("m{k:04}"), *t))
            .collect();
        let bundled: Vec<(&str, &str)> = bundled.iter().map(|(a, b)| (a.as_str(), *b)).collect();
        seeds.push((
            format!("{dialect}-bundle"),
            mizzle_fuzz::encode_migrations(mode | 1, &journal, &bundled, &[], &fks, &cols),
        ));
    }
    let nested = [
        ("20250101000000_init", "create table a (id int);"),
        (
            "20250102000000_more",
            "drop table a;--> statement-breakpoint\ncreate table a (id int)",
        ),
    ];
    seeds.push((
        "nested".into(),
        mizzle_fuzz::encode_migrations(
            2,
            "",
            &nested,
            &["||20250101000000_init"],
            &["b|a|aid|CASCADE"],
            &["b|aid"],
        ),
    ));
    // wrangler's layout (mode 0x80: 128 % 3 == 2 with bit 7 set): tests/migrations/fixtures-wrangler/,
    // flat files with a trigger, quoted semicolons and comments, its first file recorded in d1_migrations.
    let flat_dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/migrations/fixtures-wrangler");
    let mut flat: Vec<(String, String)> = fs::read_dir(&flat_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "sql"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read_to_string(&p).unwrap())
        })
        .collect();
    flat.sort();
    let flat: Vec<(&str, &str)> = flat.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let recorded = format!("||{}", flat[0].0);
    seeds.push((
        "wrangler".into(),
        mizzle_fuzz::encode_migrations(0x80, flat[1].1, &flat, &[&recorded], &[], &[]),
    ));
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/migrations");
    for (name, data) in &seeds {
        mizzle_fuzz::migrations(data);
        let file = out.join(name);
        if std::env::var_os("MIZZLE_WRITE_SEEDS").is_some() {
            fs::create_dir_all(&out).unwrap();
            fs::write(&file, data).unwrap();
        } else {
            assert_eq!(
                &fs::read(&file).unwrap_or_default(),
                data,
                "{} is stale: MIZZLE_WRITE_SEEDS=1 cargo test -p mizzle-fuzz",
                file.display()
            );
        }
    }
}

/// The first `when` of a journal, without a JSON dependency in this crate.
fn first_when(journal: &str) -> i64 {
    let at = journal.find("\"when\":").unwrap() + 7;
    let digits: String = journal[at..]
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().unwrap()
}
