//! Web-page boilerplate: lines that are no part of the text. They are moved
//! to a list the user sees, never dropped.

use serde::Serialize;

/// Why a line was taken out of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// 版权所有, ©, ICP备案号, 公网安备.
    Copyright,
    /// 编辑, 责任编辑, 来源 lines.
    Editor,
    /// Share buttons, navigation, view counters (客户端, 官方微信, 首页, 浏览量).
    Navigation,
    /// Pinyin reading annotations taken out of the text (會(huì)).
    Pinyin,
    /// Text a tracked change deleted or moved away (a Word file).
    TrackedDeletion,
    /// A reviewer's comment (a Word file).
    Comment,
    /// A footnote or an endnote (a Word file).
    Footnote,
    /// The text of a text box (a Word file).
    TextBox,
    /// A page header or footer (a Word file).
    HeaderFooter,
    /// The figures ledger and check report that an export appended.
    Appendix,
    /// Zero-width and bidirectional control characters, which make a figure
    /// read otherwise than it shows.
    Invisible,
    /// A table of contents (a Word file): the headings again, with page numbers.
    TableOfContents,
    /// A comment Briefdesk wrote (an annotated draft read back): a finding,
    /// not the author's.
    BriefdeskComment,
    /// Control characters, which a brief cannot hold (a Word file).
    ControlCharacters,
    /// A part of the file that could not be read, and why.
    Unreadable,
}

impl Reason {
    pub fn label_zh(self) -> &'static str {
        match self {
            Reason::Copyright => "版权信息",
            Reason::Editor => "编辑署名",
            Reason::Navigation => "网页导航",
            Reason::Pinyin => "拼音注音",
            Reason::TrackedDeletion => "修订删除的文字",
            Reason::Comment => "批注",
            Reason::Footnote => "脚注或尾注",
            Reason::TextBox => "文本框",
            Reason::HeaderFooter => "页眉或页脚",
            Reason::Appendix => "导出时附加的附录",
            Reason::Invisible => "不可见字符（零宽或方向控制）",
            Reason::TableOfContents => "目录",
            Reason::BriefdeskComment => "简报台的检查批注",
            Reason::ControlCharacters => "无法保存的控制字符",
            Reason::Unreadable => "无法读取的部分",
        }
    }
}

const COPYRIGHT: &[&str] =
    &["版权所有", "Copyright", "copyright", "©", "ICP备", "ICP证", "公网安备", "未经授权", "禁止转载", "不得转载"];
const EDITOR_PREFIXES: &[&str] = &["责任编辑", "编辑", "审核", "校对", "来源", "作者单位"];
const NAVIGATION: &[&str] = &[
    "客户端",
    "官方微信",
    "官方微博",
    "分享到",
    "扫一扫",
    "扫码",
    "首页",
    "浏览量",
    "浏览次数",
    "阅读量",
    "点击量",
    "收藏",
    "打印本页",
    "关闭窗口",
    "上一篇",
    "下一篇",
    "返回顶部",
    "字体：",
    "字号：",
    "【字体",
    "【打印",
    "【关闭",
    "微信扫码",
    "相关阅读",
    "相关链接",
    "网站地图",
    "联系我们",
];

/// Whether a line is boilerplate, and why. Only short lines qualify: a
/// paragraph that mentions 首页 in passing is text.
pub fn classify(line: &str) -> Option<Reason> {
    let t = line.trim();
    let n = t.chars().count();
    if n == 0 {
        return None;
    }
    if n <= 80 && COPYRIGHT.iter().any(|w| t.contains(w)) {
        return Some(Reason::Copyright);
    }
    if n <= 40
        && EDITOR_PREFIXES.iter().any(|p| {
            t.strip_prefix(p)
                .is_some_and(|rest| rest.trim_start().starts_with([':', '：']) || rest.starts_with(['　', ' ']))
        })
    {
        return Some(Reason::Editor);
    }
    if n <= 40 && NAVIGATION.iter().any(|w| t.contains(w)) {
        return Some(Reason::Navigation);
    }
    // A view counter or a lone 收藏/打印 line.
    if matches!(t, "收藏" | "打印" | "关闭" | "分享") {
        return Some(Reason::Navigation);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_web_lines() {
        assert_eq!(classify("Copyright © 2020 某某市委党校 版权所有"), Some(Reason::Copyright));
        assert_eq!(classify("京ICP备12345678号-1"), Some(Reason::Copyright));
        assert_eq!(classify("责任编辑：王某"), Some(Reason::Editor));
        assert_eq!(classify("编辑 李某"), Some(Reason::Editor));
        assert_eq!(classify("首页    市情研究    某期"), Some(Reason::Navigation));
        assert_eq!(classify("浏览量:0"), Some(Reason::Navigation));
        assert_eq!(classify("下载客户端  关注官方微信"), Some(Reason::Navigation));
    }

    #[test]
    fn keeps_text() {
        assert_eq!(classify("编辑部的同志们深入基层，走访了二十多个村。"), None);
        assert_eq!(
            classify(
                "市总工会通过官方微信公众号发布消费扶贫产品目录，职工可以在线选购，所得全部用于受援地区贫困户增收，这一做法受到广泛好评。"
            ),
            None
        );
        assert_eq!(classify("消费扶贫"), None);
    }
}
