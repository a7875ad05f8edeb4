//! Every string the window shows, in one table: Chinese first, English second.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// A user-visible string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum T {
    AppName,
    MenuFile,
    MenuNew,
    MenuOpen,
    MenuSave,
    MenuSaveAs,
    MenuQuit,
    MenuView,
    Language,
    Outline,
    SectionTitle,
    SectionBody,
    NoSection,
    Saved,
    Unsaved,
    Chars,
    OpenFailed,
    SaveFailed,
    SavedTo,
    PathPrompt,
    Ok,
    Cancel,
    Untitled,
    BriefTitle,
    Problems,
    NoProblems,
    Errors,
    Warnings,
    CheckTime,
    MenuImport,
    MenuExportMd,
    MenuExportHtml,
    Browse,
    DialogFailed,
    ImportReport,
    ImportRemovedNone,
    ConvertSimplified,
    Close,
    TraditionalFound,
}

impl T {
    /// (Chinese, English).
    const fn pair(self) -> (&'static str, &'static str) {
        match self {
            T::AppName => ("简报台", "Briefdesk"),
            T::MenuFile => ("文件", "File"),
            T::MenuNew => ("新建", "New"),
            T::MenuOpen => ("打开…", "Open…"),
            T::MenuSave => ("保存", "Save"),
            T::MenuSaveAs => ("另存为…", "Save as…"),
            T::MenuQuit => ("退出", "Quit"),
            T::MenuView => ("视图", "View"),
            T::Language => ("界面语言", "Language"),
            T::Outline => ("大纲", "Outline"),
            T::SectionTitle => ("小标题", "Section title"),
            T::SectionBody => ("正文", "Body"),
            T::NoSection => ("请在左侧大纲中选择一节", "Select a section in the outline"),
            T::Saved => ("已保存", "Saved"),
            T::Unsaved => ("未保存", "Unsaved"),
            T::Chars => ("字", "chars"),
            T::OpenFailed => ("无法打开", "Cannot open"),
            T::SaveFailed => ("无法保存", "Cannot save"),
            T::SavedTo => ("已保存到", "Saved to"),
            T::PathPrompt => ("文件路径", "File path"),
            T::Ok => ("确定", "OK"),
            T::Cancel => ("取消", "Cancel"),
            T::Untitled => ("未命名", "Untitled"),
            T::BriefTitle => ("标题", "Title"),
            T::Problems => ("问题", "Problems"),
            T::NoProblems => ("未发现问题", "No problems found"),
            T::Errors => ("错误", "errors"),
            T::Warnings => ("警告", "warnings"),
            T::CheckTime => ("检查用时", "checked in"),
            T::MenuImport => ("导入文稿…", "Import draft…"),
            T::MenuExportMd => ("导出 Markdown…", "Export Markdown…"),
            T::MenuExportHtml => ("导出 HTML…", "Export HTML…"),
            T::Browse => ("浏览…", "Browse…"),
            T::DialogFailed => (
                "未选择文件（系统文件对话框可能无法打开），可直接输入路径",
                "No file chosen (the system file dialog may not be available); type a path instead",
            ),
            T::ImportReport => ("导入时移出的内容", "Taken out on import"),
            T::ImportRemovedNone => ("没有移出任何内容", "Nothing was taken out"),
            T::ConvertSimplified => ("转换为简体", "Convert to Simplified"),
            T::Close => ("关闭", "Close"),
            T::TraditionalFound => ("这篇文稿是繁体字。", "This draft is in Traditional characters."),
        }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        let (zh, en) = self.pair();
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}
