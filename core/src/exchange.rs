//! JSON in and out. An export carries the report (what was typed) and every computed result,
//! so someone without the app can read the figures; an import takes back any export of this
//! app, or a bare report, migrating older schema versions, and says in Vietnamese where a bad
//! file went wrong.

use serde::Serialize;
use serde_json::Value;

use crate::checks::Severity;
use crate::number::{format_percent, round_half_up};
use crate::present::{self, value::CellText};
use crate::report::{Report, SCHEMA};
use crate::scoring::{self, ItemStatus};
use crate::text::{Lang, Text};
use crate::workspace::{Evaluation, Templates};

/// The `format` field that marks a file as ours.
pub const FORMAT: &str = "phuluc-cchc";

#[derive(Serialize)]
struct Export<'a> {
    format: &'static str,
    schema: u32,
    exported_at: &'a str,
    appendix_title: &'a str,
    criteria_title: &'a str,
    criteria_is_sample: bool,
    report: &'a Report,
    computed: Computed<'a>,
}

#[derive(Serialize)]
struct Computed<'a> {
    /// Every cell with a value, typed or derived, with its label and its display text.
    cells: Vec<CellOut<'a>>,
    findings: Vec<FindingOut>,
    scoring: ScoringOut<'a>,
}

#[derive(Serialize)]
struct CellOut<'a> {
    id: &'a str,
    label: String,
    derived: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<f64>,
    shown: String,
}

#[derive(Serialize)]
struct FindingOut {
    severity: &'static str,
    cells: Vec<String>,
    message: String,
}

#[derive(Serialize)]
struct ScoringOut<'a> {
    items: Vec<ItemOut<'a>>,
    achieved: f64,
    bonus: f64,
    penalty: f64,
    total: f64,
    applicable_max: f64,
    survey_max: f64,
    index: Option<f64>,
    index_shown: String,
    band: String,
}

#[derive(Serialize)]
struct ItemOut<'a> {
    id: &'a str,
    stt: &'a str,
    title: &'a str,
    max: f64,
    status: &'static str,
    points: f64,
    explanation: &'a str,
    warnings: Vec<&'a str>,
}

/// The report and everything computed from it, as pretty JSON.
pub fn export(t: &Templates, report: &Report, eval: &Evaluation, exported_at: &str) -> String {
    let a = &t.appendix;
    let cells = a
        .cells
        .iter()
        .enumerate()
        .filter_map(|(ix, cell)| {
            let value = eval.computed.number(ix);
            // The cells with something to show, shown as every view shows them.
            let shown = match present::value::cell(a, report, &eval.computed, ix) {
                CellText::Empty => return None,
                shown => shown.as_str().to_owned(),
            };
            Some(CellOut {
                id: &cell.id,
                label: a.cell_label(ix).vi,
                derived: !cell.is_input(),
                value,
                shown,
            })
        })
        .collect();
    let findings = eval
        .findings
        .iter()
        .map(|f| FindingOut {
            severity: match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            cells: f.cells.iter().map(|&c| a.cells[c].id.clone()).collect(),
            message: f.message.vi.clone(),
        })
        .collect();
    let tpl = &t.criteria.template;
    let card = &eval.scorecard;
    let items = card
        .items
        .iter()
        .map(|s| {
            let item = &tpl.areas[s.area].criteria[s.criterion].items[s.item];
            ItemOut {
                id: &item.id,
                stt: &item.stt,
                title: &item.title.vi,
                max: item.max,
                status: match s.status {
                    ItemStatus::Scored => "scored",
                    ItemStatus::NotApplicable => "not_applicable",
                    ItemStatus::Pending => "pending",
                    ItemStatus::Invalid => "invalid",
                },
                points: s.points,
                explanation: &s.explanation.vi,
                warnings: s.warnings.iter().map(|w| w.vi.as_str()).collect(),
            }
        })
        .collect();
    let scoring = ScoringOut {
        items,
        achieved: card.achieved,
        bonus: card.bonus,
        penalty: card.penalty,
        total: card.total,
        applicable_max: card.applicable_max,
        survey_max: card.survey_max,
        index: card.index.map(|i| round_half_up(i, 6)),
        index_shown: format_percent(card.index),
        band: scoring::band_label(&t.criteria, card, Lang::Vi),
    };
    let doc = Export {
        format: FORMAT,
        schema: SCHEMA,
        exported_at,
        appendix_title: &a.template.title.vi,
        criteria_title: &tpl.title.vi,
        criteria_is_sample: tpl.sample,
        report,
        computed: Computed {
            cells,
            findings,
            scoring,
        },
    };
    serde_json::to_string_pretty(&doc).expect("an export always serialises")
}

/// "phuluc-cchc_xa-tan-ha_6thang_2026.json": commune, period and year, in plain ASCII so that
/// every mail client and file system keeps it.
pub fn file_name(report: &Report) -> String {
    let id = &report.identity;
    let commune = slug(&format!("{} {}", id.commune_kind.code(), id.commune));
    format!(
        "phuluc-cchc_{commune}_{}_{}.json",
        id.period.code(),
        id.year
    )
}

/// Lower-case ASCII with Vietnamese diacritics removed and words joined by "-".
pub fn slug(s: &str) -> String {
    const FROM: &str = "àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ_";
    const TO: &str = "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd-";
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        let c = FROM
            .chars()
            .position(|f| f == c)
            .and_then(|i| TO.chars().nth(i))
            .unwrap_or(c);
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// Why a file could not be imported. Each says where, in Vietnamese.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// Not JSON at all (a Word file, a truncated download).
    NotJson { line: usize, column: usize },
    /// JSON, but not a report of this app.
    NotOurs,
    /// Written by a newer version of the app.
    Newer { schema: u32 },
    /// Our format, but a field has the wrong shape.
    Invalid { path: String, detail: String },
}

impl ImportError {
    pub fn message(&self) -> Text {
        match self {
            ImportError::NotJson { line, column } => Text::new(
                format!("Tệp không phải JSON hợp lệ (lỗi ở dòng {line}, cột {column}). Có thể tệp bị hỏng hoặc không phải tệp xuất từ ứng dụng này."),
                format!("The file is not valid JSON (error at line {line}, column {column})."),
            ),
            ImportError::NotOurs => Text::new(
                "Tệp JSON này không phải báo cáo của ứng dụng Phụ lục CCHC (thiếu trường «format» hoặc «report»).",
                "This JSON file is not a Phụ lục CCHC report.",
            ),
            ImportError::Newer { schema } => Text::new(
                format!("Tệp được tạo bởi phiên bản mới hơn của ứng dụng (lược đồ {schema}, ứng dụng này đọc đến {SCHEMA}). Hãy tải lại trang để cập nhật ứng dụng."),
                format!("The file comes from a newer version (schema {schema}; this one reads up to {SCHEMA}). Reload to update."),
            ),
            ImportError::Invalid { path, detail } => Text::new(
                format!("Tệp có dữ liệu sai ở «{path}»: {detail}"),
                format!("The file has bad data at “{path}”: {detail}"),
            ),
        }
    }
}

/// Reads an export of this app (or a bare report) of any schema version up to ours.
pub fn import(json: &str) -> Result<Report, ImportError> {
    let value: Value = serde_json::from_str(json.trim_start_matches('\u{feff}')).map_err(|e| {
        ImportError::NotJson {
            line: e.line(),
            column: e.column(),
        }
    })?;
    let (schema, report) = match &value {
        Value::Object(o) if o.get("format").and_then(Value::as_str) == Some(FORMAT) => (
            o.get("schema").and_then(Value::as_u64),
            o.get("report").cloned().ok_or(ImportError::NotOurs)?,
        ),
        Value::Object(o) if o.contains_key("identity") && o.contains_key("values") => {
            (o.get("schema").and_then(Value::as_u64), value.clone())
        }
        _ => return Err(ImportError::NotOurs),
    };
    let schema = u32::try_from(schema.unwrap_or(1)).unwrap_or(u32::MAX);
    if schema > SCHEMA {
        return Err(ImportError::Newer { schema });
    }
    let report = migrate(schema, report);
    serde_path_to_error::deserialize(report).map_err(|e| ImportError::Invalid {
        path: e.path().to_string(),
        detail: e.into_inner().to_string(),
    })
}

/// Brings a report of schema `from` up to `SCHEMA`, one version at a time. Schema 1 is the
/// first published shape, so there is nothing to rewrite yet: each later schema adds an arm
/// that rewrites version n into n + 1.
fn migrate(from: u32, report: Value) -> Value {
    (from..SCHEMA).fold(report, |r, _version| r)
}
