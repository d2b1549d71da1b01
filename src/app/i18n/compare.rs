//! The periods-side-by-side screen (So sánh các kỳ).

use crate::core::text::Lang;

pub struct CompareText {
    pub compare_title: &'static str,
    pub compare_intro: &'static str,
    pub compare_pick: &'static str,
    pub compare_saved: &'static str,
    pub compare_add: &'static str,
    pub compare_remove: &'static str,
    pub compare_none: &'static str,
    pub compare_attached: &'static str,
    pub compare_changes: fn(&str) -> String,
    pub compare_table: &'static str,
    pub compare_print: &'static str,
    pub compare_carry: &'static str,
    pub compare_carry_ok: &'static str,
    pub col_item: &'static str,
    pub col_now: &'static str,
    pub col_before: &'static str,
    pub col_change: &'static str,
    pub col_change_pct: &'static str,
    pub compare_rejected: fn(&str) -> String,
}

pub const VI: CompareText = CompareText {
    compare_title: "So sánh các kỳ",
    compare_intro: "Đặt báo cáo các kỳ trước của cùng đơn vị bên cạnh báo cáo đang mở: mỗi chỉ tiêu có số kỳ trước và mức tăng, giảm; bảng nhiều kỳ (mỗi kỳ một cột) để in.",
    compare_pick: "Thêm báo cáo kỳ trước từ tệp…",
    compare_saved: "Báo cáo đã lưu của đơn vị này",
    compare_add: "Thêm",
    compare_remove: "Bỏ",
    compare_none: "Chưa có báo cáo kỳ trước nào bên cạnh.",
    compare_attached: "Các kỳ đặt cạnh",
    compare_changes: |p| format!("So với kỳ trước ({p})"),
    compare_table: "Bảng số liệu nhiều kỳ",
    compare_print: "In bảng nhiều kỳ",
    compare_carry: "Số chuyển kỳ (6) so với số đang giải quyết (11) kỳ trước",
    compare_carry_ok: "Cột (6) khớp với cột (11) của kỳ trước.",
    col_item: "Chỉ tiêu",
    col_now: "Kỳ này",
    col_before: "Kỳ trước",
    col_change: "Tăng, giảm",
    col_change_pct: "Tăng, giảm (%)",
    compare_rejected: |f| format!("Không đặt cạnh được «{f}»:"),
};

pub const EN: CompareText = CompareText {
    compare_title: "Periods side by side",
    compare_intro: "Set earlier reports of the same unit beside the open one: every figure gets the previous period's value and the change; a table with one column per period, to print.",
    compare_pick: "Add an earlier report from a file…",
    compare_saved: "Saved reports of this unit",
    compare_add: "Add",
    compare_remove: "Remove",
    compare_none: "No earlier report is attached yet.",
    compare_attached: "Attached periods",
    compare_changes: |p| format!("Against the previous period ({p})"),
    compare_table: "Multi-period table",
    compare_print: "Print the multi-period table",
    compare_carry: "Carried over (6) against the previous period's pending (11)",
    compare_carry_ok: "Column (6) agrees with column (11) of the previous period.",
    col_item: "Figure",
    col_now: "This period",
    col_before: "Previous",
    col_change: "Change",
    col_change_pct: "Change (%)",
    compare_rejected: |f| format!("Cannot attach “{f}”:"),
};

pub fn compare(lang: Lang) -> &'static CompareText {
    super::pick(lang, &VI, &EN)
}
