//! The identity screen ("Thông tin báo cáo"): every field edits the report, the decree's data
//! window is stated and can be overridden and restored, and period findings show at their field.

use std::rc::Rc;

use crate::support::*;
use phuluc_cchc::app::components::identity::IdentityView;
use phuluc_cchc::core::period::PeriodKind;
use phuluc_cchc::core::report::{CommuneKind, Report};
use phuluc_cchc::core::text::Lang;
use phuluc_cchc::core::workspace::{evaluate, Templates};
use wasm_bindgen_test::wasm_bindgen_test;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
struct HolderProps {
    /// Where the holder publishes the report after each edit, for the test to read.
    seen: Rc<std::cell::RefCell<Report>>,
    lang: Lang,
}

/// The root's part: applies each edit to the report and evaluates it.
#[function_component(Holder)]
fn holder(props: &HolderProps) -> Html {
    let templates = use_memo((), |_| Templates::builtin().unwrap());
    let report = use_state(|| {
        let mut r = templates.new_report("r");
        r.identity.year = 2026;
        Rc::new(r)
    });
    *props.seen.borrow_mut() = (**report).clone();
    let eval = Rc::new(evaluate(&templates, &report));
    let on_edit = {
        let report = report.clone();
        Callback::from(move |edit| {
            let mut next = (**report).clone();
            next.apply(edit);
            report.set(Rc::new(next));
        })
    };
    html! { <IdentityView templates={templates.clone()} report={(*report).clone()} {eval} lang={props.lang} {on_edit} /> }
}

async fn mount(lang: Lang) -> (web_sys::Element, Rc<std::cell::RefCell<Report>>) {
    let root = host();
    let seen = Rc::new(std::cell::RefCell::new(Report::default()));
    yew::Renderer::<Holder>::with_root_and_props(
        root.clone(),
        HolderProps {
            seen: seen.clone(),
            lang,
        },
    )
    .render();
    settle().await;
    (root, seen)
}

#[wasm_bindgen_test]
async fn every_control_has_a_label() {
    let (root, _) = mount(Lang::Vi).await;
    let controls = all(&root, "input, select, textarea");
    assert_eq!(controls.len(), 14);
    for control in controls {
        let id = control.id();
        assert!(
            find(&root, &format!("label[for='{id}']")).is_some(),
            "no <label for='{id}'>"
        );
    }
}

#[wasm_bindgen_test]
async fn typed_fields_reach_the_report() {
    let (root, seen) = mount(Lang::Vi).await;
    choose(&get(&root, "#identity-commune-kind"), "phuong");
    for (id, typed) in [
        ("#identity-commune", "Tân Hà"),
        ("#identity-province", "Lâm Đồng"),
        ("#identity-number", "15/BC-UBND"),
        ("#identity-place", "Lâm Hà"),
        ("#identity-signer", "Nguyễn Văn A"),
        ("#identity-signer-title", "PHÓ CHỦ TỊCH"),
        ("#identity-recipients", "- Sở Nội vụ;\n- Lưu: VT."),
    ] {
        type_text(&get(&root, id), typed);
        settle().await;
    }
    type_text(&get(&root, "#identity-date"), "2026-06-20");
    settle().await;
    let id = seen.borrow().identity.clone();
    assert_eq!(id.commune_kind, CommuneKind::Phuong);
    assert_eq!(
        (
            id.commune.as_str(),
            id.province.as_str(),
            id.number.as_str()
        ),
        ("Tân Hà", "Lâm Đồng", "15/BC-UBND")
    );
    assert_eq!(
        (
            id.place.as_str(),
            id.signer.as_str(),
            id.signer_title.as_str()
        ),
        ("Lâm Hà", "Nguyễn Văn A", "PHÓ CHỦ TỊCH")
    );
    assert_eq!(id.recipients, "- Sở Nội vụ;\n- Lưu: VT.");
    assert_eq!(id.date, chrono::NaiveDate::from_ymd_opt(2026, 6, 20));
}

#[wasm_bindgen_test]
async fn the_receiving_body_suggests_the_provinces_department() {
    let (root, seen) = mount(Lang::Vi).await;
    let field = get(&root, "#identity-receiving-body");
    assert_eq!(
        field.get_attribute("placeholder").as_deref(),
        Some("Sở Nội vụ")
    );
    type_text(&get(&root, "#identity-province"), "Lâm Đồng");
    settle().await;
    assert_eq!(
        field.get_attribute("placeholder").as_deref(),
        Some("Sở Nội vụ tỉnh Lâm Đồng")
    );
    assert_eq!(
        seen.borrow().identity.receiving_body,
        "",
        "a suggestion, not a value"
    );
}

#[wasm_bindgen_test]
async fn the_period_prefills_the_decrees_window_and_says_so() {
    let (root, seen) = mount(Lang::Vi).await;
    choose(&get(&root, "#identity-period"), "quy1");
    settle().await;
    assert_eq!(seen.borrow().identity.period, PeriodKind::Q1);
    assert_eq!(value(&get(&root, "#identity-from")), "2025-12-15");
    assert_eq!(value(&get(&root, "#identity-to")), "2026-03-14");
    assert_eq!(
        text(&root, "#identity-window-rule"),
        "Theo Nghị định 09/2019/NĐ-CP: từ 15/12/2025 đến 14/03/2026."
    );
    assert!(
        find(&root, "[data-window-reset]").is_none(),
        "nothing to reset"
    );
    choose(&get(&root, "#identity-year"), "2025");
    settle().await;
    assert_eq!(value(&get(&root, "#identity-to")), "2025-03-14");
}

#[wasm_bindgen_test]
async fn an_own_date_can_be_returned_to_the_rule() {
    let (root, seen) = mount(Lang::Vi).await;
    choose(&get(&root, "#identity-period"), "6thang");
    settle().await;
    type_text(&get(&root, "#identity-to"), "2026-06-30");
    settle().await;
    assert_eq!(
        seen.borrow().identity.to,
        chrono::NaiveDate::from_ymd_opt(2026, 6, 30)
    );
    assert!(text(&root, "#identity-window-rule").contains("Đang dùng ngày tự nhập."));
    click(&get(&root, "[data-window-reset]"));
    settle().await;
    assert_eq!(
        (seen.borrow().identity.from, seen.borrow().identity.to),
        (None, None)
    );
    assert_eq!(value(&get(&root, "#identity-to")), "2026-06-14");
    assert!(find(&root, "[data-window-reset]").is_none());
}

#[wasm_bindgen_test]
async fn period_findings_show_at_their_field() {
    let (root, _) = mount(Lang::Vi).await;
    choose(&get(&root, "#identity-period"), "quy2");
    settle().await;
    type_text(&get(&root, "#identity-to"), "2026-03-01");
    settle().await;
    let findings = text(&root, "#identity-to-findings");
    assert!(findings.contains("Kỳ số liệu bị đảo"), "{findings}");
    assert_eq!(
        get(&root, "#identity-to")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert!(get(&root, "#identity-to")
        .get_attribute("aria-describedby")
        .unwrap()
        .contains("identity-to-findings"));
    type_text(&get(&root, "#identity-date"), "2026-01-05");
    settle().await;
    type_text(&get(&root, "#identity-to"), "2026-06-14");
    settle().await;
    assert!(find(&root, "#identity-to-findings").is_none());
    assert!(text(&root, "#identity-date-findings").contains("sớm hơn ngày kết thúc kỳ số liệu"));
}

#[wasm_bindgen_test]
async fn english_labels_when_the_ui_is_in_english() {
    let (root, _) = mount(Lang::En).await;
    assert_eq!(
        text(&root, "label[for='identity-commune']"),
        "Name of the unit"
    );
    let period = get(&root, "#identity-period");
    assert!(period.text_content().unwrap().contains("Quarter 1"));
}
