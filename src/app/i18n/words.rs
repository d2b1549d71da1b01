//! Strings of the "Lời văn" screen: the drafted narrative and the proofreading of pasted text.
//! See the scheme in `i18n/mod.rs`. The narrative itself and the proofreader's messages come
//! from the core (Vietnamese text of the report; `Text` messages).

use super::{pick, Lang};

pub struct Words {
    pub words_title: &'static str,
    pub narrative_title: &'static str,
    pub narrative_hint: &'static str,
    pub narrative_empty: &'static str,
    /// Which earlier report the changes are against, by its period.
    pub narrative_against: fn(&str) -> String,
    pub narrative_no_previous: &'static str,
    pub narrative_edited: &'static str,
    pub narrative_reset: &'static str,
    /// Label of a paragraph's text box, with its heading.
    pub narrative_label: fn(&str) -> String,
    pub proof_title: &'static str,
    pub proof_hint: &'static str,
    pub proof_input_label: &'static str,
    pub proof_button: &'static str,
    pub proof_clear: &'static str,
    /// Statements read, right, errors, notes.
    pub proof_counts: fn(usize, usize, usize, usize) -> String,
    pub proof_none: &'static str,
    pub proof_error: &'static str,
    pub proof_note: &'static str,
    pub proof_correct: &'static str,
    pub proof_leniency: &'static str,
    pub proof_result_label: &'static str,
}

pub const VI: Words = Words {
    words_title: "Lời văn báo cáo",
    narrative_title: "Phần lời văn soạn từ số liệu",
    narrative_hint: "Các câu dưới đây được soạn từ số liệu của phụ lục và là phần nội dung của báo cáo in trước các phụ lục. Có thể sửa lời tùy ý: các số lấy từ ô vẫn gắn với ô và tự cập nhật khi số liệu thay đổi; số nào sửa tay khác với phụ lục sẽ được báo.",
    narrative_empty: "Chưa có số liệu để soạn lời văn. Hãy nhập số liệu ở mục Phụ lục số liệu.",
    narrative_against: |p| format!("Các câu \u{201c}tăng/giảm … so với\u{201d} so sánh với báo cáo {p} của cùng đơn vị (chọn báo cáo khác ở thẻ So sánh các kỳ)."),
    narrative_no_previous: "Chưa có báo cáo kỳ trước của đơn vị này nên lời văn chưa so sánh với cùng kỳ. Thêm báo cáo kỳ trước ở thẻ So sánh các kỳ.",
    narrative_edited: "Đã sửa tay",
    narrative_reset: "Trở về câu soạn tự động",
    narrative_label: |h| format!("Lời văn mục {h}"),
    proof_title: "Soát số liệu trong văn bản",
    proof_hint: "Dán nội dung báo cáo (sao chép từ Word). Ứng dụng tìm các câu có số liệu (a/b, tỷ lệ %, tổng và các phần, tăng/giảm so với cùng kỳ), tính lại và đánh dấu những chỗ sai; nếu câu nói về số liệu có trong phụ lục đang mở thì cũng so với phụ lục.",
    proof_input_label: "Nội dung cần soát",
    proof_button: "Soát số liệu",
    proof_clear: "Xóa",
    proof_counts: |n, ok, e, w| {
        format!("Đọc được {n} câu số liệu: {ok} đúng, {e} sai, {w} cần lưu ý.")
    },
    proof_none: "Không tìm thấy câu số liệu nào có thể tính lại.",
    proof_error: "Sai",
    proof_note: "Lưu ý",
    proof_correct: "Giá trị đúng:",
    proof_leniency: "Làm tròn được xét châm chước: viết một chữ số thập phân hoặc cắt bớt chữ số chỉ là «lưu ý»; sai số thực sự mới là «sai».",
    proof_result_label: "Văn bản đã soát, các chỗ sai được tô màu",
};

pub const EN: Words = Words {
    words_title: "Report text",
    narrative_title: "Narrative drafted from the figures",
    narrative_hint: "The sentences below are drafted from the appendix figures and form the body of the printed report, before the appendices. Edit the words freely: numbers taken from cells stay tied to them and follow the figures; a number edited by hand that differs from the appendix is flagged.",
    narrative_empty: "No figures to draft from yet. Enter them in the Appendix tab.",
    narrative_against: |p| format!("Changes (\u{201c}up/down … against\u{201d}) are against this unit's report for {p} (choose another in the Compare periods tab)."),
    narrative_no_previous: "There is no earlier report of this unit, so the text does not compare with the same period last year. Add one in the Compare periods tab.",
    narrative_edited: "Edited by hand",
    narrative_reset: "Back to the drafted sentences",
    narrative_label: |h| format!("Text of section {h}"),
    proof_title: "Proofread the figures in a text",
    proof_hint: "Paste the report's text (copied from Word). The app finds the sentences with figures (a/b, percentages, totals and parts, rises and falls), recomputes them and marks what is wrong; where a sentence gives a figure of the open report's appendix, it is compared with it too.",
    proof_input_label: "Text to proofread",
    proof_button: "Proofread",
    proof_clear: "Clear",
    proof_counts: |n, ok, e, w| {
        format!("{n} statements with figures read: {ok} right, {e} wrong, {w} to note.")
    },
    proof_none: "No statement with figures that can be recomputed was found.",
    proof_error: "Wrong",
    proof_note: "Note",
    proof_correct: "Correct value:",
    proof_leniency: "Rounding is judged leniently: one decimal, or digits cut instead of rounded, is only a note; a real difference is an error.",
    proof_result_label: "The proofread text, with the wrong figures marked",
};

pub fn words(lang: Lang) -> &'static Words {
    pick(lang, &VI, &EN)
}
