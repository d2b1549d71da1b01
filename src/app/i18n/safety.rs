//! Strings of the safeguards: the trash of deleted reports, the note that offline use is not
//! available in this browser, and what an import could not keep.

use super::Lang;

pub struct Safety {
    pub trash_title: &'static str,
    /// How long deleted reports are kept, in days.
    pub trash_kept: fn(u32) -> String,
    pub trash_deleted: &'static str,
    pub trash_empty: &'static str,
    pub trash_restore: &'static str,
    /// The restore button's hint: the report's name.
    pub trash_restore_hint: fn(&str) -> String,
    pub trash_purge: &'static str,
    /// The deleted time and until when it is kept: dates already written out.
    pub trash_when: fn(&str, &str) -> String,
    /// The confirmation before moving a report to the trash: its name, the days kept.
    pub delete_to_trash_body: fn(&str, u32) -> String,
    pub purge_title: &'static str,
    pub purge_body: fn(&str) -> String,
    pub offline_unavailable: &'static str,
    pub import_notes: &'static str,
}

pub const VI: Safety = Safety {
    trash_title: "Báo cáo đã xóa",
    trash_kept: |days| format!("Báo cáo đã xóa được giữ {days} ngày, sau đó tự xóa hẳn. Trong thời gian đó có thể khôi phục."),
    trash_deleted: "Đã xóa lúc",
    trash_empty: "Không có báo cáo nào vừa xóa.",
    trash_restore: "Khôi phục",
    trash_restore_hint: |name| format!("Đưa «{name}» trở lại danh sách báo cáo đã lưu."),
    trash_purge: "Xóa hẳn",
    trash_when: |at, until| format!("{at} (giữ đến {until})"),
    delete_to_trash_body: |name, days| format!("Báo cáo «{name}» sẽ được chuyển vào mục «Báo cáo đã xóa» và giữ {days} ngày; trong thời gian đó có thể khôi phục."),
    purge_title: "Xóa hẳn báo cáo?",
    purge_body: |name| format!("Báo cáo «{name}» sẽ bị xóa hẳn khỏi trình duyệt này và không thể khôi phục. Nếu cần giữ lại, hãy khôi phục rồi xuất JSON trước."),
    offline_unavailable: "Trình duyệt này không cho ứng dụng chạy khi mất mạng, nên cần có mạng mỗi lần mở ứng dụng. Số liệu vẫn được lưu trong trình duyệt như bình thường.",
    import_notes: "Tệp có những phần báo cáo không giữ lại được:",
};

pub const EN: Safety = Safety {
    trash_title: "Deleted reports",
    trash_kept: |days| format!("Deleted reports are kept for {days} days, then removed for good. Until then they can be restored."),
    trash_deleted: "Deleted at",
    trash_empty: "No report was deleted recently.",
    trash_restore: "Restore",
    trash_restore_hint: |name| format!("Put “{name}” back among the saved reports."),
    trash_purge: "Delete for good",
    trash_when: |at, until| format!("{at} (kept until {until})"),
    delete_to_trash_body: |name, days| format!("The report “{name}” will be moved to “Deleted reports” and kept for {days} days; until then it can be restored."),
    purge_title: "Delete the report for good?",
    purge_body: |name| format!("The report “{name}” will be removed from this browser for good. To keep it, restore it and export JSON first."),
    offline_unavailable: "This browser does not let the app work without a network, so a connection is needed each time the app is opened. Data is still saved in the browser as usual.",
    import_notes: "The file holds things the report cannot keep:",
};

pub fn safety(lang: Lang) -> &'static Safety {
    super::pick(lang, &VI, &EN)
}
