//! Strings of undo and redo, and of what other tabs of the browser did to the open report:
//! the banners and the conflict dialog. See the scheme in `i18n/mod.rs`.

use super::{pick, Lang};

pub struct Sync {
    // Undo and redo, in the header
    pub undo: &'static str,
    pub undo_hint: &'static str,
    pub redo: &'static str,
    pub redo_hint: &'static str,
    /// The save status while fields are in conflict with another tab.
    pub save_held: &'static str,

    // Banners
    pub other_adopted: &'static str,
    pub other_merged: &'static str,
    pub other_conflicts: &'static str,
    pub other_deleted: &'static str,
    pub other_deleted_kept: &'static str,
    pub other_criteria: &'static str,
    pub other_appendix: &'static str,

    // The conflict dialog
    pub conflict_title: &'static str,
    pub conflict_intro: &'static str,
    pub conflict_field: &'static str,
    pub conflict_mine: &'static str,
    pub conflict_theirs: &'static str,
    pub conflict_choice: &'static str,
    pub conflict_keep_mine: &'static str,
    pub conflict_take_theirs: &'static str,
    pub conflict_keep_all_mine: &'static str,
    pub conflict_take_all_theirs: &'static str,
    /// Stands for an empty value.
    pub conflict_empty: &'static str,
}

pub const VI: Sync = Sync {
    undo: "Hoàn tác",
    undo_hint: "Hoàn tác thay đổi vừa rồi (Ctrl+Z)",
    redo: "Làm lại",
    redo_hint: "Làm lại thay đổi vừa hoàn tác (Ctrl+Y hoặc Ctrl+Shift+Z)",
    save_held: "Chờ chọn giá trị để lưu",

    other_adopted: "Báo cáo này vừa được lưu ở một tab khác; màn hình đã cập nhật theo bản đó.",
    other_merged: "Báo cáo này vừa được lưu ở một tab khác; đã gộp các thay đổi của hai tab.",
    other_conflicts: "Báo cáo này vừa được lưu ở một tab khác; đã gộp các thay đổi, trừ những ô được sửa khác nhau ở hai tab: hãy chọn giá trị cần giữ.",
    other_deleted: "Báo cáo đang mở vừa bị xóa ở một tab khác; đã mở báo cáo khác.",
    other_deleted_kept: "Báo cáo đang mở vừa bị xóa ở một tab khác. Tab này còn thay đổi chưa lưu nên báo cáo được giữ lại và lưu lại.",
    other_criteria: "Bộ tiêu chí đang dùng vừa được đổi ở một tab khác; tab này dùng theo.",
    other_appendix: "Mẫu phụ lục đang dùng vừa được đổi ở một tab khác; tab này dùng theo.",

    conflict_title: "Chọn giá trị cần giữ",
    conflict_intro: "Các ô dưới đây được sửa khác nhau ở tab này và ở một tab khác. Các thay đổi khác đã được gộp. Báo cáo chưa được lưu cho đến khi bạn chọn xong; nếu tab này bị đóng trước đó, số liệu của tab này được lưu thành một báo cáo riêng trong «Báo cáo đã lưu».",
    conflict_field: "Ô / mục",
    conflict_mine: "Trong tab này",
    conflict_theirs: "Ở tab khác",
    conflict_choice: "Giữ",
    conflict_keep_mine: "Giữ của tab này",
    conflict_take_theirs: "Lấy của tab khác",
    conflict_keep_all_mine: "Giữ tất cả của tab này",
    conflict_take_all_theirs: "Lấy tất cả của tab khác",
    conflict_empty: "(trống)",
};

pub const EN: Sync = Sync {
    undo: "Undo",
    undo_hint: "Undo the last change (Ctrl+Z)",
    redo: "Redo",
    redo_hint: "Redo the change just undone (Ctrl+Y or Ctrl+Shift+Z)",
    save_held: "Waiting for your choice to save",

    other_adopted: "This report was just saved in another tab; the screen now shows that copy.",
    other_merged: "This report was just saved in another tab; the changes of both tabs were merged.",
    other_conflicts: "This report was just saved in another tab; the changes were merged, except fields changed differently in the two tabs: choose which value to keep.",
    other_deleted: "The open report was just deleted in another tab; another report is open.",
    other_deleted_kept: "The open report was just deleted in another tab. This tab has unsaved changes in it, so it is kept and saved again.",
    other_criteria: "The criteria set in use was just changed in another tab; this tab follows.",
    other_appendix: "The appendix in use was just changed in another tab; this tab follows.",

    conflict_title: "Choose the values to keep",
    conflict_intro: "The fields below were changed differently in this tab and in another one. Every other change was merged. The report is not saved until you have chosen; if this tab is closed before that, its figures are saved as a report of their own under “Saved reports”.",
    conflict_field: "Field",
    conflict_mine: "In this tab",
    conflict_theirs: "In the other tab",
    conflict_choice: "Keep",
    conflict_keep_mine: "Keep this tab's",
    conflict_take_theirs: "Take the other tab's",
    conflict_keep_all_mine: "Keep all of this tab",
    conflict_take_all_theirs: "Take all of the other tab",
    conflict_empty: "(empty)",
};

pub fn sync(lang: Lang) -> &'static Sync {
    pick(lang, &VI, &EN)
}
