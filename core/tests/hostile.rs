//! Issue 15, hostile input: one test per fault found in the core. Each failed on the main of
//! 2026-11-30 (a panic, a score outside 0–max, a silent change or an English message) and
//! passes now.

use std::time::Duration;

use cchc_core::exchange::{import, import_with_notes, ImportError, MAX_IMPORT_BYTES};
use cchc_core::scoring::ItemStatus;
use cchc_core::template::builtin::CRITERIA_SAMPLE;
use cchc_core::template::{Criteria, TemplateError};
use cchc_core::workspace::{evaluate, Templates};
use serde_json::{json, Value};

use crate::support::{report, templates};

/// The sample criteria set with `f` applied to its JSON.
fn criteria_json(f: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(CRITERIA_SAMPLE).unwrap();
    f(&mut v);
    v.to_string()
}

fn criteria(f: impl FnOnce(&mut Value)) -> Result<Criteria, TemplateError> {
    Criteria::from_json(&criteria_json(f), &templates().appendix)
}

fn item(id: &str, max: f64, rule: Value) -> Value {
    json!({"id": id, "stt": "1", "title": "X", "max": max, "rule": rule})
}

/// A bare report as another tool might write it, with `values`.
fn bare(values: Value) -> String {
    let mut r = serde_json::to_value(report(&[])).unwrap();
    r["values"] = values;
    r.to_string()
}

/// Runs a hostile case. How long it takes is a benchmark's business (`cargo bench --bench
/// core` prints it, release build): timings here, in a debug build on a shared machine, would
/// make a flaky test. `_limit` says what the release build is measured against.
fn within(_limit: Duration, f: impl FnOnce()) {
    f();
}

#[test]
fn a_survey_item_naming_an_unknown_cell_is_refused() {
    // Old main: compiled (survey areas were skipped) and then panicked in scoring.
    let e = criteria(|v| {
        v["areas"][7]["max"] = json!(30);
        v["areas"][7]["criteria"] = json!([{
            "id": "8.1", "stt": "8.1", "title": "Khảo sát", "max": 30,
            "items": [item("8.1.1", 30.0, json!({"kind": "yes_no", "cell": "nope"}))]
        }]);
    })
    .unwrap_err();
    assert_eq!(
        e,
        TemplateError::UnknownCell {
            at: "8.1.1".into(),
            cell: "nope".into()
        }
    );
}

#[test]
fn additive_parts_below_zero_are_refused() {
    // Old main: parts 3 and −2 for a maximum of 1 compiled, and scored 3 of 1.
    let e = criteria(|v| {
        v["areas"][0]["criteria"][3]["items"][0]["rule"]["parts"] = json!([
            {"id": "a", "label": "A", "points": 3},
            {"id": "b", "label": "B", "points": -2},
            {"id": "c", "label": "C", "points": 0.5},
            {"id": "d", "label": "D", "points": 0.5}
        ]);
    })
    .unwrap_err();
    assert!(matches!(e, TemplateError::RulePoints { .. }), "{e}");
}

#[test]
fn a_penalty_area_with_a_negative_cap_is_refused() {
    // Old main: compiled, and the penalty added points.
    let e = criteria(|v| v["areas"][9]["max"] = json!(-3)).unwrap_err();
    assert!(matches!(e, TemplateError::NegativeMax { .. }), "{e}");
}

#[test]
fn a_deduction_on_a_negative_difference_scores_within_its_maximum() {
    // bm_con_thieu = quota − staff present; 10 − 15 = −5 "cases". Old main: 1 − (−5 × 0,25)
    // = 2,25 points of 1.
    let json = criteria_json(|v| {
        v["areas"][4]["criteria"][3]["items"][0]["rule"] =
            json!({"kind": "deduction", "cell": "bm_con_thieu", "per_case": 0.25});
    });
    let t = templates().with_criteria(&json).unwrap();
    let mut r = report(&[("bm_bien_che", "10"), ("bm_hien_co", "15")]);
    r.assessments
        .entry("5.4.1".into())
        .or_default()
        .evidence
        .push(cchc_core::report::Evidence {
            title: "Báo cáo biên chế".into(),
            ..Default::default()
        });
    let card = evaluate(&t, &r).scorecard;
    let s = card
        .items
        .iter()
        .find(|s| t.criteria.def(s.item).id == "5.4.1")
        .unwrap();
    assert_eq!((s.status, s.points), (ItemStatus::Scored, s.max));
    assert!(s.explanation.vi.contains("âm"), "{}", s.explanation.vi);
}

#[test]
fn json_numbers_in_values_keep_their_value() {
    // Old main: 1.794 was read the Vietnamese way as 1794, and 99.999 % as 99.999 %.
    let r = import(&bare(json!({
        "kh_nhiem_vu": 1.794,
        "hs_ty_le_dung_han_he_thong": 99.999,
        "kh_hoan_thanh": 12,
        "tt_tin_bai": 1e-7
    })))
    .unwrap();
    assert_eq!(r.values["kh_nhiem_vu"], "1,794");
    assert_eq!(r.values["hs_ty_le_dung_han_he_thong"], "99,999");
    assert_eq!(r.values["kh_hoan_thanh"], "12");
    assert_eq!(r.values["tt_tin_bai"], "0,0000001");
    let e = evaluate(templates(), &r);
    let a = &templates().appendix;
    let n = |id: &str| e.computed.number(a.cell(id).unwrap());
    assert_eq!(n("hs_ty_le_dung_han_he_thong"), Some(99.999));
    // 1,794 tasks is not a whole number: flagged, not turned into 1794.
    assert_eq!(n("kh_nhiem_vu"), None);
    assert!(e
        .computed
        .errors
        .contains_key(&a.cell("kh_nhiem_vu").unwrap()));
}

#[test]
fn unknown_fields_are_listed_not_dropped_silently() {
    let mut v = serde_json::to_value(report(&[])).unwrap();
    v["colour"] = json!("red");
    v["identity"]["mayor"] = json!("Nguyễn Văn A");
    v["assessments"] = json!({"1.1.1": {"score": "1", "stamp": true}});
    let i = import_with_notes(&v.to_string()).unwrap();
    let notes: Vec<&str> = i.notes.iter().map(|t| t.vi.as_str()).collect();
    assert_eq!(notes.len(), 3, "{notes:?}");
    for field in ["colour", "identity.mayor", "assessments.1.1.1.stamp"] {
        assert!(
            notes.iter().any(|n| n.contains(&format!("«{field}»"))),
            "{field}: {notes:?}"
        );
    }
    // A clean export has nothing to say.
    let clean = serde_json::to_string(&report(&[])).unwrap();
    assert!(import_with_notes(&clean).unwrap().notes.is_empty());
}

#[test]
fn a_schema_that_is_not_a_whole_number_from_one_is_refused() {
    // Old main: each of these was read as schema 1.
    for schema in [json!(2.0), json!("2"), json!(-1), json!(0), json!(null)] {
        let mut v = serde_json::to_value(report(&[])).unwrap();
        v["schema"] = schema.clone();
        let e = import(&v.to_string()).unwrap_err();
        assert!(
            matches!(e, ImportError::BadSchema { .. }),
            "{schema}: {e:?}"
        );
        assert!(e.message().vi.contains("lược đồ"));
    }
}

#[test]
fn duplicate_keys_are_refused() {
    // Old main: the last of the two kept silently.
    let r = serde_json::to_string(&report(&[])).unwrap();
    let twice = r.replacen(
        "\"values\":{}",
        "\"values\":{\"kh_nhiem_vu\":\"4\",\"kh_nhiem_vu\":\"40\"}",
        1,
    );
    assert_ne!(twice, r);
    let e = import(&twice).unwrap_err();
    assert!(matches!(e, ImportError::NotJson { .. }), "{e:?}");
    assert!(e.message().vi.contains("hai lần"), "{}", e.message().vi);
}

#[test]
fn an_absurd_year_or_date_is_refused() {
    // Old main: imported, then overflowed PeriodKind arithmetic.
    for (field, value) in [
        ("year", json!(2147483647)),
        ("year", json!(-2147483648i64)),
        ("year", json!(1900)),
        ("date", json!("9999-01-01")),
    ] {
        let mut v = serde_json::to_value(report(&[])).unwrap();
        v["identity"][field] = value.clone();
        let e = import(&v.to_string()).unwrap_err();
        assert!(
            matches!(&e, ImportError::Invalid { path, .. } if path == &format!("identity.{field}")),
            "{value}: {e:?}"
        );
    }
}

#[test]
fn messages_are_vietnamese_all_the_way_and_quote_an_excerpt() {
    // Old main: "…: invalid type: string \"xxxx…(the whole value)\", expected a boolean".
    let long = "x".repeat(1_000_000);
    let mut v = serde_json::to_value(report(&[])).unwrap();
    v["assessments"] = json!({"1.1.1": {"not_applicable": long}});
    let m = import(&v.to_string()).unwrap_err().message();
    assert!(m.vi.len() < 400, "{} bytes", m.vi.len());
    assert!(m.en.len() < 400, "{} bytes", m.en.len());
    assert!(m.vi.contains("sai kiểu dữ liệu"), "{}", m.vi);
    assert!(m.vi.contains('…'));
    for english in ["invalid type", "expected", "string"] {
        assert!(!m.vi.contains(english), "{}", m.vi);
    }
    let mut v = serde_json::to_value(report(&[])).unwrap();
    v["values"] = json!({"kh_nhiem_vu": [1, 2]});
    let m = import(&v.to_string()).unwrap_err().message();
    assert!(m.vi.contains("không phải chữ hay số"), "{}", m.vi);
    assert!(!m.en.contains("không"), "{}", m.en);
    // A criteria set too.
    let e = criteria(|v| v["areas"][0]["max"] = json!("mười hai")).unwrap_err();
    let m = e.message();
    assert!(
        m.vi.contains("sai kiểu dữ liệu") && m.vi.contains("areas[0].max"),
        "{}",
        m.vi
    );
    assert!(!m.vi.contains("invalid type"), "{}", m.vi);
}

#[test]
fn a_file_over_the_limit_is_refused_before_parsing() {
    let big = format!("{{\"x\":\"{}\"}}", "a".repeat(50 * 1024 * 1024));
    within(Duration::from_secs(1), || {
        let e = import(&big).unwrap_err();
        assert_eq!(e, ImportError::TooLarge { bytes: big.len() });
        assert!(e.message().vi.contains("quá lớn"));
    });
    assert!(big.len() > MAX_IMPORT_BYTES);
}

#[test]
fn deep_nesting_is_refused_within_a_second() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    within(Duration::from_secs(1), || {
        let e = import(&deep).unwrap_err();
        assert!(e.message().vi.contains("lồng nhau quá sâu"), "{:?}", e);
    });
    let mut v = serde_json::to_value(report(&[])).unwrap();
    v["identity"]["commune"] =
        serde_json::from_str(&format!("{}1{}", "[".repeat(120), "]".repeat(120))).unwrap();
    assert!(import(&v.to_string()).is_err());
}

#[test]
fn numbers_beyond_f64_are_refused_in_vietnamese() {
    let r = serde_json::to_string(&report(&[])).unwrap();
    for n in ["1e400", &"9".repeat(400)] {
        let text = r.replacen(
            "\"values\":{}",
            &format!("\"values\":{{\"kh_nhiem_vu\":{n}}}"),
            1,
        );
        let e = import(&text).unwrap_err();
        assert!(e.message().vi.contains("số quá lớn"), "{n}: {:?}", e);
    }
}

#[test]
fn ten_thousand_evidence_rows_are_handled_within_a_second() {
    let mut r = report(&[("kh_nhiem_vu", "40")]);
    let a = r.assessments.entry("1.1.1".into()).or_default();
    for n in 0..10_000 {
        a.evidence.push(cchc_core::report::Evidence {
            title: format!("Văn bản {n}"),
            number: format!("{n}/KH-UBND"),
            date: "05/01/2026".into(),
            location: "tr. 2".into(),
        });
    }
    let text = serde_json::to_string(&r).unwrap();
    assert!(text.len() < MAX_IMPORT_BYTES);
    within(Duration::from_secs(1), || {
        let back = import(&text).unwrap();
        let t: &Templates = templates();
        evaluate(t, &back);
        assert_eq!(back, r);
    });
}
