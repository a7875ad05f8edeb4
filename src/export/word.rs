//! Brief → Word file: the layout lives in `format::docx`; this adds the
//! appendix (figures ledger and check report) the way the HTML export does.

use crate::checks::Diagnostic;
use crate::format::docx::{Appendix, DocxLayout, DocxOptions, to_docx};
use crate::model::Brief;

/// The Word file of a brief; with `appendix`, the figures ledger and, when
/// `diagnostics` are given, the check report follow the brief on new pages.
pub fn to_word(
    brief: &Brief,
    layout: DocxLayout,
    appendix: bool,
    diagnostics: Option<&[Diagnostic]>,
) -> Result<Vec<u8>, String> {
    let appendix = appendix.then(|| {
        let mut a = Appendix::default();
        for (s, _) in brief.walk() {
            for f in crate::figures::extract(&s.body) {
                let value = crate::model::value::show_range(f.value, f.value_max);
                a.ledger.push([
                    s.title.clone(),
                    s.body[f.span.clone()].to_string(),
                    value,
                    f.unit.to_string(),
                    f.kind.name(crate::lang::Lang::Zh).to_string(),
                ]);
            }
        }
        for d in diagnostics.unwrap_or_default() {
            let section = brief.section(d.section).map(|s| s.title.clone()).unwrap_or_default();
            a.report.push([section, format!("{} {}", d.rule, d.severity.as_str()), d.message(crate::lang::Lang::Zh)]);
        }
        a
    });
    to_docx(brief, &DocxOptions { layout, appendix })
}
