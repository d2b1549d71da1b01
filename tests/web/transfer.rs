//! Import and export controls: the preview an import waits in, the message of a refused file,
//! and the page as a drop target.

use std::cell::RefCell;
use std::rc::Rc;

use crate::support::*;
use phuluc_cchc::app::components::banner::{Notices, NoticesProps};
use phuluc_cchc::app::components::transfer::{
    DropTarget, DropTargetProps, ImportPreview, ImportPreviewProps,
};
use phuluc_cchc::core::edit::Edit;
use phuluc_cchc::core::exchange::{self, ImportError};
use phuluc_cchc::core::period::PeriodKind;
use phuluc_cchc::core::report::Report;
use phuluc_cchc::core::text::Lang;
use phuluc_cchc::core::workspace::Templates;
use phuluc_cchc::state::notices::Notice;
use phuluc_cchc::state::IndexEntry;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use yew::prelude::*;

fn incoming(templates: &Templates) -> Report {
    let mut r = templates.new_report("r-1");
    r.identity.commune = "Tân Hà".into();
    r.identity.period = PeriodKind::SixMonths;
    r.identity.year = 2026;
    r.apply(Edit::Value {
        cell: "hs_ho_tich.c4".into(),
        raw: "120".into(),
    });
    r.apply(Edit::Value {
        cell: "hs_ho_tich.c5".into(),
        raw: "30".into(),
    });
    r
}

async fn preview(
    replaces: Option<IndexEntry>,
    replaces_open: bool,
) -> (web_sys::Element, Rc<RefCell<Vec<&'static str>>>) {
    let templates = Rc::new(Templates::builtin().unwrap());
    let report = Rc::new(incoming(&templates));
    let calls = Rc::new(RefCell::new(Vec::new()));
    let record = |what: &'static str| {
        let calls = calls.clone();
        Callback::from(move |()| calls.borrow_mut().push(what))
    };
    let root = host();
    let props = ImportPreviewProps {
        templates,
        incoming: report,
        notes: Default::default(),
        replaces,
        replaces_open,
        lang: Lang::Vi,
        on_confirm: record("confirm"),
        on_cancel: record("cancel"),
    };
    yew::Renderer::<ImportPreview>::with_root_and_props(root.clone(), props).render();
    settle().await;
    (root, calls)
}

#[wasm_bindgen_test]
async fn the_preview_says_what_the_file_holds_and_that_it_is_added() {
    let (root, calls) = preview(None, false).await;
    assert_eq!(text(&root, "[data-fact='unit']"), "UBND xã Tân Hà");
    assert_eq!(text(&root, "[data-fact='period']"), "6 tháng 2026");
    assert_eq!(text(&root, "[data-fact='cells']"), "2");
    let scored = text(&root, "[data-fact='scored']");
    assert!(scored.contains('/'), "scored/all: {scored}");
    assert_eq!(
        get(&root, "[data-outcome]")
            .get_attribute("data-outcome")
            .as_deref(),
        Some("add")
    );
    assert_eq!(text(&root, "[data-action='confirm']"), "Thêm báo cáo");
    click(&get(&root, "[data-action='confirm']"));
    click(&get(&root, "[data-action='cancel']"));
    assert_eq!(*calls.borrow(), vec!["confirm", "cancel"]);
}

#[wasm_bindgen_test]
async fn the_preview_names_the_report_it_would_replace() {
    let templates = Templates::builtin().unwrap();
    let old = IndexEntry::of(&incoming(&templates), Some(1.0));
    let (root, _) = preview(Some(old), true).await;
    let outcome = text(&root, "[data-outcome='replace']");
    assert!(
        outcome.contains("thay thế báo cáo đã lưu cùng mã «UBND xã Tân Hà — 6 tháng 2026»"),
        "{outcome}"
    );
    assert!(outcome.contains("báo cáo đang mở"), "{outcome}");
    assert_eq!(text(&root, "[data-action='confirm']"), "Thay thế báo cáo");
}

#[wasm_bindgen_test]
async fn a_refused_file_is_named_with_the_cores_reason() {
    let reason = exchange::import("{\"hello\": 1}").unwrap_err();
    assert_eq!(reason, ImportError::NotOurs);
    let dismissed = Rc::new(RefCell::new(false));
    let props = NoticesProps {
        lang: Lang::Vi,
        notices: Rc::new(vec![Notice::Rejected {
            file: "khac.json".into(),
            message: reason.message(),
        }]),
        on_download_broken: Callback::noop(),
        on_dismiss_broken: Callback::noop(),
        on_dismiss_rejected: {
            let dismissed = dismissed.clone();
            Callback::from(move |()| *dismissed.borrow_mut() = true)
        },
        on_dismiss_criteria: Callback::noop(),
        on_adopt: Callback::noop(),
        on_dismiss_appendix: Callback::noop(),
        on_reload: Callback::noop(),
        on_dismiss_other_tab: Callback::noop(),
    };
    let root = host();
    yew::Renderer::<Notices>::with_root_and_props(root.clone(), props).render();
    settle().await;
    assert_eq!(
        get(&root, ".banner").get_attribute("role").as_deref(),
        Some("alert")
    );
    assert!(text(&root, ".banner")
        .contains("Không nhập được tệp «khac.json». Báo cáo đang mở không thay đổi."));
    assert_eq!(text(&root, "[data-import-error]"), reason.message().vi);
    click(&get(&root, ".banner button"));
    assert!(*dismissed.borrow());
}

#[wasm_bindgen_test]
async fn dragging_a_file_over_the_page_invites_a_drop_and_the_drop_hands_over_the_file() {
    let dropped = Rc::new(RefCell::new(Vec::new()));
    let on_file = {
        let dropped = dropped.clone();
        Callback::from(move |f: web_sys::File| dropped.borrow_mut().push(f.name()))
    };
    let root = host();
    let props = DropTargetProps {
        lang: Lang::Vi,
        on_file,
        children: html! { <p id="inside">{ "nội dung" }</p> },
    };
    yew::Renderer::<DropTarget>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let transfer: web_sys::DataTransfer = js_sys::eval(
        "(() => { const dt = new DataTransfer(); dt.items.add(new File(['{}'], 'baocao.json')); return dt; })()",
    )
    .unwrap()
    .unchecked_into();
    let inside = get(&root, "#inside");
    dispatch(
        &inside,
        &event(
            "DragEvent",
            "dragover",
            &[
                ("dataTransfer", transfer.clone().into()),
                ("cancelable", true.into()),
            ],
        ),
    );
    settle().await;
    assert!(text(&root, ".drop-overlay").contains("Thả tệp JSON vào đây"));
    dispatch(
        &inside,
        &event(
            "DragEvent",
            "drop",
            &[
                ("dataTransfer", transfer.into()),
                ("cancelable", true.into()),
            ],
        ),
    );
    settle().await;
    assert!(find(&root, ".drop-overlay").is_none());
    assert_eq!(*dropped.borrow(), vec!["baocao.json"]);
}
