//! Hostile input through a real browser: the exported HTML of a brief full of
//! script, event handlers, javascript: links and comments is loaded in
//! headless Chromium, and the page it renders must show that text, not run it.
//!
//! Needs Debian's `chromium`; CI installs it and runs
//! `cargo test --test browser -- --ignored`. Set BRIEFDESK_CHROMIUM to use
//! another binary.

use std::process::Command;

use briefdesk::export::{HtmlOptions, to_html};
use briefdesk::model::{Taxonomy, Template};

fn chromium() -> String {
    std::env::var("BRIEFDESK_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into())
}

/// Loads a file in headless Chromium and returns the DOM after scripts (if any) ran.
fn dump_dom(path: &std::path::Path, profile: &std::path::Path) -> String {
    let out = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=3000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", path.display()))
        .output()
        .unwrap_or_else(|e| panic!("cannot run {} ({e}); install Debian's chromium", chromium()));
    assert!(out.status.success(), "chromium failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
#[ignore = "needs chromium; CI runs it"]
fn exported_html_runs_no_script_in_a_real_browser() {
    let mut b = Template::Feature.build(Taxonomy::default());
    b.meta.title = "<script>document.title='PWNED-TITLE'</script>".into();
    b.sections[0].body = [
        "<script>document.body.setAttribute('data-pwned', 'script')</script>",
        "<img src=x onerror=\"document.body.setAttribute('data-pwned', 'img')\">",
        "[点我](javascript:document.body.setAttribute('data-pwned','link'))",
        "<!-- 隐藏的注释 -->",
        "<a href=\"javascript:alert(1)\">链接</a>",
    ]
    .join("\n\n");
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("hostile.html");
    std::fs::write(&page, to_html(&b, HtmlOptions::default())).expect("write");
    let dom = dump_dom(&page, &dir.path().join("profile"));
    assert!(dom.contains("<article>"), "the page rendered: {dom}");
    // A script or handler that ran would have set an attribute on <body>.
    let body_tag = dom.split("<body").nth(1).and_then(|rest| rest.split('>').next()).expect("body tag");
    assert!(!body_tag.contains("data-pwned"), "a script or handler ran: <body{body_tag}>");
    assert!(!dom.contains("PWNED-TITLE</title>"), "the title script did not run");
    // The text is there, literally.
    assert!(dom.contains("&lt;script&gt;document.body.setAttribute"), "script shown as text");
    assert!(dom.contains("&lt;img src=x onerror="), "img shown as text");
    assert!(dom.contains("&lt;!-- 隐藏的注释 --&gt;"), "comment shown as text");
    // Text nodes serialise quotes as they are, so look for a real element, not the words.
    assert!(!dom.contains("<a href=\"javascript:"), "no javascript: link element");
    // A brief's body is the user's text, not Markdown: the link's syntax is shown as typed.
    assert!(dom.contains("[点我](javascript:document.body.setAttribute"), "the Markdown link shown as text");
    assert!(!dom.contains("点我</a>"), "no link element made of the user's text");
}
