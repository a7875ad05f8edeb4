//! Every string the window shows, in one table: Chinese first, English second.

pub use crate::lang::Lang;

/// Declares the string table: the enum [`T`] and both languages of each
/// string, side by side, in one list.
macro_rules! strings {
    ($($(#[$doc:meta])* $name:ident => ($zh:expr, $en:expr $(,)?)),* $(,)?) => {
        /// A user-visible string.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum T {
            $($(#[$doc])* $name,)*
        }

        impl T {
            /// Every string, for the table's own tests.
            #[cfg(test)]
            pub const ALL: &'static [T] = &[$(T::$name),*];

            /// The string in a language.
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((T::$name, Lang::Zh) => $zh, (T::$name, Lang::En) => $en,)*
                }
            }
        }
    };
}

strings! {
    MenuFile => ("文件", "File"),
    MenuNew => ("新建", "New"),
    MenuOpen => ("打开…", "Open…"),
    MenuSave => ("保存", "Save"),
    MenuSaveAs => ("另存为…", "Save as…"),
    MenuQuit => ("退出", "Quit"),
    MenuView => ("视图", "View"),
    Language => ("界面语言", "Language"),
    Outline => ("大纲", "Outline"),
    SectionTitle => ("小标题", "Section title"),
    SectionBody => ("正文", "Body"),
    NoSection => ("请在左侧大纲中选择一节", "Select a section in the outline"),
    Saved => ("已保存", "Saved"),
    Unsaved => ("未保存", "Unsaved"),
    Chars => ("字", "chars"),
    OpenFailed => ("无法打开", "Cannot open"),
    SaveFailed => ("无法保存", "Cannot save"),
    SavedTo => ("已保存到", "Saved to"),
    PathPrompt => ("文件路径", "File path"),
    Ok => ("确定", "OK"),
    Cancel => ("取消", "Cancel"),
    Untitled => ("未命名", "Untitled"),
    BriefTitle => ("标题", "Title"),
    Problems => ("问题", "Problems"),
    NoProblems => ("未发现问题", "No problems found"),
    Errors => ("错误", "errors"),
    Warnings => ("警告", "warnings"),
    CheckTime => ("检查用时", "checked in"),
    MenuImport => ("导入文稿…", "Import draft…"),
    MenuExportMd => ("导出 Markdown…", "Export Markdown…"),
    MenuExportHtml => ("导出 HTML…", "Export HTML…"),
    MenuExportWord => ("导出 Word (.docx)…", "Export Word (.docx)…"),
    MenuExportAnnotated => ("导出带批注的 Word 文档…", "Export Word with comments…"),
    AnnotateDraft => (
        "在原稿上加批注（原稿的文字、格式、表格和修订都不变）",
        "Comment the original draft (its text, formatting, tables and tracked changes kept)",
    ),
    AnnotateBrief => ("导出当前简报，检查结果作为批注", "Export the brief as it is now, with the findings as comments"),
    AnnotateEdited => (
        "导入后已作修改：原稿上的批注按原稿的文字给出，修改不会写入原稿",
        "Edited since the import: comments on the draft follow the draft's own text, and the edits are not written into it",
    ),
    AnnotatedSuffix => ("（批注）", " (comments)"),
    ReplaceFileQuestion => ("文件已存在。要替换它吗？", "The file exists. Replace it?"),
    ReplaceFile => ("替换原文件", "Replace the file"),
    AppName => ("简报台", "Briefdesk"),
    ZoomIn => ("放大文字", "Larger text"),
    WholeBrief => ("全文", "Whole brief:"),
    FixLabel => ("修改：", "Fix: "),
    Cut => ("剪切", "Cut"),
    AidModeExists => ("简报中已有这一帮扶方式，已选中它：", "The brief has this aid mode already; selected it:"),
    CannotIndent => ("同级的第一节不能降级（它前面没有可以归入的小节）", "The first section of its level cannot go down a level (no section before it to go under)"),
    CannotOutdent => ("已是最高一级", "Already at the top level"),
    AlreadyFirst => ("已是同级的第一节", "Already the first of its level"),
    AlreadyLast => ("已是同级的最后一节", "Already the last of its level"),
    AddSubsection => ("＋下级", "+ Sub"),
    AlreadyInBrief => ("（已有）", " (in the brief)"),
    AddSubsectionHint => ("在选中的小节下新建一个下级小节", "Add a sub-section under the selected section"),
    Indent => ("降级", "Demote"),
    IndentHint => ("把小节移到上一节之下，成为它的下级", "Move the section under the one before it"),
    Outdent => ("升级", "Promote"),
    OutdentHint => ("把小节移出上级，成为与上级同级的小节", "Move the section up one level, after its parent"),
    Copy => ("复制", "Copy"),
    Paste => ("粘贴", "Paste"),
    SelectAll => ("全选", "Select all"),
    FactValueUnreadable => ("读不出这个数值（例：3850、3.85万、1.26亿元、85%）", "Cannot read this value (e.g. 3850, 3.85万, 1.26亿元, 85%)"),
    FactDateUnreadable => (
        "读不出这个日期，未保存（例：2020-12-31、2020年12月31日）",
        "Cannot read this date; not stored (e.g. 2020-12-31)",
    ),
    ZoomOut => ("缩小文字", "Smaller text"),
    ZoomReset => ("默认文字大小", "Default text size"),
    ShowOutline => ("显示大纲", "Show outline"),
    ShowChecks => ("显示检查面板", "Show checks panel"),
    ExportAppendix => ("附加数字清单和检查报告（供内部审阅）", "Add the figures ledger and check report (for internal review)"),
    Browse => ("浏览…", "Browse…"),
    DialogFailed => (
        "未选择文件（系统文件对话框可能无法打开），可直接输入路径",
        "No file chosen (the system file dialog may not be available); type a path instead",
    ),
    ImportReport => ("导入时移出的内容", "Taken out on import"),
    ImportRemovedNone => ("没有移出任何内容", "Nothing was taken out"),
    ConvertSimplified => ("转换为简体", "Convert to Simplified"),
    Close => ("关闭", "Close"),
    TraditionalFound => ("这篇文稿是繁体字。", "This draft is in Traditional characters."),
    MenuEdit => ("编辑", "Edit"),
    Undo => ("撤销", "Undo"),
    Redo => ("重做", "Redo"),
    Figures => ("数字", "Figures"),
    Facts => ("事实", "Facts"),
    ColSection => ("章节", "Section"),
    ColText => ("原文", "Text"),
    ColValue => ("数值", "Value"),
    ColUnit => ("单位", "Unit"),
    ColQualifier => ("约数", "Qualifier"),
    ColContext => ("上下文", "Context"),
    AddToFacts => ("加入事实表", "Add to fact sheet"),
    NoFigures => ("文中没有数字", "No figures in the text"),
    NoFacts => (
        "事实表为空。可在“数字”中把核实过的数字加入事实表。",
        "The fact sheet is empty. Add verified figures from Figures.",
    ),
    FactLabel => ("指标", "Label"),
    FactValue => ("数值", "Value"),
    FactUnit => ("单位", "Unit"),
    FactQualifier => ("约数", "Qualifier"),
    FactSource => ("来源", "Source"),
    FactAsOf => ("截至日期", "As of"),
    Remove => ("删除", "Remove"),
    AddFact => ("新增一项", "Add entry"),
    AddSection => ("＋小节", "+ Section"),
    AddAidMode => ("＋帮扶方式", "+ Aid mode"),
    MoveUp => ("上移", "Up"),
    MoveDown => ("下移", "Down"),
    Delete => ("删除", "Delete"),
    ConfirmDeleteCounts => (
        "删除这一节，连同{}个下级小节、共{}字？可以撤销。",
        "Delete this section with its {} sub-sections, {} characters in all? Undo brings it back."
    ),
    NewSection => ("新的一节", "New section"),
    Infos => ("提示", "notes"),
    IgnoredCount => ("已忽略", "Ignored:"),
    RestoreIgnored => ("全部恢复", "Restore all"),
    ApplyFixTo => ("改为“{}”", "Change to “{}”"),
    ApplyFixDelete => ("删除这处重复", "Delete the repeat"),
    Ignore => ("忽略", "Ignore"),
    IgnoreHint => ("不再提示这一处（记录在简报中）", "Stop flagging this one (stored in the brief)"),
    Find => ("查找", "Find"),
    FindPrev => ("上一个", "Previous"),
    FindNext => ("下一个", "Next"),
    NoMatches => ("无结果", "No matches"),
    ReplaceToggle => ("替换…", "Replace…"),
    ReplaceWith => ("替换为", "Replace with"),
    Replace => ("替换", "Replace"),
    ReplaceAll => ("全部替换", "Replace all"),
    MenuFind => ("查找…", "Find…"),
    MenuReplace => ("查找和替换…", "Find and replace…"),
    SaveAsFirst => ("请先用“另存为”选择保存位置", "Choose where to save with Save as first"),
    NotReplaced => (
        "原文已改动，未替换；请再点一次这条问题，按新的原文处理",
        "The text has changed; nothing was replaced. Click the finding again to act on the new text",
    ),
    ReplacedCount => ("已替换（处）：", "Replaced:"),
    ExportedTo => ("已导出到", "Exported to"),
    ExportFailed => ("无法导出", "Cannot export"),
    RecoveryUnreadable => (
        "恢复文件无法读取，已原样保留，可用文本编辑器打开查看：",
        "The recovery file cannot be read; it was left as it is and can be opened in a text editor:",
    ),
    AutosaveFailed => (
        "自动保存失败，请尽快用“另存为”保存到可写入的位置：",
        "Autosave failed; use Save as now to save the brief somewhere writable:",
    ),
    DropHint => ("松开鼠标以打开文件", "Drop to open the file"),
    MenuRecent => ("最近打开", "Recent files"),
    ClearRecent => ("清空列表", "Clear list"),
    MenuSettings => ("设置…", "Settings…"),
    FontFailed => ("字体无法使用，已改用内置字体：", "The font cannot be used; the bundled font is used instead:"),
    ChooseFont => ("选择字体文件", "Choose a font file"),
    NewBrief => ("新建简报", "New brief"),
    NewBriefButton => ("新建…", "New…"),
    Template => ("模板", "Template"),
    Taxonomy => ("帮扶方式分类", "Aid-mode taxonomy"),
    Create => ("创建", "Create"),
    TemplateResearch => (
        "调研报告（内容提要、基本情况、主要做法、问题、建议）",
        "Research brief (summary, background, work, problems, recommendations)",
    ),
    TemplateFeature => ("新闻综述（导语、各帮扶方式、结语）", "Feature (lead, one part per aid mode, close)"),
    TemplateRoundup => ("工作动态（导语、简讯）", "Round-up (lead, short items)"),
    UnsavedTitle => ("未保存的修改", "Unsaved changes"),
    UnsavedBody => ("当前简报有未保存的修改。", "The open brief has unsaved changes."),
    SaveFirst => ("保存", "Save"),
    DontSave => ("不保存", "Don't save"),
    RecoveryTitle => ("恢复未保存的修改", "Restore unsaved work"),
    RecoveryBody => ("上次关闭前有未保存的修改，已自动保存。", "Unsaved work from the last session was autosaved."),
    Restore => ("恢复", "Restore"),
    DropRecoveryButton => ("丢弃", "Discard"),
    Settings => ("设置", "Settings"),
    Theme => ("主题", "Theme"),
    ThemeLight => ("浅色", "Light"),
    ThemeDark => ("深色", "Dark"),
    ThemeSystem => ("跟随系统", "System"),
    TextSize => ("字号", "Text size"),
    Font => ("字体", "Font"),
    FontBundled => ("使用内置字体", "Use the bundled font"),
    FontCurrent => ("当前字体：", "Current font:"),
    FontBundledName => ("内置 Noto Sans SC（GB2312 子集）", "Bundled Noto Sans SC (GB2312 subset)"),
    AutosavedAt => ("自动保存时间：", "Autosaved at:"),
    SaveAsHint => ("这篇简报还没有文件：保存时先选择位置", "This brief has no file yet: saving asks where first"),
    QualExact => ("确数", "exact"),
    QualApprox => ("约数", "approximate"),
    QualOver => ("以上（余、多）", "over"),
    QualNearly => ("接近", "nearly"),
    QualUnder => ("不足", "under"),
    QualAtLeast => ("不低于", "at least"),
    QualAtMost => ("不超过", "at most"),
    QualRange => ("区间", "range"),
    KindQuantity => ("数量", "quantity"),
    KindPercent => ("百分比", "percentage"),
    KindFraction => ("分数", "fraction"),
    KindDate => ("日期", "date"),
    KindOrdinal => ("序数", "ordinal"),
    KindIdentifier => ("编号", "identifier"),
    Rename => ("重命名", "Rename"),
    RenameHint => ("在编辑区的“小标题”中修改", "Edit the section title above the body"),
    ImportLine => ("第{}行", "line {}"),
    ReasonCopyright => ("版权信息", "copyright notice"),
    ReasonEditor => ("编辑署名", "editor's line"),
    ReasonNavigation => ("网页导航", "web navigation"),
    ReasonPinyin => ("拼音注音", "pinyin annotation"),
    ReasonTrackedDeletion => ("修订删除的文字", "text deleted by a tracked change"),
    ReasonComment => ("批注", "comment"),
    ReasonFootnote => ("脚注或尾注", "footnote or endnote"),
    ReasonTextBox => ("文本框", "text box"),
    ReasonHeaderFooter => ("页眉或页脚", "page header or footer"),
    ReasonAppendix => ("导出时附加的附录", "appendix added by an export"),
    ReasonInvisible => ("不可见字符（零宽或方向控制）", "invisible character (zero-width or bidi control)"),
    ReasonContents => ("目录", "table of contents"),
    ReasonBriefdeskComment => ("简报台的检查批注", "Briefdesk's finding (comment)"),
    ReasonControl => ("无法保存的控制字符", "control characters a brief cannot hold"),
    ReasonUnreadable => ("无法读取的部分", "part that could not be read"),
    FilterBrief => ("简报", "Brief"),
    FilterDraft => ("文稿", "Draft"),
    FilterFont => ("字体", "Font"),
    DefaultFileName => ("简报", "brief"),
    MenuExportPdf => ("导出 PDF…", "Export PDF…"),
    MenuPrintPreview => ("打印预览", "Print preview"),
    MenuDocInfo => ("文档信息…", "Document info…"),
    MenuHelp => ("帮助", "Help"),
    MenuAbout => ("关于简报台", "About Briefdesk"),
    MenuShortcuts => ("快捷键", "Keyboard shortcuts"),
    MenuRules => ("检查规则", "Check rules"),
    NeedsLibreOffice => (
        "导出 PDF 需要安装 LibreOffice；也可导出 Word 后在 Word 或 WPS 中打印",
        "PDF export needs LibreOffice; or export Word and print it from Word or WPS",
    ),
    ReportFileSuffix => ("-检查报告", "-check-report"),
    ExportReport => ("导出检查报告…", "Export check report…"),
    ExportReportHint => (
        "把全部问题写成一个网页，可打印或发给同事",
        "Write every finding to a web page, to print or to send",
    ),
    ExportingPdf => ("正在导出 PDF：", "Exporting PDF:"),
    ExportHasErrors => ("（注意：简报中还有{}个错误，见“问题”）", " (note: the brief still has {} errors; see Problems)"),
    PreviewOpened => ("已在浏览器中打开打印预览，可用浏览器的“打印”打印：", "Print preview opened in the browser; print from there:"),
    PreviewFailed => ("无法打开打印预览：", "Cannot open the print preview:"),
    AboutText => (
        "为党校研究人员和新闻编辑撰写脱贫攻坚简报、综述而作：按简报结构组织提纲，输入时核对数字，导入 Word 文稿，导出公文格式的 Word、可打印网页和 PDF。",
        "Write poverty-alleviation briefs and features in Chinese: a structured outline, figures checked as you type, Word drafts imported, official-layout Word files, print-ready pages and PDF exported.",
    ),
    AboutLicense => ("许可：", "Licence:"),
    AboutFont => (
        "界面字体：Noto Sans SC（GB2312 子集），SIL 开放字体许可 1.1",
        "Window font: Noto Sans SC (GB2312 subset), SIL Open Font License 1.1",
    ),
    KeyParagraph => ("另起一段", "New paragraph"),
    KeyFindNext => ("查找栏中：下一个 / 上一个", "In the find bar: next / previous"),
    KeyCloseFind => ("关闭查找栏", "Close the find bar"),
    KeyContextMenu => ("剪切、复制、粘贴，问题的修改和忽略", "Cut, copy, paste; a finding's fix and Ignore"),
    KeyRightClick => ("右键", "Right click"),
    MetaSubtitle => ("副标题", "Subtitle"),
    MetaAuthor => ("署名/发文单位", "Author / issuing unit"),
    MetaAuthorHint => ("每行一项，导出时右对齐排在正文之后（落款）", "One per line; printed right-aligned after the text (signature block)"),
    MetaDate => ("成文日期", "Date"),
    MetaUsedBy => (
        "打印预览、Word、HTML、PDF 和 Markdown 都用这些信息。",
        "Print preview, Word, HTML, PDF and Markdown exports all use this.",
    ),
    MetaNone => ("（未填写）", "(not set)"),
    EditMeta => ("修改文档信息", "Edit document info"),
    ErrorOne => ("错误", "error"),
    ClickAFinding => ("点击下面的一条问题，在这里查看全文和修改办法", "Click a finding below to see it in full with its fix"),
    FilterErrors => ("错误", "Errors"),
    FilterWarnings => ("警告", "Warnings"),
    FilterInfos => ("提示", "Notes"),
    Encoding => ("编码：", "Encoding:"),
    ImportNoLine => ("正文外", "outside the text"),
    WarningOne => ("警告", "warning"),
    Sources => ("来源", "Sources"),
    MenuAddSource => ("添加来源…", "Add source…"),
    AddSourceHint => (
        "统计公报、工作报告、台账等（.txt .md .docx .doc .wps .pdf .html）",
        "A statistical communiqué, work report, ledger… (.txt .md .docx .doc .wps .pdf .html)",
    ),
    NoSources => (
        "尚未添加来源。添加简报引用的统计公报、工作报告、台账等文件后，简报中的数字会逐一与之核对：相符的标为“已核对”，不符的列为错误，来源中找不到的标为“无来源”。",
        "No sources yet. Add the communiqués, work reports and ledgers the brief quotes: each figure is then held to them, marked checked when a source agrees, listed as an error when it disagrees, and as having no source when none gives it.",
    ),
    SourceReading => ("读取中…", "Reading…"),
    SourceFigures => ("可核对的数字 {} 个", "{} figures to hold the brief to"),
    SourcePages => ("共 {} 页", "{} pages"),
    SourceChanged => (
        "文件内容与添加时不同；核对按现在的内容进行",
        "The file changed since it was added; figures are held to what it says now",
    ),
    SourceConfirm => ("确认是新版本", "Accept this version"),
    SourceConfirmHint => (
        "记下文件现在的内容（指纹），以后有改动再提示",
        "Record the file's content as it is now (its fingerprint) and tell again when it changes",
    ),
    SourceFailed => ("无法读取：", "Cannot read:"),
    SourceOpen => ("打开", "Open"),
    SourceOpenHint => ("用系统默认程序打开这个文件", "Open the file in the system's program for it"),
    SourceRemove => ("移除", "Remove"),
    SourceRemoveHint => ("从来源中移除（不删除文件；可以撤销）", "Take it off the sources (the file is kept; undo brings it back)"),
    SourceCounts => ("已核对 {} · 不符 {}", "{} checked · {} at odds"),
    SourcesSummary => ("全文：已核对 {} · 不符 {} · 无来源 {}", "The brief: {} checked · {} at odds · {} with no source"),
    SourceListed => ("该文件已是来源：", "The file is a source already:"),
    SourceAdded => ("已添加来源：", "Source added:"),
    SourceUnreadable => ("无法添加来源：", "Cannot add the source:"),
    TooManyChars => (
        "这次修改未写入：简报将超过字数上限，请把部分内容移到另一份简报（修改后字数 / 上限）：",
        "This change was not made: the brief would pass its size limit; move part of the text into another brief (characters after it / limit):",
    ),
    FilterSource => ("来源文件", "Source files"),
    ColSource => ("来源核对", "Sources"),
    MarkChecked => ("已核对", "checked"),
    MarkMismatch => ("不符", "at odds"),
    MarkUnsourced => ("无来源", "no source"),
    MenuCompare => ("与其他版本比较…", "Compare with another version…"),
    Compare => ("比较", "Compare"),
    CompareHeader => ("旧稿：{}　→　当前稿", "Older version: {} → this draft"),
    CompareCounts => ("数字：改 {} · 增 {} · 删 {}", "Figures: {} changed · {} added · {} removed"),
    CompareNone => (
        "两稿的数字没有变化（只改措辞的地方不列出）",
        "No figure changed between the two (changes of wording alone are not listed)",
    ),
    CompareStale => (
        "比较之后稿件又有修改，列表可能已过时",
        "The draft was edited after the comparison; the list may be out of date",
    ),
    CompareAgain => ("重新比较", "Compare again"),
    CompareClose => ("关闭比较", "Close the comparison"),
    Comparing => ("比较中…", "Comparing…"),
    CompareFailed => ("无法比较：", "Cannot compare:"),
    CompareOld => ("旧：", "Old: "),
    CompareNew => ("新：", "New: "),
    CompareGone => ("（已删，无法跳转）", " (removed: nothing to go to)"),
}

/// Fills the placeholders `{}` of a string in order.
pub fn fill(template: &str, values: &[usize]) -> String {
    let mut out = String::new();
    let mut parts = template.split("{}");
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for (part, v) in parts.zip(values.iter().map(|v| v.to_string()).chain(std::iter::repeat(String::new()))) {
        out.push_str(&v);
        out.push_str(part);
    }
    out
}

/// A count with its noun: 1 错误, 3 错误; 1 error, 3 errors.
pub fn count(n: usize, one: T, many: T, lang: Lang) -> String {
    format!("{n} {}", if n == 1 { one.get(lang) } else { many.get(lang) })
}

/// Errors and warnings counted: 1 错误 · 2 警告; 1 error · 2 warnings.
pub fn errors_and_warnings(errors: usize, warnings: usize, lang: Lang) -> String {
    format!("{} · {}", count(errors, T::ErrorOne, T::Errors, lang), count(warnings, T::WarningOne, T::Warnings, lang))
}

/// A name in the string table, for a type that is shown to the user.
pub trait Label {
    fn label(self) -> T;
}

impl Label for crate::figures::Qualifier {
    fn label(self) -> T {
        use crate::figures::Qualifier;
        match self {
            Qualifier::Exact => T::QualExact,
            Qualifier::Approx => T::QualApprox,
            Qualifier::Over => T::QualOver,
            Qualifier::Nearly => T::QualNearly,
            Qualifier::Under => T::QualUnder,
            Qualifier::AtLeast => T::QualAtLeast,
            Qualifier::AtMost => T::QualAtMost,
            Qualifier::Range => T::QualRange,
        }
    }
}

impl Label for crate::figures::Kind {
    fn label(self) -> T {
        use crate::figures::Kind;
        match self {
            Kind::Quantity => T::KindQuantity,
            Kind::Percent => T::KindPercent,
            Kind::Fraction => T::KindFraction,
            Kind::Date => T::KindDate,
            Kind::Ordinal => T::KindOrdinal,
            Kind::Identifier => T::KindIdentifier,
        }
    }
}

impl Label for crate::import::boilerplate::Reason {
    fn label(self) -> T {
        use crate::import::boilerplate::Reason;
        match self {
            Reason::Copyright => T::ReasonCopyright,
            Reason::Editor => T::ReasonEditor,
            Reason::Navigation => T::ReasonNavigation,
            Reason::Pinyin => T::ReasonPinyin,
            Reason::TrackedDeletion => T::ReasonTrackedDeletion,
            Reason::Comment => T::ReasonComment,
            Reason::Footnote => T::ReasonFootnote,
            Reason::TextBox => T::ReasonTextBox,
            Reason::HeaderFooter => T::ReasonHeaderFooter,
            Reason::Appendix => T::ReasonAppendix,
            Reason::Invisible => T::ReasonInvisible,
            Reason::TableOfContents => T::ReasonContents,
            Reason::BriefdeskComment => T::ReasonBriefdeskComment,
            Reason::ControlCharacters => T::ReasonControl,
            Reason::Unreadable => T::ReasonUnreadable,
        }
    }
}

impl Label for crate::model::Template {
    fn label(self) -> T {
        use crate::model::Template;
        match self {
            Template::ResearchBrief => T::TemplateResearch,
            Template::Feature => T::TemplateFeature,
            Template::Roundup => T::TemplateRoundup,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_in_order() {
        assert_eq!(fill("已核对 {} · 不符 {}", &[3, 1]), "已核对 3 · 不符 1");
        assert_eq!(fill("{} checked", &[0]), "0 checked");
        assert_eq!(fill("no placeholder", &[5]), "no placeholder");
        assert_eq!(
            fill(T::ConfirmDeleteCounts.get(Lang::Zh), &[2, 340]),
            "删除这一节，连同2个下级小节、共340字？可以撤销。"
        );
    }

    #[test]
    fn every_string_has_both_languages_with_the_same_placeholders() {
        for t in T::ALL {
            let (zh, en) = (t.get(Lang::Zh), t.get(Lang::En));
            assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{t:?} is empty in one language");
            assert_eq!(zh.matches("{}").count(), en.matches("{}").count(), "{t:?}: placeholders differ");
        }
    }
}
