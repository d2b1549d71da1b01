//! The saved-reports list: open, start the next period, and delete only after a confirmation
//! drawn in the page.

use std::cell::RefCell;
use std::rc::Rc;

use crate::support::*;
use phuluc_cchc::app::components::reports::ReportsView;
use phuluc_cchc::core::period::PeriodKind;
use phuluc_cchc::core::report::Report;
use phuluc_cchc::core::text::{Lang, Text};
use phuluc_cchc::state::{BrokenReport, IndexEntry, Shelved};
use wasm_bindgen_test::wasm_bindgen_test;
use yew::prelude::*;

/// What the list asked for, as "action:id".
type Calls = Rc<RefCell<Vec<String>>>;

fn shelved(id: &str, commune: &str, period: PeriodKind, saved_at: Option<f64>) -> Shelved {
    let mut r = Report {
        id: id.into(),
        ..Report::default()
    };
    r.identity.commune = commune.into();
    r.identity.period = period;
    r.identity.year = 2026;
    Shelved {
        report: Rc::new(r),
        saved_at,
    }
}

async fn mount(lang: Lang) -> (web_sys::Element, Calls) {
    let calls = Calls::default();
    let record = |action: &'static str| {
        let calls = calls.clone();
        Callback::from(move |id: String| calls.borrow_mut().push(format!("{action}:{id}")))
    };
    let shelf = Rc::new(vec![
        shelved("a", "Tân Hà", PeriodKind::Q1, Some(js_sys::Date::now())),
        shelved("b", "", PeriodKind::SixMonths, None),
    ]);
    let mut entry = IndexEntry::of(
        &shelved("z", "Đức Thọ", PeriodKind::Year, None).report,
        Some(1.0),
    );
    entry.year = 2025;
    let broken = Rc::new(vec![BrokenReport {
        id: "z".into(),
        entry: Some(entry),
        message: Text::from("Tệp không phải JSON hợp lệ"),
        raw: "{".into(),
        dismissed: true,
    }]);
    let on_new = {
        let calls = calls.clone();
        Callback::from(move |()| calls.borrow_mut().push("new".into()))
    };
    let root = host();
    yew::Renderer::<ReportsView>::with_root_and_props(
        root.clone(),
        yew::props!(phuluc_cchc::app::components::reports::ReportsViewProps {
            shelf,
            broken,
            open_id: "a",
            lang,
            on_open: record("open"),
            on_duplicate: record("duplicate"),
            on_delete: record("delete"),
            on_new,
            on_download_broken: record("download"),
        }),
    )
    .render();
    settle().await;
    (root, calls)
}

#[wasm_bindgen_test]
async fn lists_every_report_with_its_period_and_the_open_one_marked() {
    let (root, _) = mount(Lang::Vi).await;
    assert_eq!(
        text(&root, "[data-report-id='a'] th"),
        "UBND xã Tân Hà — Quý I 2026"
    );
    assert_eq!(
        text(&root, "[data-report-id='b'] th"),
        "(Chưa nhập tên đơn vị) — 6 tháng 2026"
    );
    assert_eq!(
        text(&root, "[data-report-id='z'] th"),
        "UBND xã Đức Thọ — Năm 2025"
    );
    assert_eq!(
        get(&root, "[data-report-id='a']")
            .get_attribute("aria-current")
            .as_deref(),
        Some("true")
    );
    assert!(
        find(&root, "[data-report-id='a'] [data-action='open']").is_none(),
        "already open"
    );
    assert!(text(&root, "[data-report-id='b']").contains("Chưa lưu"));
    assert!(text(&root, "[data-report-id='z']").contains("Không đọc được"));
    let saved = text(&root, "[data-report-id='a'] td");
    assert_eq!(
        digits_as_9(&saved),
        "99/99/9999 99:99",
        "date and time: {saved}"
    );
}

#[wasm_bindgen_test]
async fn open_duplicate_new_and_download_ask_the_root() {
    let (root, calls) = mount(Lang::Vi).await;
    click(&get(&root, "[data-report-id='b'] [data-action='open']"));
    click(&get(
        &root,
        "[data-report-id='a'] [data-action='duplicate']",
    ));
    click(&get(&root, "[data-action='new']"));
    click(&get(&root, "[data-report-id='z'] [data-action='download']"));
    assert_eq!(
        *calls.borrow(),
        vec!["open:b", "duplicate:a", "new", "download:z"]
    );
    let hint = get(&root, "[data-report-id='a'] [data-action='duplicate']")
        .get_attribute("title")
        .unwrap();
    assert!(
        hint.contains("Quý II 2026") && hint.contains("cột (6)"),
        "{hint}"
    );
}

#[wasm_bindgen_test]
async fn delete_asks_first_and_cancel_keeps_the_report() {
    let (root, calls) = mount(Lang::Vi).await;
    click(&get(&root, "[data-report-id='a'] [data-action='delete']"));
    settle().await;
    let dialog = get(&root, "#confirm-delete");
    assert_eq!(dialog.get_attribute("role").as_deref(), Some("dialog"));
    // A readable report goes to the trash, and the dialog says for how long.
    let body = text(&root, "#confirm-delete");
    assert!(
        body.contains(
            "«UBND xã Tân Hà — Quý I 2026» sẽ được chuyển vào mục «Báo cáo đã xóa» và giữ 30 ngày"
        ),
        "{body}"
    );
    assert!(
        calls.borrow().is_empty(),
        "nothing deleted before the confirmation"
    );
    click(&get(&root, "#confirm-delete [data-action='cancel']"));
    settle().await;
    assert!(find(&root, "#confirm-delete").is_none());
    assert!(calls.borrow().is_empty());
}

#[wasm_bindgen_test]
async fn escape_closes_the_confirmation() {
    let (root, calls) = mount(Lang::Vi).await;
    click(&get(&root, "[data-report-id='z'] [data-action='delete']"));
    settle().await;
    press(&get(&root, "#confirm-delete"), "Escape");
    settle().await;
    assert!(find(&root, "#confirm-delete").is_none());
    assert!(calls.borrow().is_empty());
}

#[wasm_bindgen_test]
async fn confirming_deletes_that_report() {
    let (root, calls) = mount(Lang::En).await;
    click(&get(&root, "[data-report-id='b'] [data-action='delete']"));
    settle().await;
    assert_eq!(text(&root, "#confirm-delete-title"), "Delete the report?");
    click(&get(&root, "#confirm-delete [data-action='confirm']"));
    settle().await;
    assert_eq!(*calls.borrow(), vec!["delete:b"]);
    assert!(find(&root, "#confirm-delete").is_none());
}

/// The shape of a text: "05/01/2026 14:32" → "99/99/9999 99:99".
fn digits_as_9(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_digit() { '9' } else { c })
        .collect()
}
