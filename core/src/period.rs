//! Report periods and their data windows (Nghị định 09/2019/NĐ-CP): a quarter runs from the
//! 15th of the month before it to the 14th of its last month; the 6-month report from 15/12 of
//! the previous year to 14/06; the 9-month one to 14/09; the annual one to 14/12.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::text::Text;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    Q1,
    Q2,
    Q3,
    Q4,
    SixMonths,
    NineMonths,
    #[default]
    Year,
}

impl PeriodKind {
    pub const ALL: [PeriodKind; 7] = [
        PeriodKind::Q1,
        PeriodKind::Q2,
        PeriodKind::Q3,
        PeriodKind::Q4,
        PeriodKind::SixMonths,
        PeriodKind::NineMonths,
        PeriodKind::Year,
    ];

    pub fn label(self) -> Text {
        match self {
            PeriodKind::Q1 => Text::new("Quý I", "Quarter 1"),
            PeriodKind::Q2 => Text::new("Quý II", "Quarter 2"),
            PeriodKind::Q3 => Text::new("Quý III", "Quarter 3"),
            PeriodKind::Q4 => Text::new("Quý IV", "Quarter 4"),
            PeriodKind::SixMonths => Text::new("6 tháng", "6 months"),
            PeriodKind::NineMonths => Text::new("9 tháng", "9 months"),
            PeriodKind::Year => Text::new("Năm", "Year"),
        }
    }

    /// A short stable code, for file names and storage keys.
    pub fn code(self) -> &'static str {
        match self {
            PeriodKind::Q1 => "quy1",
            PeriodKind::Q2 => "quy2",
            PeriodKind::Q3 => "quy3",
            PeriodKind::Q4 => "quy4",
            PeriodKind::SixMonths => "6thang",
            PeriodKind::NineMonths => "9thang",
            PeriodKind::Year => "nam",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The data window of this period in `year`, both ends included.
    pub fn window(self, year: i32) -> Option<(NaiveDate, NaiveDate)> {
        let start = |y, m| NaiveDate::from_ymd_opt(y, m, 15);
        let end = |m| NaiveDate::from_ymd_opt(year, m, 14);
        // No overflow at i32::MIN: a year without a previous one has no window.
        let from_dec = start(year.checked_sub(1)?, 12);
        let (from, to) = match self {
            PeriodKind::Q1 => (from_dec, end(3)),
            PeriodKind::Q2 => (start(year, 3), end(6)),
            PeriodKind::Q3 => (start(year, 6), end(9)),
            PeriodKind::Q4 => (start(year, 9), end(12)),
            PeriodKind::SixMonths => (from_dec, end(6)),
            PeriodKind::NineMonths => (from_dec, end(9)),
            PeriodKind::Year => (from_dec, end(12)),
        };
        Some((from?, to?))
    }

    /// The period a report for the next period would cover ("duplicate for the next period").
    /// The year saturates rather than overflow: imports keep years within `report::YEARS`, so
    /// only a year no report can have would stay put.
    pub fn next(self, year: i32) -> (PeriodKind, i32) {
        let following = year.saturating_add(1);
        match self {
            PeriodKind::Q1 => (PeriodKind::Q2, year),
            PeriodKind::Q2 => (PeriodKind::Q3, year),
            PeriodKind::Q3 => (PeriodKind::Q4, year),
            PeriodKind::Q4 => (PeriodKind::Q1, following),
            PeriodKind::SixMonths => (PeriodKind::NineMonths, year),
            PeriodKind::NineMonths => (PeriodKind::Year, year),
            PeriodKind::Year => (PeriodKind::Year, following),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn quarters_follow_decree_09() {
        assert_eq!(
            PeriodKind::Q1.window(2026),
            Some((d(2025, 12, 15), d(2026, 3, 14)))
        );
        assert_eq!(
            PeriodKind::Q2.window(2026),
            Some((d(2026, 3, 15), d(2026, 6, 14)))
        );
        assert_eq!(
            PeriodKind::Q3.window(2026),
            Some((d(2026, 6, 15), d(2026, 9, 14)))
        );
        assert_eq!(
            PeriodKind::Q4.window(2026),
            Some((d(2026, 9, 15), d(2026, 12, 14)))
        );
    }

    #[test]
    fn cumulative_reports_start_in_the_previous_december() {
        assert_eq!(
            PeriodKind::SixMonths.window(2025),
            Some((d(2024, 12, 15), d(2025, 6, 14)))
        );
        assert_eq!(
            PeriodKind::NineMonths.window(2025),
            Some((d(2024, 12, 15), d(2025, 9, 14)))
        );
        assert_eq!(
            PeriodKind::Year.window(2025),
            Some((d(2024, 12, 15), d(2025, 12, 14)))
        );
    }

    #[test]
    fn codes_round_trip_and_next_period_rolls_over() {
        for k in PeriodKind::ALL {
            assert_eq!(PeriodKind::from_code(k.code()), Some(k));
        }
        assert_eq!(PeriodKind::Q4.next(2025), (PeriodKind::Q1, 2026));
        assert_eq!(
            PeriodKind::SixMonths.next(2025),
            (PeriodKind::NineMonths, 2025)
        );
    }

    #[test]
    fn out_of_range_year_has_no_window() {
        assert_eq!(PeriodKind::Year.window(i32::MAX), None);
    }

    /// Issue 15: `year - 1` and `year + 1` overflowed (a panic in a debug build).
    #[test]
    fn extreme_years_do_not_overflow() {
        for k in PeriodKind::ALL {
            assert_eq!(k.window(i32::MIN), None);
            assert_eq!(k.window(i32::MAX), None);
            let (_, y) = k.next(i32::MAX);
            assert!(y == i32::MAX);
        }
    }
}
