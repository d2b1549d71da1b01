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
    /// The covering report's narrative as printed: drafted from the figures, or as the
    /// officer edited it (`prose::draft`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    narrative: Vec<NarrativeOut>,
}

#[derive(Serialize)]
struct NarrativeOut {
    heading: String,
    text: String,
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
            let item = t.criteria.def(s.item);
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
        narrative: crate::prose::draft::document_text(&crate::prose::draft::Context {
            appendix: a,
            report,
            computed: &eval.computed,
            previous: None,
        })
        .into_iter()
        .map(|(heading, text)| NarrativeOut {
            heading: heading.vi,
            text,
        })
        .collect(),
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

/// The largest file `import` reads: 5 MB. A full export of a filled report (every cell, every
/// computed result, a document per item) is about 90 KB (`a_full_export_is_far_under_the_size_
/// limit`), so this leaves room for fifty times that, yet is parsed in well under a second on a
/// phone; anything larger is refused before parsing, so a wrong 50 MB file costs nothing.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// How many fields an import that drops unknown fields lists by name.
const LISTED_NOTES: usize = 20;

/// Why a file could not be imported. Each says where, in Vietnamese.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// Larger than `MAX_IMPORT_BYTES`: refused before reading.
    TooLarge { bytes: usize },
    /// Not JSON at all (a Word file, a truncated download), or JSON that cannot be read
    /// safely (nested too deeply, a number beyond f64, a key written twice).
    NotJson {
        line: usize,
        column: usize,
        detail: Text,
    },
    /// JSON, but not a report of this app.
    NotOurs,
    /// Written by a newer version of the app.
    Newer { schema: u32 },
    /// A schema that is not a whole number from 1 (`2.0`, `"2"`, `-1`): shown as found.
    BadSchema { found: String },
    /// Our format, but a field has the wrong shape or is out of range.
    Invalid { path: String, detail: Text },
}

impl ImportError {
    pub fn message(&self) -> Text {
        match self {
            ImportError::TooLarge { bytes } => {
                let mb = |b: usize| crate::number::format_decimal(b as f64 / 1_048_576.0, 1);
                Text::new(
                    format!("Tệp quá lớn ({} MB). Ứng dụng chỉ nhận tệp đến {} MB; tệp xuất của một báo cáo thường dưới 1 MB.", mb(*bytes), mb(MAX_IMPORT_BYTES)),
                    format!("The file is too large ({} MB). Files up to {} MB are accepted; a report's export is usually under 1 MB.", mb(*bytes), mb(MAX_IMPORT_BYTES)),
                )
            }
            ImportError::NotJson { line, column, detail } => Text::new(
                format!("Tệp không phải JSON hợp lệ (lỗi ở dòng {line}, cột {column}: {}). Có thể tệp bị hỏng hoặc không phải tệp xuất từ ứng dụng này.", detail.vi),
                format!("The file is not valid JSON (error at line {line}, column {column}: {}).", detail.en),
            ),
            ImportError::NotOurs => Text::new(
                "Tệp JSON này không phải báo cáo của ứng dụng Phụ lục CCHC (thiếu trường «format» hoặc «report»).",
                "This JSON file is not a Phụ lục CCHC report.",
            ),
            ImportError::Newer { schema } => Text::new(
                format!("Tệp được tạo bởi phiên bản mới hơn của ứng dụng (lược đồ {schema}, ứng dụng này đọc đến {SCHEMA}). Hãy tải lại trang để cập nhật ứng dụng."),
                format!("The file comes from a newer version (schema {schema}; this one reads up to {SCHEMA}). Reload to update."),
            ),
            ImportError::BadSchema { found } => Text::new(
                format!("Tệp ghi phiên bản lược đồ «{found}» không hợp lệ: phải là số nguyên từ 1 (ứng dụng này đọc đến {SCHEMA})."),
                format!("The file's schema “{found}” is not valid: it must be a whole number from 1 (this app reads up to {SCHEMA})."),
            ),
            ImportError::Invalid { path, detail } => Text::new(
                format!("Tệp có dữ liệu sai ở «{path}»: {}.", detail.vi),
                format!("The file has bad data at “{path}”: {}.", detail.en),
            ),
        }
    }
}

/// A report read from a file, with what the file held that the report cannot keep.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub report: Report,
    /// One line per field dropped (at most `LISTED_NOTES` named, then a count), for the app
    /// to show after the import; empty when everything was kept.
    pub notes: Vec<Text>,
}

/// Reads an export of this app (or a bare report) of any schema version up to ours.
pub fn import(json: &str) -> Result<Report, ImportError> {
    import_with_notes(json).map(|i| i.report)
}

/// The fields of an export around the report, which an import reads or knowingly ignores (the
/// computed results are recomputed, never taken as truth).
const ENVELOPE: &[&str] = &[
    "format",
    "schema",
    "exported_at",
    "appendix_title",
    "criteria_title",
    "criteria_is_sample",
    "report",
    "computed",
];

/// `import`, and the notes on what could not be kept.
pub fn import_with_notes(json: &str) -> Result<Imported, ImportError> {
    if json.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: json.len() });
    }
    let mut value =
        crate::json::parse_strict(json.trim_start_matches('\u{feff}')).map_err(|f| {
            ImportError::NotJson {
                line: f.line,
                column: f.column,
                detail: f.detail,
            }
        })?;
    let Value::Object(top) = &mut value else {
        return Err(ImportError::NotOurs);
    };
    let envelope = if top.get("format").and_then(Value::as_str) == Some(FORMAT) {
        if !top.contains_key("report") {
            return Err(ImportError::NotOurs);
        }
        true
    } else if top.contains_key("identity") && top.contains_key("values") {
        false
    } else {
        return Err(ImportError::NotOurs);
    };
    let schema = match top.get("schema") {
        None => 1,
        Some(v) => match v.as_u64() {
            Some(0) | None => {
                return Err(ImportError::BadSchema {
                    found: crate::json::excerpt(&v.to_string()),
                })
            }
            Some(n) => u32::try_from(n).unwrap_or(u32::MAX),
        },
    };
    if schema > SCHEMA {
        return Err(ImportError::Newer { schema });
    }
    let mut dropped = Vec::new();
    // The report itself, taken out of the envelope rather than copied (it may be megabytes).
    let report = if envelope {
        dropped.extend(
            top.keys()
                .filter(|k| !ENVELOPE.contains(&k.as_str()))
                .cloned(),
        );
        top.get_mut("report").map(Value::take).unwrap_or_default()
    } else {
        value
    };
    let (parsed, report_value) = read_report(schema, report)?;
    let kept = serde_json::to_value(&parsed).unwrap_or(Value::Null);
    let at = if envelope { "report" } else { "" };
    let skip_top: &[&str] = if envelope { &[] } else { &["schema"] };
    not_kept(&report_value, &kept, at, skip_top, &mut dropped);
    Ok(Imported {
        report: parsed,
        notes: notes(&dropped),
    })
}

/// The report part of a document of schema `schema` (1 when absent), migrated, read and
/// range-checked. A roll-up reads many documents and takes their reports out without building
/// the rest.
pub fn report_from_value(schema: Option<u64>, report: Value) -> Result<Report, ImportError> {
    let schema = match schema {
        None => 1,
        Some(0) => return Err(ImportError::BadSchema { found: "0".into() }),
        Some(n) => u32::try_from(n).unwrap_or(u32::MAX),
    };
    if schema > SCHEMA {
        return Err(ImportError::Newer { schema });
    }
    read_report(schema, report).map(|(r, _)| r)
}

/// The report of schema `schema`, migrated and read, with the migrated JSON it was read from.
fn read_report(schema: u32, report: Value) -> Result<(Report, Value), ImportError> {
    let report_value = migrate(schema, report);
    // Paths are within the report, as the officer's app shows its fields.
    let parsed: Report =
        serde_path_to_error::deserialize(&report_value).map_err(|e| ImportError::Invalid {
            path: crate::json::excerpt(&e.path().to_string()),
            detail: crate::json::describe(e.inner()),
        })?;
    parsed
        .identity
        .check_range()
        .map_err(|(field, detail)| ImportError::Invalid {
            path: format!("identity.{field}"),
            detail,
        })?;
    Ok((parsed, report_value))
}

/// What an imported report holds that `t` has no place for: values of cells the appendix does
/// not have, self-assessments of items the criteria set does not have. They stay in the report
/// (another set may use them) but are not shown, so the officer is told.
pub fn not_in_templates(t: &Templates, report: &Report) -> Vec<Text> {
    let cells: Vec<&str> = report
        .values
        .keys()
        .filter(|k| t.appendix.cell(k).is_none())
        .map(String::as_str)
        .collect();
    let known: std::collections::HashSet<&str> = (0..t.criteria.items.len())
        .map(|ix| t.criteria.def(ix).id.as_str())
        .collect();
    let items: Vec<&str> = report
        .assessments
        .keys()
        .filter(|k| !known.contains(k.as_str()))
        .map(String::as_str)
        .collect();
    let list = |ids: &[&str]| {
        let shown: Vec<String> = ids
            .iter()
            .take(5)
            .map(|i| crate::json::excerpt(i))
            .collect();
        let more = ids.len().saturating_sub(5);
        match more {
            0 => shown.join(", "),
            n => format!("{} (+{n})", shown.join(", ")),
        }
    };
    let mut out = Vec::new();
    if !cells.is_empty() {
        out.push(Text::new(
            format!(
                "{} ô không có trong phụ lục đang dùng ({}): giữ lại trong báo cáo nhưng không hiển thị.",
                cells.len(),
                list(&cells)
            ),
            format!(
                "{} cells are not in the appendix in use ({}): kept in the report, not shown.",
                cells.len(),
                list(&cells)
            ),
        ));
    }
    if !items.is_empty() {
        out.push(Text::new(
            format!(
                "{} tiêu chí tự chấm không có trong bộ tiêu chí đang dùng ({}): giữ lại nhưng không tính điểm.",
                items.len(),
                list(&items)
            ),
            format!(
                "{} self-assessed items are not in the criteria set in use ({}): kept, not scored.",
                items.len(),
                list(&items)
            ),
        ));
    }
    out
}

/// The paths of `input` that `kept` (the report as read, written back) does not have: fields
/// this app does not know. Nulls are empty values, not lost ones.
fn not_kept(input: &Value, kept: &Value, at: &str, skip: &[&str], out: &mut Vec<String>) {
    let join = |k: &str| match at {
        "" => k.to_owned(),
        at => format!("{at}.{k}"),
    };
    match (input, kept) {
        (Value::Object(i), Value::Object(k)) => {
            for (key, v) in i {
                match k.get(key) {
                    Some(kv) => not_kept(v, kv, &join(key), &[], out),
                    None if v.is_null() || skip.contains(&key.as_str()) => {}
                    None => out.push(join(key)),
                }
            }
        }
        (Value::Array(i), Value::Array(k)) => {
            for (n, (v, kv)) in i.iter().zip(k).enumerate() {
                not_kept(v, kv, &format!("{at}[{n}]"), &[], out);
            }
        }
        _ => {}
    }
}

fn notes(dropped: &[String]) -> Vec<Text> {
    let mut out: Vec<Text> = dropped
        .iter()
        .take(LISTED_NOTES)
        .map(|p| {
            let p = crate::json::excerpt(p);
            Text::new(
                format!("Trường «{p}» không thuộc mẫu báo cáo nên không được giữ lại."),
                format!("The field “{p}” is not part of a report and was not kept."),
            )
        })
        .collect();
    if dropped.len() > LISTED_NOTES {
        let more = dropped.len() - LISTED_NOTES;
        out.push(Text::new(
            format!("Và {more} trường khác không được giữ lại."),
            format!("And {more} more fields were not kept."),
        ));
    }
    out
}

/// Brings a report of schema `from` up to `SCHEMA`, one version at a time. Schema 1 is the
/// first published shape, so there is nothing to rewrite yet: each later schema adds an arm
/// that rewrites version n into n + 1.
fn migrate(from: u32, report: Value) -> Value {
    (from..SCHEMA).fold(report, |r, _version| r)
}
