//! Component tests of the report's sheets in headless Chromium (wasm-bindgen-test). Each test
//! mounts a sheet inside a tiny root that holds the report as the app's root does (a reducer
//! applying `Edit`s), types or presses keys with real DOM events, and reads the DOM back.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use phuluc_cchc::app::components::appendix::AppendixView;
use phuluc_cchc::app::components::scoring::ScoringView;
use phuluc_cchc::app::components::summary::SummaryView;
use phuluc_cchc::core::edit::Edit;
use phuluc_cchc::core::report::Report;
use phuluc_cchc::core::text::Lang;
use phuluc_cchc::core::workspace::{evaluate, Templates};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, Event, HtmlElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Clone, Copy, PartialEq)]
enum View {
    Appendix,
    Scoring,
    Summary,
}

#[derive(Properties, PartialEq)]
struct HarnessProps {
    view: View,
    report: Rc<Report>,
}

struct ReportState(Rc<Report>);

impl Reducible for ReportState {
    type Action = Edit;

    fn reduce(self: Rc<Self>, edit: Edit) -> Rc<Self> {
        let mut report = (*self.0).clone();
        report.apply(edit);
        Rc::new(ReportState(Rc::new(report)))
    }
}

thread_local! {
    /// The report as last rendered, for assertions on what the edits did.
    static LAST: RefCell<Option<Rc<Report>>> = const { RefCell::new(None) };
    /// The root's edit callback, for changes that come from elsewhere (an import, an undo).
    static EDIT: RefCell<Option<Callback<Edit>>> = const { RefCell::new(None) };
}

fn last_report() -> Rc<Report> {
    LAST.with(|l| l.borrow().clone()).expect("rendered")
}

async fn edit_from_elsewhere(edit: Edit) {
    EDIT.with(|cb| cb.borrow().clone())
        .expect("rendered")
        .emit(edit);
    settle().await;
}

#[function_component]
fn Harness(props: &HarnessProps) -> Html {
    let templates = use_memo((), |_| Templates::builtin().expect("built-in templates"));
    let state = {
        let report = props.report.clone();
        use_reducer(move || ReportState(report))
    };
    let report = state.0.clone();
    LAST.with(|l| *l.borrow_mut() = Some(report.clone()));
    let eval = Rc::new(evaluate(&templates, &report));
    let on_edit = Callback::from(move |e: Edit| state.dispatch(e));
    EDIT.with(|cb| *cb.borrow_mut() = Some(on_edit.clone()));
    let lang = Lang::Vi;
    match props.view {
        View::Appendix => {
            html! { <AppendixView templates={templates} report={report} eval={eval} lang={lang} on_edit={on_edit} /> }
        }
        View::Scoring => {
            html! { <ScoringView templates={templates} report={report} eval={eval} lang={lang} on_edit={on_edit} /> }
        }
        View::Summary => {
            html! { <SummaryView templates={templates} report={report} eval={eval} lang={lang} on_edit={on_edit} /> }
        }
    }
}

/// A mounted sheet; unmounted and removed when dropped, so ids never repeat between tests.
struct Mounted {
    handle: Option<yew::AppHandle<Harness>>,
    root: Element,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
    }
}

impl Mounted {
    fn get(&self, selector: &str) -> Element {
        self.root
            .query_selector(selector)
            .expect("valid selector")
            .unwrap_or_else(|| panic!("no element {selector}"))
    }

    fn has(&self, selector: &str) -> bool {
        self.root
            .query_selector(selector)
            .expect("valid selector")
            .is_some()
    }

    fn input(&self, cell: &str) -> HtmlInputElement {
        self.get(&format!("[data-cell=\"{cell}\"]"))
            .dyn_into()
            .expect("an <input>")
    }

    fn text(&self, selector: &str) -> String {
        self.get(selector).text_content().unwrap_or_default()
    }
}

async fn mount(view: View, report: Report) -> Mounted {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<Harness>::with_root_and_props(
        root.clone(),
        HarnessProps {
            view,
            report: Rc::new(report),
        },
    )
    .render();
    settle().await;
    Mounted {
        handle: Some(handle),
        root,
    }
}

fn blank_report() -> Report {
    Templates::builtin().unwrap().new_report("test")
}

/// Waits until Yew has rendered what the last event changed. It renders after the event, but
/// yields to the browser every 16 ms, which a debug build of a 200-cell sheet exceeds: so wait
/// for the page to stay the same for one 20 ms turn (effects run right after their render).
async fn settle() {
    let body = gloo::utils::body();
    let mut before = String::new();
    for _ in 0..100 {
        yew::platform::time::sleep(Duration::from_millis(20)).await;
        let now = body.inner_html();
        if now == before {
            return;
        }
        before = now;
    }
    panic!("the page kept changing for 2 s");
}

/// A DOM event built like a browser's (`new InputEvent("input", {bubbles: true, …})`), so it
/// reaches Yew's listener at the root as a real one does.
fn event(constructor: &str, kind: &str, init: &[(&str, JsValue)]) -> Event {
    let ctor: js_sys::Function = js_sys::Reflect::get(&js_sys::global(), &constructor.into())
        .unwrap()
        .unchecked_into();
    let dict = js_sys::Object::new();
    for (k, v) in [("bubbles", JsValue::TRUE), ("cancelable", JsValue::TRUE)]
        .iter()
        .chain(init)
    {
        js_sys::Reflect::set(&dict, &(*k).into(), v).unwrap();
    }
    js_sys::Reflect::construct(&ctor, &js_sys::Array::of2(&kind.into(), &dict))
        .unwrap()
        .unchecked_into()
}

async fn type_into(input: &HtmlInputElement, text: &str) {
    input.focus().unwrap();
    input.set_value(text);
    input
        .dispatch_event(&event(
            "InputEvent",
            "input",
            &[("inputType", "insertText".into())],
        ))
        .unwrap();
    settle().await;
}

async fn choose(select: &HtmlSelectElement, value: &str) {
    select.set_value(value);
    select
        .dispatch_event(&event("Event", "change", &[]))
        .unwrap();
    settle().await;
}

async fn press(target: &Element, key: &str, shift: bool) {
    target
        .dispatch_event(&event(
            "KeyboardEvent",
            "keydown",
            &[("key", key.into()), ("shiftKey", shift.into())],
        ))
        .unwrap();
    settle().await;
}

async fn click(el: &Element) {
    el.unchecked_ref::<HtmlElement>().click();
    settle().await;
}

fn has_class(el: &Element, class: &str) -> bool {
    el.get_attribute("class")
        .is_some_and(|c| c.split_whitespace().any(|c| c == class))
}

fn focused_cell() -> String {
    gloo::utils::document()
        .active_element()
        .and_then(|e| e.get_attribute("data-cell"))
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_derived_cell_follows_what_is_typed() {
    let sheet = mount(View::Appendix, blank_report()).await;
    assert_eq!(sheet.text("#cell-hs_tong__c3"), "—", "nothing typed yet");
    // Seed 000: 1794 received = 1674 new + 120 carried over.
    type_into(&sheet.input("hs_ho_tich.c5"), "1674").await;
    type_into(&sheet.input("hs_ho_tich.c6"), "120").await;
    assert_eq!(sheet.text("#cell-hs_ho_tich__c3"), "1.794");
    assert_eq!(sheet.text("#cell-hs_tong__c3"), "1.794");
    type_into(&sheet.input("hs_ho_tich.c9"), "1779").await;
    type_into(&sheet.input("hs_ho_tich.c10"), "2").await;
    assert_eq!(sheet.text("[data-cell=\"hs_ty_le_dung_han\"]"), "99,89%");
    assert_eq!(last_report().value("hs_ho_tich.c5"), "1674");
    assert!(
        sheet
            .get("#cell-hs_tong__c3")
            .get_attribute("title")
            .is_some(),
        "the formula is in the tooltip"
    );
    assert!(
        !sheet.has("input[data-cell=\"hs_tong.c3\"]"),
        "a derived cell is not an input"
    );
}

#[wasm_bindgen_test]
async fn an_entry_is_kept_exactly_as_typed_with_its_error_beside_it() {
    let sheet = mount(View::Appendix, blank_report()).await;
    let input = sheet.input("kh_hoan_thanh");
    type_into(&input, "24x").await;
    assert_eq!(input.value(), "24x");
    assert_eq!(last_report().value("kh_hoan_thanh"), "24x");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("msg-kh_hoan_thanh")
    );
    assert!(sheet
        .text("#msg-kh_hoan_thanh")
        .contains("Không phải là số"));
    // Vietnamese grouping is typed, kept and read: 1.794 is one thousand seven hundred…
    type_into(&sheet.input("kh_nhiem_vu"), "1.794").await;
    type_into(&input, "1.500").await;
    assert_eq!(sheet.input("kh_nhiem_vu").value(), "1.794");
    assert_eq!(sheet.text("#cell-kh_ty_le"), "83,61%");
    assert!(
        !sheet.has("#msg-kh_hoan_thanh"),
        "the message goes once the entry reads"
    );
}

#[wasm_bindgen_test]
async fn a_finding_shows_at_its_cell_and_in_the_list() {
    let sheet = mount(View::Appendix, blank_report()).await;
    // Seed 002, Phụ lục 07: 14622 documents sent electronically out of 5202.
    type_into(&sheet.input("vb_di"), "5202").await;
    type_into(&sheet.input("vb_dien_tu"), "14622").await;
    let input = sheet.input("vb_dien_tu");
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("msg-vb_dien_tu")
    );
    let cell = input.closest("td").unwrap().unwrap();
    assert!(has_class(&cell, "has-error"));
    assert_eq!(
        cell.query_selector(".mark")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("✖")
    );
    assert!(sheet.text("#msg-vb_dien_tu").contains("14.622"));
    let jump = sheet.get(".findings [data-jump=\"vb_dien_tu\"]");
    sheet.input("vb_di").focus().unwrap();
    click(&jump).await;
    assert_eq!(
        focused_cell(),
        "vb_dien_tu",
        "the list entry jumps to the cell"
    );
}

#[wasm_bindgen_test]
async fn enter_and_arrows_move_like_a_spreadsheet() {
    let sheet = mount(View::Appendix, blank_report()).await;
    let first = sheet.input("kh_nhiem_vu");
    first.focus().unwrap();
    press(&first, "Enter", false).await;
    assert_eq!(focused_cell(), "kh_hoan_thanh");
    press(&sheet.input("kh_hoan_thanh").into(), "ArrowDown", false).await;
    assert_eq!(
        focused_cell(),
        "kh_van_ban",
        "the derived rate below is skipped"
    );
    press(&sheet.input("kh_van_ban").into(), "ArrowUp", false).await;
    assert_eq!(focused_cell(), "kh_hoan_thanh");
    press(&sheet.input("kh_hoan_thanh").into(), "Enter", true).await;
    assert_eq!(focused_cell(), "kh_nhiem_vu", "Shift+Enter goes up");
    // Past the last row (a yes/no select), Enter goes on to the next table.
    let select = sheet.get("[data-cell=\"kh_bao_cao_dung_han\"]");
    press(&select, "Enter", false).await;
    assert_eq!(focused_cell(), "kt_ke_hoach");

    // In the grid: down the column, and sideways only from the edge of the text.
    let c4 = sheet.input("hs_ho_tich.c4");
    c4.focus().unwrap();
    press(&c4, "ArrowDown", false).await;
    assert_eq!(focused_cell(), "hs_chung_thuc.c4");
    let c4 = sheet.input("hs_chung_thuc.c4");
    type_into(&c4, "120").await;
    c4.set_selection_range(1, 1).unwrap();
    press(&c4, "ArrowRight", false).await;
    assert_eq!(
        focused_cell(),
        "hs_chung_thuc.c4",
        "the caret is inside the text"
    );
    c4.set_selection_range(3, 3).unwrap();
    press(&c4, "ArrowRight", false).await;
    assert_eq!(focused_cell(), "hs_chung_thuc.c5");
    let c5 = sheet.input("hs_chung_thuc.c5");
    press(&c5, "ArrowRight", false).await;
    assert_eq!(focused_cell(), "hs_chung_thuc.c6");
    press(&sheet.input("hs_chung_thuc.c6").into(), "ArrowRight", false).await;
    assert_eq!(
        focused_cell(),
        "hs_chung_thuc.c8",
        "the derived total (7) is skipped"
    );
}

#[wasm_bindgen_test]
async fn yes_no_and_optional_sections() {
    let sheet = mount(View::Appendix, blank_report()).await;
    let select: HtmlSelectElement = sheet.get("[data-cell=\"iso_ap_dung\"]").dyn_into().unwrap();
    choose(&select, "không").await;
    choose(&select, "có").await;
    assert_eq!(last_report().value("iso_ap_dung"), "có");
    assert_eq!(select.value(), "có");
    // An undo back to an option the officer picked before: its `selected` attribute alone would
    // no longer take (the option is "dirty"), so the view sets the property too.
    edit_from_elsewhere(Edit::Value {
        cell: "iso_ap_dung".into(),
        raw: "không".into(),
    })
    .await;
    assert_eq!(
        select.value(),
        "không",
        "a change from elsewhere shows after the officer's picks"
    );

    assert!(
        !sheet.has("[data-cell=\"td_thu_du_toan\"]"),
        "section VIII starts left out"
    );
    click(&sheet.get("[data-include-section=\"s8\"]")).await;
    assert!(last_report().optional_sections.contains("s8"));
    assert!(sheet.has("[data-cell=\"td_thu_du_toan\"]"));
}

#[wasm_bindgen_test]
async fn an_imported_yes_no_reads_and_an_unreadable_one_stays_visible() {
    let mut report = blank_report();
    report.apply(Edit::Value {
        cell: "iso_ap_dung".into(),
        raw: "x".into(),
    });
    report.apply(Edit::Value {
        cell: "cong_ttdt".into(),
        raw: "chắc có".into(),
    });
    let sheet = mount(View::Appendix, report).await;
    let iso: HtmlSelectElement = sheet.get("[data-cell=\"iso_ap_dung\"]").dyn_into().unwrap();
    assert_eq!(iso.value(), "có");
    let web: HtmlSelectElement = sheet.get("[data-cell=\"cong_ttdt\"]").dyn_into().unwrap();
    assert_eq!(web.value(), "chắc có");
    assert!(sheet.has("#msg-cong_ttdt"));
}

#[wasm_bindgen_test]
async fn scoring_controls_send_their_edits() {
    let sheet = mount(View::Scoring, blank_report()).await;
    assert!(
        sheet.has(".sample-notice"),
        "the built-in set is a sample and says so"
    );

    click(&sheet.get("#item-1-1-1-yes")).await;
    assert_eq!(last_report().assessments["1.1.1"].answer, Some(true));
    assert_eq!(
        sheet
            .get("#item-1-1-1-yes")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    assert!(
        sheet
            .text("[data-item=\"1.1.1\"] .item-warning")
            .contains("kiểm chứng"),
        "no evidence yet"
    );
    click(&sheet.get("#item-1-1-1-yes")).await;
    assert_eq!(
        last_report().assessments["1.1.1"].answer,
        None,
        "pressing again takes it back"
    );

    let score: HtmlInputElement = sheet.get("#item-1-5-1-score").dyn_into().unwrap();
    type_into(&score, "3").await;
    assert!(
        has_class(&sheet.get("[data-item=\"1.5.1\"]"), "invalid"),
        "3 exceeds the maximum 2"
    );
    assert!(sheet
        .text("[data-item=\"1.5.1\"] .explanation")
        .contains("vượt"));
    type_into(&score, "1,5").await;
    assert!(has_class(&sheet.get("[data-item=\"1.5.1\"]"), "scored"));

    click(&sheet.get("#item-1-4-1-part-tap_huan")).await;
    assert!(last_report().assessments["1.4.1"]
        .parts
        .contains("tap_huan"));

    click(&sheet.get("#item-2-1-1-na")).await;
    assert!(last_report().assessments["2.1.1"].not_applicable);
    assert!(has_class(&sheet.get("[data-item=\"2.1.1\"]"), "na"));

    click(&sheet.get("#item-1-5-1-add-evidence")).await;
    let number: HtmlInputElement = sheet.get("#item-1-5-1-ev0-number").dyn_into().unwrap();
    type_into(&number, "15/KH-UBND").await;
    assert_eq!(
        last_report().assessments["1.5.1"].evidence[0].number,
        "15/KH-UBND"
    );
    assert!(
        !sheet.has("[data-item=\"1.5.1\"] .item-warning"),
        "evidence given"
    );
    click(&sheet.get("#item-1-5-1-ev0-remove")).await;
    assert!(last_report().assessments["1.5.1"].evidence.is_empty());
}

#[wasm_bindgen_test]
async fn the_summary_reads_the_scorecard() {
    let mut report = blank_report();
    for (cell, raw) in [("kh_bao_cao_dung_han", "có"), ("bm_quy_che", "có")] {
        report.apply(Edit::Value {
            cell: cell.into(),
            raw: raw.into(),
        });
    }
    for item in ["1.2.1", "4.1.1"] {
        report.apply(Edit::AddEvidence { item: item.into() });
        report.apply(Edit::Evidence {
            item: item.into(),
            index: 0,
            field: phuluc_cchc::core::edit::EvidenceField::Title,
            text: "Báo cáo".into(),
        });
    }
    let templates = Templates::builtin().unwrap();
    let expected = evaluate(&templates, &report).scorecard;
    let sheet = mount(View::Summary, report).await;
    assert_eq!(
        sheet.text("#summary-index"),
        phuluc_cchc::core::number::format_percent(expected.index)
    );
    assert_eq!(
        sheet.text("#summary-band"),
        phuluc_cchc::core::scoring::band_label(&templates.criteria, &expected, Lang::Vi)
    );
    assert!(sheet.has(".area-bars [data-area=\"a1\"]"));
    assert!(
        !sheet.has(".area-bars [data-area=\"a8\"]"),
        "the survey is not a self-scored bar"
    );
}
