//! Export and import: the round trip, what an export shows, and bad files.

use cchc_core::exchange::{self, export, file_name, import, slug, ImportError};
use cchc_core::period::PeriodKind;
use cchc_core::report::{CommuneKind, Report};
use serde_json::Value;

use crate::support::{eval, report, templates, SEED_000};

fn sample() -> Report {
    let mut r = report(SEED_000);
    r.identity.commune = "Tân Hà".into();
    r.identity.province = "Lâm Đồng".into();
    r.identity.period = PeriodKind::SixMonths;
    r.identity.year = 2026;
    r.values.insert("tt_tin_bai".into(), "12a".into());
    r.assessments.entry("1.5.1".into()).or_default().score = "1,5".into();
    r
}

fn exported(r: &Report) -> String {
    export(templates(), r, &eval(r), "2026-06-16T08:00:00Z")
}

#[test]
fn an_export_imports_back_to_the_same_report() {
    let r = sample();
    assert_eq!(import(&exported(&r)).unwrap(), r);
}

#[test]
fn an_export_carries_computed_results_for_readers_without_the_app() {
    let v: Value = serde_json::from_str(&exported(&sample())).unwrap();
    assert_eq!(v["format"], "phuluc-cchc");
    assert_eq!(v["schema"], 1);
    assert_eq!(v["report"]["appendix"]["id"], "phuluc-xa");
    let cells = v["computed"]["cells"].as_array().unwrap();
    let rate = cells
        .iter()
        .find(|c| c["id"] == "hs_ty_le_dung_han")
        .unwrap();
    assert_eq!(rate["shown"], "99,89%");
    assert_eq!(rate["derived"], true);
    let total = cells.iter().find(|c| c["id"] == "hs_tong.c3").unwrap();
    assert_eq!(
        (total["value"].as_f64(), total["shown"].as_str()),
        (Some(1794.0), Some("1.794"))
    );
    assert!(v["computed"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["message"].as_str().unwrap().contains("12a")));
    let scoring = &v["computed"]["scoring"];
    assert!(scoring["index_shown"].as_str().unwrap().ends_with('%'));
    assert_eq!(scoring["band"], "Kém");
    assert!(scoring["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["id"] == "3.2.1" && i["explanation"].as_str().unwrap().contains("99,89%")));
}

#[test]
fn an_export_keeps_plain_numbers_for_values() {
    let v: Value = serde_json::from_str(&exported(&sample())).unwrap();
    let cells = v["computed"]["cells"].as_array().unwrap();
    assert!(cells
        .iter()
        .filter_map(|c| c.get("value"))
        .all(Value::is_number));
}

#[test]
fn a_bare_report_imports_too() {
    let r = sample();
    assert_eq!(import(&serde_json::to_string(&r).unwrap()).unwrap(), r);
}

#[test]
fn values_written_as_numbers_by_another_tool_are_read_as_typed_text() {
    let json = r#"{"format":"phuluc-cchc","schema":1,"report":{"id":"x","identity":{},"appendix":{"id":"phuluc-xa","version":1},"criteria":{"id":"mau-xa-2026","version":1},"values":{"kh_nhiem_vu":42,"iso_ap_dung":true,"kh_van_ban":null}}}"#;
    let r = import(json).unwrap();
    assert_eq!(r.value("kh_nhiem_vu"), "42");
    assert_eq!(r.value("iso_ap_dung"), "có");
    assert!(!r.values.contains_key("kh_van_ban"));
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let r = sample();
    assert!(import(&format!("\u{feff}{}", exported(&r))).is_ok());
}

#[test]
fn not_json_says_where() {
    let e = import("{\n  \"format\": \"phuluc-cchc\",\n  oops\n}").unwrap_err();
    assert!(
        matches!(
            e,
            ImportError::NotJson {
                line: 3,
                column: 3,
                ..
            }
        ),
        "{e:?}"
    );
    assert!(e.message().vi.contains("dòng 3"));
}

#[test]
fn a_word_document_is_not_json() {
    assert!(matches!(
        import("PK\u{3}\u{4}\u{14}"),
        Err(ImportError::NotJson { .. })
    ));
}

#[test]
fn json_from_another_tool_is_not_ours() {
    let e = import(r#"{"name":"Báo cáo","rows":[1,2,3]}"#).unwrap_err();
    assert_eq!(e, ImportError::NotOurs);
    assert!(e.message().vi.contains("không phải báo cáo"));
}

#[test]
fn a_json_array_is_not_ours() {
    assert_eq!(import("[1,2]"), Err(ImportError::NotOurs));
}

#[test]
fn a_file_from_a_newer_version_is_refused_with_advice() {
    let e = import(r#"{"format":"phuluc-cchc","schema":7,"report":{}}"#).unwrap_err();
    assert_eq!(e, ImportError::Newer { schema: 7 });
    assert!(e.message().vi.contains("phiên bản mới hơn"));
}

#[test]
fn a_field_of_the_wrong_shape_is_named_by_its_path() {
    let mut v: Value = serde_json::from_str(&exported(&sample())).unwrap();
    v["report"]["identity"]["year"] = Value::String("hai nghìn".into());
    let e = import(&v.to_string()).unwrap_err();
    match &e {
        ImportError::Invalid { path, .. } => assert_eq!(path, "identity.year"),
        other => panic!("{other:?}"),
    }
    assert!(e.message().vi.contains("identity.year"));
}

#[test]
fn a_bad_date_is_named_by_its_path() {
    let mut v: Value = serde_json::from_str(&exported(&sample())).unwrap();
    v["report"]["identity"]["date"] = Value::String("32/13/2026".into());
    assert!(
        matches!(import(&v.to_string()), Err(ImportError::Invalid { path, .. }) if path == "identity.date")
    );
}

#[test]
fn a_value_of_an_impossible_type_is_named() {
    let mut v: Value = serde_json::from_str(&exported(&sample())).unwrap();
    v["report"]["values"]["kh_nhiem_vu"] = serde_json::json!([1]);
    assert!(matches!(
        import(&v.to_string()),
        Err(ImportError::Invalid { .. })
    ));
}

#[test]
fn the_file_name_says_commune_period_and_year_in_ascii() {
    let mut r = sample();
    r.identity.commune_kind = CommuneKind::Phuong;
    r.identity.commune = "Đông Hải".into();
    assert_eq!(
        file_name(&r),
        "phuluc-cchc_phuong-dong-hai_6thang_2026.json"
    );
}

#[test]
fn slug_folds_vietnamese_letters() {
    assert_eq!(slug("Đặc khu Phú Quốc"), "dac-khu-phu-quoc");
    assert_eq!(slug("  Xã  Ea H'Leo "), "xa-ea-h-leo");
    assert_eq!(slug("Ỷ Lan"), "y-lan");
}

#[test]
fn the_format_marker_is_stable() {
    assert_eq!(exchange::FORMAT, "phuluc-cchc");
}
