//! `mode = "..."` values, checked when the macro runs so a typo is a compile error rather than a
//! column silently stored with its type's default kind.

/// Each mode `Kind::from_mode` accepts, with the `Kind` variant it names. Kept in the runtime's order
/// so the error message lists them the way the docs do.
const MODES: &[(&str, &str)] = &[
    ("number", "Integer"),
    ("bigint", "BigInt"),
    ("real", "Real"),
    ("boolean", "Boolean"),
    ("text", "Text"),
    ("blob", "Blob"),
    ("json", "Json"),
    ("timestamp", "Timestamp"),
    ("timestamp_ms", "TimestampMs"),
];

/// The `Kind` variant name for a mode, or `None` when the runtime would not accept it either.
pub fn kind_variant(mode: &str) -> Option<&'static str> {
    MODES
        .iter()
        .find(|(name, _)| *name == mode)
        .map(|(_, variant)| *variant)
}

/// The accepted modes, quoted and comma-separated, for error messages.
pub fn accepted() -> String {
    MODES
        .iter()
        .map(|(name, _)| format!("\"{name}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    // The table itself is checked against the runtime's `Kind::MODES` by workers-d1/tests/derive.rs.

    #[test]
    fn unknown_modes_are_rejected() {
        for mode in ["", "integer", "Timestamp", "timestamp-ms", "date", "json "] {
            assert_eq!(kind_variant(mode), None, "mode {mode:?}");
        }
    }

    #[test]
    fn accepted_lists_every_mode() {
        let list = accepted();
        assert!(list.starts_with("\"number\", \"bigint\""), "{list}");
        assert!(list.ends_with("\"timestamp\", \"timestamp_ms\""), "{list}");
        assert_eq!(list.matches('"').count(), 18);
    }
}
