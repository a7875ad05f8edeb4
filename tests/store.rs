//! Saves are atomic and loads never write: interrupted saves leave the old
//! file loadable, and bad files give clear errors without touching the disk.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use briefdesk::format::load_brief;
use briefdesk::model::{Brief, Taxonomy, Template};
use briefdesk::store::{self, Staged, StoreError};

fn example() -> Brief {
    load_brief(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/brief.ron")).expect("example loads")
}

/// Every file in a folder with its bytes: what "nothing changed on disk" compares.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fs::read_dir(dir)
        .expect("read dir")
        .map(|e| {
            let p = e.expect("entry").path();
            let bytes = fs::read(&p).expect("read");
            (p, bytes)
        })
        .collect()
}

#[test]
fn save_keeps_the_previous_version_as_bak() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("b.ron");
    let first = example();
    store::save(&path, &first).expect("first save");
    assert!(!store::backup_path(&path).exists(), "nothing to back up on the first save");
    let mut second = first.clone();
    second.meta.title = "改过的标题".into();
    store::save(&path, &second).expect("second save");
    assert_eq!(store::load(&path).expect("load"), second);
    assert_eq!(store::load(&store::backup_path(&path)).expect("load bak"), first);
    let names: Vec<_> = snapshot(dir.path()).keys().map(|p| p.file_name().unwrap().to_owned()).collect();
    assert_eq!(names.len(), 2, "no temp files are left after a clean save: {names:?}");
}

#[test]
fn crash_after_the_temp_write_leaves_the_old_file_intact() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("b.ron");
    let old = example();
    store::save(&path, &old).expect("save");
    let mut new = old.clone();
    new.sections.clear();
    let text = store::to_ron(&new).expect("encode");

    // Crash 1: temp file written and fsynced, then the process dies before the rename.
    let staged = Staged::write(&path, text.as_bytes()).expect("stage");
    let temp = staged.abandon().expect("keep temp");
    assert!(temp.exists(), "the crash leaves the temp file behind");
    assert_eq!(store::load(&path).expect("old file loads"), old);
    assert_eq!(store::load(&temp).expect("temp is complete"), new, "the temp file holds the full new version");

    // Crash 2: temp written and backup made, then the process dies before the rename.
    let staged = Staged::write(&path, text.as_bytes()).expect("stage");
    store::backup(&path).expect("backup");
    drop(staged.abandon().expect("keep temp"));
    assert_eq!(store::load(&path).expect("old file loads"), old);
    assert_eq!(store::load(&store::backup_path(&path)).expect("bak loads"), old);

    // Crash 3: half the temp file written. A partial temp never replaces the original.
    let partial = Staged::write(&path, &text.as_bytes()[..text.len() / 2]).expect("stage");
    let partial_path = partial.abandon().expect("keep");
    assert!(store::load(&partial_path).is_err(), "a partial write is not a valid brief");
    assert_eq!(store::load(&path).expect("old file loads"), old);

    // A later save still works with the debris of the crashes lying around.
    store::save(&path, &new).expect("save after crash");
    assert_eq!(store::load(&path).expect("load"), new);
}

#[test]
fn a_failed_save_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("b.ron");
    store::save(&path, &example()).expect("save");
    let before = snapshot(dir.path());
    // A target inside a missing folder cannot be written.
    let err = store::save(&dir.path().join("missing/b.ron"), &example()).unwrap_err();
    assert!(matches!(err, StoreError::Write { .. }), "{err}");
    assert!(err.to_string().ends_with("missing/b.ron"), "the path comes last: {err}");
    assert_eq!(snapshot(dir.path()), before);
}

/// Loads `bytes` from a file named `name` and returns the error, asserting
/// that the folder is byte-for-byte the same afterwards.
fn load_error(name: &str, bytes: &[u8]) -> StoreError {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    fs::write(&path, bytes).expect("write");
    let before = snapshot(dir.path());
    let err = store::load(&path).expect_err("must not load");
    assert_eq!(snapshot(dir.path()), before, "a failed load wrote nothing");
    let msg = err.to_string();
    assert!(msg.ends_with(&path.display().to_string()), "the message ends with the path: {msg}");
    err
}

#[test]
fn empty_file() {
    let err = load_error("empty.ron", b"");
    assert!(matches!(err, StoreError::Empty { .. }), "{err}");
    assert!(load_error("blank.ron", b"  \n\n ").to_string().contains("empty"));
}

#[test]
fn truncated_file_reports_where_it_ends() {
    let text = store::to_ron(&example()).expect("encode");
    let cut = text.char_indices().nth(text.chars().count() * 2 / 3).map(|(i, _)| i).expect("cut");
    let err = load_error("cut.ron", &text.as_bytes()[..cut]);
    match &err {
        StoreError::Parse { line, column, .. } => {
            assert!(*line > 10, "the error points into the file: line {line}");
            assert!(*column >= 1);
        }
        other => panic!("expected a parse error, got {other}"),
    }
    let msg = err.to_string();
    assert!(msg.contains("line ") && msg.contains("column "), "{msg}");
    assert!(msg.contains(".bak"), "it says what to do: {msg}");
}

#[test]
fn binary_file() {
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    let err = load_error("photo.ron", &bytes);
    assert!(matches!(err, StoreError::NotText { .. }), "{err}");
    // Invalid UTF-8 without NUL bytes is not text either.
    let err = load_error("latin1.ron", b"(format_version: 1, brief: (meta: (title: \"caf\xe9\")))");
    assert!(matches!(err, StoreError::NotText { .. }), "{err}");
}

#[test]
fn file_from_a_newer_version() {
    let text = store::to_ron(&example()).expect("encode");
    let future = text.replacen("format_version: 1,", "format_version: 7,", 1).replacen("sections:", "chapters:", 1);
    let err = load_error("future.ron", future.as_bytes());
    assert!(matches!(err, StoreError::NewerVersion { found: 7, .. }), "{err}");
    assert!(err.to_string().contains("update Briefdesk"), "{err}");
}

#[test]
fn file_that_is_not_ron() {
    for (name, text) in [
        ("json.ron", "{\"title\": \"简报\"}"),
        ("prose.ron", "这是一段普通的文字，不是简报文件。"),
        ("other.ron", "(name: \"工会扶贫六种模式\", modes: [])"),
    ] {
        let err = load_error(name, text.as_bytes());
        assert!(matches!(err, StoreError::Parse { line: 1, .. }), "{name}: {err}");
    }
}

#[test]
fn twenty_megabyte_file() {
    let mut bytes = store::to_ron(&Template::ResearchBrief.build(Taxonomy::default())).expect("encode").into_bytes();
    bytes.resize(20 * 1024 * 1024, b' ');
    let err = load_error("huge.ron", &bytes);
    assert!(matches!(err, StoreError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("20.0 MB"), "{err}");
}

#[test]
fn markdown_loads_share_the_checks() {
    let err = load_brief(Path::new("/nonexistent/brief.md")).expect_err("missing");
    assert!(err.to_string().contains("cannot read"), "{err}");
    let err = load_brief(Path::new("brief.pages")).expect_err("unknown kind");
    assert!(err.to_string().contains(".ron and .md"), "{err}");
}
