//! A province's criteria set: kept from an earlier visit, loaded from a file, refused with the
//! fault named, back to the sample; and, in the whole app, kept in localStorage between visits.
#![cfg(target_arch = "wasm32")]

mod web_support;

use std::rc::Rc;

use phuluc_cchc::app::state::{
    Action, AppState, CriteriaFault, CriteriaNotice, Fresh, Restored, Shelved, Storage,
};
use phuluc_cchc::app::{App, AppProps};
use phuluc_cchc::core::report::TemplateRef;
use phuluc_cchc::core::template::builtin::CRITERIA_SAMPLE;
use phuluc_cchc::core::workspace::Templates;
use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_support::*;
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

const CRITERIA_KEY: &str = "phuluc-cchc/criteria";

fn shipped() -> Rc<Templates> {
    Rc::new(Templates::builtin().expect("the built-in templates compile"))
}

fn fresh() -> Fresh {
    Fresh {
        id: "new".into(),
        year: 2027,
    }
}

/// The sample set, changed by `edit`, as a file.
fn sample_with(edit: impl FnOnce(&mut Value)) -> String {
    let mut set: Value = serde_json::from_str(CRITERIA_SAMPLE).unwrap();
    edit(&mut set);
    serde_json::to_string_pretty(&set).unwrap()
}

/// A province's set: its own id, not a sample, and 2.1.1 worth 2 points instead of 1,5 (taken
/// from 2.1.2, so criterion 2.1 still adds up).
fn province() -> String {
    sample_with(|set| {
        set["id"] = "tinh-x-2026".into();
        set["title"]["vi"] = "Bộ tiêu chí Chỉ số CCHC cấp xã tỉnh X".into();
        set["sample"] = false.into();
        let items = &mut set["areas"][1]["criteria"][0]["items"];
        assert_eq!(items[0]["id"], "2.1.1");
        items[0]["max"] = 2.0.into();
        items[1]["max"] = 1.0.into();
    })
}

/// The province's set with a gap between "Trung bình" (to 70) and "Khá" (now from 75).
fn with_band_gap() -> String {
    sample_with(|set| {
        set["id"] = "tinh-x-2026".into();
        assert_eq!(set["bands"][1]["from"], 70);
        set["bands"][1]["from"] = 75.into();
    })
}

fn sample_ref() -> TemplateRef {
    shipped().criteria_ref()
}

fn province_ref() -> TemplateRef {
    TemplateRef {
        id: "tinh-x-2026".into(),
        version: 1,
    }
}

fn restore(criteria: Option<String>, shelf: Vec<Shelved>) -> Rc<AppState> {
    let restored = Restored {
        shelf,
        criteria,
        ..Restored::default()
    };
    Rc::new(AppState::restore(
        shipped(),
        restored,
        Storage::Available,
        fresh(),
    ))
}

fn load(state: &Rc<AppState>, file: &str, text: Result<String, String>) -> Rc<AppState> {
    state.clone().reduce(Action::CriteriaFile {
        file: file.into(),
        text,
    })
}

fn rejected(state: &AppState) -> &CriteriaFault {
    match &state.criteria_notice {
        Some(CriteriaNotice::Rejected { fault, .. }) => fault,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[wasm_bindgen_test]
fn the_set_kept_from_an_earlier_visit_is_in_use_and_new_reports_name_it() {
    let s = restore(Some(province()), Vec::new());
    assert_eq!(s.templates.criteria_ref(), province_ref());
    assert!(!s.templates.criteria.template.sample);
    assert_eq!(s.criteria_file.as_deref(), Some(province().as_str()));
    assert_eq!(s.criteria_notice, None);
    assert_eq!(
        s.report.criteria,
        province_ref(),
        "the blank report is on it"
    );
    assert_eq!(s.scored_against_other(), None);
}

#[wasm_bindgen_test]
fn a_kept_set_that_no_longer_compiles_leaves_the_sample_in_use_and_says_why() {
    let s = restore(Some(with_band_gap()), Vec::new());
    assert_eq!(s.templates.criteria_ref(), sample_ref());
    assert_eq!(s.criteria_file, None);
    match &s.criteria_notice {
        Some(CriteriaNotice::StoredInvalid(e)) => {
            assert_eq!(e.to_string(), "Khoảng xếp loại bị hở giữa 70% và 75%.")
        }
        other => panic!("{other:?}"),
    }
}

#[wasm_bindgen_test]
fn a_loaded_file_is_put_in_use_and_older_reports_say_they_were_scored_on_another_set() {
    let s = restore(None, Vec::new());
    assert_eq!(s.report.criteria, sample_ref());
    let s = load(&s, "tinh-x.json", Ok(province()));
    assert_eq!(s.templates.criteria_ref(), province_ref());
    assert_eq!(s.criteria_file.as_deref(), Some(province().as_str()));
    let item = &s.templates.criteria.template.areas[1].criteria[0].items[0];
    assert_eq!((item.id.as_str(), item.max), ("2.1.1", 2.0));
    assert_eq!(s.scored_against_other(), Some(&sample_ref()));
    let s = s.reduce(Action::NewReport(Fresh {
        id: "after".into(),
        year: 2027,
    }));
    assert_eq!(s.report.criteria, province_ref());
    assert_eq!(s.scored_against_other(), None);
}

#[wasm_bindgen_test]
fn a_file_with_a_fault_is_refused_with_the_fault_named_and_the_set_in_use_stays() {
    let s = load(&restore(None, Vec::new()), "tinh-x.json", Ok(province()));
    let after = load(&s, "sai.json", Ok(with_band_gap()));
    assert!(Rc::ptr_eq(&after.templates, &s.templates));
    assert_eq!(after.criteria_file, s.criteria_file);
    match rejected(&after) {
        CriteriaFault::Invalid(e) => {
            assert_eq!(e.to_string(), "Khoảng xếp loại bị hở giữa 70% và 75%.")
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        &after.criteria_notice,
        Some(CriteriaNotice::Rejected { file, .. }) if file == "sai.json"
    ));
    let dismissed = after.reduce(Action::DismissCriteriaNotice);
    assert_eq!(dismissed.criteria_notice, None);

    let unreadable = load(&s, "mat.json", Err("NotReadableError".into()));
    assert_eq!(
        rejected(&unreadable),
        &CriteriaFault::Unreadable("NotReadableError".into())
    );
    let not_json = load(&s, "ghi-chu.txt", Ok("Bộ tiêu chí".into()));
    assert!(matches!(rejected(&not_json), CriteriaFault::Invalid(_)));
}

#[wasm_bindgen_test]
fn an_edited_set_must_take_a_new_version_but_the_same_file_again_is_fine() {
    let s = restore(None, Vec::new());
    let edited = sample_with(|set| set["areas"][1]["criteria"][0]["title"]["vi"] = "Khác".into());
    let after = load(&s, "mau-sua.json", Ok(edited));
    assert_eq!(rejected(&after), &CriteriaFault::SameVersion(sample_ref()));
    assert!(Rc::ptr_eq(&after.templates, &s.templates));

    // The sample itself, laid out differently: nothing changes but where it came from.
    let same = sample_with(|_| {});
    let after = load(&s, "mau.json", Ok(same.clone()));
    assert_eq!(after.criteria_notice, None);
    assert_eq!(after.templates.criteria_ref(), sample_ref());
    assert_eq!(after.criteria_file.as_deref(), Some(same.as_str()));
}

#[wasm_bindgen_test]
fn the_sample_can_be_taken_up_again() {
    let s = restore(Some(province()), Vec::new());
    let s = s.reduce(Action::UseSampleCriteria);
    assert!(Rc::ptr_eq(&s.templates, &s.shipped));
    assert_eq!(
        (s.criteria_file.clone(), s.criteria_notice.clone()),
        (None, None)
    );
    assert_eq!(s.scored_against_other(), Some(&province_ref()));
}

// ---- The whole app, on a real localStorage ------------------------------------------------

async fn mount() -> (web_sys::Element, yew::AppHandle<App>) {
    let root = host();
    let handle = yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            templates: shipped(),
        },
    )
    .render();
    settle().await;
    (root, handle)
}

/// Picks `text` as the file `name` in the criteria file input, as the browser does, and waits
/// for it to be read.
async fn pick_criteria_file(root: &web_sys::Element, name: &str, text: &str) {
    let input: web_sys::HtmlInputElement = get(root, "#criteria-file").unchecked_into();
    let make = js_sys::Function::new_with_args(
        "name, text",
        "const dt = new DataTransfer(); dt.items.add(new File([text], name)); return dt.files;",
    );
    let files = make.call2(&wasm_bindgen::JsValue::NULL, &name.into(), &text.into());
    input.set_files(Some(&files.unwrap().unchecked_into()));
    dispatch(&input.clone().into(), &event("Event", "change", &[]));
    wait_ms(50).await;
    settle().await;
}

/// A report made on the sample set, stored the way the app stores it, and open.
fn store_report_on_the_sample(id: &str) {
    let report = shipped().new_report(id);
    let stored = serde_json::json!({ "format": "phuluc-cchc", "schema": 1, "report": report });
    let storage = local_storage();
    storage
        .set_item(&format!("phuluc-cchc/report/{id}"), &stored.to_string())
        .unwrap();
    storage
        .set_item("phuluc-cchc/last-open", &format!("\"{id}\""))
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_loaded_set_is_kept_for_the_next_visit_until_the_sample_is_taken_up_again() {
    local_storage().clear().unwrap();
    store_report_on_the_sample("tren-bo-mau");
    let (root, handle) = mount().await;
    click(&get(&root, "[data-tab='reports']"));
    settle().await;
    assert_eq!(
        get(&root, "[data-criteria-id]")
            .get_attribute("data-criteria-id")
            .as_deref(),
        Some("mau-xa-2026")
    );
    assert!(find(&root, "[data-action='use-sample']").is_none());

    pick_criteria_file(&root, "sai.json", &with_band_gap()).await;
    assert!(text(&root, "[data-criteria-error]").contains("Khoảng xếp loại bị hở giữa 70% và 75%."));
    assert_eq!(local_storage().get_item(CRITERIA_KEY).unwrap(), None);

    pick_criteria_file(&root, "tinh-x.json", &province()).await;
    assert!(find(&root, "[data-criteria-error]").is_none());
    assert_eq!(
        text(&root, "[data-criteria-title]"),
        "Bộ tiêu chí Chỉ số CCHC cấp xã tỉnh X"
    );
    assert!(
        find(&root, ".badge-sample").is_none(),
        "no sample badge anywhere"
    );
    assert_eq!(
        local_storage().get_item(CRITERIA_KEY).unwrap(),
        Some(province())
    );
    handle.destroy();

    // The next visit: the province's set is in use, and the open report, scored on the
    // sample, says so on the scoring tab.
    let (root, handle) = mount().await;
    click(&get(&root, "[data-tab='scoring']"));
    settle().await;
    assert!(text(&root, ".sheet-template").contains("tỉnh X"));
    assert!(text(&root, "[data-item='2.1.1']").contains("Tối đa 2 điểm"));
    let banner = text(&root, "[data-other-criteria]");
    assert!(banner.contains("«mau-xa-2026», phiên bản 1"), "{banner}");
    assert!(banner.contains("«tinh-x-2026», phiên bản 1"), "{banner}");

    click(&get(&root, "[data-tab='reports']"));
    settle().await;
    click(&get(&root, "[data-action='use-sample']"));
    settle().await;
    assert_eq!(local_storage().get_item(CRITERIA_KEY).unwrap(), None);
    assert!(find(&root, ".badge-sample").is_some());
    handle.destroy();
    local_storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_kept_set_that_no_longer_compiles_is_told_and_left_in_storage() {
    local_storage().clear().unwrap();
    local_storage()
        .set_item(CRITERIA_KEY, &with_band_gap())
        .unwrap();
    let (root, handle) = mount().await;
    let banners = text(&root, ".notices");
    assert!(banners.contains("không còn dùng được"), "{banners}");
    assert!(
        banners.contains("Khoảng xếp loại bị hở giữa 70% và 75%."),
        "{banners}"
    );
    assert!(find(&root, ".badge-sample").is_some());
    assert_eq!(
        local_storage().get_item(CRITERIA_KEY).unwrap(),
        Some(with_band_gap()),
        "kept until a corrected file replaces it"
    );
    handle.destroy();
    local_storage().clear().unwrap();
}
