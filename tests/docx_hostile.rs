//! Hostile Word files, each built here: zip bombs (a part that inflates far
//! past what its header says, many parts, a directory claiming more entries
//! than a Word file has), XML nested a thousand deep, sixty thousand
//! paragraphs, more text than a brief can hold, control characters, notes
//! parts with a DTD or an undefined entity, random bytes and empty files
//! named .doc, a LibreOffice that hangs, a password-protected file.
//!
//! Each runs the built binary as a child process under an address-space
//! limit (RLIMIT_AS) and a wall-clock limit: it must end with a clear error
//! naming the file (exit 2) or a clean import, write nothing on error, and
//! never crash. `BRIEFDESK_TEST_BIN=/path/to/briefdesk` runs the same files
//! through another build (an older main, to see which of them it survives).

mod support;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The address space the binary may use: a quarter of what the bombs would take.
const MEMORY_LIMIT: u64 = 1024 * 1024 * 1024;
/// Far more than any of these needs; a hang fails the test instead of stalling it.
const TIME_LIMIT: Duration = Duration::from_secs(90);

// ------------------------------------------------------------ building files

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// A raw deflate stream that inflates to `1 + 258 * repeats` bytes of 'a': one
/// literal, then (length 258, distance 1) pairs in a fixed-Huffman block, the
/// densest deflate has (about 1,000 to 1).
fn deflate_bomb(repeats: usize) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        n: u32,
    }
    impl Bits {
        fn put(&mut self, value: u64, count: u32) {
            self.acc |= value << self.n;
            self.n += count;
            while self.n >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.n -= 8;
            }
        }
        /// Huffman codes go in most significant bit first.
        fn code(&mut self, code: u64, len: u32) {
            for i in (0..len).rev() {
                self.put((code >> i) & 1, 1);
            }
        }
    }
    let mut b = Bits { out: Vec::with_capacity(repeats * 13 / 8 + 16), acc: 0, n: 0 };
    b.put(1, 1); // last block
    b.put(1, 2); // fixed Huffman
    b.code(0x30 + u64::from(b'a'), 8);
    for _ in 0..repeats {
        b.code(0xC0 + 5, 8); // length code 285: 258 bytes
        b.code(0, 5); // distance code 0: 1 byte back
    }
    b.code(0, 7); // end of block
    b.put(0, 7);
    b.out
}

/// One zip entry: name, the bytes stored, method (0 stored, 8 deflate), the
/// size and CRC its headers claim.
struct Entry {
    name: String,
    data: Vec<u8>,
    method: u16,
    size: u32,
    crc: u32,
}

impl Entry {
    fn stored(name: &str, data: &[u8]) -> Entry {
        Entry { name: name.into(), data: data.to_vec(), method: 0, size: data.len() as u32, crc: crc32(data) }
    }
}

/// A zip written byte by byte, so its headers can say what a hostile file's
/// do. `claimed_entries` overrides the directory's entry count.
fn zip(entries: &[Entry], claimed_entries: Option<u16>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    let u16le = |v: u16| v.to_le_bytes();
    let u32le = |v: u32| v.to_le_bytes();
    for e in entries {
        let offset = out.len() as u32;
        let header = |sig: u32, central: bool| {
            let mut h = Vec::new();
            h.extend(u32le(sig));
            if central {
                h.extend(u16le(20));
            }
            h.extend(u16le(20));
            h.extend(u16le(0));
            h.extend(u16le(e.method));
            h.extend(u16le(0));
            h.extend(u16le(0x21));
            h.extend(u32le(e.crc));
            h.extend(u32le(e.data.len() as u32));
            h.extend(u32le(e.size));
            h.extend(u16le(e.name.len() as u16));
            h.extend(u16le(0));
            if central {
                h.extend(u16le(0));
                h.extend(u16le(0));
                h.extend(u16le(0));
                h.extend(u32le(0));
                h.extend(u32le(offset));
            }
            h.extend(e.name.as_bytes());
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend(&e.data);
        central.extend(header(0x0201_4b50, true));
    }
    let cd_offset = out.len() as u32;
    out.extend(&central);
    let n = claimed_entries.unwrap_or(entries.len() as u16);
    out.extend(u32le(0x0605_4b50));
    out.extend(u16le(0));
    out.extend(u16le(0));
    out.extend(u16le(n));
    out.extend(u16le(n));
    out.extend(u32le(central.len() as u32));
    out.extend(u32le(cd_offset));
    out.extend(u16le(0));
    out
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn package_parts() -> Vec<Entry> {
    let types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let doc_rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>"#;
    vec![
        Entry::stored("[Content_Types].xml", types.as_bytes()),
        Entry::stored("_rels/.rels", rels.as_bytes()),
        Entry::stored("word/_rels/document.xml.rels", doc_rels.as_bytes()),
    ]
}

/// An honest zip of `parts`, deflated, as Word writes them.
fn deflated(parts: Vec<Entry>) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for e in parts {
        z.start_file(e.name, opts).expect("zip");
        z.write_all(&e.data).expect("zip");
    }
    z.finish().expect("zip").into_inner()
}

/// A .docx whose document.xml is `body` inside w:document/w:body.
fn docx_with_body(body: &str) -> Vec<u8> {
    let mut parts = package_parts();
    parts.push(Entry::stored("word/document.xml", docx_body_xml(body).as_bytes()));
    deflated(parts)
}

fn para(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

// ------------------------------------------------------------ running the binary

struct Run {
    output: Output,
    elapsed: Duration,
}

impl Run {
    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }
}

/// Runs the binary with `args` under the memory and time limits, with extra
/// environment variables.
fn run_limited(args: &[&str], env: &[(&str, &str)]) -> Run {
    let bin = std::env::var_os("BRIEFDESK_TEST_BIN").unwrap_or_else(|| env!("CARGO_BIN_EXE_briefdesk").into());
    let mut cmd = Command::new(bin);
    cmd.args(args).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    support::limit_memory(&mut cmd, MEMORY_LIMIT);
    let start = Instant::now();
    let mut child = cmd.spawn().expect("spawn briefdesk");
    // Both pipes are read while the child runs: a child that writes more than
    // a pipe holds (a report of a huge note) must not stall on a full pipe.
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut out = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut out);
            }
            out
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as Box<dyn std::io::Read + Send>));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as Box<dyn std::io::Read + Send>));
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            panic!("briefdesk {args:?} ran past {TIME_LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let output = Output {
        status,
        stdout: stdout.join().expect("standard output"),
        stderr: stderr.join().expect("standard error"),
    };
    Run { output, elapsed: start.elapsed() }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write");
    p
}

/// Imports `bytes` as `name` and expects a clear error: exit 2, the file named,
/// the message containing `says`, no crash, nothing written.
fn refused(name: &str, bytes: &[u8], says: &str) -> Run {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = write(dir.path(), name, bytes);
    let out = dir.path().join("out.ron");
    let run = run_limited(&["import", input.to_str().expect("utf-8"), "-o", out.to_str().expect("utf-8")], &[]);
    let err = run.stderr();
    assert_eq!(run.output.status.code(), Some(2), "{name}: {err}");
    assert!(err.contains(name), "{name}: the message names the file: {err}");
    assert!(err.contains(says), "{name}: the message says {says:?}: {err}");
    assert!(!err.contains("panicked") && !err.contains("overflow"), "{name}: {err}");
    assert!(!out.exists(), "{name}: nothing written");
    // The check command refuses it the same way.
    let check = run_limited(&["check", input.to_str().expect("utf-8")], &[]);
    assert_eq!(check.output.status.code(), Some(2), "{name}: check: {}", check.stderr());
    run
}

/// Imports `bytes` and expects success; returns the brief file's text and the report.
fn imported(name: &str, bytes: &[u8]) -> (String, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = write(dir.path(), name, bytes);
    let out = dir.path().join("out.ron");
    let run = run_limited(&["import", input.to_str().expect("utf-8"), "-o", out.to_str().expect("utf-8")], &[]);
    assert_eq!(run.output.status.code(), Some(0), "{name}: {}", run.stderr());
    let ron = std::fs::read_to_string(&out).expect("brief written");
    // And the brief opens again.
    let back = run_limited(&["check", out.to_str().expect("utf-8")], &[]);
    assert!(matches!(back.output.status.code(), Some(0 | 1)), "{name}: the brief opens: {}", back.stderr());
    (ron, run.stderr())
}

// ------------------------------------------------------------ the cases

#[test]
fn a_part_that_inflates_past_its_header_is_refused() {
    // 129 MB of inflated document.xml from a 500 KB file, its header claiming 2 KB,
    // then the same claiming 4 GB (a reader that sizes its buffer by it would abort).
    let bomb = deflate_bomb(500_000);
    for claimed in [2_048u32, u32::MAX] {
        let mut parts = package_parts();
        parts.push(Entry { name: "word/document.xml".into(), data: bomb.clone(), method: 8, size: claimed, crc: 0 });
        let bytes = zip(&parts, None);
        assert!(bytes.len() < 1_000_000);
        let run = refused("bomb.docx", &bytes, "zip bomb");
        assert!(run.elapsed < Duration::from_secs(30), "{:?}", run.elapsed);
    }
}

#[test]
fn many_parts_that_together_inflate_too_far_are_refused() {
    // Twelve parts of 10 MB each: none too large alone, 120 MB together.
    let bomb = deflate_bomb(40_000);
    let crc = crc32(&vec![b'a'; 1 + 258 * 40_000]);
    let mut parts = package_parts();
    parts.push(Entry::stored(
        "word/document.xml",
        format!("<w:document xmlns:w=\"{W}\"><w:body/></w:document>").as_bytes(),
    ));
    for i in 0..12 {
        parts.push(Entry { name: format!("customXml/item{i}.xml"), data: bomb.clone(), method: 8, size: 100, crc });
    }
    refused("parts.docx", &zip(&parts, None), "zip bomb");
}

#[test]
fn a_directory_claiming_too_many_entries_is_refused() {
    let mut parts = package_parts();
    parts.push(Entry::stored("word/document.xml", docx_body_xml(&para("正文。")).as_bytes()));
    refused("entries.docx", &zip(&parts, Some(60_000)), "60000 entries");
}

fn docx_body_xml(body: &str) -> String {
    format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>"#)
}

#[test]
fn a_thousand_nested_tables_are_refused_before_the_reader() {
    let open = "<w:tbl><w:tr><w:tc>".repeat(1000);
    let close = "</w:tc></w:tr></w:tbl>".repeat(1000);
    refused("nested.docx", &docx_with_body(&format!("{open}<w:p/>{close}")), "nested more than");
    // Deep nesting of elements docx-rs skips is refused alike.
    let deep = format!("<w:p><w:r>{}{}</w:r></w:p>", "<w:x>".repeat(5000), "</w:x>".repeat(5000));
    refused("deep.docx", &docx_with_body(&deep), "nested more than");
}

#[test]
fn a_moderately_nested_table_still_imports() {
    let open = "<w:tbl><w:tr><w:tc>".repeat(20);
    let close = "</w:tc></w:tr></w:tbl>".repeat(20);
    let (ron, _) = imported("nested.docx", &docx_with_body(&format!("{open}{}{close}", para("内层4820万元"))));
    assert!(ron.contains("内层4820万元"), "{ron}");
}

#[test]
fn sixty_thousand_paragraphs_are_refused() {
    refused("paras.docx", &docx_with_body(&"<w:p/>".repeat(60_000)), "paragraphs");
}

#[test]
fn more_text_than_a_brief_holds_is_refused_and_nothing_is_written() {
    // 4.1 million characters (12.3 MB) in 3,800 paragraphs: under every part
    // bound, over the one limit in characters.
    let p = para(&"扶贫资金".repeat(270));
    refused("long.docx", &docx_with_body(&p.repeat(3_800)), "a brief can hold");
}

#[test]
fn control_characters_never_reach_the_brief_file() {
    let body = [para("全市投入\u{0}帮扶资金\u{1}1.26亿元\u{1b}。"), para("&#x7;第二段&#xB;。")].concat();
    let (ron, report) = imported("ctrl.docx", &docx_with_body(&body));
    assert!(ron.contains("全市投入帮扶资金1.26亿元。") && ron.contains("第二段。"), "{ron}");
    let bad: Vec<char> = ron.chars().filter(|c| c.is_control() && !matches!(c, '\n' | '\t')).collect();
    assert!(bad.is_empty(), "control characters in the .ron: {bad:?}");
    assert!(report.contains("U+0000") && report.contains("控制字符"), "the report lists them: {report}");
}

fn docx_with_footnotes(footnotes: &str) -> Vec<u8> {
    let mut parts = package_parts();
    parts.push(Entry::stored("word/document.xml", docx_body_xml(&para("正文一段。")).as_bytes()));
    parts.push(Entry::stored("word/footnotes.xml", footnotes.as_bytes()));
    deflated(parts)
}

#[test]
fn a_notes_part_with_a_dtd_or_an_undefined_entity_is_reported() {
    let dtd = format!(
        r#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY big "扶贫扶贫扶贫">]><w:footnotes xmlns:w="{W}"><w:footnote w:id="1"><w:p><w:r><w:t>注&big;</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    );
    let (_, report) = imported("dtd.docx", &docx_with_footnotes(&dtd));
    assert!(report.contains("word/footnotes.xml") && report.contains("DTD"), "{report}");
    let entity = format!(
        r#"<?xml version="1.0"?><w:footnotes xmlns:w="{W}"><w:footnote w:id="1"><w:p><w:r><w:t>资料来源&nbsp;市统计局</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    );
    let (_, report) = imported("entity.docx", &docx_with_footnotes(&entity));
    assert!(report.contains("word/footnotes.xml") && report.contains("&nbsp;"), "{report}");
}

#[test]
fn a_huge_footnote_is_reported_in_part() {
    let note = "注".repeat(300_000);
    let notes = format!(
        r#"<?xml version="1.0"?><w:footnotes xmlns:w="{W}"><w:footnote w:id="1"><w:p><w:r><w:t>{note}</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    );
    let (_, report) = imported("note.docx", &docx_with_footnotes(&notes));
    assert!(report.len() < 20_000, "the report is {} bytes", report.len());
    assert!(report.contains("共 300000 字"), "it says how much was left out");
}

#[test]
fn old_format_files_are_checked_before_conversion() {
    // Random bytes and an empty file named .doc: no conversion, a clear error.
    let noise: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    refused("noise.doc", &noise, "not a Word or WPS document");
    refused("empty.doc", b"", "nothing to import");
    refused("empty.docx", b"", "nothing to import");
    refused("empty.wps", b"", "nothing to import");
}

#[test]
fn a_password_protected_file_is_called_so() {
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(1024, 0);
    ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    ole.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
    ole.resize(4096, 0);
    refused("secret.docx", &ole, "password");
}

#[cfg(unix)]
#[test]
fn a_hanging_libreoffice_is_stopped_and_leaves_nothing_behind() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let bin = dir.path().join("bin");
    let tmp = dir.path().join("tmp");
    std::fs::create_dir_all(&bin).expect("mkdir");
    std::fs::create_dir_all(&tmp).expect("mkdir");
    // A soffice that starts a child of its own and never finishes.
    let pids = dir.path().join("pids");
    let script = format!("#!/bin/sh\nsleep 300 &\necho $$ $! > {}\nwait\n", pids.display());
    let fake = write(&bin, "soffice", script.as_bytes());
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let mut doc = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    doc.resize(2048, 0);
    let input = write(dir.path(), "old.doc", &doc);
    let out = dir.path().join("old.ron");
    let path = format!("{}:/usr/bin:/bin", bin.display());
    let run = run_limited(
        &["import", input.to_str().expect("utf-8"), "-o", out.to_str().expect("utf-8")],
        &[("PATH", &path), ("TMPDIR", tmp.to_str().expect("utf-8")), ("BRIEFDESK_CONVERT_TIMEOUT", "2")],
    );
    let err = run.stderr();
    assert_eq!(run.output.status.code(), Some(2), "{err}");
    assert!(err.contains("did not finish") && err.contains("old.doc"), "{err}");
    assert!(run.elapsed < Duration::from_secs(30), "{:?}", run.elapsed);
    assert!(!out.exists());
    let left: Vec<_> = std::fs::read_dir(&tmp).expect("tmp").collect();
    assert!(left.is_empty(), "the temporary folder is removed: {left:?}");
    let pids = std::fs::read_to_string(&pids).expect("the fake soffice ran");
    for pid in pids.split_whitespace() {
        // A killed process may linger a moment as a zombie of init; give it time.
        let alive = |p: &str| {
            std::fs::read_to_string(format!("/proc/{p}/stat"))
                .is_ok_and(|s| s.split_whitespace().nth(2).is_none_or(|state| state != "Z"))
        };
        let start = Instant::now();
        while alive(pid) && start.elapsed() < Duration::from_secs(5) {
            std::thread::sleep(Duration::from_millis(50));
        }
        assert!(!alive(pid), "process {pid} of the conversion was stopped");
    }
}

#[test]
fn utf16_without_a_byte_order_mark_imports() {
    let text = "关于消费扶贫的调研\r\n一、基本情况\r\n全市共有脱贫户4.6万户。\r\n";
    let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let (ron, _) = imported("utf16.txt", &bytes);
    assert!(ron.contains("全市共有脱贫户4.6万户。"), "{ron}");
}

#[test]
fn an_empty_draft_is_not_sent_to_a_backup() {
    let run = refused("empty.txt", b"", "nothing to import");
    assert!(!run.stderr().contains(".bak"), "{}", run.stderr());
}

#[test]
fn a_folder_as_output_is_named_a_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = write(dir.path(), "draft.txt", "一、基本情况\n全市共有脱贫户4.6万户。\n".as_bytes());
    let folder = dir.path().join("out");
    std::fs::create_dir(&folder).expect("mkdir");
    for force in [false, true] {
        let mut args = vec!["import", input.to_str().expect("utf-8"), "-o", folder.to_str().expect("utf-8")];
        if force {
            args.push("--force");
        }
        let run = run_limited(&args, &[]);
        let err = run.stderr();
        assert_eq!(run.output.status.code(), Some(2), "{err}");
        assert!(err.contains("folder") && !err.contains("--force"), "{err}");
    }
    let _ = std::io::stdout().flush();
}
