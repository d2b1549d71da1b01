//! Time and fresh ids, from the browser. Times travel as ms since the epoch (what `Date.now()`
//! gives) and are turned into the officer's local time only for display.

use js_sys::{Date, Math};
use wasm_bindgen::JsValue;

use crate::state::Fresh;

/// Now, in ms since the epoch.
pub fn now() -> f64 {
    Date::now()
}

/// Now as ISO 8601 in UTC ("2026-03-14T07:32:05.120Z"), for an export's `exported_at`.
pub fn now_iso() -> String {
    String::from(Date::new_0().to_iso_string())
}

pub fn this_year() -> i32 {
    Date::new_0().get_full_year() as i32
}

/// A moment in the officer's local time, as official documents write it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalTime {
    /// "14:32"
    pub hh_mm: String,
    /// "05/01/2026"
    pub date: String,
    pub is_today: bool,
}

pub fn local(ms: f64) -> LocalTime {
    let d = Date::new(&JsValue::from_f64(ms));
    let today = Date::new_0();
    let same_day = |a: &Date, b: &Date| {
        a.get_full_year() == b.get_full_year()
            && a.get_month() == b.get_month()
            && a.get_date() == b.get_date()
    };
    LocalTime {
        hh_mm: format!("{:02}:{:02}", d.get_hours(), d.get_minutes()),
        date: format!(
            "{:02}/{:02}/{}",
            d.get_date(),
            d.get_month() + 1,
            d.get_full_year()
        ),
        is_today: same_day(&d, &today),
    }
}

/// A report id unique in practice: the time in base 36 and a random tail, so two reports made
/// in the same millisecond, or on two computers later merged by import, do not collide.
pub fn new_report_id() -> String {
    let time = base36(now() as u64);
    let random = base36((Math::random() * 36f64.powi(8)) as u64);
    format!("r-{time}-{random:0>8}")
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).expect("base-36 digits are ASCII")
}

/// What a new blank report needs: a fresh id and this year.
pub fn fresh() -> Fresh {
    Fresh {
        id: new_report_id(),
        year: this_year(),
    }
}
