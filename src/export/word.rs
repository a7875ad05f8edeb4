//! Brief → Word file: the layout lives in `format::docx`; this adds the
//! findings, as an appendix (figures ledger and check report, the way the
//! HTML export does) or as comments (批注) on their words.

use crate::checks::Diagnostic;
use crate::format::docx::{Appendix, DocxLayout, DocxOptions, Note, to_docx};
use crate::lang::Lang;
use crate::model::{Brief, Severity};

/// What an exported Word file holds besides the brief.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordOptions<'a> {
    pub layout: DocxLayout,
    /// The figures ledger and, when `diagnostics` are given, the check report,
    /// on new pages after the brief.
    pub appendix: bool,
    /// Each of `diagnostics` as a comment anchored on its words.
    pub comments: bool,
    pub diagnostics: Option<&'a [Diagnostic]>,
    /// The time of the document properties and comments (the caller's clock).
    pub now: Option<chrono::DateTime<chrono::Utc>>,
}

/// A finding as the paragraphs of a Word comment: the rule and severity with
/// the message, then the fix.
pub fn comment_text(d: &Diagnostic) -> Vec<String> {
    let severity = match d.severity {
        Severity::Error => "错误",
        _ => "警告",
    };
    let mut out = vec![format!("【{} {severity}】{}", d.rule, d.message(Lang::Zh))];
    match d.fix.as_deref() {
        Some("") => out.push("修改：删除这段文字".into()),
        Some(fix) if d.fixes_elsewhere.is_empty() => out.push(format!("修改为：{fix}")),
        Some(_) => out.push("修改：全文一并修改（见简报台的检查）".into()),
        None => {}
    }
    out
}

/// The Word file of a brief.
pub fn to_word(brief: &Brief, options: &WordOptions) -> Result<Vec<u8>, String> {
    let diagnostics = options.diagnostics.unwrap_or_default();
    let appendix = options.appendix.then(|| {
        let mut a = Appendix::default();
        for (s, _) in brief.walk() {
            for f in crate::figures::extract(&s.body) {
                let value = crate::model::value::show_range(f.value, f.value_max);
                a.ledger.push([
                    s.title.clone(),
                    s.body[f.span.clone()].to_string(),
                    value,
                    f.unit.to_string(),
                    f.kind.name(Lang::Zh).to_string(),
                ]);
            }
        }
        for d in diagnostics {
            let section = brief.section(d.section).map(|s| s.title.clone()).unwrap_or_default();
            a.report.push([section, format!("{} {}", d.rule, d.severity.as_str()), d.message(Lang::Zh)]);
        }
        a
    });
    let notes = if options.comments {
        diagnostics
            .iter()
            .map(|d| Note { section: d.section, span: d.span.clone(), on_title: d.on_title, text: comment_text(d) })
            .collect()
    } else {
        Vec::new()
    };
    to_docx(brief, &DocxOptions { layout: options.layout, appendix, notes, now: options.now })
}

/// A Word draft with the findings of its check as comments (批注).
#[derive(Debug)]
pub struct AnnotatedDraft {
    pub bytes: Vec<u8>,
    /// The findings written as comments.
    pub findings: usize,
    /// Those whose words could not be found in the file: they stand at its start.
    pub unplaced: usize,
}

/// Checks a Word draft (.docx, or .doc/.wps converted by LibreOffice) and
/// writes each finding as a comment by 简报台 on its words, into the draft's
/// own package: every character, style, table, note and tracked change kept.
pub fn annotated_draft(
    path: &std::path::Path,
    env: &crate::checks::Env,
    now: Option<chrono::DateTime<chrono::Utc>>,
) -> Result<AnnotatedDraft, crate::format::LoadError> {
    use crate::format::{FileKind, LoadError, Part, SourceMap, docx};
    let kind = FileKind::of(path)?;
    if !matches!(kind, FileKind::Docx | FileKind::LegacyWord) {
        return Err(LoadError::NotWordDraft { path: path.to_path_buf() });
    }
    let bytes = crate::format::word_bytes(path, kind, crate::store::read_bytes(path)?)?;
    let docx_err = |cause| LoadError::Docx { path: path.to_path_buf(), cause };
    let read = docx::read_docx(&bytes).map_err(docx_err)?;
    let text = docx::blocks_text(&read.blocks);
    let (brief, _) = docx::to_brief(&read, crate::model::Taxonomy::default());
    let source = SourceMap::align(&text, &brief);
    let diags = crate::checks::check(&brief, env);
    let anchors: Vec<docx::Anchor> = diags
        .iter()
        .map(|d| {
            let range = if d.on_title {
                let len = brief.section(d.section).map_or(0, |s| s.title.len());
                source.span(d.section, Part::Title, &(0..len))
            } else {
                source.span(d.section, Part::Body, &d.span)
            };
            docx::Anchor { range: range.unwrap_or(0..0), paragraphs: comment_text(d) }
        })
        .collect();
    let out = docx::annotate(&bytes, &read.blocks, &anchors, now).map_err(docx_err)?;
    Ok(AnnotatedDraft { bytes: out.bytes, findings: anchors.len(), unplaced: out.unplaced })
}
