//! Strings of the "Bản in" preview around the printed document: its toolbar and the notes that
//! stay on screen. See the scheme in `i18n/mod.rs`.
//!
//! The printed document itself is not here: it is an official Vietnamese document (Nghị định
//! 30/2020/NĐ-CP) whatever the UI language, and its fixed wording lives with it in
//! `components/print/words.rs`.

use super::{pick, Lang};

pub struct Print {
    pub print_title: &'static str,
    pub print_button: &'static str,
    /// What to choose in the browser's print dialog.
    pub print_dialog_hint: &'static str,
    /// Errors, warnings among the findings of the report.
    pub print_findings: fn(usize, usize) -> String,
    pub print_sample_criteria: &'static str,
    /// Sub-criteria not scored yet.
    pub print_unscored: fn(usize) -> String,
    pub print_no_number: &'static str,
    pub print_document_label: &'static str,
}

pub const VI: Print = Print {
    print_title: "Bản in",
    print_button: "In / Lưu PDF",
    print_dialog_hint:
        "Trong hộp thoại in: chọn máy in hoặc «Lưu dưới dạng PDF», khổ A4, lề «Mặc định», \
                        tỷ lệ 100%, và tắt «Đầu trang và chân trang». Trang ngang của Biểu 06 và \
                        Phụ lục II tự xoay khi in.",
    print_findings: |errors, warnings| match (errors, warnings) {
        (0, w) => format!("Số liệu còn {w} cảnh báo: nên xem lại ở mục Phụ lục trước khi in."),
        (e, 0) => format!("Số liệu còn {e} lỗi: hãy sửa ở mục Phụ lục trước khi in."),
        (e, w) => {
            format!("Số liệu còn {e} lỗi và {w} cảnh báo: hãy sửa ở mục Phụ lục trước khi in.")
        }
    },
    print_sample_criteria: "Đang dùng bộ tiêu chí MẪU: Phụ lục II sẽ in kèm dòng ghi chú «MẪU». \
                            Hãy nạp bộ tiêu chí của tỉnh trước khi in bản chính thức.",
    print_unscored: |n| {
        format!("Còn {n} tiêu chí thành phần chưa chấm: ô điểm để trống trên bản in.")
    },
    print_no_number: "Chưa có số hoặc ngày báo cáo: bản in để trống chỗ đó để văn thư ghi tay.",
    print_document_label: "Xem trước bản in khổ A4",
};

pub const EN: Print = Print {
    print_title: "Print",
    print_button: "Print / Save as PDF",
    print_dialog_hint: "In the print dialog: choose a printer or “Save as PDF”, paper A4, margins \
                        “Default”, scale 100%, and turn off “Headers and footers”. The landscape \
                        pages of Form 06 and Appendix II turn by themselves.",
    print_findings: |errors, warnings| {
        match (errors, warnings) {
        (0, w) => format!("The figures still have {w} warning(s): check the Appendix tab before printing."),
        (e, 0) => format!("The figures still have {e} error(s): fix them in the Appendix tab before printing."),
        (e, w) => format!(
            "The figures still have {e} error(s) and {w} warning(s): fix them in the Appendix tab before printing."
        ),
    }
    },
    print_sample_criteria:
        "The criteria set is a SAMPLE: Appendix II prints a “MẪU” (sample) note. \
                            Load your province's set before printing the official copy.",
    print_unscored: |n| {
        format!("{n} sub-criteria are not scored yet: their score cells print blank.")
    },
    print_no_number:
        "No report number or date yet: the print leaves room for them to be written by hand.",
    print_document_label: "A4 print preview",
};

pub fn print(lang: Lang) -> &'static Print {
    pick(lang, &VI, &EN)
}
