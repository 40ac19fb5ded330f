//! What the snapshot tests share: a snapshot as comparable text.

use mizzle_core::snapshot::{write, Snapshot};
use serde_json::{Map, Value as Json};

/// `s` without its ids, keys sorted, pretty: two snapshots that hold the
/// same schema give the same text, whatever their key order.
pub fn normalized(s: &Snapshot) -> String {
    let mut s = s.clone();
    s.set_ids("", "");
    let json: Json = serde_json::from_str(&write(&s)).expect("a written snapshot is JSON");
    serde_json::to_string_pretty(&sorted(json)).expect("JSON writes")
}

fn sorted(v: Json) -> Json {
    match v {
        Json::Object(m) => {
            let mut entries: Vec<(String, Json)> = m.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Json::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k, sorted(v)))
                    .collect::<Map<_, _>>(),
            )
        }
        Json::Array(a) => Json::Array(a.into_iter().map(sorted).collect()),
        v => v,
    }
}
