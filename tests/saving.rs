//! Saving as an editor does, run as users run it (the built binary in a temp
//! folder): owner, group, mode, symlinks and hard links kept; new files
//! created exclusively and with the umask; killed saves cleaned up; exports
//! that would destroy a brief refused; long Chinese names; FIFOs refused.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_briefdesk"))
}

fn run(args: &[&str], dir: &Path) -> Output {
    bin().args(args).current_dir(dir).output().expect("run briefdesk")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const DRAFT: &str = "关于职工帮扶的调研\n\n一、基本情况\n\n全市共帮扶困难职工1450户。\n";

fn draft(dir: &Path) -> String {
    let p = dir.join("draft.txt");
    fs::write(&p, DRAFT).expect("write draft");
    p.display().to_string()
}

fn is_root() -> bool {
    // The owner of a file this process just made.
    let dir = tempfile::tempdir().expect("tempdir");
    fs::metadata(dir.path()).map(|m| m.uid() == 0).unwrap_or(false)
}

/// Temp files a save left in a folder.
fn temps(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .expect("read dir")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

#[test]
fn a_save_keeps_owner_group_and_mode() {
    if !is_root() {
        eprintln!("skipped: giving a file to another user needs root");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let d = draft(dir.path());
    let file = dir.path().join("shared.ron");
    let o = run(&["import", &d, "-o", "shared.ron"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    std::os::unix::fs::chown(&file, Some(1234), Some(2345)).expect("chown");
    fs::set_permissions(&file, fs::Permissions::from_mode(0o640)).expect("chmod");
    let o = run(&["import", &d, "-o", "shared.ron", "--force"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let m = fs::metadata(&file).expect("metadata");
    assert_eq!((m.uid(), m.gid(), m.mode() & 0o777), (1234, 2345, 0o640), "owner, group and mode are kept");
    assert!(temps(dir.path()).is_empty());
}

#[test]
fn a_group_member_saving_a_shared_file_keeps_its_group() {
    let setpriv = Path::new("/usr/bin/setpriv");
    if !is_root() || !setpriv.exists() {
        eprintln!("skipped: needs root and setpriv to act as a second user");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).expect("chmod dir");
    let d = draft(dir.path());
    let file = dir.path().join("shared.ron");
    assert!(run(&["import", &d, "-o", "shared.ron"], dir.path()).status.success());
    // Owned by user 1000 and group 2000, read and written by the group.
    std::os::unix::fs::chown(&file, Some(1000), Some(2000)).expect("chown");
    fs::set_permissions(&file, fs::Permissions::from_mode(0o660)).expect("chmod");
    let before = fs::metadata(&file).expect("metadata").ino();
    fs::write(dir.path().join("other.txt"), "另一篇\n\n一、情况\n\n共帮扶困难职工2000户。\n").expect("write");
    fs::set_permissions(dir.path().join("other.txt"), fs::Permissions::from_mode(0o644)).expect("chmod");
    // User 3000, whose own group is 3000, and who is in group 2000.
    let o = Command::new(setpriv)
        .args(["--reuid=3000", "--regid=3000", "--groups=2000", env!("CARGO_BIN_EXE_briefdesk")])
        .args(["import", "other.txt", "-o", "shared.ron", "--force"])
        .current_dir(dir.path())
        .output()
        .expect("setpriv");
    assert!(o.status.success(), "{}", stderr(&o));
    let m = fs::metadata(&file).expect("metadata");
    assert_eq!((m.uid(), m.gid(), m.mode() & 0o777), (1000, 2000, 0o660), "the group keeps its file");
    assert_eq!(m.ino(), before, "written in place: the file the group shares");
    assert!(fs::read_to_string(&file).expect("read").contains("2000户"), "with the new text");
    assert!(temps(dir.path()).is_empty());
}

#[test]
fn saves_go_through_symlinks_and_keep_hard_links() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = draft(dir.path());
    assert!(run(&["import", &d, "-o", "real.ron"], dir.path()).status.success());
    std::os::unix::fs::symlink("real.ron", dir.path().join("link.ron")).expect("symlink");
    fs::hard_link(dir.path().join("real.ron"), dir.path().join("hard.ron")).expect("hard link");
    fs::write(dir.path().join("other.txt"), "另一篇\n\n一、情况\n\n共帮扶困难职工2000户。\n").expect("write");
    let o = run(&["import", "other.txt", "-o", "link.ron", "--force"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(fs::symlink_metadata(dir.path().join("link.ron")).expect("meta").file_type().is_symlink(), "still a link");
    for name in ["real.ron", "hard.ron"] {
        let text = fs::read_to_string(dir.path().join(name)).expect("read");
        assert!(text.contains("2000户"), "{name} has the new text");
    }
    assert_eq!(fs::metadata(dir.path().join("real.ron")).expect("meta").nlink(), 2, "the hard link stays");
    assert!(
        fs::read_to_string(dir.path().join("real.ron.bak")).expect("bak").contains("1450户"),
        "a backup of the old"
    );
    // A dangling link is a file there: not replaced without --force.
    std::os::unix::fs::symlink("missing.ron", dir.path().join("dangling.ron")).expect("symlink");
    let o = run(&["import", &d, "-o", "dangling.ron"], dir.path());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(!dir.path().join("missing.ron").exists());
    assert!(temps(dir.path()).is_empty());
}

#[test]
fn new_files_respect_the_umask() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = Command::new("sh")
        .args(["-c", &format!("umask 077 && exec '{}' new -o private.ron", env!("CARGO_BIN_EXE_briefdesk"))])
        .current_dir(dir.path())
        .output()
        .expect("sh");
    assert!(o.status.success(), "{}", stderr(&o));
    let mode = fs::metadata(dir.path().join("private.ron")).expect("meta").mode() & 0o777;
    assert_eq!(mode, 0o600, "umask 077 makes a private file");
}

#[test]
fn two_imports_racing_for_one_new_file_cannot_both_win() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("a.txt"), "甲稿\n\n一、情况\n\n共帮扶困难职工1111户。\n").expect("write");
    fs::write(dir.path().join("b.txt"), "乙稿\n\n一、情况\n\n共帮扶困难职工2222户。\n").expect("write");
    for round in 0..20 {
        let out = format!("race{round}.ron");
        let spawn = |draft: &str| {
            bin()
                .args(["import", draft, "-o", &out])
                .current_dir(dir.path())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn")
        };
        let (a, b) = (spawn("a.txt"), spawn("b.txt"));
        let (a, b) = (a.wait_with_output().expect("a"), b.wait_with_output().expect("b"));
        let wins = [&a, &b].iter().filter(|o| o.status.success()).count();
        assert_eq!(wins, 1, "round {round}: exactly one import writes the new file");
        let loser = if a.status.success() { &b } else { &a };
        assert_eq!(loser.status.code(), Some(2));
        let text = fs::read_to_string(dir.path().join(&out)).expect("read");
        let winner_text = if a.status.success() { "1111户" } else { "2222户" };
        assert!(text.contains(winner_text), "round {round}: the file is the winner's brief");
    }
    assert!(temps(dir.path()).is_empty());
}

#[test]
fn temp_files_of_killed_saves_are_cleaned_up() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A large draft, so that a save takes long enough to be killed in the middle.
    let para = "全市工会累计投入帮扶资金12600万元，其中消费扶贫4820万元，产业扶贫3650万元。\n";
    fs::write(dir.path().join("big.txt"), format!("标题\n\n一、情况\n\n{}", para.repeat(20_000))).expect("write");
    assert!(run(&["import", "big.txt", "-o", "out.ron"], dir.path()).status.success());
    let mut left = 0;
    for i in 0..30u64 {
        let mut child = bin()
            .args(["import", "big.txt", "-o", "out.ron", "--force"])
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_millis(20 + (i * 7) % 60));
        let _ = child.kill();
        let _ = child.wait();
        left = left.max(temps(dir.path()).len());
    }
    // A stale temp of a process long gone, named as a save names it.
    fs::write(dir.path().join(".out.ron.4000000000.abcdef.tmp"), "half a brief").expect("write");
    let o = run(&["import", "big.txt", "-o", "out.ron", "--force"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(temps(dir.path()).is_empty(), "the next save removes what killed saves left: {:?}", temps(dir.path()));
    eprintln!("most temp files left at once by the killed saves: {left}");
    assert!(briefdesk::store::load(&dir.path().join("out.ron")).is_ok(), "the brief is whole");
}

#[test]
fn an_export_never_replaces_the_brief_it_exports() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = draft(dir.path());
    assert!(run(&["import", &d, "-o", "brief.ron"], dir.path()).status.success());
    let before = fs::read(dir.path().join("brief.ron")).expect("read");
    for args in [
        &["export", "brief.ron", "--to", "md", "-o", "brief.ron", "--force"][..],
        &["export", "brief.ron", "--to", "md", "-o", "other.ron", "--force"][..],
        &["export", "brief.ron", "--to", "html", "-o", "./brief.ron", "--force"][..],
    ] {
        let o = run(args, dir.path());
        assert_eq!(o.status.code(), Some(2), "{args:?} is refused: {}", stderr(&o));
        assert!(stderr(&o).starts_with("briefdesk: "), "{}", stderr(&o));
    }
    assert_eq!(fs::read(dir.path().join("brief.ron")).expect("read"), before, "the brief is untouched");
    assert!(!dir.path().join("other.ron").exists());
    // Replacing a Markdown brief with --force keeps the old one as .bak.
    assert!(run(&["export", "brief.ron", "--to", "md", "-o", "brief.md"], dir.path()).status.success());
    fs::write(dir.path().join("brief.md"), "# 手改过的简报\n").expect("write");
    assert!(run(&["export", "brief.ron", "--to", "md", "-o", "brief.md", "--force"], dir.path()).status.success());
    assert_eq!(fs::read_to_string(dir.path().join("brief.md.bak")).expect("bak"), "# 手改过的简报\n");
}

#[test]
fn a_long_chinese_file_name_saves_and_saves_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = draft(dir.path());
    let name = format!(
        "{}.ron",
        "关于进一步巩固拓展脱贫攻坚成果同乡村振兴有效衔接的调研".repeat(4).chars().take(82).collect::<String>()
    );
    assert_eq!(name.chars().count(), 86);
    let o = run(&["import", &d, "-o", &name], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&["import", &d, "-o", &name, "--force"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(briefdesk::store::load(&dir.path().join(&name)).is_ok());
    assert!(temps(dir.path()).is_empty());
}

#[test]
fn a_fifo_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("pipe.txt");
    assert!(Command::new("mkfifo").arg(&fifo).status().expect("mkfifo").success());
    for sub in ["check", "figures"] {
        let mut child = bin()
            .args([sub, "pipe.txt"])
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let started = Instant::now();
        let status = loop {
            if let Some(s) = child.try_wait().expect("wait") {
                break Some(s);
            }
            if started.elapsed() > Duration::from_secs(10) {
                let _ = child.kill();
                break None;
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let status = status.unwrap_or_else(|| panic!("`{sub}` hangs on a FIFO"));
        assert_eq!(status.code(), Some(2));
        let mut err = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().expect("stderr"), &mut err).expect("read");
        assert!(err.contains("not a regular file") && err.trim_end().ends_with("pipe.txt"), "{err}");
    }
}
