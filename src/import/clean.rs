//! Paste clean-up: undo what PDF extraction does to running text.
//!
//! * Hard line breaks inside a paragraph are joined. A line that ends without
//!   closing punctuation and runs on in the next line is one paragraph; short
//!   lines (headings, captions) stay on their own.
//! * A row of a table (cells separated by tabs, as a spreadsheet or a PDF's
//!   table is pasted) is a line of its own: it takes no line before or after it.
//! * Spaces put between CJK characters (`产 业 扶 贫`) are removed; spaces in
//!   Latin text, and between phrases of a heading, stay.
//!
//! Nothing but whitespace is ever removed.

/// Characters that end a paragraph's last line.
const CLOSERS: &[char] = &['。', '！', '？', '；', '：', '…', '”', '」', '』', '）', ')', '.', '!', '?', ';', ':'];

/// A line this long or longer is body text that may wrap; shorter lines are headings or captions.
const WRAP_MIN_CHARS: usize = 24;

pub use crate::model::is_cjk;

fn is_cjk_or_punct(c: char) -> bool {
    is_cjk(c) || matches!(c as u32, 0x3000..=0x303f | 0xff00..=0xffef) || "“”‘’…—".contains(c)
}

/// Cleans pasted text: joins wrapped lines, removes spaces between CJK characters.
pub fn clean_paste(text: &str) -> String {
    // Line ends made one: a text with none of \r is read as it is, not copied.
    let text = if text.contains('\r') {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim_end();
        out.push_str(&despace(line));
        // Look past blank lines to the next text line.
        let mut j = i + 1;
        while j < lines.len() && lines[j].trim().is_empty() {
            j += 1;
        }
        if j >= lines.len() {
            break;
        }
        let blanks = j - i - 1;
        let after_next = lines.get(j + 1).map_or("", |l| l.trim_start());
        // A title right over a table (the line after it a table row) is its caption, no wrapped tail.
        let caption = is_table_row(after_next) && !lines[j].trim_start().starts_with(CONTINUING_MARKS);
        if !caption
            && (joins(line, lines[j].trim_start(), blanks) || lifted_phrase(line, lines[j].trim(), after_next, blanks))
        {
            i = j;
            continue;
        }
        out.push('\n');
        for _ in 0..blanks {
            out.push('\n');
        }
        i += 1;
        // Blank lines were written; carry on at the next text line.
        i = i.max(j);
    }
    out
}

/// Marks that cannot open a sentence: a line that starts with one goes on the
/// line before it (…发展思想\n，在脱贫攻坚中…).
const CONTINUING_MARKS: &[char] = &['，', '、', '。', '；', '：', '）', '”', '」', '』', '！', '？', ','];

/// Whether `next` is a phrase that PDF extraction lifted onto a line of its own
/// inside a sentence (an emphasised phrase): it is short, ends without closing
/// punctuation, and the line after it opens with a mark that continues a
/// sentence; and `line`, before it, also stops mid-sentence. All three are one
/// paragraph: 这五年，我们坚定不移践行\n以人民为中心发展思想\n，在脱贫攻坚中….
fn lifted_phrase(line: &str, next: &str, after_next: &str, blanks: usize) -> bool {
    blanks == 0
        && !is_table_row(line)
        && !is_table_row(next)
        && !line.is_empty()
        && !line.ends_with(CLOSERS)
        && line.contains(['，', ','])
        && crate::model::heading_marker(line).is_none()
        && crate::model::heading_marker(next).is_none()
        && !next.is_empty()
        && next.chars().count() < WRAP_MIN_CHARS
        && !next.ends_with(['。', '！', '？', '；', '…', '.', '!', '?', ';'])
        && after_next.starts_with(CONTINUING_MARKS)
}

/// Whether a line is a row of a table: two or more cells separated by tabs,
/// none a piece of a sentence (holding a 。 or ending with a mark that runs on).
fn is_table_row(line: &str) -> bool {
    line.contains('\t')
        && line.split('\t').filter(|c| !c.trim().is_empty()).count() >= 2
        && line.split('\t').all(|c| !c.contains('。') && !c.trim_end().ends_with(['，', '、', '；', '：', ',']))
}

/// Whether `next` continues the paragraph that `line` ends, across `blanks` blank lines.
fn joins(line: &str, next: &str, blanks: usize) -> bool {
    if is_table_row(line) || is_table_row(next) {
        return false;
    }
    let Some(last) = line.chars().next_back() else {
        return false;
    };
    let Some(first) = next.chars().next() else {
        return false;
    };
    // A line that opens with a mark no sentence starts with goes on the one before.
    if blanks == 0 && CONTINUING_MARKS.contains(&first) {
        return true;
    }
    if CLOSERS.contains(&last) || blanks > 1 {
        return false;
    }
    // A numbered heading (二、 （一）) starts its own line, whatever ends the one before.
    if crate::model::heading_marker(next).is_some() {
        return false;
    }
    // After a blank line, a short line without closing punctuation is a heading or a caption.
    let next_short = next.chars().count() < WRAP_MIN_CHARS && !next.trim_end().ends_with(CLOSERS);
    if blanks > 0 && next_short {
        return false;
    }
    let long = line.chars().count() >= WRAP_MIN_CHARS;
    // Across a blank line only a long line that stops mid-word goes on.
    let continues = is_cjk(first) || first.is_ascii_digit() || "，、。；：”）".contains(first);
    // After a blank line, a line opening with a number is a new list item (3严格考核…).
    let list_item = first.is_ascii_digit() || first.is_numeric();
    long && continues && (blanks == 0 || ((is_cjk(last) || last.is_ascii_digit()) && !list_item))
}

/// Removes spaces between CJK characters when the text is spaced out character by character.
fn despace(line: &str) -> std::borrow::Cow<'_, str> {
    // Most lines have no space at all (U+3000 is E3 80 80).
    if memchr::memchr(b' ', line.as_bytes()).is_none() && !line.contains('\u{3000}') {
        return line.into();
    }
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == ' ' || c == '\u{3000}' {
            let start = i;
            while i < chars.len() && (chars[i] == ' ' || chars[i] == '\u{3000}') {
                i += 1;
            }
            let before = start.checked_sub(1).map(|k| chars[k]);
            let after = chars.get(i).copied();
            let cjk_both = before.is_some_and(is_cjk_or_punct) && after.is_some_and(is_cjk_or_punct);
            // Spaced out: the character on either side stands between spaces (产 业 扶 贫).
            let spaced = |c: char| c == ' ' || c == '\u{3000}';
            let single_before = start >= 1 && (start < 2 || spaced(chars[start - 2]));
            let single_after = i + 1 >= chars.len() || spaced(chars[i + 1]);
            let leading = start == 0;
            if leading || !(cjk_both && (single_before || single_after)) {
                out.extend(&chars[start..i]);
            }
            continue;
        }
        out.push(c);
        i += 1;
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_wrapped_lines_and_keeps_paragraphs() {
        let raw = "各级工会结合区域特色，千方百计投入扶贫行动，市教育工会投入65万元用于开展\n教职工志愿服务。\n\n消费扶贫\n\n多年来，市总工会通过组织劳模到贫困地区进行疗休养等方式，打造出消费扶贫新模式。";
        let clean = clean_paste(raw);
        assert!(clean.contains("用于开展教职工志愿服务。"), "{clean}");
        assert!(clean.contains("\n\n消费扶贫\n\n多年来"), "headings stay on their own: {clean}");
    }

    #[test]
    fn does_not_join_headings_onto_a_cut_paragraph() {
        let raw = "朝阳区教育工会开放在线教育云平台，让受援地区能与朝阳区学\n\n劳模扶贫\n\n让贫困群众奋斗有了榜样";
        assert!(clean_paste(raw).contains("朝阳区学\n\n劳模扶贫\n\n"));
        let raw = "无法保证政策、宣传、服务送到扶贫一线的工作要求，影响了帮扶\n\n二、克服疫情影响的建议";
        assert!(clean_paste(raw).contains("帮扶\n\n二、"));
    }

    #[test]
    fn a_line_that_opens_with_a_continuing_mark_goes_on_the_line_before() {
        assert_eq!(
            clean_paste("全年新增就业3200人\n，其中脱贫劳动力1100人。"),
            "全年新增就业3200人，其中脱贫劳动力1100人。"
        );
        assert_eq!(clean_paste("建成车间12个、仓库\n、冷库各2座。"), "建成车间12个、仓库、冷库各2座。");
        assert_eq!(clean_paste("累计投入资金1.2亿元\n）。"), "累计投入资金1.2亿元）。");
        // A line that opens with a word stays its own paragraph after a short line.
        assert_eq!(clean_paste("二、主要做法\n全年新增就业3200人。"), "二、主要做法\n全年新增就业3200人。");
    }

    #[test]
    fn a_phrase_lifted_onto_its_own_line_goes_back_into_its_sentence() {
        let raw = "这三年，我们始终坚持\n共同富裕的目标\n，在帮扶中提高群众收入。";
        assert_eq!(clean_paste(raw), "这三年，我们始终坚持共同富裕的目标，在帮扶中提高群众收入。");
        let raw = "五年来，全县上下大力推进\n产业振兴\n、人才振兴。";
        assert_eq!(clean_paste(raw), "五年来，全县上下大力推进产业振兴、人才振兴。");
        let raw = "我们坚持把群众放在心上，持续推动\n“两不愁三保障”\n，全面落实。";
        assert_eq!(clean_paste(raw), "我们坚持把群众放在心上，持续推动“两不愁三保障”，全面落实。");
        // A title line without a comma stays apart from a short line after it.
        let raw = "巩固脱贫成果\n主要做法\n，一是加强领导。";
        assert!(clean_paste(raw).starts_with("巩固脱贫成果\n"), "{}", clean_paste(raw));
    }

    #[test]
    fn joins_a_figure_broken_by_a_blank_line_mid_sentence() {
        let raw = "仅2019年，就开展了多项扶贫协作项目。西城区总工会援助内蒙古、河北和青海地区6000余万\n\n元；朝阳区总工会援助河北省唐县困难职工30万元。";
        assert!(clean_paste(raw).contains("6000余万元；"));
    }

    #[test]
    fn rows_of_a_table_stay_on_their_own_lines() {
        // The caption, the header and each row: none runs on into the next,
        // though no line ends with a closing mark.
        let raw = "全镇共安排衔接资金2680万元，分项目情况如下\n各项目资金安排统计表\n项目\t资金（万元）\t占比\n\
                   道路硬化\t1200\t0.448\n安全饮水\t880\t0.328\n产业奖补\t600\t0.224\n注：不含社会帮扶资金";
        let clean = clean_paste(raw);
        assert_eq!(clean.lines().count(), 7, "{clean}");
        assert!(clean.contains("\n道路硬化\t1200\t0.448\n安全饮水\t880"), "{clean}");
        // A caption long enough to pass for a wrapped tail is still the table's title.
        let raw = "《实施方案》共安排建设项目86项，总投资规模3.25亿元\n按项目类型划分的建设项目投资规模统计表\n类型\t项目（项）\n道路\t50\n供水\t36";
        assert!(clean_paste(raw).contains("3.25亿元\n按项目类型"), "{}", clean_paste(raw));
        // A tab inside a line of prose is no table row: the wrap is joined.
        let prose = "各级工会结合区域特色，千方百计投入扶贫行动，\t市教育工会投入65万元用于开展\n教职工志愿服务。";
        assert!(clean_paste(prose).contains("用于开展教职工志愿服务。"));
    }

    #[test]
    fn removes_spaces_between_spaced_out_characters_only() {
        assert_eq!(despace("产 业 扶 贫"), "产业扶贫");
        assert_eq!(despace("精准发力 形成工会扶贫有效模式"), "精准发力 形成工会扶贫有效模式");
        assert_eq!(despace("□本报记者 郭某 白某/文"), "□本报记者 郭某 白某/文");
        assert_eq!(despace("装机 100 MW 的电站"), "装机 100 MW 的电站");
        assert_eq!(despace("hello world"), "hello world");
        assert_eq!(despace("白莹/文 孙妍/摄 邵怡明/绘图"), "白莹/文 孙妍/摄 邵怡明/绘图");
    }
}

/// Tone-marked vowels: a pinyin annotation has at least one.
const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";

fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase() || c == 'ü' || TONED.contains(c)
}

/// Removes pinyin reading annotations after characters (會(huì), 戰(zhàn)), also
/// where extraction turned the opening bracket into `?`. Returns the text and
/// the annotations taken out, in order.
pub fn remove_pinyin(line: &str) -> (String, Vec<String>) {
    // Most lines have no bracket and no ? to look at.
    if memchr::memchr2(b'(', b'?', line.as_bytes()).is_none() && !line.contains('（') {
        return (line.to_string(), Vec::new());
    }
    let mut out = String::with_capacity(line.len());
    let mut removed = Vec::new();
    let mut rest = line;
    let mut prev: Option<char> = None;
    while let Some(c) = rest.chars().next() {
        if matches!(c, '(' | '（' | '?') && prev.is_some_and(is_cjk) {
            let inner_start = c.len_utf8();
            let inner: String = rest[inner_start..].chars().take_while(|ch| is_pinyin_letter(*ch)).collect();
            let after = &rest[inner_start + inner.len()..];
            let closes = after.starts_with(')') || after.starts_with('）');
            let n = inner.chars().count();
            if closes && (1..=7).contains(&n) && inner.chars().any(|ch| TONED.contains(ch)) {
                let close_len = after.chars().next().map_or(0, char::len_utf8);
                let total = inner_start + inner.len() + close_len;
                removed.push(rest[..total].to_string());
                rest = &rest[total..];
                continue;
            }
        }
        out.push(c);
        prev = Some(c);
        rest = &rest[c.len_utf8()..];
    }
    (out, removed)
}

#[cfg(test)]
mod pinyin_tests {
    use super::remove_pinyin;

    #[test]
    fn removes_reading_annotations_only() {
        let (t, r) = remove_pinyin("決勝全面建成小康社會(huì)、決戰(zhàn)脫貧攻堅(jiān)之年");
        assert_eq!(t, "決勝全面建成小康社會、決戰脫貧攻堅之年");
        assert_eq!(r, ["(huì)", "(zhàn)", "(jiān)"]);
        let (t, _) = remove_pinyin("不獲全勝?zèng)決不收兵");
        assert_eq!(t, "不獲全勝決不收兵");
        // Brackets with other content stay.
        assert_eq!(remove_pinyin("三年行动计划（2018-2020）").0, "三年行动计划（2018-2020）");
        assert_eq!(remove_pinyin("发展(a)项").0, "发展(a)项");
    }
}
