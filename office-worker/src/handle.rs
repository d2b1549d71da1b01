//! What the worker does with one request, without the browser: tested natively.

use cchc_core::report::Report;
use cchc_core::text::Text;
use cchc_core::workspace::{evaluate, Templates};

pub enum Op<'a> {
    Xlsx,
    /// `previous`: the earlier report the narrative compares with, as JSON.
    Docx {
        previous: Option<&'a str>,
    },
    Map {
        name: &'a str,
        bytes: &'a [u8],
    },
}

pub enum Answer {
    Bytes(Vec<u8>),
    Preview(String),
}

fn templates(criteria: Option<&str>) -> Result<Templates, Text> {
    let builtin = Templates::builtin().map_err(|e| e.message())?;
    match criteria {
        Some(json) => builtin.with_criteria(json).map_err(|e| e.message()),
        None => Ok(builtin),
    }
}

/// A report as the app sends it (its own serialisation, so a failure is a bug to report).
fn report_of(json: &str, vi: &str, en: &str) -> Result<Report, Text> {
    serde_json::from_str(json)
        .map_err(|e| Text::new(format!("Không đọc được {vi}: {e}"), format!("{en}: {e}")))
}

/// Runs one request: `report` is the open report as the app stores it (JSON).
pub fn run(op: Op, report: &str, criteria: Option<&str>) -> Result<Answer, Text> {
    let t = templates(criteria)?;
    let report = report_of(
        report,
        "báo cáo đang mở",
        "The open report could not be read",
    )?;
    match op {
        Op::Xlsx => cchc_office::xlsx(&t, &report, &evaluate(&t, &report))
            .map(Answer::Bytes)
            .map_err(|e| e.message()),
        Op::Docx { previous } => {
            let previous = previous
                .map(|p| {
                    report_of(
                        p,
                        "báo cáo kỳ trước",
                        "The earlier report could not be read",
                    )
                })
                .transpose()?;
            cchc_office::docx(&t, &report, &evaluate(&t, &report), previous.as_ref())
                .map(Answer::Bytes)
                .map_err(|e| e.message())
        }
        Op::Map { name, bytes } => {
            let sheets = cchc_office::read_table(bytes, name).map_err(|e| e.message())?;
            let preview = cchc_office::map_figures(&t.appendix, &report, &sheets);
            serde_json::to_string(&preview)
                .map(Answer::Preview)
                .map_err(|e| Text::new(e.to_string(), e.to_string()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> String {
        let json = include_str!("../../tests/e2e/fixtures/tan-ha-2025.json");
        let report = cchc_core::exchange::import(json).expect("the fixture imports");
        serde_json::to_string(&report).expect("serialises")
    }

    #[test]
    fn makes_both_files_from_the_report_json() {
        for op in [Op::Xlsx, Op::Docx { previous: None }] {
            match run(op, &sample(), None) {
                Ok(Answer::Bytes(b)) => assert!(b.starts_with(b"PK")),
                _ => panic!("no file"),
            }
        }
    }

    #[test]
    fn maps_a_csv_into_a_preview() {
        let csv = "Lĩnh vực;(3);(4);(5)\nHộ tịch;;12;3\n";
        let op = Op::Map {
            name: "b.csv",
            bytes: csv.as_bytes(),
        };
        let Ok(Answer::Preview(json)) = run(op, &sample(), None) else {
            panic!("no preview");
        };
        let p: cchc_core::mapping::MappingPreview = serde_json::from_str(&json).unwrap();
        assert!(p
            .changes
            .iter()
            .any(|c| c.cell == "hs_ho_tich.c4" && c.new == "12"));
    }

    #[test]
    fn a_broken_report_or_criteria_is_refused_with_a_message() {
        assert!(run(Op::Xlsx, "{", None).is_err());
        let docx = Op::Docx {
            previous: Some("[]"),
        };
        assert!(run(docx, &sample(), None).is_err());
        let e = run(Op::Xlsx, &sample(), Some("{}")).err().expect("refused");
        assert!(!e.vi.is_empty());
    }
}
