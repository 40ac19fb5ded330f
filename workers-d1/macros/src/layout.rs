//! Which of the three migrations folder layouts a directory holds, and its files in apply order.
//! Pure file-system reading, so it is unit-tested on temporary folders.

use std::fs;
use std::path::{Path, PathBuf};

/// A migrations folder, each entry `(name, absolute path of its SQL)`, sorted by name.
#[derive(Debug, PartialEq, Eq)]
pub enum Layout {
    /// drizzle-kit 0.31: `meta/_journal.json` and `NNNN_name.sql` files (names without `.sql`).
    Journal {
        journal: String,
        files: Vec<(String, String)>,
    },
    /// drizzle-kit 1.0: one sub-folder per migration, each with a `migration.sql`.
    Nested(Vec<(String, String)>),
    /// wrangler: flat `.sql` files (names with `.sql`).
    Wrangler(Vec<(String, String)>),
}

/// Reads `dir`. Errors are messages; the caller places them on the macro's argument.
pub fn detect(dir: &Path) -> Result<Layout, String> {
    let shown = dir.display();
    if !dir.is_dir() {
        return Err(format!(
            "migrations folder `{shown}` does not exist or is not a directory; {LAYOUTS}"
        ));
    }
    let journal = dir.join("meta").join("_journal.json");
    if journal.is_file() {
        let files = sql_files(dir)?
            .into_iter()
            .map(|(name, path)| {
                let stem = name.strip_suffix(".sql").unwrap_or(&name).to_owned();
                (stem, path)
            })
            .collect();
        return Ok(Layout::Journal {
            journal: utf8(&journal)?,
            files,
        });
    }
    let nested = nested_migrations(dir)?;
    if !nested.is_empty() {
        return Ok(Layout::Nested(nested));
    }
    let flat = sql_files(dir)?;
    if !flat.is_empty() {
        return Ok(Layout::Wrangler(flat));
    }
    Err(format!("no migrations found in `{shown}`; {LAYOUTS}"))
}

const LAYOUTS: &str =
    "expected one of: drizzle-kit's `meta/_journal.json` with `NNNN_name.sql` files, \
     drizzle-kit 1.0's sub-folders each holding a `migration.sql`, \
     or wrangler's flat `NNNN_name.sql` files";

/// The `*.sql` files directly in `dir`, `(file name, path)`, sorted by name.
fn sql_files(dir: &Path) -> Result<Vec<(String, String)>, String> {
    let mut files = Vec::new();
    for path in entries(dir)? {
        if path.is_file() && path.extension().is_some_and(|ext| ext == "sql") {
            files.push((file_name(&path)?, utf8(&path)?));
        }
    }
    files.sort();
    Ok(files)
}

/// The sub-folders of `dir` holding a `migration.sql`, `(folder name, path of that file)`, sorted.
/// Other sub-folders (drizzle's `meta`, editors' folders) are skipped.
fn nested_migrations(dir: &Path) -> Result<Vec<(String, String)>, String> {
    let mut found = Vec::new();
    for path in entries(dir)? {
        let sql = path.join("migration.sql");
        if path.is_dir() && sql.is_file() {
            found.push((file_name(&path)?, utf8(&sql)?));
        }
    }
    found.sort();
    Ok(found)
}

fn entries(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let read =
        |err: std::io::Error| format!("cannot read migrations folder `{}`: {err}", dir.display());
    fs::read_dir(dir)
        .map_err(read)?
        .map(|entry| entry.map(|entry| entry.path()).map_err(read))
        .collect()
}

/// `include_str!` takes a string literal, so every embedded path must be UTF-8.
fn utf8(path: &Path) -> Result<String, String> {
    path.to_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("migrations path `{}` is not valid UTF-8", path.display()))
}

fn file_name(path: &Path) -> Result<String, String> {
    path.file_name()
        .and_then(|name| name.to_str())
        .map(str::to_owned)
        .ok_or_else(|| {
            format!(
                "migrations file name `{}` is not valid UTF-8",
                path.display()
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A fresh folder under the temp dir, removed when dropped (even when an assertion fails).
    struct TempDir(PathBuf);

    impl TempDir {
        fn new() -> TempDir {
            static COUNT: AtomicUsize = AtomicUsize::new(0);
            let path = std::env::temp_dir().join(format!(
                "mizzle-workers-macros-{}-{}",
                std::process::id(),
                COUNT.fetch_add(1, Ordering::Relaxed)
            ));
            let _ = fs::remove_dir_all(&path);
            fs::create_dir_all(&path).unwrap();
            TempDir(path)
        }

        fn file(&self, relative: &str) -> String {
            let path = self.0.join(relative);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, "select 1;").unwrap();
            path.to_str().unwrap().to_owned()
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn journal_layout_wins_and_strips_the_extension() {
        let dir = TempDir::new();
        let journal = dir.file("meta/_journal.json");
        let second = dir.file("0001_second.sql");
        let first = dir.file("0000_first.sql");
        dir.file("meta/0000_snapshot.json");
        dir.file("notes.txt");
        // A nested-looking folder does not change a journal folder's layout.
        dir.file("20240101_x/migration.sql");
        assert_eq!(
            detect(&dir.0).unwrap(),
            Layout::Journal {
                journal,
                files: vec![("0000_first".into(), first), ("0001_second".into(), second)],
            }
        );
    }

    #[test]
    fn nested_layout_sorted_by_folder() {
        let dir = TempDir::new();
        let b = dir.file("20250102_b/migration.sql");
        let a = dir.file("20250101_a/migration.sql");
        dir.file("20250101_a/snapshot.json");
        dir.file("empty_folder/readme.md");
        assert_eq!(
            detect(&dir.0).unwrap(),
            Layout::Nested(vec![("20250101_a".into(), a), ("20250102_b".into(), b)])
        );
    }

    #[test]
    fn wrangler_layout_keeps_file_names() {
        let dir = TempDir::new();
        let two = dir.file("0002_b.sql");
        let one = dir.file("0001_a.sql");
        dir.file("README.md");
        dir.file("0003_c.sql.bak");
        assert_eq!(
            detect(&dir.0).unwrap(),
            Layout::Wrangler(vec![("0001_a.sql".into(), one), ("0002_b.sql".into(), two)])
        );
    }

    #[test]
    fn empty_and_missing_folders_are_errors() {
        let dir = TempDir::new();
        dir.file("README.md");
        let message = detect(&dir.0).unwrap_err();
        assert!(message.contains("no migrations found"), "{message}");
        assert!(message.contains(dir.0.to_str().unwrap()), "{message}");
        assert!(
            message.contains("_journal.json") && message.contains("migration.sql"),
            "{message}"
        );

        let missing = dir.0.join("missing");
        let message = detect(&missing).unwrap_err();
        assert!(message.contains("does not exist"), "{message}");
        assert!(message.contains(missing.to_str().unwrap()), "{message}");
    }

    #[test]
    fn temp_dirs_are_removed() {
        let path = {
            let dir = TempDir::new();
            dir.file("0001_a.sql");
            dir.0.clone()
        };
        assert!(!path.exists());
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_names_are_errors() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;

        let dir = TempDir::new();
        let bad = dir.0.join(OsStr::from_bytes(b"0001_\xff.sql"));
        // Some file systems refuse such names; there is nothing to test there.
        if fs::write(&bad, "select 1;").is_err() {
            return;
        }
        let message = detect(&dir.0).unwrap_err();
        assert!(message.contains("not valid UTF-8"), "{message}");
    }
}
