//! Strings of the office files: the Excel and Word downloads and the import of figures from a
//! sheet, with its preview. See the scheme in `i18n/mod.rs`.

use super::{pick, Lang};

pub struct Office {
    pub office_xlsx: &'static str,
    pub office_xlsx_hint: &'static str,
    pub office_docx: &'static str,
    pub office_docx_hint: &'static str,
    pub office_import: &'static str,
    pub office_import_hint: &'static str,
    /// Shown while the worker makes or reads a file.
    pub office_busy: &'static str,
    pub office_failed: &'static str,
    pub office_preview_title: &'static str,
    /// File name, cells that change.
    pub office_preview_intro: fn(&str, usize) -> String,
    /// Cells the file holds with the value already in the report.
    pub office_unchanged: fn(usize) -> String,
    pub office_nothing: &'static str,
    pub office_col_cell: &'static str,
    pub office_col_old: &'static str,
    pub office_col_new: &'static str,
    pub office_col_source: &'static str,
    pub office_unrecognised: fn(usize) -> String,
    pub office_apply: &'static str,
    pub office_cancel: &'static str,
    /// Cells written by the last import.
    pub office_applied: fn(usize) -> String,
    pub office_undo: &'static str,
    pub office_empty: &'static str,
}

pub const VI: Office = Office {
    office_xlsx: "Tải Excel (.xlsx)",
    office_xlsx_hint: "Phụ lục I, Biểu 06 và Phụ lục II trong một tệp Excel, công thức tự tính lại",
    office_docx: "Tải Word (.docx)",
    office_docx_hint: "Báo cáo và hai phụ lục như bản in, sửa được trong Word",
    office_import: "Nhập số liệu từ Excel",
    office_import_hint:
        "Đọc tệp .xlsx hoặc .csv (ví dụ Biểu 06 xuất từ hệ thống một cửa), xem trước rồi mới ghi",
    office_busy: "Đang xử lý tệp…",
    office_failed: "Không xử lý được tệp",
    office_preview_title: "Nhập số liệu từ Excel",
    office_preview_intro: |file, n| format!("Tệp «{file}»: {n} ô sẽ được ghi như sau."),
    office_unchanged: |n| format!("{n} ô trong tệp trùng với số liệu đã có, giữ nguyên."),
    office_nothing: "Không có ô nào thay đổi.",
    office_col_cell: "Ô của phụ lục",
    office_col_old: "Đang có",
    office_col_new: "Từ tệp",
    office_col_source: "Vị trí trong tệp",
    office_unrecognised: |n| format!("Không nhận ra ({n}), không ghi:"),
    office_apply: "Ghi vào báo cáo",
    office_cancel: "Hủy",
    office_applied: |n| format!("Đã ghi {n} ô từ tệp Excel."),
    office_undo: "Hoàn tác lần nhập này",
    office_empty: "(trống)",
};

pub const EN: Office = Office {
    office_xlsx: "Download Excel (.xlsx)",
    office_xlsx_hint: "Appendix I, Form 06 and Appendix II in one Excel file, with live formulas",
    office_docx: "Download Word (.docx)",
    office_docx_hint: "The report and both appendices as printed, editable in Word",
    office_import: "Import figures from Excel",
    office_import_hint: "Reads an .xlsx or .csv file (such as Form 06 exported by the one-stop system), previews, then writes",
    office_busy: "Working on the file…",
    office_failed: "The file could not be processed",
    office_preview_title: "Import figures from Excel",
    office_preview_intro: |file, n| format!("File “{file}”: {n} cells will be written as follows."),
    office_unchanged: |n| format!("{n} cells in the file equal the figures already there and stay."),
    office_nothing: "No cell changes.",
    office_col_cell: "Appendix cell",
    office_col_old: "Now",
    office_col_new: "From the file",
    office_col_source: "Place in the file",
    office_unrecognised: |n| format!("Not recognised ({n}), not written:"),
    office_apply: "Write into the report",
    office_cancel: "Cancel",
    office_applied: |n| format!("{n} cells written from the Excel file."),
    office_undo: "Undo this import",
    office_empty: "(empty)",
};

pub fn office(lang: Lang) -> &'static Office {
    pick(lang, &VI, &EN)
}
